import Fuse from 'fuse.js';
import { attributionFor } from '../corpus/attribution';
import type { Corpus, Passage } from '../corpus/types';
import { answerSpans, questionKinds } from './cues';
import { type ConfidenceFeature, RANK_FEATURES, type RankFeature } from './featureNames';
import { confidenceFeatures, coveredShare, type QuestionFacts } from './features';
import { textHolders } from './match';
import { PassageIndex } from './passageIndex';
import { resolveQuery, type TermAlternative } from './queryTerms';
import { repairQuestionWords } from './questionWords';
import { chooseQuote, highlightWords } from './quote';
import { literalTerms, questionFacts, type RankedPassage, rankPassages } from './rank';
import { expandShorthand } from './shorthand';
import { articleQuestions, closestSuggestions } from './suggestions';
import { cleanQuestion, isStopword } from './text';
import type { Alternative, AnswerResult, ArticleRef, AskOptions, Confidence } from './types';
import { type LogisticModel, ON_TOPIC, RIGHT, type RightModel } from './weights';
import { WordNet } from './wordnet';

/** Everything the engine worked out about one question: what the tuner learns from. */
export interface Analysis {
  /** The question as analysed: cleaned, shorthand spelled out, question words repaired. */
  question: string;
  facts: QuestionFacts;
  ranked: RankedPassage[];
}

/** The probability a logistic model gives for these features. */
export function probability(
  model: LogisticModel,
  features: Readonly<Record<ConfidenceFeature, number>>,
): number {
  return sigmoid(logit(model, features));
}

