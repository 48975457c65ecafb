import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { checkContent } from '../../src/checks/check.ts';
import { render } from '../../src/engine/engine.ts';
import { ContentError, formatProblem } from '../../src/content/problems.ts';
import { validateTelegramHtml } from '../../src/content/telegram-html.ts';
import { buttonFindings, crawlScreens, hasGregorianYear } from '../../src/checks/screen-rules.ts';

const FIXTURE = 'tests/fixtures/content';
const NOW = new Date('2026-11-23T12:00:00Z');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

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
  // Every screen in every language and city: 6-10 s of work here, minutes on a busy machine.
  it('passes content:check with no errors', { timeout: 180_000 }, () => {
    const content = loadContent(process.cwd());
    const report = checkContent(content, { now: NOW });
    const errors = report.problems.filter((p) => p.severity === 'error').map(formatProblem);
    expect(errors).toEqual([]);
    expect(report.screensRendered).toBeGreaterThan(content.screens.size);
  });

  it('has every topic other tools rely on, each starting at its own id', () => {
    const content = loadContent(process.cwd());
    // Links, flyers and the evaluation sets name these topics; a new topic may join them.
    expect(content.flows.map((f) => f.id)).toEqual(expect.arrayContaining(['basics', 'birth', 'emergency', 'health', 'legal', 'police', 'school', 'shelter']));
    for (const flow of content.flows) expect(flow.start).toBe(flow.id);
  });
});

