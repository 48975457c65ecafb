/**
 * Which writing system a word or a text is in. Language guessing starts here, and so
 * does fuzzy matching: how much typo tolerance a word gets depends on its script
 * (Arabic-script words lack short vowels, Ethiopic syllables carry them).
 */

export type Script = 'latin' | 'arabic' | 'ethiopic' | 'cyrillic' | 'han' | 'digit' | 'other';

/** The scripts a language can be written in (routing.json `scripts`), in the order a tie between their counts goes. */
export const WRITING_SCRIPTS = ['latin', 'arabic', 'ethiopic', 'cyrillic', 'han'] as const;
export type WritingScript = (typeof WRITING_SCRIPTS)[number];

const HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;

export function isHan(ch: string): boolean {
  return HAN.test(ch);
}

export function scriptOfChar(ch: string): Script {
  const cp = ch.codePointAt(0)!;
  if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0xc0 && cp <= 0x24f)) return 'latin';
  if (cp >= 0x30 && cp <= 0x39) return 'digit';
  if ((cp >= 0x600 && cp <= 0x6ff) || (cp >= 0x750 && cp <= 0x77f) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff)) return 'arabic';
  if ((cp >= 0x1200 && cp <= 0x139f) || (cp >= 0x2d80 && cp <= 0x2ddf) || (cp >= 0xab00 && cp <= 0xab2f)) return 'ethiopic';
  if (cp >= 0x400 && cp <= 0x52f) return 'cyrillic';
  if (HAN.test(ch)) return 'han';
  return 'other';
}

/** The script of a (normalised) word: its first letter's. */
export function scriptOfWord(word: string): Script {
  for (const ch of word) {
    const s = scriptOfChar(ch);
    if (s !== 'digit') return s;
  }
  return 'digit';
}

/** Letters per script in a raw text. */
export function countScripts(text: string): Record<Script, number> {
  const counts: Record<Script, number> = { latin: 0, arabic: 0, ethiopic: 0, cyrillic: 0, han: 0, digit: 0, other: 0 };
  for (const ch of text) {
    if (ch === ' ') continue;
    counts[scriptOfChar(ch)]++;
  }
  return counts;
}
