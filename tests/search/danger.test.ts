import { describe, expect, it } from 'vitest';
import { insideLongerPhrase, liveDangers, negationOf, type PhraseMatch } from '../../src/search/danger.ts';
import { normalize } from '../../src/search/normalize.ts';
import { buildRoutingIndex } from '../../src/search/routing-index.ts';
import { tokenize } from '../../src/search/tokenize.ts';

/** Danger words alone, without a text or a router around them. */
const index = buildRoutingIndex({
  languages: ['en', 'tr', 'ar'],
  topics: ['emergency', 'shelter'],
  keywords: new Map<string, Record<string, string[]>>([
    ['en', { emergency: ['urgent', 'fire', 'no air'], shelter: ['emergency shelter'], 'emergency.young': ['emergency'] }],
    ['tr', { emergency: ['acil'] }],
    ['ar', { basics: ['la'] }],
  ]),
  functionWords: new Map([
    ['en', { stop: 'i it is am so really', neg: 'not no', negAfter: '' }],
    ['tr', { stop: 'bu', neg: 'değil yok', negAfter: 'değil' }],
    ['ar', { stop: 'ana', neg: 'la ma', negAfter: '' }],
  ]),
});
const EN = 0;
const TR = 1;
const AR = 2;
const phraseOf = (text: string) => Array.from({ length: index.phrases.count }, (_, id) => id).findIndex((id) => index.phraseText(id) === text);
const danger = (text: string, matched: number[]): PhraseMatch => ({ phrase: phraseOf(text), matched });
/** Typed words as the router reads them. */
const wordsOf = (text: string) => tokenize(normalize(text));

describe('negation windows', () => {
  it('lets a negation that follows what it negates cancel only what stands before it', () => {
    // "değil" closes the clause before it ("acil değil"); the next one is not negated by it.
    expect(negationOf(danger('acil', [1]), wordsOf('değil acil'), TR, index)).toBe(-1);
    expect(negationOf(danger('acil', [1]), wordsOf('yok acil'), TR, index)).toBe(0);
  });

  it("takes the phrase's own negation typed twice for its own, not for one that cancels it", () => {
    // "no air ... no": the phrase's "no" may be read at its second place; the first is still its own.
    expect(negationOf(danger('no air', [3, 1]), 'no air really no'.split(' '), EN, index)).toBe(-1);
    // Another negation before it still cancels: "not no air" is no danger phrase.
    expect(negationOf(danger('no air', [1, 2]), 'not no air'.split(' '), EN, index)).toBe(0);
  });

  it('hears a negation up to three words before the danger phrase', () => {
    expect(negationOf(danger('urgent', [3]), 'it is not urgent'.split(' '), EN, index)).toBe(2);
    expect(negationOf(danger('urgent', [3]), 'not it is urgent'.split(' '), EN, index)).toBe(0);
    expect(negationOf(danger('urgent', [4]), 'not i am so urgent'.split(' '), EN, index)).toBe(-1);
  });

  it('hears only negations that follow what they negate after the phrase', () => {
    expect(negationOf(danger('acil', [1]), wordsOf('bu acil değil'), TR, index)).toBe(2);
    // "not" does not follow what it negates: "urgent not" is no negation.
    expect(negationOf(danger('urgent', [0]), 'urgent not'.split(' '), EN, index)).toBe(-1);
    // ...and a word two places after the phrase is out of reach.
    expect(negationOf(danger('acil', [0]), wordsOf('acil bu değil'), TR, index)).toBe(-1);
  });

  it("counts a negation of the phrase's language or the text's, not of any language", () => {
    // Arabic "la" is no negation of an English phrase in an English text ("la fire" is a name)...
    expect(negationOf(danger('fire', [1]), 'la fire'.split(' '), EN, index)).toBe(-1);
    // ...but is in an Arabic text.
    expect(negationOf(danger('fire', [1]), 'la fire'.split(' '), AR, index)).toBe(0);
    // English "not" cancels an English phrase in a text of another language.
    expect(negationOf(danger('urgent', [1]), 'not urgent'.split(' '), TR, index)).toBe(0);
    // No language known for the text: only the phrase's own negations.
    expect(negationOf(danger('urgent', [1]), wordsOf('değil urgent'), -1, index)).toBe(-1);
  });

  it('does not take a word of the phrase itself for its negation', () => {
    const negations = buildRoutingIndex({
      languages: ['en'],
      topics: ['emergency'],
      keywords: new Map<string, Record<string, string[]>>([['en', { emergency: ['no air'] }]]),
      functionWords: new Map([['en', { stop: '', neg: 'no not' }]]),
    });
    const noAir = { phrase: 0, matched: [0, 1] };
    expect(negationOf(noAir, 'no air'.split(' '), 0, negations)).toBe(-1);
    expect(negationOf(noAir, 'not no air'.split(' '), 0, negations)).toBe(-1);
  });
});

describe('danger inside a longer phrase', () => {
  it('is no danger when a longer complete phrase of another topic holds all its words', () => {
    const shelter = danger('emergency shelter', [0, 1]);
    expect(insideLongerPhrase(danger('emergency', [0]), [shelter], index)).toBe(true);
    // A function word of the danger phrase the longer one lacks keeps it danger ("hits me now"
    // is not inside "my husband hits me").
    const now = { ...danger('emergency', [0]), matchedAll: [0, 2] };
    expect(insideLongerPhrase(now, [{ ...shelter, matchedAll: [0, 1] }], index)).toBe(false);
    expect(insideLongerPhrase(danger('emergency', [2]), [shelter], index)).toBe(false);
    // A longer phrase of the emergency topic itself does not cancel it.
    expect(insideLongerPhrase(danger('urgent', [0]), [danger('emergency', [0, 1])], index)).toBe(false);
  });
});

describe('liveDangers', () => {
  it('keeps the dangers that count and names the negated ones', () => {
    const words = wordsOf('emergency shelter, fire now, not urgent');
    const emergency = danger('emergency', [0]);
    const fire = danger('fire', [2]);
    const urgent = danger('urgent', [5]);
    const { live, negated } = liveDangers([emergency, fire, urgent], [danger('emergency shelter', [0, 1])], words, EN, index);
    expect(live).toEqual([fire]);
    expect(negated).toEqual([urgent]);
  });
});
