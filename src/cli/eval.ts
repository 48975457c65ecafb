/**
 * npm run eval [-- path/to/routes.tsv]
 *
 * Runs a routing test set (topic<TAB>lang<TAB>text, first line a header; topic "none"
 * means the bot should not guess) through the router and prints top-1 accuracy overall,
 * per language and per topic, language-guess accuracy, and every miss. The text is
 * routed without the language (as when a person types in a language they did not
 * pick); accuracy with the language given is printed too.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRouter } from '../search/router.ts';
import { loadVocabulary } from '../search/vocabulary.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface EvalRow {
  topic: string;
  lang: string;
  text: string;
}

export function readRoutesTsv(path: string): EvalRow[] {
  const rows: EvalRow[] = [];
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const [topic, lang, ...rest] = line.split('\t');
    if (i === 0 && topic === 'topic') return; // header
    if (!topic || !lang || rest.length === 0) throw new Error(`${path}:${i + 1}: expected topic<TAB>lang<TAB>text`);
    rows.push({ topic, lang, text: rest.join('\t') });
  });
  return rows;
}

function pct(a: number, b: number): string {
  return b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`;
}

function main(): void {
  const path = resolve(process.argv[2] ?? join(root, '..', 'shared', 'eval', 'routes-dev.tsv'));
  const rows = readRoutesTsv(path);
  const router = createRouter(loadVocabulary(root));
  const byLang = new Map<string, [number, number]>();
  const byTopic = new Map<string, [number, number]>();
  const misses: string[] = [];
  let ok = 0;
  let okGiven = 0;
  let langOk = 0;
  for (const row of rows) {
    const r = router.route(row.text);
    const got = r.topic ?? 'none';
    const hit = got === row.topic;
    if (hit) ok++;
    if ((router.route(row.text, row.lang).topic ?? 'none') === row.topic) okGiven++;
    if (r.lang === row.lang) langOk++;
    for (const [map, key] of [
      [byLang, row.lang],
      [byTopic, row.topic],
    ] as const) {
      const v = map.get(key) ?? [0, 0];
      v[0] += hit ? 1 : 0;
      v[1] += 1;
      map.set(key, v);
    }
    if (!hit) {
      const alt = r.alternatives.map((a) => `${a.target} ${a.score}`).join(', ');
      misses.push(`  ${row.lang}\t${row.topic} -> ${got} (${r.score}; ${r.lang}${alt ? `; ${alt}` : ''})\t${row.text}`);
    }
  }
  const out: string[] = [];
  out.push(`${path}: ${rows.length} lines`);
  out.push(`top-1 accuracy: ${pct(ok, rows.length)} (${ok}/${rows.length}); with the language given: ${pct(okGiven, rows.length)}`);
  out.push(`language guessed right: ${pct(langOk, rows.length)}`);
  out.push('per language:');
  for (const [k, [a, b]] of [...byLang].sort()) out.push(`  ${k.padEnd(4)} ${pct(a, b).padStart(6)}  ${a}/${b}`);
  out.push('per topic:');
  for (const [k, [a, b]] of [...byTopic].sort()) out.push(`  ${k.padEnd(10)} ${pct(a, b).padStart(6)}  ${a}/${b}`);
  out.push(`misses (${misses.length}):`);
  out.push(...misses);
  process.stdout.write(out.join('\n') + '\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
