import type { IncomingHttpHeaders } from 'node:http';
import type {
  APICommandAutocompleteInteractionResponseCallbackData,
  APIInteraction,
  APIInteractionResponseCallbackData,
  ApplicationCommandOptionType,
  InteractionResponseType,
  RESTPatchAPIWebhookWithTokenMessageJSONBody,
  RESTPostAPIWebhookWithTokenJSONBody,
} from 'discord-api-types/v10';

/**
 * A message as the bot sent it (a type 4 or 7 callback's data, a follow-up, an edit): read as Discord's
 * callback data, which all of them are a form of. The bot's JSON is only this shape once validated.
 */
export type MessageBody = APIInteractionResponseCallbackData;

/** What autocomplete answers with (callback type 8). */
export type AutocompleteBody = APICommandAutocompleteInteractionResponseCallbackData;

export interface FakeDiscordOptions {
  /** The token the fake accepts, default 'test-token'; anything else → 401 on REST, close 4004 on IDENTIFY. */
  token?: string;
  /** Default '1000000000000000001'. */
  applicationId?: string;
  /** Default { id: applicationId, username: 'AskBot' }. */
  botUser?: { id: string; username: string };
  /** Guilds in READY (each sent as GUILD_CREATE after READY), default ['2000000000000000001']. */
  guildIds?: string[];
  /** Value of `shards` in /gateway/bot, default 1. */
  shards?: number;
  /**
   * `session_start_limit.max_concurrency` in /gateway/bot. Default: `shards`, so a sharded client
   * identifies every shard at once (with 1, @discordjs/ws waits 5 s between shard identifies).
   */
  maxConcurrency?: number;
  /**
   * If set, an interaction callback arriving later than this many ms after dispatch answers 404
   * code 10062 like Discord's 3 s window. Default: not enforced (use `failNextCallback` instead).
   */
  callbackWindowMs?: number;
}

export interface RecordedRequest {
  method: string;
  /** Decoded path including the /api/v10 prefix, without the query, e.g. /api/v10/webhooks/1/tok/messages/@original. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /**
   * Parsed JSON body (for multipart requests: the parsed `payload_json`), undefined when empty; the text
   * when it is not JSON. Whatever the client sent: narrow it to the route's body type to read it.
   */
  body: unknown;
  /** Names of files sent as multipart parts, if any. */
  files: string[];
  /** The status the fake answered with (0 while the request is still being handled). */
  status: number;
}

export interface Fault {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FaultMatcher {
  method?: string;
  /** Matched against the decoded path (see RecordedRequest.path). A string must be contained in it. */
  path: string | RegExp;
}

export interface IdentifyRecord {
  token: string;
  shard?: [number, number];
  intents: number;
}

export interface CommandOption {
  name: string;
  type: ApplicationCommandOptionType;
  value: string | number | boolean;
}

export interface SendCommandInput {
  name: string;
  options?: CommandOption[];
  userId?: string;
  guildId?: string;
  channelId?: string;
}

export interface SendAutocompleteInput {
  name: string;
  /** Name of the option the user is typing in; it gets `focused: true`. */
  focused: string;
  options: CommandOption[];
  userId?: string;
  guildId?: string;
  channelId?: string;
}

export interface SendButtonInput {
  customId: string;
  userId?: string;
  guildId?: string;
  channelId?: string;
  /**
   * The message the button is on. Default: the latest message the bot sent through the fake that has a
   * component with this custom_id, else a synthesized bot message with one such button. A partial object is
   * merged over that default.
   */
  message?: unknown;
}

export interface InteractionResponseRecord<Data = MessageBody> {
  /** 4 message, 5 deferred, 6 deferred update, 7 update, 8 autocomplete result, 9 modal. */
  type: InteractionResponseType;
  /** The callback's data; `{}` when it had none (a defer without flags). */
  data: Data;
  elapsedMs: number;
}

export interface FinalMessageRecord {
  data: MessageBody;
  elapsedMs: number;
}

/** A dispatched interaction, as a test holds it. `Data`: what its callback carries (a message, or choices). */
export interface FakeInteraction<Data = MessageBody> {
  id: string;
  token: string;
  /** The INTERACTION_CREATE `d` payload that was dispatched. */
  readonly payload: APIInteraction;
  /** Resolves with the first accepted interaction callback body and the ms from dispatch to callback. */
  response(timeoutMs?: number): Promise<InteractionResponseRecord<Data>>;
  /** For type 4/7 the callback data; for 5/6 the body of the first PATCH .../messages/@original. */
  finalMessage(timeoutMs?: number): Promise<FinalMessageRecord>;
  /** Bodies of follow-up POSTs to /webhooks/{app}/{token}. */
  readonly followUps: RESTPostAPIWebhookWithTokenJSONBody[];
  /** Bodies of every PATCH /webhooks/{app}/{token}/messages/{@original|id}. */
  readonly edits: RESTPatchAPIWebhookWithTokenMessageJSONBody[];
}
