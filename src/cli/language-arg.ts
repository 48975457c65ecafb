/** The --lang of a translation tool: a registered language other than English (the source). */
import type { Content } from '../content/model.ts';

/** The language, or undefined once a line says how to name one (`command` as the volunteer types it). */
export function translatedLanguage(content: Content, lang: string | undefined, command: string, err: (line: string) => void): string | undefined {
  const codes = content.languages.map((l) => l.code).filter((c) => c !== 'en');
  if (lang && codes.includes(lang)) return lang;
  err(`Say which language: npm run ${command} -- --lang ti   (one of: ${codes.join(', ')})`);
  return undefined;
}
