/**
 * The person on the other side of the chat. Tests read like a person using Telegram:
 *
 *   const ana = emulator.user({ id: 1001, first_name: 'Ana', language_code: 'es' });
 *   await ana.send('/start');
 *   expect(ana.screen().text).toContain('Hola');
 *   await ana.tap('Help');
 *
 * Every action builds the update a Telegram client would cause, queues it, and resolves once the
 * bot's reaction settled (see BotApiEmulator.settle). If the bot never reacts, the action fails
 * after `timeoutMs` with a description of what the chat shows.
 */
import type { InlineKeyboardButton, Message, MessageEntity, User } from 'grammy/types';
import type { ActionResult, BotApiEmulator } from './bot-api-emulator.ts';
import { displayEntities, displayText, type CallbackRecord, type ChatState, type InlineQueryRecord, type StoredMessage } from './emulator-state.ts';
import type { ReplyButton } from './keyboard-validation.ts';
import { detectBotCommands } from './message-text.ts';

export interface TestUserInfo {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  is_premium?: true;
  /** The person already talked to the bot before the test (otherwise the bot cannot write first). */
  started?: boolean;
}

export interface ActionOptions {
  /** Wait for the bot to call the API for this chat (default true for messages and taps). */
  expectReply?: boolean;
  timeoutMs?: number;
  settleMs?: number;
}

export interface ButtonView {
  text: string;
  callback_data?: string;
  url?: string;
  [k: string]: unknown;
}

export interface MessageView {
  messageId: number;
  from: 'user' | 'bot';
  fromId: number;
  /** Plain text (or caption) after entity parsing, as the person sees it. */
  text: string;
  /** What the bot sent as text/caption, tags included (bot messages only). */
  html?: string;
  entities: MessageEntity[];
  buttons: ButtonView[][];
  photo?: boolean;
  document?: { file_name?: string; mime_type?: string };
  edited: boolean;
  date: number;
  message: Message;
}

export type ScreenView = MessageView;

export interface TapResult extends ActionResult {
  /** The bot called answerCallbackQuery for this tap. */
  answered: boolean;
  answer?: { text?: string; show_alert?: boolean; url?: string };
  /** For URL / login / web app buttons: the link the client opens (no update is sent). */
  openedUrl?: string;
  /** For copy_text buttons: what was copied (no update is sent). */
  copiedText?: string;
}

export interface InlineQueryResult extends ActionResult {
  results: unknown[];
  is_personal?: boolean;
  cache_time?: number;
  next_offset?: string;
  button?: unknown;
}

function buttonViews(rows: InlineKeyboardButton[][]): ButtonView[][] {
  return rows.map((r) => r.map((b) => ({ ...(b as unknown as ButtonView) })));
}

export function messageView(m: StoredMessage): MessageView {
  const msg = m.message;
  return {
    messageId: m.messageId,
    from: m.fromBot ? 'bot' : 'user',
    fromId: msg.from?.id ?? 0,
    text: displayText(msg),
    ...(m.fromBot ? { html: m.source ?? displayText(msg) } : {}),
    entities: displayEntities(msg),
    buttons: m.markup ? buttonViews(m.markup.rows) : [],
    ...(msg.photo ? { photo: true } : {}),
    ...(msg.document ? { document: { file_name: msg.document.file_name, mime_type: msg.document.mime_type } } : {}),
    edited: msg.edit_date !== undefined,
    date: m.date,
    message: structuredClone(msg),
  };
}

/** A readable dump of a chat, used in failure messages. */
export function transcript(chat: ChatState, botId: number, indent = ''): string {
  return chat.messages
    .filter((m) => !m.deleted)
    .slice(-12)
    .map((m) => {
      const who = m.fromBot || m.message.from?.id === botId ? 'bot ' : 'user';
      const media = m.message.photo ? '[photo] ' : m.message.document ? '[document] ' : '';
      const text = displayText(m.message) || (m.message.contact ? '[contact]' : m.message.location ? '[location]' : '[no text]');
      const buttons = m.markup ? `  {${m.markup.rows.map((r) => r.map((b) => `[${b.text}]`).join(' ')).join(' / ')}}` : '';
      return `${indent}#${m.messageId} ${who}: ${media}${text.replace(/\n/g, '⏎ ').slice(0, 200)}${buttons}`;
    })
    .join('\n');
}

