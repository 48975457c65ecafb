/**
 * npm run telegram:setup - with BOT_TOKEN (and optionally TELEGRAM_API_ROOT) set, gives the
 * bot its localised command list, description and short description in every language.
 */
import { Api } from 'grammy';
import { autoRetry } from '@grammyjs/auto-retry';
import { parseConfig } from '../config.ts';
import { loadContent } from '../content/load.ts';
import { setUpProfile } from '../channels/telegram/profile.ts';

const config = parseConfig(process.env);
if (!config.BOT_TOKEN) {
  console.error('Set BOT_TOKEN first: BOT_TOKEN=123456:ABC... npm run telegram:setup');
  process.exit(2);
}
const api = new Api(config.BOT_TOKEN, config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {});
api.config.use(autoRetry());
const count = await setUpProfile(api, loadContent(process.cwd()));
console.log(`Commands and descriptions set for ${count} languages (and the default).`);
