/**
 * Cold start to first answer: a /start is already waiting when the production build starts
 * (content loaded and validated, getMe, first getUpdates, reply; the word index is built after
 * that answer). Then the same with a typed question waiting, which needs the word index.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BotApiEmulator } from '../tests/emulator/bot-api-emulator.ts';
import { fmt, summary } from './support.ts';

/** @param first what is waiting: /start (answered before the word index is built) or a typed question (waits for it). */
export async function benchColdStart(runs = 5, first = '/start') {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const emulator = new BotApiEmulator({ timeoutMs: 30_000 });
    await emulator.start();
    const dataDir = mkdtempSync(join(tmpdir(), 'cold-'));
    const user = emulator.user({ id: 5150 + i, first_name: 'Cold', language_code: 'en' });
    const asked = user.send(first, { timeoutMs: 30_000 });
    const t0 = Date.now();
    const child = spawn(process.execPath, ['--max-old-space-size=96', '--max-semi-space-size=4', 'dist/main.mjs'], {
      env: { PATH: process.env.PATH ?? '', BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    const result = await asked;
    const answer = result.calls.find((c) => c.method === 'sendMessage');
    if (answer) times.push(answer.startedAt - t0);
    if (process.env.COLD_DEBUG) console.error(emulator.calls.map((c) => `${c.method} +${c.startedAt - t0}`).join(', '));
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return summary(times);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchColdStart();
  console.log(`cold start to first answer: p50 ${fmt(r.p50, 0)} ms, max ${fmt(r.max, 0)} ms (5 runs)`);
  const typed = await benchColdStart(5, 'where can I see a doctor');
  console.log(`cold start to first answer of a typed question: p50 ${fmt(typed.p50, 0)} ms, max ${fmt(typed.max, 0)} ms (5 runs)`);
}
