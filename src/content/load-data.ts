/** data/services/*.yaml and data/facts/*.yaml: who helps, and the facts that can change. */
import { join } from 'node:path';
import type { ServiceEntry } from './model.ts';
import type { LoadContext } from './read-file.ts';
import { factsFileSchema, servicesFileSchema, type City, type Country, type Fact } from './schema.ts';

export function loadData({ rootDir, readFile, listDir, problems }: LoadContext, countries: ReadonlyMap<string, Country>, city: ReadonlyMap<string, City>) {
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

  return { services, facts };
}
