/**
 * The engine: (content, what we know, input) -> Screen. Pure: no grammY, no I/O, no clock (it keeps
 * memos - rendered screens, formatted dates - keyed by content and language, never by a person).
 * Every input produces a screen - never silence, never an exception for bad input.
 */
import type { Content, ScreenNode } from '../content/model.ts';
import { optionTarget, type TopicId } from '../content/schema.ts';
import { renderFlowScreenText, countryOf, moreCardsText, screenLabel } from './answer.ts';
import { decodeCallback, isKnownScreen } from './callback-data.ts';
import { decodePayload, encodePayload } from './deep-link.ts';
import { button, cityRows, languageRows, navRow } from './keyboards.ts';
import { isolateLatinRuns, rtlParagraphs } from './html.ts';
import { nearestCity } from './nearest-city.ts';
import { LRUCache } from 'lru-cache';
import type { Button, Input, Router, Screen, State } from './types.ts';

export type EngineDeps = { content: Content; router?: Router };

/** What a channel remembers between updates (in memory only): language, city, demo mode. */
export type ChatContext = { lang?: string; city?: string; langHint?: string; demo?: boolean };

export type StepResult = Screen & {
  /** A side effect only the channel can do. */
  effect?: 'wipe' | 'share';
  /** With effect 'share': the deep-link payload of the screen to share. */
  sharePayload?: string;
  /** This conversation is an outreach demo: show the banner, count nothing. */
  demo?: boolean;
};

export function step(deps: EngineDeps, known: ChatContext, input: Input): StepResult {
  const result = stepInner(deps, known, input);
  const demo = known.demo || result.demo;
  if (!demo || result.effect === 'wipe') return finish(result);
  return finish({ ...result, demo: true, text: `<i>${t(deps.content, result.state.lang, 'demo.banner')}</i>\n\n${result.text}` });
}

/**
 * Last touch on every screen: in right-to-left text, lines stay right to left whatever they
 * start with, and names, addresses, phone numbers and times keep their order.
 */
function finish(result: StepResult): StepResult {
  if (result.dir !== 'rtl' || finished.has(result)) return result;
  const done = { ...result, text: rtlParagraphs(isolateLatinRuns(result.text)) };
  finished.add(done);
  return done;
}
/** Screens already given their last touch: a cached screen that a step passes on is not done twice. */
const finished = new WeakSet<StepResult>();

function stepInner(deps: EngineDeps, known: ChatContext, input: Input): StepResult {
  const { content } = deps;
  const lang = pickLanguage(content, known);
  const base: State = { lang: lang ?? 'en', city: validCity(content, known.city), screen: 'home' };

  switch (input.type) {
    case 'start': {
      // A deep link (shared link, QR flyer) opens its screen directly, in its language.
      const link = decodePayload(content, input.payload);
      if (link) return { ...render(deps, { ...link.state, city: link.state.city ?? base.city }), demo: link.demo };
      // A broken or outdated payload opens the main menu; the 🌐 button is on it.
      if (input.payload) return render(deps, base);
      // The first contact always asks for the language; Telegram's language_code only pre-selects.
      if (!known.lang) {
        const suggested = languageFromTag(content, input.langHint);
        return languagePicker(deps, { ...base, lang: suggested ?? base.lang }, 'home', suggested);
      }
      return render(deps, base);
    }
    case 'command':
      if (input.command === 'language') return languagePicker(deps, base, 'home', base.lang);
      return render(deps, { ...base, screen: input.command === 'menu' ? 'home' : input.command });
    case 'callback':
      return callback(deps, known, input.data);
    case 'text':
      return typed(deps, known, base, input.text);
    case 'contact':
      return render(deps, base, [t(content, base.lang, 'contact.notNeeded')]);
    case 'location': {
      const city = nearestCity(content, input.lat, input.lon);
      if (!city) return render(deps, base, [t(content, base.lang, 'location.notNeeded')]);
      const state = { ...base, city: city.id };
      return render(deps, state, [t(content, base.lang, 'location.suggest', { city: t(content, base.lang, `city.${city.id}`) })]);
    }
    case 'unsupported':
      return render(deps, base, [t(content, base.lang, 'unsupported')]);
  }
}