/** A logistic model's log-odds for these features. */
function logit(model: LogisticModel, features: Readonly<Record<ConfidenceFeature, number>>): number {
  let z = model.bias;
  for (const [name, weight] of weightsOf(model)) z += weight * (features[name] ?? 0);
  return z;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * The probability that the best passage is right: the right-passage model over the confidence
 * features and the best passage's rank features.
 */
export function rightProbability(
  model: RightModel,
  signals: Readonly<Record<ConfidenceFeature, number>>,
  best: Readonly<Record<RankFeature, number>>,
): number {
  let z = logit(model, signals);
  for (const name of RANK_FEATURES) z += model.evidence[name] * (best[name] ?? 0);
  return sigmoid(z);
}

/** A model's weights as [feature, weight] pairs in their record's order, listed once per model (models are never changed once made). */
const weightLists = new WeakMap<LogisticModel, ReadonlyArray<readonly [ConfidenceFeature, number]>>();

function weightsOf(model: LogisticModel): ReadonlyArray<readonly [ConfidenceFeature, number]> {
  let list = weightLists.get(model);
  if (!list) {
    list = Object.entries(model.weights) as Array<[ConfidenceFeature, number]>;
    weightLists.set(model, list);
  }
  return list;
}

/**
 * Whether the passage is on the topic but lacks what was asked: the kind of answer ("how old" and no
 * age, "when" and no date), or the thing a possessive or "the X of" asks about ("Zakharova's favourite
 * food" and her paragraph says nothing of food). It may well not answer (issue 9: "answer with low
 * confidence").
 */
export function missesWhatWasAsked(signals: Readonly<Record<ConfidenceFeature, number>>): boolean {
  return signals.kindMissing === 1 || signals.focusMissing === 1;
}

/**
 * The label of an answer: by the right-passage model's cut-offs, except that a passage that misses
 * what was asked (`missesWhatWasAsked`) is at most `low` however well it matches.
 */
export function confidenceOf(
  pRight: number,
  missing: boolean,
  cut: { high: number; low: number } = RIGHT,
): Confidence {
  if (missing) return 'low';
  return pRight >= cut.high ? 'high' : pRight >= cut.low ? 'medium' : 'low';
}

/** What showing a passage needs of its ranking: its score among the others, and the words that matched. */
type Shown = Pick<RankedPassage, 'passageId' | 'score' | 'matchedTerms'>;

const MAX_ALTERNATIVES = 3;
const AUTOCOMPLETE_LIMIT = 25;
const CHOICE_LENGTH = 100;

export class AnswerEngine {
  private readonly index: PassageIndex;
  private readonly wordnet = WordNet.shared();
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

  /**
   * Indexes the corpus. What typo repair reads (WordNet's lemmas, the corpus's words by sound) is read
   * here too: a user's first misspelt question should cost what every other one does.
   */
  static build(corpus: Corpus): AnswerEngine {
    const engine = new AnswerEngine(corpus);
    engine.wordnet.prepare();
    engine.index.wordsSounding([]);
    return engine;
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

  /** Cleans the question, spells out chat shorthand and repairs misspelt question words. */
  private prepare(question: string): string {
    const spelled = expandShorthand(cleanQuestion(question), this.usedByCorpus);
    return repairQuestionWords(spelled, this.typedOnPurpose);
  }

  // Made once, not per question (tsx names every function as it is made).
  private readonly usedByCorpus = (word: string) => this.index.vocabulary.has(word);
  /** "were" is a word, not a slip of "where": stopwords are typed on purpose. */
  private readonly typedOnPurpose = {
    isKnown: (w: string) => this.usedByCorpus(w) || isStopword(w) || this.wordnet.commonness(w) > 0,
  };

  /** The question's facts and its passages ranked best first, whether or not the engine would answer. */
  analyse(question: string, options: AskOptions = {}): Analysis {
    const prepared = this.prepare(question);
    const { articleId } = options;
    const inArticle = articleId
      ? (pid: number) => this.corpus.passages[pid]?.articleId === articleId
      : undefined;
    // Asked of one article, a word only that article's passages hold counts as known: "otters" asked of
    // an article about diplomacy is a word it never uses, whatever the rest of the corpus says.
    const queryWords = resolveQuery(prepared, this.index, this.wordnet).map((word) =>
      inArticle
        ? { ...word, alternatives: word.alternatives.filter((a) => this.holdsAny(a, inArticle)) }
        : word,
    );
    const facts = questionFacts(prepared, queryWords, this.index, this.wordnet);
    const ranked = rankPassages({
      question: prepared,
      queryWords,
      index: this.index,
      passages: this.corpus.passages,
      filter: inArticle,
      facts,
    });
    return { question: prepared, facts, ranked };
  }

  /** Whether a passage that passes `filter` holds the alternative, in its text or its context. */
  private holdsAny(alternative: TermAlternative, filter: (pid: number) => boolean): boolean {
    const [term] = alternative.terms;
    if (textHolders(alternative, this.index).some(([pid]) => filter(pid))) return true;
    return alternative.terms.length === 1 && !!term && this.index.contextHolders(term).some(filter);
  }

  answer(question: string, options: AskOptions = {}): AnswerResult {
    const analysis = this.analyse(question, options);
    // Nothing searchable, yet a question about the story ("tldr", "what happened?", "why does this matter?").
    if (analysis.facts.words.length === 0) {
      const story = this.storyAnswer(question, analysis, options.articleId);
      if (story) return story;
    }
    const { ranked } = analysis;
    const best = ranked[0];
    const signals = confidenceFeatures(analysis.facts, ranked, (pid) => this.corpus.passages[pid]?.articleId);
    if (!best || probability(ON_TOPIC, signals) < ON_TOPIC.threshold) {
      // "Empty": nothing searchable was asked (no word but stopwords and question words).
      const reason = analysis.facts.words.length === 0 ? 'empty' : 'not-found';
      return {
        answered: false,
        question,
        reason,
        suggestions: this.suggestionsFor(analysis.question, options.articleId),
      };
    }
    const pRight = rightProbability(RIGHT, signals, best.features);
    const missing = missesWhatWasAsked(signals);
    // "tldr of the bridge vote story": the question's words choose the article, its lead sums it up.
    const found = this.corpus.passages[best.passageId] as Passage;
    const passage = (analysis.facts.summaryOnly && this.leadOf(found.articleId)) || found;
    const matched = passage === found ? best.matchedTerms : new Set<string>();
    const quote = chooseQuote(passage.text, matched);
    const highlights = [
      ...highlightWords(quote, matched),
      ...answerSpans(quote, questionKinds(analysis.question)),
    ];
    return {
      answered: true,
      question,
      quote,
      passage,
      paragraph: passage.paragraph,
      section: passage.section,
      // The speaker of the sentences in bold, not the passage's: the reporter's own sentences have none.
      ...attributionFor(
        passage,
        quote,
        highlights,
        highlightWords(quote, literalMatches(analysis.facts, matched)),
      ),
      // Shown beside the label, the score agrees with it: a passage missing what was asked is below `low`.
      score: round(missing ? Math.min(pRight, RIGHT.low - 0.001) : pRight),
      confidence: confidenceOf(pRight, missing),
      article: this.articleRef(passage.articleId),
      highlights,
      alternatives: ranked
        .filter((r) => r.passageId !== passage.id && coveredShare(r.features) > 0)
        .slice(0, MAX_ALTERNATIVES)
        .map((r) => this.describe(r, ranked, analysis.facts)),
    };
  }

  private leadOf(articleId: string): Passage | undefined {
    return this.corpus.passages.find((p) => p.articleId === articleId && p.paragraph === 1);
  }

  /**
   * A question with no word to search for that still asks about the story. "tldr", "give me the gist"
   * and "what happened?" are answered by the lead, as news writes it to be read. A question of a kind
   * and nothing more ("why does this matter?", "why is it important?") is answered by the passage under
   * a heading that asks that kind of question ("Why is a meeting between the U.S. and Russia
   * important?"), as news explainers set out their answers. One word alone ("why?") is a reaction to
   * something said, not a question about the story.
   */
  private storyAnswer(question: string, analysis: Analysis, articleId?: string): AnswerResult | undefined {
    const { facts } = analysis;
    const inScope = (p: Passage) => !articleId || p.articleId === articleId;
    if (facts.summaryOnly || facts.summary) {
      const leads = this.newestFirst(this.corpus.passages.filter((p) => p.paragraph === 1 && inScope(p)));
      // Of one article its lead is the summary (high); of several, which one was meant is a guess, its
      // chance shown no lower than the label it is given.
      const only = leads.length === 1;
      return this.firstOf(
        question,
        leads,
        only ? 'high' : 'medium',
        only ? 1 : Math.max(1 / leads.length, RIGHT.low),
      );
    }
    if (facts.allKinds.length === 0 || !/\s/u.test(analysis.question.trim())) return undefined;
    const underHeading = new Map<string, Passage>();
    for (const p of this.corpus.passages) {
      if (!inScope(p) || underHeading.has(p.articleId) || !p.section?.endsWith('?')) continue;
      if (questionKinds(p.section).some((k) => facts.allKinds.includes(k))) underHeading.set(p.articleId, p);
    }
    // The heading asks the kind of question, not necessarily this one: medium, at the least a medium
    // answer has (no model measured this chance).
    return this.firstOf(question, this.newestFirst([...underHeading.values()]), 'medium', RIGHT.low);
  }

  /** Passages of the newest article first (then in article order). */
  private newestFirst(passages: Passage[]): Passage[] {
    const published = (id: string) => this.articlesById.get(id)?.published ?? '';
    return passages.sort(
      (a, b) => published(b.articleId).localeCompare(published(a.articleId)) || a.id - b.id,
    );
  }

  /** The first of passages chosen without words to match, the others offered next. */
  private firstOf(
    question: string,
    passages: Passage[],
    confidence: Confidence,
    score: number,
  ): AnswerResult | undefined {
    const [first] = passages;
    if (!first) return undefined;
    const quote = chooseQuote(first.text, new Set());
    const ranked: Shown[] = passages.map((p) => ({ passageId: p.id, score: 0, matchedTerms: new Set() }));
    return {
      answered: true,
      question,
      quote,
      passage: first,
      paragraph: first.paragraph,
      section: first.section,
      ...attributionFor(first, quote, []),
      score: round(score),
      confidence,
      article: this.articleRef(first.articleId),
      highlights: [],
      alternatives: ranked.slice(1, 1 + MAX_ALTERNATIVES).map((r) => this.describe(r, ranked)),
    };
  }

  /** The best passages for a question whether or not the engine would answer it (for evaluation). */
  candidates(question: string, options: AskOptions = {}, limit = 3): Alternative[] {
    const { facts, ranked } = this.analyse(question, options);
    return ranked.slice(0, limit).map((r) => this.describe(r, ranked, facts));
  }

  /**
   * The words to show for one passage (at most 600 characters of it) and, when the question is known,
   * the words of it that match: for "next best passage" and other displays of a chosen passage.
   */
  quoteFor(passageId: number, question = ''): { quote: string; highlights: string[] } | undefined {
    const passage = this.corpus.passages[passageId];
    if (!passage) return undefined;
    const cleaned = this.prepare(question);
    const matched = new Set(
      resolveQuery(cleaned, this.index, this.wordnet).flatMap((w) => w.alternatives.flatMap((a) => a.terms)),
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
    for (const r of this.analyse(this.completeLastWord(typed), options).ranked.slice(0, 10))
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

  private suggestionsFor(question: string, articleId?: string): string[] {
    const starters = this.starterQuestions(articleId);
    if (starters.length > 0) return closestSuggestions(question, starters, 3);
    // An article with no quoted people or question-shaped headings: offer its own headlines.
    const articles = [...this.articlesById.values()].filter((a) => !articleId || a.id === articleId);
    return articles.slice(0, 3).map((a) => clip(`What happened: ${a.title}?`));
  }

  /**
   * A ranked passage as answers show it, with its share of the model's belief among the ranked ones as
   * its score; its speaker chosen as the answer's is when the question's facts are given.
   */
  describe(r: Shown, ranked: readonly Shown[], facts?: QuestionFacts): Alternative {
    const passage = this.corpus.passages[r.passageId] as Passage;
    const quote = chooseQuote(passage.text, r.matchedTerms);
    const highlights = highlightWords(quote, r.matchedTerms);
    const literal = facts ? highlightWords(quote, literalMatches(facts, r.matchedTerms)) : highlights;
    let total = 0;
    for (const other of ranked) total += Math.exp(other.score - (ranked[0]?.score ?? 0));
    return {
      passageId: passage.id,
      quote,
      paragraph: passage.paragraph,
      section: passage.section,
      ...attributionFor(passage, quote, highlights, literal),
      score: round(Math.exp(r.score - (ranked[0]?.score ?? 0)) / total),
      article: this.articleRef(passage.articleId),
    };
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function clip(text: string): string {
  return text.length <= CHOICE_LENGTH ? text : `${text.slice(0, CHOICE_LENGTH - 1).replace(/\s+\S*$/u, '')}…`;
}

/** The matched terms that are the question's own words (as written, repaired or as they sound), not relatives. */
function literalMatches(facts: QuestionFacts, matched: ReadonlySet<string>): Set<string> {
  return new Set(facts.words.flatMap(literalTerms).filter((term) => matched.has(term)));
}
