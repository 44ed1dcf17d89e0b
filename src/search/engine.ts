// INTERIM: the real ranking replaces this file's internals; the public surface stays.
import Fuse from 'fuse.js';
import type { Corpus, Passage } from '../corpus/types';
import type { AnswerResult, ArticleRef, AskOptions } from './types';

export class AnswerEngine {
  private readonly fuse: Fuse<Passage>;
  private constructor(readonly corpus: Corpus) {
    this.fuse = new Fuse(corpus.passages, { keys: ['text'], ignoreLocation: true, includeScore: true });
  }

  static build(corpus: Corpus): AnswerEngine {
    return new AnswerEngine(corpus);
  }

  /** The article a passage or id belongs to, as answers cite it. */
  articleRef(articleId: string): ArticleRef {
    const article = this.corpus.articles.find((a) => a.id === articleId);
    if (!article) throw new Error(`unknown article ${articleId}`);
    return { id: article.id, ...article.meta };
  }

  passage(id: number): Passage | undefined {
    return this.corpus.passages[id];
  }

  answer(question: string, _options: AskOptions = {}): AnswerResult {
    const q = question.trim().slice(0, 200);
    const hit = q ? this.fuse.search(q)[0] : undefined;
    if (!hit) return { answered: false, question, reason: q ? 'not-found' : 'empty', suggestions: this.starterQuestions().slice(0, 3) };
    const p = hit.item;
    return {
      answered: true,
      question,
      quote: p.text.slice(0, 600),
      passage: p,
      paragraph: p.paragraph,
      section: p.section,
      speaker: p.speaker,
      score: 1 - (hit.score ?? 1),
      article: this.articleRef(p.articleId),
      highlights: [],
      alternatives: [],
    };
  }

  /** Up to 25 suggestions (each at most 100 characters) for what the user is typing. */
  autocomplete(input: string, options: AskOptions = {}): string[] {
    if (!input.trim()) return this.starterQuestions(options.articleId);
    return [];
  }

  /** A few questions the corpus answers well, for empty input and abstentions. */
  starterQuestions(_articleId?: string): string[] {
    return ['How long did the meeting last?'];
  }
}
