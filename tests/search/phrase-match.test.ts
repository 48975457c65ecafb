import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/search/normalize.ts';
import { collectHits, scorePhrase, stopWordsOf, type MatchContext } from '../../src/search/phrase-match.ts';
import { buildRoutingIndex } from '../../src/search/routing-index.ts';
import { tokenize } from '../../src/search/tokenize.ts';
import { TUNING } from '../../src/search/tuning.ts';

/** Phrase matching alone: a small vocabulary, no language guessing, no decision. */
const index = buildRoutingIndex({
  languages: ['en', 'nl'],
  topics: ['shelter', 'emergency', 'health', 'basics'],
  keywords: new Map<string, Record<string, string[]>>([
    ['en', { shelter: ['place to sleep', 'bed'], emergency: ['i want to die', 'help now'], health: ['doctor for my child'], basics: ['water for me'], none: ['how are you'] }],
    ['nl', { shelter: ['slaapplek'] }],
  ]),
  functionWords: new Map([
    ['en', { stop: 'i to for my me how are you a want', neg: 'not no' }],
    ['nl', { stop: 'ik een die', neg: 'geen' }],
  ]),
});
const EN = 0;
const NL = 1;
/** A phrase as the index keeps it: its normalised words, each once ("place to sleep" -> "place to slep"). */
const asIndexed = (text: string) => [...new Set(tokenize(normalize(text)))].join(' ');
const phraseOf = (text: string) => Array.from({ length: index.phrases.count }, (_, id) => id).find((id) => index.phraseText(id) === asIndexed(text))!;

/** What each phrase gives for `text`, read as English: its evidence per typed word, and whether it is complete. */
function score(text: string, textLanguage = EN) {
  const words = tokenize(normalize(text));
  const candidates = words.map((word) => index.lexicon.candidates(word));
  const isStopWord = stopWordsOf(words, textLanguage, -1, index);
  const context: MatchContext = { wordCount: words.length, isStopWord, textLanguage, givenLanguage: -1, unknownLanguage: false };
  const out = new Map<string, { complete: boolean; strict: boolean; evidence: Array<[string, number]> }>();
  for (const [phraseId, hit] of collectHits(candidates, isStopWord, index)) {
    const evidence: Array<[string, number]> = [];
    const topic = index.targets[index.phrases.target(phraseId)]!.topic;
    const result = scorePhrase(index.phrases, phraseId, hit, topic, context, (word, value) => evidence.push([words[word]!, value]));
    out.set(index.phraseText(phraseId), { complete: result.complete, strict: result.strict, evidence });
  }
  return { get: (phrase: string) => out.get(asIndexed(phrase)), has: (phrase: string) => out.has(asIndexed(phrase)) };
}

describe('phrase kinds', () => {
  it('marks content words, function words and negations', () => {
    expect(index.phrases.kindsOf(phraseOf('i want to die'))).toEqual(['stop', 'stop', 'stop', 'content']);
    expect(index.phrases.kindsOf(phraseOf('how are you'))).toEqual(['content', 'content', 'content']);
  });
});

describe('complete phrases', () => {
  it('gives every content word of a complete multi-word phrase at least the full-phrase weight', () => {
    const sleep = score('a place to sleep').get('place to sleep')!;
    expect(sleep.complete).toBe(true);
    const place = sleep.evidence.find(([word]) => word === 'place')![1];
    expect(place).toBeGreaterThanOrEqual(TUNING.fullPhraseWeight);
    // The function word completes the phrase and counts a little.
    expect(sleep.evidence.find(([word]) => word === 'to')![1]).toBeCloseTo(TUNING.functionWordWeight);
  });

  it('lets function words before the content word be missing, not those after it (one content word)', () => {
    expect(score('want to die').get('i want to die')!.complete).toBe(true);
    expect(score('i want die').get('i want to die')!.complete).toBe(true);
    // Complete, but not word for word: not enough for danger.
    expect(score('want to die').get('i want to die')!.strict).toBe(false);
    expect(score('i want to die').get('i want to die')!.strict).toBe(true);
    expect(score('water for me').get('water for me')!.complete).toBe(true);
    expect(score('water').get('water for me')!.complete).toBe(false);
    // Two content words: function words may be missing anywhere.
    expect(score('place sleep').get('place to sleep')!.complete).toBe(true);
  });

  it('wants the words of a phrase near each other', () => {
    expect(score('help me now').get('help now')!.complete).toBe(true);
    const far = score('help, we came last year from far away and now').get('help now')!;
    expect(far.complete).toBe(false);
    // Incomplete: each word counts its weight (1: words of one topic) times the share found (all), times TUNING.incomplete.
    expect(far.evidence).toEqual([
      ['help', TUNING.incomplete],
      ['now', TUNING.incomplete],
    ]);
  });

  it('lets a phrase of three content words miss one', () => {
    expect(score('doctor child').get('doctor for my child')!.complete).toBe(true);
  });
});

describe('language of a phrase', () => {
  it('counts a phrase of another language less, and its typos less again', () => {
    const own = score('slaapplek', NL).get('slaapplek')!.evidence[0]![1];
    const other = score('slaapplek', EN).get('slaapplek')!.evidence[0]![1];
    expect(other).toBeCloseTo(own * TUNING.otherLanguage);
    const typo = score('slaapplak', EN).get('slaapplek')!.evidence[0]![1];
    expect(typo).toBeLessThan(other);
  });

  it("does not let a function word of the text's language be the only word of a phrase", () => {
    // Dutch "die" (who) is not English "die".
    expect(stopWordsOf(['de', 'man', 'die'], NL, -1, index)).toEqual([false, false, true]);
    expect(score('de man die', NL).has('i want to die')).toBe(false);
    expect(score('i want to die', EN).get('i want to die')!.complete).toBe(true);
  });
});
