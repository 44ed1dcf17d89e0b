import Fuse from 'fuse.js';
import { attributionFor } from '../corpus/attribution';
import type { Corpus, Passage } from '../corpus/types';
import { answerSpans, questionKinds } from './cues';
import { PassageIndex } from './passageIndex';
import { resolveQuery } from './queryTerms';
import { chooseQuote, highlightWords } from './quote';
import { type RankedPassage, rankPassages } from './rank';
import { articleQuestions, closestSuggestions } from './suggestions';
import { cleanQuestion } from './text';
import type { Alternative, AnswerResult, ArticleRef, AskOptions } from './types';
import { WordNet } from './wordnet';

/**
 * Below this share of the question's weight, the best passage does not answer the question: the bot
 * says so instead of quoting the least-bad passage. The top score alone cannot tell an off-topic
 * question from a hard one; how much of what was asked the passage covers can.
 */
export const MIN_COVERAGE = 0.36;
const MAX_ALTERNATIVES = 3;
const AUTOCOMPLETE_LIMIT = 25;
const CHOICE_LENGTH = 100;

export class AnswerEngine {
  private readonly index: PassageIndex;
  private readonly wordnet = new WordNet();
  private readonly articlesById: Map<string, ArticleRef>;
  private readonly questionsByArticle = new Map<string, string[]>();
  private readonly questionFuse: Fuse<string>;

  private constructor(readonly corpus: Corpus) {
    this.index = new PassageIndex(corpus);
    this.articlesById = new Map(corpus.articles.map((a) => [a.id, { id: a.id, ...a.meta }]));
    const passagesByArticle = new Map<string, Passage[]>();
    for (const p of corpus.passages) {
      const list = passagesByArticle.get(p.articleId);
      if (list) list.push(p);
      else passagesByArticle.set(p.articleId, [p]);
    }
    for (const article of corpus.articles) {
      this.questionsByArticle.set(article.id, articleQuestions(passagesByArticle.get(article.id) ?? []));
    }
    this.questionFuse = new Fuse([...new Set([...this.questionsByArticle.values()].flat())], {
      ignoreLocation: true,
      threshold: 0.4,
    });
  }

  static build(corpus: Corpus): AnswerEngine {
    return new AnswerEngine(corpus);
  }

  /** The article as answers cite it. */
  articleRef(articleId: string): ArticleRef {
    const ref = this.articlesById.get(articleId);
    if (!ref) throw new Error(`unknown article ${articleId}`);
    return ref;
  }

  passage(id: number): Passage | undefined {
    return this.corpus.passages[id];
  }

  answer(question: string, options: AskOptions = {}): AnswerResult {
    const cleaned = cleanQuestion(question);
    const ranked = this.rank(cleaned, options);
    const best = ranked[0];
    if (!best || best.coverage < MIN_COVERAGE) {
      const reason = ranked === EMPTY ? 'empty' : 'not-found';
      return {
        answered: false,
        question,
        reason,
        suggestions: this.suggestionsFor(cleaned, options.articleId),
      };
    }
    const passage = this.corpus.passages[best.passageId] as Passage;
    const quote = chooseQuote(passage.text, best.matchedTerms);
    return {
      answered: true,
      question,
      quote,
      passage,
      paragraph: passage.paragraph,
      section: passage.section,
      ...attributionFor(passage, quote, highlightWords(quote, best.matchedTerms)),
      score: round(best.coverage),
      confidence: best.coverage >= 0.7 ? 'high' : best.coverage >= 0.4 ? 'medium' : 'low',
      article: this.articleRef(passage.articleId),
      highlights: [
        ...highlightWords(quote, best.matchedTerms),
        ...answerSpans(quote, questionKinds(cleaned)),
      ],
      alternatives: ranked
        .slice(1)
        .filter((r) => r.coverage >= MIN_COVERAGE / 2)
        .slice(0, MAX_ALTERNATIVES)
        .map((r) => this.alternative(r)),
    };
  }

  /** The best passages for a question whether or not the engine would answer it (for evaluation). */
  candidates(question: string, options: AskOptions = {}, limit = 3): Alternative[] {
    return this.rank(cleanQuestion(question), options)
      .slice(0, limit)
      .map((r) => this.alternative(r));
  }

