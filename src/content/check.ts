/**
 * Quality checks on loaded content, beyond what stops the start: every screen reachable,
 * no dead ends, screens short enough for a phone in every language and city, every button
 * within Telegram's 64 bytes, valid Telegram HTML, placeholders kept in translations,
 * complete languages complete, and facts checked within the last 12 months.
 */
import { parentsFromMenu, type Content } from './load.ts';
import type { Problem } from './problems.ts';
import { optionTarget } from './schema.ts';
import { crawlScreens, RULES, summarise } from './screen-rules.ts';
import { isButtonLabel, MAX_BUTTON_LABEL, MAX_SCREEN_TEXT, placeholders, SCREEN_PARTS, screenTextLength, textLength } from './text-rules.ts';
import { validateTelegramHtml } from './telegram-html.ts';
import { readSources, statusOf } from '../i18n/sources.ts';
import { isWritingScript, letterHintProblem } from '../search/detect-language.ts';
import { WRITING_SCRIPTS } from '../search/scripts.ts';

const STALE_MONTHS = 12;
/** Words in a desk language (Dutch) that tell a clerk the person has no residence permit. */
const STATUS_WORDS = /verblijfsvergunning|papieren|wettig verblijf|rechtmatig verblijf|ongedocumenteerd|verblijfsstatus|onverzekerbare vreemdeling|illegaal/i;

export type CheckReport = {
  problems: Problem[];
  /** lang -> number of keys that fall back to English. */
  missing: Map<string, number>;
  /** lang -> number of translations made from an older English text. */
  outdated: Map<string, number>;
  screensRendered: number;
};

