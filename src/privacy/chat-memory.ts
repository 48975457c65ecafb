/**
 * What must outlive one button press, held in memory only: the chosen language and city
 * (for typed questions and commands) and the ids of messages in the chat (so "clear this
 * chat" can delete them). Keyed by an HMAC of the chat id under a secret that rotates
 * daily, so even a memory dump does not show who talked to the bot; entries expire.
 */
import { createHmac, randomBytes } from 'node:crypto';

export type ChatMemoryEntry = {
  lang?: string;
  city?: string;
  /** Message ids in this chat that the bot may delete on "clear this chat". */
  messageIds: number[];
  /** This chat came in through a demo link: count nothing. */
  demo?: boolean;
  /** The bot message currently showing the navigation (edited in place). */
  screenMessageId?: number;
  expiresAt: number;
};

export type ChatMemoryOptions = {
  /** How long a conversation is remembered after its last update. */
  ttlMs?: number;
  /** How often the HMAC secret is replaced (at most a day). */
  rotateMs?: number;
  now?: () => number;
  /** Most message ids kept per chat (Telegram lets us delete only 48 h back anyway). */
  maxMessageIds?: number;
};

const DAY = 24 * 60 * 60 * 1000;

export class ChatMemory {
  private readonly ttlMs: number;
  private readonly rotateMs: number;
  private readonly now: () => number;
  private readonly maxMessageIds: number;
  private secret = randomBytes(32);
  private previousSecret: Buffer | undefined;
  private rotatedAt: number;
  private entries = new Map<string, ChatMemoryEntry>();

  constructor(opts: ChatMemoryOptions = {}) {
    this.ttlMs = opts.ttlMs ?? 2 * DAY;
    this.rotateMs = Math.min(opts.rotateMs ?? DAY, DAY);
    this.now = opts.now ?? Date.now;
    this.maxMessageIds = opts.maxMessageIds ?? 200;
    this.rotatedAt = this.now();
  }

  get size(): number {
    return this.entries.size;
  }

  get(chat: string): ChatMemoryEntry | undefined {
    this.maintain();
    const key = this.find(chat);
    return key ? this.entries.get(key) : undefined;
  }

  update(chat: string, change: (entry: ChatMemoryEntry) => void): ChatMemoryEntry {
    this.maintain();
    const key = this.key(chat, this.secret);
    // Usually the entry is under today's key; only otherwise look under yesterday's.
    const existing = this.entries.has(key) ? key : this.find(chat);
    const entry = (existing && this.entries.get(existing)) || { messageIds: [], expiresAt: 0 };
    // An entry found under yesterday's secret moves to today's key.
    if (existing && existing !== key) this.entries.delete(existing);
    change(entry);
    if (entry.messageIds.length > this.maxMessageIds) entry.messageIds.splice(0, entry.messageIds.length - this.maxMessageIds);
    entry.expiresAt = this.now() + this.ttlMs;
    this.entries.set(key, entry);
    return entry;
  }

  rememberMessage(chat: string, messageId: number): void {
    this.update(chat, (e) => {
      if (!e.messageIds.includes(messageId)) e.messageIds.push(messageId);
    });
  }

  forget(chat: string): void {
    const key = this.find(chat);
    if (key) this.entries.delete(key);
  }

  /** For tests and the privacy proof: the keys are opaque hashes, never ids. */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  private find(chat: string): string | undefined {
    const current = this.key(chat, this.secret);
    if (this.entries.has(current)) return current;
    if (this.previousSecret) {
      const old = this.key(chat, this.previousSecret);
      if (this.entries.has(old)) return old;
    }
    return undefined;
  }

  private key(chat: string, secret: Buffer): string {
    return createHmac('sha256', secret).update(chat).digest('base64url');
  }

  /** Rotate the secret and drop expired entries. Cheap enough to run on every access. */
  private maintain(): void {
    const now = this.now();
    if (now - this.rotatedAt >= this.rotateMs) {
      // Keep one previous secret so a conversation survives the rotation moment; the one
      // before is gone for good, so nothing keyed by it can be linked to a chat any more.
      this.previousSecret = this.secret;
      this.secret = randomBytes(32);
      this.rotatedAt = now;
      for (const [k, e] of this.entries) if (e.expiresAt <= now) this.entries.delete(k);
    }
    if (this.entries.size > 0 && this.entries.size % 1024 === 0) {
      for (const [k, e] of this.entries) if (e.expiresAt <= now) this.entries.delete(k);
    }
  }
}
