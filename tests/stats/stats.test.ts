import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStats, STATS_COLUMNS, statsFile } from '../../src/stats/sqlite-stats.ts';
import { summarise, toCsv } from '../../src/stats/report.ts';
import { stats as statsCommand } from '../../src/cli/stats.ts';
import { runCommand } from '../support/run-command.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'stats-'));
  dirs.push(d);
  return d;
};

describe('anonymous statistics', () => {
  it('holds only the aggregate columns, with days as the finest time', () => {
    const dir = tmp();
    const stats = new SqliteStats(statsFile(dir), { flushMs: 0, now: () => new Date('2026-11-23T13:45:12Z') });
    stats.count({ lang: 'ar', screen: 'shelter.tonight' });
    stats.count({ lang: 'ar', screen: 'shelter.tonight' });
    stats.count({ lang: 'en', screen: 'topics', topic: 'health' });
    stats.close();
    const db = new Database(statsFile(dir), { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
    expect(tables.map((t) => t.name)).toEqual(['counts']);
    const columns = (db.prepare('PRAGMA table_info(counts)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).toEqual([...STATS_COLUMNS]);
    expect(db.prepare('SELECT day, lang, screen, topic, n FROM counts ORDER BY lang').all()).toEqual([
      { day: '2026-11-23', lang: 'ar', screen: 'shelter.tonight', topic: '', n: 2 },
      { day: '2026-11-23', lang: 'en', screen: 'topics', topic: 'health', n: 1 },
    ]);
    db.close();
  });

  it('sums a date range and suppresses counts below 5', () => {
    const rows = summarise([
      { day: '2026-11-01', lang: 'ti', screen: 'health', topic: '', n: 3 },
      { day: '2026-11-02', lang: 'ti', screen: 'health', topic: '', n: 4 },
      { day: '2026-11-02', lang: 'so', screen: 'birth', topic: '', n: 4 },
    ]);
    expect(rows).toEqual([
      { lang: 'ti', screen: 'health', topic: '', n: 7 },
      { lang: 'so', screen: 'birth', topic: '', n: '<5' },
    ]);
    expect(toCsv(rows)).toBe('lang,screen,topic,count\nti,health,,7\nso,birth,,<5\n');
  });

  it('npm run stats prints the table and CSV for a range', async () => {
    const dir = tmp();
    const stats = new SqliteStats(statsFile(dir), { flushMs: 0, now: () => new Date('2026-11-10T08:00:00Z') });
    for (let i = 0; i < 6; i++) stats.count({ lang: 'fa', screen: 'legal' });
    stats.count({ lang: 'fa', screen: 'school' });
    stats.close();
    const run = (...args: string[]) => runCommand(statsCommand, args, { env: { DATA_DIR: dir } });
    const csv = await run('--from', '2026-11-01', '--to', '2026-11-30', '--csv');
    expect(csv.stdout).toBe('lang,screen,topic,count\nfa,legal,,6\nfa,school,,<5\n');
    expect((await run('--from', '2026-12-01', '--to', '2026-12-31', '--csv')).stdout).toBe('lang,screen,topic,count\n');
    const table = await run('--from', '2026-11-01', '--to', '2026-11-30');
    expect(table.stdout).toMatch(/^Screens shown 2026-11-01 to 2026-11-30 .*\n\nlang +screen +topic +count\n/);
    expect(table.stdout).toMatch(/fa +legal +- +6\n/);
    expect((await run('--from', 'yesterday')).status).toBe(2);
    // No statistics where DATA_DIR points: said, with exit code 1.
    const none = await runCommand(statsCommand, [], { env: { DATA_DIR: join(dir, 'nothing-here') } });
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('No statistics yet');
  });
});
