/**
 * npm run --silent link -- --topic shelter --lang ar --city amsterdam [--screen shelter.cold] [--demo]
 * Prints the t.me link that opens that screen in that language and city (and nothing else,
 * so scripts can use it).
 */
import { loadContent } from '../content/load.ts';
import { botLink, encodePayload } from '../engine/deep-link.ts';
import { botUsername } from './bot-username.ts';
import { parseLinkArgs } from './link-args.ts';

try {
  const content = loadContent(process.cwd());
  const args = parseLinkArgs(content, process.argv.slice(2));
  console.log(botLink(await botUsername(), encodePayload(content, args)));
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
