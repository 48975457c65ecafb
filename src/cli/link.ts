/**
 * npm run --silent link -- --topic shelter --lang ar --city amsterdam [--screen shelter.cold] [--demo]
 * Prints the t.me link that opens that screen in that language and city (and nothing else,
 * so scripts can use it).
 */
import { loadContent } from '../content/load.ts';
import { encodePayload } from '../engine/deep-link.ts';
import { botLink } from '../channels/telegram/links.ts';
import { botUsername } from './bot-username.ts';
import { runAsCommand, type Command } from './command.ts';
import { parseLinkArgs } from './link-args.ts';

export const link: Command = async ({ argv, env, cwd, out, err }) => {
  try {
    const content = loadContent(cwd);
    const args = parseLinkArgs(content, [...argv]);
    out(botLink(await botUsername(env), encodePayload(content, args)));
    return 0;
  } catch (error) {
    err((error as Error).message);
    return 2;
  }
};

runAsCommand(import.meta.url, link);
