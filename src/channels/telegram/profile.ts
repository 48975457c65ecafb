/**
 * What Telegram shows before a person presses Start - the command list, the description
 * and the short description - in each language we have. Telegram picks by the person's
 * app language; its language_code is a two-letter ISO 639-1 code, so registry codes such
 * as "ckb" map to the first two-letter code in the registry's telegram list ("ku").
 */
import type { Api } from 'grammy';
import type { LanguageCode } from 'grammy/types';
import type { Content } from '../../content/model.ts';
import type { Language } from '../../content/schema.ts';
import { COMMANDS } from '../../conversation/commands.ts';

export function telegramCode(language: Language): string | undefined {
  return [language.code, ...language.telegram].find((c) => /^[a-z]{2}$/.test(c));
}

export type ProfileText = { languageCode?: string; commands: Array<{ command: string; description: string }>; description: string; shortDescription: string };

export function profileTexts(content: Content): ProfileText[] {
  const out: ProfileText[] = [];
  const text = (lang: string) => ({
    commands: COMMANDS.map((command) => ({ command, description: content.t(lang, 'common', `cmd.${command}`).slice(0, 256) })),
    description: content.t(lang, 'common', 'bot.description').slice(0, 512),
    shortDescription: content.t(lang, 'common', 'bot.shortDescription').slice(0, 120),
  });
  // Without a language code: what everyone else sees (English).
  out.push({ ...text('en') });
  for (const language of content.languages) {
    const languageCode = telegramCode(language);
    if (!languageCode) continue;
    out.push({ languageCode, ...text(language.code) });
  }
  return out;
}

/** Sets everything; returns how many languages were set. Safe to run again. */
export async function setUpProfile(api: Api, content: Content): Promise<number> {
  const texts = profileTexts(content);
  for (const t of texts) {
    // grammY types list ISO 639-1 codes; ours are checked to be two lower-case letters.
    const other = t.languageCode ? { language_code: t.languageCode as LanguageCode } : undefined;
    await api.setMyCommands(t.commands, other);
    await api.setMyDescription(t.description, other);
    await api.setMyShortDescription(t.shortDescription, other);
  }
  return texts.length - 1;
}
