/**
 * Is this text valid for Telegram's HTML parse mode? Content editors and translators write <b>,
 * <i> and friends by hand; a missing "</b>" would make Telegram refuse the whole message at night,
 * so content:check and i18n:import catch it first. One parser decides, the port of Telegram's own
 * (telegram-html-parse.ts, which the tests' Bot API emulator runs too), in strict mode: what
 * Telegram would show mangled ("&nbsp;" on screen, a link it drops) is refused as well. The
 * answer is a problem in plain words, or null.
 */
import { tryParseTelegramHtml } from './telegram-html-parse.ts';

const TAGS_WE_USE = 'b, i, u, s, a, code, pre, blockquote';

export function validateTelegramHtml(text: string): string | null {
  // Links are https:// (or http://) pages here: a tg:// or tel: link in content is a slip.
  for (const m of text.matchAll(/<a\b([^>]*)>/gi)) {
    if (!/^\s+href\s*=\s*"https?:\/\/[^"]+"\s*$/i.test(m[1]!)) return 'links must look like <a href="https://...">';
  }
  const parsed = tryParseTelegramHtml(text, { strict: true });
  return parsed.ok ? null : plainWords(parsed.reason);
}

/** Telegram's reason, in the words an editor needs (the byte offsets stay: they point to the place). */
function plainWords(reason: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^Can't find end tag corresponding to start tag "([^"]+)"/.exec(reason))) return `<${m[1]}> is never closed`;
  if ((m = /^Unsupported start tag "" at byte offset (\d+)/.exec(reason))) return `"<" at byte ${m[1]} is not a tag: write < as &lt;`;
  if ((m = /^Unsupported start tag "([^"]+)"/.exec(reason))) return `<${m[1]}> is not a tag Telegram knows (use ${TAGS_WE_USE})`;
  if ((m = /^Unmatched end tag at byte offset \d+, expected "<\/(\w+)>", found "<\/([^"]*)>"/.exec(reason))) return `</${m[2]}> closes a tag that is not open (</${m[1]}> is expected there)`;
  if (/^Unexpected end tag/.test(reason)) return `${reason}: a closing tag with no tag open`;
  if ((m = /^Unsupported HTML entity "([^"]+)"/.exec(reason))) return `unknown entity ${m[1]}: Telegram would show it as typed (write & as &amp;)`;
  return reason;
}
