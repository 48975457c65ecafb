/**
 * The phrases of the vocabulary in flat typed arrays, and which phrases use each word
 * (postings). As 40,000 objects with their own small arrays they took 13 MB of heap and a
 * long build; as a few arrays they take about 3 MB, are written to a file at `npm run build`
 * and read back in milliseconds (prebuilt-index.ts).
 *
 * Phrase `p` has the words at positions `start[p]` to `start[p + 1] - 1` of `tokens`,
 * `kinds` and `weights`.
 */

/** What a word is inside a phrase: a content word, a function word, or a negation. */
export type PhraseKind = 'content' | 'stop' | 'negation';
export const CONTENT = 0;
export const STOP = 1;
export const NEGATION = 2;
const KIND_NAMES: readonly PhraseKind[] = ['content', 'stop', 'negation'];
const KIND_CODES: Readonly<Record<PhraseKind, number>> = { content: CONTENT, stop: STOP, negation: NEGATION };

/** Evidence only when complete ("nowhere to go": "nowhere" alone says little). */
const WHOLE_ONLY = 1;
/** From an answer text, not a keyword list. */
const FROM_DOCUMENT = 2;

/** The arrays, as written to and read from the prebuilt file. */
export interface PhraseTableData {
  /** Per phrase: index in RoutingIndex.languages. */
  readonly language: Uint8Array;
  /** Per phrase: index in RoutingIndex.targets. */
  readonly target: Uint16Array;
  /** Per phrase, and one more at the end: where its words start. */
  readonly start: Uint32Array;
  /** Per phrase: WHOLE_ONLY and FROM_DOCUMENT bits. */
  readonly flags: Uint8Array;
  /** Per phrase: content words (not function words, not negations). */
  readonly contentWords: Uint16Array;
  /** Per phrase: words that are not function words. */
  readonly nonStopWords: Uint16Array;
  /** Per word of a phrase: its lexicon id (each word once per phrase). */
  readonly tokens: Uint32Array;
  /** Per word of a phrase: CONTENT, STOP or NEGATION. */
  readonly kinds: Uint8Array;
  /** Per word of a phrase: its weight (routing-index.ts weighPhrases). */
  readonly weights: Float64Array;
  /** Per lexicon id, and one more at the end: where its entries start in `postings`. */
  readonly postingStart: Uint32Array;
  /** [phrase, position, phrase, position, ...] grouped by lexicon id, in phrase order. */
  readonly postings: Uint32Array;
}

export class PhraseTable {
  readonly count: number;

  constructor(readonly data: PhraseTableData) {
    this.count = data.language.length;
  }

  language(phrase: number): number {
    return this.data.language[phrase]!;
  }

  target(phrase: number): number {
    return this.data.target[phrase]!;
  }

  /** Where the phrase's words start in tokens, kinds and weights. */
  base(phrase: number): number {
    return this.data.start[phrase]!;
  }

  length(phrase: number): number {
    return this.data.start[phrase + 1]! - this.data.start[phrase]!;
  }

  contentWords(phrase: number): number {
    return this.data.contentWords[phrase]!;
  }

  nonStopWords(phrase: number): number {
    return this.data.nonStopWords[phrase]!;
  }

  wholeOnly(phrase: number): boolean {
    return (this.data.flags[phrase]! & WHOLE_ONLY) !== 0;
  }

  fromDocument(phrase: number): boolean {
    return (this.data.flags[phrase]! & FROM_DOCUMENT) !== 0;
  }

  kind(phrase: number, position: number): number {
    return this.data.kinds[this.data.start[phrase]! + position]!;
  }

  token(phrase: number, position: number): number {
    return this.data.tokens[this.data.start[phrase]! + position]!;
  }

  weight(phrase: number, position: number): number {
    return this.data.weights[this.data.start[phrase]! + position]!;
  }

