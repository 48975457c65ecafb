import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, InlineKeyboard, InputFile, webhookCallback } from 'grammy';
import type { Update } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BotApiEmulator, type TestUser } from './bot-api-emulator.ts';

let emu: BotApiEmulator;
let ana: TestUser;

beforeEach(async () => {
  emu = new BotApiEmulator();
  await emu.start();
  // `started`: Ana already talked to the bot, so it may write to her without a prior update.
  ana = emu.user({ id: 1001, first_name: 'Ana', language_code: 'es', started: true });
});

afterEach(async () => {
  await emu.stop();
});

// biome-ignore lint/suspicious/noExplicitAny: Bot API answers of every shape, read field by field in the tests
type Json = any;

async function call(method: string, params: Record<string, unknown> = {}, token = emu.token): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${emu.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return { status: res.status, body: await res.json() };
}

async function ok(method: string, params: Record<string, unknown> = {}): Promise<Json> {
  const r = await call(method, params);
  if (!r.body.ok) throw new Error(`${method} failed: ${JSON.stringify(r.body)}`);
  return r.body.result;
}

function bad(description: string, code = 400) {
  return { status: code, body: { ok: false, error_code: code, description } };
}

/** Plays the bot's getUpdates once and returns the updates. */
async function poll(params: Record<string, unknown> = {}): Promise<Update[]> {
  return ok('getUpdates', { timeout: 0, ...params });
}

const keyboard = (...rows: Array<Array<Record<string, unknown>>>) => ({ inline_keyboard: rows });

describe('protocol', () => {
  it('answers getMe, matches method names case-insensitively and reads query strings', async () => {
    const me = await ok('getMe');
    expect(me).toMatchObject({ id: 123456789, is_bot: true, username: 'test_bot' });
    expect(await ok('GETME')).toEqual(me);
    const res = await fetch(`${emu.apiRoot}/bot${emu.token}/sendMessage?chat_id=1001&text=hi%20there`);
    expect(((await res.json()) as Json).result.text).toBe('hi there');
  });

  it('answers a wrong token with 401 and an unknown method with 404, like Telegram', async () => {
    expect(await call('getMe', {}, '123456789:wrong')).toEqual(bad('Unauthorized', 401));
    expect(await call('sendMessagee', { chat_id: 1001, text: 'x' })).toEqual(bad('Not Found: method not found', 404));
    expect(emu.rejections.map((r) => r.errorCode)).toEqual([401, 404]);
  });

  it('accepts urlencoded bodies with JSON-serialized objects', async () => {
    const res = await fetch(`${emu.apiRoot}/bot${emu.token}/sendMessage`, {
      method: 'POST',
      body: new URLSearchParams({ chat_id: '1001', text: 'pick', reply_markup: JSON.stringify(keyboard([{ text: 'A', callback_data: 'a' }])) }),
    });
    expect(res.status).toBe(200);
    expect(ana.screen().buttons).toEqual([[{ text: 'A', callback_data: 'a' }]]);
  });
});

