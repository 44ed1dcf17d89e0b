// The start-up `npm start` (src/main.ts) and every shard process (src/shard.ts) share: config, corpus,
// the bot, and the signals that stop it or reload its corpus.
import { type Config, ConfigError, loadConfig } from './config';
import { CorpusError } from './corpus/loadCorpus';
import { describeError, type Log } from './discord/log';
import { describeLoginError } from './discord/loginError';
import { type Bot, startBot } from './discord/startBot';
import { buildEngine, type CorpusReloader } from './reload';
import type { AnswerEngine } from './search/engine';

/** Writes one line to stderr (a shard process puts its shard id in front). */
export type WriteLine = (line: string) => void;

export const writeStderr: WriteLine = (line) => process.stderr.write(`${line}\n`);

/** Operator mistakes end the process with one line and no stack trace. */
export function exitWith(write: WriteLine, line: string): never {
  write(line);
  process.exit(1);
}

export function loadConfigOrExit(write: WriteLine): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) exitWith(write, `config: ${error.message}`);
    throw error;
  }
}

export async function loadEngineOrExit(config: Config, log: Log): Promise<AnswerEngine> {
  try {
    return await buildEngine(config.corpusDir, log);
  } catch (error) {
    if (error instanceof CorpusError) {
      log(`corpus: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

/** A stray promise must not take the bot down: log it and go on. */
export function logUnhandledRejections(log: Log): void {
  process.on('unhandledRejection', (reason) => log(`unhandled rejection: ${describeError(reason)}`));
}

export interface RunBotOptions {
  log: Log;
  write: WriteLine;
  reloader: CorpusReloader;
  /** See StartOptions.announceReady. */
  announceReady?: boolean;
  /** Also stop when the parent's IPC channel closes: a shard outlives no sharding manager. */
  stopWithParent?: boolean;
}

/**
 * Logs in and answers until SIGINT or SIGTERM, which close the gateway connection and exit 0. A failed
 * login exits 1 with one line; so does a connection Discord ends for good (e.g. the token was reset).
 */
export async function runBot(config: Config, engine: AnswerEngine, options: RunBotOptions): Promise<void> {
  const { log, write } = options;
  let bot: Bot | undefined;
  let stopping = false;
  const shutdown = (reason: string) => {
    if (stopping) return;
    stopping = true;
    // Still logging in: there is no session to close yet.
    if (!bot) process.exit(0);
    log(`${reason}: closing the connection to Discord`);
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
  if (options.stopWithParent) process.on('disconnect', () => shutdown('the sharding manager is gone'));

  bot = await startBot(config, engine, {
    log,
    announceReady: options.announceReady,
    onFatal: (line) => {
      log(line);
      process.exit(1);
    },
  }).catch((error: unknown) => exitWith(write, describeLoginError(error)));
  const running = bot;
  options.reloader.serve((next) => running.setEngine(next));
}
