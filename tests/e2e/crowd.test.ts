/**
 * A scaled-down crowd: many people at once while Telegram throttles (429 with
 * retry_after), fails (5xx) and drops connections. Nobody is left without an answer and
 * nobody is answered twice. (npm run bench runs the full-size crowd and reports timings.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../support/harness.ts';

const PEOPLE = 40;
const ANSWERING = new Set(['sendMessage', 'editMessageText']);
let bot: RunningBot;

beforeAll(async () => {
  // Auto-retry backs off 3 s, then 6 s after a 5xx or a dropped connection: allow for two in a row.
  bot = await startBot({ emulator: { timeoutMs: 30_000 } });
});
afterAll(() => bot.stop());

describe('a crowd with Telegram failing under it', () => {
  it('answers every action exactly once', { timeout: 120_000 }, async () => {
    bot.emulator.setFaults({ rate429: 0.03, rate5xx: 0.02, rateDrop: 0.01, retryAfter: 1, seed: 11 });
    const answersIn = (chat: number) => bot.emulator.calls.filter((c) => c.chatKey === chat && c.ok && ANSWERING.has(c.method)).length;
    const waitFor = async (chat: number, n: number) => {
      const until = Date.now() + 30_000;
      while (answersIn(chat) < n && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
    };
    const quick = { expectReply: false, settleMs: 1 };
    await Promise.all(
      Array.from({ length: PEOPLE }, async (_, i) => {
        const user = bot.emulator.user({ id: 8_100_000 + i, first_name: 'Crowd', language_code: 'en' });
        await user.send('/start', quick);
        await waitFor(user.id, 1);
        await user.tap('English', quick);
        await waitFor(user.id, 2);
        await user.tap('🩺 Health', quick);
        await waitFor(user.id, 3);
        await user.send('i need a doctor', quick);
        await waitFor(user.id, 4);
      }),
    );
    // Give late retries time to show up as doubles, if there were any.
    await new Promise((r) => setTimeout(r, 1500));
    bot.emulator.clearFaults();

    const faults = bot.emulator.calls.filter((c) => c.fault);
    expect(faults.length).toBeGreaterThan(0); // the faults really happened
    const perPerson = Array.from({ length: PEOPLE }, (_, i) => answersIn(8_100_000 + i));
    expect(perPerson.filter((n) => n < 4)).toEqual([]); // lost
    expect(perPerson.filter((n) => n > 4)).toEqual([]); // doubles
  });
});
