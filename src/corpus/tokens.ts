/** Words and punctuation of a passage, with offsets, as attribution reads them. */

import { DOCUMENT_VERBS, SPEECH_PARTICIPLES, SPEECH_VERBS } from './attributionWords';
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
  /** What kind of word it is (wordClass.ts `W` bits), once asked (see `flagsOf`); -1 before. */
  flags: number;
  /** A verb of saying ("said", "told") or the "according" of "according to": where attributions are. */
  cue: boolean;
}

/**
 * A token's word class, looked up the first time it is asked for: most tokens never are, and a lookup
 * for each of the million tokens of a large corpus would cost more than all the rest of attribution.
 */
export function flagsOf(token: Token): number {
  if (token.flags < 0) token.flags = classify(token.lower);
  return token.flags;
}

/**
 * A verb of saying, or the "according" of "according to". The verbs end in few letters ("said",
 * "says", "say", "tell", "wrote"): testing the last letter first spares the set lookup for most words.
 */
const VERB_ENDINGS = new Uint8Array(128);
for (const verb of [...SPEECH_VERBS, ...DOCUMENT_VERBS]) VERB_ENDINGS[verb.charCodeAt(verb.length - 1)] = 1;

function isCue(word: string, text: string, end: number): boolean {
  const last = word.charCodeAt(word.length - 1);
  // "according to X"; "X opposes the bill, saying …"
  if (last === 103)
    return (
      (word === 'according' && text.startsWith(' to', end)) ||
      (SPEECH_PARTICIPLES.has(word) && text.charAt(end - word.length - 2) === ',')
    );
  // "That was how Gene Castellano put it.", "as one trainer put it,": the idiom, ending its clause,
  // says who said it ("She put it on the table" does not).
  if (word === 'put' || word === 'puts') return /^ it[.,;:!?”"]/u.test(text.slice(end, end + 4));
  return VERB_ENDINGS[last] === 1 && (SPEECH_VERBS.has(word) || DOCUMENT_VERBS.has(word));
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
export function tokenize(text: string, sentenceEnds: readonly number[] = []): Token[] {
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
  let s = 0;
  while (i < n) {
    if (inQuote(i)) {
      // A quote's words are the speaker's, never a name to read: one token for each sentence's share
      // of the quote keeps a third of the tokens of a news passage out of memory.
      while (s < sentenceEnds.length && (sentenceEnds[s] as number) <= i) s++;
      const end = Math.min((quotes[q] as [number, number])[1], sentenceEnds[s] ?? n);
      tokens.push({ ...punctuation(text.slice(i, end), i, true), end });
      i = end;
      continue;
    }
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
    if (
      raw.length > 1 &&
      raw.endsWith('.') &&
      !DOTTED.test(raw) &&
      !isAbbreviation(raw.slice(0, -1)) &&
      !continuesAfter(text, i)
    ) {
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
    const first = word.charCodeAt(0);
    // Lower-case words (most of them) are their own lower case: no new string for them.
    const capitalised =
      first < 128 ? first >= 65 && first <= 90 : word.charAt(0) !== word.charAt(0).toLowerCase();
    tokens.push({
      text: word,
      lower: capitalised || HAS_CAPITAL.test(word) ? word.toLowerCase() : word,
      start,
      end,
      word: true,
      capitalised,
      possessive,
      quoted,
      flags: -1,
      // "According to court records, …" opens sentences; verbs of saying are lower case.
      cue: capitalised ? word === 'According' && text.startsWith(' to', end) : isCue(word, text, end),
    });
    if (stop) tokens.push(punctuation('.', end, quoted));
  }
  return tokens;
}

const HAS_CAPITAL = /[A-Z\u00c0-\uffff]/u;

/** A comma or a lower-case word after the full stop: it was an abbreviation ("R-Tenn., said", "Corp., which"). */
function continuesAfter(text: string, at: number): boolean {
  const next = text.charCodeAt(at);
  if (next === 44) return true;
  if (next !== 32) return false;
  const word = text.charCodeAt(at + 1);
  if (word >= 97 && word <= 122) return true;
  // "ranked No. 6": a number after "No." (sentences.ts keeps it inside its sentence too).
  return word >= 48 && word <= 57 && text.startsWith('No.', at - 3);
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
    cue: false,
  };
}
