/**
 * Danger comes first: an emergency phrase matched word for word, not negated ("not
 * urgent", "acil değil") and not part of a longer phrase of another topic ("hébergement
 * d'urgence") routes to emergency whatever else the text says.
 *
 * A negation counts in the danger phrase's language or in the text's (romanised forms
 * for Arabic, Persian, Pashto and Sorani included), not in any language: Arabic "la" or
 * Persian "na" must not cancel French "il y a de la fumée" or Portuguese "fogo na
 * cozinha", while English "not" still cancels an "urgent" listed under French.
 */
import type { Hit, PhraseScore } from './phrase-match.ts';
import { STOP } from './phrase-table.ts';
import type { RoutingIndex } from './routing-index.ts';
import { TUNING } from './tuning.ts';

/** A phrase and the typed words that matched it (function words aside), and all of them. */
export interface PhraseMatch {
  readonly phrase: number;
  readonly matched: readonly number[];
  /** With function words: "now" of "he is hitting me now" is what makes it danger. */
  readonly matchedAll?: readonly number[];
}

/** A negation this many words before a danger phrase cancels it ("I do not want to die")... */
export const NEGATION_BEFORE = 3;
/** ...and this many after it, if it is one that follows what it negates ("acil değil"). */
export const NEGATION_AFTER = 1;

/**
 * Whether a scored phrase is a danger phrase: a phrase of an emergency screen that is not
 * calm (a helpline), matched with every word, function words too ("with a knife" is not
 * "knife wound"). One word of danger must be that word (or a typo of it) in the text's own
 * language.
 */
export function isDanger(phrase: number, hit: Hit, score: PhraseScore, index: RoutingIndex): boolean {
  const target = index.targets[index.phrases.target(phrase)]!;
  if (!score.strict || target.topic !== index.emergencyTopic || index.calm.has(target.id)) return false;
  const nonStop = hit.sims.map((_, position) => position).filter((position) => index.phrases.kind(phrase, position) !== STOP);
  const sure = nonStop.length > 1 || nonStop.every((position) => hit.sims[position]! >= (score.languageWeight === 1 ? TUNING.dangerSim : 1));
  return sure && score.matched.length > 0;
}

/**
 * The typed word that negates a danger phrase, or -1. Before the phrase any negation of
 * the phrase's or the text's language counts; after its first word only those that follow
 * what they negate (Turkish "değil", Persian "نیست").
 */
export function negationOf(danger: PhraseMatch, words: readonly string[], textLanguage: number, index: RoutingIndex): number {
  const { negations, negationsAfter } = index.functionWords;
  // A negation that follows what it negates ("نییە", "değil") does not negate what follows it:
  // "he has no consciousness, blood comes from his head" still bleeds.
  const negates = (lang: number, word: string, after: boolean) =>
    after ? (negationsAfter[lang]?.has(word) ?? false) : (negations[lang]?.has(word) ?? false) && !(negationsAfter[lang]?.has(word) ?? false);
  const phraseLanguage = index.phrases.language(danger.phrase);
  const first = Math.min(...danger.matched);
  const last = Math.max(...danger.matched);
  const own = new Set(danger.matched);
  // The phrase's own negation typed twice ("I do not want to live ... I have no hope": "نه" twice)
  // is still its own, whichever of the two it was read at.
  const ownWords = new Set(danger.matched.map((word) => words[word]));
  for (let word = Math.max(0, first - NEGATION_BEFORE); word <= Math.min(words.length - 1, last + NEGATION_AFTER); word++) {
    const after = word > first;
    if ((negates(phraseLanguage, words[word]!, after) || negates(textLanguage, words[word]!, after)) && !own.has(word) && !ownWords.has(words[word])) return word;
  }
  return -1;
}

/** Whether the danger phrase's words are all part of a longer complete phrase of another topic. */
export function insideLongerPhrase(danger: PhraseMatch, complete: readonly PhraseMatch[], index: RoutingIndex): boolean {
  for (const other of complete) {
    const topic = index.targets[index.phrases.target(other.phrase)]!.topic;
    if (topic === index.emergencyTopic || other.matched.length <= danger.matched.length) continue;
    // Against a phrase of a topic, function words count on both sides: "my husband hits me"
    // (violence at home) holds "hits me", not "hits me now". An idiom of small talk cancels on
    // its content words ("following me on instagram" holds "someone is following me").
    const idiom = topic < 0;
    const mine = idiom ? danger.matched : (danger.matchedAll ?? danger.matched);
    const theirs = idiom ? other.matched : (other.matchedAll ?? other.matched);
    if (mine.every((word) => theirs.includes(word))) return true;
  }
  return false;
}

/**
 * The danger phrases that count, and those a negation cancels (which then give no evidence
 * at all). `complete` are the complete phrases of two words or more.
 */
export function liveDangers(
  dangers: readonly PhraseMatch[],
  complete: readonly PhraseMatch[],
  words: readonly string[],
  textLanguage: number,
  index: RoutingIndex,
): { live: PhraseMatch[]; negated: PhraseMatch[] } {
  const live: PhraseMatch[] = [];
  const negated: PhraseMatch[] = [];
  for (const danger of dangers) {
    if (negationOf(danger, words, textLanguage, index) >= 0) negated.push(danger);
    else if (!insideLongerPhrase(danger, complete, index)) live.push(danger);
  }
  return { live, negated };
}
