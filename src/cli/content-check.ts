/**
 * npm run content:check - validates flows/, locales/ and data/ and explains every problem
 * with the file, the place inside it and what to do. Exit code 1 on errors, 0 otherwise
 * (warnings, such as facts not checked for 12 months, are printed but do not fail).
 */
import { resolve } from 'node:path';
import { loadContent } from '../content/load.ts';
import { checkContent } from '../checks/check.ts';
import { ContentError, formatProblem } from '../content/problems.ts';
import { runAsCommand, type Command } from './command.ts';

export const contentCheck: Command = ({ argv, cwd, out }) => {
  const root = resolve(cwd, argv[0] ?? '.');
  try {
    const content = loadContent(root);
    const report = checkContent(content, { now: new Date() });
    const errors = report.problems.filter((p) => p.severity === 'error');
    const warnings = report.problems.filter((p) => p.severity === 'warning');
    for (const p of [...errors, ...warnings]) out(formatProblem(p));
    out('');
    out(
      `${content.flows.length} flows, ${content.screens.size} screens, ${content.services.size} services, ${content.facts.size} facts, ${content.languages.length} languages; ${report.screensRendered} screens rendered.`,
    );
    const gaps = [...report.missing].filter(([, n]) => n > 0).map(([lang, n]) => `${lang} ${n}`);
    if (gaps.length) out(`Texts still shown in English (missing translations): ${gaps.join(', ')}`);
    const stale = [...report.outdated].filter(([, n]) => n > 0).map(([lang, n]) => `${lang} ${n}`);
    if (stale.length) out(`Translations made from an older English text (outdated): ${stale.join(', ')}`);
    out(errors.length ? `${errors.length} error(s), ${warnings.length} warning(s).` : `OK: no errors, ${warnings.length} warning(s).`);
    return errors.length ? 1 : 0;
  } catch (err) {
    if (!(err instanceof ContentError)) throw err;
    for (const p of err.problems) out(formatProblem(p));
    out(`\n${err.problems.filter((p) => p.severity === 'error').length} error(s): the bot would not start with this content.`);
    return 1;
  }
};

runAsCommand(import.meta.url, contentCheck);
