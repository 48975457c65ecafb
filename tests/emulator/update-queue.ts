/**
 * The queue of updates waiting for the bot, and the two ways Telegram hands them over:
 *   - long polling (getUpdates): updates stay queued until a later call's `offset` confirms them;
 *     a call with nothing to return is held open for `timeout` seconds; a second concurrent call
 *     terminates the first with 409; getUpdates while a webhook is set is a 409 too;
 *   - webhook: each update is POSTed (with X-Telegram-Bot-Api-Secret-Token when set) until the
 *     bot answers 2xx, retried otherwise; the answer may carry one method call ("webhook reply").
 * allowed_updates is honoured in both modes; by default chat_member, message_reaction and
 * message_reaction_count are not delivered, like Telegram.
 */
import type { Update } from 'grammy/types';
import { conflict } from './api-error.ts';

export const DEFAULT_EXCLUDED_KINDS = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

export interface QueuedUpdate {
  update: Update;
  kind: string;
  chatKey?: number;
  createdAt: number;
  /** ms timestamp when the bot received it (getUpdates answered / webhook answered 2xx) */
  deliveredAt?: number;
  /** set when Telegram would never deliver it (allowed_updates, dropped pending updates) */
  droppedReason?: string;
  deliveries: number;
  inFlight: boolean;
  nextAttemptAt?: number;
}

export interface WebhookConfig {
  url: string;
  secretToken?: string;
  maxConnections: number;
  inflight: number;
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

export interface QueueHooks {
  /** seconds, Telegram clock */
  now(): number;
  onWebhookStart(u: QueuedUpdate): void;
  onWebhookEnd(u: QueuedUpdate): void;
  /** A method call returned in the body of a webhook answer. */
  onWebhookReply(method: string, params: Record<string, unknown>): Promise<void>;
  retryDelayMs(): number;
}

interface Parked {
  limit: number;
  resolve(updates: Update[]): void;
  reject(e: unknown): void;
  timer: NodeJS.Timeout;
}

export function updateKind(update: object): string {
  return Object.keys(update).find((k) => k !== 'update_id') ?? 'unknown';
}

export class UpdateQueue {
  readonly all = new Map<number, QueuedUpdate>();
  private pending: QueuedUpdate[] = [];
  private nextId = 100_000_001;
  /** undefined = Telegram's default set */
  allowedUpdates: string[] | undefined;
  webhook: WebhookConfig | undefined;
  private parked: Parked | undefined;
  private pumpTimer: NodeJS.Timeout | undefined;
  private closed = false;
  /** last time anything asked for updates (getUpdates or a webhook delivery), ms */
  lastPollAt = 0;

  constructor(private readonly hooks: QueueHooks) {}

  push(body: Record<string, unknown>, chatKey?: number): QueuedUpdate {
    const updateId = typeof body.update_id === 'number' ? body.update_id : this.nextId++;
    if (updateId >= this.nextId) this.nextId = updateId + 1;
    const update = { ...body, update_id: updateId } as Update;
    const queued: QueuedUpdate = {
      update,
      kind: updateKind(body),
      chatKey,
      createdAt: Date.now(),
      deliveries: 0,
      inFlight: false,
    };
    this.all.set(updateId, queued);
    this.pending.push(queued);
    this.wake();
    return queued;
  }

  pendingCount(): number {
    return this.pending.length;
  }

  isAllowed(kind: string): boolean {
    return this.allowedUpdates ? this.allowedUpdates.includes(kind) : !DEFAULT_EXCLUDED_KINDS.has(kind);
  }

  private drop(u: QueuedUpdate, reason: string): void {
    u.droppedReason = reason;
    this.pending = this.pending.filter((p) => p !== u);
  }

  /** Removes updates Telegram would not deliver under the current allowed_updates. */
  private filterAllowed(): void {
    for (const u of [...this.pending]) {
      if (!this.isAllowed(u.kind)) {
        this.drop(u, `"${u.kind}" is not in allowed_updates (${this.allowedUpdates ? JSON.stringify(this.allowedUpdates) : 'default'})`);
      }
    }
  }

