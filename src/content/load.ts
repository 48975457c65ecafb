/**
 * Loads flows/, locales/ and data/ once at start, validates them and returns one immutable
 * Content object (its shape: model.ts). Nothing else reads these folders' texts: the i18n tools
 * take them from the Content and only write translations back (and keep their own bookkeeping,
 * locales/<lang>/_sources.json, in src/i18n/sources.ts).
 */
import { createHash } from 'node:crypto';
import { checkReferences } from './cross-references.ts';
import { parentsFromMenu } from './flow-tree.ts';
import { loadData } from './load-data.ts';
import { loadFlows } from './load-flows.ts';
import { loadLocales } from './load-locales.ts';
import { loadLanguages, loadPlaces } from './load-places.ts';
import type { Content, ScreenNode } from './model.ts';
import { ContentError } from './problems.ts';
import { createLoadContext, type ParsedFile } from './read-file.ts';
import { createTranslator } from './translator.ts';

export type { ParsedFile };

export interface LoadOptions {
  /**
   * Files parsed and validated by this same code before (parsed-cache.ts, made at `npm run
   * build`), by path: a file whose text still has the hash is not parsed again. Each file is
   * still read, and everything across files is still checked.
   */
  parsed?: ReadonlyMap<string, ParsedFile>;
  /** Receives every file as parsed and validated now (for the cache). */
  record?: Map<string, ParsedFile>;
}

/** Each folder by its own loader, then what crosses folders; every problem is collected before any is thrown. */
export function loadContent(rootDir: string = process.cwd(), options: LoadOptions = {}): Content {
  const hash = createHash('sha256');
  const ctx = createLoadContext(rootDir, hash, options.parsed, options.record);
  const { problems } = ctx;
  const { languages, language } = loadLanguages(ctx);
  const { countries, cities, city, cityByCode } = loadPlaces(ctx, language);
  const { services, facts } = loadData(ctx, countries, city);
  const { flows, screenDefs } = loadFlows(ctx);
  checkReferences(screenDefs, { countries, city, services, facts }, problems);
  // "Back" goes to the screen that first leads here, breadth-first from the main menu.
  const parent = parentsFromMenu(
    flows.map((f) => f.start),
    (id) => screenDefs.get(id)?.def.options,
  );
  const screens = new Map<string, ScreenNode>();
  for (const [id, { def, flow }] of screenDefs) screens.set(id, { ...def, flow, parent: parent.get(id) ?? flow });

  const { resources, keywords, routing, namespaces } = loadLocales(ctx, languages, language);

  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new ContentError(problems);

  const version = hash.digest('base64url').slice(0, 3);
  const t = createTranslator(resources, [...namespaces]);
  return Object.freeze({
    rootDir,
    version,
    languages,
    language,
    countries,
    cities,
    city,
    cityByCode,
    flows,
    screens,
    services,
    facts,
    keywords,
    routing,
    namespaces: [...namespaces].sort(),
    resources,
    t,
    warnings: problems,
  });
}
