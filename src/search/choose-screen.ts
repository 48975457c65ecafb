/**
 * From the words' evidence to a screen: walk the decision trees as a person would, taking
 * each option the text decides and stopping at a menu where it does not.
 *
 * A screen's own evidence is the words typed for it plus what the text says about age and time
 * when the screen has a `when` range (and the city, for a city's own screen). From the topic's
 * first screen the walk takes the option with the most evidence below it, so "born 10 days
 * ago" goes birth -> born -> late, while "my baby was born" with nothing on the day stops at
 * the "when was the baby born?" menu. An answer's own options are "see also": the walk leaves
 * an answer only for one the text is clearly more about.
 */
import type { Content, ScreenNode } from '../content/model.ts';
import { optionTarget } from '../content/schema.ts';
import type { RouteResult } from '../engine/types.ts';
import type { Slots } from './read-slots.ts';

/** Tuning, measured with `npm run eval` on ../shared/eval/screens-dev.tsv. */
export const CHOICE = {
  /** Evidence below an option, discounted for each step further down. */
  stepDown: 0.9,
  /** An option is followed only with at least this much evidence below it. */
  followOption: 0.35,
  /** ... and, below the topic's first screen, this much more for it than for the menu, summed over the typed words. */
  decideOption: 0.2,
  /** At a menu with an `ifUndecided` option, another option is taken only with this much evidence. */
  leaveDefault: 0.8,
  /** Leaving an answer for one of its "see also" screens takes this many times its own evidence. */
  leaveAnswer: 1.5,
  /** A screen the words name this many times more clearly than the answer where the walk stopped is opened instead. */
  jumpTo: 1.2,
  /** ... or as clearly as the menu where it stopped (a menu's words are shared by all below it). */
  jumpFromMenu: 1,
  /** Two options this close (share of the best) make the choice unsure. */
  closeCall: 0.8,
  /** A `when` range the text's age or time falls into, in units of evidence. */
  slotMatch: 1.2,
  /** A `when` range the text's age or time falls outside of: that option is not for them. */
  slotMismatch: -1.5,
  /** A city's own screen (an option only for that city) when the text names the city. */
  cityMatch: 1.2,
  /** With no country known, a screen only for another country than the first one counts this much. */
  elsewhere: 0.7,
  /** Screens outside the router's topic count this much (the topic is the surer decision). */
  otherTopic: 0.7,
  /** Sure enough to open: the screen's own evidence is at least this, and no option was a close call. */
  sureWeight: 1.2,
  /** Another screen is worth offering only with at least this share of the best one's weight. */
  alternativeShare: 0.4,
} as const;

export interface ScreenChoice {
  /** The screen to open (sure) or offer first; null when the text is about none. */
  screen: string | null;
  /** Open `screen` at once (true) or offer it with the others and the menu (false). */
  sure: boolean;
  /** Danger: open an emergency screen first. */
  urgent: boolean;
  /** Other screens, best first: up to 2 beside a sure answer, up to 2 more when unsure. */
  alternatives: string[];
}

export interface ChoiceContext {
  slots: Slots;
  /** The person's country, when known (from their city or the text): other countries' screens are left out. */
  country?: string;
  /** The person's city, when known: options for other cities are left out. */
  city?: string;
}

export type ScreenChooser = (route: RouteResult, context: ChoiceContext) => ScreenChoice;

