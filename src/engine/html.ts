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

const RLM = '\u200f';
const RTL_LETTERS = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/g;
const ISOLATED = /\u2066[^\u2069]*\u2069/g;

/**
 * A line's direction is set by its first strong letter, so a Persian line that starts with
 * "COA", or a card line holding only an (isolated) Latin name, would read and align left to
 * right. A RIGHT-TO-LEFT MARK at the start of such lines keeps a right-to-left message right
 * to left. Left alone: the Dutch desk sentence in its <blockquote> (for a clerk), and a line
 * with no right-to-left letters but Latin words of its own (an English fallback sentence),
 * whose full stop would otherwise jump to the wrong end. Idempotent.
 */
export function rtlParagraphs(html: string): string {
  let inQuote = false;
  return html
    .split('\n')
    .map((line) => {
      const quoted = inQuote || line.startsWith('<blockquote>');
      if (line.includes('<blockquote>')) inQuote = true;
      if (line.includes('</blockquote>')) inQuote = false;
      if (quoted || !line || line.startsWith(RLM)) return line;
      const own = line.replace(/<[^>]*>/g, '').replace(ISOLATED, '');
      const rtl = own.search(RTL_LETTERS) >= 0;
      return rtl || !/\p{L}/u.test(own.replace(RTL_LETTERS, '')) ? RLM + line : line;
    })
    .join('\n');
}

/** A number in parts: a phone number, a time range, a year range ("0800 62 227", "16:30-22:00", "2025-26"). */
const NUMBER_IN_PARTS = /\+?\d+(?:[ \-./:]\d+)+/g;

/**
 * In right-to-left text the parts of "0800 62 227" are laid out right to left ("227 62 0800"):
 * a person would dial the wrong number. Every number in parts is isolated left to right,
 * whoever wrote the text; tags, attributes and text already isolated are left alone.
 */
export function isolateNumbers(html: string): string {
  return html
    .split(/(<[^>]*>)/)
    .map((part) =>
      part.startsWith('<')
        ? part
        : part
            .split(/(\u2066[^\u2069]*\u2069)/)
            .map((piece) => (piece.startsWith(LRI) ? piece : piece.replace(NUMBER_IN_PARTS, (n) => `${LRI}${n}${PDI}`)))
            .join(''),
    )
    .join('');
}
