/**
 * The translator's view of one language: every English text with its current translation
 * and status, and the checks an imported row must pass before it is written. The texts are
 * the loaded content's (the content loader is their one reader); this module writes them back.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Content } from '../content/model.ts';
import { maxLength, MAX_SCREEN_TEXT, placeholders, SCREEN_PARTS, screenPart, screenTextLength, textLength } from '../content/text-rules.ts';
import { validateTelegramHtml } from '../content/telegram-html.ts';
import { previousEnglish, readSources, statusOf, writeSources, type TranslationStatus } from './sources.ts';

export type Row = {
  id: string;
  ns: string;
  key: string;
  english: string;
  /** For an outdated translation: the English it was made from, so the change is visible. */
  englishBefore?: string;
  translation: string;
  status: TranslationStatus;
};

type Texts = Map<string, Record<string, string>>;

/** A language's texts as loaded, by namespace: a copy, to be changed and written back. */
function textsOf(content: Content, lang: string): Texts {
  const loaded = content.resources.get(lang);
  return new Map(content.namespaces.map((ns) => [ns, { ...(loaded?.get(ns) ?? {}) }]));
}

export function translationRows(content: Content, lang: string): Row[] {
  const english = textsOf(content, 'en');
  const mine = textsOf(content, lang);
  const sources = readSources(content.rootDir, lang);
  const rows: Row[] = [];
  for (const [ns, keys] of english) {
    for (const [key, text] of Object.entries(keys)) {
      const id = `${ns}:${key}`;
      const translation = mine.get(ns)?.[key] ?? '';
      const status = statusOf(text, translation, sources[id]);
      const englishBefore = status === 'outdated' ? previousEnglish(text, sources[id]) : undefined;
      rows.push({ id, ns, key, english: text, ...(englishBefore ? { englishBefore } : {}), translation, status });
    }
  }
  return rows;
}

const tagsOf = (text: string) =>
  [...text.matchAll(/<\/?([a-z-]+)/gi)]
    .map((m) => m[0]!.toLowerCase())
    .sort()
    .join(' ');
const entitiesOf = (text: string) => [...text.matchAll(/&(lt|gt|amp|quot);/g)].length;

/** Why a translated row cannot be imported, or null. */
export function rejectReason(row: Pick<Row, 'key' | 'english'>, translation: string): string | null {
  const want = placeholders(row.english);
  const got = placeholders(translation);
  if (want.join() !== got.join()) return `placeholders must be ${want.map((p) => `{{${p}}}`).join(', ') || 'none'}, found ${got.map((p) => `{{${p}}}`).join(', ') || 'none'}`;
  const html = validateTelegramHtml(translation);
  if (html) return `broken formatting: ${html}`;
  if (tagsOf(row.english) !== tagsOf(translation)) return `formatting tags must match the English (${tagsOf(row.english) || 'none'}), found ${tagsOf(translation) || 'none'}`;
  if (entitiesOf(translation) < entitiesOf(row.english)) return 'an HTML entity such as &amp; or &lt; was lost';
  const limit = maxLength(row.key, row.english);
  const length = textLength(row.key, translation);
  if (length > limit) return `too long: ${length} characters, at most ${limit} here`;
  return null;
}

export type ImportResult = { imported: number; confirmed: number; unchanged: number; rejected: Array<{ row: number; id: string; reason: string }> };

/**
 * Applies rows (numbered as a spreadsheet shows them: the header is row 1) to
 * locales/<lang>/. Valid rows are written even when others are rejected, so a translator
 * loses no work; rejected rows are listed with the reason.
 */
export function applyTranslations(content: Content, lang: string, rows: Array<{ row: number; id: string; english: string; translation: string; status?: string }>): ImportResult {
  const { rootDir } = content;
  const current = new Map(translationRows(content, lang).map((r) => [r.id, r]));
  const texts = textsOf(content, lang);
  const sources = readSources(rootDir, lang);
  const result: ImportResult = { imported: 0, confirmed: 0, unchanged: 0, rejected: [] };
  const accepted: Array<{ row: number; known: Row; translation: string; edited: boolean }> = [];
  for (const row of rows) {
    const translation = row.translation.trim();
    if (!translation) continue;
    const known = current.get(row.id);
    if (!known) {
      result.rejected.push({ row: row.row, id: row.id, reason: 'no such key in English (renamed or removed?): export again' });
      continue;
    }
    if (row.english && row.english !== known.english) {
      result.rejected.push({ row: row.row, id: row.id, reason: 'the English text changed since this file was exported: export again and check this row' });
      continue;
    }
    const reason = rejectReason(known, translation);
    if (reason) {
      result.rejected.push({ row: row.row, id: row.id, reason });
      continue;
    }
    const edited = known.translation !== translation;
    // An untouched outdated text stays outdated, unless the translator checked it and set
    // its status to "translated" in the sheet.
    if (!edited && (known.status === 'translated' || row.status?.trim() !== 'translated')) {
      result.unchanged++;
      continue;
    }
    accepted.push({ row: row.row, known, translation, edited });
  }

  // A screen's text + safe + desk must still fit a phone screen with the new texts (the same
  // rule content:check applies).
  const incoming = new Map(accepted.map((a) => [a.known.id, a.translation]));
  const merged = (ns: string, key: string) => incoming.get(`${ns}:${key}`) ?? texts.get(ns)?.[key] ?? current.get(`${ns}:${key}`)?.english ?? '';
  const tooLong = new Map<string, number>();
  for (const a of accepted) {
    const part = screenPart(a.known.key);
    if (!part || !(SCREEN_PARTS as readonly string[]).includes(part.part)) continue;
    const screen = `${a.known.ns}:${part.screen}`;
    if (tooLong.has(screen)) continue;
    const total = screenTextLength(SCREEN_PARTS.map((p) => (current.has(`${screen}.${p}`) ? merged(a.known.ns, `${part.screen}.${p}`) : undefined)));
    if (total > MAX_SCREEN_TEXT) tooLong.set(screen, total);
  }

  const changedNamespaces = new Set<string>();
  for (const a of accepted) {
    const screen = screenPart(a.known.key)?.screen;
    const total = screen ? tooLong.get(`${a.known.ns}:${screen}`) : undefined;
    if (total) {
      result.rejected.push({
        row: a.row,
        id: a.known.id,
        reason: `the screen "${screen}" would be ${total} characters (${SCREEN_PARTS.join(' + ')}), at most ${MAX_SCREEN_TEXT}: shorten one of its texts`,
      });
      continue;
    }
    texts.get(a.known.ns)![a.known.key] = a.translation;
    sources[a.known.id] = a.known.english;
    changedNamespaces.add(a.known.ns);
    if (a.edited) result.imported++;
    else result.confirmed++;
  }
  const dir = join(rootDir, 'locales', lang);
  mkdirSync(dir, { recursive: true });
  for (const ns of changedNamespaces) writeFileSync(join(dir, `${ns}.json`), JSON.stringify(texts.get(ns), null, 2) + '\n');
  if (changedNamespaces.size) writeSources(rootDir, lang, sources);
  result.rejected.sort((a, b) => a.row - b.row);
  return result;
}

/**
 * Records that the current translations were made from the current English (after a
 * translator edited the JSON files directly, or for a first baseline). Returns how many.
 */
export function stampTranslations(content: Content, lang: string): number {
  const { rootDir } = content;
  const sources = readSources(rootDir, lang);
  let stamped = 0;
  for (const row of translationRows(content, lang)) {
    if (!row.translation) continue;
    sources[row.id] = row.english;
    stamped++;
  }
  writeSources(rootDir, lang, sources);
  return stamped;
}
