/**
 * The Bot API methods the emulator implements, each validating its input the way Telegram does
 * and answering with what Telegram would return. Handlers throw ApiError to reject a request.
 *
 * Descriptions are taken from real api.telegram.org answers where known; guesses are marked
 * "approximated" so nobody mistakes them for the real wording.
 */
import type { BotCommand, Message, MessageEntity, PhotoSize, UserFromGetMe } from 'grammy/types';
import { badRequest } from './api-error.ts';
import { CALLBACK_QUERY_TTL_SECONDS, DELETE_WINDOW_SECONDS, displayEntities, displayText, type ChatState, type EmulatorState, type StoredFile, type StoredMessage } from './emulator-state.ts';
import type { Params } from './http-params.ts';
import { markupKey, parseReplyMarkup, stableStringify, type StoredMarkup } from './keyboard-validation.ts';
import { buildFormattedText, type FormattedText } from './message-text.ts';
import type { UpdateQueue } from './update-queue.ts';

export interface MethodContext {
  state: EmulatorState;
  queue: UpdateQueue;
  botInfo: UserFromGetMe;
  strict: boolean;
  /** Requests Telegram accepts but that are probably mistakes (dropped links, literal &nbsp;). */
  warn(message: string): void;
  /** getUpdates: called when the HTTP client hangs up. */
  onClose(cb: () => void): void;
}

export type MethodHandler = (ctx: MethodContext, p: Params) => unknown;

const MARKUP_JSON_ERROR = "can't parse reply keyboard markup JSON object";
const ENTITIES_JSON_ERROR = "can't parse entities JSON object";

function markupOf(ctx: MethodContext, p: Params, inlineOnly = false): StoredMarkup | undefined {
  return parseReplyMarkup(p.json('reply_markup', MARKUP_JSON_ERROR), { strict: ctx.strict, inlineOnly });
}

function format(ctx: MethodContext, source: string, p: Params, kind: 'text' | 'caption', prefix = ''): FormattedText {
  const field = kind === 'text' ? 'entities' : 'caption_entities';
  const ft = buildFormattedText(source, p.str(`${prefix}parse_mode`), p.json(field, ENTITIES_JSON_ERROR), {
    kind,
    strict: ctx.strict,
    resolveUser: (id) => ctx.state.users.get(id),
  });
  for (const w of ft.warnings) ctx.warn(w.message);
  return ft;
}

function replyTo(ctx: MethodContext, chat: ChatState, p: Params): Message | undefined {
  const params = p.json('reply_parameters', "can't parse reply parameters JSON object") as { message_id?: number; chat_id?: number | string; allow_sending_without_reply?: boolean } | undefined;
  let id: number | undefined;
  let allowWithout = p.bool('allow_sending_without_reply');
  if (params !== undefined) {
    if (typeof params !== 'object' || params === null || params.message_id === undefined) {
      throw badRequest(`can't find field "message_id"`);
    }
    id = Number(params.message_id);
    allowWithout ||= params.allow_sending_without_reply === true;
  } else if (p.has('reply_to_message_id')) {
    id = p.int('reply_to_message_id');
  }
  if (id === undefined) return undefined;
  const target = ctx.state.findMessage(chat, id);
  if (!target) {
    if (allowWithout) return undefined;
    throw badRequest('message to be replied not found');
  }
  return ctx.state.messageObject(target);
}

/** Applies a reply keyboard / remove / force_reply to the chat; returns what goes on the message. */
function applyMarkup(chat: ChatState, markup: StoredMarkup | undefined): StoredMessage['markup'] {
  if (!markup) return undefined;
  if (markup.kind === 'reply') chat.replyKeyboard = markup;
  else if (markup.kind === 'remove') chat.replyKeyboard = undefined;
  return markup.kind === 'inline' ? markup : undefined;
}

