/**
 * Telegram's URL rules, ported from TDLib (tdutils/td/utils/HttpUrl.cpp `parse_url` and
 * td/telegram/LinkManager.cpp `check_link_impl`), because the same code decides:
 *   - whether `<a href="…">` in HTML parse mode becomes a text_link (invalid → the link is
 *     silently dropped, the text stays),
 *   - whether an inline keyboard `url` button is accepted (invalid → 400 with the reason),
 *   - whether a `text_link` entity is accepted (invalid → 400 with the reason).
 *
 * Only http(s)://, tg:, ton:, tonsite: and bare domains ("example.com/x", treated as http)
 * pass. Everything else fails, e.g. `ftp://x` ("Unsupported URL protocol"),
 * `tel:+123` / `javascript:alert(1)` ("Wrong port number specified in the URL", because the
 * part after ':' is read as a port), `http://localhost` ("Wrong HTTP URL": no dot in host).
 */

export type LinkCheck = { ok: true; url: string } | { ok: false; reason: string };

interface HttpUrl {
  protocol: 'http' | 'https';
  userinfo: string;
  host: string;
  isIpv6: boolean;
  specifiedPort: number;
  query: string;
}

type ParseResult = { ok: true; url: HttpUrl } | { ok: false; reason: string };

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\0' || c === '\v';

/** TDLib's `to_integer_safe<int>`: the decimal string must round-trip exactly. */
function toIntegerSafe(s: string): number | undefined {
  if (!/^-?\d+$/.test(s)) return undefined;
  const n = Number(s);
  if (!Number.isSafeInteger(n) || n > 2147483647 || n < -2147483648) return undefined;
  return String(n) === s ? n : undefined;
}