export class TestUser {
  constructor(
    private readonly emulator: BotApiEmulator,
    readonly info: User,
    /** The chat this person acts in: their private chat, or a group (see TestGroup.as). */
    readonly chatId: number,
  ) {}

  get id(): number {
    return this.info.id;
  }

  private get chat(): ChatState {
    return this.emulator.state.chats.get(this.chatId)!;
  }

  private get state() {
    return this.emulator.state;
  }

  // ── sending ───────────────────────────────────────────────────────────────────────────────

  /** Types and sends a text; /commands get bot_command entities like a real client adds. */
  async send(text: string, opts?: ActionOptions): Promise<ActionResult> {
    const entities = detectBotCommands(text);
    return this.sendMessage({ text, ...(entities.length ? { entities } : {}) } as Partial<Message>, `send ${JSON.stringify(text)}`, opts);
  }

  /** Shares a phone number (as with a request_contact button or the attachment menu). */
  async sendContact(phoneNumber: string, firstName = this.info.first_name, opts?: ActionOptions): Promise<ActionResult> {
    return this.sendMessage({ contact: { phone_number: phoneNumber, first_name: firstName, user_id: this.info.id } } as Partial<Message>, `sendContact ${phoneNumber}`, opts);
  }

  async sendLocation(latitude: number, longitude: number, opts?: ActionOptions): Promise<ActionResult> {
    return this.sendMessage({ location: { latitude, longitude } } as Partial<Message>, `sendLocation ${latitude},${longitude}`, opts);
  }

  /**
   * Any other message content: voice, photo, sticker, document, video, dice, venue, … Loosely typed
   * on purpose: tests also send fields newer than the installed Bot API types.
   */
  async sendRaw(partial: Partial<Message> | Record<string, unknown>, opts?: ActionOptions): Promise<ActionResult> {
    return this.sendMessage(partial as Partial<Message>, `sendRaw ${Object.keys(partial).join(',')}`, opts);
  }

  /** Replies (swipe-reply) to a message in the chat. */
  async reply(messageId: number, text: string, opts?: ActionOptions): Promise<ActionResult> {
    const target = this.state.findMessage(this.chat, messageId);
    if (!target) throw new Error(`reply(): message #${messageId} is not visible in chat ${this.chatId}`);
    const entities = detectBotCommands(text);
    return this.sendMessage(
      { text, ...(entities.length ? { entities } : {}), reply_to_message: this.state.messageObject(target) } as Partial<Message>,
      `reply to #${messageId} ${JSON.stringify(text)}`,
      opts,
    );
  }

  private async sendMessage(fields: Partial<Message>, label: string, opts?: ActionOptions): Promise<ActionResult> {
    const chat = this.chat;
    this.assertMember(chat);
    if (chat.type === 'private') {
      // A Telegram client offers only "Unblock"/"Restart" while the bot is blocked.
      if (chat.blocked) throw new Error(`${this.info.first_name} blocked the bot; call unblock() before sending`);
      chat.started = true;
    }
    const stored = this.state.addMessage(chat, false, this.info, fields);
    this.state.registerFilesIn(fields);
    this.hideOneTimeKeyboard(fields);
    const dropped = this.privacyFilter(chat, stored.message);
    return this.dispatch({ message: this.state.messageObject(stored) }, label, { expectReply: true, ...opts }, dropped);
  }

  /** Edits one of this person's own messages (an edited_message update). */
  async edit(messageId: number, text: string, opts?: ActionOptions): Promise<ActionResult> {
    const stored = this.state.findMessage(this.chat, messageId);
    if (!stored || stored.fromBot || stored.message.from?.id !== this.info.id) {
      throw new Error(`edit(): message #${messageId} is not a visible message of ${this.info.first_name} in chat ${this.chatId}`);
    }
    const entities = detectBotCommands(text);
    const m = stored.message as unknown as Record<string, unknown>;
    m.text = text;
    if (entities.length) m.entities = entities;
    else delete m.entities;
    m.edit_date = this.state.now();
    return this.dispatch({ edited_message: this.state.messageObject(stored) }, `edit #${messageId} → ${JSON.stringify(text)}`, {
      expectReply: false,
      ...opts,
    });
  }

  // ── buttons ───────────────────────────────────────────────────────────────────────────────

