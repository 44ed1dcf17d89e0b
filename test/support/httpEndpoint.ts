/**
 * The real `npm run start:http` process (`node --import tsx src/mainHttp.ts`, as the script runs it),
 * from an empty folder so no .env applies, listening on 127.0.0.1 at a port the system picks.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Spawned, spawnScript, waitFor } from './processes';
import type { Signer } from './signing';

export interface HttpBot extends Spawned {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** http://127.0.0.1:PORT/interactions */
  url: string;
}

/** Without any Discord, corpus, cooldown or listening setting of the machine running the tests. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !/^(DISCORD_|CORPUS_DIR|ASK_COOLDOWN_SECONDS|SHARD|NODE_OPTIONS|HOST$|PORT$|DEFER_AFTER_MS)/.test(
          key,
        ),
    ),
  );
  return { ...inherited, ...extra };
}

export function spawnHttp(env: Record<string, string>): Spawned {
  return spawnScript('src/mainHttp.ts', {
    cwd: mkdtempSync(path.join(tmpdir(), 'askbot-http-')),
    env: cleanEnv({ HOST: '127.0.0.1', PORT: '0', ...env }),
  });
}

/** Starts the endpoint and resolves once it logs "listening on …" (a tsx start can take seconds). */
export async function startHttp(env: Record<string, string>): Promise<HttpBot> {
  const run = spawnHttp(env);
  let url: string | undefined;
  await waitFor(
    () => {
      url = /listening on (http:\/\/127\.0\.0\.1:\d+\/interactions)/.exec(run.stderr())?.[1];
      return url !== undefined || run.child.exitCode !== null;
    },
    45_000,
    () => `"listening on" (stderr: ${run.stderr()})`,
  );
  if (!url) throw new Error(`start:http exited: ${run.stderr()}`);
  return { ...run, url, origin: new URL(url).origin };
}

export interface Answer {
  status: number;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are arbitrary JSON; tests narrow them.
  body: any;
  ms: number;
}

/** POSTs `body` as it is (string or bytes) with `headers`, and reads the answer. */
export async function post(url: string, body: string | Buffer, headers: Record<string, string> = {}) {
  const start = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, body: parsed, ms: performance.now() - start } as Answer;
}

/** POSTs `payload` signed by `signer`, as Discord would. */
export function postSigned(url: string, signer: Signer, payload: unknown): Promise<Answer> {
  const body = JSON.stringify(payload);
  return post(url, body, signer.headers(body));
}
