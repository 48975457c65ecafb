/**
 * Free text -> topic or answer screen.
 *
 * The vocabulary is phrases per language and target (a topic id, a screen id such as
 * "health.pregnant", or "none" for small talk), written by people who know how those
 * words are typed. A text is normalised (normalize.ts), cut into words (tokenize.ts),
 * and each word is looked up in one lexicon of all languages with typo, inflection and
 * romanisation tolerance (lexicon.ts, built with the rest of the index in
 * routing-index.ts). Its language is guessed from script, letters and the words found
 * (language-evidence.ts, detect-language.ts). Phrases collect the words that reached
 * them, and each typed word gives each target the best evidence it found there
 * (phrase-match.ts). Danger comes first (danger.ts); then the sums of evidence decide
 * (decide.ts). The numbers are in tuning.ts.
 */
import type { RouteResult, Router as EngineRouter } from '../engine/types.ts';
import { isDanger, liveDangers, type PhraseMatch } from './danger.ts';
import { decide, EvidenceGrid } from './decide.ts';
import { readLanguage } from './language-evidence.ts';
import type { Candidate } from './lexicon.ts';
import { bounded, normalize } from './normalize.ts';
import { collectHits, scorePhrase, stopWordsOf, type MatchContext } from './phrase-match.ts';
import { assembleRoutingIndex, buildWordIndex, type Vocabulary, type WordIndex } from './routing-index.ts';
import { tokenize } from './tokenize.ts';
import { TUNING } from './tuning.ts';

/** What routing returns: the engine's contract (src/engine/types.ts), implemented here. */
export type { RouteResult };
export type { Vocabulary };
export { TUNING };

export interface ExplainingRouter extends EngineRouter {
  /** Why a text routes where it does: one line per piece of evidence (for maintainers). */
  explain(text: string, lang?: string): string[];
  /** A normalised word of some phrase list, or a function word or negation of some language. */
  knowsWord(word: string): boolean;
}

/** `words`: the vocabulary's word index when it was built before (prebuilt-index.ts). */
export function createRouter(vocab: Vocabulary, words: WordIndex = buildWordIndex(vocab)): ExplainingRouter {
  const index = assembleRoutingIndex(vocab, words);
  const { phrases, targets, languages } = index;

  /** The words of a text as routing reads them: normalised, and cut to size (security review M6). */
  const wordsOf = (text: string) =>
    tokenize(normalize(text).slice(0, TUNING.maxKeyLength), index.han)
      .slice(0, TUNING.maxWords)
      .map((word) => word.slice(0, TUNING.maxWordLength));

  function route(typed: string, chosen?: string, trace?: string[]): RouteResult {
    const text = bounded(typed);
    const words = wordsOf(text);
    // A word typed again is looked up once (long messages repeat "ik", "de", "my").
    const seen = new Map<string, Candidate[]>();
    const lookup = (word: string) => {
      let found = seen.get(word);
      if (!found) seen.set(word, (found = index.lexicon.candidates(word)));
      return found;
    };
    const language = readLanguage(text, words, words.map(lookup), index, chosen);
    const isStopWord = stopWordsOf(words, language.langIndex, language.givenIndex, index);
    const context: MatchContext = { wordCount: words.length, isStopWord, textLanguage: language.langIndex, givenLanguage: language.givenIndex, unknownLanguage: language.unknown };

    const grid = new EvidenceGrid(targets.length, words.length);
    const complete: PhraseMatch[] = [];
    const dangers: PhraseMatch[] = [];
    // One callback for every phrase, reading the phrase being scored (no closure per phrase).
    let phrase = 0;
    let target = 0;
    const addEvidence = (word: number, value: number, isComplete: boolean) => {
      grid.add(target, word, value);
      if (trace && !phrases.fromDocument(phrase)) {
        trace.push(`${words[word]} -> ${targets[target]!.id} ${value.toFixed(3)} (${languages[phrases.language(phrase)]}: "${index.phraseText(phrase)}"${isComplete ? ', complete' : ''})`);
      }
    };
    for (const [phraseId, hit] of collectHits(language.candidates, isStopWord, index)) {
      phrase = phraseId;
      target = phrases.target(phraseId);
      const score = scorePhrase(phrases, phraseId, hit, targets[target]!.topic, context, addEvidence);
      if (score.complete && hit.sims.length >= 2) complete.push({ phrase: phraseId, matched: score.matched, matchedAll: score.matchedAll });
      if (isDanger(phraseId, hit, score, index)) dangers.push({ phrase: phraseId, matched: score.matched, matchedAll: score.matchedAll });
    }

    // Danger phrases that are negated or part of a longer phrase of another topic do not
    // count, and a negated one gives no evidence at all.
    const { live, negated } = liveDangers(dangers, complete, words, language.langIndex, index);
    for (const danger of negated) for (const word of new Set(danger.matched)) grid.clear(phrases.target(danger.phrase), word);

    const totals = grid.totals(targets, index.topics.length);
    const result = decide(totals, index, live.length > 0, language.lang);
    const targetIndex = index.targetIndex;
    for (const entry of result.evidence ?? []) entry.byWord = grid.row(targetIndex.get(entry.target)!);
    return result;
  }

  function explain(text: string, given?: string): string[] {
    const trace: string[] = [];
    const result = route(text, given, trace);
    trace.unshift(`words: ${tokenize(normalize(text), index.han).join(' | ')}`);
    trace.push(`=> ${JSON.stringify(result)}`);
    return trace;
  }

  const knowsWord = (word: string) => index.lexicon.id(word) !== undefined || index.functionWords.languagesOf.has(word);
  return { route: (text: string, lang?: string) => route(text, lang), explain, knowsWord };
}
