/**
 * Accuracy floors, so that a change to the router or the keyword lists that makes routing
 * worse fails here. The dev set is the shared one; the fixtures are our own:
 * routes-faq.tsv (the fact sheet's typical questions), routes-shadow.tsv, routes-blind.tsv
 * and routes-blind2.tsv (phrasings written apart from the keyword lists; each was first
 * run once as a held-out set, then its misses were studied).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRoutesTsv } from '../../src/cli/eval.ts';
import { repoRoot, realRouter } from './helpers.ts';

const DEV = join(repoRoot, '..', 'shared', 'eval', 'routes-dev.tsv');

function accuracy(path: string, withLang = false): { rate: number; misses: string[] } {
  const rows = readRoutesTsv(path);
  const misses: string[] = [];
  for (const row of rows) {
    const got = realRouter().route(row.text, withLang ? row.lang : undefined).topic ?? 'none';
    if (got !== row.topic) misses.push(`${row.lang} ${row.topic} -> ${got}: ${row.text}`);
  }
  return { rate: (rows.length - misses.length) / rows.length, misses };
}

describe('top-1 accuracy floors', () => {
  it('the shared dev set exists', () => {
    expect(existsSync(DEV), `${DEV} is missing (shared/ must sit beside the repository)`).toBe(true);
  });

  it.each([
    ['../shared/eval/routes-dev.tsv', DEV, 0.9],
    ['routes-blind.tsv', join(repoRoot, 'tests/search/fixtures/routes-blind.tsv'), 0.9],
    ['routes-blind2.tsv', join(repoRoot, 'tests/search/fixtures/routes-blind2.tsv'), 0.9],
    ['routes-shadow.tsv', join(repoRoot, 'tests/search/fixtures/routes-shadow.tsv'), 0.9],
    ['routes-faq.tsv', join(repoRoot, 'tests/search/fixtures/routes-faq.tsv'), 0.85],
  ])('%s: at least %#', (_name, path, floor) => {
    const { rate, misses } = accuracy(path);
    expect(rate, misses.join('\n')).toBeGreaterThanOrEqual(floor);
    expect(accuracy(path, true).rate).toBeGreaterThanOrEqual(floor);
  });

  it('flags every emergency line as urgent, and nothing else', () => {
    const files = ['routes-blind.tsv', 'routes-blind2.tsv', 'routes-shadow.tsv', 'routes-faq.tsv'].map((f) => join(repoRoot, 'tests/search/fixtures', f));
    const wrong: string[] = [];
    let emergencies = 0;
    for (const path of [DEV, ...files]) {
      for (const row of readRoutesTsv(path)) {
        const urgent = realRouter().route(row.text).urgent;
        if (row.topic === 'emergency') emergencies++;
        if (urgent !== (row.topic === 'emergency')) wrong.push(`${row.lang} ${row.topic} urgent=${urgent}: ${row.text}`);
      }
    }
    expect(emergencies).toBeGreaterThan(50);
    // A missed danger is worse than a false alarm, but both should stay rare.
    expect(wrong.length, wrong.join('\n')).toBeLessThanOrEqual(3);
  });
});
