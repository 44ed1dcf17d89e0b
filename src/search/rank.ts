import type { Passage } from '../corpus/types';
import { classify, W } from '../corpus/wordClass';
import {
  asksAboutSpeech,
  asksIdentity,
  asksWhatHappened,
  asksWhoSaid,
  focusWord,
  questionKinds,
  summaryCues,
  type VerbClasses,
} from './cues';
import { RANK_FEATURES, type RankFeature } from './featureNames';
import {
  articleShares,
  cheapFeatures,
  fullFeatures,
  type QuestionFacts,
  type ScoringContext,
  splitKinds,
} from './features';
import { LITERAL, matchPassages, NONE, type PassageMatch } from './match';
import type { PassageIndex } from './passageIndex';
import { MATCH_KINDS, type QueryWord } from './queryTerms';
import { ANALYSIS, RANKING } from './weights';

/**
 * Ranks passages for a question: the postings give the passages that match any of its words, cheap
 * features (BM25, shares of the question matched) choose the few worth reading, and those are scored
 * in full by the linear model of weights.ts.
 */

export interface RankedPassage {
  passageId: number;
  /** The model's score: a sum of features times their learned weights. */
  score: number;
  features: Record<RankFeature, number>;
  /** Index terms that matched (for highlighting). */
  matchedTerms: Set<string>;
}

export interface RankInput {
  question: string;
  queryWords: QueryWord[];
  index: PassageIndex;
  passages: readonly Passage[];
  /** Only passages for which this holds (one article). */
  filter?: (passageId: number) => boolean;
  /** The model's weights (the tuner passes its own). */
  weights?: Readonly<Record<RankFeature, number>>;
  /** The question's facts, when the caller has worked them out already. */
  facts?: QuestionFacts;
}

/** A question mark, or a question word or auxiliary verb first: English questions are shaped so. */
const QUESTION_SHAPE =
  /\?|^\W*(?:who|whom|whose|what|whats|when|where|which|why|how|did|does|do|is|are|was|were|can|could|will|would|has|have|had|should|shall)\b/iu;

/** The one-word index terms a question word matches as written (or as a typo or sound of it). */
export function literalTerms(word: QueryWord): readonly string[] {
  let terms = literalTermsOf.get(word);
  if (!terms) {
    terms = word.alternatives
      .filter((a) => MATCH_KINDS.indexOf(a.kind) <= LITERAL && a.terms.length === 1)
      .map((a) => a.terms[0] ?? '');
    literalTermsOf.set(word, terms);
  }
  return terms;
}

/** A question word's literal terms, asked for by its facts, its answer and each alternative: picked once. */
const literalTermsOf = new WeakMap<QueryWord, readonly string[]>();

/** A third-person pronoun for people ("they", "her"; not "it", which chat uses of anything). */
const THIRD_PERSON = /\b(?:he|she|they|him|her|them|his|hers|their|theirs)\b/u;

/** "How many stores", "the number of saves": the word whose count is asked for. */
const COUNTED = /\b(?:how many|number of)\s+(?:[a-z]+ly\s+)?([a-z]+)/u;

export function questionFacts(
  question: string,
  words: readonly QueryWord[],
  index: PassageIndex,
  verbs?: VerbClasses,
): QuestionFacts {
  const allKinds = questionKinds(question);
  const namedSpeakers = new Set<string>();
  // "Who said Belton hasn't lived up to the standard": whoever is named is what was said, never who said it.
  const whoSaid = asksWhoSaid(question, verbs);
  if (asksAboutSpeech(question) && !whoSaid)
    for (const word of words)
      for (const term of literalTerms(word)) for (const s of index.speakersCalled(term)) namedSpeakers.add(s);
  const identityTerms = asksIdentity(question)
    ? words.flatMap((word) => literalTerms(word).filter((term) => index.isNameTerm(term)))
    : [];
  // "How old is Judge Boone": the corpus's spellings of each name word of whoever's age is asked. A
  // title names no one the age must stand beside ("the mayor": "Mayor Deborah Quintanilla, 58,").
  const agesOf = allKinds.includes('age')
    ? words
        .filter((word) => (classify(word.word) & W.TITLE) === 0)
        .map((word) =>
          literalTerms(word).flatMap((term) => index.spellings(term).filter((w) => index.isName(w))),
        )
        .filter((spellings) => spellings.length > 0)
    : [];
  const weight = words.reduce((sum, w) => sum + w.importance, 0);
  let named = 0;
  let rare = 0;
  const maxIdf = index.idf('\u0000');
  for (const word of words) {
    const terms = literalTerms(word);
    if (terms.some((t) => index.isNameTerm(t))) named += word.importance;
    for (const t of terms) rare = Math.max(rare, index.idf(t) / maxIdf);
  }
  // "nice", "agreed", "ok cool": everyday words alone, and no question, are chat rather than a search.
  let specific = 0;
  for (const word of words)
    if (word.alternatives.length > 0 && !word.frame)
      specific = Math.max(specific, 1 / (1 + Math.log1p(word.commonness)));
  const summaryOnly = summaryCues(question).length > 0;
  const focus = focusWord(question);
  const focusAt = focus === undefined ? -1 : words.findIndex((w) => w.word === focus);
  const lower = question.toLowerCase();
  const countedWord = COUNTED.exec(lower)?.[1];
  const countedAt = countedWord === undefined ? -1 : words.findIndex((w) => w.word === countedWord);
  return {
    ...(countedAt >= 0 ? { counted: countedAt } : {}),
    words,
    weight,
    ...(focusAt >= 0 ? { focus: focusAt } : {}),
    namedShare: named / Math.max(weight, 1e-9),
    rareLiteral: rare,
    ...splitKinds(allKinds),
    allKinds,
    namedSpeakers,
    whoSaid,
    identityTerms,
    agesOf,
    summary: summaryOnly || asksWhatHappened(question),
    summaryOnly,
    specific,
    asks: allKinds.length > 0 || QUESTION_SHAPE.test(question),
    thirdPerson: THIRD_PERSON.test(lower),
  };
}

