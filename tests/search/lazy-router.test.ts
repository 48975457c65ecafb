/** The word index is built once, when first needed or warmed, never before. */
import { describe, expect, it } from 'vitest';
import { lazyRouter } from '../../src/search/lazy-router.ts';
import type { ExplainingRouter } from '../../src/search/router.ts';

function counting() {
  let builds = 0;
  const router: ExplainingRouter = {
    route: (text) => ({ topic: null, target: null, lang: 'en', score: text.length, urgent: false, alternatives: [] }),
    explain: (text) => [text],
    knowsWord: (word) => word === 'doctor',
  };
  return {
    build: () => {
      builds++;
      return router;
    },
    builds: () => builds,
  };
}

describe('lazy router', () => {
  it('builds nothing until asked, then once', () => {
    const c = counting();
    const lazy = lazyRouter(c.build);
    expect(c.builds()).toBe(0);
    expect(lazy.route('abc').score).toBe(3);
    expect(lazy.knowsWord('doctor')).toBe(true);
    lazy.warm();
    expect(c.builds()).toBe(1);
  });

  it('warm() builds ahead of the first question', () => {
    const c = counting();
    const lazy = lazyRouter(c.build);
    lazy.warm();
    expect(c.builds()).toBe(1);
    expect(lazy.explain('x')).toEqual(['x']);
    expect(c.builds()).toBe(1);
  });
});
