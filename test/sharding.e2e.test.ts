// Sharding end to end: the real `npm run start:sharded` command line (node --import tsx src/sharded.ts)
// runs discord.js's ShardingManager, which forks one real shard process per shard, against the loopback
// Discord stand-in; the stand-in dispatches each guild's interactions only to the session of its shard.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, PROJECT_ROOT, parseConfig } from '../src/config';
import { describeShardIds, startRounds } from '../src/discord/shardManager';
import { shardOptions } from '../src/discord/startBot';
import { FakeDiscord, type MessageBody } from './support/fakeDiscord';
import { TSX_LOADER, waitFor } from './support/processes';

/** Owned by shard 1 and shard 0 of 2: Discord routes a guild to shard (id >> 22) % count. */
const GUILD_ON_SHARD_1 = '2000000000000000001';
const GUILD_ON_SHARD_0 = '2000000000004194305';

function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

interface Running {
  child: ChildProcess;
  stderr: () => string;
  exit: Promise<number | null>;
}

const running: Running[] = [];

/** Every variable the bot reads: set (if only to empty, which means unset) so a developer's .env cannot apply. */
const BOT_VARIABLES = [
  'DISCORD_TOKEN',
  'DISCORD_CLIENT_ID',
  'DISCORD_GUILD_ID',
  'DISCORD_API_URL',
  'CORPUS_DIR',
  'ASK_COOLDOWN_SECONDS',
  'SHARD_COUNT',
  'SHARD_LIST',
];

/**
 * Runs `npm run start:sharded` in the project, or (faster, `viaNpm: false`) the command it runs, from
 * an empty folder. In its own process group, so teardown can end the shard processes too.
 */
function startSharded(env: Record<string, string>, { viaNpm = false } = {}): Running {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(DISCORD_|NODE_OPTIONS|SHARD|npm_)/.test(key)),
  );
  const [command, args, cwd] = viaNpm
    ? ['npm', ['run', '--silent', 'start:sharded'], PROJECT_ROOT]
    : [
        process.execPath,
        ['--import', TSX_LOADER, path.join(PROJECT_ROOT, 'src/sharded.ts')],
        mkdtempSync(path.join(tmpdir(), 'askbot-sharded-')),
      ];
  const child = spawn(command, args, {
    cwd,
    env: {
      ...inherited,
      ...Object.fromEntries(BOT_VARIABLES.map((name) => [name, ''])),
      ASK_COOLDOWN_SECONDS: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  const run = { child, stderr: () => stderr, exit };
  running.push(run);
  return run;
}

/** The shard processes a manager forked (it has other children: tsx's esbuild service). */
function shardPidsOf(pid: number): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.includes('src/shard.ts'))
    .map((line) => Number.parseInt(line.trim(), 10));
}

function ask(fake: FakeDiscord, guildId: string, question: string) {
  return fake.sendCommand({
    name: 'ask',
    guildId,
    options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: question }],
  });
}

/** The quoted passage of an answer, without the bold that highlights the question's words. */
function quoteOf(data: MessageBody): string {
  return String(data.embeds?.[0]?.description ?? '').replaceAll('**', '');
}

let fakes: FakeDiscord[] = [];

