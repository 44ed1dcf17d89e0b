import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_API_URL,
  DEFAULT_ASK_COOLDOWN_SECONDS,
  PROJECT_ROOT,
  parseConfig,
} from '../src/config';

function problem(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('needs nothing: without a token the console runs, with defaults for the rest', () => {
    expect(parseConfig({})).toEqual({
      token: undefined,
      clientId: undefined,
      guildId: undefined,
      apiUrl: DEFAULT_API_URL,
      corpusDir: path.join(PROJECT_ROOT, 'corpus'),
      askCooldownSeconds: DEFAULT_ASK_COOLDOWN_SECONDS,
    });
  });

  it('treats empty and blank values as unset', () => {
    expect(
      parseConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: '  ', ASK_COOLDOWN_SECONDS: '', CORPUS_DIR: ' ' }),
    ).toMatchObject({
      token: undefined,
      guildId: undefined,
      corpusDir: path.join(PROJECT_ROOT, 'corpus'),
      askCooldownSeconds: DEFAULT_ASK_COOLDOWN_SECONDS,
    });
  });

  it('reads every variable', () => {
    const config = parseConfig(
      {
        DISCORD_TOKEN: ' abc.def.ghi ',
        DISCORD_CLIENT_ID: '1000000000000000001',
        DISCORD_GUILD_ID: '2000000000000000001',
        DISCORD_API_URL: 'http://127.0.0.1:5000/api/',
        CORPUS_DIR: 'articles',
        ASK_COOLDOWN_SECONDS: '0',
      },
      '/srv/bot',
    );
    expect(config).toEqual({
      token: 'abc.def.ghi',
      clientId: '1000000000000000001',
      guildId: '2000000000000000001',
      apiUrl: 'http://127.0.0.1:5000/api',
      corpusDir: '/srv/bot/articles',
      askCooldownSeconds: 0,
    });
  });

  it.each([
    [{ DISCORD_CLIENT_ID: 'my-bot' }, 'DISCORD_CLIENT_ID must be the application id'],
    [{ DISCORD_GUILD_ID: '12ab' }, 'DISCORD_GUILD_ID must be a server id'],
    [{ DISCORD_TOKEN: 'two words' }, 'DISCORD_TOKEN must be the bot token'],
    [{ DISCORD_API_URL: 'discord.com/api' }, 'DISCORD_API_URL must be an http(s) URL'],
    [{ DISCORD_API_URL: 'ftp://discord.com/api' }, 'DISCORD_API_URL must be an http(s) URL'],
    [{ DISCORD_API_URL: 'https://discord.com/api/v10' }, 'DISCORD_API_URL must not end in an API version'],
    [{ ASK_COOLDOWN_SECONDS: 'soon' }, 'ASK_COOLDOWN_SECONDS must be a number of seconds'],
    [{ ASK_COOLDOWN_SECONDS: '2.5' }, 'ASK_COOLDOWN_SECONDS must be a whole number of seconds'],
    [{ ASK_COOLDOWN_SECONDS: '-1' }, 'ASK_COOLDOWN_SECONDS must be 0 or more'],
    [{ ASK_COOLDOWN_SECONDS: '86400' }, 'ASK_COOLDOWN_SECONDS must be at most 3600'],
  ])('explains %o in one line', (env, expected) => {
    const message = problem(env);
    expect(message).toContain(expected);
    expect(message).not.toContain('\n');
  });

  it('names every bad variable at once, in one line', () => {
    const message = problem({ DISCORD_CLIENT_ID: 'x', ASK_COOLDOWN_SECONDS: 'y' });
    expect(message).toMatch(/^DISCORD_CLIENT_ID .+; ASK_COOLDOWN_SECONDS .+$/);
  });

  it('names a bad variable and a SHARD_LIST without SHARD_COUNT together', () => {
    const message = problem({ ASK_COOLDOWN_SECONDS: 'abc', SHARD_LIST: '0-3' });
    expect(message).toMatch(
      /^ASK_COOLDOWN_SECONDS must be a number of seconds; SHARD_LIST needs SHARD_COUNT/,
    );
    expect(problem({ DISCORD_TOKEN: 'a b', SHARD_COUNT: '2', SHARD_LIST: '0-3' })).toMatch(
      /^DISCORD_TOKEN .+; SHARD_LIST names shard 3, but with SHARD_COUNT 2/,
    );
  });

  it('never quotes the value, which may be the token', () => {
    const token = 'secret token-value.with.a.space';
    expect(problem({ DISCORD_TOKEN: token })).not.toContain('secret');
  });
});
