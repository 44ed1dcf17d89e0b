// `npm run start:http`: answers Discord's interactions over HTTP (the Interactions Endpoint URL)
// instead of a gateway connection. SIGTERM/SIGINT stop accepting, finish what is in flight, exit 0;
// SIGHUP reloads the corpus.
import { createCommandContext } from '../commands/dispatch';
import { Webhooks } from './http/deferred';
import { createInteractionHandler } from './http/handler';
import { endpointUrl, ListenError, listen } from './http/listen';
import { createInteractionServer, INTERACTIONS_PATH } from './http/server';
import { publicKeyFromHex } from './http/verify';
import { createLog, describeError } from './log';
import { CorpusReloader } from './runtime/reload';
import {
  exitWith,
  loadConfigOrExit,
  loadEngineOrExit,
  logUnhandledRejections,
  writeStderr,
} from './runtime/startup';

/** Past this, a stop gives up waiting for slow requests and exits anyway. */
const STOP_DEADLINE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfigOrExit(writeStderr);
  if (!config.publicKey) {
    exitWith(
      writeStderr,
      'config: DISCORD_PUBLIC_KEY is not set: copy the Public Key from the Developer Portal (General Information) into .env',
    );
  }
  // The token is not needed here, but the same .env may hold it for `npm run deploy`.
  const log = createLog(writeStderr, [config.token]);
  logUnhandledRejections(log);
  let stop: (() => Promise<void>) | undefined;
  const shutdown = (signal: string) => {
    // Still loading: nothing is in flight yet.
    if (!stop) process.exit(0);
    log(`${signal}: no new connections; finishing the requests in flight`);
    const deadline = setTimeout(() => {
      log(`stopped after ${STOP_DEADLINE_MS / 1000} s with requests still unfinished`);
      process.exit(0);
    }, STOP_DEADLINE_MS);
    deadline.unref();
    void stop().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  // Listening from the start: SIGHUP's default would end the process while it is still loading.
  const reloader = new CorpusReloader(config.corpusDir, log);
  process.on('SIGHUP', () => reloader.request());

  const engine = await loadEngineOrExit(config.corpusDir, log);
  // Per process: with several replicas, each keeps its own cooldowns (see README, HTTP interactions).
  const context = createCommandContext(engine, { cooldownSeconds: config.askCooldownSeconds, log });
  reloader.serve((next) => {
    context.engine = next;
  });
  const handle = createInteractionHandler(context, {
    webhooks: new Webhooks(config.apiUrl, log),
    deferAfterMs: config.deferAfterMs,
  });
  const endpoint = createInteractionServer({ publicKey: publicKeyFromHex(config.publicKey), handle, log });
  try {
    const address = await listen(endpoint.server, config.host, config.port);
    stop = endpoint.stop;
    log(`listening on ${endpointUrl(address, INTERACTIONS_PATH)}`);
  } catch (error) {
    if (error instanceof ListenError) exitWith(log, error.message);
    exitWith(log, `could not start: ${describeError(error)}`);
  }
}

await main();
