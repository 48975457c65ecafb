/**
 * The word index (routing-index.ts WordIndex) as bytes: made at `npm run build`, read when the
 * bot first needs to route typed text. Building it takes over half a second and leaves
 * garbage on the heap; reading it back takes a few milliseconds.
 *
 * The bytes carry a fingerprint of what the index was built from: the vocabulary, the
 * weights, and the code of the bot that reads it (`code`, the bundle's bytes). Bytes whose
 * fingerprint differs are refused, so an index never outlives a change to the content or to
 * the code: the caller builds the index instead.
 */
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { Lexicon, type LexiconData } from './lexicon.ts';
import { PhraseTable, type PhraseTableData } from './phrase-table.ts';
import type { LanguageUse, Target, Vocabulary, WordIndex } from './routing-index.ts';
import { TUNING } from './tuning.ts';

/** The file `npm run build` writes beside the bundle (dist/). */
export const WORD_INDEX_FILE = 'word-index.bin';

/** Changes when the layout below changes. */
const FORMAT = 'word-index 1';

interface Stored {
  readonly format: string;
  readonly fingerprint: string;
  readonly lexicon: LexiconData;
  readonly phrases: PhraseTableData;
  readonly targets: readonly Target[];
  readonly languageUse: LanguageUse;
}

/** What the index depends on, as one hash. `code` is the program that will read it. */
export function fingerprintOf(vocab: Vocabulary, code: Uint8Array): string {
  const hash = createHash('sha256').update(FORMAT).update(code);
  const sets = (value: unknown) => (value instanceof Map ? [...value] : value instanceof Set ? [...value] : value);
  hash.update(JSON.stringify([vocab.languages, vocab.keywords, vocab.documents ?? [], vocab.topics, vocab.functionWords, vocab.romanised, TUNING], (_, value) => sets(value)));
  return hash.digest('hex');
}

export function encodeWordIndex(words: WordIndex, fingerprint: string): Buffer {
  const stored: Stored = {
    format: FORMAT,
    fingerprint,
    lexicon: words.lexicon.data,
    phrases: words.phrases.data,
    targets: words.targets,
    languageUse: words.languageUse,
  };
  return serialize(stored);
}

/** The word index in `bytes`, or undefined when they were made from something else. */
export function decodeWordIndex(bytes: Uint8Array, fingerprint: string): WordIndex | undefined {
  let stored: Stored;
  try {
    stored = deserialize(bytes) as Stored;
  } catch {
    return undefined;
  }
  if (stored?.format !== FORMAT || stored.fingerprint !== fingerprint) return undefined;
  return {
    lexicon: new Lexicon(stored.lexicon),
    phrases: new PhraseTable(stored.phrases),
    targets: stored.targets,
    languageUse: stored.languageUse,
  };
}
