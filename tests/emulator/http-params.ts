/**
 * Reads Bot API parameters the way the real server accepts them: from the query string, from an
 * application/x-www-form-urlencoded or multipart/form-data body (all values are strings there,
 * objects are JSON-serialized) or from a JSON body (values keep their JSON types). `Params`
 * coerces on access, so handlers do not care where a value came from.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError, badRequest } from './api-error.ts';

export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** Telegram caps uploads through the Bot API at 50 MB. */
export const MAX_BODY_BYTES = 50 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, 'Request Entity Too Large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export async function parseParams(contentType: string | undefined, query: URLSearchParams, body: Buffer): Promise<Params> {
  const raw: Record<string, unknown> = {};
  const files = new Map<string, UploadedFile>();
  for (const [k, v] of query) raw[k] = v;
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (body.length > 0) {
    if (type === 'application/json') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        throw badRequest("can't parse JSON object");
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw badRequest("can't parse JSON object");
      }
      Object.assign(raw, parsed);
    } else if (type === 'multipart/form-data') {
      const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
      if (!boundary) throw badRequest('multipart boundary is missing'); // approximated
      for (const part of parseMultipart(body, (boundary[1] ?? boundary[2])!.trim())) {
        if (part.filename === undefined) raw[part.name] = part.data.toString('utf8');
        else files.set(part.name, { field: part.name, filename: part.filename, contentType: part.contentType, bytes: part.data });
      }
    } else if (type === 'application/x-www-form-urlencoded' || type === '') {
      for (const [k, v] of new URLSearchParams(body.toString('utf8'))) raw[k] = v;
    }
  }
  return new Params(raw, files);
}

/** Fields that carry JSON objects/arrays; decoded in call logs so tests can read them. */
const JSON_FIELDS = ['reply_markup', 'entities', 'caption_entities', 'reply_parameters', 'link_preview_options', 'results', 'commands', 'scope', 'allowed_updates', 'message_ids', 'media', 'button'];

interface Part {
  name: string;
  filename?: string;
  contentType: string;
  data: Buffer;
}

/**
 * A small, lenient multipart/form-data parser. Node's `Request#formData()` is not used because it
 * refuses grammY's bodies (grammY writes `filename=map.png` without quotes, which Telegram accepts).
 */
export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw badRequest("can't parse multipart/form-data body"); // approximated
  for (;;) {
    pos += delimiter.length;
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // closing "--boundary--"
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    const next = body.indexOf(delimiter, pos);
    if (next < 0) throw badRequest("can't parse multipart/form-data body"); // approximated
    let end = next;
    if (body[end - 2] === 0x0d && body[end - 1] === 0x0a) end -= 2;
    const chunk = body.subarray(pos, end);
    const headerEnd = chunk.indexOf('\r\n\r\n');
    const head = (headerEnd < 0 ? chunk : chunk.subarray(0, headerEnd)).toString('utf8');
    const data = headerEnd < 0 ? Buffer.alloc(0) : chunk.subarray(headerEnd + 4);
    const headers = new Map<string, string>();
    for (const line of head.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const disposition = headers.get('content-disposition') ?? '';
    const param = (key: string): string | undefined => {
      const m = new RegExp(`(?:^|;)\\s*${key}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, 'i').exec(disposition);
      return m ? (m[1] ?? m[2]?.trim()) : undefined;
    };
    const name = param('name');
    if (name !== undefined) {
      const filename = param('filename');
      parts.push({
        name,
        ...(filename !== undefined ? { filename } : {}),
        contentType: headers.get('content-type') ?? 'application/octet-stream',
        data: Buffer.from(data),
      });
    }
    pos = next;
  }
  return parts;
}

export class Params {
  constructor(
    readonly raw: Record<string, unknown>,
    readonly files: Map<string, UploadedFile> = new Map(),
  ) {}

  /** A value is "present" when it is neither missing nor null (grammY drops nulls anyway). */
  has(name: string): boolean {
    return this.raw[name] !== undefined && this.raw[name] !== null;
  }

  str(name: string): string | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
    return JSON.stringify(v);
  }

  int(name: string): number | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'number') return Math.trunc(v);
    if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
    return Number.NaN;
  }

  bool(name: string): boolean {
    const v = this.raw[name];
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number') return v !== 0;
    if (typeof v === 'string') return v.toLowerCase() === 'true' || v === '1';
    return false;
  }

  /** Objects and arrays may arrive JSON-serialized (multipart, query string) or as JSON. */
  json(name: string, onError: string): unknown {
    const v = this.raw[name];
    if (typeof v !== 'string') return v ?? undefined;
    try {
      return JSON.parse(v);
    } catch {
      throw badRequest(onError);
    }
  }

  /** Plain-object snapshot for call logs (uploads shown as a short description). */
  snapshot(): Record<string, unknown> {
    const out: Record<string, unknown> = { ...this.raw };
    for (const k of JSON_FIELDS) {
      const v = out[k];
      if (typeof v === 'string' && /^\s*[[{]/.test(v)) {
        try {
          out[k] = JSON.parse(v);
        } catch {
          // keep the string: the handler reports the parse error
        }
      }
    }
    for (const [k, f] of this.files) out[k] = `<file ${f.filename} ${f.bytes.length} bytes>`;
    return out;
  }
}
