import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/checks/check.ts';
import { loadContent } from '../../src/content/load.ts';
import { formatProblem } from '../../src/content/problems.ts';

const FIXTURE = 'tests/fixtures/content';
const NOW = new Date('2026-11-23T12:00:00Z');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** content:check's problems with routing.json files, for the fixture content with these files added. */
function routingProblems(files: Record<string, unknown>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  dirs.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  for (const [lang, data] of Object.entries(files)) writeFileSync(join(dir, 'locales', lang, 'routing.json'), JSON.stringify(data));
  return checkContent(loadContent(dir), { now: NOW })
    .problems.filter((p) => p.file.endsWith('routing.json'))
    .map(formatProblem);
}

describe('content:check on how a language is written (routing.json)', () => {
  it('accepts scripts, a script order and letter hints', () => {
    expect(
      routingProblems({
        en: { scripts: ['latin'], scriptOrder: 10 },
        ar: {
          romanised: true,
          scripts: ['arabic'],
          letterHints: [
            { letters: 'ةىيك', weight: 0.8 },
            { pattern: '[a-z][2-9]', ignoreCase: true, weight: 1.5 },
          ],
        },
      }),
    ).toEqual([]);
  });

  it('refuses an unknown script and says which ones there are', () => {
    expect(routingProblems({ ar: { scripts: ['arabic', 'arabik'] } })).toEqual([
      'error: locales/ar/routing.json: scripts[1]: unknown script "arabik": use "latin", "arabic", "ethiopic", "cyrillic", "han"',
    ]);
  });

  it('refuses a pattern that is no regular expression, and a hint with both or neither of letters and pattern', () => {
    const problems = routingProblems({
      ar: { scripts: ['arabic'], letterHints: [{ pattern: '(^|\\s[وبفل]?ال', weight: 0.8 }, { letters: 'ة', pattern: 'ة', weight: 1 }, { weight: 1 }] },
    });
    expect(problems[0]).toMatch(/^error: locales\/ar\/routing\.json: letterHints\[0\]: not a valid regular expression: /);
    expect(problems.slice(1)).toEqual([
      'error: locales/ar/routing.json: letterHints[1]: give either "letters" or "pattern"',
      'error: locales/ar/routing.json: letterHints[2]: give either "letters" or "pattern"',
    ]);
  });

  it('refuses a weight that is not positive (the schema)', () => {
    expect(() => routingProblems({ ar: { scripts: ['arabic'], letterHints: [{ letters: 'ة', weight: 0 }] } })).toThrow(/letterHints\[0\]\.weight/);
  });

  it('warns when Latin letters are said twice, or no script at all', () => {
    expect(routingProblems({ ar: { romanised: true, scripts: ['arabic', 'latin'] }, en: {} })).toEqual([
      'warning: locales/en/routing.json: scripts: no script listed: a text in any script may be taken for this language',
      'warning: locales/ar/routing.json: scripts[1]: "romanised": true already says people type this language in Latin letters: list only the native script',
    ]);
  });
});
