import { Client, type ClientOptions, Events, GatewayIntentBits, Options } from 'discord.js';
import { createCommandContext } from '../../commands/dispatch';
import type { Config } from '../config';
import { describeError, type Log } from '../log';
import { plural, pluralNoun } from '../reply/plural';
import type { AnswerEngine } from '../search/engine';
import { handleInteraction } from './interactions';

export interface Bot {
  client: Client<true>;
  /**
   * Answers new interactions from this engine (e.g. after the corpus was reloaded). Interactions
   * already being handled finish with the engine they started with.
   */
  setEngine(engine: AnswerEngine): void;
  /** Closes the gateway connection (close code 1000) and stops the REST queue. */
  stop(): Promise<void>;
}

export interface StartOptions {
  log: Log;
  /** The connection is gone for good after start-up (e.g. the token was reset): the caller should exit. */
  onFatal?: (line: string) => void;
  /** Log "ready as …" (the default). A shard under the ShardingManager leaves that line to the manager. */
  announceReady?: boolean;
}

/** Gateway close codes after which discord.js gives up reconnecting. */
const FATAL_CLOSE_CODES: Readonly<Record<number, string>> = {
  4004: 'Discord rejected the token: check DISCORD_TOKEN (Developer Portal → Bot → Reset Token)',
  4010: 'Discord rejected the shard settings',
  4011: 'the bot is in too many servers for its shards: raise SHARD_COUNT or leave it unset',
  4012: 'Discord rejected the gateway version',
  4013: 'Discord rejected the gateway intents',
  4014: 'the bot asked for an intent it is not allowed',
};

/**
 * Which shards this client runs: those of SHARD_LIST (default all) out of SHARD_COUNT, or else as many
 * as Discord recommends (`'auto'`: one until the bot is in about 1,000 servers). Explicit, so that the
 * Client does not take them from the SHARDS and SHARD_COUNT variables on its own.
 */
export function shardOptions(config: Config): Pick<ClientOptions, 'shards' | 'shardCount'> {
  if (!config.shardCount) return { shards: 'auto' };
  const all = Array.from({ length: config.shardCount }, (_, id) => id);
  return { shards: config.shardList ?? all, shardCount: config.shardCount };
}

function describeShards(client: Client<true>): string {
  const { shards, shardCount } = client.options;
  if (!shardCount || shardCount <= 1 || !Array.isArray(shards)) return '';
  return ` (${pluralNoun(shards.length, 'shard')} ${shards.join(', ')} of ${shardCount})`;
}

/**
 * Logs in with only the Guilds intent (slash commands need nothing else: no message content, no
 * members) and answers interactions until `stop()`. Resolves once the client is ready; rejects when
 * login fails, after the client has been destroyed.
 */
export async function startBot(config: Config, engine: AnswerEngine, options: StartOptions): Promise<Bot> {
  const { log } = options;
  if (!config.token) throw new Error('startBot needs a token (DISCORD_TOKEN)');
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.apiUrl },
    // discord.js keeps every user and member that ever interacted; the bot needs none of them after
    // the reply, so the caches are bounded (the bot's own user is always kept).
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      UserManager: { maxSize: 1000, keepOverLimit: (user) => user.id === user.client.user.id },
      GuildMemberManager: { maxSize: 100, keepOverLimit: (member) => member.id === member.client.user.id },
    }),
    ...shardOptions(config),
  });
  const context = createCommandContext(engine, { cooldownSeconds: config.askCooldownSeconds, log });

  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, context));
  client.on(Events.Error, (error) => log(`discord client error: ${describeError(error)}`));
  client.on(Events.Warn, (message) => log(`discord warning: ${message}`));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(config.token);
  const readyClient = await ready;
  const servers = readyClient.guilds.cache.size;
  if (options.announceReady ?? true) {
    const where = `${plural(servers, 'server')}${describeShards(readyClient)}`;
    log(`ready as ${readyClient.user.tag} in ${where}`);
  }

  client.on(Events.ShardDisconnect, ({ code }) => {
    const reason = FATAL_CLOSE_CODES[code] ?? `Discord closed the connection (code ${code})`;
    options.onFatal?.(`disconnected for good: ${reason}`);
  });

  return {
    client: readyClient,
    setEngine: (next) => {
      // Handlers read `context.engine` once per interaction: one assignment swaps it for the next ones.
      context.engine = next;
    },
    stop: () => client.destroy(),
  };
}
