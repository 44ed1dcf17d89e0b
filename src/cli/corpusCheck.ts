/**
 * `npm run corpus:check [-- DIR]`: loads the corpus exactly as the bot does (every file parses, has a
 * title and a valid date, no two articles share a title) and checks that every passage is the article's
 * own text. Prints one line per article, with a line for each passage that quotes or cites someone
 * (who, and their role), or one line per problem and exits 1. The folder: DIR (or
 * `--corpus DIR`), else CORPUS_DIR from the environment or .env, read as `npm start` reads it.
 */
import path from 'node:path';
import { attributionLines, corpusProblems } from '../corpus/checkCorpus';
import { CorpusError, loadCorpus } from '../corpus/loadCorpus';
import { plural } from '../reply/plural';
import { exitWith, loadCliConfigOrExit, writeStderr } from '../runtime/startup';
import { parseCli } from './args';

const USAGE = 'usage: npm run corpus:check -- [DIR | --corpus DIR]  (default: CORPUS_DIR, else corpus/)';
const { values, positionals } = parseCli(process.argv.slice(2), USAGE);
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const { corpusDir } = loadCliConfigOrExit(positionals[0] || values.corpus);

/** A file under the working directory is shown relative to it, so the lines read the same on any machine. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

try {
  const corpus = await loadCorpus(corpusDir);
  const problems = corpusProblems(corpus);
  for (const problem of problems) writeStderr(`corpus: ${problem}`);
  if (problems.length > 0) process.exit(1);
  for (const article of corpus.articles) {
    const passages = corpus.passages.filter((p) => p.articleId === article.id);
    const sections = new Set(passages.map((p) => p.section).filter(Boolean)).size;
    console.log(
      `ok  ${shown(article.file)}: "${article.meta.title}" (${article.meta.published}), ${plural(passages.length, 'passage')}, ${plural(sections, 'section')}`,
    );
    for (const line of attributionLines(passages)) console.log(`      ${line}`);
  }
  console.log(
    `corpus ok: ${plural(corpus.articles.length, 'article')}, ${plural(corpus.passages.length, 'passage')}`,
  );
} catch (error) {
  if (!(error instanceof CorpusError)) throw error;
  exitWith(writeStderr, `corpus: ${error.message}`);
}
