import { Client, Events, GatewayIntentBits } from 'discord.js';
import { createCommandContext } from '../../commands/dispatch';
import type { Config } from '../config';
import type { AnswerEngine } from '../search/engine';
import { handleInteraction } from './interactions';
import { describeError, type Log } from './log';

export interface Bot {
  client: Client<true>;
  /** Closes the gateway connection (close code 1000) and stops the REST queue. */
  stop(): Promise<void>;
}

export interface StartOptions {
  log: Log;
  /** The connection is gone for good after start-up (e.g. the token was reset): the caller should exit. */
  onFatal?: (line: string) => void;
}

/** Gateway close codes after which discord.js gives up reconnecting. */
const FATAL_CLOSE_CODES: Readonly<Record<number, string>> = {
  4004: 'Discord rejected the token: check DISCORD_TOKEN (Developer Portal → Bot → Reset Token)',
  4010: 'Discord rejected the shard settings',
  4011: 'the bot is in too many servers for one connection: it needs sharding',
  4012: 'Discord rejected the gateway version',
  4013: 'Discord rejected the gateway intents',
  4014: 'the bot asked for an intent it is not allowed',
};

/**
 * Logs in with only the Guilds intent (slash commands need nothing else: no message content, no
 * members) and answers interactions until `stop()`. Resolves once the client is ready; rejects when
 * login fails, after the client has been destroyed.
 */
export async function startBot(config: Config, engine: AnswerEngine, options: StartOptions): Promise<Bot> {
  const { log } = options;
  if (!config.token) throw new Error('startBot needs a token (DISCORD_TOKEN)');
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: config.apiUrl } });
  const context = createCommandContext(engine, { cooldownSeconds: config.askCooldownSeconds, log });

  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, context));
  client.on(Events.Error, (error) => log(`discord client error: ${describeError(error)}`));
  client.on(Events.Warn, (message) => log(`discord warning: ${message}`));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(config.token);
  const readyClient = await ready;
  const servers = readyClient.guilds.cache.size;
  log(`ready as ${readyClient.user.tag} in ${servers} server${servers === 1 ? '' : 's'}`);

  client.on(Events.ShardDisconnect, ({ code }) => {
    const reason = FATAL_CLOSE_CODES[code] ?? `Discord closed the connection (code ${code})`;
    options.onFatal?.(`disconnected for good: ${reason}`);
  });

  return { client: readyClient, stop: () => client.destroy() };
}
