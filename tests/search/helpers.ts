/** Shared by the search tests: one router over the real vocabulary, built once. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRouter, type Router } from '../../src/search/router.ts';
import { loadVocabulary } from '../../src/search/vocabulary.ts';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let router: Router | undefined;

export function realRouter(): Router {
  router ??= createRouter(loadVocabulary(repoRoot));
  return router;
}
