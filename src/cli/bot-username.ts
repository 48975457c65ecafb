/** The bot's @username for links: BOT_USERNAME, or asked from Telegram with BOT_TOKEN (getMe). */
import { Api } from 'grammy';
import { parseConfig } from '../config.ts';

export async function botUsername(env: Readonly<Record<string, string | undefined>>): Promise<string> {
  const config = parseConfig(env);
  if (config.BOT_USERNAME) return config.BOT_USERNAME;
  if (config.BOT_TOKEN) {
    const api = new Api(config.BOT_TOKEN, config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {});
    return (await api.getMe()).username;
  }
  throw new Error('Set BOT_USERNAME=your_bot (or BOT_TOKEN, to ask Telegram) so the link points to your bot.');
}
