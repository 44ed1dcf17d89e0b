import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

/** The project root: the default corpus lives there whatever the working directory. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The project's own folder of articles: the corpus when CORPUS_DIR is unset. */
export const DEFAULT_CORPUS_DIR = path.join(PROJECT_ROOT, 'corpus');

export const DEFAULT_API_URL = 'https://discord.com/api';
export const DEFAULT_ASK_COOLDOWN_SECONDS = 5;

export interface Config {
  /** Absent: the local console runs instead of the bot. */
  token?: string;
  /** The application id, needed to register commands. */
  clientId?: string;
  /** Register commands to this server only (instant, for development) instead of globally. */
  guildId?: string;
  /** Discord's REST API without version, e.g. https://discord.com/api (tests point it at a stand-in). */
  apiUrl: string;
  /** Absolute path of the folder of articles. */
  corpusDir: string;
  askCooldownSeconds: number;
  /**
   * Shards over all hosts (SHARD_COUNT). Unset: as many as Discord recommends, which is one until the
   * bot is in about 1,000 servers.
   */
  shardCount?: number;
  /** The shards this host runs (SHARD_LIST), ascending; unset: all of them. Only with `shardCount`. */
  shardList?: number[];
}

/** A setting an operator must fix; `message` is one line naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Unset and empty mean the same: `DISCORD_TOKEN=` in .env leaves the bot off. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema.optional(),
  );

const snowflake = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,20}$/, `must be ${what}, digits only`);

/** "0,1" or "0-3,8": shard ids and inclusive ranges, as [first, last] pairs (expanded once validated). */
const shardRanges = z
  .string()
  .trim()
  .regex(
    /^\d+(-\d+)?(\s*,\s*\d+(-\d+)?)*$/,
    'must be shard ids separated by commas, such as 0,1 (ranges like 0-3 work too)',
  )
  .transform((list) =>
    list.split(',').map((part) => {
      const [first, last = first] = part.trim().split('-').map(Number) as [number, number?];
      return [first, last] as const;
    }),
  )
  .refine((ranges) => ranges.every(([first, last]) => first <= last), 'has a range that runs backwards');

const schema = z.object({
  DISCORD_TOKEN: optional(
    z
      .string()
      .trim()
      .regex(/^\S+$/, 'must be the bot token from the Developer Portal (Bot → Reset Token), without spaces'),
  ),
  DISCORD_CLIENT_ID: optional(snowflake('the application id (Developer Portal → General Information)')),
  DISCORD_GUILD_ID: optional(
    snowflake('a server id (Developer Mode on, right-click the server, Copy Server ID)'),
  ),
  DISCORD_API_URL: optional(
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' })
      .transform((url) => url.replace(/\/+$/, ''))
      .refine(
        (url) => !/\/v\d+$/.test(url),
        'must not end in an API version such as /v10: discord.js adds it',
      ),
  ),
  CORPUS_DIR: optional(z.string()),
  ASK_COOLDOWN_SECONDS: optional(
    z.coerce
      .number({ error: 'must be a number of seconds' })
      .int('must be a whole number of seconds')
      .min(0, 'must be 0 or more')
      .max(3600, 'must be at most 3600 (one hour)'),
  ),
  SHARD_COUNT: optional(
    z.coerce
      .number({ error: 'must be a number of shards such as 2' })
      .int('must be a whole number of shards')
      .min(1, 'must be 1 or more'),
  ),
  SHARD_LIST: optional(shardRanges),
});

/**
 * What no single variable shows: SHARD_LIST only makes sense against SHARD_COUNT. Checked on the two
 * values parsed on their own, so that it is reported along with any other variable's problem.
 */
function shardListProblem(
  ranges: ReadonlyArray<readonly [number, number]> | undefined,
  count: number | undefined,
): string | undefined {
  if (!ranges) return undefined;
  const highest = Math.max(...ranges.map(([, last]) => last));
  // Hosts that each run part of the shards must agree on the total: none of them can guess it.
  if (count === undefined) return 'SHARD_LIST needs SHARD_COUNT, the number of shards over all hosts';
  if (highest >= count) {
    return `SHARD_LIST names shard ${highest}, but with SHARD_COUNT ${count} shard ids run from 0 to ${count - 1}`;
  }
  return undefined;
}

/**
 * Validates the environment (pure: tests pass their own). Throws a ConfigError whose message is one
 * line naming every bad variable; a variable's value is never quoted, since it may be the token.
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): Config {
  const result = schema.safeParse(env);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  const shardList = schema.shape.SHARD_LIST.safeParse(env.SHARD_LIST);
  const shardCount = schema.shape.SHARD_COUNT.safeParse(env.SHARD_COUNT);
  // A SHARD_COUNT that is bad on its own has been named already: checking the list against it says no more.
  const shardProblem =
    shardList.success && shardCount.success ? shardListProblem(shardList.data, shardCount.data) : undefined;
  if (shardProblem) problems.push(shardProblem);
  if (!result.success || problems.length) throw new ConfigError(problems.join('; '));
  const values = result.data;
  return {
    token: values.DISCORD_TOKEN,
    clientId: values.DISCORD_CLIENT_ID,
    guildId: values.DISCORD_GUILD_ID,
    apiUrl: values.DISCORD_API_URL ?? DEFAULT_API_URL,
    // A relative CORPUS_DIR is taken from where the command runs, like any path typed in a shell.
    corpusDir: values.CORPUS_DIR ? path.resolve(cwd, values.CORPUS_DIR) : DEFAULT_CORPUS_DIR,
    askCooldownSeconds: values.ASK_COOLDOWN_SECONDS ?? DEFAULT_ASK_COOLDOWN_SECONDS,
    shardCount: values.SHARD_COUNT,
    shardList: values.SHARD_LIST && expandRanges(values.SHARD_LIST),
  };
}

function expandRanges(ranges: ReadonlyArray<readonly [number, number]>): number[] {
  const ids = new Set<number>();
  for (const [first, last] of ranges) for (let id = first; id <= last; id++) ids.add(id);
  return [...ids].sort((a, b) => a - b);
}

/** Reads `.env` from the working directory (variables already set win), then validates, once. */
export function loadConfig(): Config {
  loadDotenv({ quiet: true });
  const config = parseConfig(process.env);
  // A discord.js Client also reads SHARD_COUNT from the environment by itself, and takes an empty one
  // (`SHARD_COUNT=` in .env, "unset" here) as 0, which it refuses: leave it unset for it too.
  if (process.env.SHARD_COUNT?.trim() === '') delete process.env.SHARD_COUNT;
  return config;
}
