/**
 * Wires everything together. The only place that reads process.env.
 *
 *   npm start                      no BOT_TOKEN: the local simulator on http://localhost:PORT
 *   BOT_TOKEN=... npm start        the Telegram bot (long polling)
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { networkInterfaces } from 'node:os';
import type { Server } from 'node:http';
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Api } from 'grammy';
import { parseConfig, type Config } from './config.ts';
import { loadContent } from './content/load.ts';
import type { Content } from './content/model.ts';
import { decodeParsedFiles, PARSED_CONTENT_FILE } from './content/parsed-cache.ts';
import { ContentError } from './content/problems.ts';
import { createBot } from './channels/telegram/bot.ts';
import { createWebServer } from './channels/web/server.ts';
import { createHttpEndpoint } from './channels/telegram/http-endpoint.ts';
import { ChatMemory } from './privacy/chat-memory.ts';
import { createContentRouter } from './search/content-router.ts';
import { lazyRouter, type LazyRouter } from './search/lazy-router.ts';
import { decodeWordIndex, fingerprintOf, WORD_INDEX_FILE } from './search/prebuilt-index.ts';
import type { Vocabulary, WordIndex } from './search/routing-index.ts';
import { createLogger, safeError } from './privacy/logger.ts';
import { SqliteStats, statsFile } from './stats/sqlite-stats.ts';

/** How long an update may hold one of the runner's slots. */
const SLOT_TIMEOUT_MS = 10_000;

async function main() {
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const log = createLogger(config.LOG_LEVEL);

  // What `npm run build` prepared beside the bundle: the content files parsed, and the word index.
  const prebuilt = prebuiltFiles();
  let content: Content;
  try {
    content = loadContent(process.cwd(), { parsed: prebuilt.parsedContent() });
  } catch (err) {
    if (err instanceof ContentError) {
      console.error(err.message);
      console.error('\nFix the files above (npm run content:check shows the same list), then start again.');
      process.exit(2);
    }
    throw err;
  }
  mkdirSync(config.DATA_DIR, { recursive: true });
  // The word index is read (or built) after the first answer, or on the first typed message: see lazy-router.ts.
  const router = lazyRouter(() =>
    createContentRouter(content, {
      prebuilt: (vocab) => {
        const words = prebuilt.wordIndex(vocab);
        if (words === null) log.warn('the prebuilt word index was made from other content or code: building it now (npm run build makes it again)');
        return words ?? undefined;
      },
    }),
  );
  log.info({ version: content.version, languages: content.languages.length, screens: content.screens.size }, 'content loaded');

  if (!config.BOT_TOKEN) {
    const server = createWebServer({ content, router, log, botUsername: config.BOT_USERNAME });
    await listen(server, config);
    router.warm();
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    console.log(
      [
        '',
        `  Simulator running: http://localhost:${port}`,
        ...lanAddresses().map((a) => `  On a phone in the same network: http://${a}:${port}`),
        '  (same engine and screens as the Telegram bot; it stores nothing)',
        '',
        '  To run the real Telegram bot:',
        '    1. Talk to @BotFather in Telegram, send /newbot, copy the token.',
        '    2. BOT_TOKEN=123456:ABC... npm start',
        '',
      ].join('\n'),
    );
    onShutdown(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }, log);
    return;
  }

  const memory = new ChatMemory();
  const stats = new SqliteStats(statsFile(config.DATA_DIR));
  const bot = createBot(config.BOT_TOKEN, { content, router, memory, log, stats }, { apiRoot: config.TELEGRAM_API_ROOT });
  await bot.init();

  if (config.BOT_MODE === 'webhook') {
    router.warm();
    const url = new URL(config.WEBHOOK_URL);
    const endpoint = createHttpEndpoint({ log, webhook: { bot, path: url.pathname, secret: config.WEBHOOK_SECRET } });
    await listen(endpoint.server, config);
    await bot.api.setWebhook(config.WEBHOOK_URL, { secret_token: config.WEBHOOK_SECRET, allowed_updates: ALLOWED_UPDATES });
    log.info({ mode: 'webhook', port: config.PORT }, 'bot running');
    onShutdown(async () => {
      // Stop taking requests, let the ones in flight finish, then close the database.
      endpoint.server.close();
      await endpoint.drain(15_000);
      stats.close();
    }, log);
    return;
  }

  const endpoint = createHttpEndpoint({ log });
  await listen(endpoint.server, config);
  await bot.api.deleteWebhook();
  warmAfterFirstAnswer(bot, router);
  // An update still being handled after 10 s (a reply held by a long flood wait) gives its slot
  // back, so a few slow chats cannot use up the runner's 500; it goes on in the background.
  const sink = { timeout: { milliseconds: SLOT_TIMEOUT_MS, handler: () => log.warn({ afterMs: SLOT_TIMEOUT_MS }, 'update still running: its slot is given back') } };
  const runner: RunnerHandle = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES } }, sink });
  log.info({ mode: 'polling', port: config.PORT }, 'bot running');
  onShutdown(async () => {
    const stopped = runner.isRunning() ? runner.stop() : undefined;
    // stop() ends fetching; updates already fetched are still being handled: wait for them.
    const until = Date.now() + 15_000;
    while (runner.size() > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    await stopped;
    endpoint.server.close();
    stats.close();
  }, log);
}

