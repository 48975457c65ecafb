/** The commands volunteers use to spread the bot: link and flyer. */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePayload } from '../../src/engine/deep-link.ts';
import { flyer } from '../../src/cli/flyer.ts';
import { link } from '../../src/cli/link.ts';
import { realContent } from '../support/harness.ts';
import { runCommand } from '../support/run-command.ts';

const out = mkdtempSync(join(tmpdir(), 'flyers-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const tools = { 'link.ts': link, 'flyer.ts': flyer };
const run = (script: keyof typeof tools, args: string[], env: Record<string, string> = { BOT_USERNAME: 'help_nl_bot' }) => runCommand(tools[script], args, { env });

describe('npm run link', () => {
  it('prints only the link, and the link opens that screen in that language and city', async () => {
    const result = await run('link.ts', ['--topic', 'shelter', '--lang', 'ar', '--city', 'amsterdam']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('https://t.me/help_nl_bot?start=1_ar_ams_shelter\n');
    const payload = result.stdout.trim().split('start=')[1];
    expect(decodePayload(realContent(), payload)).toEqual({ state: { lang: 'ar', city: 'amsterdam', screen: 'shelter' }, demo: false });
  });

  it('makes demo links, and explains a wrong topic, language or city', async () => {
    expect((await run('link.ts', ['--topic', 'health', '--lang', 'ti', '--demo'])).stdout.trim()).toBe('https://t.me/help_nl_bot?start=d1_ti_x_health');
    const wrong = await run('link.ts', ['--topic', 'food', '--lang', 'xx', '--city', 'paris']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('no topic or screen "food"');
    expect(wrong.stderr).toContain('no language "xx"');
    expect(wrong.stderr).toContain('no city "paris"');
  });

  it('says how to name the bot when it knows neither username nor token', async () => {
    const result = await run('link.ts', ['--topic', 'shelter'], {});
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('BOT_USERNAME');
  });
});

describe('npm run flyer', () => {
  it('writes A4 and A6 pages with the QR code and the lines in that language and in Dutch', async () => {
    const result = await run('flyer.ts', ['--topic', 'shelter', '--lang', 'ar', '--city', 'amsterdam', '--out', out]);
    expect(result.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['flyer-shelter-ar-amsterdam-a4.html', 'flyer-shelter-ar-amsterdam-a6.html']);
    const html = readFileSync(join(out, 'flyer-shelter-ar-amsterdam-a4.html'), 'utf8');
    const content = realContent();
    expect(html).toContain('<section class="first" lang="ar" dir="rtl">');
    expect(html).toContain(content.t('ar', 'common', 'flyer.scan'));
    expect(html).toContain('<section class="second" lang="nl" dir="ltr">');
    expect(html).toContain(content.t('nl', 'common', 'flyer.scan'));
    expect(html).toMatch(/<svg [^>]*viewBox="0 0 \d+ \d+"/);
    expect(html).toContain('@help_nl_bot');
    expect(html).toContain('size: A4');
    expect(readFileSync(join(out, 'flyer-shelter-ar-amsterdam-a6.html'), 'utf8')).toContain('size: A6');
    // Self-contained: nothing fetched from anywhere when printed.
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
  });
});