function callback(deps: EngineDeps, known: ChatContext, data: string): StepResult {
  const { content } = deps;
  const decoded = decodeCallback(content, data);
  if (!decoded.ok) {
    const lang = decoded.lang ?? pickLanguage(content, known) ?? 'en';
    return render(deps, { lang, city: validCity(content, known.city), screen: 'home' }, [t(content, lang, decoded.reason)]);
  }
  const { op, state } = decoded;
  if (op === 'L') return languagePicker(deps, state, state.screen, state.lang);
  if (op === 'C') return cityPicker(deps, state, state.screen);
  if (op === 'x') return wiped(content, state.lang);
  if (op === 'm') return moreCards(deps, state);
  if (op === 's') {
    const screen = render(deps, state);
    return { ...screen, effect: 'share', sharePayload: encodePayload(content, { lang: state.lang, city: state.city, screen: screen.state.screen }) };
  }
  return render(deps, state);
}

/**
 * Typed text: danger first; then, when the decision trees lead to one screen, that screen
 * with "Not what you asked?" and up to two others; when unsure, up to three screens and the
 * menu; else greet and show the menu. A city the text names becomes the person's city.
 */
function typed(deps: EngineDeps, known: ChatContext, base: State, text: string): StepResult {
  const { content, router } = deps;
  if (text.length > 1000) return render(deps, base, [t(content, base.lang, 'text.tooLong')]);
  const result = router?.route(text, known.lang, base.city);
  // Answer in the language the person chose; if they never chose, in the language they typed.
  const lang = known.lang ?? (result && content.language.has(result.lang) ? result.lang : base.lang);
  const named = result?.choice?.city && content.city.has(result.choice.city) ? result.choice.city : undefined;
  const state: State = { ...base, lang, city: named ?? base.city };
  // Said in one line, and changeable with the 🔄 city button of every answer.
  const cityNotes = named && named !== base.city ? [t(content, lang, 'text.cityNoted', { city: t(content, lang, `city.${named}`) })] : [];
  const topic = result?.topic ?? null;
  if (!result || !topic) {
    const notice = result?.target === 'none' ? 'text.greeting' : 'text.unknown';
    return { ...render(deps, state, [t(content, lang, notice)]), stat: { screen: 'home', topic: null } };
  }
  const choice = result.choice;
  // Danger opens an emergency screen at once; a calm screen of that topic (a child helpline)
  // is offered like any other answer.
  // (With the decision trees' choice, the router has decided what counts as danger.)
  const danger = choice ? result.urgent : result.urgent || (topic === 'emergency' && content.screens.get(result.target ?? '')?.urgent !== false);
  if (danger) {
    const screen = choice?.screen && content.screens.get(choice.screen)?.flow === 'emergency' ? choice.screen : 'emergency';
    return { ...render(deps, { ...state, screen }, cityNotes), stat: { screen, topic: 'emergency' } };
  }
  const country = countryOf(content, state);
  if (choice?.screen && choice.sure && content.screens.has(choice.screen)) {
    return withOthers(deps, render(deps, { ...state, screen: choice.screen }, cityNotes), choice.alternatives, topic);
  }
  // Screens of another country are not suggested (the person's own alternatives come first);
  // if nothing else is left, the topic opens this country's way in.
  const suggested = choice?.screen ? [choice.screen, ...choice.alternatives] : [result.target ?? topic, ...result.alternatives.map((a) => a.target)];
  const candidates = suggested.map((id) => screenOrTopic(content, id));
  const here = candidates.filter((id) => forCountry(content, id, country) === id);
  const targets = (here.length ? here : [topic]).filter((id, i, all) => content.screens.has(id) && all.indexOf(id) === i).slice(0, 3);
  const dir = direction(content, lang);
  const rows: Button[][] = targets.map((id) => [button(content, screenLabel(content, lang, id), 'g', { ...state, screen: id })]);
  // The city the text named can be changed right here, as the line above says.
  if (cityNotes.length) rows.push([button(content, cityLabel(content, state), 'C', { ...state, screen: 'home' })]);
  // Menu, emergency and language; no "back": this reply is not a step in a tree.
  rows.push(navRow(content, { ...state, screen: 'home' }, 'home'));
  return {
    state: { ...state, screen: 'home' },
    text: withMachineNote(content, lang, [...cityNotes, t(content, lang, 'text.didYouMean')].join('\n\n')),
    buttons: rows,
    dir,
    stat: { screen: 'topics', topic: topic as TopicId },
  };
}

