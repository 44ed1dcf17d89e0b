// When Discord cannot be reached: `npm start` says at once that it is connecting, and a failure says what
// to check; `npm run deploy` says "could not reach Discord" rather than something that reads like a
// refused token. The real processes, pointed at a port nobody listens on or a server that never answers.
import { mkdtempSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, spawnScript, waitFor } from './support/processes';

const servers: Server[] = [];
const sockets: Socket[] = [];
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

async function listen(
  onConnection: (socket: Socket) => void = () => {},
): Promise<{ server: Server; port: number }> {
  const server = createServer(onConnection);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port };
}

/** A port that refuses connections: one that was just free. */
async function closedPort(): Promise<number> {
  const { server, port } = await listen();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function start(script: string, apiUrl: string) {
  return spawnScript(script, {
    cwd: mkdtempSync(path.join(tmpdir(), 'askbot-connect-')),
    env: cleanEnv({
      DISCORD_TOKEN: 'a.b.c',
      DISCORD_CLIENT_ID: '1000000000000000001',
      DISCORD_API_URL: apiUrl,
      ASK_COOLDOWN_SECONDS: '0',
    }),
  });
}

const CHECK =
  /could not reach Discord: .*ECONNREFUSED.*; check that this host can open outbound HTTPS and WSS connections to discord\.com \(network, DNS, proxy, firewall\)$/;

describe('Discord out of reach', () => {
  it('npm start says "connecting to Discord…" while it waits, before any answer comes', async () => {
    // Accepts the connection and never answers: what a black-holing firewall or a dead proxy looks like.
    const { server, port } = await listen((socket) => sockets.push(socket));
    servers.push(server);
    const run = start('src/main.ts', `http://127.0.0.1:${port}/api`);
    try {
      await waitFor(
        () => run.stderr().includes('connecting to Discord…'),
        15_000,
        () => run.stderr(),
      );
      expect(run.child.exitCode).toBeNull();
      expect(run.stderr().trim()).toBe('connecting to Discord…');
    } finally {
      run.child.kill('SIGKILL');
      await run.exit;
    }
  });

  it('npm start: refused, one line saying what to check, exit 1', async () => {
    const run = start('src/main.ts', `http://127.0.0.1:${await closedPort()}/api`);
    expect(await run.exit).toBe(1);
    const lines = run.stderr().trim().split('\n');
    expect(lines[0]).toBe('connecting to Discord…');
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toMatch(new RegExp(`^${CHECK.source}`));
  });

  it('npm run deploy: "could not reach Discord", not a refusal of the commands', async () => {
    const run = start('src/cli/deploy.ts', `http://127.0.0.1:${await closedPort()}/api`);
    expect(await run.exit).toBe(1);
    expect(run.stderr().trim()).toMatch(new RegExp(`^deploy: ${CHECK.source}`));
    expect(run.stderr()).not.toMatch(/refused the commands|token/i);
  });
});
