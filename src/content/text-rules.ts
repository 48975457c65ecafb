/**
 * The rules every text must keep, in one place: content:check applies them to the files,
 * i18n:import to a translator's spreadsheet before anything is written. A rule that only
 * one of them knew would let the other write what the bot then refuses.
 */

/** Telegram counts the text after entity parsing: tags out, entities as one character. */
export function visibleLength(html: string): number {
  return html.replace(/<[^>]+>/g, '').replace(/&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/gi, '_').length;
}

/** The prose of one screen (button + text + safe + risk) must stay short enough to read on a phone. */
export const MAX_SCREEN_TEXT = 700;
/** The parts of a screen that count together against MAX_SCREEN_TEXT. Desk sentences are for a clerk, not to scroll through. */
export const SCREEN_PARTS = ['button', 'text', 'safe', 'risk'] as const;
/** Every part a screen's texts may have, after `<screen id>.`. */
const TEXT_PARTS = ['button', 'text', 'safe', 'risk', 'desk', 'deskIfAsked'] as const;
/** Telegram's limit on one message, counted after entity parsing. */
export const MAX_MESSAGE = 4096;
/** Phones cut longer button labels off. */
export const MAX_BUTTON_LABEL = 40;

/** Common texts that are button labels (the rest of common.json is running text). */
const COMMON_BUTTONS = new Set(['home.cityChosen', 'home.cityNone', 'home.help', 'home.privacy', 'privacy.wipe', 'share.button', 'cards.more']);

/** Is this key a button label? Screen buttons end in `.button`; a few common texts are buttons too. */
export function isButtonLabel(key: string): boolean {
  return key.endsWith('.button') || key.startsWith('nav.') || COMMON_BUTTONS.has(key);
}

/** The screen and part a key belongs to ("police.deport.risk" -> police.deport, risk), or undefined. */
export function screenPart(key: string): { screen: string; part: (typeof TEXT_PARTS)[number] } | undefined {
  const m = /^(.*)\.([A-Za-z]+)$/.exec(key);
  if (!m || !(TEXT_PARTS as readonly string[]).includes(m[2]!)) return undefined;
  return { screen: m[1]!, part: m[2] as (typeof TEXT_PARTS)[number] };
}

/** Visible length of a screen's parts (those it has), one under the other as a phone shows them. */
export function screenTextLength(parts: ReadonlyArray<string | undefined>): number {
  return visibleLength(parts.filter((p): p is string => p !== undefined).join('\n'));
}

/** {{name}} placeholders, sorted, for comparing a translation with its English source. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1]!).sort();
}

/** Length as the rule counts it: a label in characters (it holds no HTML), running text as Telegram shows it. */
export function textLength(key: string, text: string): number {
  return isButtonLabel(key) ? [...text].length : visibleLength(text);
}

/** The longest a translation of this text may be (Telegram's own limits, and what fits a phone). */
export function maxLength(key: string, english: string): number {
  if (isButtonLabel(key)) return MAX_BUTTON_LABEL;
  if (key.startsWith('cmd.')) return 256;
  if (key === 'bot.description') return 512;
  if (key === 'bot.shortDescription') return 120;
  return Math.min(1500, Math.max(visibleLength(english) * 3, visibleLength(english) + 150));
}
