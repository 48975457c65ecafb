/**
 * Inline mode: typing "@bot doctor" in any chat offers answer cards from the knowledge base,
 * each with a button that opens the bot at that screen. Results depend only on the query
 * text (is_personal: false), so Telegram may share them between people and nothing about
 * the asker is used or kept.
 */
import type { InlineQueryResultArticle } from 'grammy/types';
import type { Content } from '../../content/model.ts';
import { render } from '../../engine/engine.ts';
import { answersForQuery } from '../../engine/query-answers.ts';
import { encodePayload } from '../../engine/deep-link.ts';
import { botLink } from './links.ts';
import type { Router } from '../../engine/types.ts';
import { toPlainText } from '../../engine/html.ts';

const MAX_RESULTS = 8;

export function inlineResults(deps: { content: Content; router?: Router }, query: string, username: string): InlineQueryResultArticle[] {
  const { lang, screens } = answersForQuery(deps, query, MAX_RESULTS);
  return screens.map((screen) => article(deps.content, deps, lang, screen, username));
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
