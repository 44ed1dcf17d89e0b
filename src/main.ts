// `npm start`: the Discord bot when DISCORD_TOKEN is set, else the local console over the same handlers.
import { createCommandContext } from '../commands/dispatch';
import { type Config, ConfigError, loadConfig } from './config';
import { runConsole } from './console/runConsole';
import { CorpusError, loadCorpus } from './corpus/loadCorpus';
import { createLog, describeError, type Log } from './discord/log';
import { describeLoginError } from './discord/loginError';
import { type Bot, startBot } from './discord/startBot';
import { AnswerEngine } from './search/engine';

/** Operator mistakes end the process with one line and no stack trace. */
function exitWith(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

async function loadEngine(config: Config): Promise<AnswerEngine> {
  try {
    return AnswerEngine.build(await loadCorpus(config.corpusDir));
  } catch (error) {
    if (error instanceof CorpusError) exitWith(`corpus: ${error.message}`);
    throw error;
  }
}

async function runBot(config: Config, engine: AnswerEngine, log: Log): Promise<void> {
  let bot: Bot | undefined;
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Still logging in: there is no session to close yet.
    if (!bot) process.exit(0);
    log(`${signal}: closing the connection to Discord`);
    // Closing with code 1000 tells Discord the bot left on purpose (it goes offline at once).
    bot.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`could not close cleanly: ${describeError(error)}`);
        process.exit(0);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  bot = await startBot(config, engine, {
    log,
    onFatal: (line) => {
      log(line);
      process.exit(1);
    },
  }).catch((error: unknown) => exitWith(describeLoginError(error)));
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) exitWith(`config: ${error.message}`);
    throw error;
  }
  const log = createLog((line) => process.stderr.write(`${line}\n`), [config.token]);
  // A stray promise must not take the bot down: log it and go on.
  process.on('unhandledRejection', (reason) => log(`unhandled rejection: ${describeError(reason)}`));

  const engine = await loadEngine(config);
  if (config.token) return runBot(config, engine, log);

  process.stderr.write(
    'Running the local console because DISCORD_TOKEN is not set; set DISCORD_TOKEN in .env or the environment to run the Discord bot.\n',
  );
  // Ctrl-C when input is piped (a terminal's Ctrl-C is handled by the console itself).
  process.on('SIGINT', () => process.exit(0));
  const context = createCommandContext(engine, { cooldownSeconds: 0, log });
  await runConsole(context, {
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  });
}

await main();
