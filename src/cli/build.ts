/**
 * npm run build - bundles src/ into dist/main.mjs for `npm start`. Production runs plain
 * Node on the bundle: the TypeScript loader used in development costs ~55 MB of memory,
 * a third of what a small server should spend on the whole bot. Packages stay in
 * node_modules (better-sqlite3 is a native module); the simulator page is copied along, and
 * the content's files parsed and the word index are written beside the bundle, so the bot need
 * not do that work at start.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { loadContent, type ParsedFile } from '../content/load.ts';
import { encodeParsedFiles, PARSED_CONTENT_FILE } from '../content/parsed-cache.ts';
import { ContentError } from '../content/problems.ts';
import { encodeWordIndex, fingerprintOf, WORD_INDEX_FILE } from '../search/prebuilt-index.ts';
import { buildWordIndex } from '../search/routing-index.ts';
import { vocabularyOf } from '../search/vocabulary.ts';

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

// The content files parsed and validated (parsed-cache.ts), and the word index (prebuilt-index.ts),
// each tied to this bundle: the bot reads them back instead of doing the work at start.
const code = readFileSync('dist/main.mjs');
try {
  const parsed = new Map<string, ParsedFile>();
  const vocab = vocabularyOf(loadContent(process.cwd(), { record: parsed }));
  writeFileSync(`dist/${PARSED_CONTENT_FILE}`, encodeParsedFiles(parsed, code));
  writeFileSync(`dist/${WORD_INDEX_FILE}`, encodeWordIndex(buildWordIndex(vocab), fingerprintOf(vocab, code)));
} catch (err) {
  if (!(err instanceof ContentError)) throw err;
  // The bot reports the problems when it starts.
  for (const file of [PARSED_CONTENT_FILE, WORD_INDEX_FILE]) rmSync(`dist/${file}`, { force: true });
}
