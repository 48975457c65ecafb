/**
 * A router whose word index is built the first time it is needed, or when `warm()` is called.
 * Building it takes about half a second; the bot's first answers (/start, the language picker,
 * buttons) need no index, so the bot starts polling without waiting for it and builds it once
 * it has answered what was waiting. A typed message that comes first builds it on the spot.
 */
import type { ExplainingRouter } from './router.ts';

export interface LazyRouter extends ExplainingRouter {
  /** Build the index now (no-op when built). */
  warm(): void;
}

export function lazyRouter(build: () => ExplainingRouter): LazyRouter {
  let router: ExplainingRouter | undefined;
  const get = () => (router ??= build());
  return {
    route: (text, lang, city) => get().route(text, lang, city),
    explain: (text, lang) => get().explain(text, lang),
    knowsWord: (word) => get().knowsWord(word),
    warm: () => void get(),
  };
}