describe('sendMessage validation', () => {
  it('rejects missing chats and empty text, and records every rejection', async () => {
    expect(await call('sendMessage', { chat_id: 999, text: 'hi' })).toEqual(bad('Bad Request: chat not found'));
    expect(await call('sendMessage', { chat_id: 1001, text: '' })).toEqual(bad('Bad Request: message text is empty'));
    expect(await call('sendMessage', { text: 'hi' })).toEqual(bad('Bad Request: chat_id is empty'));
    expect(await call('sendMessage', { chat_id: 1001, text: '   ' })).toEqual(bad('Bad Request: text must be non-empty'));
    expect(emu.rejections.map((r) => r.description)).toEqual([
      'Bad Request: chat not found',
      'Bad Request: message text is empty',
      'Bad Request: chat_id is empty',
      'Bad Request: text must be non-empty',
    ]);
    expect(() => emu.assertNoRejections()).toThrow(/Telegram rejected 4 request\(s\)/);
  });

  it('accepts 4096 characters and rejects 4097, counting the parsed text', async () => {
    expect((await call('sendMessage', { chat_id: 1001, text: 'a'.repeat(4096) })).status).toBe(200);
    expect(await call('sendMessage', { chat_id: 1001, text: 'a'.repeat(4097) })).toEqual(bad('Bad Request: message is too long'));
    const html = `<b>${'a'.repeat(2048)}</b>${'&lt;'.repeat(2048)}`; // 10 247 raw characters, 4096 after parsing
    const sent = await ok('sendMessage', { chat_id: 1001, text: html, parse_mode: 'HTML' });
    expect(sent.text).toHaveLength(4096);
    expect(ana.screen().html).toBe(html);
    expect(await call('sendMessage', { chat_id: 1001, text: `${html}!`, parse_mode: 'HTML' })).toEqual(bad('Bad Request: message is too long'));
  });

  it('rejects invalid HTML with the parser error', async () => {
    expect(await call('sendMessage', { chat_id: 1001, text: 'Hello world <div>x</div>', parse_mode: 'HTML' })).toEqual(
      bad(`Bad Request: can't parse entities: Unsupported start tag "div" at byte offset 12`),
    );
    expect(await call('sendMessage', { chat_id: 1001, text: '<b>open', parse_mode: 'HTML' })).toEqual(bad(`Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`));
    expect(await call('sendMessage', { chat_id: 1001, text: 'x', parse_mode: 'XML' })).toEqual(bad('Bad Request: unsupported parse_mode'));
    expect(ana.messages()).toEqual([]);
  });

  it('refuses to write to people who never started the bot or who blocked it (403)', async () => {
    const bo = emu.user({ id: 1002, first_name: 'Bo' });
    expect(await call('sendMessage', { chat_id: 1002, text: 'hi' })).toEqual(bad("Forbidden: bot can't initiate conversation with a user", 403));
    const blocking = ana.block();
    const [update] = await poll();
    expect(update).toMatchObject({ my_chat_member: { new_chat_member: { status: 'kicked' } } });
    await blocking;
    expect(await call('sendMessage', { chat_id: 1001, text: 'hi' })).toEqual(bad('Forbidden: bot was blocked by the user', 403));
    expect(await call('sendChatAction', { chat_id: 1001, action: 'typing' })).toEqual(bad('Forbidden: bot was blocked by the user', 403));
    expect(bo.messages()).toEqual([]);
  });
});

describe('inline keyboard validation', () => {
  const send = (markup: unknown) => call('sendMessage', { chat_id: 1001, text: 'menu', reply_markup: markup });

  it('counts callback_data in UTF-8 bytes: 64 pass, 65 fail', async () => {
    const e32 = 'é'.repeat(32); // 32 characters, 64 bytes
    expect((await send(keyboard([{ text: 'ok', callback_data: e32 }]))).status).toBe(200);
    expect(await send(keyboard([{ text: 'no', callback_data: `${e32}a` }]))).toEqual(bad('Bad Request: BUTTON_DATA_INVALID'));
    // only 33 characters, but 66 bytes
    expect(await send(keyboard([{ text: 'no', callback_data: 'é'.repeat(33) }]))).toEqual(bad('Bad Request: BUTTON_DATA_INVALID'));
    expect((await send(keyboard([{ text: 'ok', callback_data: 'x'.repeat(64) }]))).status).toBe(200);
    expect(await send(keyboard([{ text: 'no', callback_data: 'x'.repeat(65) }]))).toEqual(bad('Bad Request: BUTTON_DATA_INVALID'));
  });

  it('needs an action on every button, and accepts only valid URLs', async () => {
    expect(await send(keyboard([{ text: 'plain' }]))).toEqual(bad("Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"));
    expect(await send(keyboard([{ text: 'empty', callback_data: '' }]))).toEqual(bad("Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"));
    expect(await send(keyboard([{ callback_data: 'x' }]))).toEqual(bad(`Bad Request: can't parse inline keyboard button: Can't find field "text"`));
    expect(await send(keyboard([{ text: 'ftp', url: 'ftp://example.com' }]))).toEqual(bad("Bad Request: inline keyboard button URL 'ftp://example.com' is invalid: Unsupported URL protocol"));
    expect(await send(keyboard([{ text: 'call', url: 'tel:+4930123' }]))).toEqual(bad("Bad Request: inline keyboard button URL 'tel:+4930123' is invalid: Wrong port number specified in the URL"));
    expect((await send(keyboard([{ text: 'site', url: 'https://example.org/a' }], [{ text: 'tg', url: 'tg://resolve?domain=x' }]))).status).toBe(200);
    // Telegram would keep only the url and never send the callback: strict mode refuses
    const both = await send(keyboard([{ text: 'both', url: 'https://example.org', callback_data: 'x' }]));
    expect(both.body.description).toMatch(/has url and callback_data; Telegram would silently keep only url/);
  });

  it('allows at most 100 buttons', async () => {
    const rows = (n: number) => Array.from({ length: n / 5 }, (_, r) => Array.from({ length: 5 }, (_, c) => ({ text: `${r}.${c}`, callback_data: `${r}.${c}` })));
    expect((await send({ inline_keyboard: rows(100) })).status).toBe(200);
    expect(await send({ inline_keyboard: [...rows(100), [{ text: 'one more', callback_data: 'x' }]] })).toEqual(bad('Bad Request: reply markup is too long'));
  });
});