  private take(limit: number): Update[] {
    this.filterAllowed();
    const batch = this.pending.slice(0, limit);
    const now = Date.now();
    for (const u of batch) {
      u.deliveries++;
      u.deliveredAt ??= now;
    }
    return batch.map((u) => structuredClone(u.update));
  }

  /** getUpdates; `onClose` registers a callback for the client hanging up while held. */
  getUpdates(opts: { offset?: number; limit?: number; timeout?: number; allowedUpdates?: string[] }, onClose: (cb: () => void) => void): Promise<Update[]> {
    if (this.webhook) {
      throw conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    this.lastPollAt = Date.now();
    if (opts.allowedUpdates !== undefined) this.allowedUpdates = opts.allowedUpdates.length ? opts.allowedUpdates : undefined;
    const offset = opts.offset;
    if (offset !== undefined && !Number.isNaN(offset) && offset !== 0) {
      if (offset < 0)
        this.pending = this.pending.slice(offset); // keep the last -offset updates
      else this.pending = this.pending.filter((u) => u.update.update_id >= offset);
    }
    const limit = Math.min(100, Math.max(1, opts.limit && !Number.isNaN(opts.limit) ? opts.limit : 100));
    const timeout = Math.max(0, opts.timeout && !Number.isNaN(opts.timeout) ? opts.timeout : 0);

    if (this.parked) {
      const old = this.parked;
      this.parked = undefined;
      clearTimeout(old.timer);
      old.reject(conflict('terminated by other getUpdates request; make sure that only one bot instance is running'));
    }
    const ready = this.take(limit);
    if (ready.length > 0 || timeout === 0 || this.closed) return Promise.resolve(ready);

    return new Promise<Update[]>((resolve, reject) => {
      const parked: Parked = {
        limit,
        resolve,
        reject,
        timer: setTimeout(() => {
          if (this.parked === parked) this.parked = undefined;
          resolve(this.take(limit));
        }, timeout * 1000),
      };
      this.parked = parked;
      onClose(() => {
        if (this.parked === parked) {
          this.parked = undefined;
          clearTimeout(parked.timer);
          resolve([]);
        }
      });
    });
  }

  /** New update (or webhook change): answer a held getUpdates or start webhook deliveries. */
  private wake(): void {
    if (this.parked) {
      this.filterAllowed();
      if (this.pending.length > 0) {
        const parked = this.parked;
        this.parked = undefined;
        clearTimeout(parked.timer);
        parked.resolve(this.take(parked.limit));
      }
    }
    this.pump();
  }

  setWebhook(cfg: { url: string; secretToken?: string; maxConnections: number; allowedUpdates?: string[]; dropPending: boolean }): void {
    if (this.parked) {
      const parked = this.parked;
      this.parked = undefined;
      clearTimeout(parked.timer);
      parked.resolve([]);
    }
    if (cfg.dropPending) for (const u of [...this.pending]) this.drop(u, 'dropped by drop_pending_updates');
    if (cfg.allowedUpdates !== undefined) this.allowedUpdates = cfg.allowedUpdates.length ? cfg.allowedUpdates : undefined;
    const inflight = this.webhook?.inflight ?? 0;
    this.webhook = { url: cfg.url, secretToken: cfg.secretToken, maxConnections: cfg.maxConnections, inflight };
    this.pump();
  }

  deleteWebhook(dropPending: boolean): void {
    this.webhook = undefined;
    if (dropPending) for (const u of [...this.pending]) this.drop(u, 'dropped by drop_pending_updates');
  }

  private schedulePump(ms: number): void {
    if (this.pumpTimer || this.closed) return;
    this.pumpTimer = setTimeout(() => {
      this.pumpTimer = undefined;
      this.pump();
    }, ms);
  }

  /**
   * Starts webhook deliveries. One update per chat at a time (so a chat's updates arrive in
   * order), up to max_connections in parallel overall.
   */
  private pump(): void {
    const hook = this.webhook;
    if (!hook || this.closed) return;
    this.filterAllowed();
    const busy = new Set(this.pending.filter((u) => u.inFlight && u.chatKey !== undefined).map((u) => u.chatKey));
    const now = Date.now();
    for (const u of this.pending) {
      if (hook.inflight >= hook.maxConnections) break;
      if (u.inFlight) continue;
      if (u.nextAttemptAt !== undefined && u.nextAttemptAt > now) {
        this.schedulePump(u.nextAttemptAt - now);
        continue;
      }
      if (u.chatKey !== undefined && busy.has(u.chatKey)) continue;
      if (u.chatKey !== undefined) busy.add(u.chatKey);
      void this.deliver(u, hook, false);
    }
  }

  private async deliver(u: QueuedUpdate, hook: WebhookConfig, isResend: boolean): Promise<{ status: number; body: string }> {
    hook.inflight++;
    u.inFlight = true;
    u.deliveries++;
    this.lastPollAt = Date.now();
    this.hooks.onWebhookStart(u);
    let outcome = { status: 0, body: '' };
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (hook.secretToken) headers['X-Telegram-Bot-Api-Secret-Token'] = hook.secretToken;
      const res = await fetch(hook.url, {
        method: 'POST',
        headers,
        body: JSON.stringify(u.update),
        signal: AbortSignal.timeout(60_000),
      });
      const body = await res.text();
      outcome = { status: res.status, body };
      if (res.ok) {
        await this.runWebhookReply(res.headers.get('content-type'), body);
        if (!isResend) {
          this.pending = this.pending.filter((p) => p !== u);
          u.deliveredAt ??= Date.now();
        }
      } else {
        hook.lastErrorDate = this.hooks.now();
        hook.lastErrorMessage = `Wrong response from the webhook: ${res.status} ${res.statusText}`;
        if (!isResend) u.nextAttemptAt = Date.now() + this.hooks.retryDelayMs();
      }
    } catch (e) {
      hook.lastErrorDate = this.hooks.now();
      const code = (e as { cause?: { code?: string } }).cause?.code;
      hook.lastErrorMessage = code === 'ECONNREFUSED' ? 'Connection refused' : `Connection failed: ${(e as Error).message}`;
      if (!isResend) u.nextAttemptAt = Date.now() + this.hooks.retryDelayMs();
    } finally {
      hook.inflight--;
      u.inFlight = false;
      this.hooks.onWebhookEnd(u);
      this.pump();
    }
    return outcome;
  }

