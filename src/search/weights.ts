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
  bm25: 6.2731,
  exact: 4.4989,
  typo: 2.3139,
  sound: -4.433,
  alias: 3.0412,
  synonym: 2.018,
  broader: 3.9129,
  related: 5.6533,
  speaker: 8.4321,
  person: 6.3792,
  section: 3.675,
  title: 2.2832,
  sentence: 3.6287,
  kindHere: 3.3471,
  kindMissing: 1.7745,
  kindInSentence: 0.5612,
  focusMissing: -0.0061,
  kindCovered: -1.1597,
  missingCovered: -2.0504,
  weakKindHere: 1.0397,
  neighbourLend: 0.6257,
  sectionAsks: 0.8014,
  speaksHere: 0.4885,
  notTheSpeaker: -0.4885,
  whoSaidQuote: 2.6283,
  quoted: 0.1539,
  firstMention: 0.9126,
  appositive: 4.2129,
  lead: -0.1337,
  summaryLead: 4.2678,
  articleShare: 2.2091,
  articleGap: 2.2091,
  fuse: -2.4775,
  length: -0.2984,
};

export const ON_TOPIC: LogisticModel & { threshold: number } = {
  bias: -4.2271,
  weights: {
    top: 0.2788,
    margin: -0.0682,
    share: -0.0595,
    covered: 0.543,
    literal: 2.0338,
    corpus: 1.486,
    unknown: -1.3838,
    unknownNames: -0.3274,
    namesUnknown: -1.0317,
    kindMissing: -0.5825,
    kindHere: 0.0108,
    sentence: 0.4782,
    focusMissing: -0.1313,
    named: 1.1419,
    rare: -0.0026,
    bm25Agrees: -0.5631,
    sentenceAgrees: 0.1066,
    articleLead: 0.4537,
    words: 1.3445,
  },
  threshold: 0.3522,
};

export const RIGHT: LogisticModel & { high: number; low: number } = {
  bias: -4.4404,
  weights: {
    top: 0.1806,
    margin: 0.0653,
    share: 1.7591,
    covered: 0.4077,
    literal: -0.1845,
    corpus: -0.4369,
    unknown: 0.034,
    unknownNames: -0.2944,
    namesUnknown: -0.453,
    kindMissing: -0.9549,
    kindHere: -0.7667,
    sentence: 0.4437,
    focusMissing: -0.1513,
    named: -0.3249,
    rare: -0.2312,
    bm25Agrees: 0.2837,
    sentenceAgrees: 0.3511,
    articleLead: 0.078,
    words: 1.0722,
  },
  high: 0.9207,
  low: 0.3532,
};
// --- written by npm run tune: end ---
