/**
 * The privacy proof: a person with a distinctive id, name, username, phone number,
 * location and typed sentence talks to the bot as a volunteer would run it (npm start's
 * entry point, LOG_LEVEL=debug). Afterwards none of it is in any file under DATA_DIR, nor
 * in any line the process printed. The statistics hold only aggregate columns.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { BotApiEmulator } from '../emulator/bot-api-emulator.ts';
import { startBotProcess } from '../support/harness.ts';
import { STATS_COLUMNS, statsFile } from '../../src/stats/sqlite-stats.ts';

const person = {
  id: 7390012345,
  first_name: 'Zephyrine',
  last_name: 'Quillfeather',
  username: 'zq_private_test',
  language_code: 'en',
};
const phone = '+31687654321';
const location = { lat: 52.0907, lon: 5.1214 };
const typed = 'my secret sentence about Ouagadougou and a place to sleep';
const secrets = [String(person.id), person.first_name, person.last_name, person.username, phone, '31687654321', '52.0907', '5.1214', 'Ouagadougou', 'secret sentence'];

const dataDir = mkdtempSync(join(tmpdir(), 'privacy-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('no identities kept', () => {
  it("writes none of a person's data to DATA_DIR or the logs, at LOG_LEVEL=debug", async () => {
    const emulator = new BotApiEmulator();
    await emulator.start();
    const bot = startBotProcess({ BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATA_DIR: dataDir, LOG_LEVEL: 'debug', PORT: '0' });
    try {
      await bot.waitFor(/bot running/);
      const user = emulator.user(person);
      await user.send('/start');
      await user.tap('English');
      await user.tap('🏠 Shelter');
      await user.tap('🌙 Tonight');
      await user.tap('🧍 Alone and healthy');
      await user.tap('Utrecht');
      await user.send(typed);
      await user.sendContact(phone, person.first_name);
      expect(user.screen().text).toContain('I do not need your phone number');
      await user.sendLocation(location.lat, location.lon);
      await user.send('/privacy');
      expect(user.screen().text).toContain('Telegram itself knows your phone number');
      expect(emulator.rejections).toEqual([]);
    } finally {
      expect(await bot.stop()).toBe(0);
      await emulator.stop();
    }

    const output = bot.output();
    // The logs are real: update lines at debug level were written...
    expect(output).toMatch(/"msg":"update"/);
    expect(output).toMatch(/"kind":"message:contact"/);
    // ...and the statistics too (so "nothing found" below is not "nothing written").
    const files = filesUnder(dataDir);
    expect(files.some((f) => f.endsWith('stats.sqlite'))).toBe(true);

    for (const secret of secrets) {
      expect(output, `log contains ${secret}`).not.toContain(secret);
      for (const file of files) {
        const bytes = readFileSync(file);
        expect(bytes.includes(Buffer.from(secret, 'utf8')), `${file} contains ${secret}`).toBe(false);
        expect(bytes.includes(Buffer.from(secret, 'utf16le')), `${file} contains ${secret} (UTF-16)`).toBe(false);
      }
    }
  });

  it('keeps only day x language x screen x topic counters in the statistics', () => {
    const db = new Database(statsFile(dataDir), { readonly: true });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").all() as Array<{ name: string }>).map((t) => t.name);
    expect(tables).toEqual(['counts']);
    expect((db.prepare('PRAGMA table_info(counts)').all() as Array<{ name: string }>).map((c) => c.name)).toEqual([...STATS_COLUMNS]);
    const rows = db.prepare('SELECT * FROM counts').all() as Array<Record<string, unknown>>;
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      expect(String(row.day)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number(row.n)).toBeGreaterThan(0);
    }
    expect(rows.map((r) => r.screen)).toContain('shelter.tonight.alone');
    db.close();
  });
});