function botMessage(ctx: MethodContext, chat: ChatState, fields: Partial<Message>, extra: { source?: string; parseMode?: string; markup?: StoredMessage['markup'] }): Message {
  const inline = extra.markup && extra.markup.rows.length > 0 ? { reply_markup: { inline_keyboard: extra.markup.rows } } : {};
  const stored = ctx.state.addMessage(chat, true, ctx.state.bot, { ...fields, ...inline }, extra);
  return ctx.state.messageObject(stored);
}

function textFields(ft: FormattedText): Partial<Message> {
  return { text: ft.text, ...(ft.entities.length ? { entities: ft.entities } : {}) } as Partial<Message>;
}

function captionFields(ft: FormattedText | undefined): Partial<Message> {
  if (!ft || ft.text === '') return {};
  return { caption: ft.text, ...(ft.entities.length ? { caption_entities: ft.entities } : {}) } as Partial<Message>;
}

/** An InputFile parameter: a multipart upload, attach://name, a known file_id or an http(s) URL. */
function inputFile(ctx: MethodContext, p: Params, field: string, kind: string): StoredFile {
  const direct = p.files.get(field);
  const value = p.str(field);
  let upload = direct;
  if (!upload && value?.startsWith('attach://')) {
    upload = p.files.get(value.slice('attach://'.length));
    if (!upload) throw badRequest(`there is no ${field} in the request`); // approximated
  }
  if (upload) {
    if (upload.bytes.length === 0) throw badRequest('file must be non-empty');
    return ctx.state.registerFile(kind, { bytes: upload.bytes, filename: upload.filename, mimeType: upload.contentType });
  }
  if (value === undefined || value === '') throw badRequest(`there is no ${field} in the request`);
  const known = ctx.state.files.get(value);
  if (known) return known;
  if (/^https?:\/\//i.test(value)) {
    const name = value.split(/[?#]/)[0]!.split('/').pop() || undefined;
    return ctx.state.registerFile(kind, { filename: name, size: 50_000 });
  }
  throw badRequest('wrong file identifier/HTTP URL specified');
}

function photoSizes(file: StoredFile): PhotoSize[] {
  return [
    { file_id: `${file.fileId}_s`, file_unique_id: `${file.fileUniqueId}s`, width: 90, height: 90, file_size: Math.min(file.size, 1500) },
    { file_id: file.fileId, file_unique_id: file.fileUniqueId, width: 800, height: 800, file_size: file.size },
  ];
}

function requireLanguageCode(p: Params): string {
  const lang = p.str('language_code') ?? '';
  if (lang !== '' && !/^[a-z]{2}$/i.test(lang)) throw badRequest('invalid language code specified'); // approximated
  return lang.toLowerCase();
}

/** Methods that post something into a chat (what "blocked" and "can't initiate" apply to). */
function sendMediaMessage(ctx: MethodContext, p: Params, field: 'photo' | 'document'): Message {
  const markup = markupOf(ctx, p);
  const chat = ctx.state.requireChat(p);
  const caption = p.has('caption') ? format(ctx, p.str('caption')!, p, 'caption') : undefined;
  ctx.state.checkCanSend(chat);
  const file = inputFile(ctx, p, field, field);
  const reply = replyTo(ctx, chat, p);
  const media: Partial<Message> =
    field === 'photo'
      ? ({ photo: photoSizes(file), ...(p.bool('has_spoiler') ? { has_media_spoiler: true } : {}) } as Partial<Message>)
      : ({
          document: {
            file_id: file.fileId,
            file_unique_id: file.fileUniqueId,
            file_size: file.size,
            ...(file.filename ? { file_name: file.filename } : {}),
            ...(file.mimeType ? { mime_type: file.mimeType } : {}),
          },
        } as Partial<Message>);
  return botMessage(ctx, chat, { ...media, ...captionFields(caption), ...(reply ? { reply_to_message: reply } : {}) } as Partial<Message>, {
    source: caption?.source,
    parseMode: caption?.parseMode,
    markup: applyMarkup(chat, markup),
  });
}

/** The message an edit method targets; inline_message_id edits are not emulated. */
function editTarget(ctx: MethodContext, p: Params): StoredMessage {
  if (p.has('inline_message_id')) throw badRequest('MESSAGE_ID_INVALID'); // inline messages are not emulated
  const chat = ctx.state.requireChat(p);
  const messageId = p.int('message_id');
  if (messageId === undefined) throw badRequest('message identifier is not specified'); // approximated
  const stored = ctx.state.findMessage(chat, messageId);
  if (!stored) throw badRequest('message to edit not found');
  if (!stored.fromBot) throw badRequest("message can't be edited");
  return stored;
}

const NOT_MODIFIED = 'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

function contentKey(text: string, entities: MessageEntity[]): string {
  return stableStringify([text, entities]);
}

function applyEdit(ctx: MethodContext, stored: StoredMessage, fields: Partial<Message>, markup: StoredMarkup | undefined, source?: string, parseMode?: string): Message {
  const m = stored.message as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) delete m[k];
    else m[k] = v;
  }
  const inline = markup?.kind === 'inline' && markup.rows.length > 0 ? markup : undefined;
  stored.markup = inline;
  if (inline) m.reply_markup = { inline_keyboard: inline.rows };
  else delete m.reply_markup;
  if (source !== undefined) {
    stored.source = source;
    stored.parseMode = parseMode;
  }
  m.edit_date = ctx.state.now();
  return ctx.state.messageObject(stored);
}

