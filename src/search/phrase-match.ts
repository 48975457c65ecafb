/**
 * Phrases collect the words that reached them, and each typed word gives each target the
 * best evidence it found there:
 *
 *   - in a one-word phrase: the word's specificity for the target's topic (the share of
 *     the word's phrases in that topic, on a log scale: 1 for a word of one topic);
 *   - in a complete multi-word phrase: at least 0.85, because the combination is what
 *     is specific ("help now", "place to sleep"); function words of a phrase ("where",
 *     "to") must be there too, except at its start ("[I] want to die") or when the
 *     phrase has two content words or more;
 *   - in an incomplete phrase: its specificity times the share of the phrase found;
 *   - in an answer text (documents): weak.
 *
 * Words of the text's language count fully, others less (and their typos less again), so
 * a false friend of another language does not win. Function words of the text's language
 * count only inside complete phrases.
 */
import type { Candidate } from './lexicon.ts';
import { STOP, CONTENT, type PhraseTable } from './phrase-table.ts';
import type { RoutingIndex } from './routing-index.ts';
import { TUNING } from './tuning.ts';

/** What one phrase collected from one text, per word of the phrase. */
export interface Hit {
  /** The best similarity of a typed word to it (0: none came). */
  readonly sims: number[];
  /** Which typed word that was (-1: none). */
  readonly at: number[];
}

/** What scoring a phrase needs to know of the text. */
export interface MatchContext {
  readonly wordCount: number;
  /** Per typed word: a function word of the text's (or the chosen) language. */
  readonly isStopWord: readonly boolean[];
  /** Index of the text's language, or -1. */
  readonly textLanguage: number;
  /** Index of the chosen language, or -1. */
  readonly givenLanguage: number;
  /** No sign of any language and none chosen: every language counts fully. */
  readonly unknownLanguage: boolean;
}

export interface PhraseScore {
  /** Every word there (function words before the first content word aside), near each other: see isComplete. */
  readonly complete: boolean;
  /** Complete with every word, function words too: what danger needs ("with a knife" is not "knife wound"). */
  readonly strict: boolean;
  /** The typed words that matched its words other than function words. */
  readonly matched: readonly number[];
  /** The typed words that matched any of its words, function words too ("now" of "he hits me now"). */
  readonly matchedAll: readonly number[];
  /** How much the phrase's language counts for this text (1: the text's own). */
  readonly languageWeight: number;
}

/** Receives each piece of evidence: typed word `word` gives the phrase's target `value`. */
export type EvidenceSink = (word: number, value: number, complete: boolean) => void;

const NOTHING: readonly number[] = [];

/** Per typed word: a function word of the text's language or of the chosen one. */
export function stopWordsOf(words: readonly string[], textLanguage: number, givenLanguage: number, index: RoutingIndex): boolean[] {
  const { stop, slotWords, agePhrases } = index.functionWords;
  const stopWords = words.map((word) => (textLanguage >= 0 && stop[textLanguage]!.has(word)) || (givenLanguage >= 0 && stop[givenLanguage]!.has(word)));
  // "40 years old", "2 jaar oud": the words after the unit belong to the age the slot reader
  // reads, not to "old man" or "te oud" (the elderly's shelter).
  const isNumber = (word: string | undefined) =>
    word !== undefined && (/^\d+$/.test(word) || (textLanguage >= 0 && slotWords[textLanguage]!.has(word)) || (givenLanguage >= 0 && slotWords[givenLanguage]!.has(word)));
  for (let i = 1; i < words.length; i++) {
    if (!isNumber(words[i - 1])) continue;
    for (const phrase of agePhrases) {
      if (phrase.every((word, k) => words[i + k] === word)) for (let k = 1; k < phrase.length; k++) stopWords[i + k] = true;
    }
  }
  return stopWords;
}

/**
 * For each phrase some typed word reached, which words reached which of its words.
 *
 * A function word of a phrase that has other words completes it and gives nothing alone, so
 * function-word positions are filled in afterwards, only for phrases some other word reached:
 * "ik" and "de" of a long message would otherwise open thousands of phrases for nothing.
 */
