/**
 * tsx bench/route.bench.ts [--no-fuse] [routes.tsv ...]
 *
 * Free-text routing: latency (p50/p99, all languages loaded) and top-1 accuracy of our
 * router against fuse.js 7.5 on the same keyword lists, so the README can say why the
 * router does not use fuse.js. Accuracy is measured on the dev set (and any other
 * routes files given); latency over a mix of all their lines plus long messages.
 *
 * fuse.js is given every advantage we could think of: our own normalisation on both
 * sides, one record per phrase, and both its default and its token-search modes.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fuse from 'fuse.js';
import type { TopicId } from '../src/content/schema.ts';
import { normalize } from '../src/search/normalize.ts';
import { loadContent } from '../src/content/load.ts';
import { createContentRouter } from '../src/search/content-router.ts';
import { vocabularyOf } from '../src/search/vocabulary.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Row {
  topic: string;
  text: string;
}

function readRows(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => {
      const [topic, , ...rest] = l.split('\t');
      return { topic: topic!, text: rest.join('\t') };
    });
}

type Route = (text: string) => string | null;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/**
 * Top-1 accuracy per set, and latency: over `rounds` rounds of `mix` after a warm-up
 * round (steady state, as in a running bot), or, with rounds = 0, over the accuracy runs
 * themselves (for engines too slow to run more).
 */
function measure(name: string, route: Route, sets: Array<[string, Row[]]>, mix: string[], rounds: number): string {
  const times: number[] = [];
  const timed = (q: string) => {
    const t = performance.now();
    const r = route(q);
    times.push(performance.now() - t);
    return r;
  };
  const run = rounds > 0 ? route : timed;
  const accuracy = sets.map(([, rows]) => {
    const ok = rows.filter((r) => (run(r.text) ?? 'none') === r.topic).length;
    return `${((100 * ok) / rows.length).toFixed(1)}%`;
  });
  if (rounds > 0) {
    for (const q of mix) route(q); // warm up
    for (let k = 0; k < rounds; k++) for (const q of mix) timed(q);
  }
  times.sort((a, b) => a - b);
  return `| ${name} | ${accuracy.join(' | ')} | ${percentile(times, 0.5).toFixed(3)} | ${percentile(times, 0.99).toFixed(3)} |`;
}

function main(): void {
  const args = process.argv.slice(2);
  const withFuse = !args.includes('--no-fuse');
  const files = args.filter((a) => !a.startsWith('--'));
  const paths = files.length
    ? files.map((f) => resolve(f))
    : [join(root, '..', 'shared', 'eval', 'routes-dev.tsv'), join(root, 'tests', 'search', 'fixtures', 'routes-blind.tsv'), join(root, 'tests', 'search', 'fixtures', 'routes-faq.tsv')];
  const sets: Array<[string, Row[]]> = paths.map((p) => [p.split('/').pop()!, readRows(p)]);
  const mix = sets.flatMap(([, rows]) => rows.map((r) => r.text));
  // Long messages happen too: people paste whole stories.
  mix.push(
    'hello I am from Eritrea and I came here two years ago, my asylum was rejected and now I sleep at the station with my wife who is pregnant, we have no money and no insurance, where can we go tonight please help',
    'سلام من از افغانستان هستم و پناهندگی من رد شده است الان جای خواب ندارم و بچه هایم مریض هستند لطفا کمک کنید',
  );

  const content = loadContent(root);
  const vocab = vocabularyOf(content);
  let t = performance.now();
  // The bot's own: words' evidence, ages, times and cities, and the walk down the trees.
  const router = createContentRouter(content);
  const buildRouter = performance.now() - t;

  const topics = new Set(content.flows.map((f) => f.id));
  const docs: Array<{ key: string; topic: string }> = [];
  for (const byTarget of vocab.keywords.values()) {
    for (const [target, phrases] of Object.entries(byTarget)) {
      const topic = target === 'none' ? 'none' : target.split('.')[0]!;
      if (topic !== 'none' && !topics.has(topic)) continue;
      for (const p of phrases) docs.push({ key: normalize(p), topic });
    }
  }
  const fuseRoute = (fuse: Fuse<{ key: string; topic: string }>, threshold: number): Route => {
    return (text) => {
      const hit = fuse.search(normalize(text), { limit: 1 })[0];
      if (!hit || (hit.score ?? 1) > threshold || hit.item.topic === 'none') return null;
      return hit.item.topic as TopicId;
    };
  };
  t = performance.now();
  const fuseDefault = new Fuse(docs, { keys: ['key'], includeScore: true, ignoreDiacritics: true });
  const buildFuse = performance.now() - t;
  const fuseTokens = new Fuse(docs, { keys: ['key'], includeScore: true, ignoreDiacritics: true, useTokenSearch: true });

  const out: string[] = [];
  out.push(`vocabulary: ${vocab.languages.length} languages, ${docs.length} phrases; router timed over the test lines + 20 x ${mix.length} mixed lines (incl. long messages)`);
  out.push(`build: router ${buildRouter.toFixed(0)} ms, fuse.js index ${buildFuse.toFixed(0)} ms`);
  out.push('');
  out.push(`| engine | ${sets.map(([n]) => `top-1 ${n}`).join(' | ')} | p50 ms | p99 ms |`);
  out.push(`|---|${sets.map(() => '---|').join('')}---|---|`);
  out.push(measure('router (src/search)', (q) => router.route(q).topic, sets, mix, 20));
  if (withFuse) {
    // fuse.js scans every phrase on every query: timed over the accuracy runs only (~2 min).
    out.push(measure('fuse.js 7.5 default, threshold 0.6', fuseRoute(fuseDefault, 0.6), sets, mix, 0));
    out.push(measure('fuse.js 7.5 useTokenSearch', fuseRoute(fuseTokens, 1), sets, mix, 0));
  }
  process.stdout.write(out.join('\n') + '\n');
}

main();
