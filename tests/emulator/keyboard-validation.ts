/**
 * reply_markup validation in three stages, like the real pipeline:
 *   1. the Bot API server parses the JSON ("can't parse inline keyboard button: …"),
 *   2. TDLib checks URLs ("inline keyboard button URL '…' is invalid: …"),
 *   3. Telegram's servers check sizes and data (BUTTON_DATA_INVALID, reply markup is too long).
 * Descriptions are the ones observed from api.telegram.org where known; the few guessed ones are
 * marked "approximated".
 *
 * Telegram takes the first action field it recognises when a button has several (a button with
 * both `url` and `callback_data` silently becomes a URL button). In strict mode that is rejected,
 * since the callback would never fire.
 */
import type { InlineKeyboardButton } from 'grammy/types';
import { badRequest } from './api-error.ts';
import { checkTelegramLink } from '../../src/content/telegram-url.ts';

export const CALLBACK_DATA_MAX_BYTES = 64;
export const INLINE_BUTTONS_MAX = 100;
export const INLINE_BUTTONS_PER_ROW_MAX = 8;
export const REPLY_BUTTONS_MAX = 300;
export const REPLY_BUTTONS_PER_ROW_MAX = 12;

/** The order in which the Bot API server looks for an inline button's action. */
const INLINE_ACTIONS = [
  'url',
  'login_url',
  'callback_data',
  'callback_game',
  'pay',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'web_app',
  'copy_text',
] as const;

export type StoredMarkup =
  | { kind: 'inline'; rows: InlineKeyboardButton[][] }
  | { kind: 'reply'; rows: ReplyButton[][]; oneTime: boolean; persistent: boolean; placeholder?: string }
  | { kind: 'remove' }
  | { kind: 'force_reply'; placeholder?: string };

