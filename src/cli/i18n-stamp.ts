/**
 * npm run i18n:stamp -- --lang ti
 * For translators who edit locales/<lang>/*.json directly: records that every current
 * translation matches the current English, so content:check stops calling them outdated.
 * Run it only after checking the outdated texts.
 */
import { parseArgs } from 'node:util';
import { stampTranslations } from '../i18n/translation-table.ts';
import { loadContentFor, runAsCommand, type Command } from './command.ts';
import { translatedLanguage } from './language-arg.ts';

export const i18nStamp: Command = ({ argv, cwd, out, err }) => {
  const { values } = parseArgs({ args: [...argv], options: { lang: { type: 'string' } } });
  const content = loadContentFor({ cwd, err });
  if (!content) return 1;
  const lang = translatedLanguage(content, values.lang, 'i18n:stamp', err);
  if (!lang) return 2;
  out(`${lang}: ${stampTranslations(content, lang)} translations marked as up to date with the English.`);
  return 0;
};

runAsCommand(import.meta.url, i18nStamp);
