/**
 * A person picks each language in the picker and taps through to an answer: every step is
 * in that language, nothing Telegram would refuse, and machine translations say so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realContent, startBot, type RunningBot } from '../support/harness.ts';
import { toPlainText } from '../../src/engine/html.ts';

let bot: RunningBot;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(() => bot.stop());

const content = realContent();

describe.each(content.languages.map((l) => [l.code, l] as const))('%s', (code, language) => {
  it('reaches an answer, in this language', async () => {
    const user = bot.emulator.user({ id: 7_000_000 + content.languages.indexOf(language), first_name: 'L', language_code: 'en' });
    await user.send('/start');
    await user.tap(language.name);
    expect(user.screen().text).toContain(toPlainText(content.t(code, 'common', 'home.text').split('\n')[0]!));

    // Health -> the first option -> ... until an answer (it carries the checked date).
    await user.tap(content.t(code, 'health', 'health.button'));
    // The translated words of "🗓 Checked <date>" (wherever the date sits in this language).
    const checked = toPlainText(content.t(code, 'common', 'answer.checked', { date: '§' }))
      .split('§')
      .map((part) => part.trim())
      .sort((a, b) => b.length - a.length)[0]!;
    expect(checked.length).toBeGreaterThan(2);
    for (let i = 0; i < 4 && !user.screen().text.includes(checked); i++) {
      const first = user.screen().buttons[0]!;
      // Buttons are mirrored for right-to-left languages: the first option sits at the right.
      await user.tapData((language.dir === 'rtl' ? first[first.length - 1]! : first[0]!).callback_data!);
    }
    const answer = user.screen();
    expect(answer.text).toContain(checked);
    if (language.status === 'machine') expect(answer.text).toContain(toPlainText(content.t(code, 'common', 'mt.note')));
    if (code !== 'en') expect(answer.text).not.toContain('How can I help you?');
    expect(user.unansweredCallbacks()).toBe(0);
    expect(bot.emulator.rejections.filter((r) => r.chatKey === user.id)).toEqual([]);
  });
});