describe('editing', () => {
  it('answers "message is not modified" when text, entities and keyboard are unchanged', async () => {
    const markup = keyboard([{ text: 'A', callback_data: 'a' }]);
    const m = await ok('sendMessage', { chat_id: 1001, text: '<b>Hi</b>', parse_mode: 'HTML', reply_markup: markup });
    const same = { chat_id: 1001, message_id: m.message_id, text: '<b>Hi</b>', parse_mode: 'HTML', reply_markup: markup };
    const notModified = 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';
    expect(await call('editMessageText', same)).toEqual(bad(notModified));
    expect(await call('editMessageReplyMarkup', { chat_id: 1001, message_id: m.message_id, reply_markup: markup })).toEqual(bad(notModified));
    // same text but without entities is a change; so is dropping the keyboard
    expect((await call('editMessageText', { chat_id: 1001, message_id: m.message_id, text: 'Hi', reply_markup: markup })).status).toBe(200);
    expect(ana.screen()).toMatchObject({ text: 'Hi', entities: [], buttons: [[{ text: 'A', callback_data: 'a' }]] });
    // editMessageText without reply_markup removes the keyboard, as in Telegram
    expect((await call('editMessageText', { chat_id: 1001, message_id: m.message_id, text: 'Hi' })).status).toBe(200);
    expect(ana.screen()).toMatchObject({ text: 'Hi', entities: [], buttons: [], edited: true });
  });

  it('refuses to edit missing messages and messages of the person', async () => {
    expect(await call('editMessageText', { chat_id: 1001, message_id: 77, text: 'x' })).toEqual(bad('Bad Request: message to edit not found'));
    const sending = ana.send('hello', { expectReply: false });
    await poll();
    await sending;
    expect(await call('editMessageText', { chat_id: 1001, message_id: 1, text: 'x' })).toEqual(bad("Bad Request: message can't be edited"));
  });
});

describe('deleting', () => {
  it('lets the bot delete messages younger than 48 hours, in private chats also the person’s', async () => {
    const sending = ana.send('a message from Ana', { expectReply: false });
    await poll();
    await sending;
    const own = await ok('sendMessage', { chat_id: 1001, text: 'from the bot' });
    const old = await ok('sendMessage', { chat_id: 1001, text: 'old one' });
    emu.advanceClock(47 * 3600);
    expect(await ok('deleteMessage', { chat_id: 1001, message_id: 1 })).toBe(true);
    expect(await ok('deleteMessage', { chat_id: 1001, message_id: own.message_id })).toBe(true);
    emu.advanceClock(2 * 3600);
    expect(await call('deleteMessage', { chat_id: 1001, message_id: old.message_id })).toEqual(bad("Bad Request: message can't be deleted for everyone"));
    expect(await call('deleteMessage', { chat_id: 1001, message_id: own.message_id })).toEqual(bad('Bad Request: message to delete not found'));
    expect(ana.messages().map((m) => m.text)).toEqual(['old one']);
  });

  it('in groups without admin rights the bot may delete only its own messages', async () => {
    const group = emu.group({ title: 'Helpers', members: [ana] });
    const sending = group.as(ana).send('/help', { expectReply: false });
    await poll();
    await sending;
    const own = await ok('sendMessage', { chat_id: group.id, text: 'bot' });
    expect(group.id).toBeLessThan(0);
    expect(await call('deleteMessage', { chat_id: group.id, message_id: 1 })).toEqual(bad("Bad Request: message can't be deleted"));
    expect(await ok('deleteMessage', { chat_id: group.id, message_id: own.message_id })).toBe(true);
  });
});

