/**
 * npm run flyer -- --topic shelter --lang ar --city amsterdam [--out folder] [--demo]
 * Writes flyer-<topic>-<lang>[-<city>]-a4.html and -a6.html: print-ready pages with the QR
 * code, the bot's name and three lines in that language and in Dutch.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../content/load.ts';
import { botLink, encodePayload } from '../engine/deep-link.ts';
import { flyerHtml, type FlyerSize } from '../share/flyer.ts';
import { botUsername } from './bot-username.ts';
import { parseLinkArgs } from './link-args.ts';

try {
  const content = loadContent(process.cwd());
  const args = parseLinkArgs(content, process.argv.slice(2));
  const username = await botUsername();
  const link = botLink(username, encodePayload(content, args));
  const dir = args.out ?? '.';
  mkdirSync(dir, { recursive: true });
  const name = ['flyer', args.screen.replaceAll('.', '-'), args.lang, args.city].filter(Boolean).join('-');
  for (const size of ['a4', 'a6'] as FlyerSize[]) {
    const file = join(dir, `${name}-${size}.html`);
    writeFileSync(file, flyerHtml({ content, lang: args.lang, screen: args.screen, link, username, size }));
    console.log(file);
  }
  console.log(`Open a file in a browser and print it (or "Save as PDF"). Link: ${link}`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
