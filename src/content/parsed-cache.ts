/**
 * The content files as parsed and validated at `npm run build`, so that the bot need not parse
 * the YAML and run the schemas again at every start (about 130 ms of a 450 ms start). Each file
 * is kept with a hash of its text: a file edited since is parsed again (load.ts). The cache is
 * also tied to the code that made it (`code`, the bundle's bytes): other code, other schemas,
 * so a cache made by another build is refused as a whole.
 */
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { ParsedFile } from './load.ts';

/** The file `npm run build` writes beside the bundle (dist/). */
export const PARSED_CONTENT_FILE = 'content-cache.bin';

/** Changes when the layout below changes. */
const FORMAT = 'parsed-content 1';

interface Stored {
  readonly format: string;
  readonly code: string;
  readonly files: ReadonlyMap<string, ParsedFile>;
}

const codeHash = (code: Uint8Array) => createHash('sha256').update(code).digest('hex');

export function encodeParsedFiles(files: ReadonlyMap<string, ParsedFile>, code: Uint8Array): Buffer {
  const stored: Stored = { format: FORMAT, code: codeHash(code), files };
  return serialize(stored);
}

/** The parsed files in `bytes`, or undefined when another build made them. */
export function decodeParsedFiles(bytes: Uint8Array, code: Uint8Array): ReadonlyMap<string, ParsedFile> | undefined {
  let stored: Stored;
  try {
    stored = deserialize(bytes) as Stored;
  } catch {
    return undefined;
  }
  if (stored?.format !== FORMAT || stored.code !== codeHash(code) || !(stored.files instanceof Map)) return undefined;
  return stored.files;
}
