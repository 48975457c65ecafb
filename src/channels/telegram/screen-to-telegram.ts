/** A Screen as Bot API parameters: HTML text, inline keyboard, no link previews. */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import type { Screen } from '../../engine/types.ts';

export function toReplyMarkup(screen: Pick<Screen, 'buttons'>): InlineKeyboardMarkup {
  return {
    inline_keyboard: screen.buttons.map((row) =>
      row.map((b): InlineKeyboardButton => ('url' in b ? { text: b.label, url: b.url } : { text: b.label, callback_data: b.data })),
    ),
  };
}

export function messageOptions(screen: Pick<Screen, 'buttons'>) {
  return {
    parse_mode: 'HTML' as const,
    reply_markup: toReplyMarkup(screen),
    // Previews would pull a third-party page into the chat and push the buttons off screen.
    link_preview_options: { is_disabled: true },
  };
}
