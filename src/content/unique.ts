/** A value a file lists twice (a language code, a city id) is a problem. */
import type { Problem } from './problems.ts';

export function checkUnique(values: string[], file: string, what: string, problems: Problem[]) {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) problems.push({ file, where: '', message: `the ${what} "${v}" is used twice`, severity: 'error' });
    seen.add(v);
  }
}
