/**
 * Which of the bot's languages a short text is in. Three kinds of evidence, in order
 * of strength: the script (Ethiopic, Cyrillic, Chinese, Arabic or Latin), letters only
 * one language of that script uses (Pashto ټ ښ, Sorani ە ێ, Persian پ گ ی ک, Arabic
 * ة ي ك, Ukrainian і ї є, Turkish ğ ı ş, Spanish ñ, Portuguese ã õ), and words found in
 * a language's vocabulary (keywords and function words), which the router counts.
 *
 * Treat the answer as a hint: the language a person chose wins for what the bot says.
 * Libraries (franc, cld) were measured on this kind of text and are worse on 5-20
 * characters and do not know romanised Arabic or Persian (see the README).
 */
import { countScripts, type Script } from './scripts.ts';

export interface LanguageGuess {
  /** The best guess, or null when the text has no letters at all. */
  readonly lang: string | null;
  /** Whether the text itself gave evidence for it (not only a default). */
  readonly evidence: boolean;
  /** Evidence per candidate language (for debugging and tests). */
  readonly scores: ReadonlyMap<string, number>;
}

/** Languages written in each script. Latin includes romanised Arabic and Persian. */
const SCRIPT_LANGUAGES: Record<Exclude<Script, 'digit' | 'other'>, readonly string[]> = {
  han: ['zh'],
  ethiopic: ['ti', 'am'],
  cyrillic: ['ru', 'uk'],
  arabic: ['ar', 'fa', 'ps', 'ckb'],
  latin: ['en', 'nl', 'fr', 'es', 'pt', 'tr', 'so', 'ar', 'fa', 'ps', 'ckb'],
};

/** When a script gives no other evidence: the language most people using it here read. */
const SCRIPT_DEFAULT: Record<Exclude<Script, 'digit' | 'other'>, string> = {
  han: 'zh',
  ethiopic: 'ti',
  cyrillic: 'ru',
  arabic: 'ar',
  latin: 'en',
};

/** [letters, language, weight per letter]. Tested on the raw text (before folding). */
const LETTER_HINTS: ReadonlyArray<readonly [RegExp, string, number]> = [
  [/[ټډړښږځڅڼېۍګ]/gu, 'ps', 3],
  [/[ەێۆڵڕڤ]/gu, 'ckb', 3],
  [/ھ/gu, 'ckb', 1],
  [/[پچژگ]/gu, 'fa', 1],
  [/[یک]/gu, 'fa', 0.6],
  [/[ةىيك]/gu, 'ar', 0.8],
  [/(^|\s)[وبفل]?ال/gu, 'ar', 0.8],
  [/ئ(?=\s|$)/gu, 'ps', 2],
  [/[ኣ]/gu, 'ti', 1.2],
  [/[አ]/gu, 'am', 0.6],
  [/[ኝ]/gu, 'am', 1.2],
  [/[\u1250-\u1256\u12B8-\u12BE]/gu, 'ti', 2],
  [/[ኧ]/gu, 'am', 2],
  [/[іїєґ]/gu, 'uk', 3],
  [/[ыэъё]/gu, 'ru', 3],
  [/[ğışİ]/gu, 'tr', 3],
  [/[öü]/gu, 'tr', 0.8],
  [/ñ/gu, 'es', 3],
  [/[¿¡]/gu, 'es', 2],
  [/[ãõ]/gu, 'pt', 3],
  [/[èùœîûëï]/gu, 'fr', 1.5],
  [/[àâêô]/gu, 'fr', 0.6],
  [/[àâêô]/gu, 'pt', 0.6],
  [/ç/gu, 'fr', 0.4],
  [/ç/gu, 'pt', 0.4],
  [/ç/gu, 'tr', 0.4],
  [/[áíóú]/gu, 'es', 0.5],
  [/[áíóú]/gu, 'pt', 0.5],
  // Arabizi: a chat digit inside a Latin word ("3andi", "ma7al").
  [/[a-z][2-9]|[2-9][a-z]/giu, 'ar', 1.5],
];

function dominantScript(text: string): Exclude<Script, 'digit' | 'other'> | null {
  const c = countScripts(text);
  let best: Exclude<Script, 'digit' | 'other'> | null = null;
  let n = 0;
  for (const s of ['latin', 'arabic', 'ethiopic', 'cyrillic', 'han'] as const) {
    // Han characters are whole words: weigh them up against letters.
    const v = s === 'han' ? c[s] * 3 : c[s];
    if (v > n) {
      n = v;
      best = s;
    }
  }
  return best;
}

/**
 * Guess the language of `text`.
 * @param languages the bot's languages (a guess is always one of them)
 * @param vocabulary evidence per language from words the router found in its vocabulary
 * @param given the language the person chose, if any: it wins ties and empty evidence
 */
export function guessLanguage(
  text: string,
  languages: readonly string[],
  vocabulary: ReadonlyMap<string, number> = new Map(),
  given?: string,
): LanguageGuess {
  const script = dominantScript(text);
  const scores = new Map<string, number>();
  if (!script) return { lang: given ?? null, evidence: false, scores };
  const known = new Set(languages);
  const candidates = SCRIPT_LANGUAGES[script].filter((l) => known.has(l));
  if (candidates.length === 0) return { lang: given ?? languages[0] ?? null, evidence: false, scores };
  for (const l of candidates) scores.set(l, vocabulary.get(l) ?? 0);
  for (const [re, lang, weight] of LETTER_HINTS) {
    if (!scores.has(lang)) continue;
    const hits = text.match(re);
    if (hits) scores.set(lang, scores.get(lang)! + hits.length * weight);
  }
  let best: string | null = null;
  let top = 0;
  for (const [l, v] of scores) {
    if (v > top || (v === top && v > 0 && l === given)) {
      top = v;
      best = l;
    }
  }
  if (best && top > 0) return { lang: best, evidence: true, scores };
  // No evidence in the text: the chosen language, else the script's usual language.
  if (given) return { lang: given, evidence: false, scores };
  const fallback = SCRIPT_DEFAULT[script];
  return { lang: known.has(fallback) ? fallback : (candidates[0] ?? null), evidence: false, scores };
}
