/**
 * npm run stats -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--csv]
 * Prints the anonymous counters for a date range (default: the last 30 days), with counts
 * below 5 suppressed. Reads DATA_DIR (default ./var).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SqliteStats, statsFile } from '../stats/sqlite-stats.ts';
import { summarise, toCsv, toTable } from '../stats/report.ts';

const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, csv: { type: 'boolean', default: false } } });
const day = /^\d{4}-\d{2}-\d{2}$/;
const to = values.to ?? new Date().toISOString().slice(0, 10);
const from = values.from ?? new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);
if (!day.test(from) || !day.test(to)) {
  console.error('Dates look like 2026-11-01: npm run stats -- --from 2026-11-01 --to 2026-11-30');
  process.exit(2);
}
const file = statsFile(process.env.DATA_DIR || './var');
if (!existsSync(file)) {
  console.error(`No statistics yet at ${file} (the bot writes them while it runs with BOT_TOKEN).`);
  process.exit(1);
}
const stats = new SqliteStats(file, { flushMs: 0 });
const rows = summarise(stats.rows(from, to));
stats.close();
if (values.csv) process.stdout.write(toCsv(rows));
else {
  console.log(`Screens shown ${from} to ${to} (counts below 5 shown as <5)\n`);
  process.stdout.write(toTable(rows));
}