  /**
   * Taps the button labelled `label` (exact text first, else the only button containing it) on
   * the newest bot message with an inline keyboard; falls back to the reply keyboard.
   */
  async tap(label: string, opts?: ActionOptions): Promise<TapResult> {
    const target = this.newestKeyboardMessage();
    const inline = target ? target.markup!.rows.flat() : [];
    const pick = <T extends { text: string }>(buttons: T[]): T | undefined => {
      const exact = buttons.filter((b) => b.text === label);
      if (exact.length > 0) return exact[0];
      const partial = buttons.filter((b) => b.text.includes(label));
      if (partial.length > 1) {
        throw new Error(`tap(${JSON.stringify(label)}) is ambiguous: ${partial.map((b) => `[${b.text}]`).join(' ')}`);
      }
      return partial[0];
    };
    const button = pick(inline);
    if (button && target) return this.tapInline(target, button, opts);

    const reply = this.chat.replyKeyboard ? pick(this.chat.replyKeyboard.rows.flat()) : undefined;
    if (reply) return this.tapReply(reply, opts);

    const visible = target
      ? `Buttons on message #${target.messageId} (${JSON.stringify(displayText(target.message).slice(0, 80))}): ${target.markup!.rows.map((r) => r.map((b) => `[${b.text}]`).join(' ')).join(' / ')}`
      : 'No bot message in this chat has an inline keyboard.';
    const replyKb = this.chat.replyKeyboard ? `\nReply keyboard: ${this.chat.replyKeyboard.rows.map((r) => r.map((b) => `[${b.text}]`).join(' ')).join(' / ')}` : '';
    throw new Error(`tap(${JSON.stringify(label)}): no such button.\n${visible}${replyKb}\nThe chat shows:\n${transcript(this.chat, this.state.bot.id, '  ')}`);
  }

  /** Sends a callback query with arbitrary data (forged or stale buttons). */
  async tapData(data: string, messageId?: number, opts?: ActionOptions): Promise<TapResult> {
    const target =
      messageId !== undefined ? this.chat.messages.find((m) => m.messageId === messageId) : (this.newestKeyboardMessage() ?? [...this.chat.messages].reverse().find((m) => m.fromBot && !m.deleted));
    if (!target) throw new Error('tapData(): the chat has no bot message to attach the callback query to; pass a messageId');
    return this.sendCallback(target, data, `tapData ${JSON.stringify(data)} on #${target.messageId}`, opts);
  }

  private newestKeyboardMessage(): StoredMessage | undefined {
    return [...this.chat.messages].reverse().find((m) => m.fromBot && !m.deleted && m.markup?.rows.some((r) => r.length > 0));
  }

  private async tapInline(target: StoredMessage, button: InlineKeyboardButton, opts?: ActionOptions): Promise<TapResult> {
    const b = button as InlineKeyboardButton & Record<string, unknown>;
    const none: ActionResult = { updateIds: [], delivered: false, calls: [], rejections: [] };
    if (typeof b.callback_data === 'string') {
      return this.sendCallback(target, b.callback_data, `tap [${b.text}] (callback_data ${JSON.stringify(b.callback_data)})`, opts);
    }
    if (typeof b.url === 'string') return { ...none, answered: false, openedUrl: b.url };
    if (b.login_url || b.web_app) {
      const url = String(((b.login_url ?? b.web_app) as { url?: string }).url ?? '');
      return { ...none, answered: false, openedUrl: url };
    }
    if (b.copy_text) return { ...none, answered: false, copiedText: String((b.copy_text as { text?: string }).text ?? '') };
    throw new Error(
      `tap([${b.text}]): ${Object.keys(b)
        .filter((k) => k !== 'text')
        .join(', ')} buttons are not emulated; use inlineQuery() for switch_inline_query buttons`,
    );
  }

  private async tapReply(button: ReplyButton, opts?: ActionOptions): Promise<TapResult> {
    let result: ActionResult;
    if (button.request_contact) result = await this.sendContact(`+1555${String(this.info.id).padStart(7, '0').slice(-7)}`, this.info.first_name, opts);
    else if (button.request_location) result = await this.sendLocation(52.52, 13.405, opts);
    else result = await this.send(button.text, opts);
    return { ...result, answered: false };
  }

