/**
 * Bad input, other chats and Telegram's failures: every update kind gets a kind reply or
 * a deliberate silence, nothing crashes, nothing is answered twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FloodGuard } from '../../src/privacy/flood-guard.ts';
import { labels, startBot, type RunningBot } from '../support/harness.ts';

let bot: RunningBot;
let nextId = 5550000;
const newUser = (extra: Record<string, unknown> = {}) => bot.emulator.user({ id: nextId++, first_name: 'Test', language_code: 'en', ...extra });

beforeAll(async () => {
  bot = await startBot({ flood: new FloodGuard({ burst: 8, perSecond: 1 }) });
});
afterAll(() => bot.stop());

async function englishUser() {
  const user = newUser();
  await user.send('/start');
  await user.tap('English');
  return user;
}

describe('things the bot cannot read', () => {
  it.each([
    ['voice', { voice: { file_id: 'a', file_unique_id: 'a', duration: 2 } }],
    ['photo', { photo: [{ file_id: 'p', file_unique_id: 'p', width: 10, height: 10 }] }],
    ['sticker', { sticker: { file_id: 's', file_unique_id: 's', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } }],
    ['video', { video: { file_id: 'v', file_unique_id: 'v', width: 1, height: 1, duration: 1 } }],
    ['document', { document: { file_id: 'd', file_unique_id: 'd' } }],
    ['dice', { dice: { emoji: '🎲', value: 3 } }],
    ['venue', { venue: { location: { latitude: 1, longitude: 1 }, title: 'x', address: 'y' } }],
  ])("a %s gets a kind reply with the menu, in the person's language", async (_kind, raw) => {
    const user = await englishUser();
    await user.sendRaw(raw);
    expect(user.screen().text).toContain('I can only read short text messages');
    expect(labels(user.screen())).toContain('🏠 Shelter');
    expect(bot.emulator.rejections).toEqual([]);
  });

  it('answers in the chosen language', async () => {
    const user = newUser();
    await user.send('/start');
    await user.tap('Nederlands');
    await user.sendRaw({ voice: { file_id: 'a', file_unique_id: 'a', duration: 2 } });
    expect(user.screen().text).toContain('Ik kan alleen korte tekstberichten');
  });
});

describe('odd and overlong text', () => {
  it.each([
    ['zero-width and RTL override', 'he\u200blp \u202Egnihtemos\u202C'],
    ['a lone surrogate', 'doctor \ud800 please'],
    ['only emoji', '🙏🙏🙏'],
    ['HTML-looking text', '<b>hello</b> & <script>'],
    ['4000 characters', 'a'.repeat(4000)],
  ])('%s gets a reply with buttons, never an error', async (_label, text) => {
    const user = await englishUser();
    await user.send(text);
    expect(user.screen().buttons.length).toBeGreaterThan(0);
    expect(user.screen().text).not.toContain('something went wrong');
    expect(bot.emulator.rejections).toEqual([]);
  });
});

describe('updates that are ignored on purpose', () => {
  it('ignores edited messages, reactions, membership changes and unknown future kinds without error', async () => {
    const user = await englishUser();
    const before = bot.emulator.calls.length;
    await user.edit(user.messages()[0]!.messageId, 'changed', { expectReply: false });
    await user.sendUpdate({ message_reaction: { chat: { id: user.id, type: 'private' }, message_id: 1, date: 1, old_reaction: [], new_reaction: [] } }, { expectReply: false });
    await user.sendUpdate({ some_future_update: { foo: 1 } }, { expectReply: false });
    await bot.emulator.waitIdle();
    const sent = bot.emulator.calls.slice(before).filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText');
    expect(sent).toEqual([]);
    expect(bot.logs.some((l) => l.includes('"level":50'))).toBe(false);
  });
});

describe('groups', () => {
  it('answers only commands, pointing to a private chat', async () => {
    const member = newUser();
    const group = bot.emulator.group({ id: -100777, title: 'Community', members: [member] });
    const speaker = group.as(member);
    await speaker.send('where can i sleep', { expectReply: false });
    await bot.emulator.waitIdle();
    expect(group.messages().filter((m) => m.from === 'bot')).toHaveLength(0);
    await speaker.send('/start');
    const reply = group.screen();
    expect(reply.text).toContain('private chat');
    expect(reply.text).toContain('https://t.me/test_bot');
    // Once a minute per group: more commands there get no more copies of that line.
    await speaker.send('/help', { expectReply: false });
    await group.as(member).send('/menu', { expectReply: false });
    await bot.emulator.waitIdle();
    expect(group.messages().filter((m) => m.from === 'bot')).toHaveLength(1);
  });
});

describe('clear this chat', () => {
  it("/wipe deletes the bot's messages and the person's, then forgets the chat", async () => {
    const user = await englishUser();
    await user.send('health');
    await user.send('/help');
    expect(user.messages().length).toBeGreaterThan(4);
    await user.send('/wipe');
    const left = user.messages();
    expect(left).toHaveLength(1);
    expect(left[0]!.text).toContain('I deleted the messages');
    // Forgotten: the next /start asks for the language again.
    await user.send('/start');
    expect(user.screen().text).toContain('Choose your language');
  });

  it('the button on /privacy does the same', async () => {
    const user = await englishUser();
    await user.send('/privacy');
    await user.tap('🧹 Clear this chat');
    expect(
      user
        .messages()
        .map((m) => m.text)
        .join('\n'),
    ).not.toContain('Your privacy');
    expect(user.screen().text).toContain('I deleted the messages');
    expect(bot.emulator.rejections).toEqual([]);
  });
});

describe('Telegram failures', () => {
  it('retries after 429 with retry_after and after a 502, so the answer arrives once', async () => {
    const user = await englishUser();
    bot.emulator.failNext('editMessageText', { code: 429, retryAfter: 1 });
    await user.tap('🩺 Health', { timeoutMs: 10_000 });
    expect(user.screen().text).toContain('Health');
    bot.emulator.failNext('sendMessage', { code: 502 });
    await user.send('/menu', { timeoutMs: 10_000 });
    const faults = bot.emulator.calls.filter((c) => c.chatKey === user.id && c.fault);
    expect(faults.map((c) => c.fault)).toEqual(['429', '502']);
    // The /menu reply arrived exactly once (the screen before it was edited to Health).
    expect(user.messages().filter((m) => m.from === 'bot' && m.text.includes('How can I help you?'))).toHaveLength(1);
    expect(user.screen().text).toContain('How can I help you?');
  });

  it('drops a person who blocked the bot quietly', async () => {
    const user = await englishUser();
    // The answer is delayed by a flood wait; meanwhile the person blocks the bot (403).
    bot.emulator.failNext('sendMessage', { code: 429, retryAfter: 1 });
    const sending = user.send('/help', { expectReply: false });
    await new Promise((r) => setTimeout(r, 300));
    await user.block();
    await sending;
    await new Promise((r) => setTimeout(r, 1500));
    await bot.emulator.waitIdle();
    const forbidden = bot.emulator.calls.filter((c) => c.chatKey === user.id && c.errorCode === 403);
    expect(forbidden.length).toBeGreaterThan(0);
    // No error logged, and no "something went wrong" attempted after the 403.
    expect(bot.logs.filter((l) => l.includes('delivery failed'))).toEqual([]);
    expect(forbidden.at(-1)!.seq).toBe(bot.emulator.calls.filter((c) => c.chatKey === user.id).at(-1)!.seq);
  });
});

describe('flood', () => {
  it('slows down one person who floods, tells them once, and does not slow anyone else', async () => {
    const flooder = await englishUser();
    const sends = [];
    for (let i = 0; i < 30; i++) sends.push(flooder.send(`spam ${i}`, { expectReply: false }));
    await Promise.all(sends);
    await bot.emulator.waitIdle();
    const warnings = flooder.messages().filter((m) => m.text.includes('You sent many messages'));
    expect(warnings).toHaveLength(1);
    const replies = flooder.messages().filter((m) => m.from === 'bot');
    expect(replies.length).toBeLessThan(20);

    // Someone new is answered at once, flood or not (timings are measured in npm run bench).
    const newcomer = newUser();
    await newcomer.send('/start');
    expect(newcomer.screen().text).toContain('Choose your language');
  });

  it("is checked before the chat's queue: a flood behind a reply held by Telegram does not wait in line", async () => {
    const flooder = await englishUser();
    const logsBefore = bot.logs.length;
    // The first reply is held by a flood wait; everything the person sends meanwhile queues behind it.
    bot.emulator.failNext('sendMessage', { code: 429, retryAfter: 1 });
    const sends = [];
    for (let i = 0; i < 40; i++) sends.push(flooder.send(`spam ${i}`, { expectReply: false }));
    await Promise.all(sends);
    await bot.emulator.waitIdle();
    // Dropped before the queue: the bot read at most its burst (8 here) of them, not 40.
    const read = bot.logs.slice(logsBefore).filter((l) => l.includes('"msg":"update"')).length;
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(20);
    expect(flooder.messages().filter((m) => m.text.includes('You sent many messages'))).toHaveLength(1);
  });

  it('counts inline queries per person too, though they come with no chat', async () => {
    const asker = newUser();
    const answered = [];
    for (let i = 0; i < 20; i++) answered.push(asker.inlineQuery(`doctor ${i}`, { expectReply: false }));
    await Promise.all(answered);
    await bot.emulator.waitIdle();
    const answers = bot.emulator.calls.filter((c) => c.method === 'answerInlineQuery' && c.ok);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.length).toBeLessThanOrEqual(8);
  });
});

describe('an unexpected failure inside the bot', () => {
  it('still answers the person, in their language, and logs no personal data', async () => {
    const broken = await startBot({
      router: {
        route() {
          throw new Error('index corrupted for chat 123456789 "secret words"');
        },
      },
    });
    try {
      const user = broken.emulator.user({ id: 5599001, first_name: 'Unlucky', language_code: 'nl' });
      await user.send('/start');
      await user.tap('Nederlands');
      await user.send('ik zoek een dokter');
      expect(user.screen().text).toBe('Sorry, er ging iets mis. Probeer het zo nog eens.');
      const errors = broken.logs.filter((l) => l.includes('update failed'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).not.toContain('123456789');
      expect(errors[0]).not.toContain('secret words');
      expect(errors[0]).not.toContain('dokter');
    } finally {
      await broken.stop();
    }
  });
});
