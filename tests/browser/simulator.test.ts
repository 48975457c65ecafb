/**
 * The simulator as an outreach worker uses it: a phone-sized page in a real browser
 * (Debian's chromium through playwright-core). Pick a language, tap to an answer, save a
 * screenshot. Skipped with a clear message where chromium is not installed; .ci/run
 * installs it, so CI always runs it.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebServer } from '../../src/channels/web/server.ts';
import { createLogger } from '../../src/privacy/logger.ts';
import { realContent } from '../support/harness.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const SHOTS = join(process.cwd(), 'var', 'screenshots');

let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (!hasChromium) return;
  server = createWebServer({ content: realContent(), log: createLogger('silent'), botUsername: 'test_bot' });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
});

describe.skipIf(!hasChromium)('the simulator in a phone browser', () => {
  it('is small: the page is under 100 KB and loads nothing from elsewhere', async () => {
    const res = await fetch(base);
    const html = await res.text();
    expect(Buffer.byteLength(html)).toBeLessThan(100 * 1024);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!t\.me)/);
  });

  it('picks a language, taps to an answer and saves a screenshot', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    await page.goto(base);
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByText('How can I help you?').waitFor();
    await page.getByRole('button', { name: '🏠 Shelter' }).click();
    await page.getByRole('button', { name: '🌙 Tonight' }).click();
    await page.getByRole('button', { name: '🧍 Alone and healthy' }).click();
    await page.getByRole('button', { name: 'Utrecht' }).click();
    await page.getByText('Show this at the desk').waitFor();
    // What the page shows, line breaks included (textContent would join the lines).
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is checked
    const text = await page.locator('.msg.bot').last().innerText();
    expect(text).toMatch(/Checked \w+ 20\d\d/);
    await page.screenshot({ path: join(SHOTS, 'simulator-en-answer.png'), fullPage: false });
    await page.close();
  });

  it('lays out Arabic right to left, first button at the right', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(base);
    await page.getByRole('button', { name: 'العربية', exact: true }).click();
    const bubble = page.locator('.msg.bot').last();
    await expect.poll(() => bubble.getAttribute('dir')).toBe('rtl');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ar');
    const buttons = bubble.locator('.row').first().locator('button');
    const first = await buttons.nth(0).boundingBox();
    const second = await buttons.nth(1).boundingBox();
    // The page's dir="rtl" lays the row out from the right: the first topic is rightmost.
    expect(first!.x).toBeGreaterThan(second!.x);
    await page.screenshot({ path: join(SHOTS, 'simulator-ar-menu.png') });
    await page.close();
  });

  // A line of Pashto or Sorani that starts with a Latin name (ASKV, COA) would align and read
  // left to right; so would a card line holding only a name. Every line but the Dutch desk
  // sentence must read right to left, and the footer date must be a Gregorian one.
  for (const lang of ['ps', 'ckb']) {
    it(`shows a ${lang} answer right to left, line by line, with a Gregorian date`, async () => {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await page.goto(base);
      const names: Record<string, string> = { ps: 'پښتو', ckb: 'کوردیی ناوەندی' };
      await page.getByRole('button', { name: names[lang], exact: true }).click();
      await expect.poll(() => page.locator('.msg.bot').last().getAttribute('dir')).toBe('rtl');
      // Open an answer with cards, a desk sentence and sources the way a shared link does.
      await page.evaluate(async (payload) => {
        await (window as unknown as { say: (line: string, echo: boolean) => Promise<void> }).say(`/start ${payload}`, false);
      }, `1_${lang}_ams_shelter_tonight_alone`);
      const answer = page.locator('.msg.bot').last();
      await answer.locator('blockquote').first().waitFor();
      const lines = await answer.evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        for (const n of copy.querySelectorAll('.kb, blockquote')) n.remove();
        return (copy.textContent ?? '').split('\n').filter((l) => l.trim());
      });
      expect(lines.length).toBeGreaterThan(5);
      for (const line of lines) expect(line.startsWith('\u200f'), line).toBe(true);
      const text = lines.join('\n');
      expect(text).toMatch(/20\d\d/);
      expect(text).not.toMatch(/14\d\d|[۰-۹٠-٩]{4}/);
      await answer.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `simulator-${lang}-answer.png`), fullPage: true });
      await page.close();
    });
  }

  it('answers typed text and shows a QR code for Share', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(base);
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('button', { name: '🆘 Emergency' }).click();
    await page.getByRole('button', { name: '🔗 Share' }).click();
    await page.locator('.qr svg').waitFor();
    expect(await page.locator('.msg.bot a').last().getAttribute('href')).toBe('https://t.me/test_bot?start=1_en_x_emergency');
    await page.fill('#text', 'hello');
    await page.press('#text', 'Enter');
    await expect.poll(() => page.locator('.msg.me').count()).toBe(1);
    await page.close();
  });
});

if (!hasChromium) {
  describe('the simulator in a phone browser', () => {
    it.skip(`needs chromium at ${CHROMIUM} (apt-get install chromium)`, () => {});
  });
}
