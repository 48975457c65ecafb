/**
 * A Telegram Bot API emulator for tests: a loopback HTTP server a real grammY bot talks to via
 * `new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } })`.
 *
 * It enforces Telegram's limits with Telegram's error descriptions (see api-methods.ts,
 * message-text.ts, keyboard-validation.ts, src/content/telegram-html-parse.ts), records every call and every
 * rejection, can inject faults (429 with retry_after, 5xx, dropped connections), and plays the
 * people on the other side through TestUser (test-user.ts): `await user.send('/start')`,
 * `await user.tap('Help')`, `user.screen().text`.
 *
 * "Settled": an action resolves once the update reached the bot, the bot made at least one call
 * for that chat, and then nothing for that chat was in flight for `settleMs` (150 ms by default).
 * A harness that runs the bot in this process can say when the bot finished each update
 * (`reportHandled`, after `expectHandledReports()`): then an action settles as soon as its updates
 * were handled and nothing for the chat is in flight, with no quiet time to guess.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update, User, UserFromGetMe } from 'grammy/types';
import { ApiError, tooManyRequests } from './api-error.ts';
import { isSendingMethod, METHOD_NAMES, METHODS, type MethodContext } from './api-methods.ts';
import { EmulatorState, type ChatState, type ChatType } from './emulator-state.ts';
import { Params, parseParams, readBody } from './http-params.ts';
import { TestGroup, TestUser, transcript, type TestUserInfo } from './test-user.ts';
import { UpdateQueue, type QueuedUpdate } from './update-queue.ts';

export interface BotApiEmulatorOptions {
  /** default "123456789:TEST-emulator_token_ABCDEFGHIJKLMNOPQRST" */
  token?: string;
  /** default "test_bot" */
  botUsername?: string;
  botName?: string;
  /** quiet time after the bot's last call before an action counts as settled (ms, default 150) */
  settleMs?: number;
  /** how long an action waits for the bot before failing with a description of the chat (ms, default 5000) */
  timeoutMs?: number;
  /**
   * Also reject what Telegram accepts but mangles (default true): `&nbsp;`-style entities shown
   * literally, `<a href>` links Telegram would drop, buttons with two actions.
   */
  strict?: boolean;
  /** extra quiet time after an injected 5xx/drop, for the client's retry backoff (ms, default 3500) */
  faultGraceMs?: number;
  /** delay before a failed webhook delivery is retried (ms, default 300) */
  webhookRetryMs?: number;
}

export interface CallRecord {
  seq: number;
  /** Position in `calls` (what an action's `sinceCall` counts). */
  index?: number;
  method: string;
  params: Record<string, unknown>;
  /** chat the call concerns (chat_id, or the chat of the callback/inline query) */
  chatKey?: number;
  startedAt: number;
  endedAt?: number;
  ok?: boolean;
  errorCode?: number;
  description?: string;
  result?: unknown;
  /** set when an injected fault answered instead of the method */
  fault?: '429' | '500' | '502' | 'drop';
  via: 'http' | 'webhook-reply';
}

export interface Rejection {
  method: string;
  description: string;
  errorCode: number;
  params: Record<string, unknown>;
  chatKey?: number;
}

export interface EmulatorWarning {
  method: string;
  message: string;
  params: Record<string, unknown>;
}

export type Fault = { code: 429; retryAfter?: number } | { code: 500 | 502 } | { drop: true };

export interface FaultRates {
  rate429?: number;
  rate5xx?: number;
  rateDrop?: number;
  /** retry_after for random 429s (seconds, default 1) */
  retryAfter?: number;
  /** seed of the random generator, so a flaky run can be replayed */
  seed?: number;
}

export interface ActionResult {
  updateIds: number[];
  /** false when Telegram would not have delivered the update (allowed_updates, privacy mode) */
  delivered: boolean;
  droppedReason?: string;
  /** calls the bot made for this chat while the action settled */
  calls: CallRecord[];
  rejections: Rejection[];
}

export interface SettleSpec {
  chatKey: number;
  updates: QueuedUpdate[];
  sinceCall: number;
  requireCall: boolean;
  label: string;
  until?: () => boolean;
  timeoutMs?: number;
  settleMs?: number;
}

interface Activity {
  inflight: number;
  last: number;
  quietUntil: number;
}

