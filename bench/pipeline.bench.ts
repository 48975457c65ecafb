/**
 * In-process throughput: updates per second through the full pipeline (grammY middleware,
 * flood and duplicate guards, engine, free-text routing, rendering, statistics) with the
 * Bot API answered locally by an API transformer, next to a minimal grammY echo bot run
 * the same way. The ratio is the figure that matters: it is our cost over grammY's own.
 */
import { Bot } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { loadContent } from '../src/content/load.ts';
import { createBot } from '../src/channels/telegram/bot.ts';
import { encodeCallback } from '../src/engine/callback-data.ts';
import { ChatMemory } from '../src/privacy/chat-memory.ts';
import { createLogger } from '../src/privacy/logger.ts';
import { FloodGuard } from '../src/privacy/flood-guard.ts';
import { SqliteStats } from '../src/stats/sqlite-stats.ts';
import { createContentRouter } from '../src/search/content-router.ts';
import { fmt } from './support.ts';

const botInfo: UserFromGetMe = {
  id: 1,
  is_bot: true,
  first_name: 'Bench',
  username: 'bench_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

/** Answers every Bot API call locally, the way Telegram would for a successful call. */
function offline(bot: Bot) {
  let messageId = 1;
  bot.api.config.use(async (_prev, method, payload) => {
    const p = payload as { chat_id?: number; text?: string };
    if (method === 'sendMessage' || method === 'editMessageText') {
      return { ok: true, result: { message_id: messageId++, date: 0, chat: { id: p.chat_id, type: 'private' }, text: p.text } } as never;
    }
    return { ok: true, result: true } as never;
  });
}

function updates(content: ReturnType<typeof loadContent>, count: number): Update[] {
  const texts = [
    'i need a place to sleep tonight',
    'ik heb een dokter nodig',
    'أحتاج طبيب',
    'دکتر می خواهم',
    'ሓኪም',
    'me asaltaron ayer',
    'école pour mes enfants',
    'hello',
    'адвокат',
    'waa la i garaacay',
  ];
  const screens = [...content.screens.keys()];
  const out: Update[] = [];
  for (let i = 0; i < count; i++) {
    const chatId = 1_000_000 + (i % 5000);
    const from = { id: chatId, is_bot: false, first_name: 'B' };
    const chat = { id: chatId, type: 'private' as const, first_name: 'B' };
    const kind = i % 3;
    if (kind === 0) out.push({ update_id: i, message: { message_id: i, date: 0, chat, from, text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] } } as Update);
    else if (kind === 1) {
      const data = encodeCallback(content, 'g', { lang: ['en', 'ar', 'ti', 'nl'][i % 4]!, city: 'amsterdam', screen: screens[i % screens.length]! });
      out.push({ update_id: i, callback_query: { id: String(i), from, chat_instance: '1', data, message: { message_id: 1, date: 0, chat, text: 'x' } } } as Update);
    } else out.push({ update_id: i, message: { message_id: i, date: 0, chat, from, text: texts[i % texts.length]! } } as Update);
  }
  return out;
}

async function throughput(bot: Bot, list: Update[]): Promise<number> {
  const started = performance.now();
  // Many chats at once, as the runner delivers them.
  for (let i = 0; i < list.length; i += 100) await Promise.all(list.slice(i, i + 100).map((u) => bot.handleUpdate(u)));
  return list.length / ((performance.now() - started) / 1000);
}

export async function benchPipeline(count = 20_000) {
  const content = loadContent(process.cwd());
  const router = createContentRouter(content);
  const stats = new SqliteStats(':memory:', { flushMs: 0 });
  const ours = createBot('1:bench', { content, router, memory: new ChatMemory(), log: createLogger('silent'), stats }, { botInfo, flood: new FloodGuard({ burst: 1e9, perSecond: 1e9 }) });
  offline(ours);
  const echo = new Bot('1:bench', { botInfo });
  echo.on('message:text', (ctx) => ctx.reply(ctx.message.text));
  echo.on('callback_query', (ctx) => ctx.answerCallbackQuery());
  offline(echo);

  const list = updates(content, count);
  // Warm up both (JIT), then measure interleaved so machine noise hits both alike.
  await throughput(ours, list.slice(0, 2000));
  await throughput(echo, list.slice(0, 2000));
  const runs: Array<{ ours: number; echo: number }> = [];
  for (let r = 0; r < 3; r++) runs.push({ ours: await throughput(ours, list), echo: await throughput(echo, list) });
  stats.close();
  const best = (k: 'ours' | 'echo') => Math.max(...runs.map((x) => x[k]));
  return { updates: count, oursPerSecond: best('ours'), echoPerSecond: best('echo'), ratio: best('echo') / best('ours') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchPipeline(Number(process.argv[2] ?? 20_000));
  console.log(`pipeline: ${fmt(r.oursPerSecond, 0)} updates/s; grammY echo bot: ${fmt(r.echoPerSecond, 0)} updates/s; echo is ${fmt(r.ratio, 2)}x faster`);
}
