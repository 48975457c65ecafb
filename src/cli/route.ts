/**
 * npm run --silent route
 *
 * Reads JSON lines from stdin, each {"text": "...", "lang": "xx"} ("lang" optional: the
 * language the person chose), and writes one JSON line per input line, in order:
 * {"topic": "<id or null>", "lang": "<guessed code>", "score": <number>, "screen": "<screen id the
 * bot opens or offers first, or null>", "alternatives": ["<screen ids offered after it>"]}. A line that is
 * not such an object gets {"topic": null, "lang": null, "score": 0, "error": "..."} and
 * the next line is read. Nothing else is written to stdout; lines are answered as they
 * arrive, so it works over a pipe that stays open.
 */
import { createInterface } from 'node:readline';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../content/load.ts';
import { createContentRouter } from '../search/content-router.ts';
import type { ExplainingRouter } from '../search/router.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function answerLine(router: ExplainingRouter, line: string): string {
  if (line.trim() === '') return JSON.stringify({ topic: null, lang: null, score: 0, error: 'empty line' });
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return JSON.stringify({ topic: null, lang: null, score: 0, error: 'not valid JSON' });
  }
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return JSON.stringify({ topic: null, lang: null, score: 0, error: 'expected an object like {"text": "..."}' });
  }
  const { text, lang } = input as { text?: unknown; lang?: unknown };
  if (typeof text !== 'string') {
    return JSON.stringify({ topic: null, lang: null, score: 0, error: '"text" must be a string' });
  }
  if (lang !== undefined && lang !== null && typeof lang !== 'string') {
    return JSON.stringify({ topic: null, lang: null, score: 0, error: '"lang" must be a string' });
  }
  const r = router.route(text, typeof lang === 'string' && lang ? lang : undefined);
  return JSON.stringify({ topic: r.topic, lang: r.lang, score: r.score, screen: r.choice?.screen ?? null, alternatives: r.choice?.alternatives ?? [] });
}

function main(): void {
  let router: ExplainingRouter;
  try {
    router = createContentRouter(loadContent(root));
  } catch (err) {
    process.stderr.write(`route: cannot load the vocabulary: ${(err as Error).message}\n`);
    process.exit(1);
  }
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  rl.on('line', (line) => {
    process.stdout.write(answerLine(router, line) + '\n');
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
