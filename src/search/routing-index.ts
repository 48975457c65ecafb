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
import { TOPIC_IDS } from '../content/schema.ts';
import { languageHints, type LanguageHints, type WritingData } from './detect-language.ts';
import { FUNCTION_WORD_VOTES, rawWords } from './language-evidence.ts';
import { Lexicon } from './lexicon.ts';
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
  /** The topics, from flows/ (one per flow); without it the built-in list. */
  topics?: readonly string[];
  /**
   * Per language, words that carry no topic (`stop`), negations (`neg`) and negations that
   * follow what they negate (`negAfter`), space-separated: `locales/<code>/routing.json`.
   */
  functionWords?: ReadonlyMap<string, { stop: string; neg: string; negAfter?: string }>;
  /** Languages people also type in Latin letters (routing.json `romanised`). */
  romanised?: ReadonlySet<string>;
  /**
   * How each language is written: scripts, script order and letter hints (routing.json).
   * Without it every language may be written in every script, with no letter hints.
   */
  writing?: ReadonlyMap<string, WritingData>;
}

/** What a word is inside a phrase: a content word, a function word, or a negation. */
export type PhraseKind = 'content' | 'stop' | 'negation';

export interface Phrase {
  /** Index in RoutingIndex.languages. */
  readonly language: number;
  /** Index in RoutingIndex.targets. */
  readonly target: number;
  /** Lexicon ids of its words, each once. */
  readonly tokens: readonly number[];
  readonly kinds: readonly PhraseKind[];
  /** Content words (not function words, not negations). */
  readonly contentWords: number;
  /** Words that are not function words. */
  readonly nonStopWords: number;
  /** Evidence only when complete ("nowhere to go": "nowhere" alone says little). */
  readonly wholeOnly: boolean;
  /** The weight of each word (weighPhrases). */
  weights: number[];
  /** From an answer text, not a keyword list. */
  readonly fromDocument: boolean;
  /** For explain(). */
  readonly text: string;
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
  readonly lexicon: Lexicon;
  readonly phrases: readonly Phrase[];
  /** Lexicon id -> [phrase, position, phrase, position, ...]. */
  readonly postings: ReadonlyArray<readonly number[] | undefined>;
  readonly targets: readonly Target[];
  readonly functionWords: FunctionWords;
  readonly languageUse: LanguageUse;
  readonly han: HanDictionary;
}

const NONE = 'none';

