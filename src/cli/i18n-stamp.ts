/**
 * npm run i18n:stamp -- --lang ti
 * For translators who edit locales/<lang>/*.json directly: records that every current
 * translation matches the current English, so content:check stops calling them outdated.
 * Run it only after checking the outdated texts.
 */
import { parseArgs } from 'node:util';
import { stampTranslations } from '../i18n/translation-table.ts';
import { loadContentFor, runAsCommand, type Command } from './command.ts';

export const i18nStamp: Command = ({ argv, cwd, out, err }) => {
  const { values } = parseArgs({ args: [...argv], options: { lang: { type: 'string' } } });
  const content = loadContentFor({ cwd, err });
  if (!content) return 1;
  const codes = content.languages.map((l) => l.code);
  if (!values.lang || !codes.includes(values.lang) || values.lang === 'en') {
    err(`Say which language: npm run i18n:stamp -- --lang ti   (one of: ${codes.filter((c) => c !== 'en').join(', ')})`);
    return 2;
  }
  out(`${values.lang}: ${stampTranslations(content, values.lang)} translations marked as up to date with the English.`);
  return 0;
};

runAsCommand(import.meta.url, i18nStamp);
