// A broken corpus, as `npm start` meets it: the real `tsx src/main.ts` is spawned with CORPUS_DIR set.
// Any bad article stops start-up with one line naming the file and the problem and a non-zero exit,
// before anything is answered and before Discord is contacted: the bot never answers from half a
// corpus. Files that are not Markdown are skipped with a warning. (corpus.test.ts checks the loader's
// messages in detail; this checks what an operator sees. An empty folder, the same way, is in
// console.test.ts.)
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config';
import { FakeDiscord } from './support/fakeDiscord';
import { killChildren, realisticToken, runMain } from './support/processes';

const SEED = path.join(PROJECT_ROOT, 'corpus', 'blinken-lavrov-g20.md');
const QUESTION = 'How long did the meeting last?\n';
const folders: string[] = [];

// Tests run concurrently: a child is killed only once all of them are done (each awaits its own exit).
afterAll(async () => {
  await killChildren();
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh corpus folder holding the seed article (so a refusal is never for want of a good one) and `files`. */
async function corpusWith(files: Record<string, string | Buffer>, withSeed = true): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'askbot-startup-'));
  folders.push(dir);
  if (withSeed) await copyFile(SEED, path.join(dir, 'blinken-lavrov-g20.md'));
  for (const [name, contents] of Object.entries(files)) await writeFile(path.join(dir, name), contents);
  return dir;
}

const article = (front: string, body = 'A paragraph that says something worth quoting.\n') =>
  `---\n${front}\n---\n${body}`;

interface Refusal {
  /** The folder, or the file inside it, the line must name. */
  names: (dir: string) => string;
  problem: RegExp;
  files?: Record<string, string | Buffer>;
  /** Use this folder instead of making one. */
  dir?: () => Promise<string>;
}

const refusals: Record<string, Refusal> = {
  'a missing folder': {
    dir: async () => path.join(await corpusWith({}, false), 'no-such-folder'),
    names: (dir) => dir,
    problem: /ENOENT|not exist|cannot read/i,
  },
  'a file without front matter': {
    files: { 'no-front-matter.md': 'Just a paragraph, no --- block above it.\n' },
    names: (dir) => path.join(dir, 'no-front-matter.md'),
    problem: /front matter/i,
  },
  'a bad date': {
    files: { 'bad-date.md': article('title: A dated article\npublished: 2023-13-45') },
    names: (dir) => path.join(dir, 'bad-date.md'),
    problem: /published/i,
  },
  'two articles with the same title': {
    files: {
      'same-title.md': article(
        'title: "Blinken, Lavrov meet for first time since Russia’s invasion of Ukraine"\npublished: 2023-03-03',
      ),
    },
    // Files are read in name order: the seed article comes first, so the copy is the one named.
    names: (dir) => path.join(dir, 'same-title.md'),
    problem: /title.*blinken-lavrov-g20\.md/i,
  },
  'a binary file named .md': {
    files: { 'image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) },
    names: (dir) => path.join(dir, 'image.md'),
    problem: /binary/i,
  },
  'a 10 MB file': {
    files: {
      'huge.md': article(
        'title: A huge article\npublished: 2023-03-02',
        'All work and no play. '.repeat(480_000),
      ),
    },
    names: (dir) => path.join(dir, 'huge.md'),
    problem: /MB/,
  },
};

// Each start takes a few seconds and waits for a free slot (see support/processes.ts): generous timeouts.
describe.concurrent('npm start refuses a broken corpus with one line and a non-zero exit', {
  timeout: 60_000,
}, () => {
  for (const [name, refusal] of Object.entries(refusals)) {
    it(name, async ({ expect }) => {
      const dir = refusal.dir ? await refusal.dir() : await corpusWith(refusal.files ?? {});
      const run = runMain({ CORPUS_DIR: dir }, QUESTION);
      const code = await run.exit;
      expect(code).not.toBe(0);
      expect(code).not.toBeNull();
      // Nothing answered: not even the question that was waiting on stdin.
      expect(run.stdout()).toBe('');
      const lines = run.stderr().trim().split('\n');
      expect(lines, run.stderr()).toHaveLength(1);
      expect(lines[0]).toMatch(/^corpus: /);
      expect(lines[0]).toContain(refusal.names(dir));
      expect(lines[0]).toMatch(refusal.problem);
      expect(lines[0]).not.toMatch(/\s+at \S+:\d+/);
    });
  }

  it('files that are not Markdown are skipped with a warning each, and the rest is answered', async ({
    expect,
  }) => {
    const dir = await corpusWith({
      'notes.txt': 'A draft, not an article.\n',
      'photo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
      'article.markdown': article('title: Wrong extension\npublished: 2023-03-02'),
    });
    await mkdir(path.join(dir, 'drafts'));
    const run = runMain({ CORPUS_DIR: dir }, QUESTION);
    expect(await run.exit).toBe(0);
    const warnings = run
      .stderr()
      .split('\n')
      .filter((line) => line.startsWith('corpus: '));
    for (const skipped of ['notes.txt', 'photo.png', 'article.markdown', 'drafts']) {
      const warning = warnings.find((line) => line.includes(path.join(dir, skipped)));
      expect(warning, `a warning for ${skipped} in: ${run.stderr()}`).toMatch(/skipping .*not a Markdown/);
    }
    expect(warnings).toHaveLength(4);
    expect(run.stdout()).toContain('The discussion lasted 10 minutes');
  });

  it('with a token, a bad article stops start-up before Discord is contacted at all', async ({ expect }) => {
    const token = realisticToken();
    const fake = await FakeDiscord.start({ token });
    try {
      const dir = await corpusWith({ 'bad-date.md': article('title: Half a corpus\npublished: someday') });
      const run = runMain({ CORPUS_DIR: dir, DISCORD_TOKEN: token, DISCORD_API_URL: fake.apiUrl });
      const code = await run.exit;
      expect(code).not.toBe(0);
      const output = (run.stdout() + run.stderr()).trim();
      expect(output.split('\n')).toHaveLength(1);
      expect(output).toMatch(/^corpus: .*bad-date\.md.*published/);
      expect(output).not.toContain(token);
      // Never logged in, so it could never answer from the articles that did load.
      expect(fake.requests).toEqual([]);
      expect(fake.identifies).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});
