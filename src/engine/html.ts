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
const RTL_LETTER = new RegExp(RTL_LETTERS.source);
const ISOLATED = /\u2066[^\u2069]*\u2069/g;

/**
 * Each line of a message with whether it belongs to the desk sentence (a <blockquote>,
 * which may span lines): that sentence is Dutch, for a clerk, and the right-to-left
 * passes below leave it as written.
 */
function mapLines(html: string, change: (line: string) => string): string {
  let inQuote = false;
  return html
    .split('\n')
    .map((line) => {
      const quoted = inQuote || line.startsWith('<blockquote');
      if (line.includes('<blockquote')) inQuote = true;
      if (line.includes('</blockquote>')) inQuote = false;
      return quoted ? line : change(line);
    })
    .join('\n');
}

/**
 * A line's direction is set by its first strong letter, so a Persian line that starts with
 * "COA", or a card line holding only an (isolated) Latin name, would read and align left to
 * right. A RIGHT-TO-LEFT MARK at the start of such lines keeps a right-to-left message right
 * to left. Left alone: the Dutch desk sentence, and a line with no right-to-left letters but
 * Latin words of its own (an English fallback sentence), whose full stop would otherwise
 * jump to the wrong end. Idempotent.
 */
export function rtlParagraphs(html: string): string {
  return mapLines(html, (line) => {
    if (!line || line.startsWith(RLM)) return line;
    const own = line.replace(/<[^>]*>/g, '').replace(ISOLATED, '');
    const rtl = RTL_LETTER.test(own);
    return rtl || !/\p{L}/u.test(own.replace(RTL_LETTERS, '')) ? RLM + line : line;
  });
}

/**
 * A run of Latin text inside right-to-left text: names, addresses, phone numbers, times
 * ("CAW Oost-Vlaanderen (Nieuwland 12-14)", "0800 62 227", "16:30-22:00"). It starts with a
 * Latin letter or a digit and ends with one (or a closing bracket it opened).
 */
const LATIN_RUN = /[\p{Script=Latin}\d](?:[\p{Script=Latin}\d&;'’.,:\-/ ()+]*[\p{Script=Latin}\d)])?/gu;

/**
 * In right-to-left text the parts of "0800 62 227" are laid out right to left ("227 62 0800")
 * - a person would dial the wrong number - and brackets around a Dutch address jump to the
 * wrong end. Every run of Latin text is isolated left to right, whoever wrote the text. Left
 * alone: tags and their attributes, text already isolated, the desk sentence, and a line with
 * no right-to-left letters at all (an untranslated English sentence reads left to right).
 */
export function isolateLatinRuns(html: string): string {
  return mapLines(html, (line) => {
    if (!RTL_LETTER.test(line.replace(/<[^>]*>/g, ''))) return line;
    return line
      .split(/(<[^>]*>)/)
      .map((part) =>
        part.startsWith('<')
          ? part
          : part
              .split(/(\u2066[^\u2069]*\u2069)/)
              .map((piece) => (piece.startsWith(LRI) ? piece : piece.replace(LATIN_RUN, isolateRun)))
              .join(''),
      )
      .join('');
  });
}

/** Isolates a run, leaving out a closing bracket it did not open (it belongs to the text around it). */
function isolateRun(run: string): string {
  const unopened = run.endsWith(')') && (run.match(/\(/g)?.length ?? 0) < (run.match(/\)/g)?.length ?? 0);
  const inner = unopened ? run.slice(0, -1) : run;
  return `${LRI}${inner}${PDI}${unopened ? ')' : ''}`;
}
