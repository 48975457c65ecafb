/**
 * The environment, parsed once, by main.ts and the command-line tools (each passes the
 * environment it was given; nothing else reads process.env). Messages are written for a
 * volunteer setting the bot up, not for a programmer.
 *
 * A discriminated union on BOT_MODE: webhook settings exist, and are required, only in webhook
 * mode, so no code has to assume they were given.
 */
import { z } from 'zod';

const common = {
  BOT_TOKEN: z
    .string()
    .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'BOT_TOKEN looks wrong: copy the whole token BotFather gave you, like 123456:ABC-def...')
    .optional(),
  TELEGRAM_API_ROOT: z.url({ message: 'TELEGRAM_API_ROOT must be a web address like http://127.0.0.1:8081' }).optional(),
  DATA_DIR: z.string().min(1).default('./var'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
  PORT: z.coerce.number({ message: 'PORT must be a number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  BOT_USERNAME: z
    .string()
    .regex(/^[A-Za-z0-9_]{5,32}$/)
    .optional(),
};

const polling = z.object({ ...common, BOT_MODE: z.literal('polling') });

/** Plain http only to this machine: a local Bot API server (telegram-bot-api --local) or the tests' emulator. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const webhookUrl = z.url({ message: 'BOT_MODE=webhook needs WEBHOOK_URL, the public https address of this bot' }).refine((value) => {
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}, 'WEBHOOK_URL must start with https:// (Telegram sends updates only there; plain http only to this machine, for a local Bot API server)');

const webhook = z.object({
  ...common,
  BOT_MODE: z.literal('webhook'),
  WEBHOOK_URL: webhookUrl,
  // Whoever knows it can send the bot forged updates: long enough not to be guessed.
  WEBHOOK_SECRET: z
    .string({ message: 'BOT_MODE=webhook needs WEBHOOK_SECRET' })
    .regex(/^[A-Za-z0-9_-]*$/, 'WEBHOOK_SECRET may use letters, digits, _ and - only')
    .min(16, 'WEBHOOK_SECRET must be at least 16 characters (for example: openssl rand -hex 16)')
    .max(256, 'WEBHOOK_SECRET must be at most 256 characters'),
});

const schema = z.discriminatedUnion('BOT_MODE', [polling, webhook], { message: 'BOT_MODE must be polling or webhook' });
/** The settings of every mode alone: a wrong mode must not hide a wrong token. */
const everyMode = z.object({ ...common, BOT_MODE: z.enum(['polling', 'webhook'], { message: 'BOT_MODE must be polling or webhook' }) });

export type Config = z.infer<typeof schema>;
export type WebhookConfig = z.infer<typeof webhook>;

export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  // Empty variables count as unset: `BOT_TOKEN= npm start` runs the simulator.
  const cleaned: Record<string, string> = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
  const input = { BOT_MODE: 'polling', ...cleaned };
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    // Every wrong setting at once, each said once (no value is repeated: a token or secret could be in it).
    const messages = [...(everyMode.safeParse(input).error?.issues ?? []), ...parsed.error.issues].map((i) => i.message);
    const lines = [...new Set(messages)].map((message) => `  - ${message}`);
    throw new Error(`The bot cannot start because of its settings:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
