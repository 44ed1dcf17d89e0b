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
// Fitted on 1485 development questions; cross-validated right at 1: 572/835.
export const RANKING: Record<RankFeature, number> = {
  bm25: 2.8128,
  exact: 3.4947,
  typo: 1.017,
  sound: -0.1603,
  alias: 0.3644,
  synonym: 0.0395,
  broader: 2.218,
  related: 2.8987,
  speaker: 1.2975,
  person: 0.5476,
  section: 0.7541,
  title: 0.3914,
  sentence: 3.8804,
  kindHere: 1.1808,
  kindMissing: -0.382,
  kindInSentence: 0.578,
  focusMissing: -0.0759,
  kindCovered: -0.0231,
  missingCovered: -0.5367,
  weakKindHere: 0.775,
  neighbourLend: 0.3632,
  sectionAsks: 0.5149,
  speaksHere: 0.4766,
  notTheSpeaker: -0.4766,
  whoSaidQuote: 1.4395,
  quoted: 0.4708,
  firstMention: -0.1588,
  appositive: 1.8941,
  lead: -0.2443,
  summaryLead: 0.4999,
  articleShare: 2.0174,
  articleGap: 2.0174,
  fuse: -0.7526,
  length: -0.028,
};

export const ON_TOPIC: LogisticModel & { threshold: number } = {
  bias: -4.6337,
  weights: {
    top: 0.6002,
    margin: -0.1789,
    share: -0.263,
    covered: 0.2152,
    literal: 1.6919,
    corpus: 1.1083,
    unknown: -1.2278,
    unknownNames: -0.3422,
    namesUnknown: -1.0657,
    kindMissing: -0.5609,
    kindHere: 0.0627,
    sentence: -0.0602,
    focusMissing: -0.1262,
    named: 1.0871,
    rare: -0.0966,
    bm25Agrees: -0.4546,
    sentenceAgrees: 0.201,
    articleLead: 0.2986,
    words: 1.405,
  },
  threshold: 0.3382,
};

export const RIGHT: LogisticModel & { high: number; low: number } = {
  bias: -4.0439,
  weights: {
    top: 0.1861,
    margin: 0.1148,
    share: 1.6891,
    covered: 0.8632,
    literal: -0.4986,
    corpus: -0.2213,
    unknown: 0.1621,
    unknownNames: -0.3018,
    namesUnknown: -0.4925,
    kindMissing: -1.1238,
    kindHere: -0.6713,
    sentence: 0.3164,
    focusMissing: -0.0952,
    named: -0.4165,
    rare: -0.388,
    bm25Agrees: 0.1695,
    sentenceAgrees: 0.3465,
    articleLead: 0.0957,
    words: 1.034,
  },
  high: 0.9197,
  low: 0.5266,
};
// --- written by npm run tune: end ---
