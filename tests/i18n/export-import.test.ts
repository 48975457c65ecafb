import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { parseCsv, toCsvLine } from '../../src/i18n/csv.ts';
import { applyTranslations, translationRows } from '../../src/i18n/translation-table.ts';
import { i18nExport } from '../../src/cli/i18n-export.ts';
import { i18nImport } from '../../src/cli/i18n-import.ts';
import { runCommand } from '../support/run-command.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function fixtureCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'i18n-'));
  dirs.push(dir);
  cpSync('tests/fixtures/content', dir, { recursive: true });
  return dir;
}

describe('CSV', () => {
  it('round-trips commas, quotes, line breaks and non-Latin scripts', () => {
    const cells = ['a,b', 'say "hi"', 'two\nlines', 'ሕክምና', ' padded ', ''];
    expect(parseCsv(toCsvLine(cells) + '\r\n')).toEqual([cells]);
    expect(parseCsv('\ufeffkey,translation\r\nx,y\r\n')).toEqual([
      ['key', 'translation'],
      ['x', 'y'],
    ]);
  });
});

describe('i18n:export and i18n:import', () => {
  it('exports every English text with its status, and imports a filled-in sheet back', async () => {
    const dir = fixtureCopy();
    const out = join(dir, 'ar.csv');
    expect((await runCommand(i18nExport, ['--lang', 'ar', '--out', out], { cwd: dir })).status).toBe(0);
    const [header, ...rows] = parseCsv(readFileSync(out, 'utf8'));
    expect(header).toEqual(['key', 'english', 'translation', 'status', 'english_before']);
    const text = rows.find((r) => r[0] === 'shelter:shelter.tonight.safe')!;
    expect(text).toEqual(['shelter:shelter.tonight.safe', 'They do not ask for papers.', '', 'missing', '']);
    expect(rows.find((r) => r[0] === 'shelter:shelter.button')![3]).toBe('outdated'); // translated before any record

    text[2] = 'لا يسألون عن الأوراق.';
    const gent = rows.find((r) => r[0] === 'shelter:shelter.gent.text')!;
    gent[2] = 'في غنت، اتصل بالرقم {{emergencyNumber}} عند الخطر.';
    writeFileSync(out, [header!, ...rows].map(toCsvLine).join('\r\n'));
    const result = await runCommand(i18nImport, [out], { cwd: dir });
    // The five old Arabic texts come back untouched: they stay outdated, they are not confirmed.
    expect(result.stdout).toContain('ar: 2 imported, 0 confirmed unchanged, 5 left as they were, 0 rejected.');
    expect(result.status).toBe(0);
    const saved = JSON.parse(readFileSync(join(dir, 'locales/ar/shelter.json'), 'utf8'));
    expect(saved['shelter.tonight.safe']).toBe('لا يسألون عن الأوراق.');
    const after = translationRows(loadContent(dir), 'ar');
    expect(after.find((r) => r.id === 'shelter:shelter.tonight.safe')!.status).toBe('translated');
    expect(after.find((r) => r.id === 'shelter:shelter.button')!.status).toBe('outdated');
  });

  it('confirms an outdated text only when the translator sets its status to translated', () => {
    const dir = fixtureCopy();
    const row = { row: 2, id: 'shelter:shelter.button', english: '', translation: '🏠 مكان للنوم' };
    expect(applyTranslations(loadContent(dir), 'ar', [row]).unchanged).toBe(1);
    expect(applyTranslations(loadContent(dir), 'ar', [{ ...row, status: 'translated' }]).confirmed).toBe(1);
    expect(translationRows(loadContent(dir), 'ar').find((r) => r.id === row.id)!.status).toBe('translated');
  });

  it('rejects broken placeholders, lost formatting and over-long texts with the line and reason, and keeps good rows', () => {
    const dir = fixtureCopy();
    const result = applyTranslations(loadContent(dir), 'ar', [
      { row: 2, id: 'shelter:shelter.gent.text', english: '', translation: 'اتصل بـ {{number}}' },
      { row: 3, id: 'emergency:emergency.text', english: '', translation: 'اتصل الآن بـ {{emergencyNumber}} <b>الآن' },
      { row: 4, id: 'shelter:shelter.tonight.button', english: '', translation: '🌙 ' + 'ا'.repeat(60) },
      { row: 5, id: 'shelter:no.such.key', english: '', translation: 'x' },
      { row: 6, id: 'shelter:shelter.more.text', english: 'Old English text.', translation: 'المزيد' },
      { row: 7, id: 'shelter:shelter.more.button', english: '', translation: '➕ المزيد' },
    ]);
    expect(result.rejected).toEqual([
      { row: 2, id: 'shelter:shelter.gent.text', reason: 'placeholders must be {{emergencyNumber}}, found {{number}}' },
      { row: 3, id: 'emergency:emergency.text', reason: 'broken formatting: <b> is never closed' },
      // A label is counted in characters, as content:check counts it (the emoji is one).
      { row: 4, id: 'shelter:shelter.tonight.button', reason: 'too long: 62 characters, at most 40 here' },
      { row: 5, id: 'shelter:no.such.key', reason: 'no such key in English (renamed or removed?): export again' },
      { row: 6, id: 'shelter:shelter.more.text', reason: 'the English text changed since this file was exported: export again and check this row' },
    ]);
    expect(result.imported).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'locales/ar/shelter.json'), 'utf8'))['shelter.more.button']).toBe('➕ المزيد');
  });

  it('takes the menu text as running text, not as a 40-character button', () => {
    const dir = fixtureCopy();
    const english = translationRows(loadContent(dir), 'ar').find((r) => r.id === 'common:home.text')!.english;
    const long = 'ا'.repeat(Math.max(60, english.length));
    const result = applyTranslations(loadContent(dir), 'ar', [
      { row: 2, id: 'common:home.text', english: '', translation: long },
      { row: 3, id: 'common:home.help', english: '', translation: 'ب'.repeat(41) },
    ]);
    expect(result.rejected).toEqual([{ row: 3, id: 'common:home.help', reason: 'too long: 41 characters, at most 40 here' }]);
    expect(JSON.parse(readFileSync(join(dir, 'locales/ar/common.json'), 'utf8'))['home.text']).toBe(long);
  });

  it('rejects a translation that drops the bold of the English', () => {
    const dir = fixtureCopy();
    const en = JSON.parse(readFileSync(join(dir, 'locales/en/emergency.json'), 'utf8'));
    en['emergency.text'] = 'Call <b>{{emergencyNumber}}</b> now.';
    writeFileSync(join(dir, 'locales/en/emergency.json'), JSON.stringify(en));
    const result = applyTranslations(loadContent(dir), 'ar', [{ row: 2, id: 'emergency:emergency.text', english: '', translation: 'اتصل بـ {{emergencyNumber}} الآن.' }]);
    expect(result.rejected[0]!.reason).toContain('formatting tags must match the English');
  });

  it('flags a translation outdated when its English changes, until it is updated', () => {
    const dir = fixtureCopy();
    applyTranslations(loadContent(dir), 'ar', [{ row: 2, id: 'shelter:shelter.more.text', english: '', translation: 'المزيد عن الأسرة.' }]);
    const status = () => translationRows(loadContent(dir), 'ar').find((r) => r.id === 'shelter:shelter.more.text')!.status;
    expect(status()).toBe('translated');
    const en = JSON.parse(readFileSync(join(dir, 'locales/en/shelter.json'), 'utf8'));
    en['shelter.more.text'] = 'More about beds and blankets.';
    writeFileSync(join(dir, 'locales/en/shelter.json'), JSON.stringify(en));
    expect(status()).toBe('outdated');
    // The sheet shows the translator what changed.
    const outdated = translationRows(loadContent(dir), 'ar').find((r) => r.id === 'shelter:shelter.more.text')!;
    expect(outdated.englishBefore).toBe('More about beds.');
    applyTranslations(loadContent(dir), 'ar', [{ row: 2, id: 'shelter:shelter.more.text', english: en['shelter.more.text'], translation: 'المزيد عن الأسرّة والبطانيات.' }]);
    expect(status()).toBe('translated');
  });

  it('rejects a row that would make its screen too long for a phone', () => {
    const dir = fixtureCopy();
    // Long English texts, so each translation alone is within its own limit.
    const en = JSON.parse(readFileSync(join(dir, 'locales/en/shelter.json'), 'utf8'));
    en['shelter.tonight.text'] = 'x'.repeat(300);
    en['shelter.tonight.safe'] = 'y'.repeat(300);
    writeFileSync(join(dir, 'locales/en/shelter.json'), JSON.stringify(en));
    const result = applyTranslations(loadContent(dir), 'ar', [
      { row: 2, id: 'shelter:shelter.tonight.text', english: '', translation: 'ا'.repeat(400) },
      { row: 3, id: 'shelter:shelter.tonight.safe', english: '', translation: 'ب'.repeat(400) },
    ]);
    // The 9-character Arabic label + 400 + 400 + the two line breaks between them (the desk
    // sentence is for a clerk and does not count).
    expect(result.rejected.map((r) => r.reason)).toEqual([
      'the screen "shelter.tonight" would be 811 characters (button + text + safe + risk), at most 700: shorten one of its texts',
      'the screen "shelter.tonight" would be 811 characters (button + text + safe + risk), at most 700: shorten one of its texts',
    ]);
    expect(result.imported).toBe(0);
  });

  it('reads the texts through the content loader, and says what is wrong with content it cannot load', async () => {
    const dir = fixtureCopy();
    writeFileSync(join(dir, 'flows/shelter.yaml'), 'id: [unclosed');
    const result = await runCommand(i18nExport, ['--lang', 'ar', '--out', join(dir, 'ar.csv')], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/flows\/shelter\.yaml: line \d+: not valid YAML/);
    expect(result.stderr).toContain('Fix the files above first');
  });

  it('finds the language anywhere in the file name, or asks for --lang', async () => {
    const dir = fixtureCopy();
    const file = join(dir, 'update-ar-2026.csv');
    writeFileSync(file, 'key,translation\r\nshelter:shelter.more.button,➕ المزيد\r\n');
    const ok = await runCommand(i18nImport, [file], { cwd: dir });
    expect(ok.stdout).toContain('ar: 1 imported');
    const unnamed = join(dir, 'sheet.csv');
    writeFileSync(unnamed, 'key,translation\r\n');
    const asks = await runCommand(i18nImport, [unnamed], { cwd: dir });
    expect(asks.status).toBe(2);
    expect(asks.stderr).toContain('--lang');
  });
});
