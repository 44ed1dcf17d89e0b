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
// Fitted on 677 development questions; cross-validated right at 1: 349/518.
export const RANKING: Record<RankFeature, number> = {
  bm25: 2.5353,
  exact: 2.8705,
  typo: 1.211,
  sound: -0.2088,
  synonym: -0.3139,
  broader: 1.8678,
  sibling: 0.6534,
  related: 1.738,
  speaker: 2.0534,
  section: 0.8903,
  title: 0.9762,
  sentence: 4.285,
  kindHere: 1.0175,
  kindMissing: -1.0175,
  kindInSentence: -0.0669,
  kindCovered: 0.9761,
  missingCovered: -0.4399,
  weakKindHere: 1.0023,
  neighbourLend: 0.3594,
  sectionAsks: 0.2988,
  speaksHere: 0.6911,
  notTheSpeaker: -0.6911,
  whoSaidQuote: 1.4988,
  quoted: 0.3009,
  firstMention: 0.3287,
  appositive: 2.1162,
  lead: -0.1012,
  summaryLead: 1.1854,
  articleShare: 1.7347,
  articleGap: 1.7347,
  fuse: 0.0829,
  length: -0.5873,
};

export const ON_TOPIC: LogisticModel & { threshold: number } = {
  bias: -4.2136,
  weights: {
    top: 0.8869,
    margin: -0.3513,
    share: 0.0724,
    covered: -0.1792,
    literal: 0.4293,
    corpus: 0.4927,
    unknown: -1.0993,
    unknownNames: -0.8747,
    kindMissing: 0.2169,
    words: 2.0523,
  },
  threshold: 0.7579,
};

export const RIGHT: LogisticModel & { high: number; low: number } = {
  bias: -3.6514,
  weights: {
    top: 0.1124,
    margin: -0.0123,
    share: 2.6726,
    covered: 0.6307,
    literal: 0.823,
    corpus: -0.6607,
    unknown: 0.5562,
    unknownNames: -0.6587,
    kindMissing: -0.742,
    words: 0.8314,
  },
  high: 1,
  low: 0.4176,
};
// --- written by npm run tune: end ---
