/**
 * npm run i18n:import -- ti.csv [--lang ti]
 * Reads a translated CSV back into locales/<lang>/. Rows with broken placeholders, lost
 * formatting or over-long texts are rejected with their line number and the reason; the
 * other rows are imported. Exit code 1 when any row was rejected.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCsv } from '../i18n/csv.ts';
import { applyTranslations } from '../i18n/translation-table.ts';
import { loadContentFor, runAsCommand, type Command } from './command.ts';

export const i18nImport: Command = ({ argv, cwd, out, err }) => {
  const { values, positionals } = parseArgs({ args: [...argv], options: { lang: { type: 'string' } }, allowPositionals: true });
  const file = positionals[0];
  if (!file) {
    err('Say which file: npm run i18n:import -- ti.csv');
    return 2;
  }
  const content = loadContentFor({ cwd, err });
  if (!content) return 1;
  // The language: --lang, else the one language code found in the file name (ti.csv, upd-ti.csv, ti_2026-11.csv).
  const codes = content.languages.map((l) => l.code).filter((c) => c !== 'en');
  const inName = basename(file)
    .replace(/\.csv$/i, '')
    .split(/[._\s-]/)
    .filter((part) => codes.includes(part));
  const lang = values.lang ?? (inName.length === 1 ? inName[0]! : undefined);
  if (!lang || !codes.includes(lang)) {
    err(values.lang ? `"${values.lang}" is not a language in locales/languages.json.` : `Say which language the file is in: npm run i18n:import -- ${file} --lang ti`);
    return 2;
  }
  const [header, ...body] = parseCsv(readFileSync(resolve(cwd, file), 'utf8'));
  const col = (name: string) => header?.findIndex((h) => h.trim().toLowerCase() === name) ?? -1;
  const [keyCol, englishCol, translationCol, statusCol] = [col('key'), col('english'), col('translation'), col('status')];
  if (keyCol < 0 || translationCol < 0) {
    err('The first row must name the columns, at least "key" and "translation" (as i18n:export writes them).');
    return 2;
  }
  const rows = body
    .map((cells, i) => ({
      row: i + 2,
      id: cells[keyCol] ?? '',
      english: englishCol >= 0 ? (cells[englishCol] ?? '') : '',
      translation: cells[translationCol] ?? '',
      status: statusCol >= 0 ? cells[statusCol] : undefined,
    }))
    .filter((r) => r.id.trim());
  const result = applyTranslations(content, lang, rows);
  for (const r of result.rejected) out(`rejected: row ${r.row} (${r.id}): ${r.reason}`);
  out(`${lang}: ${result.imported} imported, ${result.confirmed} confirmed unchanged, ${result.unchanged} left as they were, ${result.rejected.length} rejected.`);
  return result.rejected.length ? 1 : 0;
};

runAsCommand(import.meta.url, i18nImport);