describe('content:check explains what is wrong, and where', () => {
  it('accepts the fixture', () => {
    expect(loadProblems(FIXTURE).filter((p) => p.startsWith('error'))).toEqual([]);
  });

  it('names the file and line of a YAML syntax error', () => {
    const problems = loadProblems(broken('flows/shelter.yaml', (t) => t.replace('options: [{ to: shelter.tonight,', 'options: [{ to: shelter.tonight,,: ')));
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
    const deadEnd = loadProblems(
      broken('flows/shelter.yaml', (t) => t.replace('  - id: shelter.more\n    answer:\n      services: [national-help, night-ams, day-ams]\n      facts: [winter-beds]', '  - id: shelter.more')),
    );
    expect(deadEnd.join('\n')).toContain('has neither options nor an answer');
  });

  it('finds a screen too long for a phone', () => {
    const problems = loadProblems(broken('locales/en/shelter.json', (t) => t.replace('"Go to the night place."', JSON.stringify('Go. '.repeat(200)))));
    expect(problems.join('\n')).toMatch(/locales\/en\/shelter\.json: shelter\.tonight: screen text is \d+ characters/);
  });

  it('finds a desk sentence that tells the clerk about papers before anyone asks', () => {
    const dir = broken('locales/nl/shelter.json', (t) => t.replace('"Ik heb vannacht een bed nodig."', '"Ik heb geen papieren en heb vannacht een bed nodig."'));
    expect(loadProblems(dir)).toContain(
      'error: locales/nl/shelter.json: shelter.tonight.desk: the desk sentence says "papieren" before anyone asks about papers: put that in shelter.tonight.deskIfAsked',
    );
    // The same words under "only if they ask" are what that sentence is for.
    expect(loadProblems(FIXTURE).join('\n')).not.toContain('before anyone asks');
  });

  it('finds typed-question words for a screen that does not exist', () => {
    const dir = broken('locales/en/shelter.json', (t) => t);
    writeFileSync(join(dir, 'locales/en/keywords.json'), JSON.stringify({ 'shelter.tonight': ['bed tonight'], 'shelter.winter': ['frost'] }));
    const problems = loadProblems(dir);
    expect(problems).toContain('error: locales/en/keywords.json: shelter.winter: no screen has this id: these words lead nowhere (rename the group to the screen it is for)');
    expect(problems.join('\n')).not.toContain('keywords.json: shelter.tonight');
  });

  it('finds a phrase of a menu that a screen under the menu has too', () => {
    // A menu between the topic's first screen and the tonight screen.
    const dir = broken('flows/shelter.yaml', (t) =>
      t
        .replace('{ to: shelter.tonight, countries: [nl] }', '{ to: shelter.who, countries: [nl] }')
        .replace('  - id: shelter.tonight\n', '  - id: shelter.who\n    options: [shelter.tonight]\n  - id: shelter.tonight\n'),
    );
    writeFileSync(join(dir, 'locales/en/keywords.json'), JSON.stringify({ 'shelter.who': ['no bed', 'bed tonight'], 'shelter.tonight': ['Bed tonight'] }));
    const problems = loadProblems(dir);
    expect(problems).toContain(
      'error: locales/en/keywords.json: shelter.who: "bed tonight" is also a phrase of shelter.tonight, a screen under this menu: keep it there only, or the menu hides that screen',
    );
    expect(problems.join('\n')).not.toContain('"no bed"');
  });

  it('finds a typed-question phrase that is only a place name', () => {
    const dir = broken('locales/en/shelter.json', (t) => t);
    writeFileSync(join(dir, 'locales/en/routing.json'), JSON.stringify({ countries: { nl: ['Holland'] } }));
    writeFileSync(join(dir, 'locales/en/keywords.json'), JSON.stringify({ 'shelter.tonight': ['bed tonight', 'holland'] }));
    const problems = loadProblems(dir);
    expect(problems).toContain('error: locales/en/keywords.json: shelter.tonight: "holland" is only a place name: places are read from routing.json (cities, countries), so leave it out');
    expect(problems.join('\n')).not.toContain('"bed tonight"');
  });

  it('finds broken Telegram HTML and lost placeholders in a translation', () => {
    const problems = loadProblems(broken('locales/nl/shelter.json', (t) => t.replace('Ga naar de nachtplek.', '<b>Ga naar de nachtplek.').replace('{{emergencyNumber}}', '112')));
    expect(problems).toContain('error: locales/nl/shelter.json: shelter.tonight.text: not valid Telegram HTML: <b> is never closed');
    expect(problems).toContain('error: locales/nl/shelter.json: shelter.gent.text: placeholders differ from English: expected emergencyNumber, found none');
  });

  it("reads Telegram HTML with Telegram's own rules, the ones the emulator enforces", () => {
    expect(validateTelegramHtml('<b>Ga</b> naar <a href="https://www.regenboog.org">De Regenboog</a>.')).toBeNull();
    // Accepted by a tag list, refused by Telegram: a span must be a spoiler.
    expect(validateTelegramHtml('<span>112</span>')).toMatch(/span.*tg-spoiler/);
    expect(validateTelegramHtml('Bel <b>112')).toBe('<b> is never closed');
    expect(validateTelegramHtml('<b>bold <i>both</b></i>')).toBe('</b> closes a tag that is not open (</i> is expected there)');
    expect(validateTelegramHtml('1 < 2')).toMatch(/is not a tag: write < as &lt;/);
    expect(validateTelegramHtml('open&nbsp;now')).toMatch(/unknown entity &nbsp;/);
    expect(validateTelegramHtml('<a href="tel:112">112</a>')).toBe('links must look like <a href="https://...">');
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

describe('content:check looks at every screen as a person gets it', () => {
  const errorsOf = (dir: string) => loadProblems(dir).filter((p) => p.startsWith('error'));

  it('opens every screen in every language and city, with no city too, and the "more organisations" views', () => {
    const content = loadContent(FIXTURE);
    const { renders, findings } = crawlScreens(content);
    // 3 languages x (10 cities + no city) x (4 flow screens + emergency + home, help, privacy) at least.
    expect(renders).toBeGreaterThanOrEqual(3 * 11 * 8);
    expect(findings).toEqual([]);
  });

  it('finds a button label used twice on one screen', () => {
    const dir = broken('locales/en/shelter.json', (t) => t.replace('"➕ More"', '"🔗 Share"'));
    expect(errorsOf(dir).join('\n')).toMatch(/flows\/shelter\.yaml: shelter\.tonight: two buttons with the same label: "🔗 Share" \(in en/);
  });

  it('finds the same organisation twice in one answer', () => {
    const dir = broken('data/services/shelter.yaml', (t) => t.replace('website: https://example.org/day', 'website: https://example.org/night'));
    expect(errorsOf(dir).join('\n')).toMatch(/shelter\.more: the same organisation twice: Day Centre Amsterdam \(in en\/amsterdam/);
  });

  it('finds an answer a person must scroll through for more than 1,000 characters', () => {
    const dir = broken('locales/en/shelter.json', (t) => t.replace('"Beds for the night."', JSON.stringify('Beds for the night. '.repeat(50))));
    expect(errorsOf(dir).join('\n')).toMatch(/shelter\.tonight: more than 1000 characters to scroll through .*: \d+ characters with 2 card\(s\) \(in en\/amsterdam/);
  });

  it('does not count the desk sentence as something to scroll through', () => {
    const dir = broken('locales/nl/shelter.json', (t) => t.replace('"Ik heb vannacht een bed nodig."', JSON.stringify('Ik heb vannacht een bed nodig. '.repeat(30))));
    expect(errorsOf(dir).filter((p) => p.includes('to scroll through'))).toEqual([]);
  });

  it('does not count the invisible direction marks of right-to-left text as something to read', () => {
    // 600 characters of Arabic with a Latin word every few letters: each word gets two
    // invisible isolate marks, 300 in all, which take no room on a phone.
    const dir = broken('locales/ar/shelter.json', (t) => t.replace('"اذهب إلى مكان النوم."', JSON.stringify('ب A '.repeat(150))));
    const { findings } = crawlScreens(loadContent(dir));
    expect(findings.filter((f) => f.lang === 'ar' && f.rule === 'too-long')).toEqual([]);
    const rendered = render({ content: loadContent(dir) }, { lang: 'ar', city: 'amsterdam', screen: 'shelter.tonight' });
    expect(rendered.text.match(/[\u2066\u2069]/g)!.length).toBeGreaterThanOrEqual(300);
  });

  it('finds a screen whose every option is for another country', () => {
    const dir = broken('flows/shelter.yaml', (t) => t.replace('      facts: [winter-beds]\n', '      facts: [winter-beds]\n    options: [shelter.gent]\n'));
    expect(errorsOf(dir).join('\n')).toMatch(/shelter\.more: options that all disappear here: nowhere to go on: every option is for another country or city \(in en\/amsterdam/);
  });

  it('counts buttons, pickers aside, and finds two that lead to the same place', () => {
    const b = (n: number) => ({ label: `b${n}`, data: `g|v|en|-|s${n}` });
    const thirteen = [Array.from({ length: 13 }, (_, i) => b(i))];
    expect(buttonFindings({ buttons: thirteen, state: { lang: 'en', screen: 'shelter' } }).map((f) => f.rule)).toEqual(['too-many-buttons']);
    expect(buttonFindings({ buttons: thirteen, state: { lang: 'en', screen: 'lang' } })).toEqual([]);
    expect(buttonFindings({ buttons: [[b(1), { label: 'other', data: b(1).data }]], state: { lang: 'en', screen: 'shelter' } }).map((f) => f.rule)).toEqual(['duplicate-target']);
  });

  it('tells a Gregorian year from a Persian solar one, in any digits', () => {
    expect(hasGregorianYear('Checked March 2026')).toBe(true);
    expect(hasGregorianYear('بررسی‌شده مارس ۲۰۲۶')).toBe(true);
    expect(hasGregorianYear('بررسی‌شده اسفند ۱۴۰۴')).toBe(false);
  });
});
