/**
 * npm run flyer -- --topic shelter --lang ar --city amsterdam [--out folder] [--demo]
 * Writes flyer-<topic>-<lang>[-<city>]-a4.html and -a6.html (into var/out/ unless --out says
 * where): print-ready pages with the QR code, the bot's name and three lines in that language and
 * in Dutch.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadContent } from '../content/load.ts';
import { encodePayload } from '../engine/deep-link.ts';
import { botLink } from '../channels/telegram/links.ts';
import { flyerHtml, type FlyerSize } from '../share/flyer.ts';
import { botUsername } from './bot-username.ts';
import { OUTPUT_DIR, runAsCommand, type Command } from './command.ts';
import { parseLinkArgs } from './link-args.ts';

export const flyer: Command = async ({ argv, env, cwd, out, err }) => {
  try {
    const content = loadContent(cwd);
    const args = parseLinkArgs(content, [...argv]);
    const username = await botUsername(env);
    const link = botLink(username, encodePayload(content, args));
    const dir = resolve(cwd, args.out ?? OUTPUT_DIR);
    mkdirSync(dir, { recursive: true });
    const name = ['flyer', args.screen.replaceAll('.', '-'), args.lang, args.city].filter(Boolean).join('-');
    for (const size of ['a4', 'a6'] as FlyerSize[]) {
      const file = join(dir, `${name}-${size}.html`);
      writeFileSync(file, flyerHtml({ content, lang: args.lang, screen: args.screen, link, username, size }));
      out(file);
    }
    out(`Open a file in a browser and print it (or "Save as PDF"). Link: ${link}`);
    return 0;
  } catch (error) {
    err((error as Error).message);
    return 2;
  }
};

runAsCommand(import.meta.url, flyer);
