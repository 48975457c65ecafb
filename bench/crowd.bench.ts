/**
 * A crowd over loopback HTTP: N people x 4 actions (/start, pick a language, pick a topic,
 * type a question) against the Bot API emulator while it injects 3% 429s (retry_after),
 * 2% 5xx and 1% dropped connections. The bot runs as its own process, as in production,
 * so its peak memory (VmHWM) is its own.
 *
 * Lost: an action that never got its answer. Double: an action answered twice.
 * Latency: from the action to the bot's first call for that chat.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BotApiEmulator } from '../tests/emulator/bot-api-emulator.ts';
import { fmt, peakRssMb, summary } from './support.ts';

const ANSWERING = new Set(['sendMessage', 'editMessageText']);
/** The Node flags `npm start` uses (package.json), so the memory measured is production's. */
const NODE_FLAGS = (process.env.BOT_NODE_FLAGS ?? '--max-old-space-size=96 --max-semi-space-size=4').split(' ').filter(Boolean);

export async function benchCrowd(people = 2000) {
  const emulator = new BotApiEmulator({ timeoutMs: 120_000 });
  await emulator.start();
  const dataDir = mkdtempSync(join(tmpdir(), 'crowd-'));
  // The production build, as `npm start` runs it (bench/run.ts builds it first).
  const child = spawn(process.execPath, [...NODE_FLAGS, 'dist/main.mjs'], {
    env: { PATH: process.env.PATH ?? '', BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitFor(() => emulator.callsTo('getUpdates').length > 0, 30_000);
    // CROWD_NO_FAULTS=1: the same crowd with Telegram never failing, as a control.
    if (!process.env.CROWD_NO_FAULTS) emulator.setFaults({ rate429: 0.03, rate5xx: 0.02, rateDrop: 0.01, retryAfter: 1, seed: 7 });

    const latencies: number[] = [];
    let actions = 0;
    let stuck = 0;
    const started = Date.now();
    /**
     * Successful answers the bot has given per chat (new messages and edits). One ticker
     * reads new call records and wakes the people waiting, so the crowd itself costs
     * little CPU next to the emulator.
     */
    const counted = new Map<number, number>();
    const waiting = new Map<number, { need: number; wake: () => void }>();
    let cursor = 0;
    let inFlight: typeof emulator.calls = [];
    const tick = setInterval(() => {
      for (; cursor < emulator.calls.length; cursor++) {
        const c = emulator.calls[cursor]!;
        if (ANSWERING.has(c.method) && c.chatKey !== undefined) inFlight.push(c);
      }
      inFlight = inFlight.filter((c) => {
        if (c.endedAt === undefined) return true;
        if (c.ok) counted.set(c.chatKey!, (counted.get(c.chatKey!) ?? 0) + 1);
        return false;
      });
      for (const [chat, w] of waiting) {
        if ((counted.get(chat) ?? 0) >= w.need) {
          waiting.delete(chat);
          w.wake();
        }
      }
    }, 10);
    const answersIn = (chat: number) => counted.get(chat) ?? 0;
    const progress = process.env.CROWD_DEBUG
      ? setInterval(() => {
          const total = [...counted.values()].reduce((a, b) => a + b, 0);
          const waitingUpdates = (emulator.queue as unknown as { pending: unknown[] }).pending.length;
          console.error(`t+${Math.round((Date.now() - started) / 1000)}s answers ${total}, calls in flight ${inFlight.length}, updates queued ${waitingUpdates}, bot RSS ${peakRssMb(child.pid!)} MB`);
        }, 5000)
      : undefined;
    const answered = (chat: number, need: number) =>
      new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(chat);
          resolve(false);
        }, 60_000);
        waiting.set(chat, {
          need,
          wake: () => {
            clearTimeout(timer);
            resolve(true);
          },
        });
      });
    const person = async (i: number) => {
      const user = emulator.user({ id: 3_000_000 + i, first_name: 'P', language_code: 'en' });
      const steps = [
        () => user.send('/start', quick),
        () => user.tap('English', quick),
        () => user.tap('🩺 Health', quick),
        () => user.send(['where can i sleep', 'ik heb een dokter nodig', 'أحتاج محامي', 'я сплю на улице'][i % 4]!, quick),
      ];
      for (const [k, run] of steps.entries()) {
        const t0 = Date.now();
        actions++;
        const sent = await run();
        // Wait for this action's own answer (retries after faults can take several seconds).
        const ok = await answered(user.id, k + 1);
        if (!ok) {
          stuck++;
          return;
        }
        // The update was queued at t0; the bot's first call for this chat after it is the reply.
        const first = sent.calls[0] ?? emulator.calls.findLast((c) => c.chatKey === user.id && ANSWERING.has(c.method));
        if (first) latencies.push(first.startedAt - t0);
      }
    };
    await Promise.all(Array.from({ length: people }, (_, i) => person(i)));
    // Late retries would show up now as extra answers: give them time to arrive.
    await new Promise((r) => setTimeout(r, 10_000));
    clearInterval(tick);
    if (progress) clearInterval(progress);
    let lost = 0;
    let doubles = 0;
    for (let i = 0; i < people; i++) {
      const n = answersIn(3_000_000 + i);
      if (n < 4) lost += 4 - n;
      if (n > 4) doubles += n - 4;
    }
    const seconds = (Date.now() - started) / 1000 - 10;
    const rss = peakRssMb(child.pid!);
    const faults = emulator.calls.filter((c) => c.fault).length;
    return { people, actions, lost, doubles, stuck, faults, seconds, latency: summary(latencies), peakRssMb: rss };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const quick = { expectReply: false, settleMs: 1 };

async function waitFor(ok: () => boolean, ms: number) {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error('the bot did not start polling in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchCrowd(Number(process.argv[2] ?? 2000));
  console.log(
    `crowd: ${r.people} people x 4 actions = ${r.actions} actions in ${fmt(r.seconds)} s with ${r.faults} injected faults: ` +
      `${r.lost} lost, ${r.doubles} doubles, ${r.stuck} people stuck; first reply p50 ${fmt(r.latency.p50, 0)} ms, p99 ${fmt(r.latency.p99, 0)} ms; bot peak RSS ${r.peakRssMb ?? '?'} MB`,
  );
}
