/** locales/languages.json (the registry) and data/places.yaml (countries and cities). */
import { join } from 'node:path';
import type { LoadContext } from './read-file.ts';
import { languagesFileSchema, placesFileSchema } from './schema.ts';
import { checkUnique } from './unique.ts';

export function loadLanguages({ rootDir, readFile, problems }: LoadContext) {
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

  return { languages, language };
}

export function loadPlaces({ rootDir, readFile, problems }: LoadContext, language: ReadonlyMap<string, unknown>) {
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

  return { countries, cities, city, cityByCode };
}
