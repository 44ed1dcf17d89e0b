/**
 * Every number that steers answering, in one place.
 *
 * RANKING, ON_TOPIC and RIGHT are written by `npm run tune` (src/cli/tune.ts), which fits them on the
 * development question sets and prints cross-validated figures; do not edit them by hand: change the
 * features (features.ts) or the training sets and run the tuner again. ANALYSIS holds the few choices
 * made by hand, each with its reason.
 */
import type { ConfidenceFeature, RankFeature } from './featureNames';

export const ANALYSIS = {
  /** A verb of speech or manner adverb ("said", "really") frames a question more than it names its subject. */
  frameImportance: 0.25,
  /** One- and two-letter words and spelled-out counts ("two men") describe more than they identify. */
  shortWordImportance: 0.5,
  /**
   * How much a word's everyday commonness (WordNet's tagged count) lowers its importance: importance is
   * divided by 1 + this × ln(1 + tagged count). Out-of-fold right at 1 with 0, 0.15, 0.3, 0.5, 0.8:
   * 366, 366, 370, 365, 364 of 518 (npm run tune, December 2026).
   */
  commonWordDamping: 0.3,
  /** BM25's usual term-frequency saturation and length normalisation. */
  bm25K1: 1.2,
  bm25B: 0.75,
  /** Passages scored in full per question (the rest are ranked by BM25 alone): enough for any single article. */
  candidates: 60,
  /** Leading passages that fuse.js re-reads. */
  fuseCandidates: 12,
} as const;

export interface LogisticModel {
  bias: number;
  weights: Record<ConfidenceFeature, number>;
}

// --- written by npm run tune: start ---
// Fitted on 1035 development questions; cross-validated right at 1: 371/518.
export const RANKING: Record<RankFeature, number> = {
  bm25: 2.4996,
  exact: 3.1953,
  typo: 1.1694,
  sound: -0.2551,
  alias: -0.0655,
  synonym: 0.0122,
  broader: 2.0235,
  related: 2.1289,
  speaker: 1.8782,
  person: 0.4937,
  section: 1.2141,
  title: 0.6214,
  sentence: 4.1944,
  kindHere: 0.9257,
  kindMissing: -0.9257,
  kindInSentence: 0.1263,
  focusMissing: -0.9077,
  kindCovered: 0.7146,
  missingCovered: -0.6032,
  weakKindHere: 0.8784,
  neighbourLend: 0.5286,
  sectionAsks: 0.4496,
  speaksHere: 0.4676,
  notTheSpeaker: -0.4676,
  whoSaidQuote: 1.4484,
  quoted: 0.5885,
  firstMention: 0.3347,
  appositive: 1.7743,
  lead: -0.1299,
  summaryLead: 0.751,
  articleShare: 1.6942,
  articleGap: 1.6942,
  fuse: 0.054,
  length: -0.6466,
};

export const ON_TOPIC: LogisticModel & { threshold: number } = {
  bias: -4.5791,
  weights: {
    top: 0.5932,
    margin: -0.1726,
    share: -0.1356,
    covered: 0.2339,
    literal: 1.6977,
    corpus: 1.0525,
    unknown: -1.1946,
    unknownNames: -0.0359,
    namesUnknown: -0.8364,
    kindMissing: -0.3509,
    focusMissing: -0.1409,
    named: 1.4527,
    rare: 0.0524,
    bm25Agrees: -0.5314,
    sentenceAgrees: 0.4307,
    articleLead: 0.2283,
    words: 1.2162,
  },
  threshold: 0.3345,
};

export const RIGHT: LogisticModel & { high: number; low: number } = {
  bias: -4.5667,
  weights: {
    top: 0.1429,
    margin: 0.112,
    share: 1.619,
    covered: 0.6643,
    literal: 0.5619,
    corpus: -0.104,
    unknown: 0.0711,
    unknownNames: -0.4961,
    namesUnknown: -0.5738,
    kindMissing: -0.6549,
    focusMissing: -0.3791,
    named: -0.4047,
    rare: -0.455,
    bm25Agrees: 0.1202,
    sentenceAgrees: 0.853,
    articleLead: 0.2497,
    words: 1.131,
  },
  high: 0.9354,
  low: 0.3565,
};
// --- written by npm run tune: end ---
