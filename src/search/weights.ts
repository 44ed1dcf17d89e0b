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
// Fitted on 677 development questions; cross-validated right at 1: 364/518.
export const RANKING: Record<RankFeature, number> = {
  bm25: 2.478,
  exact: 2.9911,
  typo: 1.2438,
  sound: -0.248,
  alias: -0.0975,
  synonym: 0.0057,
  broader: 1.5868,
  related: 2.188,
  speaker: 2.8701,
  person: 0.4896,
  section: 1.0583,
  title: 0.6285,
  sentence: 4.0469,
  kindHere: 0.9378,
  kindMissing: -0.9378,
  kindInSentence: 0.1578,
  kindCovered: 0.8132,
  missingCovered: -0.641,
  weakKindHere: 0.9154,
  neighbourLend: 0.532,
  sectionAsks: 0.5105,
  speaksHere: 0.6815,
  notTheSpeaker: -0.6815,
  whoSaidQuote: 1.4309,
  quoted: 0.6819,
  firstMention: 0.385,
  appositive: 1.8714,
  lead: -0.1543,
  summaryLead: 0.7673,
  articleShare: 1.6866,
  articleGap: 1.6866,
  fuse: 0.6057,
  length: -0.6995,
};

export const ON_TOPIC: LogisticModel & { threshold: number } = {
  bias: -3.2083,
  weights: {
    top: 0.7855,
    margin: -0.2587,
    share: -0.4686,
    covered: -0.4596,
    literal: 0.6152,
    corpus: 0.2744,
    unknown: -0.9334,
    unknownNames: -0.6571,
    kindMissing: 0.2804,
    named: 0.3635,
    rare: 0.5006,
    bm25Agrees: -0.5759,
    sentenceAgrees: 0.1689,
    articleLead: 1.0384,
    words: 1.7632,
  },
  threshold: 0.8358,
};

export const RIGHT: LogisticModel & { high: number; low: number } = {
  bias: -4.9549,
  weights: {
    top: 0.1831,
    margin: 0.075,
    share: 1.6458,
    covered: 0.672,
    literal: 0.6747,
    corpus: -0.382,
    unknown: 0.0065,
    unknownNames: -0.3418,
    kindMissing: -0.7951,
    named: -0.3432,
    rare: -0.1475,
    bm25Agrees: 0.0702,
    sentenceAgrees: 0.7627,
    articleLead: 0.1381,
    words: 1.344,
  },
  high: 0.9233,
  low: 0.3854,
};
// --- written by npm run tune: end ---
