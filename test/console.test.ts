// The token-less local console, run as the real CLI (`tsx src/main.ts`) with piped input, from an
// empty folder so no .env applies, and with DISCORD_TOKEN unset.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config';
import { parseLine } from '../src/console/parseLine';

const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Running {
  result: Promise<Result>;
  stderr(): string;
  interrupt(): void;
}

function cli(input: string | undefined, env: Record<string, string> = {}): Running {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(DISCORD_|CORPUS_DIR|ASK_COOLDOWN_SECONDS|NODE_OPTIONS)/.test(key),
    ),
  );
  const child = spawn(TSX, [path.join(PROJECT_ROOT, 'src/main.ts')], {
    cwd: mkdtempSync(path.join(tmpdir(), 'askbot-console-')),
    env: { ...inherited, DISCORD_TOKEN: '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  if (input !== undefined) child.stdin.end(input);
  const result = once(child, 'exit').then(([code]) => ({ code: code as number | null, stdout, stderr }));
  return { result, stderr: () => stderr, interrupt: () => child.kill('SIGINT') };
}

const run = (input: string, env?: Record<string, string>) => cli(input, env).result;

describe('the local console', () => {
  it('answers a piped question with the passage and its attribution, then exits 0', async () => {
    const { code, stdout, stderr } = await run('How long did the meeting last?\n');
    expect(code).toBe(0);
    expect(stderr.split('\n')[0]).toBe(
      'Running the local console because DISCORD_TOKEN is not set; set DISCORD_TOKEN in .env or the environment to run the Discord bot.',
    );
    expect(stdout).toContain('Asked: How long did the meeting last?');
    expect(stdout).toContain(
      'The discussion lasted 10 minutes, according to White House spokesman John Kirby.',
    );
    expect(stdout).toContain(
      'Article: Blinken, Lavrov meet for first time since Russia’s invasion of Ukraine',
    );
    expect(stdout).toMatch(/Published: 2 March 2023 · Paragraph: \d+/);
    // Piped output is plain: no prompt, no colour, no markdown escapes.
    expect(stdout).not.toContain('ask> ');
    expect(stdout).not.toContain('\x1b[');
    expect(stdout).not.toMatch(/\\[*_`]/);
  });

  it('says plainly when the article does not answer, with suggestions', async () => {
    const { code, stdout } = await run('What is the capital of France?\n');
    expect(code).toBe(0);
    expect(stdout).toContain('The article does not answer “What is the capital of France?”.');
    expect(stdout).toMatch(/Questions it does answer:\n• .+\?/);
  });

  it('runs /help, /article, /ask and /next through the same handlers', async () => {
    const { code, stdout } = await run('/help\n/article\n/ask Who is Paul Whelan?\n/next\n');
    expect(code).toBe(0);
    expect(stdout.startsWith('How to ask\n')).toBe(true);
    expect(stdout).toContain('• /ask question:');
    expect(stdout).toMatch(/Passages: \d+ · Id: blinken-lavrov-g20/);
    expect(stdout).toContain('Sections:\n• What did Blinken and Lavrov discuss?');
    expect(stdout).toContain('Asked: Who is Paul Whelan?');
    expect(stdout).toMatch(/Next best passage\n/);
  });

  it('prints one reply per input line, ignoring empty lines', async () => {
    const { code, stdout } = await run('\n   \nHow long did the meeting last?\n\n/dance\n\n');
    expect(code).toBe(0);
    const blocks = stdout.trim().split('\n\n');
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toContain('10 minutes');
    expect(blocks[1]).toBe('Unknown command: /dance. Try /help.');
  });

  it('exits 0 on Ctrl-C while waiting for input', async () => {
    const running = cli(undefined);
    const start = Date.now();
    while (!running.stderr().includes('Running the local console') && Date.now() - start < 15_000) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    running.interrupt();
    expect((await running.result).code).toBe(0);
  });
});

describe('start-up errors', () => {
  it('reports a bad setting in one line and exits 1', async () => {
    const { code, stdout, stderr } = await run('', { ASK_COOLDOWN_SECONDS: 'soon' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('config: ASK_COOLDOWN_SECONDS must be a number of seconds\n');
  });

  it('reports a bad corpus in one line, without a stack trace, and exits 1', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'askbot-empty-corpus-'));
    const { code, stderr } = await run('', { CORPUS_DIR: empty });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^corpus: .+\n$/);
    expect(stderr).toContain(empty);
  });
});

describe('parseLine', () => {
  it('turns console input into the same requests Discord sends', () => {
    expect(parseLine('  ')).toEqual({ kind: 'skip' });
    expect(parseLine('How long?')).toMatchObject({
      kind: 'command',
      request: { command: 'ask', options: { question: 'How long?' } },
    });
    expect(parseLine('/ask question: Who?')).toMatchObject({
      request: { command: 'ask', options: { question: 'Who?' } },
    });
    expect(parseLine('/article 2')).toMatchObject({ request: { command: 'article', options: { page: 2 } } });
    expect(parseLine('/article Blinken')).toMatchObject({
      request: { command: 'article', options: { article: 'Blinken' } },
    });
    expect(parseLine('/HELP')).toMatchObject({ request: { command: 'help', options: {} } });
    expect(parseLine('/next')).toEqual({ kind: 'press' });
    expect(parseLine('/quit')).toEqual({ kind: 'quit' });
  });
});
