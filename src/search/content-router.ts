/**
 * The router the bot uses, built from the already-loaded content: the words' evidence
 * (router.ts), read past words that only say "hurry" (urgency.ts); what the text says about
 * age, time and place (read-slots.ts); and the walk down the decision trees to a screen
 * (choose-screen.ts). The command-line tools, the benchmark and the tests build exactly this
 * one, so what they measure is what people get.
 */
import type { Content } from '../content/model.ts';
import type { RouteResult } from '../engine/types.ts';
import { createScreenChooser } from './choose-screen.ts';
import { bounded, normalize } from './normalize.ts';
import { createSlotReader } from './read-slots.ts';
import { createRouter, type ExplainingRouter } from './router.ts';
import type { Vocabulary, WordIndex } from './routing-index.ts';
import { createUrgencyFilter } from './urgency.ts';
import { vocabularyOf } from './vocabulary.ts';

export interface ContentRouterOptions {
  /** The word index built before for this vocabulary (prebuilt-index.ts), or undefined to build it now. */
  prebuilt?: (vocab: Vocabulary) => WordIndex | undefined;
}

export function createContentRouter(content: Content, options: ContentRouterOptions = {}): ExplainingRouter {
  const vocab = vocabularyOf(content);
  const words = createRouter(vocab, options.prebuilt?.(vocab));
  const displayNames = cityDisplayNames(content);
  const readSlots = createSlotReader(content.routing, displayNames, safeEverywhere(displayNames, words.knowsWord));
  const choose = createScreenChooser(content);
  const readPastUrgency = createUrgencyFilter(content.routing.values());
  const route = (typed: string, lang?: string, city?: string) => {
    const text = bounded(typed);
    // "URGENT: ..." is about what follows it; a text whose rest names no subject clearly keeps
    // its words, and one of nothing but "help!" or "urgent!!" gets the emergency menu (112 first).
    const calm = readPastUrgency(text);
    let result = words.route(text, lang);
    if (calm.found && !result.urgent && !/\p{L}/u.test(calm.text)) return onlyHelp(result);
    if (calm.found) {
      const past = words.route(calm.text, lang);
      // Read past them, the hurry still counts for the screens outside the emergency topic whose
      // words have it ("urgent lawyer" is the lawyer-now screen).
      if (past.topic && past.score >= CLEAR_SUBJECT) result = { ...past, evidence: mergedEvidence(past.evidence, result.evidence) };
    }
    const slots = readSlots(text, lang && lang !== result.lang ? [result.lang, lang] : [result.lang]);
    // A city the text names wins over the one chosen before: it is the newer word.
    const named = slots.cities.find((id) => content.city.has(id));
    const place = named ?? (city && content.city.has(city) ? city : undefined);
    // A country the text names ("in Belgium") decides the country, unless it names a city too.
    const country = named ? content.city.get(named)!.country : (slots.countries[0] ?? (place ? content.city.get(place)!.country : undefined));
    const choice = choose(result, { slots, country, city: place });
    // The topic is the one of the screen the trees lead to (it can differ from the words' first guess).
    // No screen (emergency words without danger): no topic either, so the reply is the menu.
    const topic = choice.screen ? ((content.screens.get(choice.screen)?.flow ?? result.topic) as typeof result.topic) : null;
    const { urgent, ...rest } = choice;
    return { ...result, topic, urgent, choice: { ...rest, ...(named ? { city: named } : {}) } };
  };
  const onlyHelp = (result: RouteResult) => ({
    ...result,
    topic: 'emergency' as const,
    target: 'emergency',
    choice: { screen: 'emergency', sure: true, alternatives: [] },
  });
  return { route, explain: words.explain, knowsWord: words.knowsWord };

  /** The text read past its urgency words, with the whole text's evidence for screens outside the emergency topic. */
  function mergedEvidence(past: RouteResult['evidence'], whole: RouteResult['evidence']): RouteResult['evidence'] {
    const isEmergency = (target: string) => content.screens.get(target)?.flow === 'emergency';
    return [...(past ?? []).filter((e) => isEmergency(e.target)), ...(whole ?? []).filter((e) => !isEmergency(e.target))].sort((a, b) => b.score - a.score);
  }
}

const MIN_ALIAS = 5;
/** The router's score from which what is left beside urgency words names a subject. */
const CLEAR_SUBJECT = 0.5;

/**
 * Whether one language's spelling of a place may be read in a text of any language: not when it
 * is also an ordinary word of some language's phrase lists, or shorter than five letters, unless
 * it is a city's display name ("gente" is Portuguese for "people", "adam" Turkish for "man",
 * "gant" a French glove). The words are those the word index already holds, of every language.
 * In texts of its own language a spelling is always read.
 */
function safeEverywhere(displayNames: Record<string, string[]>, ordinary: (word: string) => boolean): (name: string) => boolean {
  const official = new Set(
    Object.values(displayNames)
      .flat()
      .map((n) => normalize(n)),
  );
  return (name) => {
    const key = normalize(name);
    return official.has(key) || (key.length >= MIN_ALIAS && !key.split(' ').some(ordinary));
  };
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
