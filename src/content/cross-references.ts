/** What screens point to exists: other screens, services, facts, countries and cities. */
import type { ServiceEntry } from './model.ts';
import type { ScreenDefinition } from './load-flows.ts';
import type { Problem } from './problems.ts';
import { optionTarget, type City, type Country, type Fact } from './schema.ts';

export function checkReferences(
  screenDefs: ReadonlyMap<string, ScreenDefinition>,
  known: { countries: ReadonlyMap<string, Country>; city: ReadonlyMap<string, City>; services: ReadonlyMap<string, ServiceEntry>; facts: ReadonlyMap<string, Fact> },
  problems: Problem[],
): void {
  const { countries, city, services, facts } = known;
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
}
