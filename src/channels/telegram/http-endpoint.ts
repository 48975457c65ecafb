/**
 * The bot's HTTP side: GET /healthz in both modes, and in webhook mode POST <webhook path>
 * with Telegram's secret-token header (wrong or missing header: 401, nothing processed, the
 * connection closed). Telegram's updates are small, sent at once and with their length, so a
 * body over 1 MB (413) or without a length (411) is refused, and a request still arriving after
 * 10 s is cut off: neither can tie up memory or connections. Tracks requests in flight so a
 * shutdown can wait for them.
 */
import { createServer, type Server } from 'node:http';
import { webhookCallback, type Bot } from 'grammy';
import type { Logger } from 'pino';
import { safeError } from '../../privacy/logger.ts';

export type Endpoint = { server: Server; inFlight(): number; drain(timeoutMs: number): Promise<void> };

export type EndpointLimits = {
  /** Largest update body taken (bytes). */
  maxBodyBytes: number;
  /** Time for a whole request, body included (ms). */
  requestTimeoutMs: number;
  /** Time for a request's headers (ms). */
  headersTimeoutMs: number;
};

export const ENDPOINT_LIMITS: EndpointLimits = { maxBodyBytes: 1024 * 1024, requestTimeoutMs: 10_000, headersTimeoutMs: 5_000 };

export function createHttpEndpoint(opts: { log: Logger; webhook?: { bot: Bot; path: string; secret: string }; limits?: Partial<EndpointLimits> }): Endpoint {
  const limits = { ...ENDPOINT_LIMITS, ...opts.limits };
  let inFlight = 0;
  const handleUpdate = opts.webhook
    ? // 'return' answers Telegram after 9 s even if we are still working, so it does not
      // re-send; the update still completes, and SeenUpdates drops any re-send anyway.
      webhookCallback(opts.webhook.bot, 'http', { secretToken: opts.webhook.secret, onTimeout: 'return', timeoutMilliseconds: 9_000 })
    : undefined;

  // Node looks for requests over their time only every `connectionsCheckingInterval` (30 s by default).
  const serverOptions = { requestTimeout: limits.requestTimeoutMs, headersTimeout: limits.headersTimeoutMs, connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs) };
  const server = createServer(serverOptions, (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    if (handleUpdate && req.method === 'POST' && path === opts.webhook!.path) {
      // Telegram says how long its body is; Node reads no more than that. Without a length
      // (a chunked body) there is no bound, so it is refused too.
      const declared = req.headers['content-length'];
      const refusal = declared === undefined ? 411 : Number(declared) > limits.maxBodyBytes ? 413 : undefined;
      if (refusal) {
        res.writeHead(refusal, { connection: 'close' }).end();
        req.destroy();
        return;
      }
      // After a refusal (wrong secret) nothing more is read from that connection.
      res.on('finish', () => {
        if (res.statusCode === 401) req.destroy();
      });
      // In flight until the answer is sent or the connection is gone (a request cut off never
      // finishes its handler: it is waiting for a body that will not come).
      inFlight++;
      res.once('close', () => inFlight--);
      handleUpdate(req, res).catch((err: unknown) => {
        opts.log.warn({ err: safeError(err) }, 'webhook request failed');
        if (!res.headersSent) res.writeHead(400).end();
      });
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
