// The HTTP interactions endpoint: POST /interactions (Discord) and GET /healthz (load balancers).
// Order matters: size, then signature and timestamp, and only then is the body parsed; a request that
// fails any check is answered 4xx, logged in one line (never its body or headers) and forgotten.

import type { KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { describeError, type Log } from '../log';
import { verifyRequest } from './verify';

export const INTERACTIONS_PATH = '/interactions';
export const HEALTH_PATH = '/healthz';

/**
 * Discord's interactions are small (a message command carries the message, at most a few tens of KB
 * even with embeds); anything near this is not Discord.
 */
export const MAX_BODY_BYTES = 256 * 1024;

/** A parsed, signed interaction: an object with a numeric `type`; everything else is unchecked. */
export type InteractionBody = Record<string, unknown> & { type: number };

/**
 * `body` is the JSON to answer with (an interaction callback such as `{ type: 1 }`); `after`, if any,
 * runs once the response is sent (e.g. editing a deferred reply in), and a graceful stop waits for it.
 */
export interface HandlerResult {
  body: unknown;
  after?: () => Promise<void>;
}
export type InteractionHandler = (interaction: InteractionBody, receivedAt: number) => Promise<HandlerResult>;

export interface InteractionServerOptions {
  publicKey: KeyObject;
  handle: InteractionHandler;
  log: Log;
  /** Milliseconds since the epoch; tests move it to check the timestamp window. */
  clock?: () => number;
}

export interface InteractionServer {
  server: Server;
  /** Stops accepting connections and resolves once every request in flight has been answered. */
  stop(): Promise<void>;
}

/** A request answered with a 4xx status and one log line naming `reason` (never the body). */
export class Refusal {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {}
}

function send(res: ServerResponse, status: number, body: unknown, closing: boolean): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
    // While stopping, no connection is kept open for a next request.
    ...(closing ? { connection: 'close' } : {}),
  });
  res.end(json);
}

/** The raw body; past the cap a 413 Refusal, and the rest is read and dropped, never kept. */
function readBody(req: IncomingMessage): Promise<Buffer> {
  const tooLarge = new Refusal(413, `body over ${MAX_BODY_BYTES} bytes`);
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) return Promise.reject(tooLarge);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Still flowing after the refusal, so the client can finish sending and read the 413.
      if (size > MAX_BODY_BYTES) reject(tooLarge);
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => reject(new Refusal(400, 'request ended before its body')));
    req.on('aborted', () => reject(new Refusal(400, 'request ended before its body')));
  });
}

function parseInteraction(body: Buffer): InteractionBody {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new Refusal(400, 'body is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Refusal(400, 'body is not a JSON object');
  }
  if (typeof (value as { type?: unknown }).type !== 'number') throw new Refusal(400, 'body has no type');
  return value as InteractionBody;
}

/** Only the path, cut short: a query string or a long path could hold anything. */
function describeRequest(req: IncomingMessage): string {
  const path =
    (req.url ?? '/')
      .split('?')[0]
      ?.slice(0, 64)
      .replace(/[^\x21-\x7e]/g, '?') ?? '/';
  return `${req.method ?? '?'} ${path}`;
}

export function createInteractionServer(options: InteractionServerOptions): InteractionServer {
  const { publicKey, handle, log } = options;
  const clock = options.clock ?? Date.now;
  let stopping = false;

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = clock();
    const path = (req.url ?? '/').split('?')[0];
    if (path === HEALTH_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
      // 503 while stopping, so a load balancer stops sending here before the port closes.
      return send(res, stopping ? 503 : 200, { ok: !stopping }, stopping);
    }
    if (path !== INTERACTIONS_PATH) throw new Refusal(404, 'no such path');
    if (req.method !== 'POST') throw new Refusal(405, 'only POST is accepted');
    const signature = req.headers['x-signature-ed25519'];
    const timestamp = req.headers['x-signature-timestamp'];
    // Unsigned requests are refused before their body is read at all.
    if (typeof signature !== 'string' || typeof timestamp !== 'string') {
      throw new Refusal(401, 'missing signature');
    }
    const body = await readBody(req);
    const verdict = verifyRequest(publicKey, signature, timestamp, body, Math.floor(receivedAt / 1000));
    if (!verdict.ok) throw new Refusal(401, verdict.reason);
    const interaction = parseInteraction(body);
    const result = await handle(interaction, receivedAt);
    send(res, 200, result.body, stopping);
    const { after } = result;
    if (after) res.once('finish', () => track(after()));
  }

  // Work that runs after its response (deferred replies): a graceful stop waits for it too.
  const background = new Set<Promise<void>>();
  function track(task: Promise<void>): void {
    const settled = task.catch((error: unknown) => log(`background task failed: ${describeError(error)}`));
    background.add(settled);
    void settled.finally(() => background.delete(settled));
  }

  const server = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      const refusal = error instanceof Refusal ? error : undefined;
      const status = refusal?.status ?? 500;
      const reason = refusal?.reason ?? describeError(error);
      log(`refused ${describeRequest(req)}: ${status} ${reason}`);
      if (!res.headersSent) send(res, status, { message: refusal ? reason : 'internal error' }, stopping);
    });
  });
  // Bounds how long a slow client can hold a request open (Discord sends its requests at once).
  server.requestTimeout = 10_000;
  server.headersTimeout = 10_000;

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= new Promise<void>((resolve) => {
      stopping = true;
      // Stops listening and closes idle keep-alive connections; busy ones close after their response.
      server.close(() => {
        void Promise.all(background).then(() => resolve());
      });
      server.closeIdleConnections();
    });
    return stopped;
  };
  return { server, stop };
}
