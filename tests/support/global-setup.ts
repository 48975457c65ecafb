/**
 * Once before all test files: `npm run build`'s own script, so that every test that starts the
 * bot as a process runs what `npm start` runs (the bundle in dist/, with the parsed content and
 * the word index beside it) instead of compiling the TypeScript again in each child.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export function setup(): void {
  execFileSync(join(process.cwd(), 'node_modules', '.bin', 'tsx'), ['src/cli/build.ts'], { stdio: 'inherit' });
}
