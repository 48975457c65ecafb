/**
 * Inline mode: typing "@bot doctor" in any chat offers answer cards from the knowledge base,
 * each with a button that opens the bot at that screen. Results depend only on the query
 * text (is_personal: false), so Telegram may share them between people and nothing about
 * the asker is used or kept.
 */
import type { InlineQueryResultArticle } from 'grammy/types';
import type { Content } from '../../content/load.ts';
import { render } from '../../engine/engine.ts';
import { botLink, encodePayload } from '../../engine/deep-link.ts';
import type { Router } from '../../engine/types.ts';
import { toPlainText } from '../../engine/html.ts';

const MAX_RESULTS = 8;

export function inlineResults(deps: { content: Content; router?: Router }, query: string, username: string): InlineQueryResultArticle[] {
  const { content, router } = deps;
  const text = query.trim().slice(0, 256);
  const route = text && router ? router.route(text) : undefined;
  const lang = route && content.language.has(route.lang) ? route.lang : 'en';
  let targets: string[] = [];
  if (route?.topic) {
    // The same understanding as a typed message: the screen the decision trees lead to first.
    const chosen = route.choice?.screen ? [route.choice.screen, ...route.choice.alternatives] : [];
    targets = [...chosen, route.urgent ? 'emergency' : (route.target ?? route.topic), ...route.alternatives.map((a) => a.target)]
      .map((id) => (content.screens.has(id) ? id : id.split('.')[0]!))
      .filter((id, i, all) => content.screens.has(id) && all.indexOf(id) === i);
  }
  // Nothing typed or nothing matched: the main topics.
  if (!targets.length) targets = content.flows.map((f) => f.start);
  return targets.slice(0, MAX_RESULTS).map((screen) => article(content, deps, lang, screen, username));
}

function article(content: Content, deps: { content: Content; router?: Router }, lang: string, screen: string, username: string): InlineQueryResultArticle {
  const flow = content.screens.get(screen)!.flow;
  const shown = render(deps, { lang, screen });
  const title = toPlainText(content.t(lang, flow, `${screen}.button`));
  const description = toPlainText(content.t(lang, flow, `${screen}.text`))
    .replace(/\s+/g, ' ')
    .slice(0, 120);
  return {
    type: 'article',
    id: `${lang}:${screen}`.slice(0, 64),
    title,
    description,
    input_message_content: { message_text: shown.text, parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
    reply_markup: { inline_keyboard: [[{ text: `➡️ ${toPlainText(content.t(lang, 'common', 'inline.open'))}`, url: botLink(username, encodePayload(content, { lang, screen })) }]] },
  };
}
