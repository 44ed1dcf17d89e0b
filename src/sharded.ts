// `npm run start:sharded`: discord.js's ShardingManager runs one process per shard (src/shard.ts, each
// the same start-up as `npm start`). How many: SHARD_COUNT, else as many as Discord recommends; which of
// them on this host: SHARD_LIST, else all. SIGINT and SIGTERM stop every shard (each closes its
// connection with 1000) and then the manager, with 0; SIGHUP makes every shard reload the corpus.
import { fileURLToPath } from 'node:url';
import { CorpusError, loadCorpus } from './corpus/loadCorpus';
import { describeLoginError } from './discord/loginError';
import { ShardFleet, ShardStartError } from './discord/shardManager';
import { createLog, describeError } from './log';
import { exitWith, loadConfigOrExit, logUnhandledRejections, writeStderr } from './runtime/startup';

const config = loadConfigOrExit(writeStderr);
if (!config.token) {
  exitWith(
    writeStderr,
    'config: DISCORD_TOKEN is not set: the sharded bot needs it (npm start without a token runs the local console)',
  );
}
const log = createLog(writeStderr, [config.token]);
logUnhandledRejections(log);

let exiting = false;
function stopAndExit(signal: NodeJS.Signals, code: number, reason: string = signal): void {
  if (exiting) return;
  exiting = true;
  fleet.stop(signal, reason).then(
    () => process.exit(code),
    (error: unknown) => {
      log(`could not stop every shard: ${describeError(error)}`);
      process.exit(code || 1);
    },
  );
}

const fleet = new ShardFleet({
  config,
  log,
  file: fileURLToPath(new URL('./shard.ts', import.meta.url)),
  // Shard processes run TypeScript too; resolved here, so it works from any working directory.
  execArgv: ['--import', import.meta.resolve('tsx')],
  onFatal: (line) => {
    log(line);
    stopAndExit('SIGTERM', 1, 'giving up');
  },
});
process.on('SIGINT', () => stopAndExit('SIGINT', 0));
process.on('SIGTERM', () => stopAndExit('SIGTERM', 0));
// Listening before anything slow: SIGHUP's default would end the manager.
process.on('SIGHUP', () => fleet.reload());

// Checked once here, so a broken corpus is one line rather than one per shard.
try {
  await loadCorpus(config.corpusDir, { onWarning: () => {} });
} catch (error) {
  if (error instanceof CorpusError) exitWith(writeStderr, `corpus: ${error.message}`);
  throw error;
}

try {
  log('connecting to Discord…');
  await fleet.start();
} catch (error) {
  // A refused token is found before any shard is spawned: one line, as with `npm start`.
  log(error instanceof ShardStartError ? error.message : describeLoginError(error));
  stopAndExit('SIGTERM', 1, 'giving up');
}
