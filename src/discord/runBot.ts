// The gateway bot as a process runs it: logs in, answers until a signal, and exits with a code that
// says how it ended. Shared by `npm start` (src/main.ts) and every shard process (src/shard.ts).
import type { Config } from '../config';
import { describeError, type Log } from '../log';
import type { CorpusReloader } from '../runtime/reload';
import { exitWith, type WriteLine } from '../runtime/startup';
import type { AnswerEngine } from '../search/engine';
import { describeLoginError } from './loginError';
import { type Bot, startBot } from './startBot';

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

  // Logging in can take a while when Discord is slow or unreachable: say at once what is going on.
  if (options.announceReady ?? true) log('connecting to Discord…');
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
