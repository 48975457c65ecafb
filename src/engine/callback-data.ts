/**
 * Navigation state encoded into Telegram's callback_data (at most 64 bytes).
 *
 *   g|<version>|<lang>|<city code or ->|<screen id>     go to a screen
 *   L|...                                               language picker, then back to <screen>
 *   C|...                                               city picker, then on to <screen>
 *   x|...                                               clear this chat (channel action)
 *   s|...                                               share a link to <screen> (channel action)
 *   m|...                                               the organisations <screen> had no room for
 *
 * The version is a short hash of the content: a button from before a content update still
 * works when its screen still exists, and leads home with a note when it does not.
 */
import type { Content } from '../content/model.ts';
import { ENGINE_SCREEN_IDS } from '../content/schema.ts';
import type { State } from './types.ts';

export const MAX_CALLBACK_BYTES = 64;
export type Op = 'g' | 'L' | 'C' | 'x' | 's' | 'm';
const OPS = new Set<string>(['g', 'L', 'C', 'x', 's', 'm']);

/** UTF-8 bytes, as Telegram counts them (the engine uses no Node API: other channels may run it elsewhere). */
const utf8 = new TextEncoder();
export const byteLength = (text: string) => utf8.encode(text).length;

export function encodeCallback(content: Content, op: Op, state: State): string {
  const city = state.city ? (content.city.get(state.city)?.code ?? '-') : '-';
  const data = `${op}|${content.version}|${state.lang}|${city}|${state.screen}`;
  if (byteLength(data) > MAX_CALLBACK_BYTES) {
    // Schemas keep ids short enough; reaching this is a programming error worth failing loudly in tests.
    throw new Error(`callback data over ${MAX_CALLBACK_BYTES} bytes: ${data}`);
  }
  return data;
}

export type Decoded = { ok: true; op: Op; state: State; stale: boolean } | { ok: false; reason: 'forged' | 'stale'; lang?: string };

/** Never throws: anything odd is reported as forged (or stale when only the content moved on). */
export function decodeCallback(content: Content, data: string): Decoded {
  const parts = data.split('|');
  if (parts.length !== 5) return { ok: false, reason: 'forged' };
  const [op, version, lang, cityCode, screen] = parts as [string, string, string, string, string];
  const knownLang = content.language.has(lang) ? lang : undefined;
  if (!OPS.has(op) || !knownLang) return { ok: false, reason: 'forged', lang: knownLang };
  const city = cityCode === '-' ? undefined : content.cityByCode.get(cityCode)?.id;
  if (cityCode !== '-' && !city) return { ok: false, reason: version === content.version ? 'forged' : 'stale', lang };
  const stale = version !== content.version;
  if (!isKnownScreen(content, screen)) return { ok: false, reason: stale ? 'stale' : 'forged', lang };
  return { ok: true, op: op as Op, state: { lang, city, screen }, stale };
}

const ENGINE_SCREENS = new Set<string>(ENGINE_SCREEN_IDS);

export function isKnownScreen(content: Content, screen: string): boolean {
  return ENGINE_SCREENS.has(screen) || content.screens.has(screen);
}
