/**
 * The word index written at `npm run build` and read back routes exactly as one built at start,
 * and bytes made from other content or other code are refused.
 */
import { describe, expect, it } from 'vitest';
import { createContentRouter } from '../../src/search/content-router.ts';
import { decodeWordIndex, encodeWordIndex, fingerprintOf } from '../../src/search/prebuilt-index.ts';
import { buildWordIndex } from '../../src/search/routing-index.ts';
import { vocabularyOf } from '../../src/search/vocabulary.ts';
import { realContent } from './helpers.ts';

const code = new TextEncoder().encode('the bundle of one build');
const texts = [
  'where can I see a doctor',
  'ik heb geen slaapplek vannacht in Gent',
  'مرحبا اريد طبيب لابني عمره ٣ سنوات',
  'мне негде спать сегодня, я в Гааге',
  'wiilkeygu waa 16 jir dugsi ma aadi karaa',
  '宝宝刚出生两天 怎么去gemeente报出生',
  'URGENT!! he has a knife',
  'ana f gent o khti tay7a f l2ard',
  'kan iemand anders aangifte doen voor mij',
  'thanks',
];

describe('prebuilt word index', () => {
  const vocab = vocabularyOf(realContent());
  const bytes = encodeWordIndex(buildWordIndex(vocab), fingerprintOf(vocab, code));

  it('routes every text as the index built at start does', () => {
    const decoded = decodeWordIndex(bytes, fingerprintOf(vocab, code));
    expect(decoded).toBeDefined();
    const fromFile = createContentRouter(realContent(), { prebuilt: () => decoded });
    // Built here, not read: the other tests' router reads the index npm run build wrote.
    const built = createContentRouter(realContent());
    for (const text of texts) expect(fromFile.route(text)).toEqual(built.route(text));
    for (const text of texts) expect(fromFile.explain(text)).toEqual(built.explain(text));
  });

  it('is refused when made by other code, from other words, or not an index at all', () => {
    expect(decodeWordIndex(bytes, fingerprintOf(vocab, new TextEncoder().encode('another build')))).toBeUndefined();
    const keywords = new Map(vocab.keywords);
    keywords.set('en', { ...keywords.get('en')!, shelter: [...(keywords.get('en')!.shelter ?? []), 'a bed in a barn'] });
    expect(decodeWordIndex(bytes, fingerprintOf({ ...vocab, keywords }, code))).toBeUndefined();
    expect(decodeWordIndex(new TextEncoder().encode('not an index'), fingerprintOf(vocab, code))).toBeUndefined();
  });

  it('takes a few MB, not the tens of MB of objects it replaced', () => {
    expect(bytes.length).toBeGreaterThan(100_000);
    expect(bytes.length).toBeLessThan(12_000_000);
  });
});
