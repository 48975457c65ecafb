import { describe, expect, it } from 'vitest';
import { buildFormattedText } from './message-text.ts';
import { parseTelegramHtml, tryParseTelegramHtml } from '../../src/content/telegram-html-parse.ts';
import { checkTelegramLink } from '../../src/content/telegram-url.ts';

const PREFIX = "Bad Request: can't parse entities: ";

function fails(html: string, strict = false): string {
  const r = tryParseTelegramHtml(html, { strict });
  if (r.ok) throw new Error(`expected ${JSON.stringify(html)} to be rejected, got ${JSON.stringify(r.text)}`);
  return r.description;
}

describe('parseTelegramHtml: supported tags become entities', () => {
  it('maps every documented tag to its entity type', () => {
    const r = parseTelegramHtml(
      '<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>' +
        '<tg-spoiler>p</tg-spoiler><span class="tg-spoiler">q</span><code>c</code><blockquote>q</blockquote>',
    );
    expect(r.text).toBe('bsieunskdpqcq');
    expect(r.entities.map((e) => e.type)).toEqual([
      'bold',
      'bold',
      'italic',
      'italic',
      'underline',
      'underline',
      'strikethrough',
      'strikethrough',
      'strikethrough',
      'spoiler',
      'spoiler',
      'code',
      'blockquote',
    ]);
    expect(r.entities.map((e) => e.offset)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('counts offsets and lengths in UTF-16 code units (emoji are two)', () => {
    const r = parseTelegramHtml('😀 <b>ñ😀</b>');
    expect(r.text).toBe('😀 ñ😀');
    expect(r.entities).toEqual([{ type: 'bold', offset: 3, length: 3 }]);
  });

  it('tags are case-insensitive and nest', () => {
    const r = parseTelegramHtml('<B>bold <I>both</I></b>');
    expect(r.text).toBe('bold both');
    expect(r.entities).toEqual([
      { type: 'bold', offset: 0, length: 9 },
      { type: 'italic', offset: 5, length: 4 },
    ]);
  });

  it('merges <pre><code class="language-x"> into one pre entity with a language', () => {
    const r = parseTelegramHtml('<pre><code class="language-ts">let a = 1;</code></pre>');
    expect(r.entities).toEqual([{ type: 'pre', offset: 0, length: 10, language: 'ts' }]);
    expect(parseTelegramHtml('<code class="language-ts">x</code>').entities).toEqual([{ type: 'code', offset: 0, length: 1 }]);
  });

  it('supports expandable blockquotes and custom emoji', () => {
    expect(parseTelegramHtml('<blockquote expandable>long</blockquote>').entities).toEqual([{ type: 'expandable_blockquote', offset: 0, length: 4 }]);
    expect(parseTelegramHtml('<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>').entities).toEqual([{ type: 'custom_emoji', offset: 0, length: 2, custom_emoji_id: '5368324170671202286' }]);
  });

  it('accepts attribute values in double quotes, single quotes or bare', () => {
    expect(parseTelegramHtml(`<a href='https://example.com/a?b=1&amp;c=2'>x</a>`).entities).toEqual([{ type: 'text_link', offset: 0, length: 1, url: 'https://example.com/a?b=1&c=2' }]);
    expect(parseTelegramHtml('<a href="https://example.com">x</a>').entities[0]).toMatchObject({ url: 'https://example.com/' });
    expect(parseTelegramHtml('<a href=example.com>x</a>').entities[0]).toMatchObject({ url: 'http://example.com/' });
  });

  it('turns tg://user?id= links into text_mention and an empty href into a link to the text', () => {
    expect(parseTelegramHtml('<a href="tg://user?id=42">Ana</a>').entities[0]).toMatchObject({ type: 'text_mention', user: { id: 42 } });
    expect(parseTelegramHtml('<a href="">https://t.me/x</a>').entities[0]).toMatchObject({ type: 'text_link', url: 'https://t.me/x' });
  });

  it('creates no entity for an empty element', () => {
    expect(parseTelegramHtml('a<b></b>c').entities).toEqual([]);
  });
});

describe('parseTelegramHtml: character entities', () => {
  it('decodes the four named entities and numeric ones', () => {
    const r = parseTelegramHtml('&lt;b&gt; &amp; &quot;q&quot; &#65;&#x42; &#x1F600;<b>x</b>');
    expect(r.text).toBe('<b> & "q" AB 😀x');
    expect(r.entities).toEqual([{ type: 'bold', offset: 15, length: 1 }]);
  });

  it('keeps a bare & that does not start an entity, like Telegram', () => {
    expect(parseTelegramHtml('Q&A, fish & chips, a&b;').text).toBe('Q&A, fish & chips, a&b;');
  });

  it('keeps unsupported named entities literally (Telegram) and reports them; strict mode rejects them', () => {
    const lax = parseTelegramHtml('a&nbsp;b');
    expect(lax.text).toBe('a&nbsp;b');
    expect(lax.warnings).toHaveLength(1);
    expect(lax.warnings[0]!.message).toContain('&nbsp;');
    expect(fails('a&nbsp;b', true)).toBe(`${PREFIX}Unsupported HTML entity "&nbsp;" at byte offset 1: Telegram shows it literally (only &lt; &gt; &amp; &quot; and numeric entities are decoded)`);
  });

  it('rejects lone surrogates produced by numeric entities', () => {
    expect(fails('&#xD83D;&#xDE00;')).toBe(`${PREFIX}Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units`);
  });
});

describe('parseTelegramHtml: errors use Telegram wording and byte offsets', () => {
  it('unsupported tags, with the offset in UTF-8 bytes', () => {
    expect(fails('Hello world <div>x</div>')).toBe(`${PREFIX}Unsupported start tag "div" at byte offset 12`);
    // "ñ" is two bytes, "😀" four: the offset counts bytes, not characters
    expect(fails('ñ😀 <p>x</p>')).toBe(`${PREFIX}Unsupported start tag "p" at byte offset 7`);
    expect(fails('<br/>')).toBe(`${PREFIX}Unsupported start tag "br/" at byte offset 0`);
  });

  it('a bare < is read as a tag', () => {
    expect(fails('1 < 2')).toBe(`${PREFIX}Unsupported start tag "" at byte offset 2`);
    expect(fails('I <3 you')).toBe(`${PREFIX}Unsupported start tag "3" at byte offset 2`);
    expect(fails('a <')).toBe(`${PREFIX}Unclosed start tag at byte offset 2`);
  });

  it('unclosed and mismatched tags', () => {
    expect(fails('<b>bold')).toBe(`${PREFIX}Can't find end tag corresponding to start tag "b"`);
    expect(fails('<b><i>x</b></i>')).toBe(`${PREFIX}Unmatched end tag at byte offset 7, expected "</i>", found "</b>"`);
    expect(fails('x</b>')).toBe(`${PREFIX}Unexpected end tag at byte offset 1`);
    expect(fails('<b>x</b')).toBe(`${PREFIX}Unclosed end tag at byte offset 4`);
    expect(fails('<a href="x')).toBe(`${PREFIX}Unclosed start tag at byte offset 0`);
  });

  it('attribute problems', () => {
    expect(fails('<span>x</span>')).toBe(`${PREFIX}Tag "span" must have class "tg-spoiler" at byte offset 0`);
    expect(fails('<a href=https://x.y>x</a>')).toBe(`${PREFIX}Unexpected end of name token at byte offset 8`);
    expect(fails('<tg-emoji emoji-id="abc">x</tg-emoji>')).toBe(`${PREFIX}Invalid custom emoji identifier specified`);
  });

  it('links Telegram would silently drop: kept as plain text normally, rejected in strict mode', () => {
    for (const href of ['tel:+4930123456', 'javascript:alert(1)', 'http://localhost:3000/x', 'ftp://example.com']) {
      const lax = parseTelegramHtml(`<a href="${href}">call</a>`);
      expect(lax.text).toBe('call');
      expect(lax.entities).toEqual([]);
      expect(lax.warnings[0]!.kind).toBe('dropped-link');
      expect(fails(`<a href="${href}">call</a>`, true)).toMatch(/^Bad Request: can't parse entities: Link ".*" at byte offset 0 would be silently dropped by Telegram/);
    }
  });
});

describe('checkTelegramLink (TDLib rules for links)', () => {
  it('accepts http(s), tg: and bare domains, normalising them', () => {
    expect(checkTelegramLink('https://Example.com')).toEqual({ ok: true, url: 'https://example.com/' });
    expect(checkTelegramLink('example.org/path?q=1')).toEqual({ ok: true, url: 'http://example.org/path?q=1' });
    expect(checkTelegramLink('tg://resolve?domain=telegram')).toEqual({ ok: true, url: 'tg://resolve?domain=telegram' });
  });

  it('rejects other schemes and hosts without a dot, with TDLib reasons', () => {
    expect(checkTelegramLink('ftp://example.com')).toEqual({ ok: false, reason: 'Unsupported URL protocol' });
    expect(checkTelegramLink('not-a-url')).toEqual({ ok: false, reason: 'Wrong HTTP URL' });
    expect(checkTelegramLink('tel:+123')).toEqual({ ok: false, reason: 'Wrong port number specified in the URL' });
    expect(checkTelegramLink('')).toEqual({ ok: false, reason: 'URL host is empty' });
    expect(checkTelegramLink('https://exa mple.com')).toEqual({ ok: false, reason: 'Wrong URL host' });
  });
});

describe('length limits are checked on the parsed text', () => {
  const opts = { kind: 'text' as const, strict: true };

  it('4096 characters pass and 4097 fail, counted after removing tags', () => {
    expect(buildFormattedText('x'.repeat(4096), undefined, undefined, opts).text).toHaveLength(4096);
    expect(() => buildFormattedText('x'.repeat(4097), undefined, undefined, opts)).toThrow('Bad Request: message is too long');
    const tagged = `<b>${'x'.repeat(4000)}</b><i>${'y'.repeat(96)}</i>`; // 4110 raw characters, 4096 parsed
    expect(tagged.length).toBeGreaterThan(4096);
    expect(buildFormattedText(tagged, 'HTML', undefined, opts).text).toHaveLength(4096);
    expect(() => buildFormattedText(`<b>${'x'.repeat(4097)}</b>`, 'HTML', undefined, opts)).toThrow('message is too long');
    // entities shrink text too: 4096 × "&amp;" is 20480 raw characters but 4096 parsed
    expect(buildFormattedText('&amp;'.repeat(4096), 'HTML', undefined, opts).text).toBe('&'.repeat(4096));
  });

  it('counts UTF-16 code units: 2048 emoji fit, 2049 do not', () => {
    expect(() => buildFormattedText('😀'.repeat(2048), undefined, undefined, opts)).not.toThrow();
    expect(() => buildFormattedText('😀'.repeat(2049), undefined, undefined, opts)).toThrow('message is too long');
  });

  it('captions allow 0-1024 characters', () => {
    const cap = { kind: 'caption' as const, strict: true };
    expect(buildFormattedText('', undefined, undefined, cap).text).toBe('');
    expect(buildFormattedText(`<b>${'c'.repeat(1024)}</b>`, 'HTML', undefined, cap).text).toHaveLength(1024);
    expect(() => buildFormattedText('c'.repeat(1025), undefined, undefined, cap)).toThrow('Bad Request: message caption is too long');
  });

  it('trims surrounding whitespace like Telegram and rejects text that is empty after parsing', () => {
    const r = buildFormattedText('  <b> hi </b>\n', 'HTML', undefined, opts);
    expect(r.text).toBe('hi');
    expect(r.entities).toEqual([{ type: 'bold', offset: 0, length: 2 }]);
    expect(() => buildFormattedText('<b> </b>', 'HTML', undefined, opts)).toThrow('Bad Request: text must be non-empty');
  });

  it('rejects unknown parse modes and invalid explicit entities', () => {
    expect(() => buildFormattedText('x', 'XML', undefined, opts)).toThrow('Bad Request: unsupported parse_mode');
    expect(() => buildFormattedText('hello', undefined, [{ type: 'bold', offset: 0, length: 100 }], opts)).toThrow(
      'Bad Request: entity beginning at UTF-16 offset 0 ends after the end of the text at UTF-16 offset 100',
    );
    expect(() => buildFormattedText('click', undefined, [{ type: 'text_link', offset: 0, length: 5, url: 'not-a-url' }], opts)).toThrow(
      "Bad Request: entity URL 'not-a-url' is invalid: Wrong HTTP URL",
    );
  });
});
