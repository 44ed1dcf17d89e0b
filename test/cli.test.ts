import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import {
  corpusDir,
  OTTERS,
  PROJECT_ROOT,
  removeCorpusDirs,
  TSX,
  twoArticleCorpus,
} from './support/engineFixtures';

const execFileAsync = promisify(execFile);

afterAll(removeCorpusDirs);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one of the CLIs the way `npm run` does (tsx), from the project folder; never throws on exit codes. */
async function cli(script: 'ask' | 'eval' | 'tune', args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await execFileAsync(TSX, [`src/cli/${script}.ts`, ...args], {
      cwd: PROJECT_ROOT,
      timeout: 15_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string; killed?: boolean };
    if (failed.killed || typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const noStackTrace = (text: string) => {
  expect(text).not.toMatch(/^\s+at /m);
  expect(text).not.toMatch(/Error:|node:internal/);
};

describe('npm run eval', () => {
  it('scores a question file and prints the summary with the baselines', async () => {
    const dir = await corpusDir({
      'questions.jsonl': [
        JSON.stringify({ q: 'How long did Blinken and Lavrov meet for?', expect: ['10 minutes'] }),
        JSON.stringify({ q: 'Where is Paul Whelan imprisoned?', expect: ['labor camp in Russia'] }),
        // Answered, but not with this phrase: listed as a miss.
        JSON.stringify({ q: 'nuclear launch risk', expect: ['no such phrase in the article'] }),
        '',
        JSON.stringify({ q: 'How tall is Mount Everest?', expect: null }),
        JSON.stringify({ q: 'Who is the prime minister of Canada?', expect: null, near: true }),
      ].join('\n'),
    });
    const run = await cli('eval', [join(dir, 'questions.jsonl')]);
    expect(run.code).toBe(0);
    noStackTrace(run.stderr);
    const summary = run.stdout.split('\n').find((line) => line.startsWith('engine:'));
    expect(summary).toBeDefined();
    expect(summary).toMatch(
      /^engine: right \d+\/3 \(\d+%\), top-3 \d+\/3, false abstentions \d+ \(\d+%\); off-topic abstained \d+\/1; near-miss abstained or low \d+\/1$/,
    );
    expect(summary).not.toMatch(/right 3\/3/);
    expect(run.stdout).toMatch(/MISS {2}\[\S+\] nuclear launch risk/);
    expect(run.stdout).toMatch(/^confidence: high \d+ answers, \d+ right/m);
    expect(run.stdout).toMatch(/^by kind: /m);
    const baseline = run.stdout.split('\n').find((line) => line.startsWith('MiniSearch'));
    expect(baseline).toMatch(
      /^MiniSearch[^:]*: right \d+\/3 \(\d+%\), top-3 \d+\/3; [\d.]+ ms a question \(engine [\d.]+ ms\)$/,
    );
    // The three summary lines come last, for `tail -n 3`.
    expect(run.stdout.trim().split('\n').slice(-3)[0]).toBe(summary);
    expect(run.stdout).toMatch(/5 questions, 1 article, 14 passages/);
  });

  it('a malformed question file: one line naming the file and line, exit 1', async () => {
    const dir = await corpusDir({ 'bad.jsonl': '{"q":"fine","expect":null}\nnot json\n' });
    const run = await cli('eval', [join(dir, 'bad.jsonl')]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`${join(dir, 'bad.jsonl')}:2`);
    noStackTrace(run.stderr);
  });
});

describe('npm run tune', () => {
  it('an unknown option: the option and the usage, exit 2, no stack trace; --help prints the usage', async () => {
    const run = await cli('tune', ['--bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("'--bogus'");
    expect(run.stderr).toContain('usage: npm run tune');
    noStackTrace(run.stderr);
    const help = await cli('tune', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(
      'usage: npm run tune -- [--dry-run] [--on-topic-only | --right-only] [--misses]',
    );
  });
});

describe('npm run ask -- --corpus', () => {
  it('a broken corpus: one line starting with "corpus:", exit 1, no stack trace', async () => {
    const dir = await corpusDir({ 'broken.md': '---\ntitle: Broken\n---\nNo date in the front matter.\n' });
    const run = await cli('ask', ['--corpus', dir, 'How long did the meeting last?']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^corpus: /);
    expect(lines[0]).toContain(join(dir, 'broken.md'));
    noStackTrace(run.stderr);
  });

  it('--corpus twice: one line saying to give it once, exit 2, nothing answered', async () => {
    const run = await cli('ask', ['--corpus', 'corpus', '--corpus', 'test/fixtures/articles/dev', 'whelan']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toBe(
      '--corpus given 2 times: give it once (a corpus is one folder: put the articles together in it)',
    );
    noStackTrace(run.stderr);
  });

  it('answers from the second article of a two-article corpus', async () => {
    const dir = await twoArticleCorpus();
    await writeFile(join(dir, 'notes.txt'), 'not an article');
    const run = await cli('ask', ['--json', '--corpus', dir, 'How many otters were counted near the pier?']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout.trim());
    expect(json.answered).toBe(true);
    expect(json.quote).toContain('seven otters');
    expect(json.speaker).toBe('Ewan Reid');
    expect(json.speakerRole).toBe('harbour master');
    // Each person the quote lets speak, with the sentences that are theirs.
    expect(json.speakers).toEqual([
      {
        speaker: 'Ewan Reid',
        role: 'harbour master',
        sentences: ['“We counted seven otters near the old pier,” harbour master Ewan Reid said on Tuesday.'],
      },
    ]);
    expect(json.article).toEqual({
      id: OTTERS.id,
      title: OTTERS.title,
      published: OTTERS.published,
      outlet: OTTERS.outlet,
      url: OTTERS.url,
    });
    // The skipped non-Markdown file is a warning on stderr, not an error.
    expect(run.stderr).toContain('notes.txt');
    noStackTrace(run.stderr);
  });

  it('prints the answer for people without --json', async () => {
    const dir = await twoArticleCorpus();
    const run = await cli('ask', [
      '--corpus',
      dir,
      '--article',
      OTTERS.id,
      'When were the otters first seen?',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('first seen in March');
    expect(run.stdout).toContain('— Ewan Reid');
    expect(run.stdout).toContain(`${OTTERS.title} (${OTTERS.published}), paragraph 3`);
  });
});
