/**
 * Is this text valid for Telegram's HTML parse mode? Content editors write <b>, <i> and
 * friends by hand; a missing "</b>" would make Telegram refuse the whole message at
 * night, so content:check catches it first. Returns a plain-language problem or null.
 */
const TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre', 'blockquote', 'tg-spoiler', 'span']);
const ENTITY = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);/;

export function validateTelegramHtml(text: string): string | null {
  const open: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '&') {
      const m = ENTITY.exec(text.slice(i));
      if (!m && /^&[a-zA-Z]+;/.test(text.slice(i))) return `unknown entity at character ${i}: write & as &amp;`;
      i += m ? m[0].length : 1;
      continue;
    }
    if (ch !== '<') {
      i++;
      continue;
    }
    const end = text.indexOf('>', i);
    if (end < 0) return `"<" at character ${i} is not a tag: write < as &lt;`;
    const tag = text.slice(i + 1, end).trim();
    const closing = tag.startsWith('/');
    const name = (closing ? tag.slice(1) : tag).split(/\s/)[0]!.toLowerCase();
    if (!TAGS.has(name)) return `<${tag}> is not a tag Telegram knows (use b, i, u, s, a, code, pre, blockquote)`;
    if (closing) {
      if (open.pop() !== name) return `</${name}> closes a tag that is not open`;
    } else {
      if (name === 'a' && !/^a\s+href\s*=\s*"https?:\/\/[^"]+"$/i.test(tag)) return 'links must look like <a href="https://...">';
      open.push(name);
    }
    i = end + 1;
  }
  return open.length ? `<${open[open.length - 1]}> is never closed` : null;
}
