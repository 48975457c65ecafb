/**
 * Words of a matching key. Spaces separate words in every script we serve except
 * Chinese, which is cut into the longest words the vocabulary knows (greedy longest
 * match), so "我需要看医生" meets the keyword "医生".
 */
import { isHan, scriptOfChar } from './scripts.ts';

export interface HanDictionary {
  readonly words: ReadonlySet<string>;
  readonly maxLength: number;
}

export function makeHanDictionary(words: Iterable<string>): HanDictionary {
  const set = new Set<string>();
  let maxLength = 1;
  for (const w of words) {
    if (!w || ![...w].every(isHan)) continue;
    set.add(w);
    maxLength = Math.max(maxLength, [...w].length);
  }
  return { words: set, maxLength: Math.min(maxLength, 8) };
}

/** Split a Han run into dictionary words; unknown characters stand alone. */
function segmentHan(run: string, dict: HanDictionary | undefined, out: string[]): void {
  const chars = [...run];
  let i = 0;
  while (i < chars.length) {
    let taken = 1;
    if (dict) {
      for (let len = Math.min(dict.maxLength, chars.length - i); len > 1; len--) {
        if (dict.words.has(chars.slice(i, i + len).join(''))) {
          taken = len;
          break;
        }
      }
    }
    out.push(chars.slice(i, i + taken).join(''));
    i += taken;
  }
}

/**
 * Words of a normalised key. A word that mixes Han with other letters is split at the
 * script boundary. Without a dictionary (when indexing the vocabulary itself) a Han run
 * stays one word.
 */
export function tokenize(key: string, han?: HanDictionary): string[] {
  const out: string[] = [];
  for (const word of key.split(' ')) {
    if (!word) continue;
    let hasHanChar = false;
    for (const ch of word) {
      if (isHan(ch)) {
        hasHanChar = true;
        break;
      }
    }
    if (!hasHanChar) {
      out.push(word);
      continue;
    }
    // Split into Han and non-Han runs.
    let run = '';
    let runIsHan = false;
    const flush = () => {
      if (!run) return;
      if (runIsHan) {
        if (han) segmentHan(run, han, out);
        else out.push(run);
      } else out.push(run);
      run = '';
    };
    for (const ch of word) {
      const h = scriptOfChar(ch) === 'han';
      if (run && h !== runIsHan) flush();
      runIsHan = h;
      run += ch;
    }
    flush();
  }
  return out;
}
