/**
 * The router the bot uses, built from the already-loaded content: the words' evidence
 * (router.ts), read past words that only say "hurry" (urgency.ts); what the text says about
 * age, time and place (read-slots.ts); and the walk down the decision trees to a screen
 * (choose-screen.ts). The command-line tools, the
 * benchmark and the tests build exactly this one, so what they measure is what people get.
 */
import type { Content } from '../content/load.ts';
import type { RoutingData } from '../content/schema.ts';
import { createScreenChooser } from './choose-screen.ts';
import { normalize } from './normalize.ts';
import { createSlotReader } from './read-slots.ts';
import { createRouter, type Router } from './router.ts';
import { createUrgencyFilter } from './urgency.ts';
import { vocabularyOf } from './vocabulary.ts';

export function createContentRouter(content: Content): Router {
  const words = createRouter(vocabularyOf(content));
  const displayNames = cityDisplayNames(content);
  const readSlots = createSlotReader(withoutOrdinaryWords(content, displayNames, words.knowsWord), displayNames);
  const choose = createScreenChooser(content);
  const readPastUrgency = createUrgencyFilter(content.routing.values());
  const route = (text: string, lang?: string, city?: string) => {
    // "URGENT: ..." is about what follows it; "URGENT!!" alone keeps its words (the emergency menu).
    const calm = readPastUrgency(text);
    let result = words.route(calm.text, lang);
    if (calm.found && !result.topic) result = words.route(text, lang);
    const slots = readSlots(text, lang && lang !== result.lang ? [result.lang, lang] : [result.lang]);
    // A city the text names wins over the one chosen before: it is the newer word.
    const named = slots.cities.find((id) => content.city.has(id));
    const place = named ?? (city && content.city.has(city) ? city : undefined);
    const country = place ? content.city.get(place)!.country : undefined;
    const choice = choose(result, { slots, country, city: place });
    // The topic is the one of the screen the trees lead to (it can differ from the words' first guess).
    // No screen (emergency words without danger): no topic either, so the reply is the menu.
    const topic = choice.screen ? ((content.screens.get(choice.screen)?.flow ?? result.topic) as typeof result.topic) : null;
    const { urgent, ...rest } = choice;
    return { ...result, topic, urgent, choice: { ...rest, ...(named ? { city: named } : {}) } };
  };
  return { route, explain: words.explain, knowsWord: words.knowsWord };
}

const MIN_ALIAS = 5;

/**
 * The routing data with each city spelling that is also an ordinary word of some language's
 * phrase lists, or shorter than five letters, taken out ("gente" is Portuguese for "people",
 * "adam" Turkish for "man"), unless it is a city's display name. The words are those the word
 * index already holds, of every language: typed text is not always in the language chosen.
 */
function withoutOrdinaryWords(content: Content, displayNames: Record<string, string[]>, ordinary: (word: string) => boolean): Map<string, RoutingData> {
  const official = new Set(Object.values(displayNames).flat().map((n) => normalize(n)));
  const isCityWord = (name: string) => official.has(normalize(name));
  // Short spellings that are no display name collide with too much ("gant" is a French glove).
  const keep = (name: string) => isCityWord(name) || (normalize(name).length >= MIN_ALIAS && !normalize(name).split(' ').some(ordinary));
  return new Map(
    [...content.routing].map(([lang, r]) => [lang, { ...r, cities: Object.fromEntries(Object.entries(r.cities).map(([id, names]) => [id, names.filter(keep)])) }]),
  );
}

/** Every language's name for each city ("The Hague (Den Haag)", "لاهاي"), and the id itself. */
function cityDisplayNames(content: Content): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const city of content.cities) {
    if (city.other) continue;
    const names = [city.id.replace(/-/g, ' ')];
    for (const lang of content.languages) {
      const name = content.resources.get(lang.code)?.get('common')?.[`city.${city.id}`];
      if (name) names.push(name, ...[...name.matchAll(/\(([^)]+)\)/g)].map((m) => m[1]!));
    }
    out[city.id] = names;
  }
  return out;
}
