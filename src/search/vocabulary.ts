/**
 * Read the routing vocabulary from the content folders, for the command-line tools.
 * The bot itself passes the same data from the content loader (src/content/load.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOPIC_IDS } from '../content/schema.ts';
import type { Vocabulary } from './router.ts';

export interface LoadOptions {
  /**
   * Also read the answer texts and button labels of locales/<code>/<topic>.json as weak
   * evidence for their screens. Off by default: see the README for the measurement.
   */
  documents?: boolean;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Keyword lists of every registered language, from `rootDir`/locales. */
export function loadVocabulary(rootDir: string, options: LoadOptions = {}): Vocabulary & { documents: Array<{ lang: string; target: string; text: string }> } {
  const localesDir = join(rootDir, 'locales');
  const registry = readJson(join(localesDir, 'languages.json'));
  if (!Array.isArray(registry)) throw new Error('locales/languages.json: expected a list of languages');
  const languages: string[] = [];
  for (const entry of registry) {
    const code = (entry as { code?: unknown }).code;
    if (typeof code === 'string') languages.push(code);
  }
  const keywords = new Map<string, Record<string, string[]>>();
  const documents: Array<{ lang: string; target: string; text: string }> = [];
  for (const lang of languages) {
    const file = join(localesDir, lang, 'keywords.json');
    if (existsSync(file)) {
      const data = readJson(file);
      if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${file}: expected an object`);
      const lists: Record<string, string[]> = {};
      for (const [target, phrases] of Object.entries(data as Record<string, unknown>)) {
        if (!Array.isArray(phrases) || !phrases.every((p) => typeof p === 'string')) {
          throw new Error(`${file}: "${target}" must be a list of phrases`);
        }
        lists[target] = phrases as string[];
      }
      keywords.set(lang, lists);
    }
    if (options.documents) {
      const dir = join(localesDir, lang);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir)) {
        const topic = name.replace(/\.json$/, '');
        if (!(TOPIC_IDS as readonly string[]).includes(topic)) continue;
        const data = readJson(join(dir, name)) as Record<string, unknown>;
        for (const [key, text] of Object.entries(data)) {
          const m = /^(.*)\.(text|button)$/.exec(key);
          if (m && typeof text === 'string') documents.push({ lang, target: m[1]!, text });
        }
      }
    }
  }
  return { languages, keywords, documents };
}
