/** A coarse name for an update ("message:text", "callback_query"): safe to log, says nothing about who. */
import type { Update } from 'grammy/types';

const MESSAGE_KINDS = ['text', 'photo', 'voice', 'video', 'video_note', 'audio', 'document', 'sticker', 'animation', 'contact', 'location', 'venue', 'dice', 'poll', 'game', 'story'] as const;

export function updateKind(update: Update): string {
  const kind = Object.keys(update).find((k) => k !== 'update_id') ?? 'unknown';
  const message = (update as unknown as Record<string, unknown>)[kind];
  if (kind === 'message' && message && typeof message === 'object') {
    const sub = MESSAGE_KINDS.find((k) => k in message);
    return `message:${sub ?? 'other'}`;
  }
  return kind;
}
