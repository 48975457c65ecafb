/**
 * Everything the emulated Telegram remembers: users, chats, the messages in each chat (the bot's
 * and the person's, sharing one message-id sequence per chat like real private chats), uploaded
 * files, open callback/inline queries, bot settings, and a clock tests can move forward
 * (48-hour delete rule, 15-minute callback expiry).
 */
import type { BotCommand, Chat, Message, MessageEntity, User } from 'grammy/types';
import { badRequest, forbidden } from './api-error.ts';
import type { Params } from './http-params.ts';
import type { StoredMarkup } from './keyboard-validation.ts';

export type ChatType = 'private' | 'group' | 'supergroup';

export interface ChatState {
  id: number;
  type: ChatType;
  chat: Chat;
  /** private chats: the person; groups: members by id */
  userId?: number;
  members: Set<number>;
  /** the person blocked the bot (private chats) */
  blocked: boolean;
  /** the person has written to the bot at least once (bots cannot start conversations) */
  started: boolean;
  botIsAdmin: boolean;
  /** with privacy mode on, group messages reach the bot only when they are commands or replies to it */
  privacyMode: boolean;
  nextMessageId: number;
  messages: StoredMessage[];
  /** the reply keyboard currently shown under the input field, if any */
  replyKeyboard?: Extract<StoredMarkup, { kind: 'reply' }>;
  lastChatAction?: { action: string; at: number };
}

export interface StoredMessage {
  chatId: number;
  messageId: number;
  fromBot: boolean;
  date: number;
  /** The Message object Telegram returns/delivers, kept current on edits. */
  message: Message;
  /** What the bot sent as text/caption (with tags when parse_mode was HTML). */
  source?: string;
  parseMode?: string;
  /** Inline keyboard attached to the message. */
  markup?: Extract<StoredMarkup, { kind: 'inline' }>;
  deleted: boolean;
}

export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  kind: string;
  size: number;
  bytes?: Buffer;
  filename?: string;
  mimeType?: string;
  path: string;
}

export interface CallbackRecord {
  id: string;
  userId: number;
  chatId: number;
  messageId?: number;
  data?: string;
  createdAt: number;
  answered: boolean;
  answer?: { text?: string; show_alert?: boolean; url?: string; cache_time?: number };
}

export interface InlineQueryRecord {
  id: string;
  userId: number;
  query: string;
  createdAt: number;
  answered: boolean;
  answer?: { results: unknown[]; is_personal?: boolean; cache_time?: number; next_offset?: string; button?: unknown };
}

export const DELETE_WINDOW_SECONDS = 48 * 3600;
export const CALLBACK_QUERY_TTL_SECONDS = 15 * 60;

export class EmulatorState {
  readonly users = new Map<number, User>();
  readonly chats = new Map<number, ChatState>();
  readonly files = new Map<string, StoredFile>();
  readonly callbacks = new Map<string, CallbackRecord>();
  readonly inlineQueries = new Map<string, InlineQueryRecord>();
  readonly commands = new Map<string, BotCommand[]>();
  readonly descriptions = new Map<string, string>();
  readonly shortDescriptions = new Map<string, string>();
  private clockOffset = 0;
  private fileCounter = 0;
  private queryCounter = 0;

  constructor(readonly bot: User & { username: string }) {}

  /** Telegram time in Unix seconds (real time plus whatever advanceClock added). */
  now(): number {
    return Math.floor(Date.now() / 1000) + this.clockOffset;
  }

  advanceClock(seconds: number): void {
    this.clockOffset += seconds;
  }

  nextQueryId(): string {
    // Telegram's query ids are long decimal strings.
    return String(4_380_000_000_000_000n + BigInt(++this.queryCounter));
  }

  /** Resolves chat_id (number, numeric string or @username) or fails like the Bot API. */
  requireChat(p: Params, field = 'chat_id'): ChatState {
    const raw = p.str(field);
    if (raw === undefined || raw === '') throw badRequest('chat_id is empty');
    const chat = this.findChat(raw);
    if (!chat) throw badRequest('chat not found');
    return chat;
  }

