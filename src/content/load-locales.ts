/**
 * locales/<lang>/: every namespace of texts, keywords.json (typed-question words) and
 * routing.json (how the language is read). Files starting with "_" are translation bookkeeping
 * (src/i18n/sources.ts), not texts.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadContext } from './read-file.ts';
import { keywordsSchema, namespaceSchema, routingSchema, type Language, type RoutingData } from './schema.ts';

const KEYWORDS_NS = 'keywords';
const ROUTING_NS = 'routing';

export function loadLocales({ rootDir, readFile, listDir, problems }: LoadContext, languages: readonly Language[], language: ReadonlyMap<string, Language>) {
  const resources = new Map<string, Map<string, Record<string, string>>>();
  const keywords = new Map<string, Record<string, string[]>>();
  const routing = new Map<string, RoutingData>();
  const namespaces = new Set<string>();
  for (const lang of languages) {
    const dir = join(rootDir, 'locales', lang.code);
    const byNs = new Map<string, Record<string, string>>();
    for (const name of listDir(dir, '.json').filter((n) => !n.startsWith('_'))) {
      const ns = name.replace(/\.json$/, '');
      const path = join(dir, name);
      if (ns === KEYWORDS_NS) {
        const kw = readFile(path, keywordsSchema);
        if (kw) keywords.set(lang.code, kw);
        continue;
      }
      if (ns === ROUTING_NS) {
        const data = readFile(path, routingSchema);
        if (data) routing.set(lang.code, data);
        continue;
      }
      const data = readFile(path, namespaceSchema);
      if (data) {
        byNs.set(ns, data);
        namespaces.add(ns);
      }
    }
    resources.set(lang.code, byNs);
  }
  if (existsSync(join(rootDir, 'locales'))) {
    for (const entry of readdirSync(join(rootDir, 'locales'), { withFileTypes: true })) {
      if (entry.isDirectory() && !language.has(entry.name)) {
        problems.push({ file: `locales/${entry.name}/`, where: '', message: `this folder is not in locales/languages.json, so it is not loaded`, severity: 'warning' });
      }
    }
  }

  return { resources, keywords, routing, namespaces };
}
