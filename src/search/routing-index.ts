/**
 * Everything the router looks up, built once from the vocabulary: one lexicon of the words
 * of all languages (lexicon.ts), the phrases with the weight of each of their words, which
 * phrases use each word (postings), the targets (topics, screens and "none"), how much each
 * word says about its language, the function words and negations of each language, the
 * Chinese dictionary that cuts Han text into words, and how each language is written.
 *
 * A word's weight in a phrase is its specificity for the phrase's topic: the share of the
 * word's phrases in that topic, on a log scale (1 for a word of one topic). Function words
 * only complete a phrase and negations say little by themselves, so both weigh little.
 */
import { languageHints, type LanguageHints, type WritingData } from './detect-language.ts';
import { FUNCTION_WORD_VOTES, rawWords } from './language-evidence.ts';
import { type Lexicon, LexiconBuilder } from './lexicon.ts';
import { CONTENT, NEGATION, type PhraseTable, PhraseTableBuilder, STOP, type PhraseKind } from './phrase-table.ts';
import { normalize } from './normalize.ts';
import { scriptOfWord } from './scripts.ts';
import { makeHanDictionary, tokenize, type HanDictionary } from './tokenize.ts';
import { TUNING } from './tuning.ts';

export interface Vocabulary {
  languages: readonly string[];
  /** lang -> (topic id, screen id like "health.pregnant", or "none") -> phrases */
  keywords: ReadonlyMap<string, Readonly<Record<string, readonly string[]>>>;
  /** Answer texts, weaker evidence than keywords. */
  documents?: ReadonlyArray<{ lang: string; target: string; text: string }>;
  /** Screens of the emergency topic whose words are help, not danger (flows: `urgent: false`). */
  calm?: ReadonlySet<string>;
  /** The topics, from flows/ (one per flow): keyword groups of other names are ignored. */
  topics: readonly string[];
  /**
   * Per language, words that carry no topic (`stop`), negations (`neg`) and negations that
   * follow what they negate (`negAfter`), space-separated: `locales/<code>/routing.json`.
   */
  functionWords?: ReadonlyMap<string, { stop: string; neg: string; negAfter?: string }>;
  /** Languages people also type in Latin letters (routing.json `romanised`). */
  romanised?: ReadonlySet<string>;
  /**
   * Per language, the words the slot reader reads (numbers and time units: routing.json),
   * space-separated: in a text of that language they are matched as typed, never as a typo of
   * another word ("maanden", months, is not "tanden", teeth).
   */
  slotWords?: ReadonlyMap<string, string>;
  /** Per language, the words and phrases that make a number an age ("years old", routing.json `age`). */
  ageWords?: ReadonlyMap<string, readonly string[]>;
  /**
   * How each language is written: scripts, script order and letter hints (routing.json).
   * Without it every language may be written in every script, with no letter hints.
   */
  writing?: ReadonlyMap<string, WritingData>;
}

export interface Target {
  readonly id: string;
  /** Index in topics, or -1 for "none". */
  readonly topic: number;
}

export interface FunctionWords {
  /** Per language, its function words ("where", "to", "need"). */
  readonly stop: ReadonlyArray<ReadonlySet<string>>;
  /** Per language, its negations: the first word of each. */
  readonly negations: ReadonlyArray<ReadonlySet<string>>;
  /** Per language, the negations that follow what they negate ("değil", "نیست"). */
  readonly negationsAfter: ReadonlyArray<ReadonlySet<string>>;
  /** Function word or negation -> the languages that have it, as a bit mask. */
  readonly languagesOf: ReadonlyMap<string, number>;
  /** Per language, the number and time-unit words the slot reader reads (Vocabulary.slotWords). */
  readonly slotWords: ReadonlyArray<ReadonlySet<string>>;
  /** Age phrases of two words or more ("years old", "jaar oud"), of every language, as words. */
  readonly agePhrases: ReadonlyArray<readonly string[]>;
}

export interface LanguageUse {
  /** Lexicon id -> language -> phrases using it (how much the word says about the language). */
  readonly byToken: ReadonlyArray<ReadonlyMap<number, number> | undefined>;
  /** The same, for words as typed (accents, Ethiopic vowels): "ትምህርት" is Amharic, "ትምህርቲ" Tigrinya. */
  readonly byRawWord: ReadonlyMap<string, ReadonlyMap<number, number>>;
}

