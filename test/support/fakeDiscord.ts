/**
 * A loopback Discord stand-in: an HTTP server (REST API v10) plus a WebSocket gateway on 127.0.0.1
 * that an unmodified discord.js 14 Client logs in to: the endpoints, gateway opcodes and dispatches
 * such a Client needs, and the faults Discord can answer with (5xx, 429, 10062, gateway close codes).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type APIInteraction,
  type APIMessage,
  ApplicationCommandType,
  ButtonStyle,
  ComponentType,
  GatewayDispatchEvents,
  InteractionContextType,
  InteractionType,
  Locale,
} from 'discord-api-types/v10';
import { FakeGateway } from './fakeDiscordGateway';
import { createHttpHandler } from './fakeDiscordHttp';
import { InteractionRecord } from './fakeDiscordInteraction';
import {
  ALL_PERMISSIONS,
  channelPayload,
  guildPayload,
  hasCustomId,
  memberPayload,
  messagePayload,
  Snowflakes,
  userPayload,
} from './fakeDiscordPayloads';
import type { HttpState } from './fakeDiscordState';
import type {
  AutocompleteBody,
  FakeDiscordOptions,
  FakeInteraction,
  Fault,
  FaultMatcher,
  IdentifyRecord,
  MessageBody,
  RecordedRequest,
  SendAutocompleteInput,
  SendButtonInput,
  SendCommandInput,
} from './fakeDiscordTypes';

export type * from './fakeDiscordTypes';

export const DEFAULT_USER_ID = '3000000000000000001';
const CALLBACK_PATH = /^\/api\/v10\/interactions\/[^/]+\/[^/]+\/callback$/;

export class FakeDiscord {
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly applicationId: string;
  readonly token: string;
  readonly botUser: { id: string; username: string };
  readonly guildIds: string[];
  /** Every HTTP request received, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  private readonly gateway: FakeGateway;
  private readonly state: HttpState;
  private readonly snowflakes = new Snowflakes();
  private readonly channelIds = new Map<string, string>();
  private readonly faults: Array<{ match: FaultMatcher; fault: Fault }> = [];
  private closed: Promise<void> | undefined;

  private constructor(
    private readonly server: Server,
    port: number,
    options: FakeDiscordOptions,
  ) {
    this.apiUrl = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}`;
    this.token = options.token ?? 'test-token';
    this.applicationId = options.applicationId ?? '1000000000000000001';
    this.botUser = options.botUser ?? { id: this.applicationId, username: 'AskBot' };
    this.guildIds = options.guildIds ?? ['2000000000000000001'];
    for (const guildId of this.guildIds) this.channelIds.set(guildId, this.snowflakes.next());
    const shards = options.shards ?? 1;
    this.state = {
      token: this.token,
      applicationId: this.applicationId,
      botUser: this.botUser,
      guildIds: this.guildIds,
      shards,
      maxConcurrency: options.maxConcurrency ?? shards,
      callbackWindowMs: options.callbackWindowMs,
      gatewayUrl: this.gatewayUrl,
      requests: this.requests,
      snowflakes: this.snowflakes,
      commands: new Map(),
      interactions: new Map(),
      messages: new Map(),
      takeFault: (method, path) => this.takeFault(method, path),
    };
    server.on('request', createHttpHandler(this.state));
    this.gateway = new FakeGateway(server, {
      token: this.token,
      applicationId: this.applicationId,
      botUser: this.botUser,
      guildIds: this.guildIds,
      wsUrl: () => this.gatewayUrl,
      guildCreate: (guildId) =>
        guildPayload(guildId, this.textChannelId(guildId), this.botUser, this.guildIds.indexOf(guildId)),
    });
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return new FakeDiscord(server, (server.address() as AddressInfo).port, options);
  }

  /** Every IDENTIFY received (also rejected ones), with its `shard`. */
  get identifies(): IdentifyRecord[] {
    return this.gateway.identifies;
  }

  /** Every accepted RESUME (op 6): the session and the sequence the client resumed from. */
  get resumes(): Array<{ sessionId: string; seq: number }> {
    return this.gateway.resumes;
  }

  /** Close codes of client-initiated closes (e.g. 1000 after client.destroy()). */
  get clientCloseCodes(): number[] {
    return this.gateway.clientCloseCodes;
  }

  /** The id of the guild's only (text) channel. */
  textChannelId(guildId = this.defaultGuildId()): string {
    const id = this.channelIds.get(guildId);
    if (!id) throw new Error(`FakeDiscord: unknown guild ${guildId}`);
    return id;
  }

  /** Resolves once `count` sessions in total have identified and been sent READY. */
  waitForReady(count = 1, timeoutMs = 5000): Promise<void> {
    return this.gateway.waitForReady(count, timeoutMs);
  }

  /** Resolves with the next client close code not returned by an earlier call (immediately if one is pending). */
  waitForClientClose(timeoutMs = 2000): Promise<number> {
    return this.gateway.waitForClientClose(timeoutMs);
  }

  /** The stored APIApplicationCommand objects, global or for one guild. */
  registeredCommands(guildId?: string): unknown[] {
    return structuredClone(this.state.commands.get(guildId ?? 'global') ?? []);
  }

  sendCommand(input: SendCommandInput): FakeInteraction {
    const guildId = input.guildId ?? this.defaultGuildId();
    const data = {
      ...this.commandData(input.name, guildId),
      ...(input.options?.length ? { options: input.options } : {}),
    };
    return this.dispatchInteraction(InteractionType.ApplicationCommand, guildId, input, data);
  }

  sendAutocomplete(input: SendAutocompleteInput): FakeInteraction<AutocompleteBody> {
    const guildId = input.guildId ?? this.defaultGuildId();
    if (!input.options.some((o) => o.name === input.focused)) {
      throw new Error(`FakeDiscord: focused option ${input.focused} is not among the options`);
    }
    const options = input.options.map((o) => (o.name === input.focused ? { ...o, focused: true } : o));
    const data = { ...this.commandData(input.name, guildId), options };
    return this.dispatchInteraction<AutocompleteBody>(
      InteractionType.ApplicationCommandAutocomplete,
      guildId,
      input,
      data,
    );
  }

  sendButton(input: SendButtonInput): FakeInteraction {
    const guildId = input.guildId ?? this.defaultGuildId();
    const channelId = input.channelId ?? this.textChannelId(guildId);
    const sent = [...this.state.messages.values()].findLast(
      (m) => m.channel_id === channelId && hasCustomId(m.components, input.customId),
    );
    const base =
      sent ??
      messagePayload(
        {
          id: this.snowflakes.next(),
          channelId,
          guildId,
          applicationId: this.applicationId,
          author: userPayload(this.botUser, true),
        },
        {
          components: [
            {
              type: ComponentType.ActionRow,
              components: [
                {
                  type: ComponentType.Button,
                  style: ButtonStyle.Primary,
                  label: input.customId,
                  custom_id: input.customId,
                },
              ],
            },
          ],
        },
      );
    // A test may override any part of the message, right or wrong: it is sent as it is.
    const message = { ...base, ...(input.message as Partial<APIMessage>) };
    this.state.messages.set(message.id, message);
    const rec = this.dispatchInteraction(
      InteractionType.MessageComponent,
      guildId,
      input,
      { custom_id: input.customId, component_type: ComponentType.Button },
      {
        message,
      },
    );
    rec.original = message;
    return rec;
  }

  /** The next interaction callback answers with this fault instead (faults queue up, one per request). */
  failNextCallback(fault: Fault): void {
    this.failNext({ method: 'POST', path: CALLBACK_PATH }, fault);
  }

  /** The next request matching `match` answers with this fault instead of being handled. */
  failNext(match: FaultMatcher, fault: Fault): void {
    this.faults.push({ match, fault });
  }

  /** Close every gateway socket with `code` (4000: discord.js resumes; 4004: fatal). */
  closeGateway(code: number): void {
    this.gateway.closeAll(code);
  }

  /** Terminate every gateway socket without a close frame (the client sees 1006 and resumes). */
  dropGatewayConnections(): void {
    this.gateway.dropAll();
  }

  close(): Promise<void> {
    this.closed ??= (async () => {
      await this.gateway.close();
      this.server.closeAllConnections();
      await new Promise<void>((resolve) => this.server.close(() => resolve()));
    })();
    return this.closed;
  }

  private defaultGuildId(): string {
    const guildId = this.guildIds[0];
    if (!guildId) throw new Error('FakeDiscord: no guilds configured; pass guildId');
    return guildId;
  }

  /** `data` of a chat input command: the registered command's id (guild first, then global) or a fresh one. */
  private commandData(name: string, guildId: string) {
    const find = (scope: string) =>
      (this.state.commands.get(scope) ?? []).find(
        (c) => c.name === name && c.type === ApplicationCommandType.ChatInput,
      );
    const guildCommand = find(guildId);
    const id = guildCommand?.id ?? find('global')?.id ?? this.snowflakes.next();
    return {
      id,
      name,
      type: ApplicationCommandType.ChatInput,
      ...(guildCommand ? { guild_id: guildId } : {}),
    };
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const index = this.faults.findIndex(
      ({ match }) =>
        (!match.method || match.method.toUpperCase() === method) &&
        (typeof match.path === 'string' ? path.includes(match.path) : match.path.test(path)),
    );
    return index < 0 ? undefined : this.faults.splice(index, 1)[0]?.fault;
  }

  private dispatchInteraction<Data = MessageBody>(
    type: InteractionType,
    guildId: string,
    input: { userId?: string; channelId?: string },
    data: object,
    extra: object = {},
  ): InteractionRecord<Data> {
    if (!this.guildIds.includes(guildId)) throw new Error(`FakeDiscord: unknown guild ${guildId}`);
    const id = this.snowflakes.next();
    const token = `aW50ZXJhY3Rpb246${id}${randomBytes(48).toString('base64url')}`;
    const channelId = input.channelId ?? this.textChannelId(guildId);
    const userId = input.userId ?? DEFAULT_USER_ID;
    const user = userPayload({
      id: userId,
      username: userId === DEFAULT_USER_ID ? 'tester' : `user${userId.slice(-4)}`,
    });
    const payload = {
      id,
      application_id: this.applicationId,
      type,
      token,
      version: 1,
      guild_id: guildId,
      guild: { id: guildId, locale: Locale.EnglishUS, features: [] },
      channel_id: channelId,
      channel: channelPayload(channelId, guildId),
      member: { ...memberPayload(user, new Date(0).toISOString()), permissions: ALL_PERMISSIONS },
      data,
      locale: Locale.EnglishUS,
      guild_locale: Locale.EnglishUS,
      app_permissions: ALL_PERMISSIONS,
      entitlements: [],
      authorizing_integration_owners: { '0': guildId },
      context: InteractionContextType.Guild,
      attachment_size_limit: 8388608,
      ...extra,
    };
    // Assembled field by field for whichever interaction type: as Discord sends it, not as one literal type.
    const rec = new InteractionRecord<Data>(id, token, payload as APIInteraction);
    this.gateway.dispatchToGuild(guildId, GatewayDispatchEvents.InteractionCreate, payload);
    this.state.interactions.set(id, rec);
    return rec;
  }
}
