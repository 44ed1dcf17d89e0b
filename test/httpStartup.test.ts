// Operator mistakes with `npm run start:http`: one line naming what to fix, exit 1, no stack trace.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'vitest';
import { spawnHttp } from './support/httpEndpoint';
import { Signer } from './support/signing';

describe.concurrent('npm run start:http refuses to start with one line', { timeout: 60_000 }, () => {
  it('without DISCORD_PUBLIC_KEY', async ({ expect }) => {
    const run = spawnHttp({});
    expect(await run.exit).toBe(1);
    expect(run.stderr().trim()).toBe(
      'config: DISCORD_PUBLIC_KEY is not set: copy the Public Key from the Developer Portal (General Information) into .env',
    );
  });

  it('with a key that is not 64 hex characters, without quoting it', async ({ expect }) => {
    const key = `${new Signer().publicKeyHex.slice(0, 60)}wxyz`;
    const run = spawnHttp({ DISCORD_PUBLIC_KEY: key, PORT: '80x' });
    expect(await run.exit).toBe(1);
    const lines = run.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^config: DISCORD_PUBLIC_KEY must be the Public Key .*; PORT must be a port number/,
    );
    expect(lines[0]).not.toContain(key.slice(0, 20));
  });

  it('on a port that is taken', async ({ expect }) => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      const run = spawnHttp({ DISCORD_PUBLIC_KEY: new Signer().publicKeyHex, PORT: String(port) });
      expect(await run.exit).toBe(1);
      expect(run.stderr().trim()).toBe(
        `could not listen on 127.0.0.1:${port}: the port is in use: stop what holds it or set PORT to a free one`,
      );
    } finally {
      holder.close();
    }
  });
});