/** The model's score: features missing from a partial record count as 0 (the cheap features alone). */
export function scoreOf(
  features: Readonly<Partial<Record<RankFeature, number>>>,
  weights: Readonly<Record<RankFeature, number>>,
) {
  const vector = weightVector(weights);
  let score = 0;
  for (let i = 0; i < RANK_FEATURES.length; i++)
    score += (features[RANK_FEATURES[i] as RankFeature] ?? 0) * (vector[i] as number);
  return score;
}

/** The weights in RANK_FEATURES order, read from their record once per set of weights (not per passage). */
const weightVectors = new WeakMap<object, Float64Array>();

function weightVector(weights: Readonly<Record<RankFeature, number>>): Float64Array {
  let vector = weightVectors.get(weights);
  if (!vector) {
    vector = Float64Array.from(RANK_FEATURES, (name) => weights[name] ?? 0);
    weightVectors.set(weights, vector);
  }
  return vector;
}

export function rankPassages(input: RankInput): RankedPassage[] {
  const { queryWords, index, passages, filter } = input;
  const weights = input.weights ?? RANKING;
  if (queryWords.length === 0) return [];
  const facts = input.facts ?? questionFacts(input.question, queryWords, index);
  const matches = matchPassages(queryWords, index, filter, facts.namedSpeakers.size > 0);

  const cheap = new Map<number, ReturnType<typeof cheapFeatures>>();
  const coverage = new Map<number, number>();
  for (const [pid, match] of matches) {
    const features = cheapFeatures(facts, match, index);
    cheap.set(pid, features);
    let covered = 0;
    queryWords.forEach((w, j) => {
      if ((match.text[j] ?? NONE) !== NONE) covered += w.importance;
    });
    coverage.set(pid, covered / Math.max(facts.weight, 1e-9));
  }
  const byCheapScore = [...matches.keys()]
    .map((pid) => ({ pid, score: scoreOf(cheap.get(pid) ?? {}, weights) }))
    .sort((a, b) => b.score - a.score || a.pid - b.pid)
    .slice(0, ANALYSIS.candidates);

  // A passage that holds the setting asked for may match no word itself ("…at a summit in India").
  const chosen = new Map(byCheapScore.map(({ pid }) => [pid, matches.get(pid) as PassageMatch]));
  if (facts.strongKinds.length > 0) {
    for (const { pid } of byCheapScore) {
      for (const other of [pid - 1, pid + 1]) {
        const neighbour = passages[other];
        if (!neighbour || chosen.has(other) || neighbour.articleId !== passages[pid]?.articleId) continue;
        if (filter && !filter(other)) continue;
        chosen.set(other, emptyMatch(other, queryWords.length));
      }
    }
  }

  const shares = articleShares(facts, index, passages, filter);
  const context: ScoringContext = {
    facts,
    index,
    passages,
    articleShares: shares,
    bestArticleShare: Math.max(0, ...shares.values()),
    coverage,
  };
  const ranked: RankedPassage[] = [...chosen.values()].map((match) => {
    const features = fullFeatures(context, match, cheap.get(match.passageId) ?? {});
    return {
      passageId: match.passageId,
      score: scoreOf(features, weights),
      features,
      matchedTerms: match.matchedTerms,
    };
  });
  ranked.sort(byScore);
  addFuseScores(ranked, queryWords, index, weights);
  return ranked.sort(byScore);
}

const byScore = (a: RankedPassage, b: RankedPassage) => b.score - a.score || a.passageId - b.passageId;

function emptyMatch(passageId: number, size: number): PassageMatch {
  return {
    passageId,
    text: new Int8Array(size).fill(NONE),
    context: new Int8Array(size).fill(NONE),
    tf: new Float64Array(size),
    matchedTerms: new Set(),
  };
}

/**
 * fuse.js token search over the leaders: its character-level fuzzy matching sees what terms miss (word
 * forms the stemmer keeps apart, typos inside longer words). Scored as fuse.js scores them
 * (fuseScores.ts), without a Fuse built per question.
 */
function addFuseScores(
  ranked: RankedPassage[],
  queryWords: readonly QueryWord[],
  index: PassageIndex,
  weights: Readonly<Record<RankFeature, number>>,
): void {
  // Only close calls: fuse.js adds at most its weight, so a passage further behind the leader than that
  // cannot overtake it, and a clear leader needs no second opinion.
  const reach = (ranked[0]?.score ?? 0) - Math.abs(weights.fuse);
  const head = ranked.slice(0, ANALYSIS.fuseCandidates).filter((r) => r.score >= reach);
  const pattern = queryWords.map((w) => w.word).join(' ');
  if (head.length < 2 || !pattern) return;
  const scores = index.fuseScores.scores(
    pattern,
    head.map((r) => r.passageId),
  );
  head.forEach((candidate, i) => {
    const score = scores[i];
    if (score === undefined) return;
    candidate.features.fuse = 1 - score;
    candidate.score += candidate.features.fuse * weights.fuse;
  });
}
