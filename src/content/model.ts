/**
 * What the loaded content is, for everyone who reads it (the engine, search, channels, checks):
 * the types only. load.ts builds it from flows/, locales/ and data/.
 */
import type { City, Country, Fact, FlowDef, Language, RoutingData, ScreenDef, Service } from './schema.ts';
import type { Problem } from './problems.ts';
import type { Translator } from './translator.ts';

export type ScreenNode = ScreenDef & {
  flow: string;
  /** The screen that first leads here from the main menu: where "back" goes. */
  parent: string;
};

export type ServiceEntry = Service & {
  /** Locale namespace holding its description (`service.<id>`): the data file's name. */
  namespace: string;
};

export interface Content {
  readonly rootDir: string;
  /** Short hash of every content file: travels in buttons to notice stale ones. */
  readonly version: string;
  readonly languages: readonly Language[];
  readonly language: ReadonlyMap<string, Language>;
  readonly countries: ReadonlyMap<string, Country>;
  readonly cities: readonly City[];
  readonly city: ReadonlyMap<string, City>;
  readonly cityByCode: ReadonlyMap<string, City>;
  readonly flows: readonly FlowDef[];
  readonly screens: ReadonlyMap<string, ScreenNode>;
  readonly services: ReadonlyMap<string, ServiceEntry>;
  readonly facts: ReadonlyMap<string, Fact>;
  /** Free-text vocabulary: lang -> target -> phrases. */
  readonly keywords: ReadonlyMap<string, Record<string, string[]>>;
  /** How each language writes numbers, time units, ages and cities (routing.json). */
  readonly routing: ReadonlyMap<string, RoutingData>;
  /** Every namespace that has a file in some language (without keywords). */
  readonly namespaces: readonly string[];
  /** Raw locale resources: lang -> namespace -> key -> text. */
  readonly resources: ReadonlyMap<string, ReadonlyMap<string, Readonly<Record<string, string>>>>;
  readonly t: Translator;
  /** Warnings found while loading (they do not stop the start). */
  readonly warnings: readonly Problem[];
}
