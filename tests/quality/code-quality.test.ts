/**
 * The code type-checks and follows the project's format and lint rules (biome.json), as part of
 * `npm test`, so CI - which runs the README's test command - catches a type error or style drift
 * like any other failure. vitest does not type-check by itself.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = (name: string) => join(process.cwd(), 'node_modules', '.bin', name);

describe('the code', () => {
  it('type-checks (npm run typecheck)', { timeout: 120_000 }, () => {
    // Incremental: a second run re-checks only what changed (the record is kept in node_modules/.cache).
    const result = spawnSync(bin('tsc'), ['--noEmit', '--incremental', '--tsBuildInfoFile', 'node_modules/.cache/tsc/tsbuildinfo'], { encoding: 'utf8' });
    expect(result.stdout + result.stderr, 'tsc found type errors').toBe('');
    expect(result.status).toBe(0);
  });

  it('is formatted and passes the linter (npm run lint; npm run format fixes the formatting)', { timeout: 60_000 }, () => {
    const result = spawnSync(bin('biome'), ['ci', '--colors=off', '.'], { encoding: 'utf8' });
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });
});
