/**
 * npm run stats -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--csv]
 * Prints the anonymous counters for a date range (default: the last 30 days), with counts
 * below 5 suppressed. Reads DATA_DIR (default ./var), parsed as the bot parses it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig } from '../config.ts';
import { SqliteStats, statsFile } from '../stats/sqlite-stats.ts';
import { summarise, toCsv, toTable } from '../stats/report.ts';
import { runAsCommand, type Command } from './command.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const stats: Command = ({ argv, env, cwd, out, err }) => {
  const { values } = parseArgs({ args: [...argv], options: { from: { type: 'string' }, to: { type: 'string' }, csv: { type: 'boolean', default: false } } });
  const to = values.to ?? new Date().toISOString().slice(0, 10);
  const from = values.from ?? new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);
  if (!DAY.test(from) || !DAY.test(to)) {
    err('Dates look like 2026-11-01: npm run stats -- --from 2026-11-01 --to 2026-11-30');
    return 2;
  }
  let dataDir: string;
  try {
    dataDir = parseConfig(env).DATA_DIR;
  } catch (error) {
    err((error as Error).message);
    return 2;
  }
  const file = statsFile(resolve(cwd, dataDir));
  if (!existsSync(file)) {
    err(`No statistics yet at ${file} (the bot writes them while it runs with BOT_TOKEN).`);
    return 1;
  }
  const db = new SqliteStats(file, { flushMs: 0 });
  const rows = summarise(db.rows(from, to));
  db.close();
  if (values.csv) out(toCsv(rows).replace(/\n$/, ''));
  else out(`Screens shown ${from} to ${to} (counts below 5 shown as <5)\n\n${toTable(rows).replace(/\n$/, '')}`);
  return 0;
};

runAsCommand(import.meta.url, stats);
