/**
 * Which of the bot's languages a short text is in. Three kinds of evidence, in order
 * of strength: the script (Ethiopic, Cyrillic, Chinese, Arabic or Latin), letters only
 * one language of that script uses (Pashto ټ ښ, Sorani ە ێ, Persian پ گ ی ک, Arabic
 * ة ي ك, Ukrainian і ї є, Turkish ğ ı ş, Spanish ñ, Portuguese ã õ), and words found in
 * a language's vocabulary (keywords and function words), which the router counts.
 *
 * The scripts and letters are each language's own data (`scripts`, `scriptOrder` and
 * `letterHints` in locales/<code>/routing.json), so a language is added without code.
 *
 * Treat the answer as a hint: the language a person chose wins for what the bot says.
 * Libraries (franc, cld) were measured on this kind of text and are worse on 5-20
 * characters and do not know romanised Arabic or Persian (see the README).
 */
import { countScripts, WRITING_SCRIPTS, type WritingScript } from './scripts.ts';

export interface LanguageGuess {
  /** The best guess, or null when the text has no letters at all. */
  readonly lang: string | null;
  /** Whether the text itself gave evidence for it (not only a default). */
  readonly evidence: boolean;
  /** Evidence per candidate language (for debugging and tests). */
  readonly scores: ReadonlyMap<string, number>;
}

/**
 * Letters one language of a script uses more than the others (routing.json `letterHints`):
 * each one found in the raw text (before folding) adds `weight` to the language. Either
 * `letters` (any of these characters) or `pattern` (a regular expression, for letters in a
 * place: "ئ" at the end of a word, "ال" at the start of one).
 */
export interface LetterHint {
  readonly letters?: string;
  readonly pattern?: string;
  /** Upper and lower case alike ("3andi", "3ANDI"). */
  readonly ignoreCase?: boolean;
  readonly weight: number;
}

/** How a language is written: its part of routing.json. */
export interface WritingData {
  /** The scripts it is written in (Latin for a romanised language comes from `romanised`). */
  readonly scripts: readonly string[];
  /** Where it stands among the languages of one script: lower first (see languageHints). */
  readonly scriptOrder?: number;
  readonly letterHints: readonly LetterHint[];
}

/** The writing data of all languages, compiled once for guessLanguage. */
export interface LanguageHints {
  /** The bot's languages: a guess is always one of them. */
  readonly languages: readonly string[];
  /** Per script, the languages written in it, in script order: the first is the script's default. */
  readonly byScript: ReadonlyMap<WritingScript, readonly string[]>;
  readonly letters: ReadonlyArray<{ readonly lang: string; readonly pattern: RegExp; readonly weight: number }>;
}

export function isWritingScript(name: string): name is WritingScript {
  return (WRITING_SCRIPTS as readonly string[]).includes(name);
}

/** The regular expression of a letter hint (global, Unicode); throws on an invalid pattern. */
export function letterHintPattern(hint: LetterHint): RegExp {
  const flags = hint.ignoreCase ? 'giu' : 'gu';
  if (hint.pattern !== undefined) return new RegExp(hint.pattern, flags);
  const letters = [...(hint.letters ?? '')].map((ch) => (/[\\\][^-]/.test(ch) ? `\\${ch}` : ch)).join('');
  return new RegExp(`[${letters}]`, flags);
}

/** What is wrong with a letter hint, in words for content:check, or undefined. */
export function letterHintProblem(hint: LetterHint): string | undefined {
  if ((hint.letters === undefined) === (hint.pattern === undefined)) return 'give either "letters" or "pattern"';
  try {
    letterHintPattern(hint);
  } catch (err) {
    return `not a valid regular expression: ${(err as Error).message}`;
  }
  return undefined;
}

/**
 * Compile the writing data of `languages`. A script's languages come in `scriptOrder`
 * (those without one last), else in the order of `languages`: a text in the script with
 * no other evidence is taken for the first, and a tie goes to the earlier. `romanised`
 * languages are written in Latin letters too. Without any writing data (a vocabulary
 * made up in a test) every language may be written in every script. Unknown scripts and
 * invalid patterns are left out: content:check reports them.
 */
export function languageHints(languages: readonly string[], writing?: ReadonlyMap<string, WritingData>, romanised: ReadonlySet<string> = new Set()): LanguageHints {
  const scriptsOf = (lang: string): readonly WritingScript[] => {
    const data = writing?.get(lang);
    const listed = (data?.scripts ?? []).filter(isWritingScript);
    const scripts = romanised.has(lang) && !listed.includes('latin') ? [...listed, 'latin' as const] : listed;
    return scripts.length > 0 ? scripts : WRITING_SCRIPTS;
  };
  const order = (lang: string) => writing?.get(lang)?.scriptOrder ?? Number.POSITIVE_INFINITY;
  const inScriptOrder = [...languages].sort((a, b) => order(a) - order(b) || languages.indexOf(a) - languages.indexOf(b));
  const byScript = new Map<WritingScript, string[]>(WRITING_SCRIPTS.map((script) => [script, inScriptOrder.filter((lang) => scriptsOf(lang).includes(script))]));
  const letters: Array<{ lang: string; pattern: RegExp; weight: number }> = [];
  for (const lang of languages) {
    for (const hint of writing?.get(lang)?.letterHints ?? []) {
      if (letterHintProblem(hint) === undefined) letters.push({ lang, pattern: letterHintPattern(hint), weight: hint.weight });
    }
  }
  return { languages, byScript, letters };
}

function dominantScript(text: string): WritingScript | null {
  const counts = countScripts(text);
  let best: WritingScript | null = null;
  let most = 0;
  for (const script of WRITING_SCRIPTS) {
    // Han characters are whole words: weigh them up against letters.
    const count = script === 'han' ? counts[script] * 3 : counts[script];
    if (count > most) {
      most = count;
      best = script;
    }
  }
  return best;
}

/**
 * Guess the language of `text`.
 * @param hints the bot's languages and how each is written (languageHints)
 * @param vocabulary evidence per language from words the router found in its vocabulary
 * @param given the language the person chose, if any: it wins ties and empty evidence
 */
export function guessLanguage(text: string, hints: LanguageHints, vocabulary: ReadonlyMap<string, number> = new Map(), given?: string): LanguageGuess {
  const script = dominantScript(text);
  const scores = new Map<string, number>();
  if (!script) return { lang: given ?? null, evidence: false, scores };
  const candidates = hints.byScript.get(script) ?? [];
  if (candidates.length === 0) return { lang: given ?? hints.languages[0] ?? null, evidence: false, scores };
  for (const lang of candidates) scores.set(lang, vocabulary.get(lang) ?? 0);
  for (const { lang, pattern, weight } of hints.letters) {
    if (!scores.has(lang)) continue;
    const found = text.match(pattern);
    if (found) scores.set(lang, scores.get(lang)! + found.length * weight);
  }
  let best: string | null = null;
  let top = 0;
  for (const [lang, score] of scores) {
    if (score > top || (score === top && score > 0 && lang === given)) {
      top = score;
      best = lang;
    }
  }
  if (best && top > 0) return { lang: best, evidence: true, scores };
  // No evidence in the text: the chosen language, else the script's usual language.
  if (given) return { lang: given, evidence: false, scores };
  return { lang: candidates[0] ?? null, evidence: false, scores };
}
