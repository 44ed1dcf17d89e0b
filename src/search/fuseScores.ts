import Fuse, { type FuseIndexStringRecord } from 'fuse.js';

/**
 * fuse.js's token search (`useTokenSearch`, `ignoreLocation`, the threshold below) over a few of the
 * corpus's passages, scored as `new Fuse(texts, options).search(pattern)` scores them, without building
 * a Fuse and its inverted index for every question. What its score is made of depends on the passages
 * chosen only through each token's document frequency among them; the rest is fixed per passage (its
 * tokens, its length norm) or per token and passage (the Bitap score), so those are worked out once.
 * test/fuseScores.test.ts holds it to fuse.js itself.
 */

/** The options the ranking's fuse.js search has (rank.ts), as fuse.js is asked them. */
export const FUSE_OPTIONS = {
  includeScore: true,
  ignoreLocation: true,
  useTokenSearch: true,
  threshold: 0.35,
} as const;

/** fuse.js's default token: its analyser lower-cases the text, then takes these runs (fuse.js 7.5). */
const TOKEN = /[\p{L}\p{M}\p{N}_]+/gu;

/** No match of a token in a passage (a Bitap score is at least 0.001). */
const NO_MATCH = -1;
/** The least score Bitap gives a match (fuse.js rounds a perfect one up to it). */
const BITAP_BEST = 0.001;
/** The longest pattern fuse.js's Bitap searches in one piece: the bits of its masks. */
const BITAP_WORD_BITS = 32;
/** (token, passage) Bitap scores kept: questions repeat their words, and new ones come forever. */
const BITAP_CACHE_LIMIT = 100_000;

/**
 * Whether Bitap may find the token in the text with errors: it finds the fewest edits (substitution,
 * insertion, deletion) that make the token a part of the text, up to the threshold's share of its
 * letters. With k edits, one of any k + 1 pieces the token is cut into is untouched: when none of them
 * stands in the text, Bitap finds nothing. A token too short for one edit under the threshold is
 * found as written or not at all.
 */
export function mayMatch(token: string, text: string): boolean {
  let edits = 0;
  while ((edits + 1) / token.length <= FUSE_OPTIONS.threshold) edits++;
  const pieces = edits + 1;
  for (let i = 0; i < pieces; i++) {
    const piece = token.slice(
      Math.floor((i * token.length) / pieces),
      Math.floor(((i + 1) * token.length) / pieces),
    );
    if (text.includes(piece)) return true;
  }
  return false;
}

function tokens(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

export class FuseTokenScores {
  /** Each passage's distinct tokens, read when the passage is first scored. */
  private readonly tokenSets: Array<ReadonlySet<string> | undefined> = [];
  /** fuse.js's field-length norm of each passage's text, read when the passage is first scored. */
  private readonly norms: Array<number | undefined> = [];
  /** Bitap scores by passage, then token (no key string made per lookup); all forgotten past the limit. */
  private readonly bitap: Array<Map<string, number> | undefined> = [];
  private bitapKept = 0;
  /** Each passage's text in lower case, made when the passage is first scored. */
  private readonly lowered: Array<string | undefined> = [];

  constructor(private readonly texts: readonly string[]) {}

  /**
   * For each of `ids` (passage ids, in the order fuse.js would be given their texts), fuse.js's score
   * (0 best, 1 worst) when it finds the passage, else undefined.
   */
  scores(pattern: string, ids: readonly number[]): Array<number | undefined> {
    const terms = tokens(pattern);
    // fuse.js leaves out blank texts; the rest are its records, each one field.
    const records = ids.filter((id) => this.isRecord(id));
    const fieldCount = records.filter((id) => this.tokensOf(id).size > 0).length;
    const idfs = terms.map((term) => {
      let docFreq = 0;
      for (const id of records) if (this.tokensOf(id).has(term)) docFreq++;
      return Math.log(1 + (fieldCount - docFreq + 0.5) / (docFreq + 0.5));
    });
    return ids.map((id) => {
      if (!this.isRecord(id) || terms.length === 0) return undefined;
      let weightedScore = 0;
      let maxPossibleScore = 0;
      let matchedCount = 0;
      for (let i = 0; i < terms.length; i++) {
        const idf = idfs[i] as number;
        maxPossibleScore += idf;
        const score = this.bitapScore(terms[i] as string, id);
        if (score !== NO_MATCH) {
          matchedCount++;
          weightedScore += idf * (1 - score);
        }
      }
      if (matchedCount === 0) return undefined;
      const normalized = maxPossibleScore > 0 ? 1 - weightedScore / maxPossibleScore : 0;
      // computeScore: the record's score to the power of its norm (the field has no key weight), by
      // the very function fuse.js calls.
      // biome-ignore lint/style/useExponentiationOperator: Math.pow is what fuse.js computes it with
      return Math.pow(Math.max(0.001, normalized), this.normOf(id));
    });
  }

  private isRecord(id: number): boolean {
    const text = this.texts[id];
    return text !== undefined && text.trim() !== '';
  }

  private tokensOf(id: number): ReadonlySet<string> {
    let set = this.tokenSets[id];
    if (!set) {
      set = new Set(tokens(this.texts[id] ?? ''));
      this.tokenSets[id] = set;
    }
    return set;
  }

  private normOf(id: number): number {
    let norm = this.norms[id];
    if (norm === undefined) {
      const [record] = Fuse.createIndex([], [this.texts[id] ?? '']).records;
      norm = (record as FuseIndexStringRecord | undefined)?.n ?? 1;
      this.norms[id] = norm;
    }
    return norm;
  }

  /** One token's Bitap score in one passage, as the token search's per-term searcher gives it. */
  private bitapScore(term: string, id: number): number {
    let scores = this.bitap[id];
    const known = scores?.get(term);
    if (known !== undefined) return known;
    if (this.bitapKept >= BITAP_CACHE_LIMIT) {
      this.bitap.length = 0;
      this.bitapKept = 0;
      scores = undefined;
    }
    if (!scores) {
      scores = new Map();
      this.bitap[id] = scores;
    }
    const score = this.readBitap(term, id);
    scores.set(term, score);
    this.bitapKept++;
    return score;
  }

  private readBitap(term: string, id: number): number {
    const text = this.texts[id] ?? '';
    const lower = this.lowerText(id);
    // What Bitap finds without running it: the token is the whole text (0), or stands in it as
    // written, when the best score is no errors (0.001, the least it gives), or it cannot be found
    // (mayMatch). Patterns of more than 32 letters are searched in pieces: fuse.js is left to them.
    // Otherwise fuse.js's own Bitap (a copy of it run in place measured no faster, December 2026).
    if (term.length <= BITAP_WORD_BITS) {
      if (lower === term) return 0;
      if (lower.includes(term)) return BITAP_BEST;
      if (!mayMatch(term, lower)) return NO_MATCH;
    }
    const result = Fuse.match(term, text, {
      threshold: FUSE_OPTIONS.threshold,
      ignoreLocation: FUSE_OPTIONS.ignoreLocation,
    });
    return result.isMatch ? result.score : NO_MATCH;
  }

  private lowerText(id: number): string {
    let lower = this.lowered[id];
    if (lower === undefined) {
      lower = (this.texts[id] ?? '').toLowerCase();
      this.lowered[id] = lower;
    }
    return lower;
  }
}
