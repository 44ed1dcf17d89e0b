/**
 * `npm run corpus:check [-- DIR]`: loads the corpus exactly as the bot does (every file parses, has a
 * title and a valid date, no two articles share a title) and checks that every passage is the article's
 * own text. Prints one line per article, or one line per problem and exits 1.
 */
import { corpusProblems } from '../corpus/checkCorpus';
import { CorpusError, loadCorpus } from '../corpus/loadCorpus';
import { DEFAULT_CORPUS_DIR } from './loadEngine';

const dir = process.argv[2] ?? process.env.CORPUS_DIR ?? DEFAULT_CORPUS_DIR;
try {
  const corpus = await loadCorpus(dir);
  const problems = corpusProblems(corpus);
  for (const problem of problems) console.error(`corpus: ${problem}`);
  if (problems.length > 0) process.exit(1);
  for (const article of corpus.articles) {
    const passages = corpus.passages.filter((p) => p.articleId === article.id);
    const sections = new Set(passages.map((p) => p.section).filter(Boolean)).size;
    console.log(
      `ok  ${article.file}: "${article.meta.title}" (${article.meta.published}), ${passages.length} passages, ${sections} sections`,
    );
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  console.log(
    `corpus ok: ${plural(corpus.articles.length, 'article')}, ${plural(corpus.passages.length, 'passage')}`,
  );
} catch (error) {
  if (!(error instanceof CorpusError)) throw error;
  console.error(`corpus: ${error.message}`);
  process.exit(1);
}
