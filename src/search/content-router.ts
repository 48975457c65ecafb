/**
 * The router the bot uses, built from the already-loaded content (the same keyword lists
 * the command-line tools read with loadVocabulary), so nothing is read from disk twice.
 */
import type { Content } from '../content/load.ts';
import { createRouter, type Router } from './router.ts';

export function createContentRouter(content: Content): Router {
  return createRouter({ languages: content.languages.map((l) => l.code), keywords: content.keywords });
}
