import { fold } from '../src/corpus/fold';
import type { Choice } from '../src/reply/reply';
import type { AnswerEngine } from '../src/search/engine';
import type { ArticleRef } from '../src/search/types';

/**
 * The article an `article` option names. Autocomplete sends the id, but a user may also type
 * (part of) a title without picking a suggestion: an exact id or title wins, else one title match.
 */
export function resolveArticle(engine: AnswerEngine, input: string): ArticleRef | undefined {
  const wanted = fold(input);
  if (!wanted) return undefined;
  const { articles } = engine.corpus;
  const exact = articles.find((a) => a.id === input.trim() || fold(a.meta.title) === wanted);
  if (exact) return engine.articleRef(exact.id);
  const partial = articles.filter((a) => fold(a.meta.title).includes(wanted) || a.id.includes(wanted));
  return partial.length === 1 && partial[0] ? engine.articleRef(partial[0].id) : undefined;
}

/** Autocomplete for an `article` option: titles as names, ids as values (ids over 100 characters cannot be sent). */
export function articleChoices(engine: AnswerEngine, input: string): Choice[] {
  const wanted = fold(input);
  return engine.corpus.articles
    .filter((a) => a.id.length <= 100)
    .filter((a) => !wanted || fold(a.meta.title).includes(wanted) || a.id.includes(wanted))
    .map((a) => ({ name: a.meta.title, value: a.id }));
}
