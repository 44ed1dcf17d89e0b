// One shard process of `npm run start:sharded`, forked by discord.js's ShardingManager
// (src/discord/shardManager.ts): the same start-up as `npm start`, for the one shard the manager put in
// SHARD_LIST out of SHARD_COUNT. Its lines go to the shared stderr with the shard id in front.
import { runBot } from './discord/runBot';
import { createLog } from './log';
import { CorpusReloader, isReloadMessage } from './runtime/reload';
import {
  exitWith,
  loadConfigOrExit,
  loadEngineOrExit,
  logUnhandledRejections,
  type WriteLine,
} from './runtime/startup';

const write: WriteLine = (line) => process.stderr.write(`shard ${process.env.SHARD_LIST ?? '?'}: ${line}\n`);

const config = loadConfigOrExit(write);
// discord.js's ShardingManager sets SHARDING_MANAGER in the environment of the processes it forks.
if (!process.env.SHARDING_MANAGER || !config.token || config.shardList?.length !== 1) {
  exitWith(write, 'src/shard.ts runs under the sharding manager: start the bot with npm run start:sharded');
}
const log = createLog(write, [config.token]);
logUnhandledRejections(log);

const reloader = new CorpusReloader(config.corpusDir, log);
// The manager forwards its SIGHUP as a message: a signal could end a shard still loading (SIGHUP's default).
process.on('message', (message) => {
  if (isReloadMessage(message)) reloader.request();
});
process.on('SIGHUP', () => reloader.request());

const engine = await loadEngineOrExit(config.corpusDir, log);
// The manager logs each shard's ready line, so the shard does not.
await runBot(config, engine, { log, write, reloader, announceReady: false, stopWithParent: true });
