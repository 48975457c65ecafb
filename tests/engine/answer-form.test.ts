import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { formatMonth } from '../../src/engine/answer.ts';
import { languageFromTag, render, step } from '../../src/engine/engine.ts';
import { isolateLatinRuns, rtlParagraphs } from '../../src/engine/html.ts';
import type { Router } from '../../src/engine/types.ts';
import { buttonData, labels } from '../support/buttons.ts';

const content = loadContent('tests/fixtures/content');
const deps = { content };
const data = buttonData;

describe('the form of an answer', () => {
  it('marks reassurance with ✅ and a risk with ⚠️, never a risk with a tick', () => {
    const tonight = render(deps, { lang: 'en', city: 'amsterdam', screen: 'shelter.tonight' });
    expect(tonight.text).toContain('✅ They do not ask for papers.');
    const more = render(deps, { lang: 'en', city: 'amsterdam', screen: 'shelter.more' });
    expect(more.text).toContain('⚠️ Beds fill up early.');
    expect(more.text).not.toContain('✅ Beds fill up early.');
  });

  it('shows a neutral desk sentence first, and the one about papers only for when the desk asks', () => {
    const s = render(deps, { lang: 'en', city: 'amsterdam', screen: 'shelter.tonight' });
    const neutral = s.text.indexOf('<blockquote>Ik heb vannacht een bed nodig.</blockquote>');
    const ifAsked = s.text.indexOf('Only if they ask about your papers:');
    const papers = s.text.indexOf('<blockquote>Ik heb geen papieren en heb een bed nodig.</blockquote>');
    expect(neutral).toBeGreaterThan(-1);
    expect(ifAsked).toBeGreaterThan(neutral);
    expect(papers).toBeGreaterThan(ifAsked);
    // Under each Dutch sentence, its meaning in the person's language.
    expect(s.text).toContain('<i>I have no papers and need a bed.</i>');
  });

  it('shows at most two cards, the chosen city first, and the rest behind "More organisations"', () => {
    const s = render(deps, { lang: 'en', city: 'amsterdam', screen: 'shelter.more' });
    // Listed national first in the flow, but the city's own come first on screen.
    expect(s.text).toContain('Night Place Amsterdam');
    expect(s.text).toContain('Day Centre Amsterdam');
    expect(s.text).not.toContain('National Helpline');
    const more = step(deps, {}, { type: 'callback', data: data(s.buttons, '➕ More organisations') });
    expect(more.text).toContain('More organisations that can help:');
    expect(more.text).toContain('National Helpline');
    expect(more.text).not.toContain('Night Place Amsterdam');
    const back = step(deps, {}, { type: 'callback', data: data(more.buttons, '⬅️ Back') });
    expect(back.state.screen).toBe('shelter.more');
    expect(back.text).toBe(s.text);
  });

  it('has no "More organisations" where every card fits', () => {
    const s = render(deps, { lang: 'en', city: 'rotterdam', screen: 'shelter.more' });
    expect(s.text).toContain('National Helpline');
    expect(labels(s.buttons)).not.toContain('➕ More organisations');
  });

  it('labels the city button as a switch, not as an address card', () => {
    const s = render(deps, { lang: 'en', city: 'amsterdam', screen: 'shelter.tonight' });
    expect(labels(s.buttons)).toContain('🔄 Amsterdam: change city');
    expect(labels(s.buttons).filter((l) => l.startsWith('📍'))).toEqual([]);
  });
});

describe('questions the place has already answered', () => {
  it('does not ask a question with one answer: the one way on opens directly, and back skips it', () => {
    // In Ghent the shelter menu has only the Belgian option.
    const s = render(deps, { lang: 'en', city: 'gent', screen: 'shelter' });
    expect(s.state.screen).toBe('shelter.gent');
    expect(s.stat.screen).toBe('shelter.gent');
    expect(labels(s.buttons)).not.toContain('⬅️ Back');
    expect(labels(s.buttons)).toContain('🏠 Menu');
  });

  it("opens this country's way into a topic when a screen of another country is asked for", () => {
    const s = render(deps, { lang: 'en', city: 'amsterdam', screen: 'shelter.gent' });
    expect(s.state.screen).toBe('shelter.tonight');
    expect(s.text).toContain('Night Place Amsterdam');
  });

  it('never suggests a typed question a screen of another country', () => {
    const router: Router = { route: () => ({ topic: 'shelter', target: 'shelter.gent', lang: 'en', score: 0.8, urgent: false, alternatives: [] }) };
    const s = step({ content, router }, { lang: 'en', city: 'amsterdam' }, { type: 'text', text: 'a bed' });
    const targets = s.buttons.flat().flatMap((b) => ('data' in b ? [b.data.split('|')[4]] : []));
    expect(targets).not.toContain('shelter.gent');
    // The topic instead, which in Amsterdam opens its Dutch way in.
    expect(targets).toContain('shelter');
    const opened = step({ content, router }, { lang: 'en', city: 'amsterdam' }, { type: 'callback', data: data(s.buttons, '🏠 A place to sleep') });
    expect(opened.state.screen).toBe('shelter.tonight');
  });
});

