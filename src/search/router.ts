/**
 * Free text -> topic or answer screen.
 *
 * The vocabulary is phrases per language and target (a topic id, a screen id such as
 * "health.pregnant", or "none" for small talk), written by people who know how those
 * words are typed. A text is normalised (normalize.ts), cut into words (tokenize.ts),
 * and each word is looked up in one lexicon of all languages with typo, inflection and
 * romanisation tolerance (lexicon.ts). Its language is guessed from script, letters and
 * the words found (detect-language.ts). Phrases collect the words that reached them, and
 * each typed word gives each target the best evidence it found there:
 *
 *   - in a one-word phrase: the word's specificity for the target's topic (the share of
 *     the word's phrases in that topic, on a log scale: 1 for a word of one topic);
 *   - in a complete multi-word phrase: at least 0.85, because the combination is what
 *     is specific ("help now", "place to sleep"); function words of a phrase ("where",
 *     "to") must be there too, except at its start ("[I] want to die") or when the
 *     phrase has two content words or more;
 *   - in an incomplete phrase: its specificity times the share of the phrase found;
 *   - in an answer text (documents): weak.
 *
 * A target's score is the sum over typed words; a topic's sums, per word, the best of
 * its targets. Words of the text's language count fully, others less (and their typos
 * less again), so a false friend of another language does not win. Function words of
 * the text's language count only inside complete phrases.
 *
 * Danger comes first: an emergency phrase matched word for word, not negated ("not
 * urgent", "acil değil") and not part of a longer phrase of another topic ("hébergement
 * d'urgence") routes to emergency whatever else the text says.
 */
import { TOPIC_IDS, type TopicId } from '../content/schema.ts';
import type { RouteResult, Router as EngineRouter } from '../engine/types.ts';
import { guessLanguage } from './detect-language.ts';
import { Lexicon, type Candidate } from './lexicon.ts';
import { normalize } from './normalize.ts';
import { scriptOfWord } from './scripts.ts';
import { makeHanDictionary, tokenize, type HanDictionary } from './tokenize.ts';

/** What routing returns: the engine's contract (src/engine/types.ts), implemented here. */
export type { RouteResult };

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
}

export interface Router extends EngineRouter {
  /** Why a text routes where it does: one line per piece of evidence (for maintainers). */
  explain(text: string, lang?: string): string[];
  /** A normalised word of some phrase list, or a function word or negation of some language. */
  knowsWord(word: string): boolean;
}

/** Tuning, measured with `npm run eval` on the dev set and tests/search/fixtures. */
export const TUNING = {
  /** Below this the text is not about any topic (small talk, noise). */
  minScore: 0.45,
  /** A complete multi-word phrase gives each of its words at least this weight. */
  fullPhraseWeight: 0.85,
  /** Small talk wins only with more than this share of the best topic's evidence ("hello doctor"). */
  smallTalkMargin: 1,
  /** Weight of a function word inside a phrase (it only completes the phrase). */
  functionWordWeight: 0.1,
  /** Weight of a negation inside a phrase ("no papers": the meaning is in "papers"). */
  negationWeight: 0.2,
  /** A word of an answer text counts this much of a keyword. */
  documentWeight: 0.3,
  /** Weight of words in a language other than the text's (and the chosen one). */
  otherLanguage: 0.8,
  chosenLanguage: 0.92,
  /** Further weight of a typo'd word of another language. */
  otherLanguageTypo: 0.85,
  /** A screen wins over its topic when it has this share of the topic's evidence. */
  screenShare: 0.6,
  /** Least similarity for a one-word danger phrase (a typo in a long word, not a neighbour). */
  dangerSim: 0.87,
  /** A word of a phrase that is not complete counts this much (times the share found). */
  incomplete: 0.9,
  /** Least similarity for a word to count in a phrase it does not complete. */
  partialSim: 0.8,
  /** Least similarity for a word to complete a phrase. */
  completeSim: 0.75,
  /** Words that may stand between the words of a phrase ("help [me] now"). */
  phraseSlack: 3,
  /** A topic with this much evidence is asked about, greetings or not. */
  clearTopic: 1.5,
  /** Most words read from one text. */
  maxWords: 48,
  /**
   * Crafted text costs no more than ordinary text (security review M6): the text is cut
   * after normalising (NFKC can make one character into eighteen), and so is each word, since
   * the typo lookup of a word grows with the square of its length. No real word is longer.
   */
  maxKeyLength: 2000,
  maxWordLength: 32,
} as const;

