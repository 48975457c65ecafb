/**
 * Consonant skeletons, so that romanised Arabic ("Arabizi": "mareed", "mo7ami") and
 * romanised Persian ("Finglish": "doktor mikham") meet keywords written in Arabic
 * script: both sides are transliterated to Latin (any-ascii), then vowels, the
 * semivowels that Arabic script writes as vowels (w, y) and the h of digraphs are
 * dropped. "مريض" -> "mryd" -> "mrd" and "mareed" -> "mrd".
 */
import anyAscii from 'any-ascii';

const NON_ASCII = /[^\x00-\x7f]/;

/** The skeleton of a word in any script. Callers skip Han words (pinyin skeletons collide). */
export function skeleton(word: string): string {
  let s = NON_ASCII.test(word) ? anyAscii(word).toLowerCase() : word;
  s = s
    .replace(/ph/g, 'f')
    .replace(/[cq]/g, 'k')
    .replace(/v/g, 'w')
    .replace(/x/g, 'ks')
    .replace(/([bcdfgjklmnpqrstvwxz])h/g, '$1')
    .replace(/h$/, '')
    .replace(/[aeiouyw'`]/g, '')
    .replace(/[^a-z]/g, '')
    .replace(/([a-z])\1+/g, '$1');
  return s;
}
