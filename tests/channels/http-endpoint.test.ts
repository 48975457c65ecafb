/**
 * Webhook mode's HTTP side against what a stranger can send it: a huge body, a body without a
 * length, a wrong secret, a body that trickles in. Telegram's own deliveries (small, with their
 * length, sent at once) still get through.
 */
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpEndpoint, type Endpoint } from '../../src/channels/telegram/http-endpoint.ts';
import { createLogger } from '../../src/privacy/logger.ts';

const SECRET = 'a-secret-of-sixteen-plus';
const botInfo = { id: 42, is_bot: true, first_name: 'Test', username: 'test_bot' } as UserFromGetMe;
const handled: number[] = [];
let endpoint: Endpoint;
let port = 0;

beforeAll(async () => {
  const bot = new Bot('42:TEST-token-for-the-endpoint-test', { botInfo });
  bot.on('message', (ctx) => void handled.push(ctx.update.update_id));
  endpoint = createHttpEndpoint({ log: createLogger('silent'), webhook: { bot, path: '/hook', secret: SECRET }, limits: { maxBodyBytes: 2_000, requestTimeoutMs: 600, headersTimeoutMs: 400 } });
  await new Promise<void>((resolve) => endpoint.server.listen(0, '127.0.0.1', resolve));
  port = (endpoint.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => endpoint.server.close(() => resolve())));

const update = (id: number, text = 'hello') =>
  JSON.stringify({ update_id: id, message: { message_id: 1, date: 1, chat: { id: 7, type: 'private' }, from: { id: 7, is_bot: false, first_name: 'A' }, text } });

/** Writes raw HTTP and returns what came back before the server closed the connection (or after `waitMs`). */
function raw(request: string, opts: { waitMs?: number } = {}): Promise<{ response: string; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let response = '';
    socket.on('data', (d) => (response += String(d)));
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ response, closed: false });
    }, opts.waitMs ?? 3_000);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ response, closed: true });
    });
    socket.on('error', () => undefined);
  });
}

describe('the webhook endpoint', () => {
  it("handles Telegram's delivery: small, with its length and the secret", async () => {
    const res = await fetch(`http://127.0.0.1:${port}/hook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET }, body: update(1) });
    expect(res.status).toBe(200);
    expect(handled).toEqual([1]);
  });

  it('refuses a body over the limit before reading it, even with the secret', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: update(2, 'x'.repeat(5_000)),
    });
    expect(res.status).toBe(413);
    expect(handled).not.toContain(2);
  });

  it('refuses a body without a length, which nothing would bound', async () => {
    const { response } = await raw(
      `POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n`,
    );
    expect(response).toMatch(/^HTTP\/1\.1 411/);
  });

  it('answers a wrong secret with 401 and closes the connection, reading nothing more', async () => {
    const { response, closed } = await raw(`POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Telegram-Bot-Api-Secret-Token: wrong\r\nContent-Length: 1500\r\n\r\n{"update_id":`);
    expect(response).toMatch(/^HTTP\/1\.1 401/);
    expect(closed).toBe(true);
  });

  it('cuts off a request whose body trickles in, and stays up for the next one', async () => {
    const { closed } = await raw(`POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\nContent-Length: 1500\r\n\r\n{"update_id":`, {
      waitMs: 5_000,
    });
    expect(closed).toBe(true);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });
});
