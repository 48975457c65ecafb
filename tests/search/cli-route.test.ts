import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.ts';

/** Start `tsx src/cli/route.ts` with a pipe that stays open; read its stdout line by line. */
function startRoute() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/route.ts'], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: Array<() => void> = [];
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    waiters.shift()?.();
  });
  const nextLine = (timeoutMs = 20_000) =>
    new Promise<string>((resolve, reject) => {
      const take = () => resolve(lines.shift()!);
      if (lines.length) return take();
      const timer = setTimeout(() => reject(new Error(`no output within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
      waiters.push(() => {
        clearTimeout(timer);
        take();
      });
    });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, nextLine, exited, lines };
}

describe('npm run route (JSON lines over stdin/stdout)', () => {
  it('answers each line as it arrives, in order, and survives bad lines', async () => {
    const { child, nextLine, exited, lines } = startRoute();
    // One line, then wait for its answer while the pipe stays open: proves streaming.
    child.stdin.write(JSON.stringify({ text: 'i need a place to sleep' }) + '\n');
    const first = JSON.parse(await nextLine());
    expect(first).toEqual({ topic: 'shelter', lang: 'en', score: expect.any(Number), screen: expect.stringMatching(/^shelter/), alternatives: expect.any(Array) });
    expect(first.score).toBeGreaterThan(0);
    expect(first.score).toBeLessThanOrEqual(1);

    child.stdin.write(
      [
        'this is not json',
        JSON.stringify({ text: 'ana mareed', lang: 'ar' }),
        JSON.stringify({ lang: 'en' }),
        JSON.stringify([1, 2]),
        JSON.stringify({ text: 'hello' }),
        JSON.stringify({ text: 'ik wil dood', lang: 7 }),
        JSON.stringify({ text: 'ik wil dood' }),
      ].join('\n') + '\n',
    );
    const out = [];
    for (let i = 0; i < 7; i++) out.push(JSON.parse(await nextLine()));
    child.stdin.end();
    expect(await exited).toBe(0);
    expect(lines).toEqual([]); // nothing else on stdout

    expect(out[0]).toEqual({ topic: null, lang: null, score: 0, error: expect.any(String) });
    expect(out[1]).toEqual({ topic: 'health', lang: 'ar', score: expect.any(Number), screen: expect.stringMatching(/^health/), alternatives: expect.any(Array) });
    expect(out[2]).toEqual(expect.objectContaining({ topic: null, lang: null, score: 0, error: expect.stringContaining('text') }));
    expect(out[3].error).toBeTruthy();
    // Small talk: no screen opened or offered.
    expect(out[4]).toEqual({ topic: null, lang: 'en', score: expect.any(Number), screen: null, alternatives: [] });
    expect(out[5].error).toContain('lang');
    expect(out[6]).toEqual({ topic: 'emergency', lang: 'nl', score: expect.any(Number), screen: 'emergency.self-harm', alternatives: expect.any(Array) });
    for (const o of [first, out[1], out[6]]) {
      expect(o.alternatives.length).toBeLessThanOrEqual(2);
      expect(o.alternatives).not.toContain(o.screen);
    }
  }, 60_000);
});
