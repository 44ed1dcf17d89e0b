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

/**
 * "Is the best passage right": the confidence features, and the best passage's own rank features
 * (`evidence`: how it matched, not only how far it leads), with the cut-offs of the labels.
 */
export interface RightModel extends LogisticModel {
  evidence: Record<RankFeature, number>;
  high: number;
  low: number;
}

// --- written by npm run tune: start ---
// Fitted on 2037 development questions; cross-validated right at 1: 884/1249.
// RIGHT refitted alone on 2177 development questions (npm run tune -- --right-only).
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

export const RIGHT: RightModel = {
  bias: -3.7333,
  weights: {
    top: 0.19,
    margin: 0.1862,
    share: 1.6736,
    covered: 0.5929,
    literal: -0.0572,
    corpus: -0.4087,
    unknown: 0.2407,
    unknownNames: -0.2437,
    namesUnknown: -0.4716,
    kindMissing: -0.1039,
    kindHere: 0.0648,
    sentence: 0.0879,
    focusMissing: 0.0132,
    named: -0.0837,
    rare: 0.048,
    bm25Agrees: 0.073,
    sentenceAgrees: 0.489,
    articleLead: 0.1248,
    words: 1.0807,
    specific: 0.1225,
    loneEveryday: -0.2666,
    asks: -0.6636,
    thirdPerson: 0.4332,
  },
  evidence: {
    bm25: 0.3637,
    exact: -0.4854,
    typo: 0.5274,
    sound: -0.0992,
    alias: -0.1173,
    synonym: 0.5028,
    broader: 0.1434,
    related: 0.4885,
    speaker: 0,
    person: -0.0101,
    section: 0.0516,
    title: -0.4088,
    sentence: 0.0879,
    kindHere: 0.0648,
    kindMissing: -0.1039,
    kindInSentence: 0.17,
    focusMissing: 0.0132,
    kindCovered: -0.5644,
    missingCovered: -0.9077,
    weakKindHere: 0.2452,
    kindNear: -0.2009,
    weakNear: 0.2133,
    counted: 0.1219,
    neighbourLend: 0.1542,
    sectionAsks: -0.4864,
    speaksHere: -0.2984,
    notTheSpeaker: -0.2442,
    whoSaidQuote: 1.0626,
    quoted: -0.1035,
    firstMention: 0.011,
    appositive: 0.4221,
    lead: -0.6587,
    summaryLead: 0,
    articleShare: -0.1298,
    articleGap: 0.2225,
    fuse: -0.4103,
    length: -0.4521,
  },
  high: 0.915,
  low: 0.4378,
};
// --- written by npm run tune: end ---
