/**
 * Running the real entry point (`tsx src/main.ts`) as a child process, as `npm start` does, from the
 * project root, with an environment that sets every variable the bot reads (so neither the machine's
 * environment nor a developer's .env can change what a test means).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../src/config';

export const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

/**
 * At most this many start at once: each start compiles and loads the project, and a busy 2-core
 * machine is faster running them a few at a time than all at once.
 */
const MAX_RUNNING = 3;

export interface Running {
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exit: Promise<number | null>;
  /** Sends `signal` to the process, as a terminal or a service manager would (to tsx, which passes it on). */
  signal(signal: NodeJS.Signals): void;
}

/**
 * The test runner's environment without any setting the bot reads (Discord, corpus, cooldown, shards)
 * and without NODE_OPTIONS, with `extra` over it: a child sees only what the test gives it.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(DISCORD_|CORPUS_DIR|ASK_COOLDOWN_SECONDS|SHARD|NODE_OPTIONS)/.test(key),
    ),
  );
  return { ...inherited, ...extra };
}

const running = new Set<ChildProcess>();
const waiting: Array<() => void> = [];

async function slot(): Promise<void> {
  if (running.size < MAX_RUNNING) return;
  await new Promise<void>((resolve) => waiting.push(resolve));
  return slot();
}

/**
 * `tsx src/main.ts` with `env` over a clean environment: DISCORD_TOKEN is empty (the console) unless
 * given, and no Discord, corpus or cooldown setting is inherited. Input, if given, is piped and closed.
 */
export function runMain(env: Record<string, string>, input?: string): Running {
  let stdout = '';
  let stderr = '';
  let spawned: ChildProcess | undefined;
  const exit = (async () => {
    await slot();
    const child = spawn(TSX, [path.join(PROJECT_ROOT, 'src/main.ts')], {
      cwd: PROJECT_ROOT,
      env: cleanEnv({ DISCORD_TOKEN: '', ASK_COOLDOWN_SECONDS: '0', NO_COLOR: '1', ...env }),
      stdio: ['pipe', 'pipe', 'pipe'],
      // Its own process group: tsx runs the program in a second node process, which a kill of tsx
      // alone would leave running.
      detached: true,
    });
    running.add(child);
    spawned = child;
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    if (input !== undefined) child.stdin?.end(input);
    // 'close', not 'exit': by then all of its output has been read.
    const [code] = await once(child, 'close');
    running.delete(child);
    waiting.shift()?.();
    return code as number | null;
  })();
  return { stdout: () => stdout, stderr: () => stderr, exit, signal: (signal) => spawned?.kill(signal) };
}

/** Kills every process group started by runMain that is still running (for afterEach/afterAll). */
export async function killChildren(): Promise<void> {
  const children = [...running];
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  await Promise.all(
    children.map((child) =>
      child.exitCode === null && child.signalCode === null ? once(child, 'close') : undefined,
    ),
  );
}

/** Polls `check` until it holds; `what` (computed at the time, e.g. the output so far) names it on a timeout. */
export async function waitFor(
  check: () => boolean,
  timeoutMs: number,
  what: string | (() => string),
): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) {
      throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A token shaped like Discord's (user id in base64, timestamp, HMAC), different on every call. */
export function realisticToken(): string {
  const id = Buffer.from('1000000000000000001').toString('base64url');
  return `${id}.${randomBytes(4).toString('base64url')}.${randomBytes(28).toString('base64url')}`;
}

/** tsx's loader: tests run `node --import <it> script.ts`, as `npm start` does, with no wrapper process. */
export const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface Spawned {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exit: Promise<number | null>;
}

/**
 * Runs a project entry point (`src/main.ts`, `src/cli/deploy.ts`) in node with tsx, capturing its output;
 * `input`, if given, is piped in and closed.
 */
export function spawnScript(
  script: string,
  options: { cwd: string; env: NodeJS.ProcessEnv; args?: readonly string[]; input?: string },
): Spawned {
  const { args = [], input, ...spawnOptions } = options;
  const child = spawn(process.execPath, ['--import', TSX_LOADER, path.join(PROJECT_ROOT, script), ...args], {
    ...spawnOptions,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (input !== undefined) child.stdin?.end(input);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  // 'close', not 'exit': by then all of its output has been read.
  const exit = once(child, 'close').then(([code]) => code as number | null);
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}