export interface RoutingIndex {
  readonly languages: readonly string[];
  readonly languageIndex: ReadonlyMap<string, number>;
  /** Index of Dutch, whose words every list borrows, or -1. */
  readonly dutch: number;
  readonly romanised: ReadonlySet<string>;
  /** Scripts and letter hints of each language, for guessLanguage. */
  readonly languageHints: LanguageHints;
  readonly topics: readonly string[];
  /** Index in topics of the emergency topic. */
  readonly emergencyTopic: number;
  /** Screens of the emergency topic whose words are help, not danger. */
  readonly calm: ReadonlySet<string>;
  readonly functionWords: FunctionWords;
  readonly han: HanDictionary;
  readonly lexicon: Lexicon;
  readonly phrases: PhraseTable;
  readonly targets: readonly Target[];
  /** Target id -> index in targets. */
  readonly targetIndex: ReadonlyMap<string, number>;
  readonly languageUse: LanguageUse;
  /** A phrase as its normalised words (for explain() and tests). */
  phraseText(phrase: number): string;
}

/**
 * The part of the index that takes time to build (half a second): the lexicon, the phrases
 * and how much each word says about its language. It is what prebuilt-index.ts writes at
 * `npm run build`; the rest is read from the vocabulary in a few milliseconds.
 */
export interface WordIndex {
  readonly lexicon: Lexicon;
  readonly phrases: PhraseTable;
  readonly targets: readonly Target[];
  readonly languageUse: LanguageUse;
}

export function buildRoutingIndex(vocab: Vocabulary): RoutingIndex {
  return assembleRoutingIndex(vocab, buildWordIndex(vocab));
}

/** The index from the vocabulary and its word index (built now, or read from the prebuilt file). */
export function assembleRoutingIndex(vocab: Vocabulary, words: WordIndex): RoutingIndex {
  const { languages, languageIndex, topics, romanised } = basicsOf(vocab);
  const functionWords = readFunctionWords(vocab, languages).functionWords;
  const { lexicon } = words;
  return {
    languages,
    languageIndex,
    dutch: languageIndex.get('nl') ?? -1,
    romanised,
    languageHints: languageHints(languages, vocab.writing, romanised),
    topics,
    emergencyTopic: topics.indexOf('emergency'),
    calm: vocab.calm ?? new Set(),
    functionWords,
    han: hanDictionaryOf(lexicon.words, functionWords),
    ...words,
    targetIndex: new Map(words.targets.map((target, index) => [target.id, index])),
    phraseText: (phrase) =>
      words.phrases
        .tokensOf(phrase)
        .map((id) => lexicon.words[id])
        .join(' '),
  };
}

function basicsOf(vocab: Vocabulary) {
  const languages = [...vocab.languages];
  // Sets of languages are bit masks.
  if (languages.length > 30) throw new Error('createRouter: at most 30 languages');
  return {
    languages,
    languageIndex: new Map(languages.map((lang, index) => [lang, index])),
    topics: vocab.topics,
    romanised: vocab.romanised ?? new Set<string>(),
  };
}

/** Chinese words come from the keyword lists and function words (answer texts are not cut into words). */
function hanDictionaryOf(words: readonly string[], functionWords: FunctionWords): HanDictionary {
  const hanWords: string[] = words.filter((word) => scriptOfWord(word) === 'han');
  for (const word of functionWords.languagesOf.keys()) if (scriptOfWord(word) === 'han') hanWords.push(word);
  return makeHanDictionary(hanWords);
}

