/** A Screen as Bot API parameters: HTML text, inline keyboard, no link previews. */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import type { Screen } from '../../engine/types.ts';

/**
 * Telegram lays out every keyboard row left to right, whatever the language
 * (tdlib/telegram-bot-api#882), so for right-to-left readers we mirror each row: the
 * first button sits at the right, where their eyes start.
 */
export function toReplyMarkup(screen: Pick<Screen, 'buttons' | 'dir'>): InlineKeyboardMarkup {
  const rows = screen.dir === 'rtl' ? screen.buttons.map((row) => [...row].reverse()) : screen.buttons;
  return {
    inline_keyboard: rows.map((row) => row.map((b): InlineKeyboardButton => ('url' in b ? { text: b.label, url: b.url } : { text: b.label, callback_data: b.data }))),
  };
}

export function messageOptions(screen: Pick<Screen, 'buttons' | 'dir'>) {
  return {
    parse_mode: 'HTML' as const,
    reply_markup: toReplyMarkup(screen),
    // Previews would pull a third-party page into the chat and push the buttons off screen.
    link_preview_options: { is_disabled: true },
  };
}
