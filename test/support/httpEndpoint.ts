/**
 * The real `npm run start:http` process (`node --import tsx src/mainHttp.ts`, as the script runs it),
 * from an empty folder so no .env applies, listening on 127.0.0.1 at a port the system picks.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type APIInteractionResponse, InteractionResponseType } from 'discord-api-types/v10';
import type { AutocompleteBody, MessageBody } from './fakeDiscordTypes';
import { cleanEnv, type Spawned, spawnScript, waitFor } from './processes';
import type { Signer } from './signing';

export interface HttpBot extends Spawned {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** http://127.0.0.1:PORT/interactions */
  url: string;
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
  /** Parsed JSON, or the raw text when the body is not JSON: narrow it to read it (see messageOf). */
  body: unknown;
  ms: number;
}

/**
 * The message of a type 4 callback (an answer sent at once), read as Discord would read it; a
 * different status or callback type fails the test by name.
 */
export function messageOf(answer: Answer): MessageBody {
  const body = answer.body as Partial<APIInteractionResponse> | undefined;
  if (
    answer.status !== 200 ||
    body?.type !== InteractionResponseType.ChannelMessageWithSource ||
    !body.data
  ) {
    throw new Error(`expected a message (callback type 4), got ${answer.status} ${JSON.stringify(body)}`);
  }
  return body.data;
}

/** The choices of a type 8 callback (autocomplete). */
export function choicesOfAnswer(answer: Answer): NonNullable<AutocompleteBody['choices']> {
  const body = answer.body as Partial<APIInteractionResponse> | undefined;
  if (body?.type !== InteractionResponseType.ApplicationCommandAutocompleteResult) {
    throw new Error(`expected choices (callback type 8), got ${answer.status} ${JSON.stringify(body)}`);
  }
  return body.data?.choices ?? [];
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
