/**
 * The stand-in playing Discord for an HTTP interactions endpoint: each interaction is signed with the
 * application's key and POSTed to the endpoint; the response body is taken as the interaction callback
 * and checked like one (callback types, message limits, the 3 s window when enforced). Deferred replies
 * then reach the stand-in's webhook routes as they would reach Discord's.
 */
import type { InteractionRecord } from './fakeDiscordInteraction';
import { callback } from './fakeDiscordResponses';
import type { HttpState } from './fakeDiscordState';
import type { Signer } from './signing';

export interface Endpoint {
  url: string;
  signer: Signer;
}

export async function postInteraction(
  state: HttpState,
  rec: InteractionRecord<unknown>,
  endpoint: Endpoint,
): Promise<void> {
  const body = JSON.stringify(rec.payload);
  try {
    const response = await fetch(endpoint.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...endpoint.signer.headers(body) },
      body,
    });
    rec.endpointStatus = response.status;
    const text = await response.text();
    if (response.status !== 200) {
      rec.endpointError = `endpoint answered ${response.status}: ${text.slice(0, 200)}`;
      return;
    }
    const checked = callback(state, rec.id, rec.token, JSON.parse(text), new URLSearchParams());
    if (checked.status >= 400) rec.endpointError = `callback refused: ${JSON.stringify(checked.body)}`;
  } catch (error) {
    rec.endpointError = `could not reach the endpoint: ${String(error)}`;
  }
}
