import { describe, expect, it } from 'vitest';
import { decide, EvidenceGrid } from '../../src/search/decide.ts';
import type { Target } from '../../src/search/routing-index.ts';
import { TUNING } from '../../src/search/tuning.ts';

const TOPICS = ['shelter', 'health', 'emergency'];
const TARGETS: Target[] = [
  { id: 'shelter', topic: 0 },
  { id: 'shelter.tonight', topic: 0 },
  { id: 'health', topic: 1 },
  { id: 'emergency', topic: 2 },
  { id: 'none', topic: -1 },
];
const [SHELTER, TONIGHT, HEALTH, EMERGENCY, NONE] = [0, 1, 2, 3, 4];

/** A grid of two typed words with this evidence: [target, word, value]. */
function grid(...evidence: Array<[number, number, number]>): EvidenceGrid {
  const g = new EvidenceGrid(TARGETS.length, 2);
  for (const [target, word, value] of evidence) g.add(target, word, value);
  return g;
}
const route = (g: EvidenceGrid, urgent = false) => decide(g.totals(TARGETS, TOPICS.length), { targets: TARGETS, topics: TOPICS, emergencyTopic: 2 }, urgent, 'en');

describe('EvidenceGrid', () => {
  it('keeps the best evidence of each word for each target, and can take it back', () => {
    const g = grid([HEALTH, 0, 0.5], [HEALTH, 0, 0.3], [HEALTH, 1, 0.2]);
    expect(g.get(HEALTH, 0)).toBe(0.5);
    g.clear(HEALTH, 0);
    expect(g.get(HEALTH, 0)).toBe(0);
    expect(g.get(HEALTH, 1)).toBe(0.2);
  });

  it('sums a target over words, and a topic over words of the best of its targets', () => {
    const totals = grid([SHELTER, 0, 0.5], [TONIGHT, 0, 0.7], [TONIGHT, 1, 0.4], [NONE, 1, 0.3]).totals(TARGETS, TOPICS.length);
    expect([...totals.byTarget]).toEqual([0.5, 1.1, 0, 0, 0.3]);
    expect(totals.byTopic[0]).toBeCloseTo(0.7 + 0.4);
    expect(totals.smallTalk).toBe(0.3);
  });
});

describe('decide', () => {
  it('opens a screen with a fair share of its topic, else the topic', () => {
    expect(route(grid([SHELTER, 0, 0.5], [TONIGHT, 0, 1], [TONIGHT, 1, 1])).target).toBe('shelter.tonight');
    expect(route(grid([SHELTER, 0, 1], [SHELTER, 1, 1], [TONIGHT, 1, 0.5])).target).toBe('shelter');
  });

  it('routes too little evidence, or more small talk than a topic that is not clear, to nothing', () => {
    expect(route(grid([HEALTH, 0, TUNING.minScore / 2]))).toEqual(expect.objectContaining({ topic: null, target: null }));
    expect(route(grid([HEALTH, 0, 0.6], [NONE, 0, 0.5], [NONE, 1, 0.5])).topic).toBeNull();
    // "hello doctor" style: small talk loses to a clear topic.
    expect(route(grid([HEALTH, 0, 1], [HEALTH, 1, 1], [NONE, 0, 1], [NONE, 1, 1.5])).topic).toBe('health');
  });

  it('routes to emergency when a live danger phrase is there, with a score of at least 0.9', () => {
    const r = route(grid([HEALTH, 0, 1], [HEALTH, 1, 1], [EMERGENCY, 1, 0.2]), true);
    expect(r).toEqual(expect.objectContaining({ topic: 'emergency', target: 'emergency', urgent: true }));
    expect(r.score).toBeGreaterThanOrEqual(0.9);
    expect(r.alternatives.map((a) => a.target)).toEqual(['health']);
  });

  it('scores alternatives on the scale of the answer, never above it', () => {
    const r = route(grid([HEALTH, 0, 1], [HEALTH, 1, 1], [SHELTER, 0, 0.5]));
    expect(r.target).toBe('health');
    expect(r.alternatives).toEqual([{ target: 'shelter', topic: 'shelter', score: expect.any(Number) }]);
    expect(r.alternatives[0]!.score).toBeLessThan(r.score);
    expect(r.evidence).toEqual([
      { target: 'health', score: 2 },
      { target: 'shelter', score: 0.5 },
    ]);
  });
});
