/**
 * The deployment modes as a volunteer runs them: `npm start`'s entry point with
 * environment variables, against the Bot API emulator.
 */
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BotApiEmulator } from '../emulator/bot-api-emulator.ts';
import { startBotProcess } from '../support/harness.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'modes-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('webhook mode', () => {
  it('checks the secret header, handles each update once, serves /healthz and stops cleanly', async () => {
    const emulator = new BotApiEmulator();
    await emulator.start();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram-hook`;
    const bot = startBotProcess({
      BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      BOT_MODE: 'webhook',
      WEBHOOK_URL: url,
      WEBHOOK_SECRET: 'correct-horse-battery',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
    });
    try {
      await bot.waitFor(/"mode":"webhook"/);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

      const forged = {
        update_id: 999,
        message: { message_id: 1, date: 1, chat: { id: 31337, type: 'private' }, from: { id: 31337, is_bot: false, first_name: 'X' }, text: '/start' },
      };
      const post = (headers: Record<string, string>) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(forged) });
      expect((await post({})).status).toBe(401);
      expect((await post({ 'X-Telegram-Bot-Api-Secret-Token': 'wrong' })).status).toBe(401);
      await new Promise((r) => setTimeout(r, 200));
      expect(emulator.calls.filter((c) => c.chatKey === 31337)).toEqual([]);

      const user = emulator.user({ id: 8080, first_name: 'Webhook', language_code: 'en' });
      const start = await user.send('/start');
      expect(user.screen().text).toContain('Choose your language');
      await user.tap('English');
      const before = user.messages().length;
      await emulator.resend(start.updateIds[0]!);
      await new Promise((r) => setTimeout(r, 300));
      expect(user.messages().length).toBe(before);
      expect(emulator.rejections).toEqual([]);
    } finally {
      expect(await bot.stop()).toBe(0);
      await emulator.stop();
    }
    expect(bot.output()).toContain('shutting down');
  });
});

describe('long polling', () => {
  it('serves /healthz, and on SIGTERM finishes the update in flight before exiting 0', async () => {
    const emulator = new BotApiEmulator();
    await emulator.start();
    const port = await freePort();
    const bot = startBotProcess({ BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir });
    try {
      await bot.waitFor(/"mode":"polling"/);
      expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ ok: true });
      const user = emulator.user({ id: 9090, first_name: 'Polling', language_code: 'en' });
      // The reply is held up by a 2-second flood wait; SIGTERM arrives meanwhile.
      emulator.failNext('sendMessage', { code: 429, retryAfter: 2 });
      const sending = user.send('/start', { expectReply: false });
      await new Promise((r) => setTimeout(r, 500));
      const exit = bot.stop();
      await sending;
      expect(await exit).toBe(0);
      expect(user.screen().text).toContain('Choose your language');
    } finally {
      await bot.stop();
      await emulator.stop();
    }
  });

  it('stops with a plain sentence when Telegram refuses the webhook at start, and never prints the secret', async () => {
    const emulator = new BotApiEmulator();
    await emulator.start();
    // A flood wait longer than auto-retry waits: setWebhook fails, and its error carries the request.
    emulator.failNext('setWebhook', { code: 429, retryAfter: 600 });
    const secret = 'never-in-the-journal-0123456789';
    const bot = startBotProcess({
      BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      BOT_MODE: 'webhook',
      WEBHOOK_URL: `http://127.0.0.1:${await freePort()}/telegram-hook`,
      WEBHOOK_SECRET: secret,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
    });
    try {
      expect(await bot.exited).toBe(1);
      expect(emulator.calls.some((c) => c.method === 'setWebhook')).toBe(true);
      expect(bot.output()).toContain('The bot stopped: GrammyError 429');
      expect(bot.output()).not.toContain(secret);
      expect(bot.output()).not.toContain(emulator.token.split(':')[1]!);
    } finally {
      await bot.stop();
      await emulator.stop();
    }
  });

  // From the sources, as `npm run dev` starts it (every other process test runs the bundle).
  it('refuses to start with a malformed setting and says which, from the sources too', async () => {
    const bot = startBotProcess({ BOT_TOKEN: 'not-a-token', DATA_DIR: dataDir }, { source: true });
    expect(await bot.exited).toBe(2);
    expect(bot.output()).toContain('BOT_TOKEN looks wrong');
  });
});
