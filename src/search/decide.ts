/**
 * From evidence to a decision. A target's score is the sum over typed words; a topic's
 * sums, per word, the best of its targets. The best topic wins (emergency when a live
 * danger phrase is there) unless it has too little evidence, or small talk has more and
 * the topic is not clear; inside the topic, a screen with a fair share of the topic's
 * evidence wins over the topic itself.
 */
import type { TopicId } from '../content/schema.ts';
import type { RouteResult } from '../engine/types.ts';
import type { RoutingIndex, Target } from './routing-index.ts';
import { TUNING } from './tuning.ts';

/** Sums of evidence: per target, per topic, and for small talk ("none"). */
export interface EvidenceTotals {
  readonly byTarget: Float64Array;
  readonly byTopic: Float64Array;
  readonly smallTalk: number;
}

/** The best evidence each typed word gave each target. */
export class EvidenceGrid {
  private readonly best: Float64Array;

  constructor(
    readonly targetCount: number,
    readonly wordCount: number,
  ) {
    this.best = new Float64Array(targetCount * Math.max(wordCount, 1));
  }

  /** Typed word `word` gives `target` this much, if more than it gave before. */
  add(target: number, word: number, value: number): void {
    const slot = target * this.wordCount + word;
    if (value > this.best[slot]!) this.best[slot] = value;
  }

  /** Take back what `word` gave `target` (a negated danger phrase gives nothing). */
  clear(target: number, word: number): void {
    this.best[target * this.wordCount + word] = 0;
  }

  /** What each typed word gave `target` (a view, not a copy: the grid is not changed after). */
  row(target: number): Float64Array {
    return this.best.subarray(target * this.wordCount, (target + 1) * this.wordCount);
  }

  get(target: number, word: number): number {
    return this.best[target * this.wordCount + word]!;
  }

  /** Sum per target, and per topic (the best of its targets for each typed word). */
  totals(targets: readonly Target[], topicCount: number): EvidenceTotals {
    const byTarget = new Float64Array(this.targetCount);
    const byTopic = new Float64Array(topicCount);
    let smallTalk = 0;
    for (let word = 0; word < this.wordCount; word++) {
      const topicBest = new Float64Array(topicCount);
      let smallTalkBest = 0;
      for (let target = 0; target < this.targetCount; target++) {
        const value = this.best[target * this.wordCount + word]!;
        if (value === 0) continue;
        byTarget[target]! += value;
        const topic = targets[target]!.topic;
        if (topic < 0) smallTalkBest = Math.max(smallTalkBest, value);
        else if (value > topicBest[topic]!) topicBest[topic] = value;
      }
      for (let topic = 0; topic < topicCount; topic++) byTopic[topic]! += topicBest[topic]!;
      smallTalk += smallTalkBest;
    }
    return { byTarget, byTopic, smallTalk };
  }
}

/** 0..1 from a sum of evidence. */
const squash = (score: number) => score / (score + 0.6);

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * The route for the evidence: `urgent` when a live danger phrase is there, in `lang`
 * (the text's language).
 */
export function decide(totals: EvidenceTotals, index: Pick<RoutingIndex, 'targets' | 'topics' | 'emergencyTopic'>, urgent: boolean, lang: string): RouteResult {
  const { targets, topics } = index;
  const { byTarget, byTopic, smallTalk } = totals;
  const order = [...byTopic.keys()].sort((a, b) => byTopic[b]! - byTopic[a]!);
  let top = order[0]!;
  if (urgent) top = index.emergencyTopic;
  const topScore = byTopic[top]!;
  const second = Math.max(...order.filter((topic) => topic !== top).map((topic) => byTopic[topic]!), 0);

  const alternativesFor = (exclude: string | null, chosenScore: number) => {
    const ranked = [...byTarget.keys()]
      .filter((target) => targets[target]!.topic >= 0 && byTarget[target]! > 0 && targets[target]!.id !== exclude)
      .sort((a, b) => byTarget[b]! - byTarget[a]!)
      .slice(0, 3);
    // On the same scale as the answer's score, and never above it.
    return ranked.map((target) => ({
      target: targets[target]!.id,
      topic: topics[targets[target]!.topic] as TopicId,
      score: round(chosenScore > 0 && topScore > 0 ? Math.min(chosenScore, (chosenScore * byTarget[target]!) / topScore) : 0.55 * squash(byTarget[target]!)),
    }));
  };

  const evidence = [...byTarget.keys()]
    .filter((target) => targets[target]!.topic >= 0 && byTarget[target]! > 0)
    .sort((a, b) => byTarget[b]! - byTarget[a]!)
    .map((target) => ({ target: targets[target]!.id, score: round(byTarget[target]!) }));
  const isSmallTalk = smallTalk > topScore * TUNING.smallTalkMargin && topScore < TUNING.clearTopic;
  if (!urgent && (topScore < TUNING.minScore || isSmallTalk)) {
    return {
      topic: null,
      target: null,
      lang,
      score: round(smallTalk > 0 ? squash(smallTalk) : 0),
      urgent: false,
      alternatives: alternativesFor(null, 0),
      evidence,
    };
  }

  // The target inside the topic: a screen with a fair share of the evidence, else the topic.
  const topicName = topics[top]!;
  let target = topicName;
  let screenBest = 0;
  for (let candidate = 0; candidate < targets.length; candidate++) {
    const { id, topic } = targets[candidate]!;
    if (topic !== top || id === topicName) continue;
    const score = byTarget[candidate]!;
    if (score > screenBest && score >= TUNING.screenShare * topScore && score >= TUNING.minScore) {
      screenBest = score;
      target = id;
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
    evidence,
  };
}