const NONE = 'none';
/** A function word is good evidence of its language: it counts like this many phrases. */
const FUNCTION_WORD_VOTES = 3;
/** Languages people also type in Latin letters (Arabizi, Finglish...). */

/** What a word is inside a phrase. */
const CONTENT = 0;
const STOP = 1;
const NEG = 2;

interface Phrase {
  readonly lang: number;
  readonly target: number;
  readonly tokens: readonly number[];
  readonly kinds: readonly number[];
  /** Content words (not function words, not negations). */
  readonly content: number;
  /** Words that are not function words. */
  readonly nonStop: number;
  /** Evidence only when complete ("nowhere to go": "nowhere" alone says little). */
  readonly wholeOnly: boolean;
  weights: number[];
  total: number;
  readonly doc: boolean;
  readonly text: string;
}

interface Target {
  readonly id: string;
  /** Index in TOPICS, or -1 for "none". */
  readonly topic: number;
}

/** What one phrase collected from one text. */
interface Hit {
  readonly sims: number[];
  readonly at: number[];
}

/**
 * The weight of each word of each phrase (a function of its own so that the counts it
 * builds are freed once the router is built).
 */
function weighPhrases(phrases: Phrase[], targets: readonly Target[], topicCount: number): void {
  // Specificity of a content word in a language, for one topic: the share of the word's
  // phrases that belong to the topic. A word of one topic only weighs 1; "papers", in
  // five legal phrases and in "school without papers", weighs much more for legal than
  // for school; a word used evenly by k topics weighs log(1 + T/k) / log(1 + T).
  const nTopics = topicCount + 1;
  const uses = new Map<number, Map<number, number>>(); // (lang, token, doc) -> topic -> phrases
  const usesKey = (lang: number, token: number, doc: boolean) => (token * 64 + lang) * 2 + (doc ? 1 : 0);
  for (const p of phrases) {
    const topic = targets[p.target]!.topic;
    p.tokens.forEach((id, pos) => {
      if (p.kinds[pos] !== CONTENT) return;
      const k = usesKey(p.lang, id, p.doc);
      let m = uses.get(k);
      if (!m) uses.set(k, (m = new Map()));
      m.set(topic, (m.get(topic) ?? 0) + 1);
    });
  }
  const norm = Math.log(1 + nTopics);
  const specificity = (lang: number, id: number, doc: boolean, topic: number) => {
    const m = uses.get(usesKey(lang, id, doc))!;
    let total = 0;
    for (const v of m.values()) total += v;
    return Math.log(1 + (nTopics * m.get(topic)!) / total) / norm;
  };
  for (const p of phrases) {
    const topic = targets[p.target]!.topic;
    p.weights = p.tokens.map((id, pos) =>
      p.kinds[pos] === STOP
        ? TUNING.functionWordWeight
        : p.kinds[pos] === NEG
          ? TUNING.negationWeight
          : specificity(p.lang, id, p.doc, topic),
    );
    p.total = p.weights.reduce((a, b) => a + b, 0);
  }
}

