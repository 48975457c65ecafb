/**
 * Matching keys for free text. Never show the output to anyone: it folds away what a
 * reader needs (accents, short vowels, vowel orders of Ethiopic syllables) so that what
 * people type on whatever keyboard they have meets what the keyword lists say.
 *
 * The same function runs on the keyword lists and on what people type, so every fold
 * is symmetric: it only has to make the two sides agree, not produce a real word.
 */
import { TUNING } from './tuning.ts';

/** Zero-width and bidi controls, soft hyphen, BOM. ZWNJ is handled separately. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each joiner and mark is listed to be removed on its own
const INVISIBLE = /[\u00AD\u180E\u200B\u200D-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const ZWNJ = /\u200C/g;
const TATWEEL = /\u0640/g;
const COMBINING = /\p{M}/gu;

/**
 * Arabic-script letter variants, one key per sound as people actually interchange them:
 * Arabic and Persian keyboards (yeh/kaf), teh marbuta, alef forms (their hamza and
 * madda are combining marks and go with the harakat), and the Pashto and Sorani letters
 * that people without those keyboards replace with the nearest Persian letter.
 */
const ARABIC_LETTERS: Record<string, string> = {
  '\u064A': '\u06CC', // ي -> ی
  '\u0649': '\u06CC', // ى -> ی
  '\u06D2': '\u06CC', // ے -> ی
  '\u0643': '\u06A9', // ك -> ک
  '\u0629': '\u0647', // ة -> ه
  '\u06C0': '\u0647', // ۀ -> ه
  '\u06BE': '\u0647', // ھ -> ه
  '\u06D5': '\u0647', // Sorani ە -> ه
  '\u0671': '\u0627', // ٱ -> ا
  '\u0621': '', // ء (a lone hamza is written or not)
  '\u06CE': '\u06CC', // Sorani ێ -> ی
  '\u06C6': '\u0648', // Sorani ۆ -> و
  '\u06B5': '\u0644', // Sorani ڵ -> ل
  '\u0695': '\u0631', // Sorani ڕ -> ر
  '\u06A4': '\u0641', // ڤ -> ف
  '\u067C': '\u062A', // Pashto ټ -> ت
  '\u0689': '\u062F', // Pashto ډ -> د
  '\u0693': '\u0631', // Pashto ړ -> ر
  '\u06BC': '\u0646', // Pashto ڼ -> ن
  '\u06AB': '\u06AF', // Pashto ګ -> گ
  '\u06D0': '\u06CC', // Pashto ې -> ی
  '\u06CD': '\u06CC', // Pashto ۍ -> ی
  '\u069A': '\u0634', // Pashto ښ -> ش
  '\u0696': '\u0698', // Pashto ږ -> ژ
  '\u0681': '\u062C', // Pashto ځ -> ج
  '\u0685': '\u0633', // Pashto څ -> س
};
const ARABIC_LETTER_RE = new RegExp(`[${Object.keys(ARABIC_LETTERS).join('')}]`, 'g');

/** Latin letters that neither NFKD nor lower-casing take apart. */
const LATIN_LETTERS: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const LATIN_LETTER_RE = /[ßøæœłđðþı]/g;

/**
 * Ethiopic: syllables come in rows of 8 (one consonant, seven vowels + a labialised
 * form), so the first-order form of any syllable is its code point rounded down to
 * the row. Inflection changes vowels, so matching on the consonant base lets
 * "ሕክምና" meet "ሓኪም". Then letters that sound alike in Amharic and that Tigrinya
 * writers on Amharic keyboards swap are folded together.
 */
const ETHIOPIC_SAME: Record<number, number> = {
  0x1210: 0x1200, // ሐ -> ሀ
  0x1280: 0x1200, // ኀ -> ሀ
  0x1220: 0x1230, // ሠ -> ሰ
  0x12d0: 0x12a0, // ዐ -> አ
  0x1340: 0x1338, // ፀ -> ጸ
  0x1250: 0x1240, // Tigrinya ቐ -> ቀ
  0x1258: 0x1240, // ቘ -> ቀ
  0x1248: 0x1240, // ቈ -> ቀ
  0x12b8: 0x12a8, // Tigrinya ኸ -> ከ
  0x12c0: 0x12a8, // ዀ -> ከ
  0x12b0: 0x12a8, // ኰ -> ከ
  0x1310: 0x1308, // ጐ -> ገ
  0x1288: 0x1280, // ኈ -> ኀ (then ሀ)
  // Amharic inflection palatalises a final consonant ("ወለድኩ" / "ወልጃለሁ", "ቤትሽ"):
  // fold the palatals back to their plain consonant.
  0x1300: 0x12f0, // ጀ -> ደ
  // Not ቸ -> ተ: it made "መቼ" (when, a function word) the same word as "ሞት" (death), so
  // "መሞት እፈልጋለሁ" (I want to die) was read as function words only.
  0x1328: 0x1320, // ጨ -> ጠ
  0x1238: 0x1230, // ሸ -> ሰ
  0x12e0: 0x12d8, // ዠ -> ዘ
  0x1298: 0x1290, // ኘ -> ነ
};
const ETHIOPIC_SYLLABLE = /[\u1200-\u135A]/g;
const ETHIOPIC_PUNCT = /[\u1360-\u1368]/g;
const ETHIOPIC_LETTER = /\p{Script=Ethiopic}/u;

