/**
 * The routing vocabulary, taken from the loaded content: the same keyword lists (validated
 * by the content loader) for the bot, the command-line tools, the benchmark and the tests,
 * so what `npm run eval` measures is what the bot runs.
 */
import { loadContent } from '../content/load.ts';
import type { Content } from '../content/model.ts';
import type { Vocabulary } from './router.ts';

export interface LoadOptions {
  /**
   * Also use the answer texts and button labels of each topic namespace as weak evidence
   * for their screens. Off by default: see the README for the measurement.
   */
  documents?: boolean;
}

export type VocabularyWithDocuments = Vocabulary & { documents: Array<{ lang: string; target: string; text: string }> };

export function vocabularyOf(content: Content, options: LoadOptions = {}): VocabularyWithDocuments {
  const documents: Array<{ lang: string; target: string; text: string }> = [];
  if (options.documents) {
    for (const [lang, byNs] of content.resources) {
      for (const { id: topic } of content.flows) {
        for (const [key, text] of Object.entries(byNs.get(topic) ?? {})) {
          const m = /^(.*)\.(text|button)$/.exec(key);
          if (m) documents.push({ lang, target: m[1]!, text });
        }
      }
    }
  }
  const calm = new Set([...content.screens.values()].filter((s) => s.urgent === false).map((s) => s.id));
  const romanised = new Set([...content.routing].filter(([, r]) => r.romanised).map(([lang]) => lang));
  const functionWords = new Map([...content.routing].map(([lang, r]) => [lang, { stop: r.functionWords.join(' '), neg: r.negations.join(' '), negAfter: r.negationsAfter.join(' ') }]));
  const slotWords = new Map([...content.routing].map(([lang, r]) => [lang, [...Object.keys(r.numbers), ...Object.values(r.units).flat()].join(' ')]));
  const ageWords = new Map([...content.routing].map(([lang, r]) => [lang, r.age]));
  const writing = new Map([...content.routing].map(([lang, r]) => [lang, { scripts: r.scripts, scriptOrder: r.scriptOrder, letterHints: r.letterHints }]));
  return {
    languages: content.languages.map((l) => l.code),
    keywords: content.keywords,
    documents,
    calm,
    topics: content.flows.map((f) => f.id),
    functionWords,
    romanised,
    slotWords,
    ageWords,
    writing,
  };
}

/** For the command-line tools: load the content of `rootDir` and take its vocabulary. */
export function loadVocabulary(rootDir: string, options: LoadOptions = {}): VocabularyWithDocuments {
  return vocabularyOf(loadContent(rootDir), options);
}