describe('callback queries', () => {
  async function tapWithoutBot(label: string) {
    const tapping = ana.tap(label, { expectReply: false });
    const [update] = await poll({ offset: -1 });
    await tapping;
    return update!.callback_query!;
  }

  it('answers once, within 15 minutes, with at most 200 characters', async () => {
    await ok('sendMessage', { chat_id: 1001, text: 'menu', reply_markup: keyboard([{ text: 'Open ✅', callback_data: 'open' }]) });
    const q = await tapWithoutBot('Open');
    expect(q).toMatchObject({ data: 'open', from: { id: 1001 }, message: { text: 'menu' } });
    expect(ana.unansweredCallbacks()).toBe(1);
    expect(await call('answerCallbackQuery', { callback_query_id: q.id, text: 'x'.repeat(201) })).toEqual(bad('Bad Request: MESSAGE_TOO_LONG'));
    expect(await ok('answerCallbackQuery', { callback_query_id: q.id, text: 'x'.repeat(200) })).toBe(true);
    expect(ana.unansweredCallbacks()).toBe(0);
    const tooOld = bad('Bad Request: query is too old and response timeout expired or query ID is invalid');
    expect(await call('answerCallbackQuery', { callback_query_id: q.id })).toEqual(tooOld);
    expect(await call('answerCallbackQuery', { callback_query_id: 'nonsense' })).toEqual(tooOld);
    const later = await tapWithoutBot('Open ✅');
    emu.advanceClock(15 * 60 + 1);
    expect(await call('answerCallbackQuery', { callback_query_id: later.id })).toEqual(tooOld);
  });

  it('explains which buttons exist when a tap finds none', async () => {
    await ok('sendMessage', {
      chat_id: 1001,
      text: 'menu',
      reply_markup: keyboard([
        { text: 'Help', callback_data: 'h' },
        { text: 'Language', callback_data: 'l' },
      ]),
    });
    await expect(ana.tap('Settings')).rejects.toThrow(/no such button.*\n.*\[Help\] \[Language\]/);
  });
});

describe('fault injection', () => {
  it('answers 429 with retry_after once, then works again; faults are not rejections', async () => {
    emu.failNext('sendMessage', { code: 429, retryAfter: 7 });
    expect(await call('sendMessage', { chat_id: 1001, text: 'hi' })).toEqual({
      status: 429,
      body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } },
    });
    expect((await call('sendMessage', { chat_id: 1001, text: 'hi' })).status).toBe(200);
    expect(emu.callsTo('sendMessage').map((c) => c.fault ?? 'ok')).toEqual(['429', 'ok']);
    expect(emu.rejections).toEqual([]);
  });

  it('can answer 500 (JSON), 502 (nginx HTML) or drop the connection', async () => {
    emu.failNext('*', { code: 500 });
    emu.failNext('*', { code: 502 });
    emu.failNext('sendMessage', { drop: true });
    expect(await call('getMe')).toEqual(bad('Internal Server Error', 500));
    const res = await fetch(`${emu.apiRoot}/bot${emu.token}/getMe`);
    expect(res.status).toBe(502);
    expect(await res.text()).toContain('<title>502 Bad Gateway</title>');
    await expect(call('sendMessage', { chat_id: 1001, text: 'lost' })).rejects.toThrow();
    expect(ana.messages()).toEqual([]); // a dropped request is never processed
  });

  it('applies random faults to sending methods only', async () => {
    emu.setFaults({ rate429: 1, retryAfter: 2 });
    expect((await call('sendMessage', { chat_id: 1001, text: 'hi' })).status).toBe(429);
    expect((await call('getMe')).status).toBe(200);
    expect((await call('getUpdates')).status).toBe(200);
    emu.clearFaults();
    expect((await call('sendMessage', { chat_id: 1001, text: 'hi' })).status).toBe(200);
  });
});

