import type { IncomingMessage, ServerResponse } from 'node:http';
import { commands } from './fakeDiscordCommands';
import { userPayload } from './fakeDiscordPayloads';
import { callback, webhook } from './fakeDiscordResponses';
import {
  FAULT_MESSAGES,
  type HttpState,
  METHOD_NOT_ALLOWED,
  MISSING_ACCESS,
  NOT_FOUND,
  type Reply,
  UNAUTHORIZED,
} from './fakeDiscordState';
import type { RecordedRequest } from './fakeDiscordTypes';

/** The request handler of the fake's HTTP server: records every request, injects faults, routes /api/v10. */
export function createHttpHandler(state: HttpState): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(state, req, res).catch((err: unknown) =>
      send(res, { status: 500, body: { message: String(err), code: 0 } }),
    );
  };
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent) return;
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.status === 204 || reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  headers['content-type'] ??= 'application/json';
  res.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
}

async function readBody(req: IncomingMessage): Promise<{ body: unknown; files: string[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { body: undefined, files: [] };
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://fake.invalid/', {
      method: 'POST',
      headers: { 'content-type': type },
      body: raw,
    }).formData();
    const json = form.get('payload_json');
    const files = [...form.values()].flatMap((v) => (typeof v === 'string' ? [] : [v.name]));
    return { body: typeof json === 'string' ? JSON.parse(json) : undefined, files };
  }
  const text = raw.toString('utf8');
  try {
    return { body: JSON.parse(text), files: [] };
  } catch {
    return { body: text, files: [] };
  }
}

async function handle(state: HttpState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const segments = url.pathname
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  const method = (req.method ?? 'GET').toUpperCase();
  const record: RecordedRequest = {
    method,
    path: `/${segments.join('/')}`,
    query: Object.fromEntries(url.searchParams),
    headers: req.headers,
    body: undefined,
    files: [],
    status: 0,
  };
  state.requests.push(record);
  Object.assign(record, await readBody(req));
  const fault = state.takeFault(method, record.path);
  let reply: Reply;
  if (fault) {
    const message = FAULT_MESSAGES[fault.status] ?? `${fault.status}: Injected fault`;
    const retryHeader = Object.entries(fault.headers ?? {}).find(([k]) => k.toLowerCase() === 'retry-after');
    const retryAfter = Number(retryHeader?.[1] ?? 0);
    const body =
      fault.body ??
      (fault.status === 429 ? { message, retry_after: retryAfter, global: false } : { message, code: 0 });
    reply = { status: fault.status, body, ...(fault.headers ? { headers: fault.headers } : {}) };
  } else if (segments[0] !== 'api' || segments[1] !== 'v10') {
    reply = NOT_FOUND;
  } else {
    const authorized = req.headers.authorization === `Bot ${state.token}`;
    reply = route(state, method, segments.slice(2), record.body, url.searchParams, authorized);
  }
  record.status = reply.status;
  send(res, reply);
}

function route(
  state: HttpState,
  method: string,
  path: string[],
  body: unknown,
  query: URLSearchParams,
  authorized: boolean,
): Reply {
  const [root, a, b, c, d, e] = path;
  // Token-in-path routes: Discord (and discord.js) send no Authorization header for these.
  if (root === 'interactions' && path.length === 4 && c === 'callback') {
    return method === 'POST' ? callback(state, a ?? '', b ?? '', body, query) : METHOD_NOT_ALLOWED;
  }
  if (root === 'webhooks' && (path.length === 3 || (path.length === 5 && c === 'messages'))) {
    return webhook(state, method, a ?? '', b ?? '', d, body);
  }
  if (root === 'gateway' && path.length === 1) {
    // Public on Discord too.
    return method === 'GET' ? { status: 200, body: { url: state.gatewayUrl } } : METHOD_NOT_ALLOWED;
  }
  if (!authorized) return UNAUTHORIZED;
  if (root === 'gateway' && a === 'bot' && path.length === 2) {
    if (method !== 'GET') return METHOD_NOT_ALLOWED;
    const limit = { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: state.maxConcurrency };
    return { status: 200, body: { url: state.gatewayUrl, shards: state.shards, session_start_limit: limit } };
  }
  if (root === 'users' && a === '@me' && path.length === 2) {
    return method === 'GET'
      ? { status: 200, body: { ...userPayload(state.botUser, true), verified: true, mfa_enabled: false } }
      : METHOD_NOT_ALLOWED;
  }
  if (root === 'applications' && a === '@me' && path.length === 2) {
    if (method !== 'GET') return METHOD_NOT_ALLOWED;
    const bot = userPayload(state.botUser, true);
    const app = {
      id: state.applicationId,
      name: state.botUser.username,
      icon: null,
      description: '',
      bot,
      owner: bot,
    };
    const extra = {
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: '0'.repeat(64),
      team: null,
      flags: 0,
    };
    return { status: 200, body: { ...app, ...extra, summary: '', tags: [], install_params: null } };
  }
  if (root === 'applications' && b === 'commands' && path.length <= 4) {
    return commands(state, method, a, 'global', c, body);
  }
  if (root === 'applications' && b === 'guilds' && d === 'commands' && path.length <= 6) {
    if (!c || !state.guildIds.includes(c)) return MISSING_ACCESS;
    return commands(state, method, a, c, e, body);
  }
  return NOT_FOUND;
}
