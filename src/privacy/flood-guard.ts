/**
 * Slows down one chat that floods (hundreds of messages in seconds) without slowing anyone
 * else: a token bucket per chat, keyed like ChatMemory by an HMAC of the chat id under a
 * rotating secret, held in memory only.
 */
import { createHmac, randomBytes } from 'node:crypto';

export type FloodDecision = 'allow' | 'warn' | 'drop';

export class FloodGuard {
  private buckets = new Map<string, { tokens: number; at: number; warned: boolean }>();
  private secret = randomBytes(32);
  private rotatedAt: number;

  constructor(private readonly opts: { burst?: number; perSecond?: number; now?: () => number } = {}) {
    this.rotatedAt = this.now();
  }

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  /** allow: handle it. warn: tell the person once to slow down. drop: ignore quietly. */
  check(chat: string): FloodDecision {
    const now = this.now();
    if (now - this.rotatedAt > 60 * 60 * 1000) {
      // Buckets only matter for seconds; a new secret every hour leaves nothing to link.
      this.buckets.clear();
      this.secret = randomBytes(32);
      this.rotatedAt = now;
    }
    const burst = this.opts.burst ?? 20;
    const rate = this.opts.perSecond ?? 2;
    const key = createHmac('sha256', this.secret).update(chat).digest('base64url');
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now, warned: false };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      if (bucket.tokens >= burst / 2) bucket.warned = false;
      return 'allow';
    }
    if (bucket.warned) return 'drop';
    bucket.warned = true;
    return 'warn';
  }

  get size(): number {
    return this.buckets.size;
  }
}
