/**
 * Turns counter rows into a table for NGOs. Small counts are suppressed ("<5"): a number
 * like 1 for a rare language and screen on one day could point at one person.
 */
import type { StatsRow } from './sqlite-stats.ts';

export const SUPPRESS_BELOW = 5;

export type ReportRow = { lang: string; screen: string; topic: string; n: number | '<5' };

/** Sums the days of the range: a report never needs per-day rows per person-sized group. */
export function summarise(rows: StatsRow[]): ReportRow[] {
  const sums = new Map<string, ReportRow & { total: number }>();
  for (const r of rows) {
    const key = `${r.lang}\u0000${r.screen}\u0000${r.topic}`;
    const row = sums.get(key) ?? { lang: r.lang, screen: r.screen, topic: r.topic, n: 0, total: 0 };
    row.total += r.n;
    sums.set(key, row);
  }
  return [...sums.values()]
    .sort((a, b) => b.total - a.total || a.lang.localeCompare(b.lang) || a.screen.localeCompare(b.screen))
    .map(({ total, ...row }) => ({ ...row, n: total < SUPPRESS_BELOW ? '<5' : total }));
}

export function toCsv(rows: ReportRow[]): string {
  const esc = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return ['lang,screen,topic,count', ...rows.map((r) => [r.lang, r.screen, r.topic, r.n].map(esc).join(','))].join('\n') + '\n';
}

export function toTable(rows: ReportRow[]): string {
  const header = ['lang', 'screen', 'topic', 'count'];
  const body = rows.map((r) => [r.lang, r.screen, r.topic || '-', String(r.n)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n') + '\n';
}
