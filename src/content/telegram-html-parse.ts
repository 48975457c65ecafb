/**
 * Telegram's HTML parse mode, ported byte for byte from TDLib's `parse_html`
 * (td/telegram/MessageEntity.cpp), which is what the Bot API server runs for parse_mode=HTML.
 * Working on UTF-8 bytes (not JS chars) keeps the "at byte offset N" in error messages and the
 * edge cases (what counts as a tag, an attribute, an entity) identical to the real server.
 *
 * What real Telegram does, and therefore what this parser does by default:
 *   - tags: b strong i em u ins s strike del tg-spoiler span(class="tg-spoiler") a(href)
 *     tg-emoji(emoji-id) tg-time(unix, format) code(class="language-x") pre blockquote(expandable)
 *     and nothing else ("Unsupported start tag "div" at byte offset 12");
 *   - a bare `<` is read as a tag: "1 < 2" → Unsupported start tag "" …;
 *   - `&lt; &gt; &amp; &quot;` and numeric `&#123; &#x1F600;` are decoded (the `;` is optional);
 *     any other `&…` is kept literally, so "Q&A" and "&nbsp;" both pass and show as typed;
 *   - an `<a href>` whose URL Telegram does not accept (tel:, javascript:, http://localhost …)
 *     is silently dropped: the text stays, the link disappears.
 *
 * The last two are accepted by Telegram but are almost always bugs the person would see
 * ("&nbsp;" on screen, a link that is not clickable). `strict: true` turns them into errors with
 * the usual "can't parse entities" prefix and a note that real Telegram would not reject them;
 * without `strict` they are reported in `warnings`.
 *
 * Offsets and lengths of entities are in UTF-16 code units, as in the Bot API.
 */
import type { MessageEntity, User } from 'grammy/types';
import { checkTelegramLink, getLinkUserId } from './telegram-url.ts';

export interface HtmlWarning {
  kind: 'unsupported-entity' | 'dropped-link';
  byteOffset: number;
  message: string;
}

export interface ParsedHtml {
  /** Plain text after tags and entities are removed (not yet trimmed; see message-text.ts). */
  text: string;
  entities: MessageEntity[];
  warnings: HtmlWarning[];
}

export interface HtmlParseOptions {
  /** Reject what Telegram would accept but mangle (unknown `&name;`, links it would drop). */
  strict?: boolean;
  /** Used to fill text_mention entities for `<a href="tg://user?id=…">`. */
  resolveUser?: (id: number) => User | undefined;
}

/** Thrown by parseTelegramHtml; `description` is the full Bot API error description. */
export class TelegramHtmlError extends Error {
  readonly description: string;
  constructor(readonly reason: string) {
    super(`Bad Request: can't parse entities: ${reason}`);
    this.name = 'TelegramHtmlError';
    this.description = this.message;
  }
}

const SUPPORTED_TAGS = new Set(['a', 'b', 'strong', 'i', 'em', 's', 'strike', 'del', 'u', 'ins', 'tg-spoiler', 'tg-emoji', 'tg-time', 'span', 'pre', 'code', 'blockquote']);

// TDLib's entity ordering: by offset, longer first, then by type priority.
const PRIORITY: Record<string, number> = {
  blockquote: 0,
  expandable_blockquote: 0,
  pre: 11,
  code: 20,
  text_link: 49,
  text_mention: 49,
  bold: 90,
  italic: 91,
  underline: 92,
  strikethrough: 93,
  spoiler: 94,
  custom_emoji: 99,
  date_time: 99,
};

export function sortEntities(entities: MessageEntity[]): void {
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length || (PRIORITY[a.type] ?? 50) - (PRIORITY[b.type] ?? 50));
}

// The C++ code reads past the end into the terminating NUL, so `at()` returns 0 there.
const SPACE = new Set([0x20, 0x09, 0x0d, 0x0a, 0x00, 0x0b]);
const isSpace = (c: number) => SPACE.has(c);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isAlpha = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAlnum = (c: number) => isAlpha(c) || isDigit(c);
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const hexValue = (c: number) => (isDigit(c) ? c - 0x30 : (c | 0x20) - 0x61 + 10);
const LT = 0x3c,
  GT = 0x3e,
  AMP = 0x26,
  SLASH = 0x2f,
  EQ = 0x3d,
  SEMI = 0x3b,
  HASH = 0x23;

