import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { REST, type RESTGetAPIGatewayBotResult, Routes, type Shard, ShardingManager } from 'discord.js';
import type { Config } from '../config';
import type { Log } from '../log';
import { plural, pluralNoun } from '../reply/plural';
import { RELOAD_MESSAGE } from '../runtime/reload';

/** What /gateway/bot says about sharding. */
export interface GatewayBotInfo {
  /** Discord's recommended shard count. */
  shards: number;
  /** Shards that may identify in the same 5 s window (one per bucket `id % maxConcurrency`). */
  maxConcurrency: number;
}

/**
 * GET /gateway/bot through the configured API URL. discord.js's ShardingManager cannot do this
 * itself: its `fetchRecommendedShardCount` always asks discord.com. Rejects like a login: a
 * DiscordAPIError with status 401 when the token is wrong.
 */
export async function fetchGatewayBot(config: Config): Promise<GatewayBotInfo> {
  if (!config.token) throw new Error('fetchGatewayBot needs a token (DISCORD_TOKEN)');
  const rest = new REST({ api: config.apiUrl }).setToken(config.token);
  const body = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return { shards: body.shards, maxConcurrency: Math.max(1, body.session_start_limit.max_concurrency) };
}

/**
 * The order to start shards in, as Discord's identify limit allows: each round holds at most one shard
 * per rate-limit bucket (`id % maxConcurrency`), and rounds must be 5 s apart.
 */
export function startRounds(ids: readonly number[], maxConcurrency: number): number[][] {
  const buckets = new Map<number, number[]>();
  for (const id of [...ids].sort((a, b) => a - b)) {
    const key = id % maxConcurrency;
    buckets.set(key, [...(buckets.get(key) ?? []), id]);
  }
  const rounds: number[][] = [];
  for (const bucket of buckets.values()) {
    bucket.forEach((id, round) => {
      rounds[round] = [...(rounds[round] ?? []), id];
    });
  }
  return rounds.map((round) => round.sort((a, b) => a - b));
}

/** "shards 0, 1 of 2" or "shard 3 of 8". */
export function describeShardIds(ids: readonly number[], total: number): string {
  return `${pluralNoun(ids.length, 'shard')} ${ids.join(', ')} of ${total}`;
}

export interface FleetOptions {
  config: Config;
  log: Log;
  /** The shard process's entry point (src/shard.ts) and the Node flags that run it (tsx). */
  file: string;
  execArgv: readonly string[];
  /** From spawn to ready: loading the corpus, building the index and logging in. */
  readyTimeoutMs?: number;
  /** Discord allows one identify per bucket per 5 s. */
  identifyIntervalMs?: number;
  /** How long a shard may take to close its connection when stopped, before it is killed. */
  stopTimeoutMs?: number;
  /** A shard that was running died and did not come back: the caller should stop and exit non-zero. */
  onFatal(line: string): void;
}

/** Thrown by `start` when a shard did not get ready; its own lines (before this) say why. */
export class ShardStartError extends Error {
  override name = 'ShardStartError';
}

function exitDescription(child: ChildProcess | null | undefined): string {
  if (!child) return 'its process ended';
  if (child.signalCode) return `its process was ended by ${child.signalCode}`;
  return `its process exited with code ${child.exitCode}`;
}

/**
 * The shards of this host, one process each, under discord.js's ShardingManager. Starts them as fast
 * as Discord's identify limit allows, restarts one that dies after it was ready, forwards reloads, and
 * stops them all on request. The manager's own `respawn` is off: it would also respawn a shard that
 * cannot start (a wrong token, a broken corpus) forever.
 */
export class ShardFleet {
  private manager: ShardingManager | undefined;
  private total = 0;
  private ids: number[] = [];
  private stopping = false;
  private readonly starting = new Set<number>();
  private readonly lastChild = new Map<number, ChildProcess>();
  private readonly abort = new AbortController();

  constructor(private readonly options: FleetOptions) {}

  /**
   * Resolves once every shard of this host is ready. Rejects with the login error when Discord refuses
   * the token (nothing was spawned then), or with a ShardStartError; the caller then calls `stop`.
   */
  async start(): Promise<void> {
    const { config, log } = this.options;
    const gateway = await fetchGatewayBot(config);
    if (this.stopping) return;
    this.total = config.shardCount ?? gateway.shards;
    const ids = config.shardList ?? Array.from({ length: this.total }, (_, id) => id);
    this.ids = ids;
    const source = config.shardCount ? 'SHARD_COUNT' : 'as Discord recommends';
    log(`starting ${describeShardIds(ids, this.total)} (${source}), manager pid ${process.pid}`);

    this.manager = new ShardingManager(this.options.file, {
      totalShards: this.total,
      shardList: ids,
      mode: 'process',
      respawn: false,
      execArgv: this.options.execArgv,
      token: config.token,
    });
    for (const [index, round] of startRounds(ids, gateway.maxConcurrency).entries()) {
      if (index > 0) await this.pause(this.options.identifyIntervalMs ?? 5000);
      if (this.stopping) return;
      await Promise.all(round.map((id) => this.spawn(this.createShard(id))));
    }
  }

