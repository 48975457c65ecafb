/**
 * npm run build - bundles src/ into dist/main.mjs for `npm start`. Production runs plain
 * Node on the bundle: the TypeScript loader used in development costs ~55 MB of memory,
 * a third of what a small server should spend on the whole bot. Packages stay in
 * node_modules (better-sqlite3 is a native module); the simulator page is copied along.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';

mkdirSync('dist', { recursive: true });
await build({
  entryPoints: ['src/main.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  outfile: 'dist/main.mjs',
  sourcemap: true,
  logLevel: 'warning',
});
copyFileSync('src/channels/web/page.html', 'dist/page.html');
