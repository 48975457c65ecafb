/**
 * Every screen checked as a person meets it. The crawl opens each screen in every language
 * and city (and with no city chosen), then taps every button it finds, and applies the
 * rules of the house to what comes back: no two buttons alike, no card twice, at most 12
 * buttons, at most 1,000 characters to scroll, no dead end, Gregorian dates. A rule that
 * holds on every render cannot come back unnoticed.
 */
import type { Content } from '../content/model.ts';
import { MAX_CARDS, flowScreenSections, servicesFor } from '../engine/answer.ts';
import { byteLength, MAX_CALLBACK_BYTES, encodeCallback } from '../engine/callback-data.ts';
import { buttonTarget, direction, step, visibleOptions, type StepResult } from '../engine/engine.ts';
import { visibleLength } from '../content/text-rules.ts';
import { MAX_MESSAGE } from '../content/text-rules.ts';

/** Buttons on one screen, the language and city pickers aside: more do not fit a small phone. */
export const MAX_BUTTONS = 12;
/** What a person scrolls through (all but the desk sentence and the sources line). */
export const MAX_SCROLL = 1000;

export const RULES = {
  'duplicate-label': 'two buttons with the same label',
  'duplicate-target': 'two buttons that lead to the same place',
  'duplicate-card': 'the same organisation twice',
  'too-many-buttons': `more than ${MAX_BUTTONS} buttons`,
  'too-long': `more than ${MAX_SCROLL} characters to scroll through (desk sentence and sources not counted)`,
  'over-message': `over Telegram's ${MAX_MESSAGE} characters`,
  'dead-end': 'options that all disappear here: nowhere to go on',
  'solar-date': 'a checked date not in the Gregorian calendar',
  'callback-bytes': `button data over ${MAX_CALLBACK_BYTES} bytes`,
  'empty-label': 'a button with no label',
} as const;
export type Rule = keyof typeof RULES;

export type Finding = { rule: Rule; lang: string; city?: string; screen: string; detail: string };
export type CrawlReport = { renders: number; findings: Finding[] };

/** Ops whose screens the crawl opens; x (clear chat) and s (share) show nothing new. */
const OPENED = new Set(['g', 'L', 'C', 'm']);

export function crawlScreens(content: Content): CrawlReport {
  const findings: Finding[] = [];
  const queue: string[] = [];
  const seen = new Set<string>();
  const visit = (data: string) => {
    // A picker looks the same whatever screen it returns to: open it once per language and city.
    const key = /^[LC]\|/.test(data) ? data.replace(/\|[^|]*$/, '|home') : data;
    if (seen.has(key) || !OPENED.has(data[0]!)) return;
    seen.add(key);
    queue.push(data);
  };
  const cities: Array<string | undefined> = [undefined, ...content.cities.map((c) => c.id)];
  const screens = ['home', 'help', 'privacy', ...content.screens.keys()];
  for (const lang of content.languages) for (const city of cities) for (const screen of screens) visit(encodeCallback(content, 'g', { lang: lang.code, city, screen }));

  let renders = 0;
  while (queue.length) {
    const data = queue.shift()!;
    const result = step({ content }, {}, { type: 'callback', data });
    renders++;
    const state = result.state;
    const add = (rule: Rule, detail: string) => findings.push({ rule, lang: state.lang, city: state.city, screen: data[0] === 'm' ? `${state.screen} (more organisations)` : state.screen, detail });
    for (const f of buttonFindings(result)) add(f.rule, f.detail);
    checkText(content, data[0]!, result, add);
    for (const row of result.buttons) for (const b of row) if ('data' in b) visit(b.data);
  }
  return { renders, findings };
}

