/**
 * Runs of words that mean something as a whole ("years old", "very urgent", "den haag"), found in
 * a text longest first: the shared walk of the slot reader and the urgency filter.
 */

/** Phrases of one word or more, normalised -> what they mean; a text is read longest run first. */
export interface RunTable<V> {
  values: Map<string, V>;
  longest: number;
  /** First words of phrases of two words or more: only there is a longer run worth a look. */
  starts: Set<string>;
}

export function runTable<V>(): RunTable<V> {
  return { values: new Map(), longest: 1, starts: new Set() };
}

/** Adds `key` (normalised) unless it is there already. */
export function addRun<V>(table: RunTable<V>, key: string, value: V): void {
  if (table.values.has(key)) return;
  table.values.set(key, value);
  const parts = key.split(' ');
  table.longest = Math.max(table.longest, parts.length);
  if (parts.length > 1) table.starts.add(parts[0]!);
}

/**
 * Each run of `words` that `find` knows, left to right, the longest at each place first; runs
 * do not overlap. `single` says the run is one word (prepositions and endings are tried there).
 */
export function eachRun<V>(
  words: readonly string[],
  tables: readonly RunTable<V>[],
  find: (run: string, single: boolean) => V | undefined,
  onRun: (value: V, from: number, length: number) => void,
): void {
  const longest = Math.max(...tables.map((t) => t.longest));
  for (let i = 0; i < words.length; i++) {
    const multi = tables.some((t) => t.starts.has(words[i]!));
    for (let len = multi ? Math.min(longest, words.length - i) : 1; len >= 1; len--) {
      const value = find(len === 1 ? words[i]! : words.slice(i, i + len).join(' '), len === 1);
      if (value === undefined) continue;
      onRun(value, i, len);
      i += len - 1;
      break;
    }
  }
}
