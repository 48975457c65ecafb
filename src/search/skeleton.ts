/**
 * Consonant skeletons, so that romanised Arabic ("Arabizi": "mareed", "mo7ami") and
 * romanised Persian ("Finglish": "doktor mikham") meet keywords written in Arabic
 * script: both sides are transliterated to Latin (any-ascii), digraphs for one letter
 * (kh, sh, gh) become one symbol, then vowels and the semivowels that Arabic script
 * writes as vowels (w, y) are dropped. "مريض" -> "mryd" -> "mrd" and "mareed" -> "mrd".
 */
import anyAscii from 'any-ascii';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII, control characters included
const NON_ASCII = /[^\x00-\x7f]/;

/** The skeleton of a word in any script. Callers skip Han words (pinyin skeletons collide). */
export function skeleton(word: string): string {
  let s = NON_ASCII.test(word) ? anyAscii(word).toLowerCase() : word;
  s = s
    // A final h is the vowel ending (ة/ه), not a consonant: "mdrsh" is "madrese".
    .replace(/h$/, '')
    .replace(/ph/g, 'f')
    // Digraphs that stand for one Arabic letter keep it apart: خ (kh) is not ك (k).
    .replace(/kh/g, 'X')
    .replace(/[sc]h/g, 'S')
    .replace(/gh/g, 'G')
    .replace(/th/g, 't')
    .replace(/dh/g, 'd')
    .replace(/zh/g, 'Z')
    .replace(/[cq]/g, 'k')
    .replace(/v/g, 'w')
    .replace(/[aeiouyw'`]/g, '')
    .replace(/[^a-zA-Z]/g, '')
    .replace(/([a-zA-Z])\1+/g, '$1');
  return s;
}
