/**
 * npm run eval [-- path/to/routes.tsv]
 *
 * Two forms, told apart by the header line:
 * - screen level, `screens<TAB>topic<TAB>lang<TAB>text` (screens: `|`-separated acceptable
 *   screen ids, or `none`): prints top-1 and top-3 screen accuracy, topic accuracy, emergency
 *   false alarms on `none` lines, each per language, and the misses;
 * - topic level, `topic<TAB>lang<TAB>text`, as below.
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
import { loadContent } from '../content/load.ts';
import { createContentRouter } from '../search/content-router.ts';
import type { ExplainingRouter } from '../search/router.ts';

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

export interface ScreenEvalRow {
  /** Acceptable screen ids; empty for a `none` line (no screen should be opened or offered). */
  screens: string[];
  topic: string;
  lang: string;
  text: string;
}

/** The screen-level form, or null when the file is in the topic-level form. */
export function readScreensTsv(path: string): ScreenEvalRow[] | null {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  if (lines[0]?.split('\t')[0] !== 'screens') return null;
  const rows: ScreenEvalRow[] = [];
  lines.slice(1).forEach((line, i) => {
    if (!line.trim()) return;
    const [screens, topic, lang, ...rest] = line.split('\t');
    if (!screens || !topic || !lang || rest.length === 0) throw new Error(`${path}:${i + 2}: expected screens<TAB>topic<TAB>lang<TAB>text`);
    rows.push({ screens: screens === 'none' ? [] : screens.split('|'), topic, lang, text: rest.join('\t') });
  });
  return rows;
}

export interface ScreenScore {
  top1: boolean;
  top3: boolean;
  topic: boolean;
  /** A `none` line that opened or offered an emergency screen. */
  falseAlarm: boolean;
  got: string[];
}

/** How the bot did on one screen-level line: the screens it opens or offers, in order. */
export function scoreScreenRow(router: ExplainingRouter, row: ScreenEvalRow): ScreenScore {
  const r = router.route(row.text);
  const first = r.choice?.screen ?? null;
  const got = first ? [first, ...(r.choice?.alternatives ?? [])] : [];
  const ok = (id: string | undefined) => id !== undefined && row.screens.includes(id);
  const none = row.screens.length === 0;
  return {
    top1: none ? first === null : ok(got[0]),
    top3: none ? first === null : got.slice(0, 3).some(ok),
    topic: (r.topic ?? 'none') === row.topic,
    falseAlarm: none && (r.urgent || got.some((id) => id.split('.')[0] === 'emergency')),
    got,
  };
}

export function screenReport(path: string, rows: ScreenEvalRow[], router: ExplainingRouter): string[] {
  type Tally = { n: number; top1: number; top3: number; topic: number; none: number; alarms: number };
  const zero = (): Tally => ({ n: 0, top1: 0, top3: 0, topic: 0, none: 0, alarms: 0 });
  const all = zero();
  const byLang = new Map<string, Tally>();
  const misses: string[] = [];
  for (const row of rows) {
    const s = scoreScreenRow(router, row);
    const lang = byLang.get(row.lang) ?? zero();
    byLang.set(row.lang, lang);
    for (const t of [all, lang]) {
      t.n++;
      t.top1 += s.top1 ? 1 : 0;
      t.top3 += s.top3 ? 1 : 0;
      t.topic += s.topic ? 1 : 0;
      t.none += row.screens.length === 0 ? 1 : 0;
      t.alarms += s.falseAlarm ? 1 : 0;
    }
    if (!s.top1) misses.push(`  ${row.lang}\t${row.screens.join('|') || 'none'} -> ${s.got.join(', ') || 'none'}${s.top3 ? ' (top-3)' : ''}\t${row.text}`);
  }
  const line = (t: Tally) => `top-1 ${pct(t.top1, t.n).padStart(6)}  top-3 ${pct(t.top3, t.n).padStart(6)}  topic ${pct(t.topic, t.n).padStart(6)}  emergency on none lines ${t.alarms}/${t.none}`;
  const out = [`${path}: ${rows.length} lines (screen level)`, `all   ${line(all)}`, 'per language:'];
  for (const [k, t] of [...byLang].sort()) out.push(`  ${k.padEnd(4)}${line(t)}  (${t.n})`);
  out.push(`misses (${misses.length}):`, ...misses);
  return out;
}

function pct(a: number, b: number): string {
  return b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`;
}

function main(): void {
  const path = resolve(process.argv[2] ?? join(root, '..', 'shared', 'eval', 'routes-dev.tsv'));
  const router = createContentRouter(loadContent(root));
  const screenRows = readScreensTsv(path);
  if (screenRows) {
    process.stdout.write(screenReport(path, screenRows, router).join('\n') + '\n');
    return;
  }
  const rows = readRoutesTsv(path);
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
