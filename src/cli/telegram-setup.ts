/**
 * npm run telegram:setup - with BOT_TOKEN (and optionally TELEGRAM_API_ROOT) set, gives the
 * bot its localised command list, description and short description in every language.
 */
import { Api } from 'grammy';
import { autoRetry } from '@grammyjs/auto-retry';
import { parseConfig, type Config } from '../config.ts';
import { loadContent } from '../content/load.ts';
import { setUpProfile } from '../channels/telegram/profile.ts';
import { runAsCommand, type Command } from './command.ts';

export const telegramSetup: Command = async ({ env, cwd, out, err }) => {
  let config: Config;
  try {
    config = parseConfig(env);
  } catch (error) {
    err((error as Error).message);
    return 2;
  }
  if (!config.BOT_TOKEN) {
    err('Set BOT_TOKEN first: BOT_TOKEN=123456:ABC... npm run telegram:setup');
    return 2;
  }
  const api = new Api(config.BOT_TOKEN, config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {});
  api.config.use(autoRetry());
  const count = await setUpProfile(api, loadContent(cwd));
  out(`Commands and descriptions set for ${count} languages (and the default).`);
  return 0;
};

runAsCommand(import.meta.url, telegramSetup);
