/** `npm run eval` on the screen-level form: what it reads and what it prints. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRoutesTsv, readScreensTsv, scoreScreenRow, screenReport } from '../../src/cli/eval.ts';
import { realRouter } from './helpers.ts';

function tsv(lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'eval-')), 'set.tsv');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

describe('npm run eval, screen level', () => {
  const path = tsv([
    'screens\ttopic\tlang\ttext',
    'birth.late\tbirth\ten\tour son was born 10 days ago and we did not go to the gemeente yet',
    'shelter.minor|emergency.young\tshelter\ten\tI am 16 and alone, where can I sleep tonight',
    'none\tnone\ten\tthanks a lot',
    'none\tnone\tnl\twaar is de brandweerkazerne',
    'health.dentist\thealth\ten\tthe weather is nice today',
  ]);

  it('reads acceptable screens, "none" as no screen, and tells the form by its header', () => {
    const rows = readScreensTsv(path)!;
    expect(rows).toHaveLength(5);
    expect(rows[1]!.screens).toEqual(['shelter.minor', 'emergency.young']);
    expect(rows[2]!.screens).toEqual([]);
    // The topic-level form is not read as screens.
    expect(readScreensTsv(tsv(['topic\tlang\ttext', 'health\ten\ti am sick']))).toBeNull();
    expect(readRoutesTsv(tsv(['topic\tlang\ttext', 'health\ten\ti am sick']))).toHaveLength(1);
  });

  it('scores top-1, top-3, topic and false alarms on none lines', () => {
    const [late, minor, thanks, fire, wrong] = readScreensTsv(path)!.map((row) => scoreScreenRow(realRouter(), row));
    expect(late).toMatchObject({ top1: true, top3: true, topic: true, falseAlarm: false });
    expect(minor!.top1).toBe(true);
    expect(thanks).toMatchObject({ top1: true, falseAlarm: false, got: [] });
    expect(fire!.falseAlarm).toBe(false);
    expect(wrong).toMatchObject({ top1: false, top3: false });
  });

  it('prints the overall and per-language figures and every miss', () => {
    const out = screenReport(path, readScreensTsv(path)!, realRouter()).join('\n');
    expect(out).toMatch(/^all +top-1 +80\.0% +top-3 +80\.0% +topic +80\.0% +emergency on none lines 0\/2$/m);
    expect(out).toMatch(/^ {2}en +top-1 +75\.0%.*\(4\)$/m);
    expect(out).toMatch(/^ {2}nl +top-1 +100\.0%.*\(1\)$/m);
    expect(out).toContain('misses (1):');
    expect(out).toContain('health.dentist ->');
  });
});
