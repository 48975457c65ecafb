/** The words for typed questions and the reading rules of each language: they lead somewhere real. */
import { optionTarget } from '../content/schema.ts';
import { isWritingScript, letterHintProblem } from '../search/detect-language.ts';
import { WRITING_SCRIPTS } from '../search/scripts.ts';
import type { ContentCheck } from './context.ts';

export const keywordTargets: ContentCheck = {
  name: 'keyword groups name screens, and no phrase is only a place name',
  run({ content, err }) {
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
        if (target !== 'none' && !content.screens.has(target))
          err(`locales/${lang}/keywords.json`, target, 'no screen has this id: these words lead nowhere (rename the group to the screen it is for)');
        for (const phrase of phrases) {
          if (placeNames.has(phrase.toLowerCase()))
            err(`locales/${lang}/keywords.json`, target, `"${phrase}" is only a place name: places are read from routing.json (cities, countries), so leave it out`);
        }
      }
    }
  },
};

export const menuPhrases: ContentCheck = {
  name: 'a menu below a topic has no phrase of a screen under it',
  run({ content, err }) {
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
  },
};

export const readingRules: ContentCheck = {
  name: 'reading rules name real cities and countries',
  run({ content, err }) {
    // ---- reading rules name real cities and countries, and age and time ranges run forwards
    for (const [lang, routing] of content.routing) {
      for (const id of Object.keys(routing.cities)) {
        if (!content.city.has(id)) err(`locales/${lang}/routing.json`, `cities.${id}`, 'no city has this id in data/places.yaml: these names lead nowhere');
      }
      for (const id of Object.keys(routing.countries)) {
        if (!content.countries.has(id)) err(`locales/${lang}/routing.json`, `countries.${id}`, 'no country has this id in data/places.yaml: these names lead nowhere');
      }
    }
  },
};

export const writingRules: ContentCheck = {
  name: 'each language names scripts and letter hints the guesser can read',
  run({ content, err, warn }) {
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
  },
};