/** An answer opened from typed text, with "Not what you asked?" and up to two other screens above the navigation row. */
function withOthers(deps: EngineDeps, answer: StepResult, others: readonly string[], topic: TopicId): StepResult {
  const { content } = deps;
  const { state } = answer;
  const country = countryOf(content, state);
  const shown = new Set([state.screen, ...answer.buttons.flat().map(buttonTarget)]);
  const rows: Button[][] = [];
  for (const id of others) {
    if (rows.length === 2) break;
    if (!content.screens.has(id) || forCountry(content, id, country) !== id) continue;
    const b = button(content, screenLabel(content, state.lang, id), 'g', { ...state, screen: id });
    if (shown.has(buttonTarget(b))) continue;
    shown.add(buttonTarget(b));
    rows.push([b]);
  }
  const stat = { screen: answer.stat.screen, topic };
  // With no other screen to offer, the line still says the menu is there (the navigation row).
  const buttons = [...answer.buttons.slice(0, -1), ...rows, ...answer.buttons.slice(-1)];
  const note = `<i>${t(content, state.lang, 'text.notWhat')}</i>`;
  // The answer had its right-to-left touch already; only the new line needs it.
  const done: StepResult = { ...answer, text: `${answer.text}\n\n${answer.dir === 'rtl' ? rtlParagraphs(note) : note}`, buttons, stat };
  finished.add(done);
  return done;
}

/**
 * After "clear this chat": one plain line, no buttons, so what stays on the phone says as
 * little as possible about what was asked.
 */
export function wiped(content: Content, lang: string): StepResult {
  return { state: { lang, screen: 'home' }, text: t(content, lang, 'wipe.done'), buttons: [], dir: direction(content, lang), stat: { screen: 'wipe' }, effect: 'wipe' };
}

/**
 * Screens rendered before, per content: content never changes while it is loaded, so a
 * (language, city, screen) renders the same every time. Keyed by nothing about a person.
 */
const renderCache = new WeakMap<Content, LRUCache<string, StepResult>>();
/** ~4 KB a screen: 3,000 keeps every screen of the busiest languages and cities hot in ~12 MB. */
const RENDER_CACHE_MAX = 3_000;

/** Render any state: the engine's own screens or a flow screen. */
export function render(deps: EngineDeps, state: State, notices: string[] = []): StepResult {
  if (notices.length) return finish(renderUncached(deps, state, notices));
  let cache = renderCache.get(deps.content);
  if (!cache) renderCache.set(deps.content, (cache = new LRUCache<string, StepResult>({ max: RENDER_CACHE_MAX })));
  const key = `${state.lang}|${state.city ?? ''}|${state.screen}`;
  let screen = cache.get(key);
  if (!screen) {
    screen = Object.freeze(finish(renderUncached(deps, state, notices)));
    cache.set(key, screen);
  }
  return screen;
}

function renderUncached(deps: EngineDeps, state: State, notices: string[]): StepResult {
  const { content } = deps;
  if (!isKnownScreen(content, state.screen)) state = { ...state, screen: 'home' };
  const dir = direction(content, state.lang);
  const prefix = notices.length ? `${notices.join('\n')}\n\n` : '';
  switch (state.screen) {
    case 'home':
      return home(deps, state, prefix);
    case 'lang':
      return languagePicker(deps, state, 'home', state.lang);
    case 'city':
      return cityPicker(deps, state, 'home');
    case 'help':
    case 'privacy': {
      const rows: Button[][] = [];
      if (state.screen === 'privacy') rows.push([button(content, t(content, state.lang, 'privacy.wipe'), 'x', state)]);
      rows.push(navRow(content, state, 'home'));
      return { state, text: withMachineNote(content, state.lang, prefix + t(content, state.lang, `${state.screen}.text`)), buttons: rows, dir, stat: { screen: state.screen } };
    }
  }
  const country = countryOf(content, state);
  // A screen of another country (an old button, a shared link, a suggestion) opens this
  // country's way into the same topic; a menu with one way on for this place opens that way.
  const shownId = followSingleOption(content, forCountry(content, state.screen, country), state);
  if (shownId !== state.screen) state = { ...state, screen: shownId };
  const screen = content.screens.get(state.screen)!;
  if (screen.answer?.needsCity && !state.city) {
    return cityPicker(deps, state, screen.id, prefix);
  }
  const nav = navRow(content, state, backTarget(content, screen, state));
  // A button that goes where another one on the screen goes is noise ("🆘 Emergency" beside "🆘 112").
  const seen = new Set(nav.map(buttonTarget));
  const rows: Button[][] = [];
  for (const to of visibleOptions(content, screen, state)) {
    const b = button(content, screenLabel(content, state.lang, to), 'g', { ...state, screen: to });
    if (seen.has(buttonTarget(b))) continue;
    seen.add(buttonTarget(b));
    rows.push([b]);
  }
  const extras: Button[] = [];
  if (screen.answer && moreCardsText(content, screen, state, dir)) extras.push(button(content, t(content, state.lang, 'cards.more'), 'm', state));
  if (screen.answer?.services.length || screen.answer?.needsCity) extras.push(button(content, cityLabel(content, state), 'C', state));
  if (screen.answer) extras.push(button(content, t(content, state.lang, 'share.button'), 's', state));
  if (extras.length) rows.push(extras);
  const original = originalLanguageRow(content, state);
  if (original) rows.push(original);
  rows.push(nav);
  const text = prefix + renderFlowScreenText(content, screen, state, dir);
  return { state, text: withMachineNote(content, state.lang, text), buttons: rows, dir, stat: { screen: screen.id } };
}

