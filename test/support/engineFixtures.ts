/**
 * Temporary corpus folders for the corpus, engine and CLI tests: real files on disk (under the OS temp
 * folder), so the loader, the engine and the spawned CLIs all read them the way they read `corpus/`.
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CORPUS_DIR = join(PROJECT_ROOT, 'corpus');
export const SEED_ARTICLE_ID = 'blinken-lavrov-g20';
export const SEED_ARTICLE_FILE = join(CORPUS_DIR, `${SEED_ARTICLE_ID}.md`);
/** The CLIs are spawned with tsx directly: `npx` and `npm run` would add seconds to every test. */
export const TSX = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

/** A small second article about something else entirely, with a quoted, named speaker. */
export const OTTERS = {
  id: 'harbour-otters',
  title: 'Otters return to Kelso harbour',
  published: '2024-05-14',
  outlet: 'Coastal Gazette',
  url: 'https://example.org/otters',
  source: [
    '---',
    'title: Otters return to Kelso harbour',
    'published: 2024-05-14',
    'outlet: Coastal Gazette',
    'url: https://example.org/otters',
    '---',
    'A family of sea otters has returned to Kelso harbour for the first time in forty years.',
    '',
    '“We counted seven otters near the old pier,” harbour master Ewan Reid said on Tuesday.',
    '',
    'Reid said the otters were first seen in March, when fishermen reported them near the lighthouse.',
    '',
  ].join('\n'),
} as const;

const made: string[] = [];

/** A fresh folder under the OS temp folder holding these files (name → contents). */
export async function corpusDir(files: Record<string, string | Buffer> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'answer-bot-test-'));
  made.push(dir);
  for (const [name, contents] of Object.entries(files)) await writeFile(join(dir, name), contents);
  return dir;
}

/** The real seed article plus the otters article: a corpus of two. */
export async function twoArticleCorpus(): Promise<string> {
  const dir = await corpusDir({ [`${OTTERS.id}.md`]: OTTERS.source });
  await copyFile(SEED_ARTICLE_FILE, join(dir, `${SEED_ARTICLE_ID}.md`));
  return dir;
}

/** Removes every folder this module made (call from afterAll). */
export async function removeCorpusDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
