/**
 * The real content and the router the bot builds over it, made once per test worker (files share
 * a worker's modules, see vitest.config.ts). The router reads the word index `npm run build` wrote
 * before the tests (global-setup.ts), as the bot does at `npm start`; it is refused unless it was
 * made from this content and the bundle built from these sources, and then the index is built
 * here. prebuilt-index.test.ts proves that a read index routes exactly as a built one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../src/content/load.ts';
import type { Content } from '../../src/content/model.ts';
import { createContentRouter } from '../../src/search/content-router.ts';
import { decodeWordIndex, fingerprintOf, WORD_INDEX_FILE } from '../../src/search/prebuilt-index.ts';
import type { ExplainingRouter } from '../../src/search/router.ts';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let content: Content | undefined;
let router: ExplainingRouter | undefined;

export function realContent(): Content {
  return (content ??= loadContent(repoRoot));
}

export function realRouter(): ExplainingRouter {
  return (router ??= createContentRouter(realContent(), { prebuilt: builtIndex }));
}

function builtIndex(vocab: Parameters<typeof fingerprintOf>[0]) {
  const [bundle, index] = [join(repoRoot, 'dist', 'main.mjs'), join(repoRoot, 'dist', WORD_INDEX_FILE)];
  if (!existsSync(bundle) || !existsSync(index)) return undefined;
  return decodeWordIndex(readFileSync(index), fingerprintOf(vocab, readFileSync(bundle)));
}
