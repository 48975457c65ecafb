import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { step, render, languageFromTag } from '../../src/engine/engine.ts';
import { decodeCallback, encodeCallback } from '../../src/engine/callback-data.ts';
import type { Router } from '../../src/engine/types.ts';
import { buttonData, labels } from '../support/buttons.ts';

const content = loadContent('tests/fixtures/content');
const deps = { content };
const find = buttonData;

describe('first contact', () => {
  it('shows the language picker with native names, Telegram language first but not decided', () => {
    const s = step(deps, { langHint: 'nl-BE' }, { type: 'start', langHint: 'nl-BE' });
    expect(s.state.screen).toBe('lang');
    expect(labels(s.buttons)).toEqual(['Nederlands', 'English', 'العربية']);
  });

  it('goes to the main menu in the chosen language', () => {
    const picker = step(deps, {}, { type: 'start' });
    const s = step(deps, {}, { type: 'callback', data: find(picker.buttons, 'Nederlands') });
    expect(s.state).toMatchObject({ lang: 'nl', screen: 'home' });
    expect(s.text).toContain('Kies een onderwerp');
    expect(labels(s.buttons)).toContain('🏠 Een slaapplek');
  });

  it('maps IETF tags from Telegram to the registry', () => {
    expect(languageFromTag(content, 'ar-SA')).toBe('ar');
    expect(languageFromTag(content, 'EN')).toBe('en');
    expect(languageFromTag(content, 'xx')).toBeUndefined();
    expect(languageFromTag(content, undefined)).toBeUndefined();
  });
});

describe('navigation', () => {
  it('shows national services before a city is chosen, without asking', () => {
    const s = render(deps, { lang: 'en', screen: 'shelter.tonight' });
    expect(s.state.screen).toBe('shelter.tonight');
    expect(s.text).toContain('National Helpline');
    expect(s.text).not.toContain('Night Place Amsterdam');
  });

  it("asks the city once before an answer that depends on it, then shows that city's services", () => {
    const ask = render(deps, { lang: 'en', screen: 'shelter.gent' });
    expect(ask.state.screen).toBe('city');
    expect(labels(ask.buttons)).toContain('Ghent (Gent)');
  });

  it("shows the chosen city's services once a city is picked", () => {
    const ask = render(deps, { lang: 'en', screen: 'shelter.tonight' });
    const pick = step(deps, {}, { type: 'callback', data: find(ask.buttons, '🏙️ Choose your city') });
    expect(pick.state.screen).toBe('city');
    const answer = step(deps, {}, { type: 'callback', data: find(pick.buttons, 'Amsterdam') });
    expect(answer.state).toMatchObject({ city: 'amsterdam', screen: 'shelter.tonight' });
    expect(answer.text).toContain('Night Place Amsterdam');
    expect(answer.text).toContain('National Helpline');
    expect(answer.text).toContain('0800-0000 (free)');
  });

  it('shows only national services in another town, and says so', () => {
    const s = render(deps, { lang: 'en', city: 'rotterdam', screen: 'shelter.tonight' });
    expect(s.text).not.toContain('Night Place Amsterdam');
    expect(s.text).toContain('National Helpline');
    const be = render(deps, { lang: 'en', city: 'gent', screen: 'shelter.tonight' });
    expect(be.text).toContain('I have no checked address for your town yet');
  });

  it('puts menu, emergency and language on every flow screen', () => {
    for (const screen of content.screens.keys()) {
      const s = render(deps, { lang: 'en', city: 'amsterdam', screen });
      const nav = labels(s.buttons);
      expect(nav).toContain('🏠 Menu');
      expect(nav).toContain('🌐');
      if (screen !== 'emergency') expect(nav).toContain('🆘 112');
    }
  });

  it('has "back" where it goes somewhere other than the menu, and only there', () => {
    const deeper = render(deps, { lang: 'en', city: 'amsterdam', screen: 'shelter.more' });
    expect(deeper.buttons.flat().find((b) => b.label === '⬅️ Back')).toMatchObject({ data: expect.stringMatching(/\|shelter\.tonight$/) });
    // The topic's first screen: "back" would only repeat "menu".
    const start = render(deps, { lang: 'en', city: 'gent', screen: 'shelter' });
    expect(labels(start.buttons)).not.toContain('⬅️ Back');
  });
});

describe('right-to-left and machine translations', () => {
  const s = render(deps, { lang: 'ar', city: 'amsterdam', screen: 'shelter.tonight' });
  const deeper = render(deps, { lang: 'ar', city: 'amsterdam', screen: 'shelter.more' });
  it('isolates phone numbers and links inside Arabic text', () => {
    expect(s.text).toContain('📞 \u2066020-1234567\u2069');
    expect(s.dir).toBe('rtl');
  });
  it('keeps button rows in logical order (channels mirror them) and uses the RTL back arrow', () => {
    const nav = deeper.buttons[deeper.buttons.length - 1]!.map((b) => b.label);
    expect(nav[0]).toBe('➡️ رجوع');
  });
  it('says a machine translation is one, and English is not marked', () => {
    expect(s.text).toContain('🤖');
    expect(render(deps, { lang: 'en', city: 'amsterdam', screen: 'shelter.tonight' }).text).not.toContain('🤖');
  });
  it('offers the same screen in English and Dutch with one tap', () => {
    const row = s.buttons.find((r) => r.some((b) => b.label === '🔤 English'))!;
    expect(row.map((b) => b.label)).toEqual(['🔤 English', '🔤 Nederlands']);
    const english = step(deps, {}, { type: 'callback', data: find(s.buttons, '🔤 English') });
    expect(english.state).toEqual({ lang: 'en', city: 'amsterdam', screen: 'shelter.tonight' });
    // English is the source: nothing to check it against.
    expect(labels(english.buttons)).not.toContain('🔤 Nederlands');
    // Dutch (machine in the fixture) offers English only.
    const dutch = render(deps, { lang: 'nl', city: 'amsterdam', screen: 'shelter.tonight' });
    expect(labels(dutch.buttons).filter((l) => l.startsWith('🔤'))).toEqual(['🔤 English']);
  });

  it('falls back to English for a text not translated yet', () => {
    expect(s.text).toContain('They do not ask for papers.');
  });
});

