/**
 * Deep-link payloads: a channel link carrying one (for Telegram https://t.me/<bot>?start=<payload>, channels/telegram/links.ts) opens a screen in a language and
 * city. Telegram allows at most 64 characters of [A-Za-z0-9_-], so:
 *
 *   1_<lang>_<city code or x>_<screen id with "." written as "_">    e.g. 1_ar_ams_shelter_tonight
 *   d1_...                                                            the same, as a demo link
 *
 * Screen ids never contain "_", so the screen part decodes unambiguously. The leading
 * version lets the format change without breaking printed flyers: old versions keep decoding.
 */
import type { Content } from '../content/model.ts';
import { isKnownScreen } from './callback-data.ts';
import type { State } from './types.ts';

export const MAX_PAYLOAD = 64;
const PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;

export type DeepLink = { state: State; demo: boolean };

export function encodePayload(content: Content, link: { lang: string; city?: string; screen: string; demo?: boolean }): string {
  if (!content.language.has(link.lang)) throw new Error(`unknown language "${link.lang}"`);
  if (!isKnownScreen(content, link.screen)) throw new Error(`unknown screen "${link.screen}"`);
  const city = link.city ? content.city.get(link.city)?.code : 'x';
  if (!city) throw new Error(`unknown city "${link.city}"`);
  const payload = `${link.demo ? 'd' : ''}1_${link.lang}_${city}_${link.screen.replaceAll('.', '_')}`;
  if (payload.length > MAX_PAYLOAD) throw new Error(`payload over ${MAX_PAYLOAD} characters: ${payload}`);
  return payload;
}

/** Undefined for anything malformed or unknown: the caller opens the main menu instead. */
export function decodePayload(content: Content, payload: string | undefined): DeepLink | undefined {
  if (!payload || !PAYLOAD.test(payload)) return undefined;
  const [version, lang, cityCode, ...screenParts] = payload.split('_');
  if ((version !== '1' && version !== 'd1') || !lang || !cityCode || !screenParts.length) return undefined;
  const screen = screenParts.join('.');
  if (!content.language.has(lang) || !isKnownScreen(content, screen)) return undefined;
  const city = cityCode === 'x' ? undefined : content.cityByCode.get(cityCode)?.id;
  if (cityCode !== 'x' && !city) return undefined;
  return { state: { lang, city, screen }, demo: version === 'd1' };
}
