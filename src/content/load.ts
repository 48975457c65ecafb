/**
 * Loads flows/, locales/ and data/ once at start, validates them and returns one immutable
 * Content object (its shape: model.ts). The i18n tools (src/i18n/) also read locales/ to write
 * translations back; nothing else in the program reads these folders.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  factsFileSchema,
  flowSchema,
  keywordsSchema,
  routingSchema,
  type RoutingData,
  languagesFileSchema,
  namespaceSchema,
  placesFileSchema,
  servicesFileSchema,
  type Fact,
  type FlowDef,
  type ScreenDef,
  ENGINE_SCREEN_IDS,
  optionTarget,
} from './schema.ts';
import type { Content, ScreenNode, ServiceEntry } from './model.ts';
import { ContentError, zodProblems, type Problem } from './problems.ts';
import { createTranslator } from './translator.ts';

/** Screen ids the engine owns, and names statistics use for its replies; flows may not use them. */
const RESERVED_SCREENS = new Set<string>([...ENGINE_SCREEN_IDS, 'topics', 'wipe']);

const KEYWORDS_NS = 'keywords';
const ROUTING_NS = 'routing';

/** One content file as parsed and validated before: a hash of its text, and the data. */
export interface ParsedFile {
  readonly hash: string;
  readonly data: unknown;
}

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