/** The function words and negations of each language (routing.json), and their words as typed. */
function readFunctionWords(vocab: Vocabulary, languages: readonly string[]): { functionWords: FunctionWords; rawWords: Array<[string, number]> } {
  const stop: Array<Set<string>> = languages.map(() => new Set());
  const negations: Array<Set<string>> = languages.map(() => new Set());
  const negationsAfter: Array<Set<string>> = languages.map(() => new Set());
  const languagesOf = new Map<string, number>();
  const typed: Array<[string, number]> = [];
  languages.forEach((lang, language) => {
    const listed = vocab.functionWords?.get(lang);
    if (!listed) return;
    for (const word of tokenize(normalize(listed.stop))) {
      stop[language]!.add(word);
      languagesOf.set(word, (languagesOf.get(word) ?? 0) | (1 << language));
    }
    // A negation written as two words after normalisation ("نمیخواهم" -> "نمی خواهم"):
    // only its first word negates.
    for (const entry of listed.neg.split(/\s+/)) {
      const word = tokenize(normalize(entry))[0];
      if (!word) continue;
      negations[language]!.add(word);
      languagesOf.set(word, (languagesOf.get(word) ?? 0) | (1 << language));
    }
    for (const entry of (listed.negAfter ?? '').split(/\s+/)) {
      const word = tokenize(normalize(entry))[0];
      if (word) negationsAfter[language]!.add(word);
    }
    for (const raw of rawWords(`${listed.stop} ${listed.neg}`)) typed.push([raw, language]);
  });
  const slotWords = languages.map((lang) => new Set(tokenize(normalize(vocab.slotWords?.get(lang) ?? ''))));
  const agePhrases = new Map<string, string[]>();
  for (const phrase of [...(vocab.ageWords?.values() ?? [])].flat()) {
    const words = tokenize(normalize(phrase));
    if (words.length > 1) agePhrases.set(words.join(' '), words);
  }
  return { functionWords: { stop, negations, negationsAfter, languagesOf, slotWords, agePhrases: [...agePhrases.values()] }, rawWords: typed };
}

const NONE = 'none';

/** The lexicon, phrases, targets and language use of the vocabulary: the slow part of the index. */
export function buildWordIndex(vocab: Vocabulary): WordIndex {
  const { languages, languageIndex, topics, romanised } = basicsOf(vocab);
  const { functionWords, rawWords: functionRawWords } = readFunctionWords(vocab, languages);
  const { stop, negations } = functionWords;
  const lexicon = new LexiconBuilder();
  const phrases = new PhraseTableBuilder();
  const targets: Target[] = [];
  const targetIndex = new Map<string, number>();
  const useByToken: Array<Map<number, number>> = [];
  const useByRawWord = new Map<string, Map<number, number>>();
  const countUse = (uses: Map<number, number>, language: number, count: number) => uses.set(language, (uses.get(language) ?? 0) + count);
  const countRawUse = (raw: string, language: number, count: number) => {
    let uses = useByRawWord.get(raw);
    if (!uses) useByRawWord.set(raw, (uses = new Map()));
    countUse(uses, language, count);
  };
  for (const [raw, language] of functionRawWords) countRawUse(raw, language, FUNCTION_WORD_VOTES);

  function targetOf(id: string): number | undefined {
    const known = targetIndex.get(id);
    if (known !== undefined) return known;
    const topicId = id.split('.')[0]!;
    const topic = id === NONE ? -1 : topics.indexOf(topicId);
    if (topic < 0 && id !== NONE) return undefined; // not a topic of ours: ignore
    targetIndex.set(id, targets.length);
    targets.push({ id, topic });
    return targets.length - 1;
  }

  /** Set once the keyword lists are in: answer texts in Chinese are cut with it. */
  let han: HanDictionary | undefined;

  function addPhrase(language: number, target: number, text: string, fromDocument: boolean): void {
    let words = [...new Set(tokenize(normalize(text), fromDocument ? han : undefined))];
    // Answer texts are long: their function words are only noise.
    if (fromDocument) words = words.filter((word) => !stop[language]!.has(word));
    let kinds: PhraseKind[] = words.map((word) => (negations[language]!.has(word) ? 'negation' : stop[language]!.has(word) ? 'stop' : 'content'));
    // Without content words the negations are the content ("nowhere to go"); small talk
    // may be function words only ("how are you"); anything else says nothing.
    const negationsOnly = !kinds.includes('content');
    if (negationsOnly) kinds = kinds.map((kind) => (kind === 'negation' ? 'content' : kind));
    if (!kinds.includes('content')) {
      if (targets[target]!.topic >= 0) return;
      kinds = kinds.map(() => 'content');
    }
    const tokens = words.map((word) => lexicon.add(word));
    if (tokens.length === 0) return;
    if (!fromDocument) for (const raw of rawWords(text)) countRawUse(raw, language, 1);
    phrases.add(language, target, tokens, kinds, negationsOnly, fromDocument);
    tokens.forEach((id, position) => {
      if (!fromDocument) countUse((useByToken[id] ??= new Map()), language, 1);
      if (kinds[position] !== 'content') return;
      // Consonant skeletons, so that romanised text reaches words of other scripts
      // ("mareed" -> "مریض") and Latin words of a romanised language; never Chinese or numbers.
      const script = scriptOfWord(lexicon.words[id]!);
      if (script !== 'latin' ? script !== 'han' && script !== 'digit' : romanised.has(languages[language]!)) {
        lexicon.addSkeleton(id);
      }
    });
  }

  for (const [lang, byTarget] of vocab.keywords) {
    const language = languageIndex.get(lang);
    if (language === undefined) continue;
    for (const [id, list] of Object.entries(byTarget)) {
      const target = targetOf(id);
      if (target === undefined) continue;
      for (const text of list) addPhrase(language, target, text, false);
    }
  }
  han = hanDictionaryOf(lexicon.words, functionWords);
  for (const document of vocab.documents ?? []) {
    const language = languageIndex.get(document.lang);
    const target = targetOf(document.target);
    if (language === undefined || target === undefined) continue;
    const text = document.text.replace(/<[^>]*>/g, ' ').replace(/\{\{[^}]*\}\}/g, ' ');
    addPhrase(language, target, text, true);
  }

  return {
    lexicon: lexicon.finish(),
    phrases: phrases.finish(weighPhrases(phrases, targets, topics.length), lexicon.size),
    targets,
    languageUse: shared(useByToken, useByRawWord),
  };
}

