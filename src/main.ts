// `npm start`: the Discord bot when DISCORD_TOKEN is set, else the local console over the same handlers.
// SIGHUP reloads the corpus in both.
import { createCommandContext } from '../commands/dispatch';
import { runConsole } from './console/runConsole';
import { runBot } from './discord/runBot';
import { createLog } from './log';
import { CorpusReloader } from './runtime/reload';
import { loadConfigOrExit, loadEngineOrExit, logUnhandledRejections, writeStderr } from './runtime/startup';

async function main(): Promise<void> {
  const config = loadConfigOrExit(writeStderr);
  const log = createLog(writeStderr, [config.token]);
  logUnhandledRejections(log);
  // Listening from the start: SIGHUP's default would end the process while it is still loading.
  const reloader = new CorpusReloader(config.corpusDir, log);
  process.on('SIGHUP', () => reloader.request());

  const engine = await loadEngineOrExit(config.corpusDir, log);
  if (config.token) return runBot(config, engine, { log, write: writeStderr, reloader });

  process.stderr.write(
    'Running the local console because DISCORD_TOKEN is not set; set DISCORD_TOKEN in .env or the environment to run the Discord bot.\n',
  );
  // Ctrl-C when input is piped (a terminal's Ctrl-C is handled by the console itself).
  process.on('SIGINT', () => process.exit(0));
  const context = createCommandContext(engine, { cooldownSeconds: 0, log });
  reloader.serve((next) => {
    context.engine = next;
  });
  await runConsole(context, {
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  });
}

await main();