/** What is wrong with a screen's buttons, as a person would notice it. */
export function buttonFindings(result: Pick<StepResult, 'buttons' | 'state'>): Array<{ rule: Rule; detail: string }> {
  const out: Array<{ rule: Rule; detail: string }> = [];
  const buttons = result.buttons.flat();
  const picker = result.state.screen === 'lang' || result.state.screen === 'city';
  if (!picker && buttons.length > MAX_BUTTONS) out.push({ rule: 'too-many-buttons', detail: `${buttons.length} buttons` });
  const labels = new Set<string>();
  const targets = new Set<string>();
  for (const b of buttons) {
    if (!b.label.trim()) out.push({ rule: 'empty-label', detail: buttonTarget(b) });
    if ('data' in b && byteLength(b.data) > MAX_CALLBACK_BYTES) out.push({ rule: 'callback-bytes', detail: b.data });
    if (labels.has(b.label)) out.push({ rule: 'duplicate-label', detail: `"${b.label}"` });
    // In a picker, the current choice and "menu" may lead to the same place: that is the point of a picker.
    if (!picker && targets.has(buttonTarget(b))) out.push({ rule: 'duplicate-target', detail: `"${b.label}" -> ${buttonTarget(b)}` });
    labels.add(b.label);
    targets.add(buttonTarget(b));
  }
  return out;
}

function checkText(content: Content, op: string, result: StepResult, add: (rule: Rule, detail: string) => void): void {
  const { state } = result;
  const total = visibleLength(result.text);
  if (total > MAX_MESSAGE) add('over-message', `${total} characters`);
  const screen = content.screens.get(state.screen);
  // What a person reads: the invisible direction marks of right-to-left text take no room.
  let scroll = readableLength(result.text);
  if (screen && op === 'g' && state.screen === result.stat.screen) {
    const sections = flowScreenSections(content, screen, state, direction(content, state.lang));
    for (const s of sections) if (s.kind === 'desk' || s.kind === 'sources') scroll -= readableLength(s.html);
    const checked = sections.find((s) => s.kind === 'checked');
    if (checked && !hasGregorianYear(checked.html)) add('solar-date', checked.html);
    // (A question with a single answer here never shows: the engine opens that answer.)
    if (screen.options.length && !visibleOptions(content, screen, state).length) add('dead-end', 'every option is for another country or city');
    const names = new Set<string>();
    for (const s of servicesFor(content, screen, state)) {
      const key = s.website ?? s.name.toLowerCase();
      if (names.has(key) || names.has(s.name.toLowerCase())) add('duplicate-card', s.name);
      names.add(key).add(s.name.toLowerCase());
    }
  }
  if (scroll > MAX_SCROLL) add('too-long', `${scroll} characters${screen?.answer ? ` with ${Math.min(MAX_CARDS, screen.answer.services.length)} card(s)` : ''}`);
}

/** Visible characters without the zero-width direction marks (U+200E, U+200F, U+2066-U+2069). */
function readableLength(html: string): number {
  return visibleLength(html.replace(/[\u200e\u200f\u2066-\u2069]/g, ''));
}

/** Arabic-Indic (ar) and Persian (fa, ps, ckb) digits as 0-9: the scripts Intl writes dates in here. */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.codePointAt(0)! - 0x0660) % 0x90));
}

/** A year of this century in the Gregorian calendar (the Persian solar year is about 1405). */
export function hasGregorianYear(text: string): boolean {
  return /\b20\d\d\b/.test(asciiDigits(text));
}

/** Findings grouped as a volunteer reads them: one line per rule and screen, with examples of where. */
export function summarise(findings: readonly Finding[]): Array<{ rule: Rule; screen: string; count: number; examples: string[]; detail: string }> {
  const groups = new Map<string, { rule: Rule; screen: string; count: number; examples: string[]; detail: string }>();
  for (const f of findings) {
    const key = `${f.rule}|${f.screen}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { rule: f.rule, screen: f.screen, count: 0, examples: [], detail: f.detail }));
    g.count++;
    if (g.examples.length < 4) g.examples.push(`${f.lang}${f.city ? `/${f.city}` : ''}`);
  }
  return [...groups.values()];
}
