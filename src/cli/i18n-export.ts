/**
 * npm run i18n:export -- --lang ti [--out ti.csv] [--only missing,outdated]
 * Writes a CSV for a spreadsheet (var/out/<lang>.csv unless --out says where): key, english,
 * translation, status (missing / outdated / translated) and, for outdated rows, english_before:
 * the English the translation was made from, so the translator sees what changed. Translators
 * fill the "translation" column and give the file back to i18n:import. No code to touch.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { toCsvLine } from '../i18n/csv.ts';
import { translationRows } from '../i18n/translation-table.ts';
import { loadContentFor, OUTPUT_DIR, runAsCommand, type Command } from './command.ts';
import { translatedLanguage } from './language-arg.ts';

export const i18nExport: Command = ({ argv, cwd, out, err }) => {
  const { values } = parseArgs({ args: [...argv], options: { lang: { type: 'string' }, out: { type: 'string' }, only: { type: 'string' } } });
  const content = loadContentFor({ cwd, err });
  if (!content) return 1;
  const lang = translatedLanguage(content, values.lang, 'i18n:export', err);
  if (!lang) return 2;
  const only = values.only ? new Set(values.only.split(',')) : undefined;
  const rows = translationRows(content, lang).filter((r) => !only || only.has(r.status));
  const file = resolve(cwd, values.out ?? join(OUTPUT_DIR, `${lang}.csv`));
  // A BOM makes Excel open the file as UTF-8 (Ge'ez, Arabic and Cyrillic survive).
  const csv =
    '\ufeff' +
    [toCsvLine(['key', 'english', 'translation', 'status', 'english_before']), ...rows.map((r) => toCsvLine([r.id, r.english, r.translation, r.status, r.englishBefore ?? '']))].join('\r\n') +
    '\r\n';
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, csv);
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
  out(
    `Wrote ${file}: ${rows.length} texts (${Object.entries(counts)
      .map(([s, n]) => `${n} ${s}`)
      .join(', ')}).`,
  );
  out(`Fill the "translation" column, keep {{placeholders}} and <b>tags</b>, then: npm run i18n:import -- ${file}`);
  out('An "outdated" text that is still right: change its status to "translated".');
  return 0;
};

runAsCommand(import.meta.url, i18nExport);