  /** The lexicon ids of the phrase's words (a copy). */
  tokensOf(phrase: number): number[] {
    return Array.from(this.data.tokens.subarray(this.base(phrase), this.data.start[phrase + 1]!));
  }

  kindsOf(phrase: number): PhraseKind[] {
    return Array.from(this.data.kinds.subarray(this.base(phrase), this.data.start[phrase + 1]!), (code) => KIND_NAMES[code]!);
  }

  weightsOf(phrase: number): number[] {
    return Array.from(this.data.weights.subarray(this.base(phrase), this.data.start[phrase + 1]!));
  }

  /** Whether some phrase uses lexicon id `token`. */
  isUsed(token: number): boolean {
    const { postingStart } = this.data;
    return token + 1 < postingStart.length && postingStart[token + 1]! > postingStart[token]!;
  }
}

/** Collects phrases while the index is built; `finish` makes the table once the weights are known. */
export class PhraseTableBuilder {
  private readonly language: number[] = [];
  private readonly target: number[] = [];
  private readonly start: number[] = [0];
  private readonly flags: number[] = [];
  private readonly contentWords: number[] = [];
  private readonly nonStopWords: number[] = [];
  readonly tokens: number[] = [];
  readonly kinds: number[] = [];

  get count(): number {
    return this.language.length;
  }

  /** Adds a phrase of these lexicon ids (each once) and kinds; returns its index. */
  add(language: number, target: number, tokens: readonly number[], kinds: readonly PhraseKind[], wholeOnly: boolean, fromDocument: boolean): number {
    this.language.push(language);
    this.target.push(target);
    this.flags.push((wholeOnly ? WHOLE_ONLY : 0) | (fromDocument ? FROM_DOCUMENT : 0));
    this.contentWords.push(kinds.filter((kind) => kind === 'content').length);
    this.nonStopWords.push(kinds.filter((kind) => kind !== 'stop').length);
    for (const token of tokens) this.tokens.push(token);
    for (const kind of kinds) this.kinds.push(KIND_CODES[kind]);
    this.start.push(this.tokens.length);
    return this.language.length - 1;
  }

  languageOf(phrase: number): number {
    return this.language[phrase]!;
  }

  targetOf(phrase: number): number {
    return this.target[phrase]!;
  }

  fromDocument(phrase: number): boolean {
    return (this.flags[phrase]! & FROM_DOCUMENT) !== 0;
  }

  /** Where the phrase's words start in `tokens` and `kinds`, and where they end. */
  span(phrase: number): [number, number] {
    return [this.start[phrase]!, this.start[phrase + 1]!];
  }

  /** The table, with `weights` per phrase word and postings over `lexiconSize` words. */
  finish(weights: Float64Array, lexiconSize: number): PhraseTable {
    const tokens = Uint32Array.from(this.tokens);
    const postingStart = new Uint32Array(lexiconSize + 1);
    for (const token of tokens) postingStart[token + 1]! += 2;
    for (let id = 0; id < lexiconSize; id++) postingStart[id + 1]! += postingStart[id]!;
    const postings = new Uint32Array(tokens.length * 2);
    const next = postingStart.slice(0, lexiconSize);
    for (let phrase = 0; phrase < this.count; phrase++) {
      for (let at = this.start[phrase]!; at < this.start[phrase + 1]!; at++) {
        const slot = next[tokens[at]!]!;
        postings[slot] = phrase;
        postings[slot + 1] = at - this.start[phrase]!;
        next[tokens[at]!] = slot + 2;
      }
    }
    return new PhraseTable({
      language: Uint8Array.from(this.language),
      target: Uint16Array.from(this.target),
      start: Uint32Array.from(this.start),
      flags: Uint8Array.from(this.flags),
      contentWords: Uint16Array.from(this.contentWords),
      nonStopWords: Uint16Array.from(this.nonStopWords),
      tokens,
      kinds: Uint8Array.from(this.kinds),
      weights,
      postingStart,
      postings,
    });
  }
}
