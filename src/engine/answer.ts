/**
 * Builds the text of a flow screen: heading, body and, on answers, the parts STYLE.md
 * asks for - service cards for the person's city, "is it safe without papers", a sentence
 * to show at the desk, pending/disputed markers, and when it was checked against which
 * source.
 */
import type { Content, ScreenNode, ServiceEntry } from '../content/model.ts';
import { FACT_STATUSES } from '../content/schema.ts';
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
 * Services of an answer that serve the person's city or its whole country, the city's own
 * first. Before a city is chosen, only national services show (an emergency screen must not
 * wait for a city).
 */
export function servicesFor(content: Content, screen: ScreenNode, state: Pick<State, 'city'>): ServiceEntry[] {
  const city = state.city ? content.city.get(state.city) : undefined;
  const shown = (screen.answer?.services ?? [])
    .map((id) => content.services.get(id)!)
    .filter((s) => (city ? s.area.includes(city.id) || s.area.includes(city.country) : s.area.some((a) => content.countries.has(a))));
  // The person's own city first: with at most two cards shown, the local one must not be the one left out.
  return city ? [...shown.filter((s) => s.area.includes(city.id)), ...shown.filter((s) => !s.area.includes(city.id))] : shown;
}

/** Placeholders any text may use. */
function vars(content: Content, state: State): Record<string, string> {
  const country = content.countries.get(countryOf(content, state) ?? 'nl');
  return { emergencyNumber: country?.emergencyNumber ?? '112' };
}

/** Cards shown on an answer itself; the rest wait behind "➕ More organisations". */
export const MAX_CARDS = 2;

/**
 * The parts of an answer in the order a phone shows them. `desk` and `sources` are what a
 * person does not need to scroll through to get the answer (the desk sentence is shown to
 * a clerk, the sources are for checking), so length rules leave them out.
 */
export type AnswerSection = { kind: 'lead' | 'cards' | 'safe' | 'risk' | 'desk' | 'status' | 'checked' | 'sources'; html: string };

export function renderFlowScreenText(content: Content, screen: ScreenNode, state: State, dir: Dir): string {
  return joinSections(flowScreenSections(content, screen, state, dir));
}

/** Sections one paragraph apart; the sources line stays right under the checked date. */
function joinSections(sections: readonly AnswerSection[]): string {
  return sections.map((s, i) => (i === 0 ? '' : s.kind === 'sources' ? '\n' : '\n\n') + s.html).join('');
}

export function flowScreenSections(content: Content, screen: ScreenNode, state: State, dir: Dir): AnswerSection[] {
  const { lang } = state;
  const t = (key: string) => content.t(lang, screen.flow, `${screen.id}.${key}`, vars(content, state));
  const has = (key: string) => content.t.resolves(lang, screen.flow, `${screen.id}.${key}`);

  const sections: AnswerSection[] = [{ kind: 'lead', html: `<b>${t('button')}</b>\n${t('text')}` }];
  if (!screen.answer) return sections;

  const services = servicesFor(content, screen, state);
  if (screen.answer.services.length) {
    const shown = services.slice(0, MAX_CARDS);
    sections.push({ kind: 'cards', html: shown.length ? shown.map((s) => serviceCard(content, s, lang, dir)).join('\n\n') : content.t(lang, 'common', 'cards.none') });
  }
  // ✅ only for what reassures, ⚠️ for a risk or a limit: a hurried reader takes a tick as "safe".
  if (has('safe')) sections.push({ kind: 'safe', html: `✅ ${t('safe')}` });
  if (has('risk')) sections.push({ kind: 'risk', html: `⚠️ ${t('risk')}` });
  if (has('desk')) sections.push({ kind: 'desk', html: deskBlock(content, screen, state) });

  const facts = screen.answer.facts.map((id) => content.facts.get(id)!);
  const statuses = new Set([...facts.map((f) => f.status), ...services.map((s) => s.status)]);
  for (const status of FACT_STATUSES) {
    if (status !== 'confirmed' && statuses.has(status)) sections.push({ kind: 'status', html: content.t(lang, 'common', `status.${status}`) });
  }
  sections.push(...checked(content, lang, dir, [...facts, ...services]));
  return sections;
}

