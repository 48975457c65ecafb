/**
 * Quality checks on loaded content, beyond what stops the start, as a list of named checks
 * (one file per theme in this folder; a new check is a new entry): every screen reachable,
 * no dead ends, screens short enough for a phone in every language and city, every button
 * within Telegram's 64 bytes, valid Telegram HTML, placeholders kept in translations,
 * complete languages complete, and facts checked within the last 12 months.
 */
import type { Content } from '../content/model.ts';
import type { Problem } from '../content/problems.ts';
import type { CheckContext, ContentCheck } from './context.ts';
import { freshness } from './freshness.ts';
import { everyScreen } from './screens.ts';
import { decisionRules, reachability } from './structure.ts';
import { deskSentences, screenLength, telegramHtml, translations } from './texts.ts';
import { keywordTargets, menuPhrases, readingRules, writingRules } from './vocabulary.ts';

/** In the order their findings are listed. */
export const CHECKS: readonly ContentCheck[] = [
  reachability,
  translations,
  deskSentences,
  keywordTargets,
  menuPhrases,
  readingRules,
  writingRules,
  decisionRules,
  telegramHtml,
  screenLength,
  everyScreen,
  freshness,
];

export type CheckReport = {
  problems: Problem[];
  /** lang -> number of keys that fall back to English. */
  missing: Map<string, number>;
  /** lang -> number of translations made from an older English text. */
  outdated: Map<string, number>;
  screensRendered: number;
};

export function checkContent(content: Content, opts: { now: Date }, checks: readonly ContentCheck[] = CHECKS): CheckReport {
  const problems: Problem[] = [...content.warnings];
  let screensRendered = 0;
  const ctx: CheckContext = {
    content,
    now: opts.now,
    err: (file, where, message) => problems.push({ file, where, message, severity: 'error' }),
    warn: (file, where, message) => problems.push({ file, where, message, severity: 'warning' }),
    missing: new Map(),
    outdated: new Map(),
    rendered: (count) => {
      screensRendered += count;
    },
  };
  for (const check of checks) check.run(ctx);
  return { problems, missing: ctx.missing, outdated: ctx.outdated, screensRendered };
}
