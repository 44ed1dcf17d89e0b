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
// Fitted on 1485 development questions; cross-validated right at 1: 574/835.
export const RANKING: Record<RankFeature, number> = {
  bm25: 6.079,
  exact: 4.4914,
  typo: 2.3855,
  sound: -4.3682,
  alias: 2.9106,
  synonym: 1.9165,
  broader: 3.9108,
  related: 5.6415,
  speaker: 8.2795,
  person: 6.1481,
  section: 3.6812,
  title: 2.316,
  sentence: 3.7006,
  kindHere: 3.318,
  kindMissing: 1.7323,
  kindInSentence: 0.5564,
  focusMissing: -0.0204,
  kindCovered: -1.15,
  missingCovered: -1.9602,
  weakKindHere: 1.0708,
  neighbourLend: 0.6252,
  sectionAsks: 0.797,
  speaksHere: 0.4974,
  notTheSpeaker: -0.4974,
  whoSaidQuote: 2.6412,
  quoted: 0.1969,
  firstMention: 0.9738,
  appositive: 4.1382,
  lead: -0.1276,
  summaryLead: 4.2627,
  articleShare: 2.1983,
  articleGap: 2.1983,
  fuse: -0.5966,
  length: -0.2943,
};

export const ON_TOPIC: LogisticModel & { threshold: number } = {
  bias: -4.2391,
  weights: {
    top: 0.2785,
    margin: -0.067,
    share: -0.0373,
    covered: 0.5889,
    literal: 2.0366,
    corpus: 1.4672,
    unknown: -1.3509,
    unknownNames: -0.3308,
    namesUnknown: -1.037,
    kindMissing: -0.5642,
    kindHere: 0.0105,
    sentence: 0.5012,
    focusMissing: -0.1257,
    named: 1.1398,
    rare: -0.0008,
    bm25Agrees: -0.6194,
    sentenceAgrees: 0.1057,
    articleLead: 0.4506,
    words: 1.3504,
  },
  threshold: 0.3563,
};

export const RIGHT: LogisticModel & { high: number; low: number } = {
  bias: -4.4347,
  weights: {
    top: 0.1853,
    margin: 0.0528,
    share: 1.7945,
    covered: 0.5006,
    literal: -0.1953,
    corpus: -0.4844,
    unknown: 0.1469,
    unknownNames: -0.3107,
    namesUnknown: -0.4735,
    kindMissing: -0.9525,
    kindHere: -0.7844,
    sentence: 0.4135,
    focusMissing: -0.1458,
    named: -0.2463,
    rare: -0.1791,
    bm25Agrees: 0.1795,
    sentenceAgrees: 0.3955,
    articleLead: 0.0617,
    words: 1.038,
  },
  high: 0.9292,
  low: 0.4614,
};
// --- written by npm run tune: end ---
