import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { checkContent } from '../../src/content/check.ts';
import { ContentError, formatProblem } from '../../src/content/problems.ts';

const FIXTURE = 'tests/fixtures/content';
const NOW = new Date('2026-11-23T12:00:00Z');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the fixture content with one file changed. */
function broken(file: string, change: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  dirs.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

function loadProblems(dir: string): string[] {
  try {
    const content = loadContent(dir);
    return checkContent(content, { now: NOW }).problems.map(formatProblem);
  } catch (err) {
    if (err instanceof ContentError) return err.problems.map(formatProblem);
    throw err;
  }
}

describe('the real content', () => {
  it('passes content:check with no errors', () => {
    const content = loadContent(process.cwd());
    const report = checkContent(content, { now: NOW });
    const errors = report.problems.filter((p) => p.severity === 'error').map(formatProblem);
    expect(errors).toEqual([]);
    expect(report.screensRendered).toBeGreaterThan(content.screens.size);
  });

  it('has every topic other tools rely on, each starting at its own id', () => {
    const content = loadContent(process.cwd());
    expect(content.flows.map((f) => f.id).sort()).toEqual(['birth', 'emergency', 'health', 'legal', 'police', 'school', 'shelter']);
  });
});

describe('content:check explains what is wrong, and where', () => {
  it('accepts the fixture', () => {
    expect(loadProblems(FIXTURE).filter((p) => p.startsWith('error'))).toEqual([]);
  });

  it('names the file and line of a YAML syntax error', () => {
    const problems = loadProblems(broken('flows/shelter.yaml', (t) => t.replace('options: [shelter.tonight,', 'options: [shelter.tonight,,: ')));
    expect(problems.join('\n')).toMatch(/flows\/shelter\.yaml: line \d+: not valid YAML/);
  });

  it('points to an option leading to a missing screen', () => {
    const problems = loadProblems(broken('flows/shelter.yaml', (t) => t.replace('options: [shelter.more]', 'options: [shelter.moer]')));
    expect(problems).toContain('error: flows/shelter.yaml: screens[1].options[0]: there is no screen "shelter.moer"');
  });

  it('points to an unknown field with the path inside the file', () => {
    const problems = loadProblems(broken('data/services/shelter.yaml', (t) => t.replace('phoneFree: true', 'phonefree: true')));
    expect(problems).toContain('error: data/services/shelter.yaml: [1]: unknown field(s) "phonefree" (check the spelling)');
  });

  it('refuses a phone number with letters in it and a date in the wrong form', () => {
    const problems = loadProblems(broken('data/services/shelter.yaml', (t) => t.replace('"0800-0000"', '"0800-HELP"').replace('checked: 2025-11', 'checked: 11-2025')));
    expect(problems.join('\n')).toContain('[1].phone: write the phone number with digits');
    expect(problems.join('\n')).toContain('[1].checked: write the checked date as YYYY-MM');
  });

  it('finds unreachable screens and dead ends', () => {
    const unreachable = loadProblems(broken('flows/shelter.yaml', (t) => t.replace('options: [shelter.more]', 'options: []')));
    expect(unreachable).toContain('error: flows/shelter.yaml: shelter.more: no button leads to this screen: nobody can reach it');
    const deadEnd = loadProblems(broken('flows/shelter.yaml', (t) => t.replace('  - id: shelter.more\n    answer:\n      facts: [winter-beds]', '  - id: shelter.more')));
    expect(deadEnd.join('\n')).toContain('has neither options nor an answer');
  });

  it('finds a screen too long for a phone', () => {
    const problems = loadProblems(broken('locales/en/shelter.json', (t) => t.replace('"Go to the night place."', JSON.stringify('Go. '.repeat(200)))));
    expect(problems.join('\n')).toMatch(/locales\/en\/shelter\.json: shelter\.tonight: screen text is \d+ characters/);
  });

  it('finds broken Telegram HTML and lost placeholders in a translation', () => {
    const problems = loadProblems(broken('locales/nl/shelter.json', (t) => t.replace('Ga naar de nachtplek.', '<b>Ga naar de nachtplek.').replace('{{emergencyNumber}}', '112')));
    expect(problems).toContain('error: locales/nl/shelter.json: shelter.tonight.text: not valid Telegram HTML: <b> is never closed');
    expect(problems).toContain('error: locales/nl/shelter.json: shelter.gent.text: placeholders differ from English: expected emergencyNumber, found none');
  });

  it('reports a missing translation only for a language marked complete', () => {
    const nl = loadProblems(broken('locales/nl/shelter.json', (t) => t.replace('"shelter.more.text": "Meer over bedden.",', '')));
    expect(nl).toContain('error: locales/nl/shelter.json: shelter.more.text: missing translation (Dutch is marked complete)');
    // Arabic is not marked complete in the fixture: its many gaps fall back to English quietly.
    expect(loadProblems(FIXTURE).some((p) => p.includes('locales/ar/'))).toBe(false);
  });

  it('warns about facts not checked for more than 12 months', () => {
    const problems = loadProblems(broken('data/facts/shelter.yaml', (t) => t.replace('checked: 2026-02', 'checked: 2025-06')));
    expect(problems).toContain('warning: data/facts/: crime-law: checked 2025-06: more than 12 months ago, check it against https://example.org/bill again');
  });

  it('refuses screen ids too long for a button', () => {
    const long = 'shelter.' + 'x'.repeat(40);
    const problems = loadProblems(broken('flows/shelter.yaml', (t) => t.replaceAll('shelter.more', long)));
    expect(problems.join('\n')).toContain('keep screen ids at most 40 characters');
  });
});

describe('flows:diagram', () => {
  it('draws every screen and every option of a flow, questions and answers apart', async () => {
    const { flowDiagram } = await import('../../src/content/diagram.ts');
    const content = loadContent(FIXTURE);
    const md = flowDiagram(content, 'shelter');
    expect(md).toContain('```mermaid\nflowchart TD');
    expect(md).toContain('shelter{{"🏠 A place to sleep<br/><small>shelter</small>"}}');
    expect(md).toContain('shelter_tonight(["🌙 Tonight<br/><small>shelter.tonight · 2 service(s)</small>"])');
    expect(flowDiagram(content, 'shelter')).toContain('shelter_gent(["🇧🇪 Ghent<br/><small>shelter.gent · only BE · asks city</small>"])');
    expect(md).toContain('shelter -->|be| shelter_gent');
    expect(md).toContain('shelter_tonight --> shelter_more');
    expect(() => flowDiagram(content, 'nope')).toThrow('no flow "nope"');
  });
});
