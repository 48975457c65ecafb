/** Shared by the search tests: the router the bot builds over the real content, built once. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent, type Content } from '../../src/content/load.ts';
import { createContentRouter } from '../../src/search/content-router.ts';
import type { Router } from '../../src/search/router.ts';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let content: Content | undefined;
let router: Router | undefined;

export function realContent(): Content {
  content ??= loadContent(repoRoot);
  return content;
}

export function realRouter(): Router {
  router ??= createContentRouter(realContent());
  return router;
}