/** The organisations an answer had no room for, with a way back to the answer. */
function moreCards(deps: EngineDeps, state: State): StepResult {
  const { content } = deps;
  const screen = content.screens.get(state.screen);
  const dir = direction(content, state.lang);
  const text = screen && moreCardsText(content, screen, state, dir);
  if (!screen || !text) return render(deps, state);
  const rows = [[button(content, t(content, state.lang, 'nav.back'), 'g', state), button(content, t(content, state.lang, 'nav.home'), 'g', { ...state, screen: 'home' })]];
  return { state, text: withMachineNote(content, state.lang, text), buttons: rows, dir, stat: { screen: screen.id } };
}

/** Options of a screen that apply to the person's country and city (all of them before a city is chosen). */
export function visibleOptions(content: Content, screen: ScreenNode, state: Pick<State, 'city'>): string[] {
  const country = countryOf(content, state);
  const out: string[] = [];
  for (const option of screen.options) {
    const to = optionTarget(option);
    if (typeof option !== 'string' && country) {
      if (option.countries && !option.countries.includes(country)) continue;
      if (option.cities && state.city && !option.cities.includes(state.city)) continue;
    }
    const target = content.screens.get(to)!;
    if (country && target.countries && !target.countries.includes(country)) continue;
    out.push(to);
  }
  return out;
}

/** A screen meant for another country gives way to its topic's start (then followed for this country). */
function forCountry(content: Content, id: string, country: string | undefined): string {
  const screen = content.screens.get(id);
  if (!screen || !country || !screen.countries || screen.countries.includes(country)) return id;
  return screen.flow;
}

/**
 * A question with only one answer for this place is not asked: its one option opens
 * directly (in Ghent, "tonight or later?" with only "🇧🇪 Belgium" on offer).
 */
function followSingleOption(content: Content, id: string, state: Pick<State, 'city'>): string {
  for (let hops = 0; hops < 8; hops++) {
    const screen = content.screens.get(id);
    if (!screen || screen.answer) return id;
    const options = visibleOptions(content, screen, state);
    if (options.length !== 1) return id;
    id = options[0]!;
  }
  return id;
}

/** "Back" skips the menus that were skipped on the way in (they would open this screen again). */
function backTarget(content: Content, screen: ScreenNode, state: Pick<State, 'city'>): string {
  let back = screen.parent;
  for (let hops = 0; hops < 8 && back !== 'home'; hops++) {
    if (followSingleOption(content, back, state) !== screen.id) break;
    back = content.screens.get(back)?.parent ?? 'home';
  }
  return back;
}

function home(deps: EngineDeps, state: State, prefix: string): StepResult {
  const { content } = deps;
  const dir = direction(content, state.lang);
  const topics = content.flows.map((f) => button(content, screenLabel(content, state.lang, f.start), 'g', { ...state, screen: f.start }));
  const rows: Button[][] = [];
  for (let i = 0; i < topics.length; i += 2) rows.push(topics.slice(i, i + 2));
  rows.push([button(content, cityLabel(content, state), 'C', state)]);
  rows.push([
    button(content, t(content, state.lang, 'home.help'), 'g', { ...state, screen: 'help' }),
    button(content, t(content, state.lang, 'home.privacy'), 'g', { ...state, screen: 'privacy' }),
    button(content, `${t(content, state.lang, 'nav.language')} ${content.language.get(state.lang)?.name ?? ''}`.trim(), 'L', state),
  ]);
  // No "same screen in English/Dutch" row here: the menu says little, 🌐 is one tap away, and
  // the topics need the room (at most 12 buttons a screen).
  return { state, text: withMachineNote(content, state.lang, prefix + t(content, state.lang, 'home.text')), buttons: rows, dir, stat: { screen: 'home' } };
}

