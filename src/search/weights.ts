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
// Fitted on 677 development questions; cross-validated right at 1: 370/518.
export const RANKING: Record<RankFeature, number> = {
  bm25: 2.4998,
  exact: 3.2032,
  typo: 1.1729,
  sound: -0.255,
  alias: -0.0661,
  synonym: 0.005,
  broader: 2.0311,
  related: 2.1331,
  speaker: 1.8767,
  person: 0.4918,
  section: 1.2142,
  title: 0.6213,
  sentence: 4.1889,
  kindHere: 0.9259,
  kindMissing: -0.9259,
  kindInSentence: 0.1278,
  kindCovered: 0.7144,
  missingCovered: -0.6009,
  weakKindHere: 0.8781,
  neighbourLend: 0.5289,
  sectionAsks: 0.4548,
  speaksHere: 0.4675,
  notTheSpeaker: -0.4675,
  whoSaidQuote: 1.449,
  quoted: 0.5927,
  firstMention: 0.3113,
  appositive: 1.8166,
  lead: -0.1222,
  summaryLead: 0.7497,
  articleShare: 1.6986,
  articleGap: 1.6986,
  fuse: 0.2306,
  length: -0.6412,
};

export const ON_TOPIC: LogisticModel & { threshold: number } = {
  bias: -3.5412,
  weights: {
    top: 0.8329,
    margin: -0.2495,
    share: -0.2864,
    covered: -0.6338,
    literal: 0.5001,
    corpus: 0.1879,
    unknown: -0.7758,
    unknownNames: -0.4395,
    namesUnknown: -1.0453,
    kindMissing: 0.2892,
    named: 0.3993,
    rare: 0.421,
    bm25Agrees: -0.4666,
    sentenceAgrees: 0.1445,
    articleLead: 0.9008,
    words: 1.8337,
  },
  threshold: 0.6223,
};

export const RIGHT: LogisticModel & { high: number; low: number } = {
  bias: -4.569,
  weights: {
    top: 0.1469,
    margin: 0.1225,
    share: 1.5892,
    covered: 0.6548,
    literal: 0.615,
    corpus: -0.1438,
    unknown: 0.0835,
    unknownNames: -0.4851,
    namesUnknown: -0.5629,
    kindMissing: -0.6335,
    named: -0.4193,
    rare: -0.479,
    bm25Agrees: 0.1187,
    sentenceAgrees: 0.8421,
    articleLead: 0.1941,
    words: 1.1473,
  },
  high: 0.9202,
  low: 0.3523,
};
// --- written by npm run tune: end ---
