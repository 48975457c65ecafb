/**
 * Which English text each translation was made from. locales/<lang>/_sources.json maps
 * "namespace:key" to a short hash of the English source at translation time; when the
 * English changes, the hash no longer matches and the translation counts as outdated
 * until a translator updates it (through i18n:import).
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
  return recorded === sourceHash(english) ? 'translated' : 'outdated';
}
