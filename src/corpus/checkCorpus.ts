import type { Corpus } from './types';
import { foldWhitespace } from './whitespace';

/**
 * What loading cannot see passage by passage: every passage must be the article's own words (the
 * splitter only folds white space and drops bullet markers), and no excluded line may be missing from
 * the body (a typo there would let another story's headline be answered from).
 */
export function corpusProblems(corpus: Corpus): string[] {
  const problems: string[] = [];
  for (const article of corpus.articles) {
    const body = foldWhitespace(article.body);
    for (const line of article.excludedLines) {
      if (!body.includes(foldWhitespace(line)))
        problems.push(`${article.file}: excluded line not found in the body: "${line}"`);
    }
    for (const passage of corpus.passages.filter((p) => p.articleId === article.id)) {
      if (!body.includes(passage.text)) {
        problems.push(`${article.file}: paragraph ${passage.paragraph} is not the article's own text`);
      }
      if (passage.text.length < 2) problems.push(`${article.file}: paragraph ${passage.paragraph} is empty`);
    }
  }
  return problems;
}
