/** Links, QR codes, demo conversations and inline mode, through the Bot API emulator. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realContent, startBot, type RunningBot } from '../support/harness.ts';
import type { Router } from '../../src/engine/types.ts';

// Inline mode is tested with a stand-in router so this file does not depend on the
// vocabulary; free-text routing has its own tests.
const router: Router = {
  route: (text) =>
    /doctor|دکتر|médico/.test(text)
      ? { topic: 'health', target: 'health', lang: text.includes('دکتر') ? 'fa' : text.includes('médico') ? 'es' : 'en', score: 0.9, urgent: false, alternatives: [] }
      : { topic: null, target: null, lang: 'en', score: 0, urgent: false, alternatives: [] },
};

let bot: RunningBot;
beforeAll(async () => {
  bot = await startBot({ router });
});
afterAll(() => bot.stop());

describe('telegram:setup', () => {
  it('sets commands, description and short description for every language Telegram knows', async () => {
    const { Api } = await import('grammy');
    const { setUpProfile } = await import('../../src/channels/telegram/profile.ts');
    const count = await setUpProfile(new Api(bot.emulator.token, { apiRoot: bot.emulator.apiRoot }), realContent());
    expect(count).toBe(realContent().languages.length);
    const commands = bot.emulator.callsTo('setMyCommands');
    const codes = commands.map((c) => c.params.language_code ?? 'default');
    expect(codes).toEqual(expect.arrayContaining(['default', 'en', 'nl', 'ar', 'ti', 'ku', 'zh']));
    const arabic = commands.find((c) => c.params.language_code === 'ar')!.params.commands as Array<{ command: string; description: string }>;
    expect(arabic.map((c) => c.command)).toEqual(['start', 'menu', 'language', 'help', 'privacy', 'wipe']);
    expect(arabic[0]!.description).toBe(realContent().t('ar', 'common', 'cmd.start'));
    const short = bot.emulator.callsTo('setMyShortDescription').find((c) => c.params.language_code === 'ti')!;
    expect(short.params.short_description).toBe(realContent().t('ti', 'common', 'bot.shortDescription'));
    expect(bot.emulator.rejections).toEqual([]);
  });
});

describe('deep links', () => {
  it('opens the linked screen in its language and city, skipping the language picker', async () => {
    const user = bot.emulator.user({ id: 6100001, first_name: 'Link', language_code: 'en' });
    await user.send('/start 1_ar_ams_shelter');
    expect(user.screen().text).not.toContain('Choose your language');
    expect(user.screen().html).toContain(realContent().t('ar', 'shelter', 'shelter.button'));
  });

  it('opens the main menu for a broken payload', async () => {
    const user = bot.emulator.user({ id: 6100002, first_name: 'Broken', language_code: 'en' });
    await user.send('/start 9_zz_qq_nowhere');
    expect(user.screen().text).toContain('How can I help you?');
  });
});

describe('the Share button', () => {
  it('sends a QR code and a link that opens the same screen', async () => {
    const sharer = bot.emulator.user({ id: 6100003, first_name: 'Sharer', language_code: 'en' });
    await sharer.send('/start');
    await sharer.tap('Nederlands');
    await sharer.tap('🆘 Noodgeval');
    const screenText = sharer.screen().text;
    await sharer.tap('🔗 Delen');
    const shared = sharer.screen();
    expect(shared.photo).toBe(true);
    const link = /https:\/\/t\.me\/test_bot\?start=([A-Za-z0-9_-]+)/.exec(shared.text);
    expect(link).not.toBeNull();

    const friend = bot.emulator.user({ id: 6100004, first_name: 'Friend', language_code: 'en' });
    await friend.send(`/start ${link![1]}`);
    expect(friend.screen().text).toBe(screenText);
    expect(bot.emulator.rejections).toEqual([]);
  });
});

describe('demo links', () => {
  it('show a banner and count nothing in the statistics', async () => {
    const before = bot.stats.rows('2000-01-01', '2999-12-31').reduce((n, r) => n + r.n, 0);
    const demo = bot.emulator.user({ id: 6100005, first_name: 'Outreach', language_code: 'en' });
    await demo.send('/start d1_en_x_home');
    expect(demo.screen().text).toContain('🎬 Demo');
    await demo.tap('🏠 Shelter');
    expect(demo.screen().text).toContain('🎬 Demo');
    await demo.send('/help');
    const after = bot.stats.rows('2000-01-01', '2999-12-31').reduce((n, r) => n + r.n, 0);
    expect(after).toBe(before);

    // The same steps without the demo link are counted.
    const person = bot.emulator.user({ id: 6100006, first_name: 'Person', language_code: 'en' });
    await person.send('/start 1_en_x_home');
    await person.tap('🏠 Shelter');
    expect(bot.stats.rows('2000-01-01', '2999-12-31').reduce((n, r) => n + r.n, 0)).toBe(after + 2);
  });
});

describe('inline mode', () => {
  it.each([
    ['doctor', 'en', '🩺'],
    ['دکتر', 'fa', '🩺'],
    ['médico', 'es', '🩺'],
  ])('offers knowledge-base cards for %j in that language, not personalised', async (query, lang, emoji) => {
    const user = bot.emulator.user({ id: 6100100 + query.length, first_name: 'Inline', language_code: 'nl' });
    const answer = await user.inlineQuery(query);
    expect(answer.is_personal).toBe(false);
    const results = answer.results as Array<{ id: string; title: string; reply_markup: { inline_keyboard: Array<Array<{ url: string }>> } }>;
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]!.id).toBe(`${lang}:health`);
    expect(results[0]!.title.startsWith(emoji)).toBe(true);
    expect(results[0]!.title).toBe(realContent().t(lang, 'health', 'health.button'));
    expect(results[0]!.reply_markup.inline_keyboard[0]![0]!.url).toBe(`https://t.me/test_bot?start=1_${lang}_x_health`);
    expect(bot.emulator.rejections).toEqual([]);
  });

  it('offers the main topics for an empty query', async () => {
    const user = bot.emulator.user({ id: 6100200, first_name: 'Empty' });
    const answer = await user.inlineQuery('');
    const titles = (answer.results as Array<{ title: string }>).map((r) => r.title);
    expect(titles).toEqual(realContent().flows.map((f) => realContent().t('en', f.id, `${f.id}.button`)));
  });

  it('answers a button press on a message sent through inline mode', async () => {
    const user = bot.emulator.user({ id: 6100201, first_name: 'Card' });
    const before = bot.emulator.callsTo('answerCallbackQuery').length;
    await user.sendUpdate(
      { callback_query: { id: 'inline-cb-1', from: { id: 6100201, is_bot: false, first_name: 'Card' }, inline_message_id: 'AAEAAA', chat_instance: '1', data: 'g|x|en|-|home' } },
      { expectReply: false },
    );
    await bot.emulator.waitIdle();
    const answered = bot.emulator.callsTo('answerCallbackQuery').slice(before);
    expect(answered.map((c) => c.params.callback_query_id)).toEqual(['inline-cb-1']);
  });
});
