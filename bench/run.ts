/**
 * npm run bench - every benchmark, each in its own process so one's memory and JIT state
 * does not colour another's. Figures go to the README by hand; nothing here is a test.
 *
 *   npm run bench                 all of them (crowd: 2000 people)
 *   npm run bench -- --quick      smaller crowd and fewer updates, for a first look
 */
import { execFileSync, spawnSync } from 'node:child_process';

const quick = process.argv.includes('--quick');
const tsx = 'node_modules/.bin/tsx';
execFileSync(tsx, ['src/cli/build.ts'], { stdio: 'inherit' });

const runs: Array<[string, string[]]> = [
  ['free-text routing', ['bench/route.bench.ts', '--no-fuse']],
  ['in-process pipeline vs grammY echo bot', ['bench/pipeline.bench.ts', ...(quick ? ['5000'] : [])]],
  ['cold start', ['bench/cold-start.bench.ts']],
  ['crowd over loopback HTTP with faults', ['bench/crowd.bench.ts', quick ? '300' : '2000']],
  ['one chat flooding behind a held reply', ['bench/flood.bench.ts']],
];
for (const [title, args] of runs) {
  console.log(`\n## ${title}\n`);
  const r = spawnSync(tsx, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
}