  findChat(raw: string | number): ChatState | undefined {
    if (typeof raw === 'number') return this.chats.get(raw);
    if (/^-?\d+$/.test(raw.trim())) return this.chats.get(Number(raw));
    if (raw.startsWith('@')) {
      // Only public groups/channels resolve by username; private chats never do.
      const name = raw.slice(1).toLowerCase();
      for (const c of this.chats.values()) {
        if (c.type !== 'private' && 'username' in c.chat && c.chat.username?.toLowerCase() === name) return c;
      }
    }
    return undefined;
  }

  /** The rules for the bot writing into a chat (403s a bot meets in real life). */
  checkCanSend(chat: ChatState): void {
    if (chat.type !== 'private') return;
    if (chat.blocked) throw forbidden('bot was blocked by the user');
    if (!chat.started) throw forbidden("bot can't initiate conversation with a user");
  }

  findMessage(chat: ChatState, messageId: number | undefined): StoredMessage | undefined {
    if (messageId === undefined || Number.isNaN(messageId)) return undefined;
    return chat.messages.find((m) => m.messageId === messageId && !m.deleted);
  }

  addMessage(chat: ChatState, fromBot: boolean, from: User, fields: Partial<Message>, extra: Partial<StoredMessage> = {}): StoredMessage {
    const messageId = chat.nextMessageId++;
    const date = this.now();
    const message = { message_id: messageId, from, chat: chat.chat, date, ...fields } as Message;
    const stored: StoredMessage = { chatId: chat.id, messageId, fromBot, date, message, deleted: false, ...extra };
    chat.messages.push(stored);
    return stored;
  }

  /** Deep copy so that later edits don't change objects already handed out. */
  messageObject(stored: StoredMessage): Message {
    return structuredClone(stored.message);
  }

  registerFile(kind: string, opts: { bytes?: Buffer; filename?: string; mimeType?: string; size?: number; fileId?: string }): StoredFile {
    const n = ++this.fileCounter;
    const prefix = kind === 'photo' ? 'AgACAgIAAxk' : 'BQACAgIAAxk';
    const fileId = opts.fileId ?? `${prefix}${String(n).padStart(6, '0')}EmulatorFile${n}`;
    const ext = opts.filename?.includes('.') ? opts.filename.slice(opts.filename.lastIndexOf('.')) : kind === 'photo' ? '.jpg' : '';
    const file: StoredFile = {
      fileId,
      fileUniqueId: `AQAD${n}emu`,
      kind,
      size: opts.bytes?.length ?? opts.size ?? 1024,
      bytes: opts.bytes,
      filename: opts.filename,
      mimeType: opts.mimeType,
      path: `${kind === 'photo' ? 'photos' : 'documents'}/file_${n}${ext}`,
    };
    this.files.set(fileId, file);
    return file;
  }

  /** Remembers file ids found in a message a person sent, so the bot may re-send them. */
  registerFilesIn(value: unknown): void {
    if (Array.isArray(value)) {
      for (const v of value) this.registerFilesIn(v);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const obj = value as Record<string, unknown>;
    if (typeof obj.file_id === 'string' && !this.files.has(obj.file_id)) {
      this.registerFile('document', { fileId: obj.file_id, size: typeof obj.file_size === 'number' ? obj.file_size : 1024 });
    }
    for (const v of Object.values(obj)) if (typeof v === 'object') this.registerFilesIn(v);
  }

  commandsKey(scope: unknown, languageCode: string | undefined): string {
    const s = (scope ?? { type: 'default' }) as Record<string, unknown>;
    return JSON.stringify([s.type ?? 'default', s.chat_id ?? null, s.user_id ?? null, languageCode ?? '']);
  }
}

export function displayText(m: Message): string {
  return m.text ?? m.caption ?? '';
}

export function displayEntities(m: Message): MessageEntity[] {
  return m.entities ?? m.caption_entities ?? [];
}
