// `npm start`: the Discord bot when DISCORD_TOKEN is set, else the local console over the same handlers.
// SIGHUP reloads the corpus in both.
import { createCommandContext } from '../commands/dispatch';
import { createConsole } from './console/runConsole';
import { runBot } from './discord/runBot';
import { createLog } from './log';
import { CorpusReloader } from './runtime/reload';
import {
  loadConfigOrExit,
  loadEngineOrExit,
  logUnhandledRejections,
  type WriteLine,
  writeStderr,
} from './runtime/startup';

async function main(): Promise<void> {
  const config = loadConfigOrExit(writeStderr);
  // Where log lines go: stderr, until the console takes over the terminal (so they do not land after its prompt).
  let writeLine: WriteLine = writeStderr;
  const log = createLog((line) => writeLine(line), [config.token]);
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
  const session = createConsole(context, {
    input: process.stdin,
    output: process.stdout,
    errors: process.stderr,
    interactive: Boolean(process.stdin.isTTY),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  });
  writeLine = session.writeLogLine;
  await session.run();
}

await main();
