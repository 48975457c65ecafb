/**
 * Runs the real bot against the Bot API emulator over loopback HTTP, two ways:
 * - startBot(): in this process (fast; logs captured at debug level);
 * - startBotProcess(): the bundle `npm start` runs (dist/main.mjs, built once before the tests by
 *   global-setup.ts) as a child process with environment variables, exactly as a volunteer would
 *   run it (for the privacy proof and shutdown tests); `{ source: true }` runs `npm run dev`'s
 *   `tsx src/main.ts` instead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Content } from '../../src/content/model.ts';
import { createBot } from '../../src/channels/telegram/bot.ts';
import { ChatMemory } from '../../src/privacy/chat-memory.ts';
import { createLogger } from '../../src/privacy/logger.ts';
import { FloodGuard } from '../../src/privacy/flood-guard.ts';
import { SqliteStats, statsFile } from '../../src/stats/sqlite-stats.ts';
import type { Router } from '../../src/engine/types.ts';
import { BotApiEmulator, type BotApiEmulatorOptions } from '../emulator/bot-api-emulator.ts';

import { realContent } from './real-content.ts';

export { realContent };

export type RunningBot = {
  emulator: BotApiEmulator;
  memory: ChatMemory;
  stats: SqliteStats;
  dataDir: string;
  logs: string[];
  stop(): Promise<void>;
};

export async function startBot(opts: { content?: Content; router?: Router; emulator?: BotApiEmulatorOptions; flood?: FloodGuard } = {}): Promise<RunningBot> {
  const emulator = new BotApiEmulator(opts.emulator);
  await emulator.start();
  const dataDir = mkdtempSync(join(tmpdir(), 'bot-data-'));
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const log = createLogger('debug', sink);
  const memory = new ChatMemory();
  const stats = new SqliteStats(statsFile(dataDir), { flushMs: 0 });
  // Flooding is tested where it is under test (robustness.test.ts passes its own guard); elsewhere a
  // test acts as fast as the bot answers, faster than a person, and must not be slowed down for it.
  const flood = opts.flood ?? new FloodGuard({ burst: 10_000, perSecond: 10_000 });
  const bot = createBot(emulator.token, { content: opts.content ?? realContent(), router: opts.router, memory, log, stats }, { apiRoot: emulator.apiRoot, flood });
  // The bot runs in this process, so it can say when it finished each update: actions settle on
  // that, not on a guessed quiet time. The runner hands every update to bot.handleUpdate.
  emulator.reportHandledBy(bot);
  const runner: RunnerHandle = run(bot, { runner: { fetch: { timeout: 1 } } });
  return {
    emulator,
    memory,
    stats,
    dataDir,
    logs,
    async stop() {
      if (runner.isRunning()) await runner.stop();
      stats.close();
      await emulator.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type BotProcess = {
  child: ChildProcess;
  output: () => string;
  /** Resolves when the process printed something matching. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
  /** The exit code, once the process ends by itself. */
  exited: Promise<number | null>;
};

/** The bundle `npm start` runs, built before the tests (global-setup.ts). */
export const BUNDLE = 'dist/main.mjs';

/** `bundle`: another production bundle than dist/main.mjs; `source`: the TypeScript sources with tsx, as `npm run dev`. */
export function startBotProcess(env: Record<string, string>, options: { bundle?: string; source?: boolean } = {}): BotProcess {
  const [command, args] = options.source ? [join(process.cwd(), 'node_modules', '.bin', 'tsx'), ['src/main.ts']] : [process.execPath, [options.bundle ?? BUNDLE]];
  const child = spawn(command, args, {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => out,
    async waitFor(pattern, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (!pattern.test(out)) {
        if (Date.now() > until) throw new Error(`process did not print ${pattern} in time. Output:\n${out}`);
        if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before printing ${pattern}. Output:\n${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Every button label on the newest screen, flattened. */
export function labels(screen: { buttons: Array<Array<{ text: string }>> }): string[] {
  return screen.buttons.flat().map((b) => b.text);
}
