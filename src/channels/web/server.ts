/**
 * The local simulator: a phone-sized web page running the same engine and screens as the
 * Telegram bot, for outreach workers' demos and content editors' previews. It needs no
 * account and stores nothing: the page keeps the conversation state itself and sends it
 * with every step; the server keeps no sessions and logs no text.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Logger } from 'pino';
import { wiped, type EngineDeps } from '../../engine/engine.ts';
import { inputForLine } from '../../conversation/commands.ts';
import { afterDelivery, replyLanguage, takeTurn } from '../../conversation/turn.ts';
import { botLink } from '../telegram/links.ts';
import { qrSvg } from '../../share/qr.ts';

const PAGE = readFileSync(new URL('./page.html', import.meta.url), 'utf8');
const MAX_BODY = 16 * 1024;

/**
 * What the page sends: what it was told to remember after the last step, the browser's language
 * tag, and one input - a button press, a typed line (commands included, read as the Telegram
 * channel reads them) or a location.
 */
const stepRequest = z.object({
  remembered: z.object({ lang: z.string().max(8).optional(), city: z.string().max(32).optional(), demo: z.boolean().optional() }).default({}),
  langTag: z.string().max(16).optional(),
  input: z.discriminatedUnion('type', [
    z.object({ type: z.literal('callback'), data: z.string().max(64) }),
    z.object({ type: z.literal('line'), text: z.string().max(4096) }),
    z.object({ type: z.literal('location'), lat: z.number(), lon: z.number() }),
  ]),
});

export type WebDeps = EngineDeps & { log: Logger; botUsername?: string };

export function createWebServer(deps: WebDeps): Server {
  return createServer((req, res) => {
    handle(deps, req, res).catch((err) => {
      deps.log.error({ err: { type: (err as Error).name } }, 'simulator request failed');
      if (!res.headersSent) send(res, 500, 'text/plain', 'error');
    });
  });
}

async function handle(deps: WebDeps, req: IncomingMessage, res: ServerResponse) {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method === 'GET' && (path === '/' || path === '/index.html')) {
    return send(res, 200, 'text/html; charset=utf-8', PAGE);
  }
  if (req.method === 'GET' && path === '/healthz') return send(res, 200, 'application/json', '{"ok":true}');
  if (req.method === 'POST' && path === '/api/step') {
    const body = await readBody(req);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return send(res, 400, 'application/json', '{"error":"not JSON"}');
    }
    const parsed = stepRequest.safeParse(json);
    if (!parsed.success) return send(res, 400, 'application/json', '{"error":"bad request"}');
    const { remembered, langTag, input: sent } = parsed.data;
    const input = sent.type === 'line' ? inputForLine(sent.text, langTag) : sent;
    // "Clear this chat": the page empties itself and forgets what it was told to remember.
    if (input.type === 'wipe') return send(res, 200, 'application/json', JSON.stringify({ ...wiped(deps.content, replyLanguage(deps.content, remembered, langTag)), remember: {} }));
    const result = takeTurn(deps, remembered, langTag, input);
    // Share shows the same link and QR code the Telegram bot sends.
    const share = result.effect === 'share' && result.sharePayload ? shareCard(deps.botUsername ?? 'your_bot', result.sharePayload) : undefined;
    // The simulator counts nothing (stats are for the bot's real conversations); what to remember is the conversation layer's rule.
    const remember = afterDelivery(deps, remembered, result);
    return send(res, 200, 'application/json', JSON.stringify({ ...result, share, remember }));
  }
  send(res, 404, 'text/plain', 'not found');
}

function shareCard(username: string, payload: string) {
  const link = botLink(username, payload);
  return { link, svg: qrSvg(link, link) };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    // The page loads nothing from elsewhere: no trackers, no fonts, no CDNs.
    'content-security-policy': "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:",
    'referrer-policy': 'no-referrer',
  });
  res.end(body);
}
