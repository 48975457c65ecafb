/** The router the bot uses, built from the already-loaded content. */
import type { Content } from '../content/load.ts';
import { createRouter, type Router } from './router.ts';
import { vocabularyOf } from './vocabulary.ts';

export function createContentRouter(content: Content): Router {
  return createRouter(vocabularyOf(content));
}
