/**
 * The content files parsed at `npm run build` and read back give the same content as parsing
 * them at start; a file edited since is parsed again, and a cache made by other code is refused.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent, type ParsedFile } from '../../src/content/load.ts';
import type { Content } from '../../src/content/model.ts';
import { decodeParsedFiles, encodeParsedFiles } from '../../src/content/parsed-cache.ts';
import { ContentError } from '../../src/content/problems.ts';

const FIXTURE = 'tests/fixtures/content';
const code = new TextEncoder().encode('the bundle of one build');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parsed-'));
  dirs.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

/** Everything the bot uses, the translator aside (a function), as plain data. */
function plain(content: Content) {
  const { t, rootDir, ...rest } = content;
  return JSON.parse(JSON.stringify(rest, (_, value) => (value instanceof Map ? [...value] : value)));
}

function cacheOf(dir: string): ReadonlyMap<string, ParsedFile> {
  const record = new Map<string, ParsedFile>();
  loadContent(dir, { record });
  return decodeParsedFiles(encodeParsedFiles(record, code), code)!;
}

describe('parsed content cache', () => {
  it('gives the same content as parsing every file', () => {
    const dir = copy();
    const parsed = cacheOf(dir);
    expect(parsed.size).toBeGreaterThan(5);
    const fromCache = loadContent(dir, { parsed });
    expect(plain(fromCache)).toEqual(plain(loadContent(dir)));
  });

  it('parses a file again when its text changed since the build', () => {
    const dir = copy();
    const parsed = cacheOf(dir);
    const file = join(dir, 'locales', 'en', 'common.json');
    const common = JSON.parse(readFileSync(file, 'utf8'));
    const key = Object.keys(common)[0]!;
    writeFileSync(file, JSON.stringify({ ...common, [key]: 'Changed after the build' }));
    expect(loadContent(dir, { parsed }).resources.get('en')!.get('common')![key]).toBe('Changed after the build');
    // An edit that breaks a file is reported, as without the cache.
    writeFileSync(file, '{ not json');
    expect(() => loadContent(dir, { parsed })).toThrow(ContentError);
  });

  it('is refused when another build made it, or when it is not a cache', () => {
    const record = new Map<string, ParsedFile>();
    loadContent(copy(), { record });
    const bytes = encodeParsedFiles(record, code);
    expect(decodeParsedFiles(bytes, new TextEncoder().encode('another build'))).toBeUndefined();
    expect(decodeParsedFiles(new TextEncoder().encode('garbage'), code)).toBeUndefined();
  });
});