function canDelete(ctx: MethodContext, chat: ChatState, m: StoredMessage): string | undefined {
  const age = ctx.state.now() - m.date;
  if (chat.type === 'private') {
    return age > DELETE_WINDOW_SECONDS ? "message can't be deleted for everyone" : undefined;
  }
  if (chat.botIsAdmin) return undefined;
  if (!m.fromBot) return "message can't be deleted";
  return age > DELETE_WINDOW_SECONDS ? "message can't be deleted for everyone" : undefined;
}

const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

function validateCommands(raw: unknown): BotCommand[] {
  if (!Array.isArray(raw)) throw badRequest("can't parse commands JSON object"); // approximated
  if (raw.length > 100) throw badRequest('too many commands specified'); // approximated
  return raw.map((c) => {
    if (typeof c !== 'object' || c === null) throw badRequest("can't parse BotCommand: expected an Object"); // approximated
    const { command, description } = c as Record<string, unknown>;
    if (typeof command !== 'string') throw badRequest(`can't parse BotCommand: Can't find field "command"`);
    if (typeof description !== 'string') throw badRequest(`can't parse BotCommand: Can't find field "description"`);
    const name = command.startsWith('/') ? command.slice(1) : command;
    if (!/^[a-z0-9_]{1,32}$/.test(name)) throw badRequest('BOT_COMMAND_INVALID');
    if (description.trim().length === 0 || description.length > 256) throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID'); // approximated
    return { command: name, description };
  });
}

function validateInlineResults(ctx: MethodContext, raw: unknown): unknown[] {
  if (!Array.isArray(raw)) throw badRequest("can't parse JSON encoded inline query results"); // approximated
  if (raw.length > 50) throw badRequest('RESULTS_TOO_MUCH');
  const ids = new Set<string>();
  for (const r of raw) {
    if (typeof r !== 'object' || r === null) throw badRequest("can't parse InlineQueryResult: expected an Object"); // approximated
    const res = r as Record<string, unknown>;
    if (typeof res.type !== 'string') throw badRequest(`can't parse InlineQueryResult: Can't find field "type"`);
    if (typeof res.id !== 'string' && typeof res.id !== 'number') throw badRequest(`can't parse InlineQueryResult: Can't find field "id"`);
    const id = String(res.id);
    if (id.length === 0 || Buffer.byteLength(id, 'utf8') > 64) throw badRequest('RESULT_ID_INVALID');
    if (ids.has(id)) throw badRequest('RESULT_ID_DUPLICATE');
    ids.add(id);
    if (res.type === 'article') {
      if (typeof res.title !== 'string') throw badRequest(`can't parse InlineQueryResult: Can't find field "title"`);
      if (typeof res.input_message_content !== 'object' || res.input_message_content === null) {
        throw badRequest(`can't parse InlineQueryResult: Can't find field "input_message_content"`);
      }
    }
    const content = res.input_message_content as Record<string, unknown> | undefined;
    if (content && 'message_text' in content) {
      const text = typeof content.message_text === 'string' ? content.message_text : '';
      if (text === '') throw badRequest('message text is empty');
      const p = { str: (k: string) => (k === 'parse_mode' ? (content.parse_mode as string | undefined) : undefined), json: () => content.entities };
      format(ctx, text, p as unknown as Params, 'text');
    }
    if (res.reply_markup !== undefined) parseReplyMarkup(res.reply_markup, { strict: ctx.strict, inlineOnly: true });
  }
  return raw;
}