/**
 * The language counts with equal maps made one: most words are used by one language a few
 * times, so some 40,000 small maps are a few hundred distinct ones (9 MB of heap less). The
 * maps are read only from here on; equal means the same entries in the same order.
 */
function shared(byToken: Array<Map<number, number> | undefined>, byRawWord: Map<string, Map<number, number>>): LanguageUse {
  const one = interner<Map<number, number>>();
  const same = (use: Map<number, number>) => one([...use].flat().join(','), use);
  return {
    byToken: byToken.map((use) => (use ? same(use) : undefined)),
    byRawWord: new Map([...byRawWord].map(([raw, use]) => [raw, same(use)])),
  };
}

/** One value per key: the first one given for it (values that are never changed after). */
function interner<T>(): (key: string, value: T) => T {
  const seen = new Map<string, T>();
  return (key, value) => {
    const known = seen.get(key);
    if (known !== undefined) return known;
    seen.set(key, value);
    return value;
  };
}

/**
 * The weight of each word of each phrase (a function of its own so that the counts it
 * builds are freed once the router is built).
 */
function weighPhrases(phrases: PhraseTableBuilder, targets: readonly Target[], topicCount: number): Float64Array {
  // Specificity of a content word in a language, for one topic: the share of the word's
  // phrases that belong to the topic. A word of one topic only weighs 1; "papers", in
  // five legal phrases and in "school without papers", weighs much more for legal than
  // for school; a word used evenly by k topics weighs log(1 + T/k) / log(1 + T).
  const topicsAndNone = topicCount + 1;
  const uses = new Map<number, Map<number, number>>(); // (language, token, from a document) -> topic -> phrases
  const usesKey = (language: number, token: number, fromDocument: boolean) => (token * 64 + language) * 2 + (fromDocument ? 1 : 0);
  const { tokens, kinds } = phrases;
  for (let phrase = 0; phrase < phrases.count; phrase++) {
    const topic = targets[phrases.targetOf(phrase)]!.topic;
    const [from, to] = phrases.span(phrase);
    for (let at = from; at < to; at++) {
      if (kinds[at] !== CONTENT) continue;
      const key = usesKey(phrases.languageOf(phrase), tokens[at]!, phrases.fromDocument(phrase));
      let byTopic = uses.get(key);
      if (!byTopic) uses.set(key, (byTopic = new Map()));
      byTopic.set(topic, (byTopic.get(topic) ?? 0) + 1);
    }
  }
  const scale = Math.log(1 + topicsAndNone);
  const specificity = (language: number, token: number, fromDocument: boolean, topic: number) => {
    const byTopic = uses.get(usesKey(language, token, fromDocument))!;
    let total = 0;
    for (const count of byTopic.values()) total += count;
    return Math.log(1 + (topicsAndNone * byTopic.get(topic)!) / total) / scale;
  };
  const weights = new Float64Array(tokens.length);
  for (let phrase = 0; phrase < phrases.count; phrase++) {
    const topic = targets[phrases.targetOf(phrase)]!.topic;
    const [from, to] = phrases.span(phrase);
    for (let at = from; at < to; at++) {
      weights[at] =
        kinds[at] === STOP ? TUNING.functionWordWeight : kinds[at] === NEGATION ? TUNING.negationWeight : specificity(phrases.languageOf(phrase), tokens[at]!, phrases.fromDocument(phrase), topic);
    }
  }
  return weights;
}