export function createRouter(vocab: Vocabulary): Router {
  const TOPICS: readonly string[] = vocab.topics ?? TOPIC_IDS;
  const ROMANISED: ReadonlySet<string> = vocab.romanised ?? new Set();
  const languages = [...vocab.languages];
  // Sets of languages are bit masks.
  if (languages.length > 30) throw new Error('createRouter: at most 30 languages');
  const langIndex = new Map(languages.map((l, i) => [l, i]));
  const dutchIndex = langIndex.get('nl') ?? -1;
  const lexicon = new Lexicon();
  const phrases: Phrase[] = [];
  const postings: Array<Array<number>> = []; // token id -> [phrase, position, phrase, position, ...]
  const targets: Target[] = [];
  const targetIndex = new Map<string, number>();

  /** token id -> language -> phrases using it (how much the word says about the language) */
  const tokenUse: Array<Map<number, number>> = [];
  /** The same, for words as typed (accents, Ethiopic vowels): "ትምህርት" is Amharic, "ትምህርቲ" Tigrinya. */
  const rawUse = new Map<string, Map<number, number>>();
  const use = (map: Map<number, number>, lang: number, n: number) => map.set(lang, (map.get(lang) ?? 0) + n);
  const stop: Array<Set<string>> = languages.map(() => new Set());
  const neg: Array<Set<string>> = languages.map(() => new Set());
  /** Negations that follow what they negate, per language. */
  const postNeg: Array<Set<string>> = languages.map(() => new Set());
  const functionLangs = new Map<string, number>();
  languages.forEach((lang, li) => {
    const fw = vocab.functionWords?.get(lang);
    if (!fw) return;
    for (const w of tokenize(normalize(fw.stop))) {
      stop[li]!.add(w);
      functionLangs.set(w, (functionLangs.get(w) ?? 0) | (1 << li));
    }
    // A negation written as two words after normalisation ("نمیخواهم" -> "نمی خواهم"):
    // only its first word negates.
    for (const entry of fw.neg.split(/\s+/)) {
      const w = tokenize(normalize(entry))[0];
      if (!w) continue;
      neg[li]!.add(w);
      functionLangs.set(w, (functionLangs.get(w) ?? 0) | (1 << li));
    }
    for (const entry of (fw.negAfter ?? '').split(/\s+/)) {
      const w = tokenize(normalize(entry))[0];
      if (w) postNeg[li]!.add(w);
    }
    for (const raw of rawWords(`${fw.stop} ${fw.neg}`)) {
      let m = rawUse.get(raw);
      if (!m) rawUse.set(raw, (m = new Map()));
      use(m, li, FUNCTION_WORD_VOTES);
    }
  });

  function targetOf(id: string): number | undefined {
    const known = targetIndex.get(id);
    if (known !== undefined) return known;
    const topicId = id.split('.')[0]!;
    const topic = id === NONE ? -1 : TOPICS.indexOf(topicId);
    if (topic < 0 && id !== NONE) return undefined; // not a topic of ours: ignore
    targetIndex.set(id, targets.length);
    targets.push({ id, topic });
    return targets.length - 1;
  }

  /** Set once the keyword lists are in: answer texts in Chinese are cut with it. */
  let han: HanDictionary | undefined;

  function addPhrase(lang: number, target: number, text: string, doc: boolean): void {
    let words = [...new Set(tokenize(normalize(text), doc ? han : undefined))];
    // Answer texts are long: their function words are only noise.
    if (doc) words = words.filter((w) => !stop[lang]!.has(w));
    let kinds = words.map((w) => (neg[lang]!.has(w) ? NEG : stop[lang]!.has(w) ? STOP : CONTENT));
    // Without content words the negations are the content ("nowhere to go"); small talk
    // may be function words only ("how are you"); anything else says nothing.
    const negationsOnly = !kinds.includes(CONTENT);
    if (negationsOnly) kinds = kinds.map((k) => (k === NEG ? CONTENT : k));
    if (!kinds.includes(CONTENT)) {
      if (targets[target]!.topic >= 0) return;
      kinds = kinds.map(() => CONTENT);
    }
    const ids = words.map((w) => lexicon.add(w));
    if (ids.length === 0) return;
    if (!doc) {
      for (const raw of rawWords(text)) {
        let m = rawUse.get(raw);
        if (!m) rawUse.set(raw, (m = new Map()));
        use(m, lang, 1);
      }
    }
    const p = phrases.length;
    const content = kinds.filter((k) => k === CONTENT).length;
    const nonStop = kinds.filter((k) => k !== STOP).length;
    phrases.push({
      lang,
      target,
      tokens: ids,
      kinds,
      content,
      nonStop,
      wholeOnly: negationsOnly,
      weights: [],
      total: 0,
      doc,
      text: doc ? text.slice(0, 40) : text,
    });
    ids.forEach((id, pos) => {
      (postings[id] ??= []).push(p, pos);
      if (!doc) use((tokenUse[id] ??= new Map()), lang, 1);
      if (kinds[pos] !== CONTENT) return;
      const script = scriptOfWord(lexicon.words[id]!);
      if (script !== 'latin' ? script !== 'han' && script !== 'digit' : ROMANISED.has(languages[lang]!)) {
        lexicon.addSkeleton(id);
      }
    });
  }

  for (const [lang, byTarget] of vocab.keywords) {
    const li = langIndex.get(lang);
    if (li === undefined) continue;
    for (const [id, list] of Object.entries(byTarget)) {
      const t = targetOf(id);
      if (t === undefined) continue;
      for (const phrase of list) addPhrase(li, t, phrase, false);
    }
  }
  // Chinese words come from the keyword lists (answer texts are not cut into words).
  const hanWords: string[] = lexicon.words.filter((w) => scriptOfWord(w) === 'han');
  for (const w of functionLangs.keys()) if (scriptOfWord(w) === 'han') hanWords.push(w);
  han = makeHanDictionary(hanWords);
  const hanDict: HanDictionary = han;
  for (const d of vocab.documents ?? []) {
    const li = langIndex.get(d.lang);
    const t = targetOf(d.target);
    if (li === undefined || t === undefined) continue;
    const text = d.text.replace(/<[^>]*>/g, ' ').replace(/\{\{[^}]*\}\}/g, ' ');
    addPhrase(li, t, text, true);
  }

  weighPhrases(phrases, targets, TOPICS.length);

  const emergencyTopic = TOPICS.indexOf('emergency');

  function route(text: string, chosen?: string, trace?: string[]): RouteResult {
    // A language the bot does not have is no choice at all.
    const given = chosen !== undefined && langIndex.has(chosen) ? chosen : undefined;
    const givenIndex = given === undefined ? -1 : langIndex.get(given)!;
    const words = tokenize(normalize(text).slice(0, TUNING.maxKeyLength), hanDict)
      .slice(0, TUNING.maxWords)
      .map((w) => w.slice(0, TUNING.maxWordLength));
    const cands: Candidate[][] = words.map((w) => lexicon.candidates(w));

    // Language evidence: each word found in the vocabulary or the function words gives one
    // vote, shared among the languages that use it in proportion to how often they do (a
    // Dutch word like "politie" is in every list, but mostly in the Dutch one).
    const evidence = new Map<string, number>();
    const vote = (weights: Map<number, number>, strength: number) => {
      let sum = 0;
      for (const v of weights.values()) sum += v;
      if (sum <= 0) return;
      for (const [li, v] of weights) {
        const l = languages[li]!;
        evidence.set(l, (evidence.get(l) ?? 0) + (strength * v) / sum);
      }
    };
    words.forEach((w, i) => {
      const weights = new Map<number, number>();
      const fl = functionLangs.get(w) ?? 0;
      for (let li = 0; li < languages.length; li++) if (fl & (1 << li)) weights.set(li, FUNCTION_WORD_VOTES);
      let strength = fl ? 1 : 0;
      for (const c of cands[i]!) {
        if (c.sim < 0.84) continue;
        strength = Math.max(strength, c.sim);
        const use = tokenUse[c.id];
        if (!use) continue;
        // Every list borrows Dutch words ("nachtopvang", "tandarts"): a word the Dutch list
        // has is first of all Dutch.
        const dutch = dutchIndex >= 0 && use.has(dutchIndex) && use.size > 1;
        for (const [li, count] of use) {
          const v = count * c.sim * (dutch && li === dutchIndex ? use.size : 1);
          weights.set(li, Math.max(weights.get(li) ?? 0, v));
        }
      }
      // Ethiopic keys have lost their vowels, which tell Tigrinya from Amharic: the words
      // as typed (below) decide there.
      vote(weights, scriptOfWord(w) === 'ethiopic' ? strength / 2 : strength);
    });
    for (const raw of rawWords(text)) {
      const m = rawUse.get(raw);
      if (m) vote(m, 1);
    }
    const guess = guessLanguage(text, languages, evidence, given);
    const lang = guess.lang ?? given ?? languages[0] ?? 'en';
    const textLang = langIndex.get(lang) ?? -1;
    const noLanguage = !guess.evidence && given === undefined;
    // Consonant skeletons are for romanised Arabic, Persian, Pashto and Sorani only: in an
    // English text "told" is not "تولد".
    if (!(ROMANISED.has(lang) || (given !== undefined && ROMANISED.has(given)) || !guess.evidence)) {
      for (let i = 0; i < cands.length; i++) {
        if (cands[i]!.some((c) => c.skeleton)) cands[i] = cands[i]!.filter((c) => !c.skeleton);
      }
    }

    // Collect what each phrase got from the text.
    const hits = new Map<number, Hit>();
    const n = words.length;
    // A function word of the text's language ("die" in Dutch) is no evidence on its own,
    // but may still complete a phrase of another language ("is dilid").
    const isStopWord = words.map(
      (w) => (textLang >= 0 && stop[textLang]!.has(w)) || (givenIndex >= 0 && stop[givenIndex]!.has(w)),
    );
    for (let i = 0; i < n; i++) {
      const isStop = isStopWord[i]!;
      for (const c of cands[i]!) {
        const post = postings[c.id];
        if (!post) continue;
        for (let k = 0; k < post.length; k += 2) {
          const p = post[k]!;
          const pos = post[k + 1]!;
          // ...but never as the only non-function word of a phrase.
          if (isStop && phrases[p]!.kinds[pos] !== STOP && phrases[p]!.nonStop === 1) continue;
          let h = hits.get(p);
          if (!h) {
            const len = phrases[p]!.tokens.length;
            h = { sims: new Array<number>(len).fill(0), at: new Array<number>(len).fill(-1) };
            hits.set(p, h);
          }
          // A word typed twice: the later one, nearer the rest of a phrase read in order.
          if (c.sim >= h.sims[pos]!) {
            h.sims[pos] = c.sim;
            h.at[pos] = i;
          }
        }
      }
    }

    // Evidence per target and typed word; danger phrases.
    const nt = targets.length;
    const best = new Float64Array(nt * Math.max(n, 1));
    const complete: Array<{ p: number; at: number[] }> = [];
    const dangers: Array<{ p: number; at: number[] }> = [];
    for (const [p, h] of hits) {
      const ph = phrases[p]!;
      // Without any sign of the language, no language is preferred.
      const lf =
        ph.lang === textLang || noLanguage ? 1 : ph.lang === givenIndex ? TUNING.chosenLanguage : TUNING.otherLanguage;
      // A typo is most likely a typo of a word of the text's own language.
      const lfTypo = lf === 1 ? 1 : lf * TUNING.otherLanguageTypo;
      const len = ph.tokens.length;
      const t = ph.target;
      if (ph.doc) {
        for (let pos = 0; pos < len; pos++) {
          const s = h.sims[pos]!;
          if (s === 0) continue;
          const c = s * ph.weights[pos]! * TUNING.documentWeight * lf;
          const slot = t * n + h.at[pos]!;
          if (c > best[slot]!) best[slot] = c;
        }
        continue;
      }
      // Complete: every word there, except function words at the start ("[I] want to
      // die") or anywhere in a phrase with two content words or more ("place [to] sleep").
      let cov = 0;
      let coverable = 0;
      let missingContent = 0;
      let missingOther = 0;
      let missingLate = false;
      let seenMatch = false;
      for (let pos = 0; pos < len; pos++) {
        const s = h.sims[pos]!;
        if (ph.kinds[pos] !== STOP) {
          cov += s * ph.weights[pos]!;
          coverable += ph.weights[pos]!;
        }
        const ok = s >= TUNING.completeSim;
        if (ok) {
          if (ph.kinds[pos] !== STOP) seenMatch = true;
        } else if (ph.kinds[pos] === STOP) {
          if (seenMatch) missingLate = true;
        } else if (ph.kinds[pos] === CONTENT) missingContent++;
        else missingOther++;
      }
      cov = coverable > 0 ? cov / coverable : 0;
      // The words of a phrase must stand near each other: "help" at the start and "now"
      // at the end of a long story are not "help now".
      let first = n;
      let last = -1;
      for (let pos = 0; pos < len; pos++) {
        const a = h.at[pos]!;
        if (a < 0 || h.sims[pos]! < TUNING.completeSim) continue;
        if (a < first) first = a;
        if (a > last) last = a;
      }
      const near = last - first < len + TUNING.phraseSlack;
      const full =
        near &&
        missingOther === 0 &&
        (missingContent === 0 ? !missingLate || ph.content >= 2 : ph.content >= 3 && missingContent === 1 && cov >= 0.75);
      for (let pos = 0; pos < len; pos++) {
        const s = h.sims[pos]!;
        if (s === 0) continue;
        const w = ph.weights[pos]!;
        const kind = ph.kinds[pos]!;
        let c: number;
        // A function word of the text counts only inside a complete phrase.
        if ((kind === STOP || isStopWord[h.at[pos]!] || ph.wholeOnly) && !full) continue;
        // (Small talk gets nothing from them: "I need help with my papers" is about papers.)
        if (kind === STOP) c = targets[t]!.topic < 0 ? 0 : s * w;
        else if (len === 1) c = s * w;
        else if (full) c = s * (kind === CONTENT && ph.content >= 2 ? Math.max(w, TUNING.fullPhraseWeight) : w);
        else if (s >= TUNING.partialSim) c = s * w * cov * TUNING.incomplete;
        else continue;
        if (c === 0) continue;
        c *= s === 1 ? lf : lfTypo;
        const slot = t * n + h.at[pos]!;
        if (c > best[slot]!) best[slot] = c;
        trace?.push(
          `${words[h.at[pos]!]} -> ${targets[t]!.id} ${c.toFixed(3)} (${languages[ph.lang]}: "${ph.text}"${full ? ', complete' : ''})`,
        );
      }
      const at = h.at.filter((a, pos) => a >= 0 && ph.kinds[pos] !== STOP);
      if (full && len >= 2) complete.push({ p, at });
      // One word of danger must be that word (or a typo of it) in the text's own language.
      // Danger needs every word of the phrase, function words too ("with a knife" is not
      // "knife wound").
      const strict = full && h.sims.every((x) => x >= TUNING.completeSim);
      if (strict && targets[t]!.topic === emergencyTopic && !vocab.calm?.has(targets[t]!.id)) {
        const nonStop = ph.tokens.map((_, pos) => pos).filter((pos) => ph.kinds[pos] !== STOP);
        const sure = nonStop.length > 1 || nonStop.every((pos) => h.sims[pos]! >= (lf === 1 ? TUNING.dangerSim : 1));
        if (sure && at.length > 0) dangers.push({ p, at });
      }
    }

    // Danger phrases that are negated or part of a longer phrase of another topic do not count.
    // A negation counts in the danger phrase's language or in the text's (romanised forms
    // for Arabic, Persian, Pashto and Sorani included), not in any language: Arabic "la" or
    // Persian "na" must not cancel French "il y a de la fumée" or Portuguese "fogo na
    // cozinha", while English "not" still cancels an "urgent" listed under French.
    const negates = (lang: number, word: string, after: boolean) => (after ? postNeg : neg)[lang]?.has(word) ?? false;
    const liveDangers = dangers.filter(({ p, at }) => {
      const phraseLang = phrases[p]!.lang;
      const first = Math.min(...at);
      const last = Math.max(...at);
      const own = new Set(at);
      for (let j = Math.max(0, first - 3); j <= Math.min(n - 1, last + 1); j++) {
        // Before the phrase any negation; right after it only those that follow what they
        // negate (Turkish "değil", Persian "نیست").
        const after = j > first;
        if ((negates(phraseLang, words[j]!, after) || negates(textLang, words[j]!, after)) && !own.has(j)) {
          // A negated danger phrase gives no evidence at all.
          for (const i of own) best[phrases[p]!.target * n + i] = 0;
          return false;
        }
      }
      for (const c of complete) {
        const other = phrases[c.p]!;
        if (targets[other.target]!.topic === emergencyTopic || c.at.length <= at.length) continue;
        if (at.every((a) => c.at.includes(a))) return false;
      }
      return true;
    });

    // Sum per target, and per topic (the best of its targets for each typed word).
    const targetScore = new Float64Array(nt);
    const topicScore = new Float64Array(TOPICS.length);
    let noneScore = 0;
    for (let i = 0; i < n; i++) {
      const topicBest = new Float64Array(TOPICS.length);
      let noneBest = 0;
      for (let t = 0; t < nt; t++) {
        const v = best[t * n + i]!;
        if (v === 0) continue;
        targetScore[t]! += v;
        const topic = targets[t]!.topic;
        if (topic < 0) noneBest = Math.max(noneBest, v);
        else if (v > topicBest[topic]!) topicBest[topic] = v;
      }
      for (let k = 0; k < TOPICS.length; k++) topicScore[k]! += topicBest[k]!;
      noneScore += noneBest;
    }

    const order = [...topicScore.keys()].sort((a, b) => topicScore[b]! - topicScore[a]!);
    let top = order[0]!;
    const urgent = liveDangers.length > 0;
    if (urgent) top = emergencyTopic;
    const topScore = topicScore[top]!;
    const second = Math.max(...order.filter((k) => k !== top).map((k) => topicScore[k]!), 0);

    const squash = (s: number) => s / (s + 0.6);
    const alternativesFor = (exclude: string | null, chosenScore: number) => {
      const ranked = [...targetScore.keys()]
        .filter((t) => targets[t]!.topic >= 0 && targetScore[t]! > 0 && targets[t]!.id !== exclude)
        .sort((a, b) => targetScore[b]! - targetScore[a]!)
        .slice(0, 3);
      // On the same scale as the answer's score, and never above it.
      return ranked.map((t) => ({
        target: targets[t]!.id,
        topic: TOPICS[targets[t]!.topic] as TopicId,
        score: round(
          chosenScore > 0 && topScore > 0
            ? Math.min(chosenScore, (chosenScore * targetScore[t]!) / topScore)
            : 0.55 * squash(targetScore[t]!),
        ),
      }));
    };

    const targetEvidence = [...targetScore.keys()]
      .filter((t) => targets[t]!.topic >= 0 && targetScore[t]! > 0)
      .sort((a, b) => targetScore[b]! - targetScore[a]!)
      .map((t) => ({ target: targets[t]!.id, score: round(targetScore[t]!) }));
    const smallTalk = noneScore > topScore * TUNING.smallTalkMargin && topScore < TUNING.clearTopic;
    if (!urgent && (topScore < TUNING.minScore || smallTalk)) {
      return {
        topic: null,
        target: null,
        lang,
        score: round(noneScore > 0 ? squash(noneScore) : 0),
        urgent: false,
        alternatives: alternativesFor(null, 0),
        evidence: targetEvidence,
      };
    }

    // The target inside the topic: a screen with a fair share of the evidence, else the topic.
    const topicName = TOPICS[top]!;
    let target = topicName;
    let screenBest = 0;
    for (let t = 0; t < nt; t++) {
      const tg = targets[t]!;
      if (tg.topic !== top || tg.id === topicName) continue;
      const s = targetScore[t]!;
      if (s > screenBest && s >= TUNING.screenShare * topScore && s >= TUNING.minScore) {
        screenBest = s;
        target = tg.id;
      }
    }
    const margin = topScore > 0 ? Math.max(0, Math.min(1, (topScore - second) / topScore)) : 0;
    let score = squash(topScore) * (0.55 + 0.45 * margin);
    if (urgent) score = Math.max(score, 0.9);
    return {
      topic: topicName as TopicId,
      target,
      lang,
      score: round(score),
      urgent,
      alternatives: alternativesFor(target, score),
      evidence: targetEvidence,
    };
  }

  function explain(text: string, given?: string): string[] {
    const trace: string[] = [];
    const r = route(text, given, trace);
    trace.unshift(`words: ${tokenize(normalize(text), hanDict).join(' | ')}`);
    trace.push(`=> ${JSON.stringify(r)}`);
    return trace;
  }

  const knowsWord = (word: string) => lexicon.id(word) !== undefined || functionLangs.has(word);
  return { route: (text: string, lang?: string) => route(text, lang), explain, knowsWord };
}

/** Words as typed: NFKC, lower case, no invisible characters; accents and vowels kept. */
function rawWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u0640]/g, '')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