function parseUrl(url: string, defaultProtocol: 'http' | 'https' = 'http'): ParseResult {
  // url == [https?://][userinfo@]host[:port]
  let pos = 0;
  const readTill = (stops: string): string => {
    const start = pos;
    while (pos < url.length && !stops.includes(url[pos]!)) pos++;
    return url.slice(start, pos);
  };
  const protocolStr = readTill(':/?#@[]').toLowerCase();
  let protocol: 'http' | 'https';
  if (url.startsWith('://', pos)) {
    pos += 3;
    if (protocolStr === 'http') protocol = 'http';
    else if (protocolStr === 'https') protocol = 'https';
    else return { ok: false, reason: 'Unsupported URL protocol' };
  } else {
    pos = 0;
    protocol = defaultProtocol;
  }
  const userinfoHostPort = readTill('/?#');

  let port = 0;
  let colon = userinfoHostPort.length - 1;
  while (colon > 0 && userinfoHostPort[colon] !== ':' && userinfoHostPort[colon] !== ']' && userinfoHostPort[colon] !== '@') {
    colon--;
  }
  let userinfoHost: string;
  if (colon > 0 && userinfoHostPort[colon] === ':') {
    let portSlice = userinfoHostPort.slice(colon + 1);
    while (portSlice.length > 1 && portSlice[0] === '0') portSlice = portSlice.slice(1);
    const p = toIntegerSafe(portSlice);
    port = p === undefined || p === 0 ? -1 : p;
    userinfoHost = userinfoHostPort.slice(0, colon);
  } else {
    userinfoHost = userinfoHostPort;
  }
  if (port < 0 || port > 65535) return { ok: false, reason: 'Wrong port number specified in the URL' };

  const at = userinfoHost.lastIndexOf('@');
  const userinfo = at === -1 ? '' : userinfoHost.slice(0, at);
  const host = userinfoHost.slice(at + 1);

  let isIpv6 = false;
  if (host.length > 0 && host[0] === '[' && host[host.length - 1] === ']') {
    if (!/^\[[0-9a-fA-F:.]+\]$/.test(host) || !host.includes(':')) {
      return { ok: false, reason: 'Wrong IPv6 address specified in the URL' };
    }
    isIpv6 = true;
  }
  if (host.length === 0) return { ok: false, reason: 'URL host is empty' };
  if (host === '.') return { ok: false, reason: 'Host is invalid' };

  let query = url.slice(pos);
  while (query.length > 0 && isSpace(query[query.length - 1]!)) query = query.slice(0, -1);
  if (query.length === 0) query = '/';
  let queryStr = query[0] === '/' ? '' : '/';
  for (const ch of query) {
    const code = ch.codePointAt(0)!;
    queryStr += code <= 0x20 ? '%' + code.toString(16).toUpperCase().padStart(2, '0') : ch;
  }

  const hostStr = host.toLowerCase();
  for (let i = 0; i < hostStr.length; i++) {
    const c = hostStr[i]!;
    if (isIpv6) continue; // validated above
    if (/[a-z0-9.\-_!$,~*'();&+=]/.test(c)) continue; // symbols allowed by RFC 7230 and RFC 3986
    if (c === '%') {
      if (/[0-9a-f]/.test(hostStr[i + 1] ?? '') && /[0-9a-f]/.test(hostStr[i + 2] ?? '')) {
        i += 2;
        continue;
      }
      return { ok: false, reason: 'Wrong percent-encoded symbol in URL host' };
    }
    if (c.charCodeAt(0) >= 128) continue; // plain UTF-8 (IDN) hosts are allowed
    return { ok: false, reason: 'Wrong URL host' };
  }

  return { ok: true, url: { protocol, userinfo, host: hostStr, isIpv6, specifiedPort: port, query: queryStr } };
}

function getUrl(u: HttpUrl): string {
  return `${u.protocol}://${u.userinfo ? u.userinfo + '@' : ''}${u.host}${u.specifiedPort > 0 ? ':' + u.specifiedPort : ''}${u.query}`;
}

const lowerStartsWith = (s: string, prefix: string) => s.slice(0, prefix.length).toLowerCase() === prefix;

/**
 * TDLib's `check_link_impl`. `httpsOnly` is used for Web App buttons; `httpOnly` forbids tg: links.
 * On success returns the normalised link Telegram stores (e.g. "example.com" → "http://example.com/").
 */
export function checkTelegramLink(link: string, opts: { httpOnly?: boolean; httpsOnly?: boolean } = {}): LinkCheck {
  let rest = link;
  let scheme: 'tg' | 'ton' | 'tonsite' | undefined;
  if (lowerStartsWith(rest, 'tg:')) {
    rest = rest.slice(3);
    scheme = 'tg';
  } else if (lowerStartsWith(rest, 'ton:')) {
    rest = rest.slice(4);
    scheme = 'ton';
  } else if (lowerStartsWith(rest, 'tonsite:')) {
    rest = rest.slice(8);
    scheme = 'tonsite';
  }
  if (scheme && rest.startsWith('//')) rest = rest.slice(2);
  const parsed = parseUrl(rest);
  if (!parsed.ok) return parsed;
  const u = parsed.url;
  if (opts.httpsOnly && (u.protocol !== 'https' || scheme)) return { ok: false, reason: 'Only HTTPS links are allowed' };
  if (scheme) {
    if (opts.httpOnly) return { ok: false, reason: 'Only HTTP links are allowed' };
    if (lowerStartsWith(rest, 'http://') || u.protocol === 'https' || u.userinfo || u.specifiedPort !== 0 || u.isIpv6) {
      return { ok: false, reason: scheme === 'tg' ? 'Wrong tg URL' : 'Wrong ton URL' };
    }
    let query = u.query;
    if (query.length > 1 && query[1] === '?') query = query.slice(1);
    for (const c of u.host) {
      if (!/[a-z0-9\-_]/i.test(c) && !(scheme === 'tonsite' && c === '.')) {
        return { ok: false, reason: 'Unallowed characters in URL host' };
      }
    }
    return { ok: true, url: `${scheme}://${u.host}${query}` };
  }
  if (!u.host.includes('.') && !u.isIpv6) return { ok: false, reason: 'Wrong HTTP URL' };
  return { ok: true, url: getUrl(u) };
}

/** `tg://user?id=123` links become text_mention entities instead of text_link ones. */
export function getLinkUserId(link: string): number | undefined {
  const m = /^tg:(?:\/\/)?user\?id=(\d+)(?:&.*)?$/i.exec(link.trim());
  if (!m) return undefined;
  const id = Number(m[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
