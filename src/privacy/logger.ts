/**
 * The one logger. It records update kind, outcome and timing - never who, never what they
 * typed. The redaction list also covers what a library might hand us (a whole update, a
 * context, an error carrying the request payload).
 */
import { pino, type Logger, type DestinationStream } from 'pino';

/** Paths pino removes wherever they appear (one level of nesting covers err.payload etc.). */
export const REDACT_PATHS = [
  'from',
  'chat',
  'user',
  'message',
  'text',
  'caption',
  'contact',
  'location',
  'venue',
  'update',
  'ctx',
  'payload',
  'params',
  'first_name',
  'last_name',
  'username',
  'phone_number',
  'chat_id',
  'user_id',
  'query',
  'data',
  'callback_query',
  'inline_query',
  'request',
  'body',
  '*.from',
  '*.chat',
  '*.user',
  '*.message',
  '*.text',
  '*.caption',
  '*.contact',
  '*.location',
  '*.update',
  '*.payload',
  '*.params',
  '*.first_name',
  '*.last_name',
  '*.username',
  '*.phone_number',
  '*.chat_id',
  '*.user_id',
  '*.query',
  '*.data',
  '*.request',
  '*.body',
];

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export function createLogger(level: LogLevel = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: REDACT_PATHS, remove: true },
      // Errors keep their name and a scrubbed message; grammY puts request payloads on them.
      serializers: { err: safeError },
    },
    destination,
  );
}

/** An error as name + message with anything after "payload"/numbers that could be ids removed. */
export function safeError(err: unknown): { type: string; message: string; code?: number } {
  if (!(err instanceof Error)) return { type: typeof err, message: 'non-error thrown' };
  const code = (err as { error_code?: number }).error_code;
  return { type: err.name, message: scrub(err.message), ...(code ? { code } : {}) };
}

/** Removes long digit runs (chat ids, phone numbers) and quoted text from a message. */
export function scrub(message: string): string {
  return message
    .replace(/\d{5,}/g, '#')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .slice(0, 300);
}
