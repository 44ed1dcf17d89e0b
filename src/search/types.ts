import type { ArticleMeta, Passage } from '../corpus/types';

export interface ArticleRef extends ArticleMeta {
  id: string;
}

/** Another passage that also matched, offered as "next best". */
export interface Alternative {
  passageId: number;
  quote: string;
  paragraph: number;
  section?: string;
  speaker?: string;
  /** The speaker's role apart from the name ("senator"), when the article gives one. */
  speakerRole?: string;
  score: number;
  article: ArticleRef;
}

/** How far to trust an answer: `high` is right at least 95% of the time on questions nobody tuned for. */
export type Confidence = 'high' | 'medium' | 'low';

export interface Answer {
  answered: true;
  question: string;
  /** The article's own words, at most 600 characters: the passage, or its best sentences. */
  quote: string;
  passage: Passage;
  paragraph: number;
  section?: string;
  /** Who speaks in the sentences quoted (bold first); none for the reporter's own words. */
  speaker?: string;
  /** The speaker's role apart from the name ("senator"), when the article gives one. */
  speakerRole?: string;
  /** Confidence in [0, 1]. */
  score: number;
  confidence: Confidence;
  article: ArticleRef;
  /** Words of `quote` (as they stand in it) that matched the question: rendered in bold. */
  highlights: string[];
  alternatives: Alternative[];
}

export interface NoAnswer {
  answered: false;
  question: string;
  /** `empty`: nothing searchable was asked; `not-found`: the corpus does not answer it. */
  reason: 'empty' | 'not-found';
  /** Up to 3 questions the corpus can answer. */
  suggestions: string[];
}

export type AnswerResult = Answer | NoAnswer;

export interface AskOptions {
  /** Restrict to one article (its id). */
  articleId?: string;
}