export function createScreenChooser(content: Content): ScreenChooser {
  const primary = [...content.countries.keys()][0];
  /** Screens offered only in some cities (a city's shelter), with those cities. */
  const cityScreens = new Map<string, string[]>();
  for (const screen of content.screens.values()) {
    for (const option of screen.options) {
      if (typeof option !== 'string' && option.cities) cityScreens.set(option.to, [...(cityScreens.get(option.to) ?? []), ...option.cities]);
    }
  }
  return (route, { slots, country, city }) => {
    if (!route.topic) return { screen: null, sure: false, urgent: false, alternatives: [] };
    const topic: string = route.topic;
    const own = new Map<string, number>();
    for (const e of route.evidence ?? []) if (content.screens.has(e.target)) own.set(e.target, e.score);
    const allowed = (s: ScreenNode) => !country || !s.countries || s.countries.includes(country);

    const slotWeight = (s: ScreenNode): number => {
      let w = 0;
      for (const [range, values] of [
        [s.when?.age, slots.ages],
        [s.when?.days, slots.days],
      ] as const) {
        if (!range || values.length === 0) continue;
        w += values.some((v) => v >= range[0] && v <= range[1]) ? CHOICE.slotMatch : CHOICE.slotMismatch;
      }
      return w;
    };

    /**
     * How much a screen's evidence counts: less outside the router's topic (the topic is the surer
     * decision), and less for a screen only for another country than the first when the person
     * said nowhere where they are (most people live in the first country, data/places.yaml).
     */
    const factor = (s: ScreenNode) => (s.flow === topic ? 1 : CHOICE.otherTopic) * (!country && primary && s.countries && !s.countries.includes(primary) ? CHOICE.elsewhere : 1);
    /** A screen for the person's country, or for the first country when no place is known (or for every country). */
    const atHome = (id: string) => {
      const countries = content.screens.get(id)!.countries;
      return country !== undefined || !primary || !countries || countries.includes(primary);
    };
    const mineOf = new Map<string, number>();
    const mine = (id: string): number => {
      let m = mineOf.get(id);
      if (m === undefined) {
        const s = content.screens.get(id)!;
        // Age and time pick among the options of the topic; alone they say nothing about it.
        const named = cityScreens.get(id)?.some((c) => slots.cities.includes(c)) ? CHOICE.cityMatch : 0;
        m = ((own.get(id) ?? 0) + (s.flow === topic ? slotWeight(s) + named : 0)) * factor(s);
        mineOf.set(id, m);
      }
      return m;
    };
    // The best evidence anywhere below a screen, a little less for each step down.
    const below = new Map<string, number>();
    const reach = (id: string, seen: Set<string>): number => {
      const known = below.get(id);
      if (known !== undefined) return known;
      const s = content.screens.get(id);
      if (!s || !allowed(s) || seen.has(id)) return 0;
      seen.add(id);
      let best = mine(id);
      // An answer's options are "see also": what lies beyond them does not lead here.
      if (!s.answer) for (const to of optionsFor(s)) best = Math.max(best, CHOICE.stepDown * reach(to, seen));
      seen.delete(id);
      below.set(id, best);
      return best;
    };
    const optionsFor = (s: ScreenNode): string[] =>
      s.options
        .filter((o) => typeof o === 'string' || !o.countries || !country || o.countries.includes(country))
        .filter((o) => typeof o === 'string' || !o.cities || o.cities.some((c) => slots.cities.includes(c) || c === city))
        .map(optionTarget)
        .filter((to) => to !== s.id);

    // What each typed word gave each screen, and the best of it below a screen (as `reach`, per word).
    // Evidence given as sums only (a route made by hand) says nothing word by word.
    const perWord = (route.evidence ?? []).every((e) => e.byWord || !content.screens.has(e.target));
    /** What each typed word gave each screen, and the best of it below a screen (as `reach`, per word); made when first asked. */
    let byWord: { rows: Map<string, ArrayLike<number>>; count: number; below: Map<string, Float64Array>; none: Float64Array } | undefined;
    const wordsBelow = (id: string, seen: Set<string>): Float64Array => {
      const { rows, count, below, none } = (byWord ??= wordRows());
      const known = below.get(id);
      if (known) return known;
      const s = content.screens.get(id);
      if (!s || !allowed(s) || seen.has(id)) return none;
      const best = new Float64Array(count);
      seen.add(id);
      const own = rows.get(id);
      if (own) for (let w = 0; w < count; w++) best[w] = (own[w] ?? 0) * factor(s);
      if (!s.answer) {
        for (const to of optionsFor(s)) {
          const under = wordsBelow(to, seen);
          for (let w = 0; w < count; w++) if (CHOICE.stepDown * under[w]! > best[w]!) best[w] = CHOICE.stepDown * under[w]!;
        }
      }
      seen.delete(id);
      below.set(id, best);
      return best;
    };
    const wordRows = () => {
      const rows = new Map<string, ArrayLike<number>>();
      let count = 0;
      for (const e of route.evidence ?? []) {
        if (!e.byWord || !content.screens.has(e.target)) continue;
        rows.set(e.target, e.byWord);
        count = Math.max(count, e.byWord.length);
      }
      return { rows, count, below: new Map<string, Float64Array>(), none: new Float64Array(count) };
    };
    /** What the words say for an option beyond what they say for the menu itself: "doctor" names the doctor menu, not one of its screens. */
    const decidedBy = (option: string, menu: string, path: ReadonlySet<string>): number => {
      const below = wordsBelow(option, new Set(path));
      const own = byWord!.rows.get(menu);
      let sum = 0;
      for (let w = 0; w < below.length; w++) sum += Math.max(0, below[w]! - (own?.[w] ?? 0));
      return sum;
    };
    /** Age, time or the named city speak for a screen at or below `id`. */
    const slotsSpeak = (id: string, seen = new Set<string>()): boolean => {
      const s = content.screens.get(id);
      if (!s || !allowed(s) || seen.has(id)) return false;
      seen.add(id);
      if (slotWeight(s) > 0 || cityScreens.get(id)?.some((c) => slots.cities.includes(c))) return true;
      return !s.answer && optionsFor(s).some((to) => slotsSpeak(to, seen));
    };

    /** With no country known, a menu whose every option is for some country: the first country's options. */
    const homeOptions = (s: ScreenNode): Set<string> | undefined => {
      if (country || !primary || !s.options.every((o) => typeof o !== 'string' && o.countries)) return undefined;
      const home = s.options.filter((o) => typeof o !== 'string' && o.countries!.includes(primary)).map(optionTarget);
      return home.length > 0 ? new Set(home) : undefined;
    };

    const ranked = [...content.screens.values()]
      .filter((s) => allowed(s) && mine(s.id) > 0)
      .map((s) => ({ id: s.id, w: mine(s.id) }))
      .sort((a, b) => b.w - a.w || depth(a.id) - depth(b.id));
    const flowOf = (id: string) => content.screens.get(id)!.flow;
    const isDanger = (id: string) => flowOf(id) === 'emergency' && content.screens.get(id)!.urgent !== false;
    // Danger first: the emergency screen the words name, or the emergency menu.
    if (route.urgent) {
      // With no place known, the first country's screen for that danger before another country's.
      const dangers = ranked.filter((x) => isDanger(x.id) && x.id !== 'emergency' && x.w >= CHOICE.followOption);
      const named = dangers.find((x) => atHome(x.id)) ?? dangers[0];
      const screen = named?.id ?? 'emergency';
      const top = ranked[0]?.w ?? 0;
      const others = ranked.filter((x) => x.id !== screen && x.w >= CHOICE.alternativeShare * top);
      return { screen, sure: true, urgent: true, alternatives: others.slice(0, 2).map((x) => x.id) };
    }
    // Words of the emergency topic without danger and without an emergency screen's own words
    // ("i could kill for a coffee", "my battery is dead"): no screen, so the reply is the menu,
    // whose 🆘 112 button is always there.
    if (topic === 'emergency' && !ranked.some((x) => x.id !== 'emergency' && flowOf(x.id) === 'emergency' && x.w >= CHOICE.followOption)) {
      // The words name an emergency screen of another country than the person's ("I want to die",
      // in Ghent, in words only the Dutch screen has): the emergency screen, which lists this
      // country's, not the menu.
      const abroad = [...own].some(([id, w]) => id !== topic && flowOf(id) === topic && !allowed(content.screens.get(id)!) && w >= CHOICE.followOption);
      return abroad ? { screen: topic, sure: false, urgent: false, alternatives: [] } : { screen: null, sure: false, urgent: false, alternatives: [] };
    }
    // Down the topic's tree: take the option with the most evidence below it while there is
    // enough; stop at a menu where the text does not decide.
    let at = content.screens.get(topic);
    if (!at || !allowed(at)) return { screen: topic, sure: false, urgent: false, alternatives: [] };
    const path = new Set<string>([at.id]);
    let close = false;
    let lastChoices: Array<{ id: string; w: number }> = [];
    for (;;) {
      let choices: Array<{ id: string; w: number }> = optionsFor(at)
        .filter((to) => !path.has(to))
        .map((to) => ({ id: to, w: reach(to, new Set(path)) }))
        .sort((a, b) => b.w - a.w);
      // Options for one country or another, and no place said: the first country's, unless the
      // words clearly name another's screen ("DMH", "OCMW"). A word shared with a phrase of the
      // other country ("shower", of "shower in Ghent") does not take the person abroad.
      const home = homeOptions(at);
      if (home && !choices.some((x) => !home.has(x.id) && x.w >= CHOICE.leaveDefault * CHOICE.elsewhere && x.w > (choices.find((y) => home.has(y.id))?.w ?? 0))) {
        choices = choices.filter((x) => home.has(x.id));
      }
      const pick: { id: string; w: number } | undefined = choices[0];
      // A menu with one option left where the person is (Ghent's shelter menu) decides nothing.
      const only = choices.length === 1 && (country !== undefined || home !== undefined);
      // A menu with an option for the person the text says no more about leaves it for another
      // only on clear words ("with my 2 kids"), not one shared word ("sleep" of "woman, nowhere to sleep").
      const least = at.ifUndecided ? CHOICE.leaveDefault : CHOICE.followOption;
      if (!pick || (pick.w < least && !only)) break;
      // Below the topic's first screen, an option is taken for what the words say of it beyond
      // what they say of the menu ("I need a doctor" names the doctor menu, not one of its
      // screens), or for the age, time or city the text gives.
      if (perWord && !only && at.id !== topic && !slotsSpeak(pick.id) && decidedBy(pick.id, at.id, path) < CHOICE.decideOption) break;
      // An option for an age or a time ("in the last 3 days") is taken when the text says the
      // age or time; words it shares with its menu ("born") do not decide it.
      const when = content.screens.get(pick.id)!.when;
      const said = (when?.age && slots.ages.length) || (when?.days && slots.days.length);
      if (when && !said && at.id !== topic && pick.w < mine(at.id)) break;
      // An answer's options are "see also", not a decision: go on only to one the text is more about.
      if (at.answer && at.id !== topic && mine(pick.id) <= CHOICE.leaveAnswer * mine(at.id)) break;
      close = (choices[1]?.w ?? 0) > pick.w * CHOICE.closeCall;
      lastChoices = choices;
      at = content.screens.get(pick.id)!;
      path.add(at.id);
    }
    // A screen deep in the trees, or behind an answer, that the words name far more clearly than
    // where the walk stopped: go there (the walk only finds what each menu's options lead to).
    const named = ranked.find((x) => flowOf(x.id) === topic && !path.has(x.id));
    // Measured against the clearest step of the walk: an answer reached through a clearly named
    // menu ("born yesterday" -> the first days) is no weak stop because its own words are few.
    const walked = Math.max(mine(at.id), ...[...path].filter((id) => id !== topic).map(mine));
    const jump = at.answer ? CHOICE.jumpTo : CHOICE.jumpFromMenu;
    if (named && named.w >= jump * walked && named.w >= CHOICE.sureWeight) {
      at = content.screens.get(named.id)!;
      path.add(at.id);
      close = false;
    }
    // A menu that names the option for a person the text says nothing more about offers that first.
    const likely = !at.answer && at.ifUndecided && optionsFor(at).includes(at.ifUndecided) ? [at.ifUndecided] : [];
    const top = Math.max(mine(at.id), ranked[0]?.w ?? 0);
    const worthIt = (x: { w: number }) => x.w >= CHOICE.alternativeShare * top;
    // Stopped at the topic's first screen, the walk decided nothing: the screens the words name
    // come before that menu (the topic's button opens it too), the first country's when no place is known.
    const namedHere = at.id === topic ? ranked.filter((x) => flowOf(x.id) === topic && x.id !== topic && atHome(x.id) && x.w >= CHOICE.followOption && worthIt(x)).map((x) => x.id) : [];
    const sure = !close && likely.length === 0 && namedHere.length === 0 && mine(at.id) >= CHOICE.sureWeight;
    if (sure) {
      const others = ranked.filter((x) => !path.has(x.id) && worthIt(x));
      return { screen: at.id, sure, urgent: false, alternatives: others.slice(0, 2).map((x) => x.id) };
    }
    // Unsure: the menu where the text stopped deciding (it asks the question that decides), the
    // close options, then other screens the words name - this topic's first.
    const offered = [
      ...likely,
      ...namedHere,
      at.id,
      ...lastChoices.filter((x) => x.w >= CHOICE.followOption).map((x) => x.id),
      ...ranked.filter((x) => flowOf(x.id) === topic && x.id !== topic && worthIt(x) && !path.has(x.id)).map((x) => x.id),
      ...ranked.filter((x) => flowOf(x.id) !== topic && worthIt(x)).map((x) => x.id),
    ].filter((id, i, all) => all.indexOf(id) === i);
    return { screen: offered[0]!, sure: false, urgent: false, alternatives: offered.slice(1, 3) };
  };
}

function depth(id: string): number {
  return id.split('.').length;
}
