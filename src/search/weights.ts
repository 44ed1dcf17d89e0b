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
// Fitted on 1485 development questions; cross-validated right at 1: 571/835.
export const RANKING: Record<RankFeature, number> = {
  bm25: 6.0316,
  exact: 4.3781,
  typo: 2.2835,
  sound: -4.4326,
  alias: 3.0947,
  synonym: 1.9824,
  broader: 3.908,
  related: 5.6174,
  speaker: 8.3719,
  person: 6.3915,
  section: 3.5534,
  title: 2.3979,
  sentence: 3.7193,
  kindHere: 3.3284,
  kindMissing: 1.7253,
  kindInSentence: 0.5442,
  focusMissing: -0.1721,
  kindCovered: -1.1764,
  missingCovered: -1.9718,
  weakKindHere: 1.1576,
  neighbourLend: 0.5603,
  sectionAsks: 0.7926,
  speaksHere: 0.4995,
  notTheSpeaker: -0.4995,
  whoSaidQuote: 2.654,
  quoted: 0.2212,
  firstMention: 0.9177,
  appositive: 4.19,
  lead: -0.1299,
  summaryLead: 4.2733,
  articleShare: 2.2136,
  articleGap: 2.2136,
  fuse: 0.4998,
  length: -0.2158,
};

export const ON_TOPIC: LogisticModel & { threshold: number } = {
  bias: -4.2536,
  weights: {
    top: 0.2904,
    margin: -0.0689,
    share: -0.0201,
    covered: 0.608,
    literal: 2.1599,
    corpus: 1.4985,
    unknown: -1.3911,
    unknownNames: -0.3313,
    namesUnknown: -1.0338,
    kindMissing: -0.573,
    focusMissing: -0.1083,
    named: 1.1401,
    rare: 0.0152,
    bm25Agrees: -0.6395,
    sentenceAgrees: 0.2004,
    articleLead: 0.4757,
    words: 1.3281,
  },
  threshold: 0.359,
};

export const RIGHT: LogisticModel & { high: number; low: number } = {
  bias: -4.5394,
  weights: {
    top: 0.0856,
    margin: 0.1205,
    share: 1.7657,
    covered: 0.9136,
    literal: 0.377,
    corpus: -0.3595,
    unknown: 0.1506,
    unknownNames: -0.2949,
    namesUnknown: -0.4838,
    kindMissing: -0.7826,
    focusMissing: -0.1012,
    named: -0.1206,
    rare: -0.2332,
    bm25Agrees: 0.2026,
    sentenceAgrees: 0.4909,
    articleLead: 0.1731,
    words: 1.0792,
  },
  high: 0.921,
  low: 0.2956,
};
// --- written by npm run tune: end ---