  /**
   * The words to show for one passage (at most 600 characters of it) and, when the question is known,
   * the words of it that match: for "next best passage" and other displays of a chosen passage.
   */
  quoteFor(passageId: number, question = ''): { quote: string; highlights: string[] } | undefined {
    const passage = this.corpus.passages[passageId];
    if (!passage) return undefined;
    const cleaned = cleanQuestion(question);
    const matched = new Set(
      resolveQuery(cleaned, this.index, this.wordnet).flatMap((w) => w.alternatives.map((a) => a.term)),
    );
    const quote = chooseQuote(passage.text, matched);
    return {
      quote,
      highlights: [...highlightWords(quote, matched), ...answerSpans(quote, questionKinds(cleaned))],
    };
  }

  /** Up to 25 suggestions (each at most 100 characters) for what the user is typing. */
  autocomplete(input: string, options: AskOptions = {}): string[] {
    const typed = cleanQuestion(input, 200);
    if (!typed) return this.starterQuestions(options.articleId).slice(0, AUTOCOMPLETE_LIMIT);
    const choices: string[] = [];
    const add = (text: string) => {
      const choice = clip(text);
      if (choice && !choices.includes(choice)) choices.push(choice);
    };
    const allowed = new Set(this.starterQuestions(options.articleId));
    // Tiers, as people expect: questions that start with what was typed, then fuzzy matches, then passages.
    for (const q of allowed) if (q.toLowerCase().startsWith(typed.toLowerCase())) add(q);
    for (const r of this.questionFuse.search(typed, { limit: 10 })) if (allowed.has(r.item)) add(r.item);
    for (const r of this.rank(this.completeLastWord(typed), options).slice(0, 10))
      add(this.corpus.passages[r.passageId]?.text ?? '');
    // "how long…" names no subject yet: offer what the article answers rather than nothing.
    if (choices.length === 0) return this.starterQuestions(options.articleId).slice(0, AUTOCOMPLETE_LIMIT);
    return choices.slice(0, AUTOCOMPLETE_LIMIT);
  }

  /** While typing, the last word is usually unfinished: "who is paul whel" searches for "whelan". */
  private completeLastWord(typed: string): string {
    const last = /([\p{L}\p{N}]+)$/u.exec(typed)?.[1];
    if (!last || last.length < 2 || this.index.vocabulary.has(last.toLowerCase())) return typed;
    const [completion] = this.index.completions(last.toLowerCase(), 1);
    return completion ? `${typed.slice(0, -last.length)}${completion}` : typed;
  }

  /** A few questions the corpus answers, for empty input and abstentions. */
  starterQuestions(articleId?: string): string[] {
    if (articleId) return this.questionsByArticle.get(articleId) ?? [];
    // Round-robin over articles, so a many-article corpus offers a bit of each.
    const lists = [...this.questionsByArticle.values()];
    const out: string[] = [];
    for (let i = 0; out.length < AUTOCOMPLETE_LIMIT && lists.some((l) => i < l.length); i++) {
      for (const list of lists) if (list[i] && out.length < AUTOCOMPLETE_LIMIT) out.push(list[i] as string);
    }
    return out;
  }

  private rank(cleaned: string, options: AskOptions): RankedPassage[] {
    const queryWords = resolveQuery(cleaned, this.index, this.wordnet);
    if (queryWords.length === 0) return EMPTY;
    const { articleId } = options;
    return rankPassages({
      question: cleaned,
      queryWords,
      index: this.index,
      passages: this.corpus.passages,
      filter: articleId ? (pid) => this.corpus.passages[pid]?.articleId === articleId : undefined,
    });
  }

  private suggestionsFor(question: string, articleId?: string): string[] {
    const starters = this.starterQuestions(articleId);
    if (starters.length > 0) return closestSuggestions(question, starters, 3);
    // An article with no quoted people or question-shaped headings: offer its own headlines.
    const articles = [...this.articlesById.values()].filter((a) => !articleId || a.id === articleId);
    return articles.slice(0, 3).map((a) => clip(`What happened: ${a.title}?`));
  }

  private alternative(r: RankedPassage): Alternative {
    const passage = this.corpus.passages[r.passageId] as Passage;
    const quote = chooseQuote(passage.text, r.matchedTerms);
    return {
      passageId: passage.id,
      quote,
      paragraph: passage.paragraph,
      section: passage.section,
      ...attributionFor(passage, quote, highlightWords(quote, r.matchedTerms)),
      score: round(r.coverage),
      article: this.articleRef(passage.articleId),
    };
  }
}

const EMPTY: RankedPassage[] = [];

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function clip(text: string): string {
  return text.length <= CHOICE_LENGTH ? text : `${text.slice(0, CHOICE_LENGTH - 1).replace(/\s+\S*$/u, '')}…`;
}