describe('callback data', () => {
  it('round-trips state and stays within 64 bytes', () => {
    const data = encodeCallback(content, 'g', { lang: 'ar', city: 'den-haag', screen: 'shelter.tonight' });
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(decodeCallback(content, data)).toEqual({ ok: true, op: 'g', stale: false, state: { lang: 'ar', city: 'den-haag', screen: 'shelter.tonight' } });
  });

  it.each([
    ['garbage'],
    [''],
    ['g|x|xx|-|home'],
    [`g|${content.version}|en|zzz|home`],
    [`g|${content.version}|en|-|no.such.screen`],
    [`Q|${content.version}|en|-|home`],
    ['g|||||'],
    ['😀'.repeat(16)],
  ])('leads forged data %j home with a note, never throws', (data) => {
    const s = step(deps, { lang: 'nl' }, { type: 'callback', data });
    expect(s.state.screen).toBe('home');
    // The note comes in the button's language when it names a known one, else the remembered one.
    expect(s.text).toMatch(data.includes('|en|') ? /could not open that button|older version/ : /Ik kon die knop niet openen|Die knop komt uit een oudere versie/);
  });

  it('leads a stale button whose screen is gone home with the "older version" note', () => {
    const s = step(deps, {}, { type: 'callback', data: 'g|old|en|-|shelter.removed' });
    expect(s.text).toContain('older version');
    expect(s.state.screen).toBe('home');
  });

  it('still opens a stale button whose screen exists', () => {
    const s = step(deps, {}, { type: 'callback', data: 'g|old|en|ams|shelter.more' });
    expect(s.state.screen).toBe('shelter.more');
  });
});

describe('typed text and other input', () => {
  const router: Router = {
    route: (text) =>
      text.includes('sleep')
        ? { topic: 'shelter', target: 'shelter.tonight', lang: 'en', score: 0.9, urgent: false, alternatives: [{ target: 'shelter', topic: 'shelter', score: 0.5 }] }
        : text.includes('die')
          ? { topic: 'emergency', target: 'emergency', lang: 'en', score: 1, urgent: true, alternatives: [] }
          : text === 'hi'
            ? { topic: null, target: 'none', lang: 'nl', score: 1, urgent: false, alternatives: [] }
            : { topic: null, target: null, lang: 'en', score: 0, urgent: false, alternatives: [] },
  };
  it('offers the best match as a button, with the menu', () => {
    const s = step({ content, router }, { lang: 'en' }, { type: 'text', text: 'need sleep' });
    expect(s.text).toContain('Did you mean this?');
    expect(labels(s.buttons)).toEqual(expect.arrayContaining(['🌙 Tonight', '🏠 A place to sleep', '🏠 Menu']));
    expect(s.stat.topic).toBe('shelter');
  });
  it('goes straight to emergency when the router says urgent', () => {
    const s = step({ content, router }, { lang: 'en' }, { type: 'text', text: 'i want to die' });
    expect(s.state.screen).toBe('emergency');
  });
  it('greets small talk in the language it was typed in when none was chosen', () => {
    const s = step({ content, router }, {}, { type: 'text', text: 'hi' });
    expect(s.state.lang).toBe('nl');
    expect(s.text).toContain('Hallo!');
  });
  it('shows the menu when nothing matches, and for contacts, locations and voice notes', () => {
    expect(step({ content, router }, { lang: 'en' }, { type: 'text', text: 'qwerty' }).text).toContain('did not understand');
    expect(step(deps, { lang: 'en' }, { type: 'text', text: 'anything' }).state.screen).toBe('home');
    expect(step(deps, { lang: 'en' }, { type: 'contact' }).text).toContain('I do not need your phone number');
    expect(step(deps, { lang: 'en' }, { type: 'unsupported', kind: 'message:voice' }).text).toContain('I can only read');
    expect(step(deps, { lang: 'en' }, { type: 'text', text: 'x'.repeat(5000) }).text).toContain('very long');
  });
  it('uses a location once to suggest the nearest city, and ignores one far away', () => {
    const near = step(deps, { lang: 'en' }, { type: 'location', lat: 52.36, lon: 4.88 });
    expect(near.state.city).toBe('amsterdam');
    const far = step(deps, { lang: 'en' }, { type: 'location', lat: 40.4, lon: -3.7 });
    expect(far.state.city).toBeUndefined();
    expect(far.text).toContain('I do not need your location');
  });
});