function ethiopicBase(ch: string): string {
  const cp = ch.codePointAt(0)!;
  let base = cp - ((cp - 0x1200) % 8);
  base = ETHIOPIC_SAME[base] ?? base;
  base = ETHIOPIC_SAME[base] ?? base;
  return String.fromCodePoint(base);
}

/** Arabizi chat digits: the Arabic sound each stands for, in Latin. */
const ARABIZI_DIGITS: Record<string, string> = {
  '2': '', // ء hamza
  '3': '', // ع ain (written, dropped or as a vowel: drop it on both sides)
  '4': 'th', // ث (rare)
  '5': 'kh', // خ
  '6': 't', // ط
  '7': 'h', // ح
  '8': 'gh', // غ / ق
  '9': 's', // ص / ق
};

const LATIN_LETTER = /[a-z]/;
const ARABIC_SCRIPT_WORD = /^[\u0600-\u06FF]+$/;

/**
 * Fold one word of Latin letters mixed with digits the way Arabizi is written
 * ("ma3i" -> "mai", "7amil" -> "hamil", "2night" -> "night"). Numbers alone stay.
 */
export function foldArabiziDigits(word: string): string {
  if (!LATIN_LETTER.test(word) || !/[2-9]/.test(word)) return word;
  return word.replace(/[2-9]/g, (d) => ARABIZI_DIGITS[d] ?? d);
}

/**
 * Persian writes the present-tense prefix (می) and negated one (نمی) either joined, with
 * a zero-width non-joiner, or with a space. Split it off so all three agree.
 */
const NOT_A_PREFIX = new Set(['میلاد', 'میلادی', 'میدان', 'میزان', 'میهن', 'میراث', 'میوه', 'میمون', 'میکروب']);

function splitPersianPrefix(word: string): string {
  if (!ARABIC_SCRIPT_WORD.test(word)) return word;
  if (NOT_A_PREFIX.has(word)) return word;
  const m = /^(نمی|می)(.{3,})$/u.exec(word);
  if (m) return `${m[1]} ${m[2]}`;
  // The Arabic article: "الشرطه" and "شرطه" are the same word for matching.
  if (word.length >= 5 && word.startsWith('ال')) return word.slice(2);
  return word;
}

/**
 * A typed text cut to what routing reads: at most `maxKeyLength` characters after NFKC, taken
 * from at most twice as many typed ones. NFKC can make one character eighteen ("ﷺ"), so a
 * crafted text is cut both before and after it (security review M6).
 */
export function bounded(text: string): string {
  const folded = text.slice(0, 2 * TUNING.maxKeyLength).normalize('NFKC');
  return folded.length > TUNING.maxKeyLength ? folded.slice(0, TUNING.maxKeyLength) : folded;
}

/**
 * The matching key of a text: lower-case words separated by single spaces.
 *
 * NFKC; drop invisible characters, tatweel, harakat and accents; unify Arabic and
 * Persian letter variants and Arabic-Indic digits; fold Ethiopic syllables to their
 * consonant; Latin letters glued to another script split off; Arabizi digits inside words;
 * repeated letters once; punctuation, symbols and emoji become spaces.
 */
export function normalize(text: string): string {
  let s = text.normalize('NFKC');
  s = s.replace(INVISIBLE, '').replace(ZWNJ, ' ').replace(TATWEEL, '');
  s = s.toLowerCase().replace(LATIN_LETTER_RE, (c) => LATIN_LETTERS[c] ?? c);
  s = s.normalize('NFKD').replace(COMBINING, '');
  s = s.replace(ARABIC_LETTER_RE, (c) => ARABIC_LETTERS[c] ?? c);
  // Arabic-Indic and Persian digits.
  s = s.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  s = s.replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  s = s.replace(ETHIOPIC_PUNCT, ' ').replace(ETHIOPIC_SYLLABLE, ethiopicBase);
  // English contractions keep their negation as one word: "don't" -> "dont"; the
  // Ukrainian apostrophe is part of the word ("б'є", "здоров'я").
  s = s.replace(/n['’`]t\b/g, 'nt').replace(/(\p{Script=Cyrillic})['’ʼ`](?=\p{Script=Cyrillic})/gu, '$1');
  // A Dutch word written onto an Arabic article or an Amharic preposition ("الIND", "ከapotheek")
  // is two words: split where Latin letters meet another script; the lone Arabic article goes.
  s = s.replace(/(?<=[\p{Script=Arabic}\p{Script=Ethiopic}\p{Script=Cyrillic}])(?=[a-z])|(?<=[a-z])(?=[\p{Script=Arabic}\p{Script=Ethiopic}\p{Script=Cyrillic}])/gu, ' ');
  s = s.replace(/(^|[^\p{L}])ال(?= [a-z])/gu, '$1');
  // Everything that is not a letter or a digit separates words.
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ');
  const words = s.split(' ');
  const out: string[] = [];
  for (const w of words) {
    if (!w) continue;
    // Not in Ge'ez script: there a repeated letter is two syllables once vowels are folded
    // ("መሞት", to die, is not "ማታ", evening).
    const folded = foldArabiziDigits(w).replace(/(\p{L})\1+/gu, (run, letter: string) => (ETHIOPIC_LETTER.test(letter) ? run : letter));
    if (folded) out.push(splitPersianPrefix(folded));
  }
  return out.join(' ');
}

/** The words of a matching key. */
export function words(key: string): string[] {
  return key ? key.split(' ') : [];
}
