/**
 * Synsets as the lines of WordNet's data files hold them, read as related words need them: the words
 * first, the pointers only when followed.
 */

export type Pos = 'noun' | 'verb' | 'adj' | 'adv';
const POS_OF_SYMBOL: Record<string, Pos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/**
 * Pointers worth following: hypernym, derivation, similar-to, pertainym, attribute, and antonym. Not
 * instance hypernyms: "Ukraine" → "country" matches every country. And antonym (a yes/no question's answer often uses the opposite word: "confirm" → "denied").
 */
export const FOLLOWED = new Set(['@', '+', '&', '\\', '=', '!']);
/**
 * For names only, the whole a place is part of: a capital or a seat of government stands for its
 * country in news ("Washington" for the U.S., "the Kremlin" for Moscow).
 */
export const NAME_FOLLOWED = new Set(['#p', '#m']);

interface Pointer {
  symbol: string;
  offset: string;
  pos: Pos;
  /** Which word of this synset it links (1-based), or 0 for all of them. */
  source: number;
  /** Which word of the target it links (1-based), or 0 for all of them. */
  target: number;
}

/**
 * A synset's line of a data file: offset lex_filenum ss_type w_cnt [word lex_id]… p_cnt [pointer]….
 * Most synsets are read only for their words (as the targets of another's pointers): the pointers
 * are read when first asked for.
 */
export class SynsetLine {
  /** WordNet's lexicographer file: the broad class of meaning ("verb.communication" is 32). */
  readonly lexFile: number;
  readonly words: string[] = [];
  /** The words as related words are given: lower case, spaces between words, no adjective marker. */
  readonly cleanWords: string[];
  private readonly pointersAt: number;
  private parsed?: Pointer[];

  constructor(private readonly line: string) {
    // offset, lex_filenum, ss_type, w_cnt: the four fields before the words.
    const lexAt = nextSpace(line, 0) + 1;
    const typeAt = nextSpace(line, lexAt) + 1;
    const countAt = nextSpace(line, typeAt) + 1;
    let at = nextSpace(line, countAt) + 1;
    this.lexFile = Number(line.slice(lexAt, typeAt - 1));
    const wordCount = Number.parseInt(line.slice(countAt, at - 1), 16);
    for (let i = 0; i < wordCount; i++) {
      const wordEnd = nextSpace(line, at);
      this.words.push(line.slice(at, wordEnd));
      at = nextSpace(line, wordEnd + 1) + 1;
    }
    this.pointersAt = at;
    this.cleanWords = this.words.map(cleanWord);
  }

  /** The words in lower case as written ("news_conference"): which of them a lemma is. */
  get lowerWords(): string[] {
    this.lower ??= this.words.map((w) => w.toLowerCase());
    return this.lower;
  }
  private lower?: string[];

  /** Some word of it is capitalised: a name ("Washington"), whose wholes are followed too. */
  get named(): boolean {
    this.capitalised ??= this.words.some((w) => /^\p{Lu}/u.test(w));
    return this.capitalised;
  }
  private capitalised?: boolean;

  /** The pointers related words are found by (FOLLOWED and NAME_FOLLOWED), in the line's order. */
  get pointers(): Pointer[] {
    if (!this.parsed) {
      // Read field by field: most pointers are skipped (hyponyms), and no string is made for them
      // beyond their symbol.
      const line = this.line;
      const countEnd = nextSpace(line, this.pointersAt);
      const pointerCount = Number(line.slice(this.pointersAt, countEnd));
      const pointers: Pointer[] = [];
      for (let i = 0, at = countEnd + 1; i < pointerCount; i++) {
        const symbolEnd = nextSpace(line, at);
        const offsetEnd = nextSpace(line, symbolEnd + 1);
        const posEnd = nextSpace(line, offsetEnd + 1);
        const sourceTargetEnd = nextSpace(line, posEnd + 1);
        const symbol = line.slice(at, symbolEnd);
        at = sourceTargetEnd + 1;
        if (!FOLLOWED.has(symbol) && !NAME_FOLLOWED.has(symbol)) continue;
        // Two hex digits for the word of this synset, two for the word of the target.
        const st = line.slice(posEnd + 1, sourceTargetEnd);
        pointers.push({
          symbol,
          offset: line.slice(symbolEnd + 1, offsetEnd),
          pos: POS_OF_SYMBOL[line.slice(offsetEnd + 1, posEnd)] ?? 'noun',
          source: Number.parseInt(st.slice(0, 2), 16),
          target: Number.parseInt(st.slice(2), 16),
        });
      }
      this.parsed = pointers;
    }
    return this.parsed;
  }
}

/** Where the field starting at `from` ends: at the next space, or at the end of the line. */
function nextSpace(line: string, from: number): number {
  const at = line.indexOf(' ', from);
  return at === -1 ? line.length : at;
}

/** A synset's word as a related word: "news_conference" → "news conference", "big(a)" → "big". */
function cleanWord(word: string): string {
  // Most words have neither: no pattern is run on them.
  const unmarked = word.endsWith(')') ? word.replace(/\(.*\)$/, '') : word;
  return (unmarked.includes('_') ? unmarked.replace(/_/g, ' ') : unmarked).toLowerCase();
}

/** Where a data file line's gloss starts (as bytes: a string needle is encoded on every search). */
const GLOSS_BYTES = Buffer.from(' | ', 'latin1');
const PIPE = 0x7c;
const SPACE = 0x20;

/** The synset at a byte offset of a data file, or undefined when no synset line starts there. */
export function readSynsetLine(buffer: Buffer, offset: string): SynsetLine | undefined {
  const start = Number(offset);
  if (!(start >= 0 && start < buffer.length)) return undefined;
  // The gloss after " | " is never read: the line is cut before it (and its end is not searched for).
  // The first "|" is the gloss's (looked for as a byte, the fastest search), else " | " is searched.
  const pipe = buffer.indexOf(PIPE, start);
  const gloss =
    pipe > start && buffer[pipe - 1] === SPACE && buffer[pipe + 1] === SPACE
      ? pipe - 1
      : buffer.indexOf(GLOSS_BYTES, start);
  let cut = gloss;
  if (cut === -1) {
    const end = buffer.indexOf(10, start);
    cut = end === -1 ? buffer.length : end;
  }
  let line = buffer.toString('latin1', start, cut);
  const newline = line.indexOf('\n');
  if (newline !== -1) line = line.slice(0, newline);
  if (!line.startsWith(offset)) return undefined;
  return new SynsetLine(line);
}
