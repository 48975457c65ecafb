/**
 * Builds the text of a flow screen: heading, body and, on answers, the parts STYLE.md
 * asks for - service cards for the person's city, "is it safe without papers", a sentence
 * to show at the desk, pending/disputed markers, and when it was checked against which
 * source.
 */
import type { Content, ScreenNode, ServiceEntry } from '../content/load.ts';
import { escapeHtml, isolateLtr, link } from './html.ts';
import type { State } from './types.ts';

type Dir = 'ltr' | 'rtl';

/** The label of the button that leads to a screen: also its heading. */
export function screenLabel(content: Content, lang: string, screenId: string): string {
  const screen = content.screens.get(screenId);
  return screen ? content.t(lang, screen.flow, `${screenId}.button`) : screenId;
}

export function countryOf(content: Content, state: Pick<State, 'city'>): string | undefined {
  return state.city ? content.city.get(state.city)?.country : undefined;
}

/**
 * Services of an answer that serve the person's city or its whole country. Before a city
 * is chosen, only national services show (an emergency screen must not wait for a city).
 */
export function servicesFor(content: Content, screen: ScreenNode, state: Pick<State, 'city'>): ServiceEntry[] {
  const city = state.city ? content.city.get(state.city) : undefined;
  return (screen.answer?.services ?? [])
    .map((id) => content.services.get(id)!)
    .filter((s) => (city ? s.area.includes(city.id) || s.area.includes(city.country) : s.area.some((a) => content.countries.has(a))));
}

/** Placeholders any text may use. */
function vars(content: Content, state: State): Record<string, string> {
  const country = content.countries.get(countryOf(content, state) ?? 'nl');
  return { emergencyNumber: country?.emergencyNumber ?? '112' };
}

export function renderFlowScreenText(content: Content, screen: ScreenNode, state: State, dir: Dir): string {
  const { lang } = state;
  const t = (key: string) => content.t(lang, screen.flow, `${screen.id}.${key}`, vars(content, state));
  const has = (key: string) => content.t.exists(lang, screen.flow, `${screen.id}.${key}`);

  const parts: string[] = [`<b>${t('button')}</b>\n${t('text')}`];
  if (!screen.answer) return parts.join('\n\n');

  const services = servicesFor(content, screen, state);
  if (screen.answer.services.length) {
    parts.push(services.length ? services.map((s) => serviceCard(content, s, lang, dir)).join('\n\n') : content.t(lang, 'common', 'cards.none'));
  }
  if (has('safe')) parts.push(`✅ ${t('safe')}`);
  if (has('desk')) parts.push(deskBlock(content, screen, state));

  const facts = screen.answer.facts.map((id) => content.facts.get(id)!);
  const statuses = new Set([...facts.map((f) => f.status), ...services.map((s) => s.status)]);
  for (const status of ['pending', 'disputed', 'changed'] as const) {
    if (statuses.has(status)) parts.push(content.t(lang, 'common', `status.${status}`));
  }
  const checkedLine = checked(content, lang, dir, [...facts, ...services]);
  if (checkedLine) parts.push(checkedLine);
  return parts.join('\n\n');
}

function serviceCard(content: Content, s: ServiceEntry, lang: string, dir: Dir): string {
  const lines = [`📍 <b>${isolateLtr(escapeHtml(s.name), dir)}</b>`];
  const desc = `service.${s.id}`;
  if (content.t.exists(lang, s.namespace, desc)) lines.push(content.t(lang, s.namespace, desc));
  if (s.phone) {
    const free = s.phoneFree ? ` (${content.t(lang, 'common', 'card.free')})` : '';
    lines.push(`📞 ${isolateLtr(escapeHtml(s.phone), dir)}${free}`);
  }
  if (s.email) lines.push(`✉️ ${isolateLtr(escapeHtml(s.email), dir)}`);
  if (s.website) lines.push(`🌐 ${link(s.website, dir)}`);
  if (s.address) lines.push(`🏠 ${isolateLtr(escapeHtml(s.address), dir)}`);
  if (s.hours) lines.push(`🕒 ${isolateLtr(escapeHtml(s.hours), dir)}`);
  return lines.join('\n');
}

/**
 * The desk sentence is shown in the desk's language (Dutch in NL and in Ghent) so a clerk
 * can read it, with its meaning in the person's language under it.
 */
function deskBlock(content: Content, screen: ScreenNode, state: State): string {
  const country = content.countries.get(countryOf(content, state) ?? 'nl');
  const deskLang = country?.deskLanguage ?? 'nl';
  const key = `${screen.id}.desk`;
  const desk = content.t(deskLang, screen.flow, key, vars(content, state));
  const lines = [content.t(state.lang, 'common', 'answer.deskTitle'), `<blockquote>${desk}</blockquote>`];
  if (state.lang !== deskLang) lines.push(`<i>${content.t(state.lang, screen.flow, key, vars(content, state))}</i>`);
  return lines.join('\n');
}

/** "🗓 Checked March 2026 · Sources: a · b": the oldest check date of what the answer shows. */
function checked(content: Content, lang: string, dir: Dir, items: Array<{ checked: string; source: string; source2?: string }>): string {
  if (!items.length) return '';
  const oldest = items.map((i) => i.checked).sort()[0]!;
  // One link per site (its first, most specific page): four links to one organisation read
  // as noise on a phone, and the site still leads to the rest.
  const bySite = new Map<string, string>();
  for (const url of items.flatMap((i) => (i.source2 ? [i.source, i.source2] : [i.source]))) {
    const site = siteOf(url);
    if (!bySite.has(site)) bySite.set(site, url);
  }
  const sources = [...bySite.values()].slice(0, 4);
  const date = formatMonth(oldest, lang);
  return `${content.t(lang, 'common', 'answer.checked', { date })} · ${content.t(lang, 'common', 'answer.sources')}: ${sources.map((u) => link(u, dir)).join(' · ')}`;
}

function siteOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** "2026-03" -> "March 2026" in the person's language (Intl; falls back to English names). */
export function formatMonth(yyyyMm: string, lang: string): string {
  const [y, m] = yyyyMm.split('-').map(Number) as [number, number];
  let format = monthFormats.get(lang);
  if (!format) {
    // Building an Intl formatter costs ~200 us; one per language is enough.
    try {
      format = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    } catch {
      format = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    }
    monthFormats.set(lang, format);
  }
  return format.format(new Date(Date.UTC(y, m - 1, 15)));
}
