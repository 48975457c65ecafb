/**
 * The language of a typed text, for routing: each word found in the vocabulary or the
 * function words gives one vote, shared among the languages that use it in proportion to
 * how often they do (a Dutch word like "politie" is in every list, but mostly in the Dutch
 * one); words as typed (accents, Ethiopic vowels) vote too. guessLanguage
 * (detect-language.ts) weighs the votes with the script and letters of the text.
 *
 * Once the language is known, consonant-skeleton matches are dropped unless the text may
 * be romanised Arabic, Persian, Pashto or Sorani: in an English text "told" is not "تولد".
 */
import { guessLanguage } from './detect-language.ts';
import type { Candidate } from './lexicon.ts';
import type { RoutingIndex } from './routing-index.ts';
import { scriptOfWord } from './scripts.ts';

/** A function word is good evidence of its language: it counts like this many phrases. */
export const FUNCTION_WORD_VOTES = 3;
/** Least similarity for a vocabulary word to vote for its languages (one typo in a long word). */
const VOTING_SIM = 0.84;

export interface TextLanguage {
  /** The language routing reads the text in: the guess, else the chosen one, else the first. */
  readonly lang: string;
  /** Its index in RoutingIndex.languages, or -1. */
  readonly langIndex: number;
  /** Index of the chosen language, or -1 (also for a language the bot does not have: no choice at all). */
  readonly givenIndex: number;
  /** No sign of any language in the text, and none chosen: no language is preferred. */
  readonly unknown: boolean;
  /** Lexicon candidates of each word, without skeleton matches when the text is not romanised. */
  readonly candidates: Candidate[][];
}

/** Words as typed: NFKC, lower case, no invisible characters; accents and vowels kept. */
export function rawWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u0640]/g, '')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** Votes per language for a text whose (normalised) words have these lexicon candidates. */
export function languageVotes(text: string, words: readonly string[], candidates: readonly (readonly Candidate[])[], index: RoutingIndex): Map<string, number> {
  const { languages } = index;
  const votes = new Map<string, number>();
  const vote = (weights: ReadonlyMap<number, number>, strength: number) => {
    let sum = 0;
    for (const weight of weights.values()) sum += weight;
    if (sum <= 0) return;
    for (const [language, weight] of weights) {
      const lang = languages[language]!;
      votes.set(lang, (votes.get(lang) ?? 0) + (strength * weight) / sum);
    }
  };
  words.forEach((word, position) => {
    const weights = new Map<number, number>();
    const functionWordOf = index.functionWords.languagesOf.get(word) ?? 0;
    for (let language = 0; language < languages.length; language++) if (functionWordOf & (1 << language)) weights.set(language, FUNCTION_WORD_VOTES);
    let strength = functionWordOf ? 1 : 0;
    for (const candidate of candidates[position]!) {
      if (candidate.sim < VOTING_SIM) continue;
      strength = Math.max(strength, candidate.sim);
      const use = index.languageUse.byToken[candidate.id];
      if (!use) continue;
      // Every list borrows Dutch words ("nachtopvang", "tandarts"): a word the Dutch list
      // has is first of all Dutch.
      const dutch = index.dutch >= 0 && use.has(index.dutch) && use.size > 1;
      for (const [language, count] of use) {
        const weight = count * candidate.sim * (dutch && language === index.dutch ? use.size : 1);
        weights.set(language, Math.max(weights.get(language) ?? 0, weight));
      }
    }
    // Ethiopic keys have lost their vowels, which tell Tigrinya from Amharic: the words
    // as typed (below) decide there.
    vote(weights, scriptOfWord(word) === 'ethiopic' ? strength / 2 : strength);
  });
  for (const raw of rawWords(text)) {
    const use = index.languageUse.byRawWord.get(raw);
    if (use) vote(use, 1);
  }
  return votes;
}

/** The language to read `text` in, and the candidates its language allows. */
export function readLanguage(text: string, words: readonly string[], candidates: Candidate[][], index: RoutingIndex, chosen?: string): TextLanguage {
  const given = chosen !== undefined && index.languageIndex.has(chosen) ? chosen : undefined;
  const givenIndex = given === undefined ? -1 : index.languageIndex.get(given)!;
  const guess = guessLanguage(text, index.languageHints, languageVotes(text, words, candidates, index), given);
  const lang = guess.lang ?? given ?? index.languages[0] ?? 'en';
  // Consonant skeletons are for romanised Arabic, Persian, Pashto and Sorani only (or a text
  // of no known language): in an English text "told" is not "تولد".
  const mayBeRomanised = index.romanised.has(lang) || (given !== undefined && index.romanised.has(given)) || !guess.evidence;
  const withoutSkeletons = (list: Candidate[]) => (list.some((candidate) => candidate.skeleton) ? list.filter((candidate) => !candidate.skeleton) : list);
  const langIndex = index.languageIndex.get(lang) ?? -1;
  // A number or time word of the text's language is read by the slot reader: as a word it is
  // only itself ("maanden" is no typo of "tanden").
  const slotWords = langIndex >= 0 ? index.functionWords.slotWords[langIndex]! : undefined;
  const exactIfSlot = (list: Candidate[], word: number) => (slotWords?.has(words[word]!) ? list.filter((candidate) => candidate.sim === 1) : list);
  const allowed = (mayBeRomanised ? candidates : candidates.map(withoutSkeletons)).map(exactIfSlot);
  return {
    lang,
    langIndex,
    givenIndex,
    unknown: !guess.evidence && given === undefined,
    candidates: allowed,
  };
}