afterEach(async () => {
  for (const run of running.splice(0)) {
    if (run.child.exitCode === null && run.child.signalCode === null && run.child.pid) {
      try {
        process.kill(-run.child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
  await Promise.all(fakes.map((fake) => fake.close()));
  fakes = [];
});

async function startFake(options: Parameters<typeof FakeDiscord.start>[0]): Promise<FakeDiscord> {
  const fake = await FakeDiscord.start(options);
  fakes.push(fake);
  return fake;
}

describe('npm run start:sharded', () => {
  it('runs a process per shard, answers each server from its own shard, reloads on SIGHUP, stops on SIGTERM', async () => {
    expect(shardOf(GUILD_ON_SHARD_0, 2)).toBe(0);
    expect(shardOf(GUILD_ON_SHARD_1, 2)).toBe(1);
    // Discord recommends 2 shards; both may identify at once, so nobody waits 5 s.
    const fake = await startFake({
      shards: 2,
      maxConcurrency: 2,
      guildIds: [GUILD_ON_SHARD_1, GUILD_ON_SHARD_0],
    });
    const run = startSharded({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl }, { viaNpm: true });

    await fake.waitForReady(2, 60_000);
    expect(fake.identifies.map((identify) => identify.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const log = run.stderr;
    await waitFor(
      () => /shard 0 of 2 ready in 1 server/.test(log()) && /shard 1 of 2 ready in 1 server/.test(log()),
      45_000,
      () => `both ready lines (stderr: ${log()})`,
    );
    const started = /starting shards 0, 1 of 2 \(as Discord recommends\), manager pid (\d+)/.exec(log());
    expect(started).not.toBeNull();
    // npm passes SIGINT and SIGTERM on, but not SIGHUP: that goes to the manager, whose pid it logs.
    const managerPid = Number(started?.[1]);
    // Discord's recommendation came from the stand-in, not discord.com.
    expect(fake.requests.some((r) => r.path === '/api/v10/gateway/bot')).toBe(true);

    for (const guildId of [GUILD_ON_SHARD_0, GUILD_ON_SHARD_1]) {
      const { type, data } = await ask(fake, guildId, 'How long did the meeting last?').response(15_000);
      expect(type).toBe(4);
      expect(quoteOf(data)).toContain('10 minutes');
    }

    process.kill(managerPid, 'SIGHUP');
    await waitFor(
      () => (log().match(/^shard [01]: reloaded 1 article, \d+ passages$/gm) ?? []).length === 2,
      45_000,
      () => `a reload line from each shard (stderr: ${log()})`,
    );
    const { data } = await ask(fake, GUILD_ON_SHARD_1, 'How long did the meeting last?').response(15_000);
    expect(quoteOf(data)).toContain('10 minutes');

    // A shard process that dies is started again, and its servers are answered again.
    const shardPids = shardPidsOf(managerPid);
    expect(shardPids).toHaveLength(2);
    process.kill(shardPids[0] as number, 'SIGKILL');
    expect(await fake.waitForClientClose(15_000)).toBe(1006);
    await waitFor(
      () => /shard \d stopped unexpectedly \(its process was ended by SIGKILL\); restarting it/.test(log()),
      10_000,
      () => `the restart line (stderr: ${log()})`,
    );
    await fake.waitForReady(3, 60_000);
    for (const guildId of [GUILD_ON_SHARD_0, GUILD_ON_SHARD_1]) {
      const again = await ask(fake, guildId, 'How long did the meeting last?').response(15_000);
      expect(quoteOf(again.data)).toContain('10 minutes');
    }

    run.child.kill('SIGTERM');
    const codes = [await fake.waitForClientClose(15_000), await fake.waitForClientClose(15_000)];
    expect(codes).toEqual([1000, 1000]);
    expect(await run.exit).toBe(0);
    expect(log()).toMatch(/SIGTERM: stopping 2 shard process/);
    expect(log()).not.toContain(fake.token);
  }, 180_000);

  it('runs only the shards in SHARD_LIST, out of SHARD_COUNT whatever Discord recommends', async () => {
    const fake = await startFake({ shards: 1, guildIds: [GUILD_ON_SHARD_1, GUILD_ON_SHARD_0] });
    const run = startSharded({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      SHARD_COUNT: '2',
      SHARD_LIST: '1',
    });
    await fake.waitForReady(1, 60_000);
    expect(fake.identifies.map((identify) => identify.shard)).toEqual([[1, 2]]);
    await waitFor(
      () => /shard 1 of 2 ready in 1 server/.test(run.stderr()),
      45_000,
      () => `the ready line (stderr: ${run.stderr()})`,
    );
    expect(run.stderr()).toMatch(/starting shard 1 of 2 \(SHARD_COUNT\)/);
    const { data } = await ask(fake, GUILD_ON_SHARD_1, 'How long did the meeting last?').response(15_000);
    expect(quoteOf(data)).toContain('10 minutes');

    run.child.kill('SIGINT');
    expect(await fake.waitForClientClose(15_000)).toBe(1000);
    expect(await run.exit).toBe(0);
  }, 180_000);

  it('with a wrong token prints one line naming DISCORD_TOKEN (after "connecting") and exits non-zero, starting no shard', async () => {
    const fake = await startFake({ shards: 2 });
    const token = 'MTIzNDU2Nzg5.wrong.tokenvalue0123456789';
    const run = startSharded({ DISCORD_TOKEN: token, DISCORD_API_URL: fake.apiUrl });
    expect(await run.exit).not.toBe(0);
    const [connecting, ...lines] = run.stderr().trim().split('\n');
    expect(connecting).toBe('connecting to Discord…');
    expect(lines, run.stderr()).toHaveLength(1);
    expect(lines[0]).toContain('DISCORD_TOKEN');
    expect(run.stderr()).not.toContain(token);
    expect(fake.identifies).toEqual([]);
  }, 60_000);

  it('refuses a broken corpus in one line, before any shard starts', async () => {
    const fake = await startFake({ shards: 2 });
    const emptyCorpus = mkdtempSync(path.join(tmpdir(), 'askbot-empty-corpus-'));
    const run = startSharded({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      CORPUS_DIR: emptyCorpus,
    });
    expect(await run.exit).toBe(1);
    expect(run.stderr().trim()).toMatch(/^corpus: .*holds no articles[^\n]*$/);
    expect(fake.identifies).toEqual([]);
  }, 60_000);

  it('refuses to start without a token, in one line', async () => {
    const run = startSharded({});
    expect(await run.exit).toBe(1);
    expect(run.stderr().trim()).toMatch(/^config: DISCORD_TOKEN is not set: the sharded bot needs it/);
  }, 60_000);

  it('the npm script is the command these tests run', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));
    // `exec`: npm's SIGTERM reaches the manager, not a shell that would die without passing it on.
    expect(scripts['start:sharded']).toBe('exec node --import tsx src/sharded.ts');
  });
});

describe('shard settings', () => {
  it('reads SHARD_COUNT and SHARD_LIST (ids and ranges)', () => {
    expect(parseConfig({ SHARD_COUNT: '4', SHARD_LIST: '3, 0-1,1' })).toMatchObject({
      shardCount: 4,
      shardList: [0, 1, 3],
    });
    expect(parseConfig({ SHARD_COUNT: '2', SHARD_LIST: '' })).toMatchObject({ shardCount: 2 });
    expect(parseConfig({}).shardCount).toBeUndefined();
  });

  it.each([
    [{ SHARD_COUNT: '0' }, 'SHARD_COUNT must be 1 or more'],
    [{ SHARD_COUNT: 'two' }, 'SHARD_COUNT must be a number of shards'],
    [{ SHARD_COUNT: '1.5' }, 'SHARD_COUNT must be a whole number of shards'],
    [{ SHARD_LIST: '0,1' }, 'SHARD_LIST needs SHARD_COUNT'],
    [{ SHARD_COUNT: '2', SHARD_LIST: '0;1' }, 'SHARD_LIST must be shard ids separated by commas'],
    [
      { SHARD_COUNT: '2', SHARD_LIST: '2' },
      'SHARD_LIST names shard 2, but with SHARD_COUNT 2 shard ids run from 0 to 1',
    ],
    [{ SHARD_COUNT: '4', SHARD_LIST: '3-1' }, 'SHARD_LIST has a range that runs backwards'],
  ])('explains %o in one line', (env, expected) => {
    let message = '';
    try {
      parseConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain(expected);
    expect(message).not.toContain('\n');
  });

  it('gives the client explicit shards: all of SHARD_COUNT, SHARD_LIST, or Discord’s recommendation', () => {
    expect(shardOptions(parseConfig({}))).toEqual({ shards: 'auto' });
    expect(shardOptions(parseConfig({ SHARD_COUNT: '3' }))).toEqual({ shards: [0, 1, 2], shardCount: 3 });
    expect(shardOptions(parseConfig({ SHARD_COUNT: '3', SHARD_LIST: '2' }))).toEqual({
      shards: [2],
      shardCount: 3,
    });
  });

  it('starts shards in rounds of one per identify bucket', () => {
    expect(startRounds([0, 1], 2)).toEqual([[0, 1]]);
    expect(startRounds([0, 1, 2], 1)).toEqual([[0], [1], [2]]);
    expect(startRounds([5, 0, 1, 2, 3, 4], 2)).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
    // A host running shards 4-7 of 16 with max_concurrency 16: all at once.
    expect(startRounds([4, 5, 6, 7], 16)).toEqual([[4, 5, 6, 7]]);
    expect(describeShardIds([3], 8)).toBe('shard 3 of 8');
    expect(describeShardIds([0, 1], 2)).toBe('shards 0, 1 of 2');
  });
});