  private async sendCallback(target: StoredMessage, data: string, label: string, opts?: ActionOptions): Promise<TapResult> {
    const chat = this.chat;
    this.assertMember(chat);
    const id = this.state.nextQueryId();
    const record: CallbackRecord = { id, userId: this.info.id, chatId: chat.id, messageId: target.messageId, data, createdAt: this.state.now(), answered: false };
    this.state.callbacks.set(id, record);
    // Telegram sends an InaccessibleMessage (date 0) for messages the bot can no longer see.
    const message = target.deleted ? { chat: chat.chat, message_id: target.messageId, date: 0 } : this.state.messageObject(target);
    const result = await this.dispatch({ callback_query: { id, from: this.info, message, chat_instance: String(BigInt(chat.id) * 7919n + 104729n), data } }, label, {
      expectReply: true,
      ...opts,
    });
    return { ...result, answered: record.answered, ...(record.answer ? { answer: record.answer } : {}) };
  }

  // ── inline mode and other updates ─────────────────────────────────────────────────────────

  /** Types `@bot query` in any chat; resolves with what the bot answered via answerInlineQuery. */
  async inlineQuery(query: string, opts?: ActionOptions): Promise<InlineQueryResult> {
    const id = this.state.nextQueryId();
    const record: InlineQueryRecord = { id, userId: this.info.id, query, createdAt: this.state.now(), answered: false };
    this.state.inlineQueries.set(id, record);
    const sinceCall = this.emulator.calls.length;
    const update = this.emulator.queue.push({ inline_query: { id, from: this.info, query, offset: '', chat_type: 'sender' } }, this.info.id);
    const result = await this.emulator.settle({
      chatKey: this.info.id,
      updates: [update],
      sinceCall,
      requireCall: opts?.expectReply ?? true,
      label: `inlineQuery ${JSON.stringify(query)}`,
      until: () => record.answered || this.emulator.calls.slice(sinceCall).some((c) => c.method === 'answerInlineQuery' && c.ok !== undefined),
      timeoutMs: opts?.timeoutMs,
      settleMs: opts?.settleMs,
    });
    if (!record.answered && update.droppedReason === undefined && (opts?.expectReply ?? true)) {
      const rejected = result.rejections.find((r) => r.method === 'answerInlineQuery');
      throw new Error(`inlineQuery(${JSON.stringify(query)}): the bot's answer was rejected: ${rejected?.description ?? 'no answerInlineQuery call'}`);
    }
    return { ...result, results: record.answer?.results ?? [], ...(record.answer ?? {}) };
  }

  /** Any other update (message_reaction, my_chat_member, channel_post, future kinds…). */
  async sendUpdate(raw: Record<string, unknown>, opts?: ActionOptions): Promise<ActionResult> {
    return this.dispatch(
      raw,
      `sendUpdate ${Object.keys(raw)
        .filter((k) => k !== 'update_id')
        .join(',')}`,
      { expectReply: false, ...opts },
    );
  }

  /** The person blocks the bot: sends to this chat now fail with 403; the bot gets my_chat_member. */
  async block(opts?: ActionOptions): Promise<ActionResult> {
    const chat = this.privateChat();
    chat.blocked = true;
    return this.dispatchIn(chat, this.memberUpdate(chat, 'member', 'kicked'), 'block the bot', { expectReply: false, ...opts });
  }

  async unblock(opts?: ActionOptions): Promise<ActionResult> {
    const chat = this.privateChat();
    chat.blocked = false;
    return this.dispatchIn(chat, this.memberUpdate(chat, 'kicked', 'member'), 'unblock the bot', { expectReply: false, ...opts });
  }

  private memberUpdate(chat: ChatState, from: string, to: string): Record<string, unknown> {
    const bot = this.state.bot;
    return {
      my_chat_member: {
        chat: chat.chat,
        from: this.info,
        date: this.state.now(),
        old_chat_member: { user: bot, status: from, ...(from === 'kicked' ? { until_date: 0 } : {}) },
        new_chat_member: { user: bot, status: to, ...(to === 'kicked' ? { until_date: 0 } : {}) },
      },
    };
  }

  private privateChat(): ChatState {
    const chat = this.state.chats.get(this.info.id);
    if (!chat) throw new Error(`${this.info.first_name} has no private chat with the bot`);
    return chat;
  }

  // ── reading the screen ────────────────────────────────────────────────────────────────────

  /** The newest message from the bot in this chat. */
  screen(): ScreenView {
    const m = [...this.chat.messages].reverse().find((x) => x.fromBot && !x.deleted);
    if (!m) {
      throw new Error(`screen(): the bot has not sent any (undeleted) message in chat ${this.chatId}.\nThe chat shows:\n${transcript(this.chat, this.state.bot.id, '  ') || '  (nothing)'}`);
    }
    return messageView(m);
  }

