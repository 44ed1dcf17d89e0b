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
// Fitted on 1575 development questions; cross-validated right at 1: 572/835.
// ON_TOPIC refitted alone on 1575 development questions (npm run tune -- --on-topic-only).
export const RANKING: Record<RankFeature, number> = {
  bm25: 2.7804,
  exact: 3.4424,
  typo: 1.0064,
  sound: -0.1621,
  alias: 0.3921,
  synonym: 0.0796,
  broader: 2.2279,
  related: 2.8949,
  speaker: 1.3124,
  person: 0.5605,
  section: 0.7148,
  title: 0.4312,
  sentence: 3.899,
  kindHere: 1.1868,
  kindMissing: -0.3858,
  kindInSentence: 0.5732,
  focusMissing: -0.1107,
  kindCovered: -0.0242,
  missingCovered: -0.5249,
  weakKindHere: 0.8283,
  neighbourLend: 0.3313,
  sectionAsks: 0.5304,
  speaksHere: 0.4757,
  notTheSpeaker: -0.4757,
  whoSaidQuote: 1.4435,
  quoted: 0.4925,
  firstMention: -0.1727,
  appositive: 1.9135,
  lead: -0.248,
  summaryLead: 0.501,
  articleShare: 2.023,
  articleGap: 2.023,
  fuse: 0.2749,
  length: -0.017,
};

export const ON_TOPIC: LogisticModel & { threshold: number } = {
  bias: -7.5145,
  weights: {
    top: 0.3189,
    margin: -0.0491,
    share: 0.2039,
    covered: 0.4538,
    literal: 1.1005,
    corpus: 1.3925,
    unknown: -1.362,
    unknownNames: -0.2303,
    namesUnknown: -1.1094,
    kindMissing: -0.2349,
    kindHere: 0.4365,
    sentence: -0.0881,
    focusMissing: -0.3371,
    named: 1.0082,
    rare: 0.0442,
    bm25Agrees: -0.3824,
    sentenceAgrees: 0.2259,
    articleLead: 0.8191,
    words: 1.8851,
    specific: 1.3754,
    loneEveryday: -2.064,
    asks: 1.61,
  },
  threshold: 0.32,
};

export const RIGHT: LogisticModel & { high: number; low: number } = {
  bias: -3.5938,
  weights: {
    top: 0.2181,
    margin: 0.0988,
    share: 1.6933,
    covered: 0.696,
    literal: -0.4577,
    corpus: -0.3542,
    unknown: 0.4174,
    unknownNames: -0.2984,
    namesUnknown: -0.492,
    kindMissing: -0.9856,
    kindHere: -0.4858,
    sentence: 0.2526,
    focusMissing: -0.0363,
    named: -0.4354,
    rare: -0.2732,
    bm25Agrees: 0.1215,
    sentenceAgrees: 0.4191,
    articleLead: 0.0133,
    words: 1.1056,
    specific: 0.2744,
    loneEveryday: 0,
    asks: -0.9714,
  },
  high: 0.9152,
  low: 0.4866,
};
// --- written by npm run tune: end ---
