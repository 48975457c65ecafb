/** Small helpers for Telegram-flavoured HTML. Every value from data/ passes through escape(). */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** U+2066 LEFT-TO-RIGHT ISOLATE ... U+2069 POP DIRECTIONAL ISOLATE. */
const LRI = '\u2066';
const PDI = '\u2069';

/**
 * Phone numbers, URLs and Latin names inside right-to-left text scramble ("+31 20" shows
 * as "20 31+") unless isolated. Isolates are invisible and harmless in left-to-right text,
 * but we add them only where needed to keep messages short.
 */
export function isolateLtr(text: string, dir: 'ltr' | 'rtl'): string {
  return dir === 'rtl' ? `${LRI}${text}${PDI}` : text;
}

/** An http(s) link showing only the host, e.g. askv.nl. */
export function link(url: string, dir: 'ltr' | 'rtl'): string {
  let label = url;
  try {
    const u = new URL(url);
    label = u.host.replace(/^www\./, '') + (u.pathname.length > 1 ? u.pathname.replace(/\/$/, '') : '');
    if (label.length > 40) label = u.host.replace(/^www\./, '');
  } catch {
    // Schemas guarantee URLs; keep the raw text if one slips through.
  }
  return `<a href="${escapeHtml(url)}">${isolateLtr(escapeHtml(label), dir)}</a>`;
}

/** Telegram counts the text after entity parsing: tags out, entities as one character. */
export function visibleLength(html: string): number {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/gi, '_').length;
}

/** Telegram HTML as plain text (inline-result titles, printed flyers): tags out, entities decoded. */
export function toPlainText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms). */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const RLM = '\u200f';

/**
 * A line's direction is set by its first strong letter, so a Persian line that starts with
 * "COA" or a Latin name would read left to right. A RIGHT-TO-LEFT MARK at the start of each
 * line that has right-to-left letters keeps it right to left; lines without any (a Dutch
 * desk sentence, a link) keep their own direction. Idempotent.
 */
export function rtlParagraphs(html: string): string {
  return html
    .split('\n')
    .map((line) => (RTL_LETTER.test(line) && !line.startsWith(RLM) ? RLM + line : line))
    .join('\n');
}