describe('getUpdates', () => {
  it('holds a long poll until an update arrives, and returns [] when the timeout passes', async () => {
    const started = Date.now();
    const held = call('getUpdates', { timeout: 10 });
    await new Promise((r) => setTimeout(r, 200));
    const sending = ana.send('/start', { expectReply: false });
    const { body } = await held;
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(body.result).toHaveLength(1);
    expect(body.result[0].message).toMatchObject({
      text: '/start',
      entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      chat: { id: 1001, type: 'private' },
      from: { id: 1001, first_name: 'Ana', language_code: 'es', is_bot: false },
    });
    await sending;
    const t0 = Date.now();
    expect(await ok('getUpdates', { timeout: 1, offset: body.result[0].update_id + 1 })).toEqual([]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
  });

  it('keeps updates until an offset confirms them, honours limit and allowed_updates', async () => {
    const p1 = ana.send('one', { expectReply: false });
    const p2 = ana.send('two', { expectReply: false });
    const p3 = ana.sendUpdate({ message_reaction: { chat: { id: 1001, type: 'private' }, message_id: 1, date: 0, old_reaction: [], new_reaction: [] } });
    const first = await poll({ limit: 1 });
    expect(first.map((u) => u.message?.text)).toEqual(['one']);
    expect((await poll()).map((u) => u.message?.text)).toEqual(['one', 'two']); // not confirmed yet
    // message_reaction is not delivered unless asked for in allowed_updates
    expect(await poll({ offset: first[0]!.update_id + 2 })).toEqual([]);
    await Promise.all([p1, p2]);
    const r3 = await p3;
    expect(r3.delivered).toBe(false);
    expect(r3.droppedReason).toMatch(/allowed_updates/);
  });

  it('terminates a held getUpdates with 409 when another one arrives', async () => {
    const first = call('getUpdates', { timeout: 5 });
    await new Promise((r) => setTimeout(r, 50));
    const second = call('getUpdates', { timeout: 0 });
    expect(await first).toEqual(bad('Conflict: terminated by other getUpdates request; make sure that only one bot instance is running', 409));
    expect((await second).status).toBe(200);
  });
});

describe('files', () => {
  it('stores uploaded photos (multipart) with a validated caption', async () => {
    const form = new FormData();
    form.set('chat_id', '1001');
    form.set('caption', '<i>map</i> of the area');
    form.set('parse_mode', 'HTML');
    form.set('photo', new Blob([Buffer.from('fake jpeg')], { type: 'image/jpeg' }), 'map.jpg');
    const res = await fetch(`${emu.apiRoot}/bot${emu.token}/sendPhoto`, { method: 'POST', body: form });
    const sent = ((await res.json()) as Json).result;
    expect(ana.screen()).toMatchObject({ photo: true, text: 'map of the area', html: '<i>map</i> of the area', entities: [{ type: 'italic', offset: 0, length: 3 }] });
    // the returned file_id can be sent again; unknown ids cannot
    expect((await call('sendPhoto', { chat_id: 1001, photo: sent.photo.at(-1).file_id })).status).toBe(200);
    expect(await call('sendPhoto', { chat_id: 1001, photo: 'made-up-id' })).toEqual(bad('Bad Request: wrong file identifier/HTTP URL specified'));
    expect(await call('sendPhoto', { chat_id: 1001, photo: 'https://example.com/a.jpg', caption: 'c'.repeat(1025) })).toEqual(bad('Bad Request: message caption is too long'));
  });
});

describe('bot settings', () => {
  it('stores commands and descriptions per scope and language', async () => {
    await ok('setMyCommands', { commands: [{ command: 'start', description: 'Begin' }] });
    await ok('setMyCommands', { commands: [{ command: 'start', description: 'Empezar' }], language_code: 'es' });
    expect(await ok('getMyCommands')).toEqual([{ command: 'start', description: 'Begin' }]);
    expect(await ok('getMyCommands', { language_code: 'es' })).toEqual([{ command: 'start', description: 'Empezar' }]);
    expect(await call('setMyCommands', { commands: [{ command: 'Start', description: 'x' }] })).toEqual(bad('Bad Request: BOT_COMMAND_INVALID'));
    await ok('deleteMyCommands', { language_code: 'es' });
    expect(await ok('getMyCommands', { language_code: 'es' })).toEqual([]);
    await ok('setMyDescription', { description: 'Orientation', language_code: 'en' });
    expect(await ok('getMyDescription', { language_code: 'en' })).toEqual({ description: 'Orientation' });
    expect(await ok('getMyShortDescription')).toEqual({ short_description: '' });
  });
});

describe('webhook mode', () => {
  let hook: Server;
  let received: Array<{ headers: IncomingHttpHeaders; update: Update }>;
  let hookStatus: number;

  beforeEach(async () => {
    received = [];
    hookStatus = 200;
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, update: JSON.parse(body) as Update });
        res.writeHead(hookStatus).end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  });

  afterEach(async () => {
    await new Promise<void>((r) => hook.close(() => r()));
  });

  const hookUrl = () => `http://127.0.0.1:${(hook.address() as AddressInfo).port}/telegram`;

  it('POSTs updates with the secret header, refuses getUpdates, and can resend an update', async () => {
    await ok('setWebhook', { url: hookUrl(), secret_token: 's3cret_Token-1' });
    expect(await call('getUpdates')).toEqual(bad("Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first", 409));
    const r = await ana.send('hola', { expectReply: false });
    expect(received).toHaveLength(1);
    expect(received[0]!.headers['x-telegram-bot-api-secret-token']).toBe('s3cret_Token-1');
    expect(received[0]!.update.message?.text).toBe('hola');
    expect(await emu.resend(r.updateIds[0]!)).toMatchObject({ status: 200 });
    expect(received.map((x) => x.update.update_id)).toEqual([r.updateIds[0], r.updateIds[0]]);
    expect(await call('setWebhook', { url: hookUrl(), secret_token: 'no spaces!' })).toEqual(bad('Bad Request: secret token contains unallowed characters'));
    await ok('deleteWebhook');
    expect((await call('getUpdates')).status).toBe(200);
  });

  it('retries deliveries the webhook did not acknowledge and reports the error', async () => {
    hookStatus = 500;
    await ok('setWebhook', { url: hookUrl() });
    const sending = ana.send('retry me', { expectReply: false, timeoutMs: 4000 });
    await new Promise((r) => setTimeout(r, 150));
    expect(await ok('getWebhookInfo')).toMatchObject({ pending_update_count: 1, last_error_message: 'Wrong response from the webhook: 500 Internal Server Error' });
    hookStatus = 200;
    await sending;
    expect(received.length).toBeGreaterThanOrEqual(2);
    expect((await ok('getWebhookInfo')).pending_update_count).toBe(0);
  });
});