function encodeCodePoint(code: number, out: number[]): void {
  // Like TDLib's append_utf8_character: lone surrogates are encoded too (and rejected later).
  if (code < 0x80) out.push(code);
  else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
  else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  else out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
}

/** TDLib's `to_integer_safe<int64>`: exact decimal round trip within int64. */
function toInt64Safe(s: string): bigint | undefined {
  if (!/^-?\d+$/.test(s)) return undefined;
  const v = BigInt(s);
  if (v > 9223372036854775807n || v < -9223372036854775808n) return undefined;
  return v.toString() === s ? v : undefined;
}

const DATE_FORMAT = /^(?:r|w?[dD]?[tT]?)$/;

export function parseTelegramHtml(html: string, opts: HtmlParseOptions = {}): ParsedHtml {
  const text = Buffer.from(html, 'utf8');
  const n = text.length;
  const at = (i: number): number => (i < n ? text[i]! : 0);
  const slice = (from: number, to: number) => text.subarray(from, to).toString('utf8');
  const lower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const warnings: HtmlWarning[] = [];

  if (text.includes(0)) throw new TelegramHtmlError('Text must not contain null bytes');

  /** Returns the decoded code point and the position after the entity, or undefined (literal `&`). */
  const decodeEntity = (pos: number): { code: number; end: number } | undefined => {
    let end = pos + 1;
    let res = 0;
    if (at(pos + 1) === HASH) {
      end++;
      if (at(pos + 2) === 0x78 /* x */) {
        end++;
        while (isHex(at(end))) res = res * 16 + hexValue(at(end++));
      } else {
        while (isDigit(at(end))) res = res * 10 + at(end++) - 0x30;
      }
      if (res === 0 || res >= 0x10ffff || end - pos >= 10) return undefined;
    } else {
      while (isAlpha(at(end))) end++;
      const name = slice(pos + 1, end);
      const known: Record<string, number> = { lt: LT, gt: GT, amp: AMP, quot: 0x22 };
      if (known[name] === undefined) {
        if (name.length > 0 && at(end) === SEMI) {
          const message = `Unsupported HTML entity "&${name};" at byte offset ${pos}: Telegram shows it literally (only &lt; &gt; &amp; &quot; and numeric entities are decoded)`;
          if (opts.strict) throw new TelegramHtmlError(message);
          warnings.push({ kind: 'unsupported-entity', byteOffset: pos, message });
        }
        return undefined;
      }
      res = known[name]!;
    }
    return { code: res, end: at(end) === SEMI ? end + 1 : end };
  };

  const out: number[] = [];
  const entities: MessageEntity[] = [];
  let utf16 = 0;
  let sawSurrogate = false;

  interface Open {
    tag: string;
    argument: string;
    date: number;
    offset: number;
    outPos: number;
    bytePos: number;
  }
  const stack: Open[] = [];

  for (let i = 0; i < n; i++) {
    const c = at(i);
    if (c === AMP) {
      const decoded = decodeEntity(i);
      if (decoded) {
        const { code, end } = decoded;
        utf16 += code > 0xffff ? 2 : 1;
        if (code >= 0xd800 && code <= 0xdfff) sawSurrogate = true;
        encodeCodePoint(code, out);
        i = end - 1;
        continue;
      }
    }
    if (c !== LT) {
      if ((c & 0xc0) !== 0x80) utf16 += c >= 0xf0 ? 2 : 1; // first byte of a UTF-8 sequence
      out.push(c);
      continue;
    }

    const beginPos = i++;
    if (at(i) !== SLASH) {
      // start tag
      while (!isSpace(at(i)) && at(i) !== GT) i++;
      if (at(i) === 0) throw new TelegramHtmlError(`Unclosed start tag at byte offset ${beginPos}`);
      const tag = lower(slice(beginPos + 1, i));
      if (!SUPPORTED_TAGS.has(tag)) {
        throw new TelegramHtmlError(`Unsupported start tag "${tag}" at byte offset ${beginPos}`);
      }

      let argument = '';
      let date = 0;
      while (at(i) !== GT) {
        while (at(i) !== 0 && isSpace(at(i))) i++;
        if (at(i) === GT) break;
        const attrBegin = i;
        while (!isSpace(at(i)) && at(i) !== EQ && at(i) !== GT && at(i) !== SLASH && at(i) !== 0x22 && at(i) !== 0x27) i++;
        const attrName = slice(attrBegin, i);
        if (attrName.length === 0) {
          throw new TelegramHtmlError(`Empty attribute name in the tag "${tag}" at byte offset ${beginPos}`);
        }
        while (at(i) !== 0 && isSpace(at(i))) i++;
        if (at(i) !== EQ) {
          // attribute without a value, e.g. <blockquote expandable>
          if (at(i) === 0) throw new TelegramHtmlError(`Unclosed start tag "${tag}" at byte offset ${beginPos}`);
          if (tag === 'blockquote' && attrName === 'expandable') argument = '1';
          continue;
        }
        i++;
        while (at(i) !== 0 && isSpace(at(i))) i++;
        if (at(i) === 0) throw new TelegramHtmlError(`Unclosed start tag "${tag}" at byte offset ${beginPos}`);

        let value: string;
        if (at(i) !== 0x27 && at(i) !== 0x22) {
          // a name token: letters, digits, periods or hyphens; case-insensitive
          const tokenBegin = i;
          while (isAlnum(at(i)) || at(i) === 0x2e || at(i) === 0x2d) i++;
          value = lower(slice(tokenBegin, i));
          if (!isSpace(at(i)) && at(i) !== GT) {
            throw new TelegramHtmlError(`Unexpected end of name token at byte offset ${tokenBegin}`);
          }
        } else {
          // a quoted string; entities are decoded inside it too
          const quote = at(i++);
          const bytes: number[] = [];
          while (at(i) !== quote && at(i) !== 0) {
            if (at(i) === AMP) {
              const decoded = decodeEntity(i);
              if (decoded) {
                encodeCodePoint(decoded.code, bytes);
                i = decoded.end;
                continue;
              }
            }
            bytes.push(at(i++));
          }
          if (at(i) === quote) i++;
          value = Buffer.from(bytes).toString('utf8');
        }
        if (at(i) === 0) throw new TelegramHtmlError(`Unclosed start tag at byte offset ${beginPos}`);

        if (tag === 'a' && attrName === 'href') argument = value;
        else if (tag === 'code' && attrName === 'class' && value.startsWith('language-')) argument = value.slice(9);
        else if (tag === 'span' && attrName === 'class' && value.startsWith('tg-')) argument = value.slice(3);
        else if (tag === 'tg-emoji' && attrName === 'emoji-id') argument = value;
        else if (tag === 'blockquote' && attrName === 'expandable') argument = '1';
        else if (tag === 'tg-time' && attrName === 'unix') date = Number.parseInt(value, 10) || 0;
        else if (tag === 'tg-time' && attrName === 'format') argument = value;
      }

      if (tag === 'span' && argument !== 'spoiler') {
        throw new TelegramHtmlError(`Tag "span" must have class "tg-spoiler" at byte offset ${beginPos}`);
      }
      stack.push({ tag, argument, date, offset: utf16, outPos: out.length, bytePos: beginPos });
    } else {
      // end tag
      if (stack.length === 0) throw new TelegramHtmlError(`Unexpected end tag at byte offset ${beginPos}`);
      while (!isSpace(at(i)) && at(i) !== GT) i++;
      const endTag = lower(slice(beginPos + 2, i));
      while (isSpace(at(i)) && at(i) !== 0) i++;
      if (at(i) !== GT) throw new TelegramHtmlError(`Unclosed end tag at byte offset ${beginPos}`);

      const open = stack[stack.length - 1]!;
      if (endTag.length > 0 && endTag !== open.tag) {
        throw new TelegramHtmlError(`Unmatched end tag at byte offset ${beginPos}, expected "</${open.tag}>", found "</${endTag}>"`);
      }

      if (utf16 > open.offset) {
        const offset = open.offset;
        const length = utf16 - offset;
        const tag = open.tag;
        const last = entities[entities.length - 1];
        if (tag === 'i' || tag === 'em') entities.push({ type: 'italic', offset, length });
        else if (tag === 'b' || tag === 'strong') entities.push({ type: 'bold', offset, length });
        else if (tag === 's' || tag === 'strike' || tag === 'del') entities.push({ type: 'strikethrough', offset, length });
        else if (tag === 'u' || tag === 'ins') entities.push({ type: 'underline', offset, length });
        else if (tag === 'tg-spoiler' || tag === 'span') entities.push({ type: 'spoiler', offset, length });
        else if (tag === 'tg-emoji') {
          const id = toInt64Safe(open.argument);
          if (id === undefined || id === 0n) throw new TelegramHtmlError('Invalid custom emoji identifier specified');
          entities.push({ type: 'custom_emoji', offset, length, custom_emoji_id: id.toString() });
        } else if (tag === 'tg-time') {
          if (!DATE_FORMAT.test(open.argument)) {
            throw new TelegramHtmlError(`Invalid date format "${open.argument}" specified`); // wording approximated
          }
          if (open.date > 0) {
            const e = { type: 'date_time', offset, length, unix_time: open.date } as MessageEntity;
            if (open.argument) (e as { date_time_format?: string }).date_time_format = open.argument;
            entities.push(e);
          }
        } else if (tag === 'a') {
          let url = open.argument;
          if (url.length === 0) url = Buffer.from(out.slice(open.outPos)).toString('utf8');
          const userId = getLinkUserId(url);
          if (userId !== undefined) {
            const user = opts.resolveUser?.(userId) ?? { id: userId, is_bot: false, first_name: '' };
            entities.push({ type: 'text_mention', offset, length, user });
          } else {
            const checked = checkTelegramLink(url);
            if (checked.ok) entities.push({ type: 'text_link', offset, length, url: checked.url });
            else {
              const message = `Link "${url}" at byte offset ${open.bytePos} would be silently dropped by Telegram: URL '${url}' is invalid: ${checked.reason}`;
              if (opts.strict) throw new TelegramHtmlError(message);
              warnings.push({ kind: 'dropped-link', byteOffset: open.bytePos, message });
            }
          }
        } else if (tag === 'pre') {
          // <pre><code class="language-x">…</code></pre> → one pre entity with a language
          if (last && last.type === 'code' && last.offset === offset && last.length === length && (last as { language?: string }).language) {
            const language = (last as { language?: string }).language!;
            entities[entities.length - 1] = { type: 'pre', offset, length, language };
          } else {
            entities.push({ type: 'pre', offset, length });
          }
        } else if (tag === 'code') {
          if (last && last.type === 'pre' && last.offset === offset && last.length === length && open.argument) {
            entities[entities.length - 1] = { type: 'pre', offset, length, language: open.argument };
          } else {
            // the language is kept for a moment so that an enclosing </pre> can pick it up
            entities.push({ type: 'code', offset, length, ...(open.argument ? { language: open.argument } : {}) } as MessageEntity);
          }
        } else if (tag === 'blockquote') {
          entities.push({ type: open.argument ? 'expandable_blockquote' : 'blockquote', offset, length });
        }
      }
      stack.pop();
    }
  }
  if (stack.length > 0) {
    throw new TelegramHtmlError(`Can't find end tag corresponding to start tag "${stack[stack.length - 1]!.tag}"`);
  }
  for (const e of entities) if (e.type === 'code') delete (e as { language?: string }).language;
  sortEntities(entities);
  if (sawSurrogate) {
    throw new TelegramHtmlError('Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units');
  }
  return { text: Buffer.from(out).toString('utf8'), entities, warnings };
}

export type HtmlParseResult = ({ ok: true } & ParsedHtml) | { ok: false; description: string; reason: string };

/** Non-throwing variant: `description` is exactly what the Bot API would answer. */
export function tryParseTelegramHtml(html: string, opts: HtmlParseOptions = {}): HtmlParseResult {
  try {
    return { ok: true, ...parseTelegramHtml(html, opts) };
  } catch (e) {
    if (e instanceof TelegramHtmlError) return { ok: false, description: e.description, reason: e.reason };
    throw e;
  }
}