export interface ReplyButton {
  text: string;
  request_contact?: boolean;
  request_location?: boolean;
  [k: string]: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function boolField(obj: Record<string, unknown>, name: string): boolean {
  const v = obj[name];
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') throw badRequest(`field "${name}" must be of type Boolean`);
  return v;
}

/** Action fields that count as present (an empty callback_data or url counts as missing). */
function presentActions(b: Record<string, unknown>): string[] {
  return INLINE_ACTIONS.filter((k) => {
    const v = b[k];
    if (v === undefined || v === null || v === false) return false;
    if ((k === 'callback_data' || k === 'url') && v === '') return false;
    return true;
  });
}

function checkInlineKeyboard(raw: unknown, strict: boolean): InlineKeyboardButton[][] {
  if (!Array.isArray(raw)) throw badRequest('field "inline_keyboard" must be of type Array');
  const rows: InlineKeyboardButton[][] = [];
  // 1. structure, as parsed by the Bot API server
  for (const row of raw) {
    if (!Array.isArray(row)) throw badRequest('field "inline_keyboard" must be an Array of Arrays'); // approximated
    const out: InlineKeyboardButton[] = [];
    for (const button of row) {
      if (!isObject(button)) throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
      if (!('text' in button) || button.text === null) {
        throw badRequest(`can't parse inline keyboard button: Can't find field "text"`);
      }
      if (typeof button.text !== 'string') {
        throw badRequest(`can't parse inline keyboard button: Field "text" must be of type String`);
      }
      const actions = presentActions(button);
      if (actions.length === 0) {
        throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
      }
      if (strict && actions.length > 1) {
        throw badRequest(`can't parse inline keyboard button: button "${button.text}" has ${actions.join(' and ')}; ` + `Telegram would silently keep only ${actions[0]} (emulator strict mode)`);
      }
      for (const k of ['callback_data', 'url', 'switch_inline_query', 'switch_inline_query_current_chat'] as const) {
        if (button[k] !== undefined && button[k] !== null && typeof button[k] !== 'string') {
          throw badRequest(`can't parse inline keyboard button: Field "${k}" must be of type String`);
        }
      }
      out.push(button as unknown as InlineKeyboardButton);
    }
    rows.push(out);
  }
  // 2. URLs, checked by TDLib
  for (const row of rows) {
    for (const b of row as unknown as Record<string, unknown>[]) {
      const action = presentActions(b)[0];
      if (action === 'url') {
        const url = b.url as string;
        const checked = checkTelegramLink(url);
        if (!checked.ok) throw badRequest(`inline keyboard button URL '${url}' is invalid: ${checked.reason}`);
      } else if (action === 'web_app' || action === 'login_url') {
        const url = isObject(b[action]) ? String((b[action] as Record<string, unknown>).url ?? '') : '';
        const checked = checkTelegramLink(url, { httpsOnly: action === 'web_app' });
        const label = action === 'web_app' ? 'Web App URL' : 'login URL';
        if (!checked.ok) throw badRequest(`inline keyboard button ${label} '${url}' is invalid: ${checked.reason}`);
      }
    }
  }
  // 3. limits and data, checked by Telegram's servers
  const total = rows.reduce((n, r) => n + r.length, 0);
  if (total > INLINE_BUTTONS_MAX || rows.some((r) => r.length > INLINE_BUTTONS_PER_ROW_MAX)) {
    throw badRequest('reply markup is too long');
  }
  for (const row of rows) {
    for (const b of row as unknown as Record<string, unknown>[]) {
      if ((b.text as string).trim() === '') throw badRequest('BUTTON_TEXT_INVALID'); // approximated
      const action = presentActions(b)[0];
      if (action === 'callback_data' && Buffer.byteLength(b.callback_data as string, 'utf8') > CALLBACK_DATA_MAX_BYTES) {
        throw badRequest('BUTTON_DATA_INVALID');
      }
      if (action === 'copy_text') {
        const t = isObject(b.copy_text) ? b.copy_text.text : undefined;
        if (typeof t !== 'string' || t.length === 0 || t.length > 256) throw badRequest('BUTTON_COPY_TEXT_INVALID');
      }
      if (action === 'pay' || action === 'callback_game') throw badRequest('BUTTON_TYPE_INVALID');
    }
  }
  return rows;
}

function checkReplyKeyboard(raw: unknown): ReplyButton[][] {
  if (!Array.isArray(raw)) throw badRequest('field "keyboard" must be of type Array');
  const rows: ReplyButton[][] = [];
  for (const row of raw) {
    if (!Array.isArray(row)) throw badRequest('field "keyboard" must be an Array of Arrays'); // approximated
    const out: ReplyButton[] = [];
    for (const button of row) {
      if (typeof button === 'string') {
        out.push({ text: button });
        continue;
      }
      if (!isObject(button)) throw badRequest("can't parse keyboard button: KeyboardButton must be a String or an Object");
      if (typeof button.text !== 'string') throw badRequest(`can't parse keyboard button: Field "text" must be of type String`);
      if (isObject(button.web_app)) {
        const url = String(button.web_app.url ?? '');
        const checked = checkTelegramLink(url, { httpsOnly: true });
        if (!checked.ok) throw badRequest(`keyboard button Web App URL '${url}' is invalid: ${checked.reason}`);
      }
      for (const k of ['request_chat', 'request_users'] as const) {
        if (isObject(button[k]) && button[k].request_id === undefined) {
          throw badRequest(`can't parse keyboard button: Can't find field "request_id"`);
        }
      }
      out.push(button as ReplyButton);
    }
    rows.push(out);
  }
  const total = rows.reduce((n, r) => n + r.length, 0);
  if (total > REPLY_BUTTONS_MAX || rows.some((r) => r.length > REPLY_BUTTONS_PER_ROW_MAX)) {
    throw badRequest('reply markup is too long');
  }
  for (const row of rows) for (const b of row) if (b.text.trim() === '') throw badRequest('BUTTON_TEXT_INVALID'); // approximated
  return rows;
}

/**
 * Parses a reply_markup value (object or JSON string). `inlineOnly` is for edit methods, which
 * accept nothing but an inline keyboard.
 */
export function parseReplyMarkup(raw: unknown, opts: { strict: boolean; inlineOnly?: boolean }): StoredMarkup | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw badRequest("can't parse reply keyboard markup JSON object");
    }
  }
  if (!isObject(value)) throw badRequest('object expected as reply markup');
  let markup: StoredMarkup;
  if ('inline_keyboard' in value) {
    markup = { kind: 'inline', rows: checkInlineKeyboard(value.inline_keyboard, opts.strict) };
  } else if ('keyboard' in value) {
    const rows = checkReplyKeyboard(value.keyboard);
    for (const k of ['resize_keyboard', 'one_time_keyboard', 'is_persistent', 'selective']) boolField(value, k);
    const placeholder = value.input_field_placeholder;
    if (placeholder !== undefined && (typeof placeholder !== 'string' || placeholder.length > 64)) {
      throw badRequest('field "input_field_placeholder" must be of type String of at most 64 characters'); // approximated
    }
    markup = {
      kind: 'reply',
      rows,
      oneTime: value.one_time_keyboard === true,
      persistent: value.is_persistent === true,
      ...(typeof placeholder === 'string' ? { placeholder } : {}),
    };
  } else if ('remove_keyboard' in value) {
    boolField(value, 'remove_keyboard');
    boolField(value, 'selective');
    markup = { kind: 'remove' };
  } else if ('force_reply' in value) {
    boolField(value, 'force_reply');
    boolField(value, 'selective');
    markup = { kind: 'force_reply', ...(typeof value.input_field_placeholder === 'string' ? { placeholder: value.input_field_placeholder } : {}) };
  } else {
    throw badRequest("can't parse reply keyboard markup JSON object");
  }
  if (opts.inlineOnly && markup.kind !== 'inline') throw badRequest('inline keyboard expected'); // approximated
  return markup;
}

/** Canonical form used for "message is not modified" comparisons. */
export function markupKey(markup: StoredMarkup | undefined): string {
  if (markup?.kind !== 'inline' || markup.rows.every((r) => r.length === 0)) return '';
  return stableStringify(markup.rows);
}

export function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  if (isObject(v)) {
    return `{${Object.keys(v)
      .filter((k) => v[k] !== undefined && v[k] !== null)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