  /** All messages still in the chat (the person's and the bot's), oldest first. */
  messages(): MessageView[] {
    return this.chat.messages.filter((m) => !m.deleted).map(messageView);
  }

  /** Number of this person's callback queries (taps) the bot never answered. */
  unansweredCallbacks(): number {
    return [...this.state.callbacks.values()].filter((c) => c.userId === this.info.id && !c.answered).length;
  }

  /** The reply keyboard currently shown under the input field, if any. */
  replyKeyboard(): string[][] | undefined {
    return this.chat.replyKeyboard?.rows.map((r) => r.map((b) => b.text));
  }

  /** The chat as text, for debugging. */
  transcript(): string {
    return transcript(this.chat, this.state.bot.id);
  }

  // ── plumbing ──────────────────────────────────────────────────────────────────────────────

  private assertMember(chat: ChatState): void {
    if (chat.type !== 'private' && !chat.members.has(this.info.id)) {
      throw new Error(`${this.info.first_name} (${this.info.id}) is not a member of group ${chat.id}; use group.addMember()`);
    }
  }

  /** One-time reply keyboards hide after the person used them. */
  private hideOneTimeKeyboard(fields: Partial<Message>): void {
    const kb = this.chat.replyKeyboard;
    if (kb?.oneTime && typeof fields.text === 'string' && kb.rows.flat().some((b) => b.text === fields.text)) {
      this.chat.replyKeyboard = undefined;
    }
  }

  /** Groups with privacy mode: only commands, replies to the bot and mentions reach the bot. */
  private privacyFilter(chat: ChatState, m: Message): string | undefined {
    if (chat.type === 'private' || !chat.privacyMode) return undefined;
    const text = m.text ?? m.caption ?? '';
    const botName = this.state.bot.username.toLowerCase();
    const command = /^\/[a-zA-Z0-9_]+(?:@([a-zA-Z0-9_]+))?/.exec(text);
    if (command && (!command[1] || command[1].toLowerCase() === botName)) return undefined;
    if (m.reply_to_message?.from?.id === this.state.bot.id) return undefined;
    if (text.toLowerCase().includes(`@${botName}`)) return undefined;
    return 'group privacy mode: the bot only receives commands, replies to its messages and mentions';
  }

  private dispatch(body: Record<string, unknown>, label: string, opts: ActionOptions, droppedReason?: string): Promise<ActionResult> {
    return this.dispatchIn(this.chat, body, label, opts, droppedReason);
  }

  private dispatchIn(chat: ChatState, body: Record<string, unknown>, label: string, opts: ActionOptions, droppedReason?: string): Promise<ActionResult> {
    const who = `${this.info.first_name} (${this.info.id}) in chat ${chat.id}`;
    if (droppedReason) {
      // Telegram would not create an update at all, so there is nothing to wait for.
      return Promise.resolve({ updateIds: [], delivered: false, droppedReason, calls: [], rejections: [] });
    }
    const sinceCall = this.emulator.calls.length;
    const update = this.emulator.queue.push(body, chat.id);
    return this.emulator.settle({
      chatKey: chat.id,
      updates: [update],
      sinceCall,
      requireCall: opts.expectReply ?? true,
      label: `${who}: ${label}`,
      timeoutMs: opts.timeoutMs,
      settleMs: opts.settleMs,
    });
  }
}

/** A group chat; members act with `group.as(user)`. */
export class TestGroup {
  constructor(
    private readonly emulator: BotApiEmulator,
    readonly id: number,
  ) {}

  private get chat(): ChatState {
    return this.emulator.state.chats.get(this.id)!;
  }

  addMember(user: TestUser | User): void {
    const info = user instanceof TestUser ? user.info : user;
    this.emulator.state.users.set(info.id, info);
    this.chat.members.add(info.id);
  }

  /** The given member, acting in this group. */
  as(user: TestUser | User): TestUser {
    const info = user instanceof TestUser ? user.info : user;
    if (!this.chat.members.has(info.id)) this.addMember(info);
    return new TestUser(this.emulator, info, this.id);
  }

  screen(): ScreenView {
    const m = [...this.chat.messages].reverse().find((x) => x.fromBot && !x.deleted);
    if (!m) throw new Error(`the bot has not sent any message in group ${this.id}`);
    return messageView(m);
  }

  messages(): MessageView[] {
    return this.chat.messages.filter((m) => !m.deleted).map(messageView);
  }

  transcript(): string {
    return transcript(this.chat, this.emulator.state.bot.id);
  }
}