/**
 * What `npm run build` wrote beside the bundle (src/cli/build.ts), each used only if it was made
 * from this content and this code. `npm run dev` runs from src/ and has none: it parses and
 * builds everything.
 */
function prebuiltFiles() {
  const bundle = fileURLToPath(import.meta.url);
  const read = (name: string) => {
    const file = join(dirname(bundle), name);
    return existsSync(file) ? readFileSync(file) : undefined;
  };
  const code = read(basename(bundle))!;
  return {
    parsedContent: () => {
      const bytes = read(PARSED_CONTENT_FILE);
      return bytes && decodeParsedFiles(bytes, code);
    },
    /** The word index; undefined when there is none, null when it was made from something else. */
    wordIndex: (vocab: Vocabulary): WordIndex | undefined | null => {
      const bytes = read(WORD_INDEX_FILE);
      return bytes ? (decodeWordIndex(bytes, fingerprintOf(vocab, code)) ?? null) : undefined;
    },
  };
}

/**
 * Build the word index once the first answer has gone out (what was waiting at start is answered
 * first), or after a few quiet seconds, whichever comes first.
 */
function warmAfterFirstAnswer(bot: { api: Api }, router: LazyRouter): void {
  let done = false;
  const warm = () => {
    if (done) return;
    done = true;
    setImmediate(() => router.warm());
  };
  bot.api.config.use(async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (method !== 'getUpdates' && method !== 'getMe' && method !== 'deleteWebhook') warm();
    return result;
  });
  setTimeout(warm, 3_000).unref();
}

/** Update kinds the bot handles; everything else Telegram does not even send. */
const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query'] as const;

/** This machine's addresses on the local network, so a phone can open the simulator. */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i): i is NonNullable<typeof i> => !!i && i.family === 'IPv4' && !i.internal)
    .map((i) => i.address);
}

function listen(server: Server, config: Config): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
}

/** SIGTERM/SIGINT: stop taking work, finish what is in flight, close, exit 0. */
function onShutdown(stop: () => Promise<void>, log: ReturnType<typeof createLogger>) {
  let stopping = false;
  const handler = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    try {
      await stop();
      process.exit(0);
    } catch {
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void handler('SIGTERM'));
  process.once('SIGINT', () => void handler('SIGINT'));
}

// Whatever escapes - a refused setWebhook at start, a network error - is said without its
// payload: a GrammyError carries the request, and with it the webhook secret or the token.
await main().catch((err: unknown) => {
  const { type, message, code } = safeError(err);
  console.error(`The bot stopped: ${type}${code ? ` ${code}` : ''}: ${message}`);
  console.error('Check BOT_TOKEN, TELEGRAM_API_ROOT and, in webhook mode, WEBHOOK_URL (Telegram must reach it over https).');
  process.exit(1);
});