export const METHODS: Record<string, MethodHandler> = {
  getMe: (ctx) => ctx.botInfo,

  logOut: () => true,
  close: () => true,

  getUpdates: (ctx, p) => {
    const allowed = p.json('allowed_updates', "can't parse allowed updates JSON object");
    return ctx.queue.getUpdates(
      {
        offset: p.int('offset'),
        limit: p.int('limit'),
        timeout: p.int('timeout'),
        allowedUpdates: Array.isArray(allowed) ? (allowed as string[]) : undefined,
      },
      ctx.onClose,
    );
  },

  setWebhook: (ctx, p) => {
    const url = p.str('url') ?? '';
    const secret = p.str('secret_token');
    if (secret !== undefined && secret !== '' && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
      throw badRequest('secret token contains unallowed characters');
    }
    const maxConnections = p.int('max_connections') ?? 40;
    if (maxConnections < 1 || maxConnections > 100) throw badRequest('bad webhook: max_connections must be between 1 and 100'); // approximated
    const allowed = p.json('allowed_updates', "can't parse allowed updates JSON object");
    if (url === '') {
      ctx.queue.deleteWebhook(p.bool('drop_pending_updates'));
      return true;
    }
    // Real Telegram also insists on HTTPS and ports 443/80/88/8443; loopback http is allowed here
    // because the bot under test listens on 127.0.0.1.
    if (!/^https?:\/\//i.test(url)) throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
    ctx.queue.setWebhook({
      url,
      secretToken: secret || undefined,
      maxConnections,
      allowedUpdates: Array.isArray(allowed) ? (allowed as string[]) : undefined,
      dropPending: p.bool('drop_pending_updates'),
    });
    return true;
  },

  deleteWebhook: (ctx, p) => {
    ctx.queue.deleteWebhook(p.bool('drop_pending_updates'));
    return true;
  },

  getWebhookInfo: (ctx) => ctx.queue.webhookInfo(),

  sendMessage: (ctx, p) => {
    const text = p.str('text');
    if (text === undefined || text === '') throw badRequest('message text is empty');
    const markup = markupOf(ctx, p);
    const chat = ctx.state.requireChat(p);
    const ft = format(ctx, text, p, 'text');
    ctx.state.checkCanSend(chat);
    const reply = replyTo(ctx, chat, p);
    const preview = p.json('link_preview_options', "can't parse link preview options JSON object");
    return botMessage(
      ctx,
      chat,
      {
        ...textFields(ft),
        ...(reply ? { reply_to_message: reply } : {}),
        ...(typeof preview === 'object' && preview !== null ? { link_preview_options: preview } : {}),
      } as Partial<Message>,
      { source: text, parseMode: ft.parseMode, markup: applyMarkup(chat, markup) },
    );
  },

  sendPhoto: (ctx, p) => sendMediaMessage(ctx, p, 'photo'),
  sendDocument: (ctx, p) => sendMediaMessage(ctx, p, 'document'),

  sendChatAction: (ctx, p) => {
    const chat = ctx.state.requireChat(p);
    const action = p.str('action') ?? '';
    if (!CHAT_ACTIONS.has(action)) throw badRequest('wrong parameter action in request');
    ctx.state.checkCanSend(chat);
    chat.lastChatAction = { action, at: ctx.state.now() };
    return true;
  },

  editMessageText: (ctx, p) => {
    const text = p.str('text');
    if (text === undefined || text === '') throw badRequest('message text is empty');
    const markup = markupOf(ctx, p, true);
    const ft = format(ctx, text, p, 'text');
    const stored = editTarget(ctx, p);
    if (stored.message.text === undefined) throw badRequest('there is no text in the message to edit');
    const same = contentKey(ft.text, ft.entities) === contentKey(displayText(stored.message), displayEntities(stored.message)) && markupKey(markup) === markupKey(stored.markup);
    if (same) throw badRequest(NOT_MODIFIED);
    return applyEdit(ctx, stored, { text: ft.text, entities: ft.entities.length ? ft.entities : undefined }, markup, text, ft.parseMode);
  },

  editMessageCaption: (ctx, p) => {
    const markup = markupOf(ctx, p, true);
    const caption = format(ctx, p.str('caption') ?? '', p, 'caption');
    const stored = editTarget(ctx, p);
    if (stored.message.text !== undefined) throw badRequest('there is no caption in the message to edit');
    const same = contentKey(caption.text, caption.entities) === contentKey(displayText(stored.message), displayEntities(stored.message)) && markupKey(markup) === markupKey(stored.markup);
    if (same) throw badRequest(NOT_MODIFIED);
    return applyEdit(ctx, stored, { caption: caption.text || undefined, caption_entities: caption.entities.length ? caption.entities : undefined }, markup, caption.source, caption.parseMode);
  },

  editMessageReplyMarkup: (ctx, p) => {
    const markup = markupOf(ctx, p, true);
    const stored = editTarget(ctx, p);
    if (markupKey(markup) === markupKey(stored.markup)) throw badRequest(NOT_MODIFIED);
    return applyEdit(ctx, stored, {}, markup);
  },

  deleteMessage: (ctx, p) => {
    const chat = ctx.state.requireChat(p);
    const stored = ctx.state.findMessage(chat, p.int('message_id'));
    if (!stored) throw badRequest('message to delete not found');
    const refusal = canDelete(ctx, chat, stored);
    if (refusal) throw badRequest(refusal);
    stored.deleted = true;
    return true;
  },

  deleteMessages: (ctx, p) => {
    const chat = ctx.state.requireChat(p);
    const ids = p.json('message_ids', "can't parse message identifiers JSON object");
    if (!Array.isArray(ids) || ids.length === 0) throw badRequest('message identifiers are not specified'); // approximated
    if (ids.length > 100) throw badRequest('too many message identifiers specified'); // approximated
    // Telegram skips messages it cannot find; it answers true either way.
    for (const id of ids) {
      const stored = ctx.state.findMessage(chat, Number(id));
      if (!stored) continue;
      const refusal = canDelete(ctx, chat, stored);
      if (refusal) ctx.warn(`deleteMessages skipped message ${String(id)} in chat ${chat.id}: ${refusal}`);
      else stored.deleted = true;
    }
    return true;
  },

  answerCallbackQuery: (ctx, p) => {
    const text = p.str('text');
    if (text !== undefined && text.length > 200) throw badRequest('MESSAGE_TOO_LONG');
    const q = ctx.state.callbacks.get(p.str('callback_query_id') ?? '');
    if (!q || q.answered || ctx.state.now() - q.createdAt > CALLBACK_QUERY_TTL_SECONDS) {
      throw badRequest('query is too old and response timeout expired or query ID is invalid');
    }
    const url = p.str('url');
    if (url !== undefined && url !== '' && !/^(https?:\/\/)?t\.me\//i.test(url)) throw badRequest('URL_INVALID');
    q.answered = true;
    q.answer = {
      ...(text !== undefined ? { text } : {}),
      ...(p.has('show_alert') ? { show_alert: p.bool('show_alert') } : {}),
      ...(url ? { url } : {}),
      ...(p.has('cache_time') ? { cache_time: p.int('cache_time') } : {}),
    };
    return true;
  },

  answerInlineQuery: (ctx, p) => {
    const results = validateInlineResults(ctx, p.json('results', "can't parse JSON encoded inline query results"));
    const nextOffset = p.str('next_offset');
    if (nextOffset !== undefined && Buffer.byteLength(nextOffset, 'utf8') > 64) throw badRequest('NEXT_OFFSET_INVALID'); // approximated
    const q = ctx.state.inlineQueries.get(p.str('inline_query_id') ?? '');
    if (!q || q.answered) throw badRequest('query is too old and response timeout expired or query ID is invalid');
    q.answered = true;
    q.answer = {
      results,
      ...(p.has('is_personal') ? { is_personal: p.bool('is_personal') } : {}),
      ...(p.has('cache_time') ? { cache_time: p.int('cache_time') } : {}),
      ...(nextOffset !== undefined ? { next_offset: nextOffset } : {}),
      ...(p.has('button') ? { button: p.json('button', "can't parse inline query results button JSON object") } : {}),
    };
    return true;
  },

  setMyCommands: (ctx, p) => {
    const commands = validateCommands(p.json('commands', "can't parse commands JSON object"));
    const key = ctx.state.commandsKey(p.json('scope', "can't parse BotCommandScope JSON object"), requireLanguageCode(p));
    if (commands.length === 0) ctx.state.commands.delete(key);
    else ctx.state.commands.set(key, commands);
    return true;
  },

  getMyCommands: (ctx, p) => {
    const key = ctx.state.commandsKey(p.json('scope', "can't parse BotCommandScope JSON object"), requireLanguageCode(p));
    return ctx.state.commands.get(key) ?? [];
  },

  deleteMyCommands: (ctx, p) => {
    ctx.state.commands.delete(ctx.state.commandsKey(p.json('scope', "can't parse BotCommandScope JSON object"), requireLanguageCode(p)));
    return true;
  },

  setMyDescription: (ctx, p) => {
    const d = p.str('description') ?? '';
    if (d.length > 512) throw badRequest('description is too long'); // approximated
    const lang = requireLanguageCode(p);
    if (d === '') ctx.state.descriptions.delete(lang);
    else ctx.state.descriptions.set(lang, d);
    return true;
  },

  getMyDescription: (ctx, p) => ({ description: ctx.state.descriptions.get(requireLanguageCode(p)) ?? '' }),

  setMyShortDescription: (ctx, p) => {
    const d = p.str('short_description') ?? '';
    if (d.length > 120) throw badRequest('short description is too long'); // approximated
    const lang = requireLanguageCode(p);
    if (d === '') ctx.state.shortDescriptions.delete(lang);
    else ctx.state.shortDescriptions.set(lang, d);
    return true;
  },

  getMyShortDescription: (ctx, p) => ({ short_description: ctx.state.shortDescriptions.get(requireLanguageCode(p)) ?? '' }),

  getChat: (ctx, p) => {
    const chat = ctx.state.requireChat(p);
    return { ...chat.chat, accent_color_id: 0, max_reaction_count: 11 };
  },

  getFile: (ctx, p) => {
    const file = ctx.state.files.get(p.str('file_id') ?? '');
    if (!file) throw badRequest('invalid file_id');
    return { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.size, file_path: file.path };
  },
};

/** Lower-case name → canonical name: Telegram matches method names case-insensitively. */
export const METHOD_NAMES = new Map(Object.keys(METHODS).map((m) => [m.toLowerCase(), m]));

/** Methods the random faults of setFaults() apply to (everything that changes what people see). */
export function isSendingMethod(method: string): boolean {
  return /^(send|edit|copy|forward|answer|pin|unpin|setMessageReaction|deleteMessages?$)/.test(method);
}
