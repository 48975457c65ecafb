/**
 * Which English text each translation was made from. locales/<lang>/_sources.json maps
 * "namespace:key" to the English source at translation time; when the English changes,
 * it no longer matches and the translation counts as outdated until a translator updates
 * it. Keeping the text (not only a hash) lets i18n:export show translators what changed.
 * Older files hold short hashes; those still compare, they just cannot show the old text.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SOURCES_FILE = '_sources.json';

export function sourceHash(english: string): string {
  return createHash('sha256').update(english).digest('base64url').slice(0, 10);
}

export function readSources(rootDir: string, lang: string): Record<string, string> {
  const file = join(rootDir, 'locales', lang, SOURCES_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

export function writeSources(rootDir: string, lang: string, sources: Record<string, string>): void {
  const sorted = Object.fromEntries(Object.entries(sources).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(join(rootDir, 'locales', lang, SOURCES_FILE), JSON.stringify(sorted, null, 2) + '\n');
}

export type TranslationStatus = 'missing' | 'outdated' | 'translated';

export function statusOf(english: string, translation: string | undefined, recorded: string | undefined): TranslationStatus {
  if (!translation) return 'missing';
  return recorded === english || recorded === sourceHash(english) ? 'translated' : 'outdated';
}

/** The English a translation was made from, when the record holds the text itself. */
export function previousEnglish(english: string, recorded: string | undefined): string | undefined {
  if (!recorded || recorded === english || recorded === sourceHash(english)) return undefined;
  return /^[A-Za-z0-9_-]{10}$/.test(recorded) ? undefined : recorded;
}
