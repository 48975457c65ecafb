/**
 * The Telegram channel: turns updates into engine input and Screens into Bot API calls.
 * It decides nothing about content, and no rule of the conversation either (what is remembered,
 * in which language a chat is answered, what is counted: src/conversation/). Every update gets an
 * answer or a deliberate silence, and nothing that identifies a person is logged or stored.
 */
import { Bot, Composer, InputFile, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import type { Logger } from 'pino';
import type { Content } from '../../content/model.ts';
import { wiped, type StepResult } from '../../engine/engine.ts';
import type { Input, Router } from '../../engine/types.ts';
import { commandOf, SCREEN_COMMANDS } from '../../conversation/commands.ts';
import { SeenUpdates } from '../../conversation/seen-updates.ts';
import { afterDelivery, errorLine, privateChatLine, replyLanguage, slowDownLine, takeTurn, type Remembered } from '../../conversation/turn.ts';
import type { ChatMemory } from '../../privacy/chat-memory.ts';
import { safeError } from '../../privacy/logger.ts';
import type { StatsSink } from '../../stats/stats-sink.ts';
import { FloodGuard } from '../../privacy/flood-guard.ts';
import { deliverScreen, isBlocked } from './deliver.ts';
import { botLink } from './links.ts';
import { qrPng } from '../../share/qr.ts';
import { inlineResults } from './inline.ts';
import { updateKind } from './update-kind.ts';

export type TelegramDeps = {
  content: Content;
  router?: Router;
  memory: ChatMemory;
  log: Logger;
  stats: StatsSink;
};

export type BotOptions = {
  apiRoot?: string;
  /** Flood control per person and chat (defaults: bursts of 20, then 2 updates a second). */
  flood?: FloodGuard;
  /** In groups: how often a command is answered (default: once a minute per group). */
  groups?: FloodGuard;
  /** Skip getMe at start (tests, benchmarks). */
  botInfo?: UserFromGetMe;
};

export function createBot(token: string, deps: TelegramDeps, options: BotOptions = {}): Bot {
  const bot = new Bot(token, { client: options.apiRoot ? { apiRoot: options.apiRoot } : {}, botInfo: options.botInfo });
  // Flood waits (429) and Telegram's passing 5xx are retried, so no answer is lost to them.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 6, maxDelaySeconds: 120, rethrowInternalServerErrors: false }));

  bot.use(onlyOnce(new SeenUpdates()));
  // Before any queue: a flooding chat is slowed down here, so its backlog never waits in line
  // ahead of anyone (after the queue, 600 messages behind one held reply held everyone's).
  bot.use(floodControl(deps, options.flood ?? new FloodGuard()));
  // One update at a time per chat, so two quick taps cannot overtake each other.
  bot.use(sequentialize((ctx: Context) => (ctx.chat?.id ?? ctx.from?.id)?.toString()));
  bot.use(logUpdates(deps.log));
  bot.use(privateChatsOnly(deps, options.groups ?? new FloodGuard({ burst: 1, perSecond: 1 / 60 })));
  bot.use(handlers(deps));

  // Whatever went wrong, the person is not left in silence.
  bot.catch(async (err) => {
    deps.log.error({ err: safeError(err.error), kind: updateKind(err.ctx.update) }, 'update failed');
    const chatId = err.ctx.chat?.id;
    if (err.ctx.callbackQuery) await err.ctx.answerCallbackQuery().catch(() => undefined);
    if (chatId === undefined || isBlocked(err.error)) return;
    const lang = replyLanguage(deps.content, deps.memory.get(String(chatId)), err.ctx.from?.language_code);
    await err.ctx.api.sendMessage(chatId, errorLine(deps.content, lang)).catch(() => undefined);
  });
  return bot;
}

/** Each update_id is handled once, even when Telegram delivers it again. */
function onlyOnce(seen: SeenUpdates) {
  return async (ctx: Context, next: () => Promise<void>) => {
    if (seen.firstTime(ctx.update.update_id)) await next();
  };
}

/**
 * One person flooding is slowed down, told once, then ignored until they calm down;
 * everyone else is untouched. Counted per person in each chat (in a group, one member's flood
 * is theirs alone), and per person for inline queries, which come with no chat. A dropped
 * button press is still answered (the spinner stops).
 */
function floodControl(deps: TelegramDeps, guard: FloodGuard) {
  return async (ctx: Context, next: () => Promise<void>) => {
    const chatId = ctx.chat?.id;
    const person = ctx.from?.id;
    if (chatId === undefined && person === undefined) return next();
    const decision = guard.check(`${chatId ?? 'inline'}/${person ?? 'chat'}`);
    if (decision === 'allow') return next();
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    if (decision === 'warn' && chatId !== undefined && ctx.chat?.type === 'private') {
      const lang = replyLanguage(deps.content, deps.memory.get(String(chatId)), ctx.from?.language_code);
      await ctx.api.sendMessage(chatId, slowDownLine(deps.content, lang)).catch(() => undefined);
    }
  };
}

/** Kind, outcome and timing of every update: never who, never what. */
function logUpdates(log: Logger) {
  return async (ctx: Context, next: () => Promise<void>) => {
    const started = performance.now();
    let outcome = 'ok';
    try {
      await next();
    } catch (err) {
      outcome = 'error';
      throw err;
    } finally {
      log.info({ kind: updateKind(ctx.update), outcome, ms: Math.round(performance.now() - started) }, 'update');
    }
  };
}

/**
 * In groups everyone would see a person's questions: the bot answers a command there with one
 * line pointing to a private chat, at most once a minute per group (a group of volunteers
 * trying the bot out should not fill with copies of it), and ignores everything else.
 */
function privateChatsOnly(deps: TelegramDeps, perGroup: FloodGuard) {
  const composer = new Composer<Context>();
  composer.filter(
    (ctx) => ctx.chat !== undefined && ctx.chat.type !== 'private',
    async (ctx) => {
      const text = ctx.message?.text ?? '';
      if (!text.startsWith('/')) return;
      if (perGroup.check(String(ctx.chat!.id)) !== 'allow') return;
      const lang = replyLanguage(deps.content, undefined, ctx.from?.language_code);
      await ctx.reply(privateChatLine(deps.content, lang, botLink(ctx.me.username)), { link_preview_options: { is_disabled: true } });
    },
  );
  return composer;
}

/** Private chats: commands, button presses, typed text and the rest, each into one turn of the conversation. */
function handlers(deps: TelegramDeps) {
  const composer = new Composer<Context>();
  const { content, memory } = deps;
  const key = (ctx: Context) => String(ctx.chat!.id);

  composer.command('start', (ctx) => respond(ctx, { type: 'start', payload: ctx.match || undefined, langHint: ctx.from?.language_code }));
  for (const command of SCREEN_COMMANDS) composer.command(command, (ctx) => respond(ctx, { type: 'command', command }));
  composer.command('wipe', async (ctx) => {
    const lang = replyLanguage(content, remembered(ctx), ctx.from?.language_code);
    await wipeChat(ctx);
    await ctx.reply(wiped(content, lang).text);
  });

  composer.on('callback_query:data', async (ctx) => {
    // Answer first: the spinner on the person's button stops even if the rest is slow.
    await ctx.answerCallbackQuery().catch((err) => deps.log.warn({ err: safeError(err) }, 'answerCallbackQuery failed'));
    const messageId = ctx.callbackQuery.message?.message_id;
    if (!ctx.chat || messageId === undefined) return; // inline-message buttons: nothing to edit here
    const result = takeTurn(deps, remembered(ctx), ctx.from?.language_code, { type: 'callback', data: ctx.callbackQuery.data });
    if (result.effect === 'share' && result.sharePayload) {
      await shareScreen(ctx, result.state.lang, result.sharePayload);
      return;
    }
    if (result.effect === 'wipe') {
      await wipeChat(ctx);
      // Not through show(): a wiped chat is not remembered again.
      await ctx.reply(result.text);
      return;
    }
    await show(ctx, result, messageId);
  });
  composer.on('inline_query', (ctx) => ctx.answerInlineQuery(inlineResults(deps, ctx.inlineQuery.query, ctx.me.username), { is_personal: false, cache_time: 300 }));
  // Callback queries without data (games) or from inline messages: always answered.
  composer.on('callback_query', (ctx) => ctx.answerCallbackQuery());

  composer.on('message:text', (ctx) => {
    const text = ctx.message.text;
    // A command we do not have ("/foo") is not a question: the engine answers it as empty text.
    if (text.startsWith('/') && !commandOf(text)) return respond(ctx, { type: 'text', text: '' });
    return respond(ctx, { type: 'text', text });
  });
  // A contact or location is read once, here, and never stored.
  composer.on('message:contact', (ctx) => respond(ctx, { type: 'contact' }));
  composer.on('message:location', (ctx) => respond(ctx, { type: 'location', lat: ctx.message.location.latitude, lon: ctx.message.location.longitude }));
  composer.on('message', (ctx) => respond(ctx, { type: 'unsupported', kind: updateKind(ctx.update) }));
  // Edited messages, reactions, membership changes, channel posts and future kinds: ignored on purpose.

  function remembered(ctx: Context): Remembered | undefined {
    const entry = ctx.chat ? memory.get(key(ctx)) : undefined;
    return entry && { lang: entry.lang, city: entry.city, demo: entry.demo };
  }

  /** The link to a screen and its QR code, as a photo the person can forward or show. */
  async function shareScreen(ctx: Context, lang: string, payload: string) {
    const link = botLink(ctx.me.username, payload);
    const caption = content.t(lang, 'common', 'share.text', { link });
    const sent = await ctx.replyWithPhoto(new InputFile(qrPng(link), 'link.png'), { caption });
    memory.rememberMessage(key(ctx), sent.message_id);
  }

  async function respond(ctx: Context, input: Input) {
    if (!ctx.chat) return;
    if (ctx.chat.type === 'private' && ctx.message) memory.rememberMessage(key(ctx), ctx.message.message_id);
    await show(ctx, takeTurn(deps, remembered(ctx), ctx.from?.language_code, input));
  }

  /** Deliver a screen, then remember and count what the conversation layer says to. */
  async function show(ctx: Context, result: StepResult, editMessageId?: number) {
    const chatId = ctx.chat!.id;
    try {
      const delivered = await deliverScreen(ctx.api, chatId, result, editMessageId);
      const after = afterDelivery(deps, remembered(ctx), result);
      memory.update(key(ctx), (e) => {
        Object.assign(e, after);
        if (!e.messageIds.includes(delivered.messageId)) e.messageIds.push(delivered.messageId);
        e.screenMessageId = delivered.messageId;
      });
    } catch (err) {
      if (isBlocked(err)) {
        memory.forget(key(ctx));
        return;
      }
      deps.log.error({ err: safeError(err) }, 'delivery failed');
      await ctx.api.sendMessage(chatId, errorLine(content, result.state.lang)).catch(() => undefined);
    }
  }

  /** Delete every message we still can (ours, and in private chats theirs), then forget. */
  async function wipeChat(ctx: Context) {
    const chatId = ctx.chat!.id;
    const ids = memory.get(key(ctx))?.messageIds ?? [];
    if (ctx.message) ids.push(ctx.message.message_id);
    for (let i = 0; i < ids.length; i += 100) {
      const batch = ids.slice(i, i + 100);
      // deleteMessages skips what it cannot delete (older than 48 h, already gone).
      await ctx.api.deleteMessages(chatId, batch).catch((err) => deps.log.warn({ err: safeError(err) }, 'deleteMessages failed'));
    }
    memory.forget(key(ctx));
  }

  return composer;
}
