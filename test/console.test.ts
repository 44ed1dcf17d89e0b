// The token-less local console, run as the real CLI (`tsx src/main.ts`) with piped input, from an
// empty folder so no .env applies, and with DISCORD_TOKEN unset.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createCommandContext, runCommand } from '../commands/dispatch';
import { findCommand } from '../commands/index';
import { PROJECT_ROOT } from '../src/config';
import { parseLine } from '../src/console/parseLine';
import { plainStyle, renderText } from '../src/console/renderText';
import { createConsole, NOTHING_MORE, NOTHING_YET } from '../src/console/runConsole';
import { loadCorpus } from '../src/corpus/loadCorpus';
import { AnswerEngine } from '../src/search/engine';
import { cleanEnv, waitFor } from './support/processes';

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
  const child = spawn(TSX, [path.join(PROJECT_ROOT, 'src/main.ts')], {
    cwd: mkdtempSync(path.join(tmpdir(), 'askbot-console-')),
    env: cleanEnv({ DISCORD_TOKEN: '', ...env }),
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

describe('the console, the first time', () => {
  it('/next says there is nothing yet before a question, and nothing more after the last passage', async () => {
    const { stdout } = await run('/next\nWho is Paul Whelan?\n/next\n/next\n/next\n/next\n');
    const blocks = stdout.trim().split('\n\n');
    expect(blocks[0]).toBe(NOTHING_YET);
    expect(blocks.at(-1)).toBe(NOTHING_MORE);
    expect(blocks.filter((block) => block === NOTHING_YET)).toHaveLength(1);
  });

  it('takes /ask options as Discord does: an unknown article is named, not asked about', async () => {
    const { stdout } = await run('/ask question:who is kirby article:zzzz private:true\n');
    expect(stdout.trim()).toBe('I do not know an article called “zzzz”. /article lists the ones I know.');
  });

  it('/article with an unknown title says how to list the articles', async () => {
    const { stdout } = await run('/article zzz\n');
    expect(stdout.trim()).toBe('I do not know an article called “zzz”. /article lists the ones I know.');
  });
});

/**
 * The screen a terminal would show for `text`: enough of one for readline's output (carriage return,
 * newline, cursor to column, erase line, erase below); other escape sequences are dropped.
 */
function screen(text: string): string[] {
  const rows: string[] = [''];
  let column = 0;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ESC is what terminal control sequences start with.
  const pattern = /\x1b\[(\d*)([A-Za-z])|\r|\n|[^\x1b\r\n]/g;
  for (const [token, number, command] of text.matchAll(pattern)) {
    const row = rows.length - 1;
    const line = rows[row] ?? '';
    if (token === '\r') column = 0;
    else if (token === '\n') {
      rows.push('');
      column = 0;
    } else if (command === 'G') column = Math.max(0, Number(number || 1) - 1);
    else if (command === 'K' || command === 'J') rows[row] = number === '2' ? '' : line.slice(0, column);
    else if (!command) {
      rows[row] = line.slice(0, column).padEnd(column) + token + line.slice(column + 1);
      column++;
    }
  }
  return rows;
}

describe('the interactive console and log lines', () => {
  it('a log line (a reload) gets a line of its own, and the prompt comes back under it with what was typed', async () => {
    const engine = AnswerEngine.build(await loadCorpus(path.join(PROJECT_ROOT, 'corpus')));
    const context = createCommandContext(engine, { cooldownSeconds: 0, log: () => {} });
    const input = new PassThrough();
    // One stream for both, as on a terminal, so the order on screen is the order written.
    const terminal = new PassThrough();
    let shown = '';
    terminal.on('data', (chunk) => {
      shown += chunk;
    });
    const session = createConsole(context, {
      input,
      output: terminal,
      errors: terminal,
      interactive: true,
      color: false,
    });
    const done = session.run();
    await waitFor(
      () => shown.includes('ask> '),
      5000,
      () => `the prompt, got ${JSON.stringify(shown)}`,
    );
    input.write('how lo');
    await waitFor(
      () => shown.includes('how lo'),
      5000,
      () => 'the typed text',
    );
    session.writeLogLine('reloaded 1 article, 14 passages');
    expect(screen(shown).slice(-2)).toEqual(['reloaded 1 article, 14 passages', 'ask> how lo']);
    input.end();
    await done;
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
  it('reads name:value options of the command, typed by its definition', () => {
    const options = (line: string) => {
      const input = parseLine(line);
      return input.kind === 'command' ? input.request.options : undefined;
    };
    expect(options('/ask question:who is kirby article:zzzz private:true')).toEqual({
      question: 'who is kirby',
      article: 'zzzz',
      private: true,
    });
    expect(options('/ask who is kirby PRIVATE:no')).toEqual({ question: 'who is kirby', private: false });
    // Names the command does not define are part of the text; a plain line is a question as typed.
    expect(options('/ask what is time: now')).toEqual({ question: 'what is time: now' });
    expect(options('who said article:x private:true')).toEqual({
      question: 'who said article:x private:true',
    });
    // A value that is not of the option's type is passed on as typed, for dispatch to drop.
    expect(options('/ask question:q private:maybe')).toEqual({ question: 'q', private: 'maybe' });
    expect(options('/article article:lavrov page:2')).toEqual({ article: 'lavrov', page: 2 });
    expect(options('/ask')).toEqual({});
  });

  it('accepts every /ask and /article form that /help shows', async () => {
    const engine = AnswerEngine.build(await loadCorpus(path.join(PROJECT_ROOT, 'corpus')));
    const context = createCommandContext(engine, { cooldownSeconds: 0, log: () => {} });
    const help = renderText(
      await runCommand({ command: 'help', options: {}, userId: 'u' }, context),
      plainStyle,
    );
    const forms = [...help.matchAll(/\/(ask|article) [^\n]*/g)].map((match) => match[0]);
    expect(forms.length).toBeGreaterThanOrEqual(5);
    for (const form of forms) {
      const input = parseLine(form.replace(/:\s*the articles the bot knows$/, '').replaceAll(/[[\]]/g, ''));
      expect(input.kind).toBe('command');
      if (input.kind !== 'command') continue;
      const defined = (findCommand(input.request.command)?.data.options ?? []).map((option) => option.name);
      // Every name:… the form shows became an option of that name, and nothing leaked into the text.
      for (const name of form.match(/\b[a-z]+(?=:)/g) ?? [])
        expect(input.request.options).toHaveProperty(name);
      expect(Object.keys(input.request.options).every((name) => defined.includes(name))).toBe(true);
      expect(String(input.request.options.question ?? '')).not.toMatch(/\b(article|private):/);
    }
  });

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
    expect(parseLine('/article page:3')).toMatchObject({ request: { options: { page: 3 } } });
    expect(parseLine('/next')).toEqual({ kind: 'press' });
    expect(parseLine('/quit')).toEqual({ kind: 'quit' });
  });
});
