/**
 * Turns the text/caption parameters of a request into the formatted text Telegram would store,
 * applying the limits in the same order as the Bot API: parse_mode (or explicit entities), then
 * the trim TDLib does (leading/trailing whitespace is removed and entities are cut to match),
 * then the length limit counted on the parsed text in UTF-16 code units.
 */
import type { MessageEntity, User } from 'grammy/types';
import { badRequest } from './api-error.ts';
import { parseTelegramHtml, sortEntities, TelegramHtmlError, type HtmlWarning } from '../../src/content/telegram-html-parse.ts';
import { checkTelegramLink, getLinkUserId } from '../../src/content/telegram-url.ts';

export const MESSAGE_TEXT_MAX = 4096;
export const CAPTION_MAX = 1024;

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
  /** The raw string the bot sent (with tags when parse_mode was HTML). */
  source: string;
  parseMode?: string;
  warnings: HtmlWarning[];
}

export interface FormatOptions {
  kind: 'text' | 'caption';
  strict: boolean;
  resolveUser?: (id: number) => User | undefined;
}

const ENTITY_TYPES = new Set([
  'mention',
  'hashtag',
  'cashtag',
  'bot_command',
  'url',
  'email',
  'phone_number',
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'spoiler',
  'blockquote',
  'expandable_blockquote',
  'code',
  'pre',
  'text_link',
  'text_mention',
  'custom_emoji',
  'date_time',
]);

const isWhitespace = (ch: string) => /[ \t\n\r\v\f]/.test(ch);

/** Validates an explicit `entities` / `caption_entities` array as the Bot API does. */
export function parseEntitiesParam(raw: unknown, text: string): MessageEntity[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw badRequest("can't parse entities JSON object");
  const len = text.length;
  const result: MessageEntity[] = [];
  for (const item of raw) {
    if (typeof item !== 'object' || item === null) throw badRequest("can't parse MessageEntity: expected an Object");
    const e = item as Record<string, unknown>;
    if (typeof e.type !== 'string') throw badRequest(`can't parse MessageEntity: Can't find field "type"`);
    if (!ENTITY_TYPES.has(e.type)) throw badRequest("can't parse MessageEntity: Unsupported type specified");
    const offset = Number(e.offset);
    const length = Number(e.length);
    if (!Number.isInteger(offset) || offset < 0) throw badRequest(`receive an entity with incorrect offset ${e.offset}`);
    if (!Number.isInteger(length) || length < 0) throw badRequest(`receive an entity with incorrect length ${e.length}`);
    if (offset > len) throw badRequest(`entity begins after the end of the text at UTF-16 offset ${offset}`);
    if (offset + length > len) {
      throw badRequest(`entity beginning at UTF-16 offset ${offset} ends after the end of the text at UTF-16 offset ${offset + length}`);
    }
    const entity = { ...e, offset, length } as MessageEntity;
    if (e.type === 'text_link') {
      if (typeof e.url !== 'string') throw badRequest(`can't parse MessageEntity: Can't find field "url"`);
      if (getLinkUserId(e.url) === undefined) {
        const checked = checkTelegramLink(e.url);
        if (!checked.ok) throw badRequest(`entity URL '${e.url}' is invalid: ${checked.reason}`);
        (entity as { url: string }).url = checked.url;
      }
    }
    if (e.type === 'text_mention' && (typeof e.user !== 'object' || e.user === null)) {
      throw badRequest(`can't parse MessageEntity: Can't find field "user"`);
    }
    if (e.type === 'custom_emoji') {
      if (e.custom_emoji_id === undefined) throw badRequest(`can't parse MessageEntity: Can't find field "custom_emoji_id"`);
      if (!/^\d{1,19}$/.test(String(e.custom_emoji_id)) || BigInt(String(e.custom_emoji_id)) > 9223372036854775807n) {
        throw badRequest(`can't parse MessageEntity: Field "custom_emoji_id" must be a valid Number`);
      }
    }
    if (length > 0) result.push(entity);
  }
  sortEntities(result);
  return result;
}

/** TDLib trims leading and trailing whitespace and shifts/cuts the entities accordingly. */
export function trimFormatted(text: string, entities: MessageEntity[]): { text: string; entities: MessageEntity[] } {
  let start = 0;
  let end = text.length;
  while (start < end && isWhitespace(text[start]!)) start++;
  while (end > start && isWhitespace(text[end - 1]!)) end--;
  if (start === 0 && end === text.length) return { text, entities };
  const out: MessageEntity[] = [];
  for (const e of entities) {
    const from = Math.max(e.offset, start);
    const to = Math.min(e.offset + e.length, end);
    if (to > from) out.push({ ...e, offset: from - start, length: to - from });
  }
  return { text: text.slice(start, end), entities: out };
}

/**
 * Builds the stored text from `text`/`caption`, `parse_mode` and `entities`/`caption_entities`.
 * Throws ApiError with Telegram's description on any problem.
 */
export function buildFormattedText(source: string, parseModeRaw: string | undefined, entitiesRaw: unknown, opts: FormatOptions): FormattedText {
  const parseMode = (parseModeRaw ?? '').toLowerCase();
  let text = source;
  let entities: MessageEntity[] = [];
  let warnings: HtmlWarning[] = [];
  if (parseMode !== '' && parseMode !== 'none') {
    if (parseMode === 'html') {
      try {
        const parsed = parseTelegramHtml(source, { strict: opts.strict, resolveUser: opts.resolveUser });
        text = parsed.text;
        entities = parsed.entities;
        warnings = parsed.warnings;
      } catch (e) {
        if (e instanceof TelegramHtmlError) throw badRequest(`can't parse entities: ${e.reason}`);
        throw e;
      }
    } else if (parseMode === 'markdown' || parseMode === 'markdownv2') {
      // Not emulated: this project sends HTML. Failing loudly beats pretending it parsed.
      throw badRequest(`emulator: parse_mode ${parseModeRaw} is not emulated, use HTML`);
    } else {
      throw badRequest('unsupported parse_mode');
    }
  } else {
    entities = parseEntitiesParam(entitiesRaw, text);
  }
  const trimmed = trimFormatted(text, entities);
  const limit = opts.kind === 'text' ? MESSAGE_TEXT_MAX : CAPTION_MAX;
  if (opts.kind === 'text' && trimmed.text.length === 0) throw badRequest('text must be non-empty');
  if (trimmed.text.length > limit) {
    throw badRequest(opts.kind === 'text' ? 'message is too long' : 'message caption is too long');
  }
  return { text: trimmed.text, entities: trimmed.entities, source, parseMode: parseModeRaw, warnings };
}

/** Bot commands a Telegram client marks in what a person types ("/start", "/help@my_bot"). */
export function detectBotCommands(text: string): MessageEntity[] {
  const out: MessageEntity[] = [];
  const re = /(^|[^\p{L}\p{N}_/<>])(\/[a-zA-Z0-9_]{1,64}(?:@[a-zA-Z0-9_]{3,32})?)(?![\p{L}\p{N}_/<>])/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ type: 'bot_command', offset: m.index + m[1]!.length, length: m[2]!.length });
  }
  return out;
}