export function collectHits(candidates: readonly (readonly Candidate[])[], isStopWord: readonly boolean[], index: RoutingIndex): Map<number, Hit> {
  const hits = new Map<number, Hit>();
  /** Lexicon id -> the typed words that reached it, in order, with their similarity. */
  const reachedBy = new Map<number, number[]>();
  const phrases = index.phrases;
  const { kinds, start, postingStart, postings } = phrases.data;
  for (let word = 0; word < candidates.length; word++) {
    // A function word of the text's language ("die" in Dutch) is no evidence on its own,
    // but may still complete a phrase of another language ("is dilid")...
    const isStop = isStopWord[word]!;
    for (const candidate of candidates[word]!) {
      if (!phrases.isUsed(candidate.id)) continue;
      let reached = reachedBy.get(candidate.id);
      if (!reached) reachedBy.set(candidate.id, (reached = []));
      reached.push(word, candidate.sim);
      for (let entry = postingStart[candidate.id]!; entry < postingStart[candidate.id + 1]!; entry += 2) {
        const phraseId = postings[entry]!;
        const position = postings[entry + 1]!;
        const kind = kinds[start[phraseId]! + position];
        const nonStopWords = phrases.nonStopWords(phraseId);
        if (kind === STOP && nonStopWords > 0) continue;
        // ...but never as the only non-function word of a phrase.
        if (isStop && kind !== STOP && nonStopWords === 1) continue;
        let hit = hits.get(phraseId);
        if (!hit) {
          const length = phrases.length(phraseId);
          hit = { sims: new Array<number>(length).fill(0), at: new Array<number>(length).fill(-1) };
          hits.set(phraseId, hit);
        }
        record(hit, position, word, candidate.sim);
      }
    }
  }
  for (const [phraseId, hit] of hits) {
    if (phrases.nonStopWords(phraseId) === 0) continue;
    const base = start[phraseId]!;
    for (let position = 0; position < hit.sims.length; position++) {
      if (kinds[base + position] !== STOP) continue;
      const reached = reachedBy.get(phrases.data.tokens[base + position]!);
      if (reached) for (let k = 0; k < reached.length; k += 2) record(hit, position, reached[k]!, reached[k + 1]!);
    }
  }
  return hits;
}

/** A word typed twice: the later one, nearer the rest of a phrase read in order. */
function record(hit: Hit, position: number, word: number, sim: number): void {
  if (sim >= hit.sims[position]!) {
    hit.sims[position] = sim;
    hit.at[position] = word;
  }
}

/**
 * The evidence phrase `phrase` of `phrases` gives from what it collected (to `onEvidence`),
 * and whether it is complete. `topic` is the index of the phrase's topic (-1 for small talk).
 */
