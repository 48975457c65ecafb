/**
 * The environment, parsed once. Nothing else reads process.env. Messages are written for a
 * volunteer setting the bot up, not for a programmer.
 */
import { z } from 'zod';

const schema = z.object({
  BOT_TOKEN: z
    .string()
    .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'BOT_TOKEN looks wrong: copy the whole token BotFather gave you, like 123456:ABC-def...')
    .optional(),
  TELEGRAM_API_ROOT: z.url({ message: 'TELEGRAM_API_ROOT must be a web address like http://127.0.0.1:8081' }).optional(),
  DATA_DIR: z.string().min(1).default('./var'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
  PORT: z.coerce.number({ message: 'PORT must be a number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  BOT_MODE: z.enum(['polling', 'webhook'], { message: 'BOT_MODE must be polling or webhook' }).default('polling'),
  WEBHOOK_URL: z.url({ message: 'WEBHOOK_URL must be the public https address of this bot' }).optional(),
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, 'WEBHOOK_SECRET may use letters, digits, _ and - only')
    .optional(),
  BOT_USERNAME: z
    .string()
    .regex(/^[A-Za-z0-9_]{5,32}$/)
    .optional(),
});

export type Config = z.infer<typeof schema>;

export function parseConfig(env: NodeJS.ProcessEnv): Config {
  // Empty variables count as unset: `BOT_TOKEN= npm start` runs the simulator.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.message}`);
    throw new Error(`The bot cannot start because of its settings:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  if (config.BOT_MODE === 'webhook' && (!config.WEBHOOK_URL || !config.WEBHOOK_SECRET)) {
    throw new Error('The bot cannot start: BOT_MODE=webhook needs WEBHOOK_URL and WEBHOOK_SECRET.');
  }
  return config;
}