function languagePicker(deps: EngineDeps, state: State, target: string, suggested?: string): StepResult {
  const { content } = deps;
  const dir = direction(content, state.lang);
  const rows = languageRows(content, state, target, suggested);
  return { state: { ...state, screen: 'lang' }, text: t(content, state.lang, 'lang.question'), buttons: rows, dir, stat: { screen: 'lang' } };
}

function cityPicker(deps: EngineDeps, state: State, target: string, prefix = ''): StepResult {
  const { content } = deps;
  const dir = direction(content, state.lang);
  const rows = cityRows(content, state, target);
  const back = content.screens.get(target)?.parent ?? 'home';
  rows.push(navRow(content, { ...state, screen: target }, back === target ? 'home' : back));
  return {
    state: { ...state, screen: 'city' },
    text: withMachineNote(content, state.lang, prefix + t(content, state.lang, 'city.question')),
    buttons: rows,
    dir,
    stat: { screen: 'city' },
  };
}

// ---------------------------------------------------------------- helpers

/** Where a button leads: its callback data or its URL. */
export function buttonTarget(b: Button): string {
  return 'data' in b ? b.data : b.url;
}

/** "🔄 Amsterdam: change city" or "🏙️ Choose your city": a switch, not an address card. */
function cityLabel(content: Content, state: State): string {
  return state.city ? t(content, state.lang, 'home.cityChosen', { city: t(content, state.lang, `city.${state.city}`) }) : t(content, state.lang, 'home.cityNone');
}

function t(content: Content, lang: string, key: string, vars?: Record<string, string>): string {
  return content.t(lang, 'common', key, vars);
}

export function direction(content: Content, lang: string): 'ltr' | 'rtl' {
  return content.language.get(lang)?.dir ?? 'ltr';
}

/** Languages a machine translation can be checked against: the source and the local one. */
const CHECKED_LANGUAGES = ['en', 'nl'];

/**
 * Under a machine translation, the same screen in English or Dutch, one tap away: the
 * person (or a volunteer beside them) can check what the translation says.
 */
function originalLanguageRow(content: Content, state: State): Button[] | undefined {
  if (content.language.get(state.lang)?.status !== 'machine') return undefined;
  const others = CHECKED_LANGUAGES.filter((code) => code !== state.lang && content.language.get(code));
  return others.length ? others.map((code) => button(content, `🔤 ${content.language.get(code)!.name}`, 'g', { ...state, lang: code })) : undefined;
}

/** One short line, in the language itself, on every screen of a machine translation. */
function withMachineNote(content: Content, lang: string, text: string): string {
  return content.language.get(lang)?.status === 'machine' ? `${text}\n\n<i>${t(content, lang, 'mt.note')}</i>` : text;
}

/** The language a chat is answered in: the one it chose, else what its app's language tag maps to (undefined: neither). */
export function pickLanguage(content: Content, known: Pick<ChatContext, 'lang' | 'langHint'>): string | undefined {
  if (known.lang && content.language.has(known.lang)) return known.lang;
  return languageFromTag(content, known.langHint);
}

/** A target the router names, as a screen we have: the screen itself, else its topic's first screen. */
export function screenOrTopic(content: Content, id: string): string {
  return content.screens.has(id) ? id : id.split('.')[0]!;
}

function validCity(content: Content, city: string | undefined): string | undefined {
  return city && content.city.has(city) ? city : undefined;
}

/** A language tag ("pt-br", "fa-IR": Telegram's language_code, a browser's navigator.language) to one of our languages: map it, do not trust it. */
export function languageFromTag(content: Content, tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  const base = lower.split(/[-_]/)[0]!;
  for (const l of content.languages) if (l.telegram.includes(lower)) return l.code;
  for (const l of content.languages) if (l.code === base || l.telegram.includes(base)) return l.code;
  return undefined;
}
