/**
 * One chat floods behind a reply Telegram is holding, and others keep using the bot: how long
 * do they wait? The bot runs as its own process (the production bundle), against the Bot API
 * emulator over loopback HTTP. The flooder's first reply gets a 429 with retry_after, and the
 * flooder sends 600 messages while it is held; meanwhile 40 other people send /start, one every
 * 100 ms. Their latency: from sending to the bot's first call for their chat. (Before the flood
 * check moved before the chat's queue, a /menu here took 19 s: security review H1.)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BotApiEmulator } from '../tests/emulator/bot-api-emulator.ts';
import { fmt, summary } from './support.ts';

export async function benchFlood(flood = 600, others = 40, holdSeconds = 5) {
  const emulator = new BotApiEmulator({ timeoutMs: 60_000 });
  await emulator.start();
  const dataDir = mkdtempSync(join(tmpdir(), 'flood-'));
  const child = spawn(process.execPath, ['dist/main.mjs'], {
    env: { PATH: process.env.PATH ?? '', BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const until = Date.now() + 30_000;
    while (emulator.callsTo('getUpdates').length === 0) {
      if (Date.now() > until) throw new Error('the bot did not start polling in time');
      await new Promise((r) => setTimeout(r, 50));
    }
    const flooder = emulator.user({ id: 4_000_000, first_name: 'F', language_code: 'en' });
    emulator.failNext('sendMessage', { code: 429, retryAfter: holdSeconds });
    const noWait = { expectReply: false, settleMs: 1 };
    const flooding = Promise.all([flooder.send('/start', noWait), ...Array.from({ length: flood }, (_, i) => flooder.send(`spam ${i}`, noWait))]);
    const latencies: number[] = [];
    const person = async (i: number) => {
      await new Promise((r) => setTimeout(r, 100 * i));
      const user = emulator.user({ id: 4_100_000 + i, first_name: 'P', language_code: 'en' });
      const t0 = Date.now();
      const sent = await user.send('/start', { settleMs: 1, timeoutMs: 60_000 });
      if (sent.calls[0]) latencies.push(sent.calls[0].startedAt - t0);
    };
    await Promise.all([flooding, ...Array.from({ length: others }, (_, i) => person(i))]);
    return { flood, others, holdSeconds, answered: latencies.length, latency: summary(latencies) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchFlood();
  console.log(
    `flood: one chat sends ${r.flood} messages behind a reply held ${r.holdSeconds} s; ${r.answered} of ${r.others} others answered, ` +
      `their first reply p50 ${fmt(r.latency.p50, 0)} ms, p99 ${fmt(r.latency.p99, 0)} ms, max ${fmt(r.latency.max, 0)} ms`,
  );
}