export function checkContent(content: Content, opts: { now: Date }): CheckReport {
  const problems: Problem[] = [...content.warnings];
  const missing = new Map<string, number>();
  const outdated = new Map<string, number>();
  const err = (file: string, where: string, message: string) => problems.push({ file, where, message, severity: 'error' });
  const warn = (file: string, where: string, message: string) => problems.push({ file, where, message, severity: 'warning' });

  // ---- reachability from the main menu
  const reachable = parentsFromMenu(
    content.flows.map((f) => f.start),
    (id) => content.screens.get(id)?.options,
  );
  for (const [id, screen] of content.screens) {
    if (!reachable.has(id)) err(`flows/${screen.flow}.yaml`, id, 'no button leads to this screen: nobody can reach it');
  }

  // ---- texts: English is the source and must be whole; others are counted
  const en = content.resources.get('en');
  for (const [id, screen] of content.screens) {
    for (const key of ['button', 'text']) {
      if (!content.t.hasOwn('en', screen.flow, `${id}.${key}`)) err(`locales/en/${screen.flow}.json`, `${id}.${key}`, 'missing: every screen needs this text in English');
    }
  }
  for (const service of content.services.values()) {
    if (!content.t.hasOwn('en', service.namespace, `service.${service.id}`)) warn(`locales/en/${service.namespace}.json`, `service.${service.id}`, 'no description for this service');
  }
  for (const lang of content.languages) {
    if (lang.code === 'en') continue;
    let count = 0;
    let stale = 0;
    const sources = readSources(content.rootDir, lang.code);
    const mine = content.resources.get(lang.code);
    for (const [ns, keys] of en ?? []) {
      for (const key of Object.keys(keys)) {
        const text = mine?.get(ns)?.[key];
        if (!text) {
          count++;
          if (lang.complete) err(`locales/${lang.code}/${ns}.json`, key, `missing translation (${lang.english} is marked complete)`);
          continue;
        }
        if (statusOf(keys[key]!, text, sources[`${ns}:${key}`]) === 'outdated') {
          stale++;
          if (lang.complete) warn(`locales/${lang.code}/${ns}.json`, key, 'outdated: the English text changed since this was translated');
        }
        const want = placeholders(keys[key]!);
        const got = placeholders(text);
        if (want.join() !== got.join()) err(`locales/${lang.code}/${ns}.json`, key, `placeholders differ from English: expected ${want.join(', ') || 'none'}, found ${got.join(', ') || 'none'}`);
      }
    }
    missing.set(lang.code, count);
    outdated.set(lang.code, stale);
  }

  // ---- a desk sentence never says the person has no papers before anyone asks: that
  // belongs in .deskIfAsked ("Only if they ask about your papers")
  const deskLanguages = new Set([...content.countries.values()].map((c) => c.deskLanguage));
  for (const lang of deskLanguages) {
    for (const [id, screen] of content.screens) {
      const key = `${id}.desk`;
      if (!content.t.resolves(lang, screen.flow, key)) continue;
      const said = STATUS_WORDS.exec(content.t(lang, screen.flow, key));
      if (said) err(`locales/${lang}/${screen.flow}.json`, key, `the desk sentence says "${said[0]}" before anyone asks about papers: put that in ${id}.deskIfAsked`);
    }
  }

  // ---- typed-question vocabulary leads somewhere: a group for a screen that does not exist
  // (say, after a rename) would quietly send those words to the topic instead
  // A place name alone is no phrase: places are read from routing.json, and "Den Haag" as a
  // phrase of the Hague's shelter pulled every message naming the city to shelter.
  const placeNames = new Set<string>();
  for (const routing of content.routing.values()) {
    for (const names of [...Object.values(routing.cities), ...Object.values(routing.countries)]) for (const name of names) placeNames.add(name.toLowerCase());
  }
  for (const [lang, groups] of content.keywords) {
    for (const [target, phrases] of Object.entries(groups)) {
      if (target !== 'none' && !content.screens.has(target)) err(`locales/${lang}/keywords.json`, target, 'no screen has this id: these words lead nowhere (rename the group to the screen it is for)');
      for (const phrase of phrases) {
        if (placeNames.has(phrase.toLowerCase()))
          err(`locales/${lang}/keywords.json`, target, `"${phrase}" is only a place name: places are read from routing.json (cities, countries), so leave it out`);
      }
    }
  }

  // A phrase of a menu below a topic's first screen that is also a phrase of a screen under that
  // menu: the walk takes an option for words that say more of it than of the menu, so the menu's
  // copy hides the screen ("iom" under "going back" kept people from the IOM screen).
  const starts = new Set(content.flows.map((flow) => flow.start));
  const below = (id: string, seen = new Set<string>()): Set<string> => {
    const screen = content.screens.get(id);
    if (!screen || screen.answer) return seen;
    for (const to of screen.options.map(optionTarget)) if (to !== id && !seen.has(to)) below(to, seen.add(to));
    return seen;
  };
  const phraseKey = (phrase: string) => phrase.toLowerCase().trim().replace(/\s+/g, ' ');
  for (const [lang, groups] of content.keywords) {
    for (const [menu, phrases] of Object.entries(groups)) {
      const screen = content.screens.get(menu);
      if (!screen || screen.answer || starts.has(menu)) continue;
      const under = [...below(menu)].filter((id) => groups[id]);
      for (const phrase of phrases) {
        const owner = under.find((id) => groups[id]!.some((other) => phraseKey(other) === phraseKey(phrase)));
        if (owner) err(`locales/${lang}/keywords.json`, menu, `"${phrase}" is also a phrase of ${owner}, a screen under this menu: keep it there only, or the menu hides that screen`);
      }
    }
  }

  // ---- reading rules name real cities and countries, and age and time ranges run forwards
  for (const [lang, routing] of content.routing) {
    for (const id of Object.keys(routing.cities)) {
      if (!content.city.has(id)) err(`locales/${lang}/routing.json`, `cities.${id}`, 'no city has this id in data/places.yaml: these names lead nowhere');
    }
    for (const id of Object.keys(routing.countries)) {
      if (!content.countries.has(id)) err(`locales/${lang}/routing.json`, `countries.${id}`, 'no country has this id in data/places.yaml: these names lead nowhere');
    }
  }
  // ---- how each language is written: scripts the language guesser knows, letter hints it can
  // read (what is accepted here is what the router compiles: detect-language.ts)
  for (const [lang, routing] of content.routing) {
    const file = `locales/${lang}/routing.json`;
    routing.scripts.forEach((script, i) => {
      if (!isWritingScript(script)) err(file, `scripts[${i}]`, `unknown script "${script}": use ${WRITING_SCRIPTS.map((s) => `"${s}"`).join(', ')}`);
      else if (script === 'latin' && routing.romanised) warn(file, `scripts[${i}]`, '"romanised": true already says people type this language in Latin letters: list only the native script');
    });
    if (routing.scripts.length === 0 && !routing.romanised) warn(file, 'scripts', 'no script listed: a text in any script may be taken for this language');
    routing.letterHints.forEach((hint, i) => {
      const problem = letterHintProblem(hint);
      if (problem) err(file, `letterHints[${i}]`, problem);
    });
  }
  for (const screen of content.screens.values()) {
    for (const [name, range] of Object.entries(screen.when ?? {})) {
      if (range && range[0] > range[1]) err(`flows/${screen.flow}.yaml`, `${screen.id}.when.${name}`, `the range [${range.join(', ')}] is empty: write the smaller number first`);
    }
    if (screen.ifUndecided && !screen.options.some((o) => optionTarget(o) === screen.ifUndecided)) {
      err(`flows/${screen.flow}.yaml`, `${screen.id}.ifUndecided`, `${screen.ifUndecided} is not one of this screen's options`);
    }
  }

  // ---- every text is valid Telegram HTML
  for (const [lang, byNs] of content.resources) {
    for (const [ns, keys] of byNs) {
      for (const [key, text] of Object.entries(keys)) {
        const problem = validateTelegramHtml(text);
        if (problem) err(`locales/${lang}/${ns}.json`, key, `not valid Telegram HTML: ${problem}`);
        if (isButtonLabel(key) && textLength(key, text) > MAX_BUTTON_LABEL) warn(`locales/${lang}/${ns}.json`, key, `button label longer than ${MAX_BUTTON_LABEL} characters: phones cut it off`);
      }
    }
  }

  // ---- the prose of every screen, in every language, short enough for a phone
  for (const lang of content.languages) {
    for (const [id, screen] of content.screens) {
      const length = screenTextLength(SCREEN_PARTS.map((k) => (content.t.resolves(lang.code, screen.flow, `${id}.${k}`) ? content.t(lang.code, screen.flow, `${id}.${k}`) : undefined)));
      if (length > MAX_SCREEN_TEXT) {
        err(`locales/${lang.code}/${screen.flow}.json`, id, `screen text is ${length} characters (${SCREEN_PARTS.join(' + ')}); keep it under ${MAX_SCREEN_TEXT} or split it into a "more" screen`);
      }
    }
  }

  // ---- every screen the bot can show, in every language and city, as a person gets it
  const crawl = crawlScreens(content);
  for (const g of summarise(crawl.findings)) {
    const flow = content.screens.get(g.screen.split(' ')[0]!)?.flow;
    const where = g.count > g.examples.length ? `${g.examples.join(', ')} and ${g.count - g.examples.length} more` : g.examples.join(', ');
    err(flow ? `flows/${flow}.yaml` : 'locales/<lang>/common.json', g.screen, `${RULES[g.rule]}: ${g.detail} (in ${where})`);
  }

  // ---- facts and services checked within the last 12 months
  const limit = new Date(Date.UTC(opts.now.getUTCFullYear(), opts.now.getUTCMonth() - STALE_MONTHS, 1));
  const old = (checked: string) => new Date(`${checked.length === 7 ? `${checked}-01` : checked}T00:00:00Z`) < limit;
  for (const f of content.facts.values()) if (old(f.checked)) warn('data/facts/', f.id, `checked ${f.checked}: more than ${STALE_MONTHS} months ago, check it against ${f.source} again`);
  for (const s of content.services.values())
    if (old(s.checked)) warn(`data/services/${s.namespace}.yaml`, s.id, `checked ${s.checked}: more than ${STALE_MONTHS} months ago, check it against ${s.source} again`);

  return { problems, missing, outdated, screensRendered: crawl.renders };
}