describe('with a real grammY bot', () => {
  let bot: Bot;
  let running: Promise<void> | undefined;
  let botErrors: unknown[];

  function makeBot(): Bot {
    botErrors = [];
    bot = new Bot(emu.token, { client: { apiRoot: emu.apiRoot } });
    bot.catch((err) => {
      botErrors.push(err.error);
    });
    return bot;
  }

  afterEach(async () => {
    if (bot?.isRunning()) await bot.stop();
    await running;
    running = undefined;
  });

  it('replies to /start, reacts to a tap, and Telegram rejects nothing', async () => {
    makeBot();
    bot.command('start', (ctx) =>
      ctx.reply(`<b>Hola ${ctx.from?.first_name}</b>, what do you need?`, {
        parse_mode: 'HTML',
        reply_markup: new InlineKeyboard().text('🩺 Health', 'screen:health').text('🏠 Housing', 'screen:housing'),
      }),
    );
    bot.callbackQuery(/^screen:(.+)$/, async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(`You chose ${ctx.match[1]}`, { reply_markup: new InlineKeyboard().text('⬅ Back', 'back') });
    });
    running = bot.start();

    const r = await ana.send('/start');
    expect(r.calls.map((c) => c.method)).toEqual(['sendMessage']);
    expect(ana.screen()).toMatchObject({ text: 'Hola Ana, what do you need?', html: '<b>Hola Ana</b>, what do you need?' });
    expect(
      ana
        .screen()
        .buttons.flat()
        .map((b) => b.text),
    ).toEqual(['🩺 Health', '🏠 Housing']);

    const tap = await ana.tap('Health');
    expect(tap.answered).toBe(true);
    expect(ana.screen()).toMatchObject({ text: 'You chose health', edited: true });
    expect(ana.messages().map((m) => `${m.from}: ${m.text}`)).toEqual(['user: /start', 'bot: You chose health']);
    expect(ana.unansweredCallbacks()).toBe(0);
    expect(botErrors).toEqual([]);
    emu.assertNoRejections();
  });

  it('catches what Telegram would reject from a real bot (65-byte callback data)', async () => {
    makeBot();
    bot.command('start', (ctx) => ctx.reply('menu', { reply_markup: new InlineKeyboard().text('Go', 'ñ'.repeat(33)) }));
    running = bot.start();
    const r = await ana.send('/start');
    expect(botErrors).toEqual([expect.objectContaining({ description: 'Bad Request: BUTTON_DATA_INVALID' })]);
    expect(r.rejections).toEqual([expect.objectContaining({ method: 'sendMessage', description: 'Bad Request: BUTTON_DATA_INVALID' })]);
    expect(() => emu.assertNoRejections()).toThrow(/BUTTON_DATA_INVALID/);
  });

  it('counts taps the bot never answered', async () => {
    makeBot();
    bot.command('start', (ctx) => ctx.reply('menu', { reply_markup: new InlineKeyboard().text('Go', 'go') }));
    bot.callbackQuery('go', (ctx) => ctx.reply('going')); // forgot answerCallbackQuery
    running = bot.start();
    await ana.send('/start');
    const tap = await ana.tap('Go');
    expect(tap.answered).toBe(false);
    expect(ana.unansweredCallbacks()).toBe(1);
    expect(ana.screen().text).toBe('going');
  });

  it('recovers from a 429 with the auto-retry plugin; the person still gets the message', async () => {
    makeBot();
    bot.api.config.use(autoRetry());
    bot.command('start', (ctx) => ctx.reply('hello after waiting'));
    running = bot.start();
    emu.failNext('sendMessage', { code: 429, retryAfter: 1 });
    const started = Date.now();
    await ana.send('/start');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(ana.screen().text).toBe('hello after waiting');
    expect(emu.callsTo('sendMessage').map((c) => c.fault ?? c.ok)).toEqual(['429', true]);
  });

  it('handles commands in a group with privacy mode', async () => {
    makeBot();
    bot.command('help', (ctx) => ctx.reply(`help for ${ctx.chat.type}`));
    bot.on('message:text', (ctx) => ctx.reply('echo'));
    running = bot.start();
    const bo = emu.user({ id: 1002, first_name: 'Bo' });
    const group = emu.group({ title: 'Neighbours', members: [ana, bo] });
    await group.as(bo).send('/help@test_bot');
    expect(group.screen().text).toBe('help for group');
    const chatter = await group.as(ana).send('just chatting');
    expect(chatter.delivered).toBe(false); // privacy mode: the bot never sees it
    expect(group.messages().map((m) => m.text)).toEqual(['/help@test_bot', 'help for group', 'just chatting']);
  });

  it('works in webhook mode, checks the secret, and can test duplicate deliveries', async () => {
    makeBot();
    let starts = 0;
    const seen = new Set<number>();
    bot.use(async (ctx, next) => {
      if (seen.has(ctx.update.update_id)) return; // idempotency under test
      seen.add(ctx.update.update_id);
      await next();
    });
    bot.command('start', async (ctx) => {
      starts++;
      await ctx.reply('welcome');
    });
    await bot.init();
    const server = createServer(webhookCallback(bot, 'http', { secretToken: 'hook_secret' }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      await ok('setWebhook', { url, secret_token: 'hook_secret' });
      const r = await ana.send('/start');
      expect(ana.screen().text).toBe('welcome');
      expect(await emu.resend(r.updateIds[0]!)).toMatchObject({ status: 200 });
      expect(starts).toBe(1);
      expect(ana.messages().filter((m) => m.from === 'bot')).toHaveLength(1);
      // a wrong secret is refused by grammY: Telegram keeps retrying
      await ok('setWebhook', { url, secret_token: 'other_secret' });
      const lost = await ana.send('/start', { expectReply: false, timeoutMs: 600 }).catch((e: Error) => e);
      expect(lost).toBeInstanceOf(Error);
      expect((lost as Error).message).toMatch(/NEVER delivered: webhook .* did not answer 2xx \(Wrong response from the webhook: 401/);
    } finally {
      await ok('deleteWebhook', { drop_pending_updates: true });
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('sends photos as multipart uploads through grammY', async () => {
    makeBot();
    bot.command('map', (ctx) => ctx.replyWithPhoto(new InputFile(Buffer.from('png bytes'), 'map.png'), { caption: 'The <b>map</b>', parse_mode: 'HTML' }));
    running = bot.start();
    await ana.send('/map');
    expect(ana.screen()).toMatchObject({ photo: true, text: 'The map', html: 'The <b>map</b>' });
    expect(botErrors).toEqual([]);
    emu.assertNoRejections();
  });

  it('receives contacts, locations, voice notes and edits like a Telegram client sends them', async () => {
    makeBot();
    bot.on('message:contact', (ctx) => ctx.reply(`phone ${ctx.message.contact.phone_number}`));
    bot.on('message:location', (ctx) => ctx.reply(`at ${ctx.message.location.latitude}`));
    bot.on('message:voice', (ctx) => ctx.reply(`voice of ${ctx.message.voice.duration}s`));
    bot.on('edited_message:text', (ctx) => ctx.reply(`edited to ${ctx.editedMessage.text}`));
    bot.on('message:text', (ctx) => ctx.reply(`got ${ctx.message.text}`));
    running = bot.start();
    await ana.sendContact('+34600111222');
    expect(ana.screen().text).toBe('phone +34600111222');
    await ana.sendLocation(40.4, -3.7);
    expect(ana.screen().text).toBe('at 40.4');
    await ana.sendRaw({ voice: { file_id: 'AwACAgIAAxkBAAIB', file_unique_id: 'AgADvoice', duration: 4 } });
    expect(ana.screen().text).toBe('voice of 4s');
    const sent = await ana.send('helo');
    const myMessage = ana.messages().find((m) => m.from === 'user' && m.text === 'helo')!;
    await ana.edit(myMessage.messageId, 'hello', { expectReply: true });
    expect(ana.screen().text).toBe('edited to hello');
    expect(sent.calls).toHaveLength(1);
    expect(botErrors).toEqual([]);
  });

  it('answers inline queries and taps on reply keyboards', async () => {
    makeBot();
    bot.on('inline_query', (ctx) =>
      ctx.answerInlineQuery([{ type: 'article', id: 'clinic-1', title: `Clinics for ${ctx.inlineQuery.query}`, input_message_content: { message_text: '<b>Clinic</b>', parse_mode: 'HTML' } }], {
        is_personal: true,
        cache_time: 0,
      }),
    );
    bot.command('lang', (ctx) => ctx.reply('Pick a language', { reply_markup: { keyboard: [[{ text: 'Español' }, { text: 'English' }]], one_time_keyboard: true, resize_keyboard: true } }));
    bot.hears('Español', (ctx) => ctx.reply('¡Listo!', { reply_markup: { remove_keyboard: true } }));
    running = bot.start();
    const answer = await ana.inlineQuery('madrid');
    expect(answer).toMatchObject({ is_personal: true, cache_time: 0, results: [{ id: 'clinic-1', title: 'Clinics for madrid' }] });
    await ana.send('/lang');
    expect(ana.replyKeyboard()).toEqual([['Español', 'English']]);
    await ana.tap('Español');
    expect(ana.screen().text).toBe('¡Listo!');
    expect(ana.replyKeyboard()).toBeUndefined();
    expect(botErrors).toEqual([]);
  });

  it('delivers reactions only when allowed_updates asks for them, and unknown kinds as they are', async () => {
    makeBot();
    const kinds: string[] = [];
    bot.use((ctx, next) => {
      kinds.push(Object.keys(ctx.update).filter((k) => k !== 'update_id')[0]!);
      return next();
    });
    running = bot.start({ allowed_updates: ['message', 'message_reaction', 'future_thing' as 'message'] });
    await new Promise((r) => setTimeout(r, 100)); // let the first getUpdates set allowed_updates
    const reaction = await ana.sendUpdate({
      message_reaction: { chat: { id: 1001, type: 'private' }, message_id: 1, user: ana.info, date: emu.now(), old_reaction: [], new_reaction: [{ type: 'emoji', emoji: '👍' }] },
    });
    expect(reaction.delivered).toBe(true);
    expect((await ana.sendUpdate({ future_thing: { some: 'field' } })).delivered).toBe(true);
    const dropped = await ana.sendUpdate({ callback_query: { id: '1', from: ana.info, chat_instance: '1', data: 'x' } });
    expect(dropped.delivered).toBe(false);
    expect(kinds).toEqual(['message_reaction', 'future_thing']);
  });

  it('tells the bot when a person blocks it; later sends fail with 403', async () => {
    makeBot();
    const blockedBy: number[] = [];
    bot.on('my_chat_member', (ctx) => {
      if (ctx.myChatMember.new_chat_member.status === 'kicked') blockedBy.push(ctx.from.id);
    });
    running = bot.start();
    await ana.block();
    expect(blockedBy).toEqual([1001]);
    await expect(bot.api.sendMessage(1001, 'are you there?')).rejects.toThrow('Forbidden: bot was blocked by the user');
    await expect(ana.send('hi')).rejects.toThrow(/blocked the bot/);
  });

  it('waitIdle() waits for work the bot does after an action settled', async () => {
    makeBot();
    bot.command('start', async (ctx) => {
      await ctx.reply('first');
      setTimeout(() => void ctx.reply('second, later'), 300);
    });
    running = bot.start();
    await ana.send('/start');
    expect(
      ana
        .messages()
        .filter((m) => m.from === 'bot')
        .map((m) => m.text),
    ).toEqual(['first']);
    await emu.waitIdle(500);
    expect(
      ana
        .messages()
        .filter((m) => m.from === 'bot')
        .map((m) => m.text),
    ).toEqual(['first', 'second, later']);
  });

  it('with handled reports, settles when the bot finished the update, not after a quiet time', async () => {
    // A quiet time longer than the action may take: only the report can settle it.
    emu.settleMs = 60_000;
    emu.timeoutMs = 5_000;
    makeBot();
    bot.command('start', async (ctx) => {
      await ctx.reply('first');
      await new Promise((r) => setTimeout(r, 200));
      await ctx.reply('second, after a pause');
    });
    emu.reportHandledBy(bot);
    running = bot.start();
    const result = await ana.send('/start');
    // Both replies are in, though the chat was quiet for 200 ms between them.
    expect(result.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(2);
    await emu.waitIdle();
  });

  it('fails a step with a description of the chat when the bot never answers', async () => {
    emu.timeoutMs = 400;
    await ok('sendMessage', { chat_id: 1001, text: 'earlier message' });
    const err = await ana.send('/start').catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/NEVER delivered: nobody is calling getUpdates/);
    expect((err as Error).message).toMatch(/#1 bot : earlier message\n {2}#2 user: \/start/);
  });
});
