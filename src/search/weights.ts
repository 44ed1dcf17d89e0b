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
  /**
   * Words either side of an answer ("adding 38 stores") within which a question's word counts as beside
   * it, and within which a count before a counted word counts ("38 new stores"). Out-of-fold right at 1
   * (before the `counted` feature) with 1, 2, 3, 5: 872, 875, 878, 874 of 1,245; without the feature
   * 872 (npm run tune, December 2026).
   */
  nearAnswerWords: 3,
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
// Fitted on 2037 development questions; cross-validated right at 1: 884/1249.
export const RANKING: Record<RankFeature, number> = {
  bm25: 2.586,
  exact: 3.8649,
  typo: 0.8054,
  sound: -0.1427,
  alias: 0.3097,
  synonym: 0.1122,
  broader: 2.0329,
  related: 2.4595,
  speaker: 0.8674,
  person: 0.3917,
  section: 0.7232,
  title: 0.9508,
  sentence: 3.751,
  kindHere: 1.188,
  kindMissing: -0.5038,
  kindInSentence: 0.6201,
  focusMissing: -0.7093,
  kindCovered: -0.7615,
  missingCovered: -0.798,
  weakKindHere: 0.4689,
  kindNear: 0.9003,
  weakNear: 0.5407,
  counted: 0.9597,
  neighbourLend: -0.2716,
  sectionAsks: 0.284,
  speaksHere: 0.3832,
  notTheSpeaker: -0.3832,
  whoSaidQuote: 1.3954,
  quoted: 0.2999,
  firstMention: -0.0125,
  appositive: 1.3026,
  lead: -0.4174,
  summaryLead: 0.5584,
  articleShare: 2.107,
  articleGap: 2.107,
  fuse: 0.2706,
  length: 0.0586,
};

export const ON_TOPIC: LogisticModel & { threshold: number } = {
  bias: -7.4091,
  weights: {
    top: 0.4198,
    margin: -0.0355,
    share: 0.2129,
    covered: 0.3973,
    literal: 1.0221,
    corpus: 1.3558,
    unknown: -1.4793,
    unknownNames: -0.2471,
    namesUnknown: -1.0792,
    kindMissing: 0.0752,
    kindHere: 0.4046,
    sentence: -0.4326,
    focusMissing: -0.2041,
    named: 0.902,
    rare: -0.0543,
    bm25Agrees: -0.34,
    sentenceAgrees: 0.2665,
    articleLead: 0.4293,
    words: 1.8579,
    specific: 1.3186,
    loneEveryday: -2.0464,
    asks: 1.5421,
    thirdPerson: 0.2427,
  },
  threshold: 0.3808,
};

export const RIGHT: LogisticModel & { high: number; low: number } = {
  bias: -3.7608,
  weights: {
    top: 0.3073,
    margin: 0.1625,
    share: 1.586,
    covered: 0.4181,
    literal: -0.7357,
    corpus: -0.6084,
    unknown: 0.4105,
    unknownNames: -0.266,
    namesUnknown: -0.5046,
    kindMissing: -0.8657,
    kindHere: -0.5499,
    sentence: -0.2468,
    focusMissing: -0.1307,
    named: -0.2607,
    rare: -0.1858,
    bm25Agrees: -0.0184,
    sentenceAgrees: 0.4283,
    articleLead: 0.1384,
    words: 1.207,
    specific: 0.188,
    loneEveryday: -0.4465,
    asks: -0.7142,
    thirdPerson: 0.4244,
  },
  high: 0.9255,
  low: 0.4274,
};
// --- written by npm run tune: end ---
