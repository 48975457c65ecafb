import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRoutesTsv, readScreensTsv } from '../../src/cli/eval.ts';
import { normalize } from '../../src/search/normalize.ts';
import { loadVocabulary } from '../../src/search/vocabulary.ts';
import { realContent, repoRoot } from './helpers.ts';

const vocab = loadVocabulary(repoRoot);

describe('locales/*/keywords.json', () => {
  it('exists for every registered language', () => {
    const codes = (JSON.parse(readFileSync(join(repoRoot, 'locales/languages.json'), 'utf8')) as Array<{ code: string }>).map((l) => l.code);
    expect(vocab.languages).toEqual(codes);
    for (const code of codes) expect([...vocab.keywords.keys()], code).toContain(code);
  });

  it('has every topic and "none", only topic or screen keys, and no empty phrase', () => {
    const topics = realContent().flows.map((f) => f.id);
    for (const [lang, lists] of vocab.keywords) {
      for (const key of [...topics, 'none']) expect(lists[key]?.length ?? 0, `${lang} ${key}`).toBeGreaterThan(0);
      for (const [key, phrases] of Object.entries(lists)) {
        expect(key === 'none' || topics.includes(key.split('.')[0]!), `${lang} ${key}`).toBe(true);
        for (const p of phrases) expect(normalize(p).length, `${lang} ${key} "${p}"`).toBeGreaterThan(0);
      }
    }
  });

  it('has rich lists for the languages with the most speakers here', () => {
    for (const lang of ['en', 'nl', 'ar', 'fa', 'fr', 'es', 'pt', 'tr', 'ru', 'uk']) {
      for (const topic of ['shelter', 'health', 'police', 'legal']) {
        expect(vocab.keywords.get(lang)![topic]!.length, `${lang} ${topic}`).toBeGreaterThanOrEqual(40);
      }
    }
  });

  it('does not copy the dev sets: no keyword phrase is a multi-word line of the topic or the screen dev set', () => {
    const evalDir = join(repoRoot, '..', 'shared', 'eval');
    const texts = [...readRoutesTsv(join(evalDir, 'routes-dev.tsv')), ...(readScreensTsv(join(evalDir, 'screens-dev.tsv')) ?? [])].map((r) => r.text);
    expect(texts.length).toBeGreaterThan(400);
    const dev = new Set(texts.map((t) => normalize(t)).filter((k) => k.includes(' ')));
    const copied: string[] = [];
    for (const [lang, lists] of vocab.keywords) {
      for (const [key, phrases] of Object.entries(lists)) {
        for (const p of phrases) if (dev.has(normalize(p))) copied.push(`${lang} ${key}: ${p}`);
      }
    }
    expect(copied).toEqual([]);
  });
});