  private async runWebhookReply(contentType: string | null, body: string): Promise<void> {
    if (!body || !(contentType ?? '').includes('json')) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return;
    }
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { method?: unknown }).method === 'string') {
      const { method, ...params } = parsed as Record<string, unknown> & { method: string };
      await this.hooks.onWebhookReply(method, params);
    }
  }

  /** Re-POSTs an already known update, as Telegram does when an answer took too long. */
  resend(updateId: number): Promise<{ status: number; body: string }> {
    const u = this.all.get(updateId);
    if (!u) throw new Error(`resend(${updateId}): no such update`);
    if (!this.webhook) {
      throw new Error('resend() only works in webhook mode: with getUpdates Telegram never delivers an update twice once its offset was confirmed');
    }
    return this.deliver(u, this.webhook, true);
  }

  webhookInfo(): Record<string, unknown> {
    const hook = this.webhook;
    return {
      url: hook?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: this.pending.length,
      ...(hook ? { max_connections: hook.maxConnections } : {}),
      ...(hook?.lastErrorDate ? { last_error_date: hook.lastErrorDate, last_error_message: hook.lastErrorMessage } : {}),
      ...(this.allowedUpdates ? { allowed_updates: [...this.allowedUpdates] } : {}),
    };
  }

  close(): void {
    this.closed = true;
    if (this.pumpTimer) clearTimeout(this.pumpTimer);
    if (this.parked) {
      const parked = this.parked;
      this.parked = undefined;
      clearTimeout(parked.timer);
      parked.resolve([]);
    }
  }
}
