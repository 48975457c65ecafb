/** Language codes from the registry, for tools that do not need the whole content. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { languagesFileSchema } from '../content/schema.ts';

export function loadLanguageCodes(rootDir: string): string[] {
  return languagesFileSchema.parse(JSON.parse(readFileSync(join(rootDir, 'locales', 'languages.json'), 'utf8'))).map((l) => l.code);
}