  /** Asks every running shard to reload its corpus (each logs the outcome). */
  reload(): void {
    const shards = [...(this.manager?.shards.values() ?? [])].filter((shard) => shard.process);
    this.options.log(`SIGHUP: asking ${shards.length} shard process(es) to reload the corpus`);
    for (const shard of shards) {
      shard.send(RELOAD_MESSAGE).catch((error: unknown) => {
        this.options.log(`could not ask shard ${shard.id} to reload: ${String(error)}`);
      });
    }
  }

  /**
   * Passes `signal` on to every shard process (each closes its connection with 1000) and waits for them.
   * `reason` starts the log line, e.g. the signal the manager got.
   */
  async stop(signal: NodeJS.Signals, reason: string = signal): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    const children = [...(this.manager?.shards.values() ?? [])].flatMap((shard) =>
      shard.process ? [{ id: shard.id, child: shard.process }] : [],
    );
    if (children.length) this.options.log(`${reason}: stopping ${children.length} shard process(es)`);
    const timeoutMs = this.options.stopTimeoutMs ?? 10_000;
    await Promise.all(
      children.map(async ({ id, child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        child.kill(signal);
        const timer = setTimeout(() => {
          this.options.log(`shard ${id} did not stop within ${timeoutMs / 1000} s: killing it`);
          child.kill('SIGKILL');
        }, timeoutMs);
        await exited;
        clearTimeout(timer);
      }),
    );
  }

  private createShard(id: number): Shard {
    const manager = this.manager as ShardingManager;
    const shard = manager.createShard(id);
    const { config, log } = this.options;
    // The manager already passes SHARDS, SHARD_COUNT and DISCORD_TOKEN. The shard reads its config like
    // `npm start` does, so it gets its own id as SHARD_LIST, and the settings this manager validated.
    shard.env = {
      ...(shard.env as NodeJS.ProcessEnv),
      SHARD_LIST: String(id),
      SHARD_COUNT: String(this.total),
      DISCORD_API_URL: config.apiUrl,
      CORPUS_DIR: config.corpusDir,
    };
    shard.on('spawn', (child) => {
      if ('pid' in child) this.lastChild.set(id, child);
    });
    shard.on('ready', () => this.announceReady(shard));
    shard.on('death', () => this.onDeath(shard));
    // Only emitted by the manager's own respawn, which is off; an EventEmitter 'error' must have a listener.
    shard.on('error', (error) => log(`shard ${id}: ${error.message}`));
    return shard;
  }

  private async spawn(shard: Shard): Promise<void> {
    this.starting.add(shard.id);
    try {
      await shard.spawn(this.options.readyTimeoutMs ?? 120_000);
    } catch (error) {
      if (this.stopping) return;
      const code = (error as { code?: unknown }).code;
      const why =
        code === 'ShardingReadyTimeout'
          ? `it was not ready within ${(this.options.readyTimeoutMs ?? 120_000) / 1000} s`
          : code === 'ShardingReadyDisconnected'
            ? 'its connection to Discord closed before it was ready'
            : exitDescription(this.lastChild.get(shard.id));
      throw new ShardStartError(`shard ${shard.id} did not start: ${why}`);
    } finally {
      this.starting.delete(shard.id);
    }
  }

  private announceReady(shard: Shard): void {
    const shards = [...(this.manager?.shards.values() ?? [])];
    const progress = `${shards.filter((s) => s.ready).length} of ${this.ids.length} ready`;
    shard.fetchClientValue('guilds.cache.size').then(
      (servers) => {
        const where = typeof servers === 'number' ? ` in ${plural(servers, 'server')}` : '';
        this.options.log(`shard ${shard.id} of ${this.total} ready${where} (${progress})`);
      },
      () => this.options.log(`shard ${shard.id} of ${this.total} ready (${progress})`),
    );
  }

  /** A shard process ended. While starting, `spawn` reports it; after, it is started again once. */
  private onDeath(shard: Shard): void {
    if (this.stopping || this.starting.has(shard.id)) return;
    const interval = this.options.identifyIntervalMs ?? 5000;
    this.options.log(
      `shard ${shard.id} stopped unexpectedly (${exitDescription(this.lastChild.get(shard.id))}); restarting it in ${interval / 1000} s`,
    );
    void (async () => {
      // Also keeps a shard that keeps crashing from identifying faster than Discord allows.
      await this.pause(interval);
      if (this.stopping) return;
      await this.spawn(shard);
    })().catch((error: unknown) => {
      if (!this.stopping) this.options.onFatal(error instanceof Error ? error.message : String(error));
    });
  }

  private async pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.abort.signal }).catch(() => undefined);
  }
}
