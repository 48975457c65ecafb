import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { decodePayload, encodePayload } from '../../src/engine/deep-link.ts';
import { botLink } from '../../src/channels/telegram/links.ts';
import { step } from '../../src/engine/engine.ts';

const content = loadContent('tests/fixtures/content');

describe('deep-link payloads', () => {
  type Link = { lang: string; city?: string; screen: string; demo?: boolean };
  it.each<[Link, string]>([
    [{ lang: 'ar', city: 'amsterdam', screen: 'shelter.tonight' }, '1_ar_ams_shelter_tonight'],
    [{ lang: 'en', screen: 'shelter' }, '1_en_x_shelter'],
    [{ lang: 'nl', city: 'den-haag', screen: 'home', demo: true }, 'd1_nl_dh_home'],
  ])('round-trips %j', (link, payload) => {
    expect(encodePayload(content, link)).toBe(payload);
    expect(payload).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(decodePayload(content, payload)).toEqual({ state: { lang: link.lang, city: link.city, screen: link.screen }, demo: Boolean(link.demo) });
  });

  it.each([
    ['', 'empty'],
    ['2_en_x_shelter', 'unknown version'],
    ['1_xx_x_shelter', 'unknown language'],
    ['1_en_zzz_shelter', 'unknown city'],
    ['1_en_x_shelter_nowhere', 'unknown screen'],
    ['1_en_x', 'too few parts'],
    ['1_en_x_shelter!', 'character outside [A-Za-z0-9_-]'],
    ['1_en_x_' + 'a'.repeat(60), 'over 64 characters'],
  ])('rejects %j (%s)', (payload) => {
    expect(decodePayload(content, payload)).toBeUndefined();
  });

  it('refuses to encode what it could not decode', () => {
    expect(() => encodePayload(content, { lang: 'xx', screen: 'shelter' })).toThrow('unknown language');
    expect(() => encodePayload(content, { lang: 'en', screen: 'nope' })).toThrow('unknown screen');
  });

  it('builds t.me links', () => {
    expect(botLink('help_bot', '1_en_x_shelter')).toBe('https://t.me/help_bot?start=1_en_x_shelter');
  });
});

describe('/start with a payload', () => {
  it('opens the screen in its language and city', () => {
    const s = step({ content }, {}, { type: 'start', payload: '1_nl_ams_shelter_tonight' });
    expect(s.state).toEqual({ lang: 'nl', city: 'amsterdam', screen: 'shelter.tonight' });
    expect(s.text).toContain('Vannacht');
  });
  it('opens the main menu for a broken payload', () => {
    const s = step({ content }, { langHint: 'en' }, { type: 'start', payload: 'garbage!!' });
    expect(s.state.screen).toBe('home');
  });
  it('shows the demo banner on every screen of a demo conversation', () => {
    const first = step({ content }, {}, { type: 'start', payload: 'd1_en_x_home' });
    expect(first.demo).toBe(true);
    expect(first.text).toContain('🎬 Demo');
    const next = step({ content }, { lang: 'en', demo: true }, { type: 'command', command: 'help' });
    expect(next.text).toContain('🎬 Demo');
  });
});