const DEFAULT_TOKEN = '123456789:TEST-emulator_token_ABCDEFGHIJKLMNOPQRST';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Small seeded PRNG (mulberry32) so random faults are reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class BotApiEmulator {
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  /** Every request, in arrival order (getUpdates included). */
  readonly calls: CallRecord[] = [];
  private readonly callsByChat = new Map<number, CallRecord[]>();
  /** Every request answered with an error by validation (injected faults are not rejections). */
  readonly rejections: Rejection[] = [];
  /** Accepted requests that are probably mistakes (HTML Telegram mangles when strict is off, skipped deletes). */
  readonly warnings: EmulatorWarning[] = [];
  settleMs: number;
  timeoutMs: number;
  readonly strict: boolean;
  faultGraceMs: number;

  /** @internal state and update queue, used by TestUser */
  readonly state: EmulatorState;
  /** @internal */
  readonly queue: UpdateQueue;

  private server: Server | undefined;
  private port = 0;
  private seq = 0;
  private readonly activity = new Map<number, Activity>();
  private globalInflight = 0;
  private globalLast = 0;
  private failNextQueue: Array<{ method: string; fault: Fault }> = [];
  private rates: Required<Omit<FaultRates, 'seed'>> = { rate429: 0, rate5xx: 0, rateDrop: 0, retryAfter: 1 };
  private rng = mulberry32(1);
  private groupCounter = 0;
  /** Update ids the bot reported finished, once a harness promised to report them. */
  private handled: Set<number> | undefined;

  constructor(opts: BotApiEmulatorOptions = {}) {
    this.token = opts.token ?? DEFAULT_TOKEN;
    const botId = Number(this.token.split(':')[0]);
    if (!Number.isSafeInteger(botId) || botId <= 0) throw new Error(`token must look like "<bot id>:<secret>", got ${this.token}`);
    const username = opts.botUsername ?? 'test_bot';
    this.botInfo = {
      id: botId,
      is_bot: true,
      first_name: opts.botName ?? 'Test Bot',
      username,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: true,
      can_connect_to_business: false,
      has_main_web_app: false,
    } as UserFromGetMe;
    this.settleMs = opts.settleMs ?? 150;
    this.timeoutMs = opts.timeoutMs ?? 5000;
    this.strict = opts.strict ?? true;
    this.faultGraceMs = opts.faultGraceMs ?? 3500;
    const webhookRetryMs = opts.webhookRetryMs ?? 300;
    this.state = new EmulatorState({ id: botId, is_bot: true, first_name: this.botInfo.first_name, username });
    this.queue = new UpdateQueue({
      now: () => this.state.now(),
      retryDelayMs: () => webhookRetryMs,
      onWebhookStart: (u) => this.begin(u.chatKey),
      onWebhookEnd: (u) => this.end(u.chatKey),
      onWebhookReply: async (method, params) => {
        const canonical = METHOD_NAMES.get(method.toLowerCase()) ?? method;
        const p = new Params(params);
        const record = this.record(canonical, p, 'webhook-reply');
        await this.run(record, p, undefined);
      },
    });
  }

  /** `http://127.0.0.1:PORT`, for `client: { apiRoot }`. */
  get apiRoot(): string {
    if (!this.server) throw new Error('BotApiEmulator: call start() before reading apiRoot');
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = createServer((req, res) => {
      void this.handle(req, res);
    });
    server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.queue.close();
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  // ── people and chats ──────────────────────────────────────────────────────────────────────

  /** A person in a private chat with the bot (chat id = user id). */
  user(info: TestUserInfo): TestUser {
    const { started, ...fields } = info;
    if (!Number.isSafeInteger(fields.id) || fields.id <= 0) throw new Error(`user id must be a positive integer, got ${fields.id}`);
    const user: User = { is_bot: false, ...fields };
    this.state.users.set(user.id, user);
    let chat = this.state.chats.get(user.id);
    if (!chat) {
      chat = this.newChat(user.id, 'private', {
        id: user.id,
        type: 'private',
        first_name: user.first_name,
        ...(user.last_name ? { last_name: user.last_name } : {}),
        ...(user.username ? { username: user.username } : {}),
      });
      chat.userId = user.id;
      chat.members.add(user.id);
    }
    if (started) chat.started = true;
    return new TestUser(this, user, chat.id);
  }

  /** A group with the bot in it. Members act through `group.as(user)`. */
  group(opts: {
    title: string;
    id?: number;
    type?: 'group' | 'supergroup';
    username?: string;
    members?: Array<TestUser | User>;
    botIsAdmin?: boolean;
    /** default true, as for new bots: only commands and replies to the bot reach it */
    privacyMode?: boolean;
  }): TestGroup {
    const type = opts.type ?? 'group';
    const n = ++this.groupCounter;
    const id = opts.id ?? (type === 'supergroup' ? -(1_001_000_000_000 + n) : -(4_000_000 + n));
    if (id >= 0) throw new Error(`group ids are negative, got ${id}`);
    const chat = this.newChat(id, type, {
      id,
      type,
      title: opts.title,
      ...(opts.username ? { username: opts.username } : {}),
    } as ChatState['chat']);
    chat.started = true;
    chat.botIsAdmin = opts.botIsAdmin ?? false;
    chat.privacyMode = opts.privacyMode ?? true;
    const group = new TestGroup(this, chat.id);
    for (const m of opts.members ?? []) group.addMember(m);
    return group;
  }

  private newChat(id: number, type: ChatType, chat: ChatState['chat']): ChatState {
    const state: ChatState = {
      id,
      type,
      chat,
      members: new Set(),
      blocked: false,
      started: false,
      botIsAdmin: false,
      privacyMode: type !== 'private',
      nextMessageId: 1,
      messages: [],
    };
    this.state.chats.set(id, state);
    return state;
  }

  /** Moves Telegram's clock forward (message age for deletion, callback query expiry). */
  advanceClock(seconds: number): void {
    this.state.advanceClock(seconds);
  }

  /** Telegram's current time in Unix seconds. */
  now(): number {
    return this.state.now();
  }

  // ── faults ────────────────────────────────────────────────────────────────────────────────

  /**
   * The next call of `method` is answered with the fault instead of being processed. '*' means
   * any method except getUpdates (name getUpdates explicitly to fault the polling loop). Queue
   * several by calling it several times.
   */
  failNext(method: string, fault: Fault): void {
    this.failNextQueue.push({ method, fault });
  }

  /** Random faults on sending methods (send*, edit*, answer*, delete messages…), never on getUpdates. */
  setFaults(rates: FaultRates): void {
    this.rates = {
      rate429: rates.rate429 ?? 0,
      rate5xx: rates.rate5xx ?? 0,
      rateDrop: rates.rateDrop ?? 0,
      retryAfter: rates.retryAfter ?? 1,
    };
    if (rates.seed !== undefined) this.rng = mulberry32(rates.seed);
  }

  clearFaults(): void {
    this.failNextQueue = [];
    this.setFaults({});
  }

  private takeFault(method: string): Fault | undefined {
    const i = this.failNextQueue.findIndex((f) => f.method === method || (f.method === '*' && method !== 'getUpdates'));
    if (i >= 0) return this.failNextQueue.splice(i, 1)[0]!.fault;
    if (!isSendingMethod(method)) return undefined;
    const { rate429, rate5xx, rateDrop, retryAfter } = this.rates;
    if (rate429 + rate5xx + rateDrop === 0) return undefined;
    const r = this.rng();
    if (r < rate429) return { code: 429, retryAfter };
    if (r < rate429 + rate5xx) return { code: 500 };
    if (r < rate429 + rate5xx + rateDrop) return { drop: true };
    return undefined;
  }

  // ── webhook helpers ───────────────────────────────────────────────────────────────────────

  /** Re-POSTs an update to the webhook (Telegram does this when the bot answered too slowly). */
  async resend(updateId: number): Promise<{ status: number; body: string }> {
    return this.queue.resend(updateId);
  }

  getWebhookInfo(): Record<string, unknown> {
    return this.queue.webhookInfo();
  }

  // ── assertions and waiting ────────────────────────────────────────────────────────────────

  /** Calls of one method, e.g. `emulator.callsTo('sendMessage')`. */
  callsTo(method: string): CallRecord[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Throws a readable list of everything Telegram rejected so far. */
  assertNoRejections(): void {
    if (this.rejections.length === 0) return;
    const lines = this.rejections.map(
      (r) => `  ${r.method}${r.chatKey !== undefined ? ` (chat ${r.chatKey})` : ''}: ${r.errorCode} ${r.description}\n    params: ${JSON.stringify(r.params).slice(0, 400)}`,
    );
    throw new Error(`Telegram rejected ${this.rejections.length} request(s):\n${lines.join('\n')}`);
  }

  /**
   * The harness will call `reportHandled` for every update the bot finishes (in-process bots):
   * actions then settle on those reports instead of on `settleMs` of quiet.
   */
  expectHandledReports(): void {
    this.handled ??= new Set();
  }

  /** The bot finished handling this update (its middleware returned or threw). */
  reportHandled(updateId: number): void {
    this.handled?.add(updateId);
  }

  /**
   * For a grammY bot in this process: report every update it finishes. The runner and
   * bot.start() both hand each update to bot.handleUpdate, which is wrapped here.
   */
  reportHandledBy(bot: { handleUpdate(update: Update, reply?: never): Promise<void> }): void {
    this.expectHandledReports();
    const handle = bot.handleUpdate.bind(bot);
    bot.handleUpdate = async (update, reply) => {
      try {
        return await handle(update, reply);
      } finally {
        this.reportHandled(update.update_id);
      }
    };
  }

  /** Every delivered update was handled (true when nobody reports; then quiet time decides). */
  private deliveredAllHandled(): boolean {
    if (!this.handled) return true;
    return [...this.queue.all.values()].every((u) => u.deliveredAt === undefined || this.handled!.has(u.update.update_id));
  }

  /**
   * Resolves once no request (other than a held getUpdates) has been in flight for `ms`. With
   * handled reports, once every delivered update was handled and nothing is in flight.
   */
  async waitIdle(ms = this.settleMs, timeoutMs = this.timeoutMs): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const now = Date.now();
      const quietUntil = Math.max(0, ...[...this.activity.values()].map((a) => a.quietUntil));
      if (this.handled && this.globalInflight === 0 && this.deliveredAllHandled()) return;
      if (!this.handled && this.globalInflight === 0 && now - this.globalLast >= ms && now >= quietUntil) return;
      if (now > deadline) throw new Error(`waitIdle: still busy after ${timeoutMs} ms (${this.globalInflight} request(s) in flight)`);
      await sleep(10);
    }
  }

  /** @internal Waits until the bot's reaction to an action has settled (see file comment). */
  async settle(spec: SettleSpec): Promise<ActionResult> {
    const settleMs = spec.settleMs ?? this.settleMs;
    const timeoutMs = spec.timeoutMs ?? this.timeoutMs;
    const started = Date.now();
    for (;;) {
      const now = Date.now();
      const result = this.actionResult(spec);
      const allDropped = spec.updates.length > 0 && spec.updates.every((u) => u.droppedReason !== undefined);
      if (allDropped) return result;
      const delivered = spec.updates.every((u) => u.deliveredAt !== undefined || u.droppedReason !== undefined);
      if (delivered && (!spec.requireCall || result.calls.length > 0) && (!spec.until || spec.until())) {
        const act = this.activity.get(spec.chatKey);
        if (this.handled) {
          // The bot said it finished: its retries and waits are over, nothing is left to guess.
          const done = spec.updates.every((u) => u.droppedReason !== undefined || this.handled!.has(u.update.update_id));
          if (done && (act?.inflight ?? 0) === 0) return result;
        } else {
          const lastDelivery = Math.max(0, ...spec.updates.map((u) => u.deliveredAt ?? 0));
          const last = Math.max(act?.last ?? 0, lastDelivery);
          if ((act?.inflight ?? 0) === 0 && now - last >= settleMs && now >= (act?.quietUntil ?? 0)) return result;
        }
      }
      if (now - started > timeoutMs) throw new Error(this.describeTimeout(spec, timeoutMs));
      await sleep(10);
    }
  }

  private actionResult(spec: SettleSpec): ActionResult {
    const calls = (this.callsByChat.get(spec.chatKey) ?? []).filter((c) => c.index! >= spec.sinceCall && c.method !== 'getUpdates');
    const dropped = spec.updates.find((u) => u.droppedReason !== undefined);
    return {
      updateIds: spec.updates.map((u) => u.update.update_id),
      delivered: spec.updates.every((u) => u.deliveredAt !== undefined),
      ...(dropped ? { droppedReason: dropped.droppedReason } : {}),
      calls,
      rejections: calls.filter((c) => c.ok === false && !c.fault).map((c) => ({ method: c.method, description: c.description!, errorCode: c.errorCode!, params: c.params, chatKey: c.chatKey })),
    };
  }

  private describeTimeout(spec: SettleSpec, timeoutMs: number): string {
    const lines = [`Timed out after ${timeoutMs} ms waiting for the bot to react to: ${spec.label}`];
    for (const u of spec.updates) {
      if (u.deliveredAt !== undefined) {
        lines.push(`  update ${u.update.update_id} (${u.kind}) was delivered to the bot (${u.deliveries} time(s))`);
      } else {
        const polled = Date.now() - this.queue.lastPollAt < 2 * timeoutMs;
        lines.push(
          `  update ${u.update.update_id} (${u.kind}) was NEVER delivered: ` +
            (this.queue.webhook
              ? `webhook ${this.queue.webhook.url} did not answer 2xx (${this.queue.webhook.lastErrorMessage ?? 'no answer yet'})`
              : polled
                ? 'getUpdates is being called, but the update was not fetched yet'
                : `nobody is calling getUpdates — is the bot running (bot.start()) against apiRoot ${this.server ? this.apiRoot : '(emulator not started)'}?`),
        );
      }
    }
    const { calls } = this.actionResult(spec);
    if (calls.length === 0) lines.push(`  the bot made no calls for chat ${spec.chatKey}`);
    for (const c of calls) {
      const outcome = c.ok === undefined ? 'still in flight' : c.ok ? 'ok' : `${c.fault ? 'injected fault' : 'REJECTED'}: ${c.errorCode ?? ''} ${c.description ?? c.fault ?? ''}`;
      lines.push(`  bot called ${c.method} → ${outcome}`);
    }
    const chat = this.state.chats.get(spec.chatKey);
    if (chat) lines.push('The chat shows (oldest first):', transcript(chat, this.state.bot.id, '  ') || '  (nothing)');
    return lines.join('\n');
  }

  // ── HTTP ─────────────────────────────────────────────────────────────────────────────────

  private begin(chatKey: number | undefined): void {
    this.globalInflight++;
    this.globalLast = Date.now();
    if (chatKey === undefined) return;
    const act = this.activity.get(chatKey) ?? { inflight: 0, last: 0, quietUntil: 0 };
    act.inflight++;
    act.last = Date.now();
    this.activity.set(chatKey, act);
  }

  private end(chatKey: number | undefined, quietForMs = 0): void {
    this.globalInflight--;
    this.globalLast = Date.now();
    if (chatKey === undefined) return;
    const act = this.activity.get(chatKey);
    if (!act) return;
    act.inflight--;
    act.last = Date.now();
    if (quietForMs > 0) act.quietUntil = Math.max(act.quietUntil, Date.now() + quietForMs);
  }

  private chatKeyFor(p: Params): number | undefined {
    if (p.has('chat_id')) {
      const chat = this.state.findChat(p.str('chat_id')!);
      if (chat) return chat.id;
      const n = p.int('chat_id');
      return n !== undefined && !Number.isNaN(n) ? n : undefined;
    }
    const cq = p.str('callback_query_id');
    if (cq) return this.state.callbacks.get(cq)?.chatId;
    const iq = p.str('inline_query_id');
    if (iq) return this.state.inlineQueries.get(iq)?.userId;
    return undefined;
  }

  private record(method: string, p: Params, via: CallRecord['via']): CallRecord {
    const record: CallRecord = {
      seq: ++this.seq,
      method,
      params: p.snapshot(),
      chatKey: this.chatKeyFor(p),
      startedAt: Date.now(),
      via,
    };
    // Calls are also indexed per chat: an action's result reads only its own chat's calls,
    // so thousands of people waiting at once cost the emulator linear, not quadratic, time.
    record.index = this.calls.length;
    this.calls.push(record);
    if (record.chatKey !== undefined) {
      let list = this.callsByChat.get(record.chatKey);
      if (!list) this.callsByChat.set(record.chatKey, (list = []));
      list.push(record);
    }
    return record;
  }

  private send(res: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
    if (res.destroyed || res.writableEnded) return;
    const data = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(data) });
    res.end(data);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) return this.serveFile(res, decodeURIComponent(file[1]!), decodeURIComponent(file[2]!));
    const m = /^\/bot([^/]*)\/([^/]*)$/.exec(url.pathname);
    if (!m) return this.send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const token = decodeURIComponent(m[1]!);
    const methodName = decodeURIComponent(m[2]!);

    const canonical = METHOD_NAMES.get(methodName.toLowerCase());
    let params: Params;
    try {
      params = await parseParams(req.headers['content-type'], url.searchParams, await readBody(req));
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(400, `Bad Request: ${(e as Error).message}`);
      return this.finishWithError(this.record(canonical ?? methodName, new Params({}), 'http'), res, err);
    }
    const record = this.record(canonical ?? methodName, params, 'http');
    if (token !== this.token) return this.finishWithError(record, res, new ApiError(401, 'Unauthorized'));
    if (!canonical) return this.finishWithError(record, res, new ApiError(404, 'Not Found: method not found'));
    await this.run(record, params, { req, res });
  }

  private finishWithError(record: CallRecord, res: ServerResponse | undefined, err: ApiError): void {
    record.ok = false;
    record.errorCode = err.code;
    record.description = err.description;
    record.endedAt = Date.now();
    this.rejections.push({ method: record.method, description: err.description, errorCode: err.code, params: record.params, chatKey: record.chatKey });
    if (res) this.send(res, err.code, err.toJSON());
  }

  /** Runs one call (from HTTP, or from a webhook reply when `http` is undefined). */
  private async run(record: CallRecord, params: Params, http: { req: IncomingMessage; res: ServerResponse } | undefined): Promise<void> {
    const polling = record.method === 'getUpdates';
    if (!polling) this.begin(record.chatKey);
    let quietForMs = 0;
    try {
      const fault = this.takeFault(record.method);
      if (fault) {
        record.ok = false;
        record.endedAt = Date.now();
        if ('drop' in fault) {
          record.fault = 'drop';
          quietForMs = this.faultGraceMs;
          http?.req.socket.destroy();
        } else if (fault.code === 429) {
          const err = tooManyRequests(fault.retryAfter ?? 1);
          record.fault = '429';
          record.errorCode = 429;
          record.description = err.description;
          quietForMs = (fault.retryAfter ?? 1) * 1000 + this.settleMs;
          if (http) this.send(http.res, 429, err.toJSON());
        } else if (fault.code === 500) {
          record.fault = '500';
          record.errorCode = 500;
          record.description = 'Internal Server Error';
          quietForMs = this.faultGraceMs;
          if (http) this.send(http.res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' });
        } else {
          // Telegram's 502s come from its nginx front end as an HTML page, not as JSON.
          record.fault = '502';
          record.errorCode = 502;
          record.description = 'Bad Gateway';
          quietForMs = this.faultGraceMs;
          if (http) {
            this.send(
              http.res,
              502,
              '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n',
              'text/html',
            );
          }
        }
        return;
      }
      const ctx: MethodContext = {
        state: this.state,
        queue: this.queue,
        botInfo: this.botInfo,
        strict: this.strict,
        warn: (message) => this.warnings.push({ method: record.method, message, params: record.params }),
        onClose: (cb) => http?.res.on('close', cb),
      };
      const result = await METHODS[record.method]!(ctx, params);
      record.ok = true;
      record.result = result;
      record.endedAt = Date.now();
      if (http) this.send(http.res, 200, { ok: true, result });
    } catch (e) {
      if (e instanceof ApiError) {
        // A getUpdates terminated by a newer one whose client already hung up is not news.
        if (polling && e.code === 409 && http?.res.destroyed) return;
        this.finishWithError(record, http?.res, e);
      } else {
        // A bug in the emulator: answer 500 so the bot sees a failure, and say so loudly.
        record.ok = false;
        record.errorCode = 500;
        record.description = `emulator bug: ${(e as Error).stack ?? String(e)}`;
        console.error(`[BotApiEmulator] ${record.method} crashed:`, e);
        if (http) this.send(http.res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' });
      }
    } finally {
      if (!polling) this.end(record.chatKey, quietForMs);
    }
  }

  private serveFile(res: ServerResponse, token: string, path: string): void {
    if (token !== this.token) {
      this.send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    const file = [...this.state.files.values()].find((f) => f.path === path);
    if (!file) {
      this.send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    const bytes = file.bytes ?? Buffer.alloc(file.size, 0);
    res.writeHead(200, { 'content-type': file.mimeType ?? 'application/octet-stream', 'content-length': bytes.length });
    res.end(bytes);
  }
}

export { TestGroup, TestUser };
export type { ActionOptions, InlineQueryResult, MessageView, ScreenView, TapResult, TestUserInfo } from './test-user.ts';
