/**
 * The layers the README describes, kept by a test: the engine (src/engine/) and the conversation
 * layer (src/conversation/) are pure - no grammY, no file system, no network, no environment -
 * so any channel can use them; the engine knows no channel and no conversation rule above it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const IMPORT = /\bimport\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function sources(dir: string): Array<{ file: string; text: string; imports: string[] }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => {
      const file = join(dir, f);
      const text = readFileSync(file, 'utf8');
      return { file, text, imports: [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2]!) };
    });
}

/** Packages and Node modules with I/O, and grammY: what a pure layer must not reach. */
const IMPURE = /^(grammy|@grammyjs\/|(node:)?(fs|fs\/promises|child_process|http|https|net|dgram|worker_threads|os|process)$)/;

describe('layers', () => {
  for (const layer of ['src/engine', 'src/conversation']) {
    it(`${layer} imports no grammY, file system or network, and reads no environment`, () => {
      const found: string[] = [];
      for (const { file, text, imports } of sources(layer)) {
        for (const spec of imports) if (IMPURE.test(spec) || spec.includes('/channels/')) found.push(`${file}: import '${spec}'`);
        if (/\bprocess\.|\bBuffer\b/.test(text)) found.push(`${file}: uses process or Buffer (Node-only)`);
      }
      expect(found).toEqual([]);
    });
  }

  it('the engine does not reach up into the conversation layer or into free-text search', () => {
    const found = sources('src/engine').flatMap(({ file, imports }) => imports.filter((s) => /\/(conversation|search|channels)\//.test(s)).map((s) => `${file}: '${s}'`));
    expect(found).toEqual([]);
  });

  it('finds what it looks for (the check itself can fail)', () => {
    const probe = "import { Bot } from 'grammy';\nimport type { X } from '../channels/telegram/bot.ts';\nconst a = await import('node:fs');";
    const specs = [...probe.matchAll(IMPORT)].map((m) => m[1] ?? m[2]!);
    expect(specs).toEqual(['grammy', '../channels/telegram/bot.ts', 'node:fs']);
    expect(specs.filter((s) => IMPURE.test(s))).toEqual(['grammy', 'node:fs']);
  });
});
