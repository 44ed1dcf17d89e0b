// `npm run deploy`: registers the slash commands with Discord. Run it when the command definitions
// change, not at every start (Discord allows 200 command creations a day per server).
import { REST, Routes } from 'discord.js';
import { commands } from '../../commands';
import { ConfigError, loadConfig } from '../config';
import { describeLoginError, isDiscordAnswer, isTokenRejected } from '../discord/loginError';

function fail(line: string): never {
  process.stderr.write(`deploy: ${line}\n`);
  process.exit(1);
}

async function deploy(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`config: ${error.message}`);
    throw error;
  }
  if (!config.token) fail('DISCORD_TOKEN is not set: put the bot token in .env (Developer Portal → Bot)');
  if (!config.clientId) {
    fail(
      'DISCORD_CLIENT_ID is not set: put the application id in .env (Developer Portal → General Information)',
    );
  }

  const rest = new REST({ api: config.apiUrl }).setToken(config.token);
  const body = commands.map((command) => command.data);
  // Server commands appear at once (use them while developing); global ones reach every server.
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.clientId, config.guildId)
    : Routes.applicationCommands(config.clientId);
  try {
    const registered = (await rest.put(route, { body })) as { name: string }[];
    const names = registered.map((command) => `/${command.name}`).join(', ');
    const where = config.guildId ? `in server ${config.guildId}` : 'globally';
    process.stdout.write(`deploy: registered ${registered.length} commands ${where}: ${names}\n`);
  } catch (error) {
    if (isTokenRejected(error)) fail('Discord rejected the token: check DISCORD_TOKEN');
    // No answer at all reads like the network's fault, not like a refusal of the commands or the token.
    const line = isDiscordAnswer(error)
      ? `Discord refused the commands: ${error instanceof Error ? error.message : String(error)}`
      : describeLoginError(error);
    fail(line.replaceAll(config.token, '[redacted]'));
  }
}

await deploy();