export function buildRoutingIndex(vocab: Vocabulary): RoutingIndex {
  const topics: readonly string[] = vocab.topics ?? TOPIC_IDS;
  const romanised: ReadonlySet<string> = vocab.romanised ?? new Set();
  const languages = [...vocab.languages];
  // Sets of languages are bit masks.
  if (languages.length > 30) throw new Error('createRouter: at most 30 languages');
  const languageIndex = new Map(languages.map((lang, index) => [lang, index]));
  const lexicon = new Lexicon();
  const phrases: Phrase[] = [];
  const postings: number[][] = [];
  const targets: Target[] = [];
  const targetIndex = new Map<string, number>();
  const useByToken: Array<Map<number, number>> = [];
  const sharedKinds = interner<PhraseKind[]>();
  const sharedTokens = interner<number[]>();
  const useByRawWord = new Map<string, Map<number, number>>();
  const countUse = (uses: Map<number, number>, language: number, count: number) => uses.set(language, (uses.get(language) ?? 0) + count);
  const countRawUse = (raw: string, language: number, count: number) => {
    let uses = useByRawWord.get(raw);
    if (!uses) useByRawWord.set(raw, (uses = new Map()));
    countUse(uses, language, count);
  };

  const stop: Array<Set<string>> = languages.map(() => new Set());
  const negations: Array<Set<string>> = languages.map(() => new Set());
  const negationsAfter: Array<Set<string>> = languages.map(() => new Set());
  const languagesOf = new Map<string, number>();
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
    for (const raw of rawWords(`${listed.stop} ${listed.neg}`)) countRawUse(raw, language, FUNCTION_WORD_VOTES);
  });

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
    const phrase = phrases.length;
    // Kinds repeat ("content content" thousands of times), and the same words are a phrase of
    // several screens and languages ("huisarts"); neither is changed once made: one array each.
    phrases.push({
      language,
      target,
      tokens: sharedTokens(tokens.join(' '), tokens),
      kinds: sharedKinds(kinds.join(' '), kinds),
      contentWords: kinds.filter((kind) => kind === 'content').length,
      nonStopWords: kinds.filter((kind) => kind !== 'stop').length,
      wholeOnly: negationsOnly,
      weights: [],
      fromDocument,
      text: fromDocument ? text.slice(0, 40) : text,
    });
    tokens.forEach((id, position) => {
      (postings[id] ??= []).push(phrase, position);
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
  // Chinese words come from the keyword lists (answer texts are not cut into words).
  const hanWords: string[] = lexicon.words.filter((word) => scriptOfWord(word) === 'han');
  for (const word of languagesOf.keys()) if (scriptOfWord(word) === 'han') hanWords.push(word);
  han = makeHanDictionary(hanWords);
  const hanDictionary: HanDictionary = han;
  for (const document of vocab.documents ?? []) {
    const language = languageIndex.get(document.lang);
    const target = targetOf(document.target);
    if (language === undefined || target === undefined) continue;
    const text = document.text.replace(/<[^>]*>/g, ' ').replace(/\{\{[^}]*\}\}/g, ' ');
    addPhrase(language, target, text, true);
  }

  weighPhrases(phrases, targets, topics.length);

  return {
    languages,
    languageIndex,
    dutch: languageIndex.get('nl') ?? -1,
    romanised,
    languageHints: languageHints(languages, vocab.writing, romanised),
    topics,
    emergencyTopic: topics.indexOf('emergency'),
    calm: vocab.calm ?? new Set(),
    lexicon,
    phrases,
    postings,
    targets,
    functionWords: { stop, negations, negationsAfter, languagesOf },
    languageUse: shared(useByToken, useByRawWord),
    han: hanDictionary,
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
function weighPhrases(phrases: readonly Phrase[], targets: readonly Target[], topicCount: number): void {
  // Specificity of a content word in a language, for one topic: the share of the word's
  // phrases that belong to the topic. A word of one topic only weighs 1; "papers", in
  // five legal phrases and in "school without papers", weighs much more for legal than
  // for school; a word used evenly by k topics weighs log(1 + T/k) / log(1 + T).
  const topicsAndNone = topicCount + 1;
  const uses = new Map<number, Map<number, number>>(); // (language, token, from a document) -> topic -> phrases
  const usesKey = (language: number, token: number, fromDocument: boolean) => (token * 64 + language) * 2 + (fromDocument ? 1 : 0);
  for (const phrase of phrases) {
    const topic = targets[phrase.target]!.topic;
    phrase.tokens.forEach((token, position) => {
      if (phrase.kinds[position] !== 'content') return;
      const key = usesKey(phrase.language, token, phrase.fromDocument);
      let byTopic = uses.get(key);
      if (!byTopic) uses.set(key, (byTopic = new Map()));
      byTopic.set(topic, (byTopic.get(topic) ?? 0) + 1);
    });
  }
  const scale = Math.log(1 + topicsAndNone);
  const specificity = (language: number, token: number, fromDocument: boolean, topic: number) => {
    const byTopic = uses.get(usesKey(language, token, fromDocument))!;
    let total = 0;
    for (const count of byTopic.values()) total += count;
    return Math.log(1 + (topicsAndNone * byTopic.get(topic)!) / total) / scale;
  };
  for (const phrase of phrases) {
    const topic = targets[phrase.target]!.topic;
    phrase.weights = phrase.tokens.map((token, position) =>
      phrase.kinds[position] === 'stop'
        ? TUNING.functionWordWeight
        : phrase.kinds[position] === 'negation'
          ? TUNING.negationWeight
          : specificity(phrase.language, token, phrase.fromDocument, topic),
    );
  }
}