describe('typed words for help that is not danger', () => {
  it('offers a calm screen of the emergency topic instead of opening the emergency screen', () => {
    const real = loadContent(process.cwd());
    const calm = [...real.screens.values()].find((s) => s.flow === 'emergency' && s.urgent === false && !s.countries?.includes('be'))!;
    const router: Router = { route: () => ({ topic: 'emergency', target: calm.id, lang: 'en', score: 0.7, urgent: false, alternatives: [] }) };
    const offered = step({ content: real, router }, { lang: 'en', city: 'amsterdam' }, { type: 'text', text: 'help' });
    expect(offered.state.screen).toBe('home');
    expect(offered.buttons.flat().some((b) => 'data' in b && b.data.endsWith(`|${calm.id}`))).toBe(true);
    const danger: Router = { route: () => ({ topic: 'emergency', target: 'emergency', lang: 'en', score: 0.9, urgent: true, alternatives: [] }) };
    expect(step({ content: real, router: danger }, { lang: 'en', city: 'amsterdam' }, { type: 'text', text: 'help' }).state.screen).toBe('emergency');
  });
});

describe('display in every language', () => {
  it('writes checked dates in the Gregorian calendar, also in Persian, Pashto and Sorani', () => {
    for (const lang of ['fa', 'ps', 'ckb', 'ar', 'am', 'ti']) {
      const month = formatMonth('2026-03', lang);
      // In the digits the text itself uses for years and phone numbers.
      expect(month, lang).toContain('2026');
      expect(month, lang).not.toMatch(/140\d|[۰-۹٠-٩]/);
    }
  });

  it('keeps a right-to-left line right to left when it starts with a Latin name', () => {
    const text = rtlParagraphs('Doctors of the World تساعدك.\n📍 <b>\u2066ASKV\u2069</b>\n<blockquote>Ik wil een afspraak.\nDank u.</blockquote>\nNot translated yet.\nمرحبا');
    const [first, card, dutch, dutch2, english, last] = text.split('\n');
    expect(first!.startsWith('\u200f')).toBe(true);
    // A card's name (isolated, as the engine writes it) aligns with the text around it.
    expect(card!.startsWith('\u200f')).toBe(true);
    // An English fallback sentence keeps its own direction, or its full stop jumps to the left.
    expect(english).toBe('Not translated yet.');
    // A Dutch desk sentence keeps its own direction: the clerk reads it left to right.
    expect(dutch).toBe('<blockquote>Ik wil een afspraak.');
    expect(dutch2).toBe('Dank u.</blockquote>');
    expect(last!.startsWith('\u200f')).toBe(true);
    expect(rtlParagraphs(text)).toBe(text);
  });

  it('keeps phone numbers, times, names and addresses in order inside right-to-left text', () => {
    const L = '\u2066';
    const P = '\u2069';
    const text = isolateLatinRuns('اتصل على 0800 62 227 من 11:00-16:30 أو <a href="https://x.be/a-1/2">\u20660800-0113\u2069</a> في CAW Oost-Vlaanderen (Nieuwland 12-14) و DT&amp;V.');
    expect(text).toBe(`اتصل على ${L}0800 62 227${P} من ${L}11:00-16:30${P} أو <a href="https://x.be/a-1/2">${L}0800-0113${P}</a> في ${L}CAW Oost-Vlaanderen (Nieuwland 12-14)${P} و ${L}DT&amp;V${P}.`);
    // The Dutch desk sentence keeps its own direction: nothing in it is isolated.
    expect(isolateLatinRuns('<blockquote>Bel 0800 62 227.</blockquote>\nبل 0800')).toBe(`<blockquote>Bel 0800 62 227.</blockquote>\nبل ${L}0800${P}`);
    // A closing bracket the Latin run did not open stays with the right-to-left text around it.
    expect(isolateLatinRuns('(بالهولندية: Kruispost)')).toBe(`(بالهولندية: ${L}Kruispost${P})`);
  });

  it('marks every Arabic line of a screen right to left', () => {
    const s = step(deps, {}, { type: 'callback', data: data(render(deps, { lang: 'ar', screen: 'home' }).buttons, render(deps, { lang: 'ar', screen: 'home' }).buttons[0]![0]!.label) });
    for (const line of s.text.split('\n')) if (/[\u0600-\u06ff]/.test(line) && !line.includes('blockquote')) expect(line.startsWith('\u200f'), line).toBe(true);
  });

  it("maps Telegram's traditional and regional Chinese tags to Chinese", () => {
    const real = loadContent(process.cwd());
    for (const tag of ['zh-Hant', 'zh-TW', 'zh-HK', 'zh-hans', 'zh']) expect(languageFromTag(real, tag), tag).toBe('zh');
  });
});
