/**
 * npm run i18n:export -- --lang ti [--out ti.csv] [--only missing,outdated]
 * Writes a CSV for a spreadsheet: key, english, translation, status (missing / outdated /
 * translated) and, for outdated rows, english_before: the English the translation was made
 * from, so the translator sees what changed. Translators fill the "translation" column and give the file back to
 * i18n:import. No code to touch.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { toCsvLine } from '../i18n/csv.ts';
import { translationRows } from '../i18n/translation-table.ts';
import { loadLanguageCodes } from '../i18n/languages.ts';

const { values } = parseArgs({ options: { lang: { type: 'string' }, out: { type: 'string' }, only: { type: 'string' } } });
const root = process.cwd();
const codes = loadLanguageCodes(root);
if (!values.lang || !codes.includes(values.lang) || values.lang === 'en') {
  console.error(`Say which language: npm run i18n:export -- --lang ti   (one of: ${codes.filter((c) => c !== 'en').join(', ')})`);
  process.exit(2);
}
const only = values.only ? new Set(values.only.split(',')) : undefined;
const rows = translationRows(root, values.lang).filter((r) => !only || only.has(r.status));
const out = values.out ?? `${values.lang}.csv`;
// A BOM makes Excel open the file as UTF-8 (Ge'ez, Arabic and Cyrillic survive).
const csv =
  '\ufeff' +
  [toCsvLine(['key', 'english', 'translation', 'status', 'english_before']), ...rows.map((r) => toCsvLine([r.id, r.english, r.translation, r.status, r.englishBefore ?? '']))].join('\r\n') +
  '\r\n';
writeFileSync(out, csv);
const counts = rows.reduce<Record<string, number>>((acc, r) => ((acc[r.status] = (acc[r.status] ?? 0) + 1), acc), {});
console.log(
  `Wrote ${out}: ${rows.length} texts (${Object.entries(counts)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ')}).`,
);
console.log('Fill the "translation" column, keep {{placeholders}} and <b>tags</b>, then: npm run i18n:import -- ' + out);
console.log('An "outdated" text that is still right: change its status to "translated".');
