/**
 * Long polling that loses nobody to a crash. grammY's runner confirms an update to Telegram (the
 * `offset` of the next getUpdates) as soon as it is fetched, before it is handled: after a hard
 * crash Telegram does not send it again, and that person never gets an answer (grammY's
 * reliability page says so; 100 of 400 were lost that way). Here the offset is the lowest update
 * still being handled, so Telegram keeps every unfinished update, and a restarted bot gets them
 * again (only those in flight at the crash can be answered twice). Built from the runner's own
 * source, sink and runner; updates Telegram returns that are already being handled are not
 * handed out twice.
 *
 * Because the unfinished updates stay pending, a poll returns at once instead of waiting; when
 * it brings nothing new, the next waits until an update finishes (or a second). An update
 * stuck for a minute no longer holds the offset back: it is given up for confirmation (and
 * logged), so one stuck handler cannot stop the bot from seeing new messages.
 */
import { createConcurrentSink, createRunner, createSource, type RunnerHandle } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import { safeError } from '../../privacy/logger.ts';

export type ConfirmOptions = {
  /** The update kinds asked for; Telegram's default set when not given. */
  allowedUpdates?: readonly string[];
  log: Logger;
  /** An update still running after this long gives its sink slot back (it goes on in the background). */
  slotTimeoutMs: number;
  /** An update running longer than this no longer holds confirmation back. */
  stuckMs?: number;
  /** Long-polling timeout when nothing is being handled (s). */
  pollSeconds?: number;
};

export type ConfirmingRunner = RunnerHandle & {
  /** Tell Telegram that everything handled so far is done (at shutdown, once the sink is empty). */
  confirm(): Promise<void>;
};

export function runConfirmingHandled(bot: Bot, opts: ConfirmOptions): ConfirmingRunner {
  const stuckMs = opts.stuckMs ?? 60_000;
  /** Update id -> when its handling began, for every update fetched and not finished. */
  const handling = new Map<number, number>();
  let highest = 0;
  let wake: (() => void) | undefined;

  const offset = () => {
    const now = Date.now();
    for (const [id, since] of handling) {
      if (now - since < stuckMs) break; // in fetch order: the rest began later
      handling.delete(id);
      opts.log.warn({ afterMs: stuckMs }, 'update still not finished: confirmed to Telegram anyway');
    }
    const first = handling.keys().next();
    return first.done ? highest + 1 : first.value;
  };
  const finished = (id: number) => {
    handling.delete(id);
    wake?.();
  };
  /** The runner's AbortSignal (a shim with the same events). */
  type Signal = { aborted: boolean; addEventListener(type: 'abort', fn: () => void): void; removeEventListener(type: 'abort', fn: () => void): void };
  const waitForFinish = (ms: number, signal: Signal) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done);
      wake = done;
    });

  let retryIn = 100;
  const getUpdates = async (signal: Signal): Promise<Update[]> => {
    for (;;) {
      try {
        const updates = await bot.api.getUpdates(
          { offset: offset(), limit: 100, timeout: handling.size ? 0 : (opts.pollSeconds ?? 30), ...(opts.allowedUpdates ? { allowed_updates: opts.allowedUpdates as never } : {}) },
          // The runner's AbortSignal type is a shim of the same thing.
          signal as never,
        );
        retryIn = 100;
        return updates;
      } catch (err) {
        if (signal.aborted) throw err;
        const code = (err as { error_code?: number }).error_code;
        // Unauthorised (a revoked token) or a second bot polling: retrying cannot help.
        if (code === 401 || code === 409) throw err;
        opts.log.warn({ err: safeError(err) }, 'getUpdates failed: trying again');
        await new Promise((r) => setTimeout(r, retryIn));
        retryIn = Math.min(retryIn * 2, 15_000);
      }
    }
  };

  const source = createSource({
    async supply(_batchSize, signal) {
      await bot.init();
      for (;;) {
        const fresh = (await getUpdates(signal)).filter((u) => u.update_id > highest);
        if (fresh.length) {
          for (const u of fresh) handling.set(u.update_id, Date.now());
          highest = fresh[fresh.length - 1]!.update_id;
          return fresh;
        }
        // Everything pending at Telegram is being handled already: wait for some of it to finish.
        if (handling.size) await waitForFinish(1_000, signal);
        if (signal.aborted) throw new Error('stopped');
      }
    },
  });
  const sink = createConcurrentSink<Update>(
    {
      consume: async (update) => {
        try {
          await bot.handleUpdate(update);
        } finally {
          finished(update.update_id);
        }
      },
    },
    async (error) => {
      try {
        await bot.errorHandler(error as Parameters<Bot['errorHandler']>[0]);
      } catch (err) {
        opts.log.error({ err: safeError(err) }, 'the error handler failed');
      }
    },
    { timeout: { milliseconds: opts.slotTimeoutMs, handler: () => opts.log.warn({ afterMs: opts.slotTimeoutMs }, 'update still running: its slot is given back') } },
  );
  const runner = createRunner(source, sink);
  runner.start();
  return {
    ...runner,
    async confirm() {
      if (highest === 0) return;
      await bot.api.getUpdates({ offset: offset(), limit: 1, timeout: 0 }).catch((err) => opts.log.warn({ err: safeError(err) }, 'could not confirm the last updates'));
    },
  };
}
