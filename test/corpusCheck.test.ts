import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { attributionLines, corpusProblems } from '../src/corpus/checkCorpus';
import { loadCorpus } from '../src/corpus/loadCorpus';

const seed = readFileSync('corpus/blinken-lavrov-g20.md', 'utf8');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function corpusWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-check-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function runCheck(dir: string) {
  return spawnSync('node_modules/.bin/tsx', ['src/cli/corpusCheck.ts', dir], { encoding: 'utf8' });
}

describe('corpus check', () => {
  it('finds the project corpus sound: every passage is the article’s own text', async () => {
    expect(corpusProblems(await loadCorpus('corpus'))).toEqual([]);
    const run = runCheck('corpus');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/corpus ok: 1 article, 14 passages/);
  });

  it('lists who the bot thinks speaks in each quoted passage, with the role apart', async () => {
    const lines = attributionLines((await loadCorpus('corpus')).passages);
    expect(lines).toContain(
      '¶3  John Kirby, White House spokesman (cited) — The surprise encounter between Blinken and Russian Foreign …',
    );
    expect(lines).toContain(
      '¶5  Russia’s foreign ministry — Russia’s foreign ministry denied the top diplomats held …',
    );
    // Paragraph 7 quotes nobody: it is not listed.
    expect(lines.some((line) => line.startsWith('¶7 '))).toBe(false);
    const run = runCheck('corpus');
    expect(run.stdout).toContain(`      ${lines[0]}\n`);
    const two = corpusWith({
      'two.md':
        '---\ntitle: Two voices\npublished: 2024-01-01\n---\nCouncil member Tom Price said the ferry was too costly. Mayor Ana Ruiz said she would try again.\n',
    });
    expect(runCheck(two).stdout).toContain(
      '¶1  Tom Price, council member; Ana Ruiz, mayor — Council member Tom Price said',
    );
  });

  it('counts in English ("1 passage") and shows files under the working folder relative to it', () => {
    const dir = corpusWith({
      'one.md':
        '---\ntitle: One paragraph\npublished: 2024-01-01\n---\nA single paragraph that says something.\n',
    });
    const run = runCheck(dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('"One paragraph" (2024-01-01), 1 passage, 0 sections');
    expect(run.stdout).toContain('corpus ok: 1 article, 1 passage\n');
    expect(runCheck('corpus').stdout).toMatch(
      /^ok {2}corpus\/blinken-lavrov-g20\.md: .*, 14 passages, 2 sections$/m,
    );
  });

  it('reports an excluded line that is not in the body (a typo would let it be answered from)', async () => {
    const dir = corpusWith({ 'a.md': seed.replace('military spy:Russia', 'military spy: Russia') });
    const problems = corpusProblems(await loadCorpus(dir));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/a\.md: excluded line not found/);
    expect(runCheck(dir).status).toBe(1);
  });

  it('fails in one line on two articles with the same title', () => {
    const dir = corpusWith({ 'a.md': seed, 'b.md': seed });
    const run = runCheck(dir);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/b\.md: the title .* is already used by .*a\.md/);
  });
});