export function scorePhrase(phrases: PhraseTable, phrase: number, hit: Hit, topic: number, context: MatchContext, onEvidence: EvidenceSink): PhraseScore {
  const language = phrases.language(phrase);
  // Without any sign of the language, no language is preferred.
  const languageWeight = language === context.textLanguage || context.unknownLanguage ? 1 : language === context.givenLanguage ? TUNING.chosenLanguage : TUNING.otherLanguage;
  // A typo is most likely a typo of a word of the text's own language.
  const typoWeight = languageWeight === 1 ? 1 : languageWeight * TUNING.otherLanguageTypo;
  const { sims, at } = hit;
  const { kinds, weights } = phrases.data;
  const base = phrases.base(phrase);
  const length = sims.length;
  if (phrases.fromDocument(phrase)) {
    for (let position = 0; position < length; position++) {
      const sim = sims[position]!;
      if (sim === 0) continue;
      onEvidence(at[position]!, sim * weights[base + position]! * TUNING.documentWeight * languageWeight, false);
    }
    return { complete: false, strict: false, matched: NOTHING, matchedAll: NOTHING, languageWeight };
  }
  const share = coverage(phrases, phrase, hit);
  const complete = isComplete(phrases, phrase, hit, share, context.wordCount);
  const wholeOnly = phrases.wholeOnly(phrase);
  const contentWords = phrases.contentWords(phrase);
  for (let position = 0; position < length; position++) {
    const sim = sims[position]!;
    if (sim === 0) continue;
    const weight = weights[base + position]!;
    const kind = kinds[base + position]!;
    let value: number;
    // A function word of the text counts only inside a complete phrase.
    if ((kind === STOP || context.isStopWord[at[position]!] || wholeOnly) && !complete) continue;
    // (Small talk gets nothing from them: "I need help with my papers" is about papers.)
    if (kind === STOP) value = topic < 0 ? 0 : sim * weight;
    else if (length === 1) value = sim * weight;
    else if (complete) value = sim * (kind === CONTENT && contentWords >= 2 ? Math.max(weight, TUNING.fullPhraseWeight) : weight);
    else if (sim >= TUNING.partialSim) value = sim * weight * share * TUNING.incomplete;
    else continue;
    if (value === 0) continue;
    value *= sim === 1 ? languageWeight : typoWeight;
    onEvidence(at[position]!, value, complete);
  }
  const matched = at.filter((word, position) => word >= 0 && kinds[base + position] !== STOP);
  const matchedAll = at.filter((word) => word >= 0);
  const strict = complete && sims.every((sim) => sim >= TUNING.completeSim);
  return { complete, strict, matched, matchedAll, languageWeight };
}

/** The weighted share of the phrase's words (function words aside) that the text has. */
function coverage(phrases: PhraseTable, phrase: number, hit: Hit): number {
  const { kinds, weights } = phrases.data;
  const base = phrases.base(phrase);
  let found = 0;
  let coverable = 0;
  for (let position = 0; position < hit.sims.length; position++) {
    if (kinds[base + position] === STOP) continue;
    found += hit.sims[position]! * weights[base + position]!;
    coverable += weights[base + position]!;
  }
  return coverable > 0 ? found / coverable : 0;
}

/**
 * Complete: every word there, except function words at the start ("[I] want to die") or
 * anywhere in a phrase with two content words or more ("place [to] sleep"); a phrase of
 * three content words or more may miss one of them if `share` (coverage) is 0.75 or more. And
 * its words stand near each other: "help" at the start and "now" at the end of a long
 * story are not "help now".
 */
function isComplete(phrases: PhraseTable, phrase: number, hit: Hit, share: number, wordCount: number): boolean {
  const { kinds } = phrases.data;
  const base = phrases.base(phrase);
  const length = hit.sims.length;
  const contentWords = phrases.contentWords(phrase);
  let missingContent = 0;
  let missingOther = 0;
  let missingLate = false;
  let seenMatch = false;
  let first = wordCount;
  let last = -1;
  for (let position = 0; position < length; position++) {
    const kind = kinds[base + position]!;
    if (hit.sims[position]! >= TUNING.completeSim) {
      if (kind !== STOP) seenMatch = true;
      const word = hit.at[position]!;
      if (word >= 0) {
        if (word < first) first = word;
        if (word > last) last = word;
      }
    } else if (kind === STOP) {
      if (seenMatch) missingLate = true;
    } else if (kind === CONTENT) missingContent++;
    else missingOther++;
  }
  const near = last - first < length + TUNING.phraseSlack;
  if (!near || missingOther > 0) return false;
  // One content word and none of the other words of the phrase is that word, not the phrase:
  // "doctor" alone is not "how much [is the] doctor".
  if (missingContent === 0 && contentWords === 1 && length > 1 && !hit.sims.some((sim, position) => sim >= TUNING.completeSim && kinds[base + position] !== CONTENT)) return false;
  if (missingContent === 0) return !missingLate || contentWords >= 2;
  return contentWords >= 3 && missingContent === 1 && share >= 0.75;
}
