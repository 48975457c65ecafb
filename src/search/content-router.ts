/**
 * The router the bot uses, built from the already-loaded content: the words' evidence
 * (router.ts), what the text says about age, time and place (read-slots.ts), and the walk
 * down the decision trees to a screen (choose-screen.ts). The command-line tools, the
 * benchmark and the tests build exactly this one, so what they measure is what people get.
 */
import type { Content } from '../content/load.ts';
import { createScreenChooser } from './choose-screen.ts';
import { createSlotReader } from './read-slots.ts';
import { createRouter, type Router } from './router.ts';
import { vocabularyOf } from './vocabulary.ts';

export function createContentRouter(content: Content): Router {
  const words = createRouter(vocabularyOf(content));
  const readSlots = createSlotReader(content.routing.values(), cityDisplayNames(content));
  const choose = createScreenChooser(content);
  const route = (text: string, lang?: string, city?: string) => {
    const result = words.route(text, lang);
    const slots = readSlots(text);
    // A city the text names wins over the one chosen before: it is the newer word.
    const named = slots.cities.find((id) => content.city.has(id));
    const place = named ?? (city && content.city.has(city) ? city : undefined);
    const country = place ? content.city.get(place)!.country : undefined;
    const choice = choose(result, { slots, country, city: place });
    // The topic is the one of the screen the trees lead to (it can differ from the words' first guess).
    const topic = choice.screen ? ((content.screens.get(choice.screen)?.flow ?? result.topic) as typeof result.topic) : result.topic;
    const { urgent, ...rest } = choice;
    return { ...result, topic, urgent, choice: { ...rest, ...(named ? { city: named } : {}) } };
  };
  return { route, explain: words.explain };
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