/**
 * "➕ More organisations": the cards an answer did not show (it shows the first
 * MAX_CARDS, the person's city first). Empty when there are none.
 */
export function moreCardsText(content: Content, screen: ScreenNode, state: State, dir: Dir): string | undefined {
  const rest = servicesFor(content, screen, state).slice(MAX_CARDS);
  if (!rest.length) return undefined;
  const heading = `<b>${screenLabel(content, state.lang, screen.id)}</b>\n${content.t(state.lang, 'common', 'cards.moreTitle')}`;
  return [heading, ...rest.map((s) => serviceCard(content, s, state.lang, dir))].join('\n\n');
}

function serviceCard(content: Content, s: ServiceEntry, lang: string, dir: Dir): string {
  const lines = [`📍 <b>${isolateLtr(escapeHtml(s.name), dir)}</b>`];
  const desc = `service.${s.id}`;
  if (content.t.resolves(lang, s.namespace, desc)) lines.push(content.t(lang, s.namespace, desc));
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
  const sentence = (key: string) => {
    const lines = [`<blockquote>${content.t(deskLang, screen.flow, key, vars(content, state))}</blockquote>`];
    if (state.lang !== deskLang) lines.push(`<i>${content.t(state.lang, screen.flow, key, vars(content, state))}</i>`);
    return lines;
  };
  const lines = [content.t(state.lang, 'common', 'answer.deskTitle'), ...sentence(`${screen.id}.desk`)];
  // A sentence that says the person has no papers is shown only for when the desk asks:
  // nobody should disclose their status to a clerk before anyone asks.
  if (content.t.resolves(deskLang, screen.flow, `${screen.id}.deskIfAsked`)) {
    lines.push(content.t(state.lang, 'common', 'answer.deskIfAskedTitle'), ...sentence(`${screen.id}.deskIfAsked`));
  }
  return lines.join('\n');
}

/**
 * "🗓 Checked March 2026" (the oldest check date of what the answer shows) and, on the next
 * line, "Sources: a · b".
 */
function checked(content: Content, lang: string, dir: Dir, items: Array<{ checked: string; source: string; source2?: string }>): AnswerSection[] {
  if (!items.length) return [];
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
  return [
    { kind: 'checked', html: content.t(lang, 'common', 'answer.checked', { date }) },
    { kind: 'sources', html: `${content.t(lang, 'common', 'answer.sources')}: ${sources.map((u) => link(u, dir)).join(' · ')}` },
  ];
}

/** Parsed once per address: the addresses come from data/, so the map holds at most those. */
const sites = new Map<string, string>();

function siteOf(url: string): string {
  let site = sites.get(url);
  if (site === undefined) {
    try {
      site = new URL(url).host.replace(/^www\./, '');
    } catch {
      site = url;
    }
    sites.set(url, site);
  }
  return site;
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();
/** Formatted once per language and month: the months are the checked dates in data/, a few dozen. */
const months = new Map<string, string>();

/** "2026-03" -> "March 2026" in the person's language (Intl; falls back to English names). */
export function formatMonth(yyyyMm: string, lang: string): string {
  const key = `${lang}|${yyyyMm}`;
  let text = months.get(key);
  if (text === undefined) months.set(key, (text = formatMonthNow(yyyyMm, lang)));
  return text;
}

function formatMonthNow(yyyyMm: string, lang: string): string {
  const [y, m] = yyyyMm.split('-').map(Number) as [number, number];
  let format = monthFormats.get(lang);
  if (!format) {
    // Building an Intl formatter costs ~200 us; one per language is enough.
    try {
      // Gregorian, in the digits the rest of the text uses: a checked date must match the
      // source's date and what an office says (fa, ps and ckb would otherwise get the
      // Persian solar calendar, and Eastern digits where the text writes "2026").
      format = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC', calendar: 'gregory', numberingSystem: 'latn' });
    } catch {
      format = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    }
    monthFormats.set(lang, format);
  }
  return format.format(new Date(Date.UTC(y, m - 1, 15)));
}
