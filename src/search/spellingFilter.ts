/**
 * A Bloom filter over a set of words (WordNet's lemmas, and the beginnings of its multi-word ones),
 * asked about a word's one-edit spellings by their hashes alone. Typo repair tries some fifty
 * spellings per letter of a word and nearly none is a word: the hash of each is worked out from the
 * word's prefix and suffix hashes in a few multiplications, and only the spellings the filter lets
 * through are made into strings and looked up. A Bloom filter never turns away a word it holds, so
 * what is looked up finds every real word.
 */

/**
 * 2¹⁷ words of 32 bits (512 KB): with WordNet's 147,000 lemmas and the 128,000 beginnings of its
 * multi-word ones, about 1 made-up spelling in 50 gets through.
 */
const WORDS_LOG = 17;
/** The base of the polynomial hash: H(text) = Σ code(i)·BASE^(length − 1 − i), modulo 2³². */
const BASE = 131;
/** Spreads a hash over the filter (Fibonacci hashing: the top bits of the product). */
const SPREAD = 0x9e3779b1;
/** A second spreading, for where in its word an entry's two bits are. */
const SPREAD_BITS = 0x85ebca6b;
const NO_PARTS: ReadonlyArray<readonly [number, number]> = [];

export class SpellingFilter {
  /** Both bits of an entry are in one 32-bit word (a blocked filter): one memory access per entry. */
  private readonly words = new Uint32Array(1 << WORDS_LOG);

  /**
   * Adds a word and, given `parts` (pairs of a tag and a length, shortest first), those beginnings of
   * it as parts of their own kind (`mightHoldPart`). One pass over the word: all of WordNet's lemmas
   * are added at start-up. A part's hash is the tag's followed by the beginning's: tag·BASE^length +
   * H(beginning).
   */
  add(word: string, parts: ReadonlyArray<readonly [tag: number, length: number]> = NO_PARTS): void {
    let hash = 0;
    let power = 1;
    let part = 0;
    for (let i = 0; i <= word.length; i++) {
      for (; part < parts.length && (parts[part] as readonly [number, number])[1] === i; part++)
        this.set((Math.imul((parts[part] as readonly [number, number])[0], power) + hash) | 0);
      if (i === word.length) break;
      hash = (Math.imul(hash, BASE) + word.charCodeAt(i)) | 0;
      power = Math.imul(power, BASE);
    }
    this.set(hash);
  }

  /** False when no word added has this hash; true may be a false alarm. */
  mightHold(hash: number): boolean {
    const bits = bitsOf(hash);
    return ((this.words[wordOf(hash)] as number) & bits) === bits;
  }

  /** False when no such part (of this tag and the first `length` code units of `text`) was added. */
  mightHoldPart(tag: number, text: string, length: number): boolean {
    let hash = tag;
    for (let i = 0; i < length; i++) hash = (Math.imul(hash, BASE) + text.charCodeAt(i)) | 0;
    return this.mightHold(hash);
  }

  private set(hash: number): void {
    const at = wordOf(hash);
    this.words[at] = (this.words[at] as number) | bitsOf(hash);
  }
}

/** The word of the filter a hash's bits are in. */
function wordOf(hash: number): number {
  return Math.imul(hash, SPREAD) >>> (32 - WORDS_LOG);
}

/** A hash's two bits in that word. */
function bitsOf(hash: number): number {
  const spread = Math.imul(hash, SPREAD_BITS);
  return (1 << (spread >>> 27)) | (1 << ((spread >>> 22) & 31));
}

/** The polynomial hash of a string, modulo 2³² (its UTF-16 code units as digits). */
export function hashOf(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, BASE) + text.charCodeAt(i)) | 0;
  return hash;
}

/**
 * The hashes of the spellings one edit from a word, without making them: H(a + b) = H(a)·BASE^|b| +
 * H(b), from the hashes of the word's prefixes and suffixes.
 */
export class OneEditHashes {
  /** prefix[i]: the hash of the word's first i letters. */
  private readonly prefix: Int32Array;
  /** suffix[i]: the hash of the word from letter i on. */
  private readonly suffix: Int32Array;
  private readonly powers: Int32Array;

  constructor(private readonly word: string) {
    const n = word.length;
    this.prefix = new Int32Array(n + 1);
    for (let i = 0; i < n; i++)
      this.prefix[i + 1] = (Math.imul(this.prefix[i] as number, BASE) + this.code(i)) | 0;
    this.powers = new Int32Array(n + 2);
    this.powers[0] = 1;
    for (let i = 1; i <= n + 1; i++) this.powers[i] = Math.imul(this.powers[i - 1] as number, BASE);
    this.suffix = new Int32Array(n + 1);
    for (let i = n - 1; i >= 0; i--)
      this.suffix[i] =
        (Math.imul(this.code(i), this.powers[n - 1 - i] as number) + (this.suffix[i + 1] as number)) | 0;
  }

  /** The word with `letter` (a code unit) inserted before position `at`: may the filter hold it? */
  insertion(at: number, letter: number, filter: SpellingFilter): boolean {
    return filter.mightHold(this.followedBy(this.withLetter(at, letter), at));
  }

  /** …with the letter at `at` changed to `letter`. */
  substitution(at: number, letter: number, filter: SpellingFilter): boolean {
    return filter.mightHold(this.followedBy(this.withLetter(at, letter), at + 1));
  }

  /** …with the letter at `at` left out. */
  deletion(at: number, filter: SpellingFilter): boolean {
    return filter.mightHold(this.followedBy(this.prefix[at] as number, at + 1));
  }

  /** …with the letters at `at` and `at + 1` swapped. */
  transposition(at: number, filter: SpellingFilter): boolean {
    const swapped = (Math.imul(this.withLetter(at, this.code(at + 1)), BASE) + this.code(at)) | 0;
    return filter.mightHold(this.followedBy(swapped, at + 2));
  }

  private code(i: number): number {
    return this.word.charCodeAt(i);
  }

  /** The hash of the word's first `keep` letters, then `letter`. */
  private withLetter(keep: number, letter: number): number {
    return (Math.imul(this.prefix[keep] as number, BASE) + letter) | 0;
  }

  /** A hash followed by the word's letters from `resume` on. */
  private followedBy(hash: number, resume: number): number {
    const rest = this.word.length - resume;
    return (Math.imul(hash, this.powers[rest] as number) + (this.suffix[resume] as number)) | 0;
  }
}
