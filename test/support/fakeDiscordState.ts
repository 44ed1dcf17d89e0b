import type { APIApplicationCommand, APIMessage } from 'discord-api-types/v10';
import type { InteractionRecord } from './fakeDiscordInteraction';
import type { Snowflakes, UserInfo } from './fakeDiscordPayloads';
import type { Fault, RecordedRequest } from './fakeDiscordTypes';

/** The FakeDiscord state the HTTP routes read and write. */
export interface HttpState {
  token: string;
  applicationId: string;
  botUser: UserInfo;
  guildIds: string[];
  shards: number;
  maxConcurrency: number;
  callbackWindowMs: number | undefined;
  gatewayUrl: string;
  requests: RecordedRequest[];
  snowflakes: Snowflakes;
  /** Registered commands by scope: 'global' or a guild id. */
  commands: Map<string, APIApplicationCommand[]>;
  interactions: Map<string, InteractionRecord<unknown>>;
  /** Every message the bot has posted through interactions, latest version, by id. */
  messages: Map<string, APIMessage>;
  takeFault(method: string, path: string): Fault | undefined;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const error = (status: number, message: string, code = 0): Reply => ({
  status,
  body: { message, code },
});
export const NOT_FOUND = error(404, '404: Not Found');
export const UNAUTHORIZED = error(401, '401: Unauthorized');
export const METHOD_NOT_ALLOWED = error(405, '405: Method Not Allowed');
export const MISSING_ACCESS = error(403, 'Missing Access', 50001);
export const UNKNOWN_INTERACTION = error(404, 'Unknown interaction', 10062);
export const UNKNOWN_WEBHOOK = error(404, 'Unknown Webhook', 10015);
export const UNKNOWN_MESSAGE = error(404, 'Unknown Message', 10008);
export const UNKNOWN_COMMAND = error(404, 'Unknown application command', 10063);
export const FAULT_MESSAGES: Record<number, string> = {
  429: 'You are being rate limited.',
  500: '500: Internal Server Error',
};
/** Callback types Discord accepts per interaction type (2 command, 3 component, 4 autocomplete, 5 modal). */
export const ALLOWED_CALLBACKS: Record<number, number[]> = {
  2: [4, 5, 9],
  3: [4, 5, 6, 7, 9],
  4: [8],
  5: [4, 5, 6, 7],
};
