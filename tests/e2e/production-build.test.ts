/**
 * `npm run build` and the bundle `npm start` runs: the bundle reads the parsed content and the
 * word index the build wrote beside it, and answers a typed question with them; a bundle whose
 * prebuilt files were made by another build refuses them, says so, and still answers.
 */
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BotApiEmulator } from '../emulator/bot-api-emulator.ts';
import { BUNDLE, labels, startBotProcess } from '../support/harness.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'bundle-'));
// Inside the repository, so that the copied bundle finds node_modules.
const otherBuild = mkdtempSync(join(process.cwd(), '.test-dist-'));
afterAll(() => {
  for (const dir of [dataDir, otherBuild]) rmSync(dir, { recursive: true, force: true });
});

async function askTyped(bundle: string) {
  // A bundle without usable prebuilt files parses the content and builds the index itself before
  // this first answer: seconds on a machine busy with the other tests.
  const emulator = new BotApiEmulator({ timeoutMs: 30_000 });
  await emulator.start();
  const bot = startBotProcess({ BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, PORT: '0', DATA_DIR: dataDir }, { bundle });
  try {
    await bot.waitFor(/"mode":"polling"/);
    const user = emulator.user({ id: 4242, first_name: 'Bundle', language_code: 'en' });
    await user.send('where can i sleep tonight, i am alone');
    // The screen the words lead to comes first, whether opened or offered.
    return { first: labels(user.screen())[0], output: bot.output() };
  } finally {
    await bot.stop();
    await emulator.stop();
  }
}

describe('the production bundle', () => {
  // The build ran once before all tests (tests/support/global-setup.ts), as `npm start` runs it.
  it('answers a typed question from what npm run build prepared', { timeout: 60_000 }, async () => {
    expect(readdirSync('dist').sort()).toEqual(['content-cache.bin', 'main.mjs', 'main.mjs.map', 'page.html', 'word-index.bin']);
    const { first, output } = await askTyped(BUNDLE);
    expect(first).toContain('Alone and healthy');
    expect(output).not.toMatch(/prebuilt word index was made from other/);
  });

  it('refuses prebuilt files of another build and builds the index itself', { timeout: 60_000 }, async () => {
    cpSync('dist', otherBuild, { recursive: true });
    // Other code: the files beside it were made for the bundle as it was.
    appendFileSync(join(otherBuild, 'main.mjs'), '\n// another build\n');
    const { first, output } = await askTyped(join(otherBuild, 'main.mjs'));
    expect(first).toContain('Alone and healthy');
    expect(output).toMatch(/prebuilt word index was made from other content or code/);
  });
});
