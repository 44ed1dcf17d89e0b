/** Words and punctuation of a passage, with offsets, as attribution reads them. */
import { isAbbreviation } from './lexicon';
import { classify } from './wordClass';

export interface Token {
  /** The word as written, without a possessive ending ("Brenner" for "Brenner’s"). */
  text: string;
  lower: string;
  start: number;
  end: number;
  /** A word (letters or digits) rather than punctuation. */
  word: boolean;
  capitalised: boolean;
  /** Written with ’s or s’ ("Brenner’s", "players’"). */
  possessive: boolean;
  /** Inside quotation marks: the speaker's words, never their name. */
  quoted: boolean;
  /** What kind of word it is (wordClass.ts `W` bits); 0 for punctuation. */
  flags: number;
}

const DOTTED = /^(?:\p{L}\.)+\p{L}?\.?$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;

/** Per UTF-16 unit: 1 letter or digit, 2 white space, 3 other; 0 not yet looked at. */
const kinds = new Uint8Array(65536);
function kindOf(code: number): number {
  let kind = kinds[code] as number;
  if (kind === 0) {
    const ch = String.fromCharCode(code);
    // Surrogates (emoji and rarer letters) count as letters: a word, not punctuation, is the safe side.
    kind = LETTER_OR_DIGIT.test(ch) || (code >= 0xd800 && code <= 0xdfff) ? 1 : SPACE.test(ch) ? 2 : 3;
    kinds[code] = kind;
  }
  return kind;
}
/** Characters that may go on inside a word: ’ ' & . - */
const inWord = (code: number) => code === 0x2019 || code === 39 || code === 38 || code === 46 || code === 45;

/** Quoted stretches ("…" or “…”, possibly left open at the passage's end), as [start, end) pairs. */
export function quotedRanges(text: string): Array<[number, number]> {
  return [...text.matchAll(/“[^”]*”?|"[^"]*"?/gu)].map((m) => [m.index, m.index + m[0].length]);
}

/** Words ("Sgt.", "U.S.", "Brenner’s", "24-year-old") and single punctuation marks. Scanned by hand: this runs on every passage at load. */
export function tokenize(text: string): Token[] {
  const quotes = quotedRanges(text);
  // Tokens come in text order: one pass over the quoted ranges answers "is this offset quoted?".
  let q = 0;
  const inQuote = (offset: number) => {
    while (q < quotes.length && (quotes[q] as [number, number])[1] <= offset) q++;
    const range = quotes[q];
    return range !== undefined && range[0] <= offset;
  };
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const kind = kindOf(code);
    if (kind === 2) {
      i++;
      continue;
    }
    const start = i;
    if (kind === 3) {
      i++;
      tokens.push(punctuation(text.charAt(start), start, inQuote(start)));
      continue;
    }
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (kindOf(c) !== 1 && !inWord(c)) break;
      i++;
    }
    let raw = text.slice(start, i);
    // A full stop ends the sentence unless the word is an abbreviation ("Sgt.", "U.S.", "Tenn.").
    let stop = false;
    if (raw.length > 1 && raw.endsWith('.') && !DOTTED.test(raw) && !isAbbreviation(raw.slice(0, -1))) {
      raw = raw.slice(0, -1);
      stop = true;
    }
    const end = start + raw.length;
    const last = raw.charAt(raw.length - 1);
    const apostrophe = last === '’' || last === "'";
    const possessive =
      raw.length > 2 &&
      (apostrophe ? raw.charAt(raw.length - 2) === 's' : last === 's' && isApostrophe(raw, raw.length - 2));
    const word = possessive ? raw.slice(0, apostrophe ? -1 : -2) : raw;
    const quoted = inQuote(start);
    const known = spellings.get(word) ?? learn(word);
    tokens.push({
      text: word,
      lower: known.lower,
      start,
      end,
      word: true,
      capitalised: known.capitalised,
      possessive,
      quoted,
      flags: known.flags,
    });
    if (stop) tokens.push(punctuation('.', end, quoted));
  }
  return tokens;
}

/** What each spelling seen so far lowers to and is: one lookup per token instead of three. */
const spellings = new Map<string, { lower: string; capitalised: boolean; flags: number }>();
function learn(word: string) {
  const first = word.charAt(0);
  const lower = word.toLowerCase();
  const known = { lower, capitalised: first !== first.toLowerCase(), flags: classify(lower) };
  spellings.set(word, known);
  return known;
}

const isApostrophe = (raw: string, at: number) => raw.charAt(at) === '’' || raw.charAt(at) === "'";

function punctuation(text: string, start: number, quoted: boolean): Token {
  return {
    text,
    lower: text,
    start,
    end: start + text.length,
    word: false,
    capitalised: false,
    possessive: false,
    quoted,
    flags: 0,
  };
}
