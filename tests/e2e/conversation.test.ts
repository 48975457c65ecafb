/**
 * A person talks to the real bot through the Bot API emulator: every request is one
 * Telegram would accept, every button press is answered, nothing goes unanswered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labels, realContent, startBot, type RunningBot } from '../support/harness.ts';

let bot: RunningBot;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(() => bot.stop());

describe('where can I sleep tonight, in English', () => {
  it('walks from /start to an answer with services, checked date and source', async () => {
    const user = bot.emulator.user({ id: 4242001, first_name: 'Amal', language_code: 'en' });
    await user.send('/start');
    expect(user.screen().text).toContain('Choose your language');
    expect(labels(user.screen())).toEqual(expect.arrayContaining(['English', 'Nederlands', 'العربية', 'ትግርኛ', 'Soomaali']));

    await user.tap('English');
    expect(user.screen().text).toContain('How can I help you?');
    await user.tap('🏠 Shelter');
    expect(user.screen().text).toContain('tonight');
    await user.tap('🌙 Tonight');
    await user.tap('🧍 Alone and healthy');
    expect(user.screen().text).toContain('Where are you?');
    await user.tap('Amsterdam');
    const answer = user.screen();
    expect(answer.text).toContain('Alone and healthy');
    expect(answer.text).toMatch(/Checked \w+ 20\d\d/);
    expect(answer.text).toContain('Show this at the desk');
    expect(answer.html).toContain('<a href="https://');
    // Navigation edited one message in place: the chat holds the /start, and one bot screen.
    expect(user.messages().filter((m) => m.from === 'bot')).toHaveLength(1);
    expect(user.unansweredCallbacks()).toBe(0);
    expect(bot.emulator.rejections).toEqual([]);
  });
});

describe('the same flow in Dutch', () => {
  it('shows Dutch screens, and the desk sentence once', async () => {
    const user = bot.emulator.user({ id: 4242002, first_name: 'Piet', language_code: 'nl' });
    await user.send('/start');
    await user.tap('Nederlands');
    await user.tap('🏠 Slaapplek');
    await user.tap('🌙 Vannacht');
    await user.tap('🧍 Alleen en gezond');
    await user.tap('Rotterdam');
    const text = user.screen().text;
    expect(text).toContain('Laat dit zien aan de balie');
    expect(text).toMatch(/Gecontroleerd \w+ 2026/);
    expect(bot.emulator.rejections).toEqual([]);
  });
});

describe('ten distinct buttons, commands, typed text, a contact and a location', () => {
  it('always replies, answers every callback and sends nothing Telegram would reject', async () => {
    const user = bot.emulator.user({ id: 4242003, first_name: 'Sara', language_code: 'fr' });
    await user.send('/start');
    const tapped = new Set<string>();
    const tap = async (label: string) => {
      const result = await user.tap(label);
      expect(result.answered).toBe(true);
      tapped.add(label);
    };
    await tap('English');
    await tap('🩺 Health');
    await tap('🩺 See a doctor');
    await tap('⬅️ Back');
    await tap('🏠 Menu');
    await tap('👮 Police');
    await tap('🏠 Menu');
    await tap('⚖️ Legal help');
    await tap('🌐');
    await tap('Nederlands');
    await tap('🏠 Menu');
    await tap('🆘 Noodgeval');
    await tap('🌐');
    await tap('English');
    await tap('🏠 Menu');
    await tap('🔒 Privacy');
    expect(tapped.size).toBeGreaterThanOrEqual(10);

    for (const command of ['/menu', '/help', '/privacy', '/language']) {
      const before = user.messages().length;
      await user.send(command);
      expect(user.messages().length).toBeGreaterThan(before);
    }
    await user.send('where can i sleep tonight');
    expect(user.screen().buttons.length).toBeGreaterThan(0);
    await user.sendContact('+31612345678', 'Sara');
    expect(user.screen().text).toContain('I do not need your phone number');
    await user.sendLocation(52.37, 4.9);
    expect(user.screen().text).toContain('Amsterdam');
    await user.sendRaw({ voice: { file_id: 'v1', file_unique_id: 'v1', duration: 3 } });
    expect(user.screen().text).toContain('I can only read');
    await user.send('/nonsense');
    expect(user.screen().buttons.length).toBeGreaterThan(0);

    expect(user.unansweredCallbacks()).toBe(0);
    expect(bot.emulator.rejections).toEqual([]);
  });

  it('answers a forged button and a stale one by leading home, never silently', async () => {
    const user = bot.emulator.user({ id: 4242004, first_name: 'Omar' });
    await user.send('/start');
    await user.tap('English');
    const forged = await user.tapData('g|zz|en|-|nowhere');
    expect(forged.answered).toBe(true);
    expect(user.screen().text).toMatch(/older version|could not open/);
    const odd = await user.tapData('💣'.repeat(10));
    expect(odd.answered).toBe(true);
    expect(user.screen().text).toContain('How can I help you?');
    expect(bot.emulator.rejections).toEqual([]);
  });

  it('treats "message is not modified" as success when the same button is pressed twice', async () => {
    const user = bot.emulator.user({ id: 4242005, first_name: 'Lena' });
    await user.send('/start');
    await user.tap('English');
    const home = user.screen();
    const again = await user.tapData(home.buttons[0]![0]!.callback_data!);
    await user.tapData(again.calls.length ? home.buttons[0]![0]!.callback_data! : home.buttons[0]![0]!.callback_data!);
    expect(user.unansweredCallbacks()).toBe(0);
    // Telegram answered "not modified" to the repeat; the bot did not turn that into an error message.
    expect(user.screen().text).not.toContain('something went wrong');
  });

  it('sends a fresh message when the one to edit is gone', async () => {
    const user = bot.emulator.user({ id: 4242006, first_name: 'Yonas' });
    await user.send('/start');
    await user.tap('English');
    const screen = user.screen();
    const data = screen.buttons[0]![0]!.callback_data!;
    // The person deleted the chat history; Telegram answers "message to edit not found".
    await fetch(`${bot.emulator.apiRoot}/bot${bot.emulator.token}/deleteMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat_id: user.id, message_id: screen.messageId }),
    });
    await user.tapData(data, screen.messageId);
    expect(user.screen().messageId).not.toBe(screen.messageId);
    expect(user.screen().buttons.length).toBeGreaterThan(0);
  });
});

describe('right-to-left in Telegram', () => {
  it('mirrors each keyboard row for Arabic, because Telegram does not', async () => {
    const user = bot.emulator.user({ id: 4242007, first_name: 'Rania', language_code: 'ar' });
    await user.send('/start');
    await user.tap('العربية');
    const topRow = user.screen().buttons[0]!.map((b) => b.text);
    const content = realContent();
    const firstTopic = content.t('ar', content.flows[0]!.id, `${content.flows[0]!.id}.button`);
    expect(topRow[topRow.length - 1]).toBe(firstTopic);
    expect(bot.emulator.rejections.filter((r) => r.chatKey === user.id)).toEqual([]);
  });
});
