/** The t.me link to the bot, opening a screen when given a deep-link payload (engine/deep-link.ts). */
export function botLink(username: string, payload?: string): string {
  return `https://t.me/${username}${payload ? `?start=${payload}` : ''}`;
}