export function loadContent(rootDir: string = process.cwd(), options: LoadOptions = {}): Content {
  const { parsed: known, record } = options;
  const problems: Problem[] = [];
  const hash = createHash('sha256');
  const rel = (path: string) => relative(rootDir, path) || path;

  /** Read, parse and validate one file; record problems instead of throwing. */
  function readFile<S extends z.ZodType>(path: string, schema: S): z.infer<S> | undefined {
    const file = rel(path);
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch {
      problems.push({ file, where: '', message: 'the file is missing or cannot be read', severity: 'error' });
      return undefined;
    }
    hash.update(file).update('\0').update(raw).update('\0');
    const textHash = known || record ? createHash('sha256').update(raw).digest('base64url') : '';
    const before = known?.get(file);
    if (before && before.hash === textHash) {
      record?.set(file, before);
      return before.data as z.infer<S>;
    }
    let data: unknown;
    if (path.endsWith('.json')) {
      try {
        data = JSON.parse(raw);
      } catch (e) {
        problems.push({ file, where: '', message: `not valid JSON: ${(e as Error).message}`, severity: 'error' });
        return undefined;
      }
    } else {
      const doc = parseDocument(raw, { prettyErrors: true });
      if (doc.errors.length) {
        for (const err of doc.errors) {
          const line = err.linePos?.[0];
          problems.push({ file, where: line ? `line ${line.line}` : '', message: `not valid YAML: ${err.message.split('\n')[0]}`, severity: 'error' });
        }
        return undefined;
      }
      data = doc.toJS();
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      problems.push(...zodProblems(file, parsed.error));
      return undefined;
    }
    // A copy: what is loaded below may add to the data, the cache keeps the file's own.
    record?.set(file, { hash: textHash, data: structuredClone(parsed.data) });
    return parsed.data;
  }

  const listDir = (dir: string, ext: string) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(ext))
          .sort()
      : [];

  // ---- languages
  const languages = readFile(join(rootDir, 'locales', 'languages.json'), languagesFileSchema) ?? [];
  const language = new Map(languages.map((l) => [l.code, l]));
  checkUnique(
    languages.map((l) => l.code),
    'locales/languages.json',
    'language code',
    problems,
  );
  if (languages.length && !language.has('en')) {
    problems.push({ file: 'locales/languages.json', where: '', message: 'English ("en") must be in the registry: it is the source language and the fallback', severity: 'error' });
  }

  // ---- places
  const places = readFile(join(rootDir, 'data', 'places.yaml'), placesFileSchema);
  const countries = new Map((places?.countries ?? []).map((c) => [c.id, c]));
  const cities = places?.cities ?? [];
  const city = new Map(cities.map((c) => [c.id, c]));
  const cityByCode = new Map(cities.map((c) => [c.code, c]));
  checkUnique(
    cities.map((c) => c.id),
    'data/places.yaml',
    'city id',
    problems,
  );
  checkUnique(
    cities.map((c) => c.code),
    'data/places.yaml',
    'city code',
    problems,
  );
  cities.forEach((c, i) => {
    if (!countries.has(c.country)) problems.push({ file: 'data/places.yaml', where: `cities[${i}].country`, message: `unknown country "${c.country}"`, severity: 'error' });
  });
  for (const [i, c] of (places?.countries ?? []).entries()) {
    if (!language.has(c.deskLanguage))
      problems.push({ file: 'data/places.yaml', where: `countries[${i}].deskLanguage`, message: `"${c.deskLanguage}" is not in locales/languages.json`, severity: 'error' });
  }

  // ---- services and facts
  const services = new Map<string, ServiceEntry>();
  for (const name of listDir(join(rootDir, 'data', 'services'), '.yaml')) {
    const file = `data/services/${name}`;
    const namespace = name.replace(/\.yaml$/, '');
    const list = readFile(join(rootDir, file), servicesFileSchema) ?? [];
    list.forEach((s, i) => {
      if (services.has(s.id))
        problems.push({ file, where: `[${i}].id`, message: `service "${s.id}" is defined twice (also in data/services/${services.get(s.id)!.namespace}.yaml)`, severity: 'error' });
      for (const a of s.area) {
        if (!countries.has(a) && !city.has(a)) problems.push({ file, where: `[${i}].area`, message: `"${a}" is neither a country nor a city in data/places.yaml`, severity: 'error' });
      }
      services.set(s.id, { ...s, namespace });
    });
  }
  const facts = new Map<string, Fact>();
  for (const name of listDir(join(rootDir, 'data', 'facts'), '.yaml')) {
    const file = `data/facts/${name}`;
    const list = readFile(join(rootDir, file), factsFileSchema) ?? [];
    list.forEach((f, i) => {
      if (facts.has(f.id)) problems.push({ file, where: `[${i}].id`, message: `fact "${f.id}" is defined twice`, severity: 'error' });
      facts.set(f.id, f);
    });
  }

  // ---- flows
  const flows: FlowDef[] = [];
  const screenDefs = new Map<string, { def: ScreenDef; flow: string; file: string; index: number }>();
  for (const name of listDir(join(rootDir, 'flows'), '.yaml')) {
    const file = `flows/${name}`;
    const flow = readFile(join(rootDir, file), flowSchema);
    if (!flow) continue;
    if (`${flow.id}.yaml` !== name) problems.push({ file, where: 'id', message: `the flow id "${flow.id}" must match the file name`, severity: 'error' });
    if (flow.start !== flow.id) problems.push({ file, where: 'start', message: `the first screen must have the flow's id "${flow.id}"`, severity: 'error' });
    flow.screens.forEach((s, i) => {
      if (RESERVED_SCREENS.has(s.id)) problems.push({ file, where: `screens[${i}].id`, message: `"${s.id}" is reserved for the bot's own screens`, severity: 'error' });
      else if (s.id !== flow.id && !s.id.startsWith(`${flow.id}.`))
        problems.push({
          file,
          where: `screens[${i}].id`,
          message: `screen ids in this flow start with "${flow.id}." (so a button shows which topic it belongs to)`,
          severity: 'error',
        });
      const prev = screenDefs.get(s.id);
      if (prev) problems.push({ file, where: `screens[${i}].id`, message: `screen "${s.id}" is defined twice (also ${prev.file})`, severity: 'error' });
      else screenDefs.set(s.id, { def: s, flow: flow.id, file, index: i });
    });
    flows.push(flow);
  }
  flows.sort((a, b) => a.order - b.order);
  if (!flows.some((f) => f.id === 'emergency')) {
    problems.push({ file: 'flows/emergency.yaml', where: '', message: 'the emergency flow is required: every screen links to it', severity: 'error' });
  }

  // References from screens to screens, services, facts, countries and cities.
  for (const { def, file, index } of screenDefs.values()) {
    def.options.forEach((o, j) => {
      const to = optionTarget(o);
      if (!screenDefs.has(to)) problems.push({ file, where: `screens[${index}].options[${j}]`, message: `there is no screen "${to}"`, severity: 'error' });
      if (typeof o !== 'string') {
        for (const c of o.countries ?? []) if (!countries.has(c)) problems.push({ file, where: `screens[${index}].options[${j}].countries`, message: `unknown country "${c}"`, severity: 'error' });
        for (const c of o.cities ?? []) if (!city.has(c)) problems.push({ file, where: `screens[${index}].options[${j}].cities`, message: `unknown city "${c}"`, severity: 'error' });
      }
    });
    for (const c of def.countries ?? []) if (!countries.has(c)) problems.push({ file, where: `screens[${index}].countries`, message: `unknown country "${c}"`, severity: 'error' });
    def.answer?.services.forEach((s, j) => {
      if (!services.has(s)) problems.push({ file, where: `screens[${index}].answer.services[${j}]`, message: `there is no service "${s}" in data/services/`, severity: 'error' });
    });
    def.answer?.facts.forEach((f, j) => {
      if (!facts.has(f)) problems.push({ file, where: `screens[${index}].answer.facts[${j}]`, message: `there is no fact "${f}" in data/facts/`, severity: 'error' });
    });
    if (!def.answer && def.options.length === 0)
      problems.push({ file, where: `screens[${index}]`, message: `screen "${def.id}" has neither options nor an answer: a person would be stuck here`, severity: 'error' });
  }

  // "Back" goes to the screen that first leads here, breadth-first from the main menu.
  const parent = parentsFromMenu(
    flows.map((f) => f.start),
    (id) => screenDefs.get(id)?.def.options,
  );
  const screens = new Map<string, ScreenNode>();
  for (const [id, { def, flow }] of screenDefs) screens.set(id, { ...def, flow, parent: parent.get(id) ?? flow });

  // ---- locales
  const resources = new Map<string, Map<string, Record<string, string>>>();
  const keywords = new Map<string, Record<string, string[]>>();
  const routing = new Map<string, RoutingData>();
  const namespaces = new Set<string>();
  for (const lang of languages) {
    const dir = join(rootDir, 'locales', lang.code);
    const byNs = new Map<string, Record<string, string>>();
    // Files starting with "_" are translation bookkeeping (see src/i18n/sources.ts), not texts.
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

/**
 * Walks the flows breadth-first from the main menu: screen id -> the screen that first
 * leads to it ('home' for a flow's start). A screen missing from the result is unreachable.
 */
export function parentsFromMenu(starts: readonly string[], optionsOf: (id: string) => ReadonlyArray<string | { to: string }> | undefined): Map<string, string> {
  const parent = new Map<string, string>();
  const queue: string[] = [];
  for (const start of starts) {
    if (optionsOf(start) && !parent.has(start)) {
      parent.set(start, 'home');
      queue.push(start);
    }
  }
  while (queue.length) {
    const id = queue.shift()!;
    for (const to of optionsOf(id)!.map(optionTarget)) {
      if (optionsOf(to) && !parent.has(to)) {
        parent.set(to, id);
        queue.push(to);
      }
    }
  }
  return parent;
}

function checkUnique(values: string[], file: string, what: string, problems: Problem[]) {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) problems.push({ file, where: '', message: `the ${what} "${v}" is used twice`, severity: 'error' });
    seen.add(v);
  }
}
