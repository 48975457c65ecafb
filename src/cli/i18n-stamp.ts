/**
 * npm run i18n:stamp -- --lang ti
 * For translators who edit locales/<lang>/*.json directly: records that every current
 * translation matches the current English, so content:check stops calling them outdated.
 * Run it only after checking the outdated texts.
 */
import { parseArgs } from 'node:util';
import { stampTranslations } from '../i18n/translation-table.ts';
import { loadLanguageCodes } from '../i18n/languages.ts';

const { values } = parseArgs({ options: { lang: { type: 'string' } } });
const codes = loadLanguageCodes(process.cwd());
if (!values.lang || !codes.includes(values.lang) || values.lang === 'en') {
  console.error(`Say which language: npm run i18n:stamp -- --lang ti   (one of: ${codes.filter((c) => c !== 'en').join(', ')})`);
  process.exit(2);
}
console.log(`${values.lang}: ${stampTranslations(process.cwd(), values.lang)} translations marked as up to date with the English.`);
