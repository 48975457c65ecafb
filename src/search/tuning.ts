/**
 * Every number the word router is tuned with, in one place: how similar a typed word must
 * be to a vocabulary word (SIM, used by lexicon.ts), and how much each kind of evidence
 * counts (TUNING, used by the router's pieces). Measured with `npm run eval` on the dev set
 * and tests/search/fixtures: change one only with a measurement.
 */

/** Similarities for each way of matching (1 = the same word). */
export const SIM = {
  exact: 1,
  oneEditLong: 0.88,
  oneEdit5: 0.84,
  oneEdit4: 0.74,
  twoEdits: 0.72,
  compound: 0.8,
  stem: 0.78,
  clitic: 0.9,
  skeleton: 0.62,
} as const;

/** Tuning, measured with `npm run eval` on the dev set and tests/search/fixtures. */
export const TUNING = {
  /** Below this the text is not about any topic (small talk, noise). */
  minScore: 0.45,
  /** A complete multi-word phrase gives each of its words at least this weight. */
  fullPhraseWeight: 0.85,
  /** Small talk wins only with more than this share of the best topic's evidence ("hello doctor"). */
  smallTalkMargin: 1,
  /** Weight of a function word inside a phrase (it only completes the phrase). */
  functionWordWeight: 0.1,
  /** Weight of a negation inside a phrase ("no papers": the meaning is in "papers"). */
  negationWeight: 0.2,
  /** A word of an answer text counts this much of a keyword. */
  documentWeight: 0.3,
  /** Weight of words in a language other than the text's (and the chosen one). */
  otherLanguage: 0.8,
  chosenLanguage: 0.92,
  /** Further weight of a typo'd word of another language. */
  otherLanguageTypo: 0.85,
  /** A screen wins over its topic when it has this share of the topic's evidence. */
  screenShare: 0.6,
  /** Least similarity for a one-word danger phrase (a typo in a long word, not a neighbour). */
  dangerSim: 0.87,
  /** A word of a phrase that is not complete counts this much (times the share found). */
  incomplete: 0.9,
  /** Least similarity for a word to count in a phrase it does not complete. */
  partialSim: 0.8,
  /** Least similarity for a word to complete a phrase. */
  completeSim: 0.75,
  /** Words that may stand between the words of a phrase ("help [me] now"). */
  phraseSlack: 3,
  /** A topic with this much evidence is asked about, greetings or not. */
  clearTopic: 1.5,
  /** Most words read from one text. */
  maxWords: 48,
  /**
   * Crafted text costs no more than ordinary text (security review M6): the text is cut
   * after normalising (NFKC can make one character into eighteen), and so is each word, since
   * the typo lookup of a word grows with the square of its length. No real word is longer.
   */
  maxKeyLength: 2000,
  maxWordLength: 32,
} as const;
