/**
 * npm run content:check - validates flows/, locales/ and data/ and explains every problem
 * with the file, the place inside it and what to do. Exit code 1 on errors, 0 otherwise
 * (warnings, such as facts not checked for 12 months, are printed but do not fail).
 */
import { loadContent } from '../content/load.ts';
import { checkContent } from '../content/check.ts';
import { ContentError, formatProblem } from '../content/problems.ts';

const root = process.argv[2] ?? process.cwd();
try {
  const content = loadContent(root);
  const report = checkContent(content, { now: new Date() });
  const errors = report.problems.filter((p) => p.severity === 'error');
  const warnings = report.problems.filter((p) => p.severity === 'warning');
  for (const p of [...errors, ...warnings]) console.log(formatProblem(p));
  console.log('');
  console.log(
    `${content.flows.length} flows, ${content.screens.size} screens, ${content.services.size} services, ${content.facts.size} facts, ${content.languages.length} languages; ${report.screensRendered} screens rendered.`,
  );
  const gaps = [...report.missing].filter(([, n]) => n > 0).map(([lang, n]) => `${lang} ${n}`);
  if (gaps.length) console.log(`Texts still shown in English (missing translations): ${gaps.join(', ')}`);
  const stale = [...report.outdated].filter(([, n]) => n > 0).map(([lang, n]) => `${lang} ${n}`);
  if (stale.length) console.log(`Translations made from an older English text (outdated): ${stale.join(', ')}`);
  console.log(errors.length ? `${errors.length} error(s), ${warnings.length} warning(s).` : `OK: no errors, ${warnings.length} warning(s).`);
  process.exit(errors.length ? 1 : 0);
} catch (err) {
  if (err instanceof ContentError) {
    for (const p of err.problems) console.log(formatProblem(p));
    console.log(`\n${err.problems.filter((p) => p.severity === 'error').length} error(s): the bot would not start with this content.`);
    process.exit(1);
  }
  throw err;
}
