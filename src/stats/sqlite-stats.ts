/**
 * Anonymous counters in SQLite: how often each screen was shown per day and language (and
 * which topic typed questions went to). Never a sequence of one person's steps, never a
 * time finer than a day, never anything about who. Counts are buffered in memory and
 * written in batches, which also means no row's write time hints at a single visit.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StatEvent, StatsSink } from './stats-sink.ts';

export const STATS_COLUMNS = ['day', 'lang', 'screen', 'topic', 'n'] as const;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS counts (
  day    TEXT    NOT NULL,            -- YYYY-MM-DD (UTC): the finest time kept
  lang   TEXT    NOT NULL,
  screen TEXT    NOT NULL,
  topic  TEXT    NOT NULL DEFAULT '', -- topic of a typed question, '' otherwise
  n      INTEGER NOT NULL,
  PRIMARY KEY (day, lang, screen, topic)
) WITHOUT ROWID;`;

export type StatsRow = { day: string; lang: string; screen: string; topic: string; n: number };

export class SqliteStats implements StatsSink {
  private readonly db: Database.Database;
  private readonly upsert: Database.Statement;
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly file: string,
    private readonly opts: { flushMs?: number; now?: () => Date } = {},
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
    this.upsert = this.db.prepare('INSERT INTO counts (day, lang, screen, topic, n) VALUES (?, ?, ?, ?, ?) ON CONFLICT (day, lang, screen, topic) DO UPDATE SET n = n + excluded.n');
    const flushMs = opts.flushMs ?? 10_000;
    if (flushMs > 0) {
      this.timer = setInterval(() => this.flush(), flushMs);
      this.timer.unref();
    }
  }

  count(event: StatEvent): void {
    const day = (this.opts.now?.() ?? new Date()).toISOString().slice(0, 10);
    const key = [day, event.lang, event.screen, event.topic ?? ''].join('\u0000');
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
  }

  flush(): void {
    if (!this.pending.size) return;
    const batch = this.pending;
    this.pending = new Map();
    this.db.transaction(() => {
      for (const [key, n] of batch) {
        const [day, lang, screen, topic] = key.split('\u0000') as [string, string, string, string];
        this.upsert.run(day, lang, screen, topic, n);
      }
    })();
  }

  rows(from: string, to: string): StatsRow[] {
    this.flush();
    return this.db.prepare('SELECT day, lang, screen, topic, n FROM counts WHERE day BETWEEN ? AND ? ORDER BY day, lang, screen, topic').all(from, to) as StatsRow[];
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.flush();
    this.db.close();
  }
}

export function statsFile(dataDir: string): string {
  return `${dataDir.replace(/\/$/, '')}/stats.sqlite`;
}
