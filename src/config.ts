import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

/** The project root: the default corpus lives there whatever the working directory. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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
});

/**
 * Validates the environment (pure: tests pass their own). Throws a ConfigError whose message is one
 * line naming every bad variable; a variable's value is never quoted, since it may be the token.
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new ConfigError(problems.join('; '));
  }
  const values = result.data;
  return {
    token: values.DISCORD_TOKEN,
    clientId: values.DISCORD_CLIENT_ID,
    guildId: values.DISCORD_GUILD_ID,
    apiUrl: values.DISCORD_API_URL ?? DEFAULT_API_URL,
    // A relative CORPUS_DIR is taken from where the command runs, like any path typed in a shell.
    corpusDir: values.CORPUS_DIR ? path.resolve(cwd, values.CORPUS_DIR) : path.join(PROJECT_ROOT, 'corpus'),
    askCooldownSeconds: values.ASK_COOLDOWN_SECONDS ?? DEFAULT_ASK_COOLDOWN_SECONDS,
  };
}

/** Reads `.env` from the working directory (variables already set win), then validates, once. */
export function loadConfig(): Config {
  loadDotenv({ quiet: true });
  return parseConfig(process.env);
}
