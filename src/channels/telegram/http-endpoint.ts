/**
 * The bot's HTTP side: GET /healthz in both modes, and in webhook mode POST <webhook path>
 * with Telegram's secret-token header (wrong or missing header: 401, nothing processed).
 * Tracks requests in flight so a shutdown can wait for them.
 */
import { createServer, type Server } from 'node:http';
import { webhookCallback, type Bot } from 'grammy';
import type { Logger } from 'pino';
import { safeError } from '../../privacy/logger.ts';

export type Endpoint = { server: Server; inFlight(): number; drain(timeoutMs: number): Promise<void> };

export function createHttpEndpoint(opts: { log: Logger; webhook?: { bot: Bot; path: string; secret: string } }): Endpoint {
  let inFlight = 0;
  const handleUpdate = opts.webhook
    ? // 'return' answers Telegram after 9 s even if we are still working, so it does not
      // re-send; the update still completes, and SeenUpdates drops any re-send anyway.
      webhookCallback(opts.webhook.bot, 'http', { secretToken: opts.webhook.secret, onTimeout: 'return', timeoutMilliseconds: 9_000 })
    : undefined;

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    if (handleUpdate && req.method === 'POST' && path === opts.webhook!.path) {
      inFlight++;
      handleUpdate(req, res)
        .catch((err: unknown) => {
          opts.log.warn({ err: safeError(err) }, 'webhook request failed');
          if (!res.headersSent) res.writeHead(400).end();
        })
        .finally(() => inFlight--);
      return;
    }
    res.writeHead(404).end();
  });

  return {
    server,
    inFlight: () => inFlight,
    async drain(timeoutMs) {
      const until = Date.now() + timeoutMs;
      while (inFlight > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    },
  };
}
