/**
 * Reading one content file: read, hash (into the content version), parse JSON or YAML, validate
 * with its schema, and record problems instead of throwing. A file parsed before by this same
 * code (parsed-cache.ts) whose text still has the hash is not parsed again.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { zodProblems, type Problem } from './problems.ts';

/** One content file as parsed and validated before: a hash of its text, and the data. */
export interface ParsedFile {
  readonly hash: string;
  readonly data: unknown;
}

/** What every folder's loader gets: a reader for its files, and where to put what is wrong. */
export interface LoadContext {
  readonly rootDir: string;
  readonly problems: Problem[];
  /** The file's data, validated; undefined (and a problem recorded) when it cannot be used. */
  readFile<S extends z.ZodType>(path: string, schema: S): z.infer<S> | undefined;
  /** The names of a folder's files with this ending, sorted; none when the folder is missing. */
  listDir(dir: string, ext: string): string[];
}

export function createLoadContext(rootDir: string, hash: Hash, known?: ReadonlyMap<string, ParsedFile>, record?: Map<string, ParsedFile>): LoadContext {
  const problems: Problem[] = [];
  const rel = (path: string) => relative(rootDir, path) || path;

  /** Read, parse and validate one file; record problems instead of throwing. */
  function readFile<S extends z.ZodType>(path: string, schema: S): z.infer<S> | undefined {
    const file = rel(path);
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch {
      problems.push({ file, where: '', message: 'the file is missing or cannot be read', severity: 'error' });
      return undefined;
    }
    hash.update(file).update('\0').update(raw).update('\0');
    const textHash = known || record ? createHash('sha256').update(raw).digest('base64url') : '';
    const before = known?.get(file);
    if (before && before.hash === textHash) {
      record?.set(file, before);
      return before.data as z.infer<S>;
    }
    let data: unknown;
    if (path.endsWith('.json')) {
      try {
        data = JSON.parse(raw);
      } catch (e) {
        problems.push({ file, where: '', message: `not valid JSON: ${(e as Error).message}`, severity: 'error' });
        return undefined;
      }
    } else {
      const doc = parseDocument(raw, { prettyErrors: true });
      if (doc.errors.length) {
        for (const err of doc.errors) {
          const line = err.linePos?.[0];
          problems.push({ file, where: line ? `line ${line.line}` : '', message: `not valid YAML: ${err.message.split('\n')[0]}`, severity: 'error' });
        }
        return undefined;
      }
      data = doc.toJS();
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      problems.push(...zodProblems(file, parsed.error));
      return undefined;
    }
    // A copy: what is loaded below may add to the data, the cache keeps the file's own.
    record?.set(file, { hash: textHash, data: structuredClone(parsed.data) });
    return parsed.data;
  }

  const listDir = (dir: string, ext: string) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(ext))
          .sort()
      : [];

  return { rootDir, problems, readFile, listDir };
}
