/**
 * The rules every channel shares (src/conversation/): what is remembered after a screen, what is
 * counted, the language of a line outside any screen, and how a typed line becomes an input.
 * The simulator's server is checked here too: it follows the same rules, not a copy of them.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebServer } from '../../src/channels/web/server.ts';
import { commandOf, COMMANDS, inputForLine } from '../../src/conversation/commands.ts';
import { afterDelivery, replyLanguage, takeTurn } from '../../src/conversation/turn.ts';
import { createLogger } from '../../src/privacy/logger.ts';
import type { StatEvent } from '../../src/stats/stats-sink.ts';
import { realContent } from '../support/real-content.ts';

const content = realContent();
const counted: StatEvent[] = [];
const deps = { content, stats: { count: (e: StatEvent) => counted.push(e), close() {} } };

describe('one turn', () => {
  it('remembers the language once it is chosen, not while the picker is open, and the city', () => {
    const picker = takeTurn(deps, undefined, 'ar', { type: 'command', command: 'language' });
    expect(picker.state.screen).toBe('lang');
    expect(afterDelivery(deps, undefined, picker)).toEqual({});
    const home = takeTurn(deps, { city: 'utrecht' }, 'ar', { type: 'command', command: 'menu' });
    expect(afterDelivery(deps, { city: 'utrecht' }, home)).toEqual({ lang: 'ar', city: 'utrecht' });
  });

  it('counts a delivered screen, but nothing of an outreach demo', () => {
    counted.length = 0;
    const shown = takeTurn(deps, { lang: 'ti' }, undefined, { type: 'command', command: 'help' });
    afterDelivery(deps, { lang: 'ti' }, shown);
    expect(counted).toEqual([{ lang: 'ti', screen: 'help', topic: undefined }]);
    const demo = takeTurn(deps, { lang: 'ti', demo: true }, undefined, { type: 'command', command: 'menu' });
    expect(afterDelivery(deps, { lang: 'ti', demo: true }, demo)).toMatchObject({ demo: true });
    expect(counted).toHaveLength(1);
  });

  it("answers a line outside any screen in the chat's language, else the app's, else English", () => {
    expect(replyLanguage(content, { lang: 'so' }, 'fa-IR')).toBe('so');
    expect(replyLanguage(content, undefined, 'fa-IR')).toBe('fa');
    expect(replyLanguage(content, { lang: 'xx' }, 'qq')).toBe('en');
  });
});

describe('commands', () => {
  it('are listed once, and a typed line becomes the input the Telegram channel would make', () => {
    expect(COMMANDS).toEqual(['start', 'menu', 'language', 'help', 'privacy', 'wipe']);
    expect(commandOf('/menu@help_nl_bot')).toBe('menu');
    expect(commandOf('/menus')).toBeUndefined();
    expect(inputForLine('/start 1_ar_x_shelter', 'ar')).toEqual({ type: 'start', payload: '1_ar_x_shelter', langHint: 'ar' });
    expect(inputForLine('/help')).toEqual({ type: 'command', command: 'help' });
    expect(inputForLine('/wipe')).toEqual({ type: 'wipe' });
    expect(inputForLine('/foo')).toEqual({ type: 'text', text: '' });
    expect(inputForLine('i need a doctor')).toEqual({ type: 'text', text: 'i need a doctor' });
  });
});

describe('the simulator follows the same rules', () => {
  let base = '';
  const server = createWebServer({ content, log: createLogger('silent'), botUsername: 'test_bot' });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const step = async (body: unknown) => {
    const res = await fetch(`${base}/api/step`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as { state: { lang: string; screen: string }; remember: Record<string, unknown>; effect?: string } };
  };

  it('says what to remember, reads commands from typed lines, and clears on /wipe', async () => {
    // A first /start opens the language picker, the browser's language first: not a choice yet.
    const start = await step({ langTag: 'es-ES', input: { type: 'line', text: '/start' } });
    expect(start.json.state).toMatchObject({ lang: 'es', screen: 'lang' });
    expect(start.json.remember).toEqual({});
    const spanish = (start.json as unknown as { buttons: Array<Array<{ label: string; data: string }>> }).buttons.flat().find((b) => b.label === 'Español')!;
    const home = await step({ langTag: 'es-ES', input: { type: 'callback', data: spanish.data } });
    expect(home.json.remember).toEqual({ lang: 'es' });
    // Remembered, Spanish holds even where the browser says otherwise.
    const help = await step({ remembered: home.json.remember, langTag: 'fa', input: { type: 'line', text: '/help' } });
    expect(help.json.state).toMatchObject({ lang: 'es', screen: 'help' });
    const wipe = await step({ remembered: { lang: 'es', city: 'gent' }, input: { type: 'line', text: '/wipe' } });
    expect(wipe.json).toMatchObject({ effect: 'wipe', remember: {} });
    expect((await step({ input: { type: 'command', command: 'menu' } })).status).toBe(400);
  });
});
