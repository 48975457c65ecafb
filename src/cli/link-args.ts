/** --topic/--screen, --lang, --city and --demo, as link and flyer take them. */
import { parseArgs } from 'node:util';
import type { Content } from '../content/model.ts';

export type LinkArgs = { screen: string; lang: string; city?: string; demo: boolean; out?: string };

export function parseLinkArgs(content: Content, argv: string[]): LinkArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      topic: { type: 'string' },
      screen: { type: 'string' },
      lang: { type: 'string', default: 'en' },
      city: { type: 'string' },
      demo: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  const screen = values.screen ?? values.topic ?? 'home';
  const problems: string[] = [];
  if (!content.screens.has(screen) && screen !== 'home') problems.push(`no topic or screen "${screen}" (topics: ${content.flows.map((f) => f.id).join(', ')})`);
  if (!content.language.has(values.lang)) problems.push(`no language "${values.lang}" (languages: ${content.languages.map((l) => l.code).join(', ')})`);
  if (values.city && !content.city.has(values.city)) problems.push(`no city "${values.city}" (cities: ${content.cities.map((c) => c.id).join(', ')})`);
  if (problems.length) throw new Error(problems.join('\n'));
  return { screen, lang: values.lang, city: values.city, demo: values.demo, out: values.out };
}
