/**
 * Puts a Screen in front of the person: edit the message they tapped (navigation stays in
 * one message), or send a new one. Telegram's ordinary refusals are not failures:
 * "message is not modified" means it already shows this; a vanished or too-old message
 * gets a fresh one.
 */
import { GrammyError, type Api } from 'grammy';
import type { Screen } from '../../engine/types.ts';
import { messageOptions } from './screen-to-telegram.ts';

export type Delivered = { messageId: number; outcome: 'sent' | 'edited' | 'unchanged' | 'resent' };

export async function deliverScreen(api: Api, chatId: number, screen: Screen, editMessageId?: number): Promise<Delivered> {
  const options = messageOptions(screen);
  if (editMessageId !== undefined) {
    try {
      await api.editMessageText(chatId, editMessageId, screen.text, options);
      return { messageId: editMessageId, outcome: 'edited' };
    } catch (err) {
      if (isNotModified(err)) return { messageId: editMessageId, outcome: 'unchanged' };
      if (!isGoneOrUneditable(err)) throw err;
      const sent = await api.sendMessage(chatId, screen.text, options);
      return { messageId: sent.message_id, outcome: 'resent' };
    }
  }
  const sent = await api.sendMessage(chatId, screen.text, options);
  return { messageId: sent.message_id, outcome: 'sent' };
}

export function isNotModified(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && /message is not modified/i.test(err.description);
}

export function isGoneOrUneditable(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && /message to edit not found|message can't be edited|message_id_invalid|there is no text in the message to edit/i.test(err.description);
}

/** The person blocked the bot or left: nothing to say to them, nothing to retry. */
export function isBlocked(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 403;
}
