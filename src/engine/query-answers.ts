/**
 * Which screens answer a short query, best first, for channels that show a list of answers
 * instead of one conversation (Telegram's inline mode): the same understanding as a typed
 * message - the screen the decision trees lead to, the others it would offer, then the topic -
 * and the main topics when nothing matched.
 */
import type { Content } from '../content/model.ts';
import { screenOrTopic } from './engine.ts';
import type { Router } from './types.ts';

/** A query longer than this says no more: the rest is cut, not read. */
const MAX_QUERY = 256;

export function answersForQuery(deps: { content: Content; router?: Router }, query: string, max: number): { lang: string; screens: string[] } {
  const { content, router } = deps;
  const text = query.trim().slice(0, MAX_QUERY);
  const route = text && router ? router.route(text) : undefined;
  const lang = route && content.language.has(route.lang) ? route.lang : 'en';
  let screens: string[] = [];
  if (route?.topic) {
    const chosen = route.choice?.screen ? [route.choice.screen, ...route.choice.alternatives] : [];
    screens = [...chosen, route.urgent ? 'emergency' : (route.target ?? route.topic), ...route.alternatives.map((a) => a.target)]
      .map((id) => screenOrTopic(content, id))
      .filter((id, i, all) => content.screens.has(id) && all.indexOf(id) === i);
  }
  if (!screens.length) screens = content.flows.map((f) => f.start);
  return { lang, screens: screens.slice(0, max) };
}
