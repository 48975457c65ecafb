/**
 * Every distinct word of the vocabulary, with the ways a typed word may reach it:
 * exactly, with one typo (or two in long words), by a shared beginning (inflection,
 * compounds, endings: "hastaneye" -> "hastane", "улице" -> "улица"), by a known ending
 * ("crisisopvang" -> "opvang"), after a clitic prefix ("والشرطه" -> "شرطه"), or by
 * consonant skeleton from romanised text ("mareed" -> "مریض").
 *
 * Everything is a hash lookup on strings built from the typed word, so a lookup costs
 * microseconds whatever the size of the vocabulary: no scan of all words.
 */
import { scriptOfWord, type Script } from './scripts.ts';
import { skeleton } from './skeleton.ts';
import { SIM } from './tuning.ts';

export interface Candidate {
  readonly id: number;
  readonly sim: number;
  /** Reached only through the consonant skeleton (romanised text). */
  readonly skeleton?: boolean;
}

const VOWEL = /[aeiouy]/;

/** Fewest shared first letters for a prefix match, per script. */
function minShared(script: Script): number {
  return script === 'arabic' || script === 'ethiopic' ? 3 : 4;
}

/** Optimal string alignment distance, giving up above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: lb + 1 }, (_, j) => j);
  for (let i = 1; i <= la; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= lb; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[lb]!;
}

function push<K>(map: Map<K, number[]>, key: K, id: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id);
}

/**
 * 32-bit FNV-1a of a string. Deletion variants are keyed by it rather than by the
 * strings themselves (a third of the memory); a collision only offers a candidate
 * that the edit distance check then refuses.
 */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function sharedStart(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Arabic and Persian prefixes written joined to the word: article + preposition,
 * "and", "with/in", "for", "so", Persian negation (ن) and imperative (ب). */
const ARABIC_CLITICS = ['وال', 'بال', 'فال', 'کال', 'لل', 'و', 'ب', 'ل', 'ف', 'ن'];
const ARABIC_VERB_PREFIXES = ['ی', 'ت', 'ن', 'ا'];
/** Ethiopic prepositions written joined to the next word, in consonant-base form. */
const ETHIOPIC_CLITICS = ['ካበ', 'ናበ', 'አበ', 'የ', 'በ', 'ለ', 'ከ', 'ነ', 'መ'];

/** What a lexicon is made of, as written to and read from the prebuilt file (prebuilt-index.ts). */
export interface LexiconData {
  readonly words: readonly string[];
  /** Hashes of the deletion variants of the words of four letters or more, sorted... */
  readonly deleteKeys: Uint32Array;
  /** ...and the word id of each (a hash shared by several words appears once per word). */
  readonly deleteIds: Uint32Array;
  /** Word ids in string order, for beginnings. */
  readonly sorted: Uint32Array;
  /** First two letters -> the ids of the words of seven letters or more (two typos). */
  readonly byStart: ReadonlyMap<string, readonly number[]>;
  /** Consonant skeleton -> the ids of the words romanised text may reach through it. */
  readonly skeletons: ReadonlyMap<string, readonly number[]>;
}

/** Collects the words while the index is built; `finish` makes the lexicon. */
export class LexiconBuilder {
  private readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  /** Hash of a deletion variant -> the word id, or the ids when several share it. */
  private readonly deletes = new Map<number, number | number[]>();
  private readonly byStart = new Map<string, number[]>();
  private readonly skeletons = new Map<string, number[]>();

  get size(): number {
    return this.words.length;
  }

  /** Add a word (idempotent); returns its id. */
  add(word: string): number {
    const known = this.ids.get(word);
    if (known !== undefined) return known;
    const id = this.words.length;
    this.ids.set(word, id);
    this.words.push(word);
    const script = scriptOfWord(word);
    const len = word.length;
    if (script === 'han' || script === 'digit') return id;
    if (len >= 4) {
      for (let i = 0; i < len; i++) {
        const key = hash(word.slice(0, i) + word.slice(i + 1));
        const had = this.deletes.get(key);
        if (had === undefined) this.deletes.set(key, id);
        else if (typeof had === 'number') {
          if (had !== id) this.deletes.set(key, [had, id]);
        } else if (had[had.length - 1] !== id) had.push(id);
      }
    }
    if (len >= 7) push(this.byStart, word.slice(0, 2), id);
    return id;
  }

  /** Let romanised text reach this word through its consonant skeleton. */
  addSkeleton(id: number): void {
    const s = skeleton(this.words[id]!);
    if (s.length >= 3) push(this.skeletons, s, id);
  }

  finish(): Lexicon {
    // The deletion variants as two sorted arrays (a tenth of the memory of a map of 100,000
    // entries); the ids of one hash stay in the order they were added.
    const entries: Array<[number, number]> = [];
    for (const [key, ids] of this.deletes) for (const id of typeof ids === 'number' ? [ids] : ids) entries.push([key, id]);
    entries.sort((a, b) => a[0] - b[0]);
    const words = this.words;
    const sorted = words.map((_, i) => i).sort((a, b) => (words[a]! < words[b]! ? -1 : words[a]! > words[b]! ? 1 : 0));
    return new Lexicon({
      words,
      deleteKeys: Uint32Array.from(entries, (entry) => entry[0]),
      deleteIds: Uint32Array.from(entries, (entry) => entry[1]),
      sorted: Uint32Array.from(sorted),
      byStart: this.byStart,
      skeletons: this.skeletons,
    });
  }
}

export class Lexicon {
  private readonly ids = new Map<string, number>();
  readonly words: readonly string[];
  private readonly deleteKeys: Uint32Array;
  private readonly deleteIds: Uint32Array;
  private readonly sorted: Uint32Array;
  private readonly byStart: ReadonlyMap<string, readonly number[]>;
  private readonly skeletons: ReadonlyMap<string, readonly number[]>;

  constructor(readonly data: LexiconData) {
    ({ words: this.words, deleteKeys: this.deleteKeys, deleteIds: this.deleteIds, sorted: this.sorted, byStart: this.byStart, skeletons: this.skeletons } = data);
    for (const [id, word] of this.words.entries()) this.ids.set(word, id);
  }

  get size(): number {
    return this.words.length;
  }

  id(word: string): number | undefined {
    return this.ids.get(word);
  }

  /** The ids of the words that have a deletion variant with this hash, as a range of deleteIds. */
  private deletesOf(key: number): [number, number] {
    const keys = this.deleteKeys;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < keys.length && keys[end] === key) end++;
    return [lo, end];
  }

  /** First position in the sorted ids whose word is not before `s`. */
  private lowerBound(s: string): number {
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.words[sorted[mid]!]! < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The words a typed (normalised) word may stand for, best first, at most `limit`. */
  candidates(q: string, limit = 8): Candidate[] {
    const best = new Map<number, number>();
    const offer = (id: number, sim: number) => {
      const had = best.get(id);
      if (had === undefined || sim > had) best.set(id, sim);
    };
    const viaSkeleton = new Set<number>();
    const script = scriptOfWord(q);
    const exact = this.ids.get(q);
    if (exact !== undefined) offer(exact, SIM.exact);
    if (script !== 'han' && script !== 'digit') {
      this.fuzzy(q, script, 1, offer);
      if (script === 'arabic' || script === 'ethiopic') {
        // Prepositions and conjunctions written joined to the word, and (Arabic) the
        // prefixes of the present tense: "بيهددني" -> "يهددني" -> "هددني".
        const clitics = script === 'arabic' ? ARABIC_CLITICS : ETHIOPIC_CLITICS;
        const strip = (word: string, list: readonly string[], scale: number, depth: number) => {
          for (const c of list) {
            if (word.length - c.length < (script === 'arabic' ? 2 : 3) || !word.startsWith(c)) continue;
            const rest = word.slice(c.length);
            const id = this.ids.get(rest);
            if (id !== undefined) offer(id, scale);
            // Two Arabic letters left ("وما" -> "ما"): only an exact word.
            if (rest.length < 3) continue;
            this.fuzzy(rest, script, scale, offer, true);
            if (depth > 0 && script === 'arabic') strip(rest, ARABIC_VERB_PREFIXES, scale * 0.97, depth - 1);
          }
        };
        strip(q, script === 'arabic' ? [...clitics, ...ARABIC_VERB_PREFIXES] : clitics, SIM.clitic, 1);
      }
      if (script === 'latin' && q.length >= 4) {
        let top = 0;
        for (const s of best.values()) if (s > top) top = s;
        if (top < 0.8) {
          const sk = skeleton(q);
          const list = sk.length >= 3 ? this.skeletons.get(sk) : undefined;
          if (list) {
            for (const id of list) {
              viaSkeleton.add(id);
              offer(id, SIM.skeleton);
            }
          }
        }
      }
    }
    const out: Candidate[] = [];
    for (const [id, sim] of best) out.push(viaSkeleton.has(id) && sim === SIM.skeleton ? { id, sim, skeleton: true } : { id, sim });
    out.sort((a, b) => b.sim - a.sim);
    if (out.length > limit) out.length = limit;
    // A word the vocabulary knows as typed is not read as a typo of another word.
    const floor = exact !== undefined ? 0.9 : (out[0]?.sim ?? 0) - 0.3;
    return out.filter((c) => c.sim >= floor);
  }

  /** Typos, shared beginnings and compound endings; similarities scaled by `scale`. */
  private fuzzy(q: string, script: Script, scale: number, offer: (id: number, sim: number) => void, prefixOnly = false): void {
    const len = q.length;
    // One edit: a word and a typed word one edit apart share a deletion variant.
    if (!prefixOnly && len >= 4) {
      const seen = new Set<number>();
      const checkOne = (id: number) => {
        if (seen.has(id)) return;
        seen.add(id);
        const w = this.words[id]!;
        if (w === q || w.length < 4) return;
        const m = Math.min(len, w.length);
        // In short words a different first letter makes a different word ("turn"/"burn").
        // (Two vowels are fine: romanised Arabic spells them as it likes, "anam"/"onam".)
        if (m < 6 && w[0] !== q[0] && !(VOWEL.test(w[0]!) && VOWEL.test(q[0]!))) return;
        if (editDistance(q, w, 1) <= 1) offer(id, scale * (m >= 6 ? SIM.oneEditLong : m === 5 ? SIM.oneEdit5 : SIM.oneEdit4));
      };
      const checkVariants = (key: number) => {
        const [from, to] = this.deletesOf(key);
        for (let k = from; k < to; k++) checkOne(this.deleteIds[k]!);
      };
      checkVariants(hash(q));
      for (let i = 0; i < len; i++) {
        const d = q.slice(0, i) + q.slice(i + 1);
        const id = this.ids.get(d);
        if (id !== undefined) checkOne(id);
        checkVariants(hash(d));
      }
      // Two edits in long words.
      if (len >= 8) {
        for (const id of this.byStart.get(q.slice(0, 2)) ?? []) {
          if (seen.has(id)) continue;
          const w = this.words[id]!;
          if (w.length < 8) continue;
          if (editDistance(q, w, 2) <= 2) offer(id, scale * SIM.twoEdits);
        }
      }
    }
    // A shared beginning: inflection, endings, truncation, compounds whose head is first.
    // One word being the start of the other is strong evidence; two words that part ways
    // after a shared beginning ("вагітна"/"вагітність") need a longer one.
    const min = minShared(script);
    if (len >= min) {
      const sorted = this.sorted;
      const start = q.slice(0, min);
      for (let i = this.lowerBound(start); i < sorted.length; i++) {
        const id = sorted[i]!;
        const w = this.words[id]!;
        if (!w.startsWith(start)) break;
        if (w === q) continue;
        const k = sharedStart(q, w);
        const ratio = k / Math.max(len, w.length);
        // A whole known stem followed by an ending ("öldür" + "eceğim", "hastane" + "ye").
        if (k === w.length && k >= min + 1) {
          offer(id, scale * Math.max(SIM.stem, 0.5 + 0.45 * ratio));
          continue;
        }
        if (ratio < 0.5) continue;
        // A typed word cut short ("hosp") must itself be long enough to mean something.
        if (k === len && len <= min) continue;
        if (k === len || k === w.length) offer(id, scale * (0.5 + 0.45 * ratio));
        // Ethiopic words are short roots plus affixes: three shared consonants are a root.
        else if (k >= min + (script === 'ethiopic' ? 0 : 1)) offer(id, scale * (0.45 + 0.4 * ratio));
      }
    }
    // A known word at the end of a compound ("crisisopvang" -> "opvang").
    if (!prefixOnly && script === 'latin' && len >= 8) {
      for (let k = 5; k <= len - 3; k++) {
        const id = this.ids.get(q.slice(len - k));
        if (id !== undefined) offer(id, scale * SIM.compound);
      }
    }
  }
}
