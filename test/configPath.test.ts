// One configuration path: every command reads its settings, CORPUS_DIR included, through loadConfig,
// which reads .env from the working directory. Each command is spawned for real from a temporary folder
// holding only a .env, with none of the test runner's settings inherited; `--corpus DIR` still wins, and
// an empty CORPUS_DIR means unset (the project's corpus) everywhere.
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusDir, OTTERS, PROJECT_ROOT, removeCorpusDirs } from './support/engineFixtures';
import { cleanEnv, spawnScript } from './support/processes';

afterAll(removeCorpusDirs);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `script` from a fresh folder whose .env holds `dotenv` (lines), with `args` and piped `input`. */
async function runWithEnv(
  script: string,
  dotenv: string[],
  options: { args?: string[]; input?: string; env?: Record<string, string> } = {},
): Promise<Run> {
  const cwd = await mkdtemp(path.join(tmpdir(), 'askbot-config-'));
  await writeFile(path.join(cwd, '.env'), `${dotenv.join('\n')}\n`);
  const run = spawnScript(script, {
    cwd,
    env: cleanEnv({ NO_COLOR: '1', ...options.env }),
    args: options.args,
    input: options.input ?? '',
  });
  const code = await run.exit;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

const otters = () => corpusDir({ [`${OTTERS.id}.md`]: OTTERS.source });
const broken = () => corpusDir({ 'broken.md': '---\ntitle: Broken\n---\nNo date in the front matter.\n' });
const OTTER_QUESTION = 'How many otters were counted near the pier?';

describe('CORPUS_DIR in .env', () => {
  it('npm start (the console) answers from it', async () => {
    const run = await runWithEnv('src/main.ts', [`CORPUS_DIR=${await otters()}`], {
      input: `${OTTER_QUESTION}\n`,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('seven otters');
  });

  it('npm run start:sharded checks it before connecting', async () => {
    const dir = await broken();
    const run = await runWithEnv('src/sharded.ts', [`CORPUS_DIR=${dir}`, 'DISCORD_TOKEN=a.b.c']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`corpus: ${path.join(dir, 'broken.md')}`);
  });

  it('npm run ask answers from it, and --corpus wins over it', async () => {
    const fromEnv = await runWithEnv('src/cli/ask.ts', [`CORPUS_DIR=${await otters()}`], {
      args: ['--json', OTTER_QUESTION],
    });
    expect(fromEnv.code).toBe(0);
    expect(JSON.parse(fromEnv.stdout).article.id).toBe(OTTERS.id);

    const overridden = await runWithEnv('src/cli/ask.ts', [`CORPUS_DIR=${await broken()}`], {
      args: ['--json', '--corpus', await otters(), OTTER_QUESTION],
    });
    expect(overridden.code).toBe(0);
    expect(JSON.parse(overridden.stdout).article.id).toBe(OTTERS.id);
  });

  it('npm run eval scores against it', async () => {
    const dir = await otters();
    const questions = path.join(dir, 'q.jsonl');
    await writeFile(questions, `${JSON.stringify({ q: OTTER_QUESTION, expect: ['seven otters'] })}\n`);
    const run = await runWithEnv('src/cli/eval.ts', [`CORPUS_DIR=${dir}`], { args: [questions] });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^engine: 1\/1 right/m);
    expect(run.stdout).toMatch(/over 3 passages/);
  });

  it('npm run corpus:check checks it (not corpus/), and DIR or --corpus win over it', async () => {
    const dir = await broken();
    const run = await runWithEnv('src/cli/corpusCheck.ts', [`CORPUS_DIR=${dir}`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(path.join(dir, 'broken.md'));
    expect(run.stdout).not.toContain('corpus ok');

    for (const args of [[await otters()], ['--corpus', await otters()]]) {
      const overridden = await runWithEnv('src/cli/corpusCheck.ts', [`CORPUS_DIR=${dir}`], { args });
      expect(overridden.code).toBe(0);
      expect(overridden.stdout).toContain('corpus ok: 1 article, 3 passages');
    }
  });

  it.skipIf(!existsSync(path.join(PROJECT_ROOT, '..', 'shared', 'questions', 'dev.jsonl')))(
    'npm run bench measures its seed scenario on it',
    async () => {
      const dir = await otters();
      const run = await runWithEnv('src/cli/bench.ts', [`CORPUS_DIR=${dir}`], {
        args: ['--articles', '1', '--paragraphs', '2', '--rounds', '1', '--fuse-budget', '1'],
      });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`[seed] ${dir}: 1 article, 3 passages`);
    },
  );

  it('npm start names every bad setting of .env in one line', async () => {
    const run = await runWithEnv('src/main.ts', ['ASK_COOLDOWN_SECONDS=abc', 'SHARD_LIST=0-3']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      'config: ASK_COOLDOWN_SECONDS must be a number of seconds; SHARD_LIST needs SHARD_COUNT, the number of shards over all hosts',
    ]);
  });

  it('npm run deploy reads the same settings, and names every bad one', async () => {
    const run = await runWithEnv('src/cli/deploy.ts', [
      'DISCORD_TOKEN=a.b.c',
      'DISCORD_CLIENT_ID=1000000000000000001',
      'ASK_COOLDOWN_SECONDS=abc',
      'SHARD_LIST=0-3',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(/^deploy: config: .*ASK_COOLDOWN_SECONDS.*; .*SHARD_LIST/);
  });
});

describe('an empty CORPUS_DIR means unset: the project corpus', () => {
  it.each([
    ['npm start', 'src/main.ts', [], 'Article: Blinken, Lavrov meet'],
    ['npm run ask', 'src/cli/ask.ts', ['How long did the meeting last?'], '10 minutes'],
    ['npm run corpus:check', 'src/cli/corpusCheck.ts', [], 'corpus ok: 1 article, 14 passages'],
  ])('%s', async (_name, script, args, expected) => {
    const run = await runWithEnv(script, ['CORPUS_DIR='], {
      args,
      input: 'How long did the meeting last?\n',
    });
    expect(run.stderr).not.toMatch(/ENOENT|cannot read/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(expected);
  });

  it('npm run eval', async () => {
    const dir = await corpusDir({
      'q.jsonl': `${JSON.stringify({ q: 'How long did the meeting last?', expect: ['10 minutes'] })}\n`,
    });
    const run = await runWithEnv('src/cli/eval.ts', ['CORPUS_DIR='], { args: [path.join(dir, 'q.jsonl')] });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/over 14 passages/);
  });
});
