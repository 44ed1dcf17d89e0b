/**
 * A Bloom filter over a set of words (WordNet's lemmas, and the beginnings of its multi-word ones),
 * asked about a word's one-edit spellings by their hashes alone. Typo repair tries some fifty spellings per letter of a word and nearly none is a
 * word: the hash of each is worked out from the word's prefix and suffix hashes in a few
 * multiplications, and only the spellings the filter lets through are made into strings and looked
 * up. A Bloom filter never turns away a word it holds, so what is looked up finds every real word.
 */

/** 2²² bits (512 KB): with WordNet's 147,000 lemmas and two hashes, about 1 spelling in 200 gets through. */
const BITS_LOG = 22;
/** Two polynomial hashes with different bases, as the filter's two hash functions. */
const BASES = [31, 1_000_003] as const;
/** Spreads a polynomial hash over the filter's bits (Fibonacci hashing: the top bits of the product). */
const SPREAD = 0x9e3779b1;

export class SpellingFilter {
  private readonly bits = new Uint32Array((1 << BITS_LOG) / 32);

  add(word: string): void {
    // Both hashes in one pass: all of WordNet's lemmas are added at start-up.
    let first = 0;
    let second = 0;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      first = (Math.imul(first, BASES[0]) + code) | 0;
      second = (Math.imul(second, BASES[1]) + code) | 0;
    }
    this.set(first);
    this.set(second);
  }

  /** Adds the first `length` code units of `text` as a part of a word, of a kind of its own (`tag`). */
  addPart(tag: number, text: string, length: number): void {
    this.set(partHash(tag, text, length, BASES[0]));
    this.set(partHash(tag, text, length, BASES[1]));
  }

  /** False when no such part was added; true may be a false alarm. */
  mightHoldPart(tag: number, text: string, length: number): boolean {
    return this.mightHold(partHash(tag, text, length, BASES[0]), partHash(tag, text, length, BASES[1]));
  }

  /** False when no word added has these two hashes (one per base); true may be a false alarm. */
  mightHold(first: number, second: number): boolean {
    return this.isSet(first) && this.isSet(second);
  }

  private set(hash: number): void {
    const bit = Math.imul(hash, SPREAD) >>> (32 - BITS_LOG);
    this.bits[bit >>> 5] = (this.bits[bit >>> 5] as number) | (1 << (bit & 31));
  }

  private isSet(hash: number): boolean {
    const bit = Math.imul(hash, SPREAD) >>> (32 - BITS_LOG);
    return ((this.bits[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
  }
}

/** The hash of the tag (a code unit no word holds) followed by the first `length` code units of `text`. */
function partHash(tag: number, text: string, length: number, base: number): number {
  let hash = tag;
  for (let i = 0; i < length; i++) hash = (Math.imul(hash, base) + text.charCodeAt(i)) | 0;
  return hash;
}

/** The polynomial hash of a string in one base, modulo 2³² (its UTF-16 code units as digits). */
export function hashOf(text: string, base: number): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, base) + text.charCodeAt(i)) | 0;
  return hash;
}

/**
 * The hashes, in both bases, of the spellings one edit from a word, without making them:
 * H(a + b) = H(a)·base^|b| + H(b), from the hashes of the word's prefixes and suffixes.
 */
export class OneEditHashes {
  private readonly prefix: Int32Array[];
  private readonly suffix: Int32Array[];
  private readonly powers: Int32Array[];
  private readonly codes: number[];

  constructor(private readonly word: string) {
    const n = word.length;
    this.codes = Array.from(word, (_, i) => word.charCodeAt(i));
    this.prefix = BASES.map((base) => {
      const hashes = new Int32Array(n + 1);
      for (let i = 0; i < n; i++) hashes[i + 1] = (Math.imul(hashes[i] as number, base) + this.code(i)) | 0;
      return hashes;
    });
    this.powers = BASES.map((base) => {
      const powers = new Int32Array(n + 2);
      powers[0] = 1;
      for (let i = 1; i <= n + 1; i++) powers[i] = Math.imul(powers[i - 1] as number, base);
      return powers;
    });
    this.suffix = BASES.map((_, b) => {
      const hashes = new Int32Array(n + 1);
      const powers = this.powers[b] as Int32Array;
      for (let i = n - 1; i >= 0; i--)
        hashes[i] = (Math.imul(this.code(i), powers[n - 1 - i] as number) + (hashes[i + 1] as number)) | 0;
      return hashes;
    });
  }

  /** Hashes of the word with `letter` inserted before position `at`. */
  insertion(at: number, letter: number, filter: SpellingFilter): boolean {
    return filter.mightHold(this.joined(0, at, letter, at), this.joined(1, at, letter, at));
  }

  /** …with the letter at `at` changed to `letter`. */
  substitution(at: number, letter: number, filter: SpellingFilter): boolean {
    return filter.mightHold(this.joined(0, at, letter, at + 1), this.joined(1, at, letter, at + 1));
  }

  /** …with the letter at `at` left out. */
  deletion(at: number, filter: SpellingFilter): boolean {
    return filter.mightHold(this.joined(0, at, -1, at + 1), this.joined(1, at, -1, at + 1));
  }

  /** …with the letters at `at` and `at + 1` swapped. */
  transposition(at: number, filter: SpellingFilter): boolean {
    return filter.mightHold(this.transposed(0, at), this.transposed(1, at));
  }

  private transposed(b: number, at: number): number {
    const swapped = this.joined(b, at, this.code(at + 1), at + 1, false);
    return this.append(b, (Math.imul(swapped, BASES[b] as number) + this.code(at)) | 0, at + 2);
  }

  private code(i: number): number {
    return this.codes[i] as number;
  }

  /**
   * The hash of the word's first `keep` letters, then `letter` (none when -1), then the word from
   * `resume` on (or only the prefix and letter, when `withRest` is false).
   */
  private joined(b: number, keep: number, letter: number, resume: number, withRest = true): number {
    const base = BASES[b] as number;
    let hash = (this.prefix[b] as Int32Array)[keep] as number;
    if (letter >= 0) hash = (Math.imul(hash, base) + letter) | 0;
    return withRest ? this.append(b, hash, resume) : hash;
  }

  /** A hash followed by the word's letters from `resume` on. */
  private append(b: number, hash: number, resume: number): number {
    const rest = this.word.length - resume;
    const powers = this.powers[b] as Int32Array;
    return (Math.imul(hash, powers[rest] as number) + ((this.suffix[b] as Int32Array)[resume] as number)) | 0;
  }
}
