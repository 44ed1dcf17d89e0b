import { createRequire } from 'node:module';
import { stemmer } from 'stemmer';
import { eng as englishStopwords } from 'stopword';
import lemmatizer from 'wink-lemmatizer';
import { lookupTable } from '../corpus/lookupTable';
import { BoundedCache } from './boundedCache';

/**
 * Text analysis shared by indexing and questions, so both sides always agree on what a "term" is.
 * A term is a lower-case Porter stem; number words become digits ("ten" → "10").
 */

/**
 * Control characters, zero-width, bidirectional-control and other invisible characters people paste
 * in by accident (\p{Cc} control, \p{Cf} format).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

/** Words that only shape a question ("what did … do"): never evidence that a passage answers it. */
const QUESTION_WORDS = [
  'what',
  'whats',
  'when',
  'why',
  'which',
  'whom',
  'whose',
  'did',
  'does',
  'do',
  'done',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'can',
  'will',
  'shall',
  'should',
  'may',
  'might',
  'must',
  'me',
  'about',
  'please',
  'know',
  'anything',
  'something',
  'say',
  'says',
  'said',
  'saying',
  'happen',
  'happens',
  'happened',
  'happening',
  'there',
  'their',
  'they',
  'them',
  'he',
  'she',
  'his',
  'her',
  'it',
  'its',
  'i',
  'you',
  'we',
  'us',
  'our',
  'your',
  'the',
  'a',
  'an',
  // Contractions as they are typed without the apostrophe.
  'whos',
  'hes',
  'shes',
  'thats',
  'theyd',
  'theyre',
  'theyll',
  'youre',
  'youd',
  'im',
  'ive',
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'wasnt',
  'arent',
  'werent',
  'cant',
  'couldnt',
  'wouldnt',
  'shouldnt',
  'wont',
  'hasnt',
  'havent',
  'hadnt',
  // Chat fillers and greetings: they carry no question.
  'lol',
  'lmao',
  'rofl',
  'haha',
  'hahaha',
  'ok',
  'okay',
  'k',
  'thx',
  'thanks',
  'thank',
  'ty',
  'pls',
  'plz',
  'hi',
  'hello',
  'hey',
  'yo',
  'gm',
  'gn',
  'brb',
  'idk',
  'imo',
  'imho',
  'btw',
  'omg',
  'bot',
];
const STOPWORDS = new Set([...englishStopwords, ...QUESTION_WORDS]);

/** A stopword ("were", "what", "lol"): a word people type on purpose, never a typo to repair. */
export const isStopword = (word: string) => STOPWORDS.has(word);

const NUMBER_WORDS: Record<string, string> = lookupTable({
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  hundred: '100',
  thousand: '1000',
});

/** What a user typed, made safe to analyse: Unicode-normalised, invisible characters and Discord mentions removed. */
export function cleanQuestion(raw: string, maxLength = 1000): string {
  return (
    raw
      // "take place" means "happen": a frame of the question, not a place.
      .replace(/\b(?:take|takes|took|taken|taking) place\b/giu, 'happen')
      .normalize('NFKC')
      .replace(INVISIBLE, '')
      .replace(/<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|@(?:everyone|here)\b/gu, ' ')
      .replace(/\s+/gu, ' ')
      .trim()
      .slice(0, maxLength)
      // No word is this long; a pasted blob would only cost time in typo repair.
      .replace(/[\p{L}\p{N}]{40,}/gu, ' ')
      .trim()
  );
}

export interface Word {
  /** The word folded to lower case ASCII quotes, as written ("lasted"). */
  word: string;
  /** The term it indexes as ("last"). */
  term: string;
  /** Offsets in the analysed text, for highlighting. */
  start: number;
  end: number;
  stopword: boolean;
  /** Written with a capital first letter. */
  capitalised: boolean;
}

/** A word; "G20" is two ("g", "20") so that it meets "Group of 20", while "1970s" stays one. */
const WORD = /(?:\p{L}+|\p{N}[\p{L}\p{N}]*)(?:[.’'][\p{L}\p{N}]+)*\.?/gu;

/** Splits text into words with their terms. "U.S." is one word ("us"); "Russia’s" indexes as "russia". */
export function words(text: string): Word[] {
  const out: Word[] = [];
  // In text typed in capitals ("WHO IS PAUL WHELAN") capitals say nothing about abbreviations.
  const shouting = !/\p{Ll}/u.test(text);
  for (const match of text.matchAll(WORD)) {
    const token = analyseToken(match[0], shouting);
    if (!token) continue;
    const { word, term, stopword, capitalised } = token;
    out.push({ word, term, start: match.index, end: match.index + token.length, stopword, capitalised });
  }
  return out;
}

/** Lower-case letters in words one space apart ("prison term"): each word reads as itself. */
export const PLAIN_WORDS = /^[a-z]+(?: [a-z]+)*$/;

/**
 * The terms of a text's words and whether each is a stopword, as `words` gives them. WordNet's entries
 * are nearly all plain lower-case words, read without the word pattern or the token cache.
 */
export function wordTerms(text: string): Array<{ term: string; stopword: boolean }> {
  if (!PLAIN_WORDS.test(text)) return words(text);
  return text.split(' ').map((word) => ({ term: termOf(word), stopword: STOPWORDS.has(word) }));
}

/** The words of a text without their offsets, for indexing: no object is made per word. */
export function forEachToken(text: string, visit: (token: Token) => void): void {
  const shouting = !/\p{Ll}/u.test(text);
  for (const match of text.matchAll(WORD)) {
    const token = analyseToken(match[0], shouting);
    if (token) visit(token);
  }
}

export interface Token {
  word: string;
  term: string;
  stopword: boolean;
  /** Written with a capital first letter (a name, or the first word of a sentence). */
  capitalised: boolean;
  /** Length of the word in the text (without a sentence's full stop). */
  length: number;
}

/** The same spelling always analyses the same way: a corpus repeats a few thousand spellings a million times. */
const tokenCache = new BoundedCache<string, Token | null>(200_000);

function analyseToken(match: string, shouting: boolean): Token | null {
  return tokenCache.get(shouting ? `!${match}` : match, () => readToken(match, shouting));
}

function readToken(match: string, shouting: boolean): Token | null {
  let raw = match;
  // A trailing full stop belongs to the word only in abbreviations like "U.S.".
  if (raw.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(raw)) raw = raw.slice(0, -1);
  const folded = raw
    .toLowerCase()
    .replace(/[’']s$/u, '')
    .replace(/[.’']/gu, '');
  // "U.S." and "US" name a country, not the pronoun "us": abbreviations are never stopwords.
  const abbreviation = /^(?:\p{L}\.)+$/u.test(raw) || (!shouting && /^\p{Lu}{2,5}$/u.test(raw));
  return folded
    ? {
        word: folded,
        term: termOf(folded),
        stopword: !abbreviation && STOPWORDS.has(folded),
        capitalised: /^\p{Lu}/u.test(raw),
        length: raw.length,
      }
    : null;
}

/** Terms already worked out: a corpus has far fewer distinct words than words (≈ 8,000 in 900,000). */
const termCache = new BoundedCache<string, string>(200_000);

/** The index term of one folded word. */
export function termOf(word: string): string {
  // The stem of the base form, which is the stem of lemmatizer.verb(word) either way: when baseForm
  // keeps the word, the two stems are the same. One stemmer call where baseForm makes two or three.
  return termCache.get(
    word,
    () => NUMBER_WORDS[word] ?? (/^\d/.test(word) ? word : stemmer(lemmatizer.verb(word))),
  );
}

/**
 * The inflected forms wink-lemmatizer maps by its table ("ate" → "eat", "abode" → "abide") rather than
 * by its rules: the very table it reads, from the copy of wink-lexicon it depends on.
 */
const IRREGULAR_VERBS: Readonly<Record<string, string | undefined>> = lookupTable(
  createRequire(createRequire(import.meta.url).resolve('wink-lemmatizer'))(
    'wink-lexicon/src/wn-verb-exceptions.js',
  ),
);

/** How many letters of a term TermStarts keeps. */
const START_LETTERS = 4;

/**
 * The first `length` (up to four) characters of `text`, then `tail` when given, as a number below 27⁴
 * when they are lower-case letters: one base-27 digit a letter ("y" read as "i"; 0 past the end), -1
 * when they are not all such letters.
 */
function startCode(text: string, length: number, tail = ''): number {
  const letters = Math.min(length, text.length);
  let code = 0;
  for (let i = 0; i < START_LETTERS; i++) {
    let c =
      i < letters
        ? text.charCodeAt(i) - 96
        : i < letters + tail.length
          ? tail.charCodeAt(i - letters) - 96
          : 0;
    if (c < 0 || c > 26) return -1;
    if (c === 25) c = 9; // y → i
    code = code * 27 + c;
  }
  return code;
}

const START_CODES = 27 ** START_LETTERS;

/** A lower-case letter's base-27 digit in a start code ("y" read as "i"). */
function letterDigit(code: number): number {
  return code === 121 ? 9 : code - 96;
}
const E_DIGIT = letterDigit(101);

/** The digit of the word's letter at `i` (a lower-case word), 0 past its end. */
function digitAt(word: string, i: number): number {
  return i < word.length ? letterDigit(word.charCodeAt(i)) : 0;
}

/** The words termOf looks up rather than stems: wink-lemmatizer's irregular verbs, and the number words. */
const LOOKED_UP: ReadonlySet<string> = new Set([
  ...Object.keys(IRREGULAR_VERBS).filter((word) => IRREGULAR_VERBS[word] !== undefined),
  ...Object.keys(NUMBER_WORDS),
]);

/**
 * The starts of a set of terms, to pass over words whose term cannot be one of them without stemming
 * them. The term of a lower-case word that is not an irregular verb or a number word is the Porter
 * stem of the word less an ending ("meetings" → "meet"), an "e" put back after three letters at most
 * ("making" → "make"): it begins with the word's first four letters ("y" may have become "i": "bays" →
 * "bai"), or its first three and that "e", or is the word's first three, two or one ("age" → "ag").
 * test/shortcuts.test.ts holds this to termOf for every word WordNet has (the words asked about).
 */
export class TermStarts {
  /** By start code: some term begins so (a term of fewer letters is its own start). */
  private readonly starts = new Uint8Array(START_CODES);

  add(term: string): void {
    // A term starting with a digit or another letter is no stem of a lower-case word.
    const code = startCode(term, START_LETTERS);
    if (code >= 0) this.starts[code] = 1;
  }

  /** Takes a term's start out again (one filter tried with one term after another, in tests). */
  forget(term: string): void {
    const code = startCode(term, START_LETTERS);
    if (code >= 0) this.starts[code] = 0;
  }

  /** False only when termOf(word) is none of the terms added. */
  mayHoldTermOf(word: string): boolean {
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      if (c < 97 || c > 122) return true;
    }
    // startCode of the first four, three, two and one letters, and of the first three and an "e",
    // from the letters' digits read once.
    const one = digitAt(word, 0) * 27 ** 3;
    const two = one + digitAt(word, 1) * 27 ** 2;
    const three = two + digitAt(word, 2) * 27;
    const starts = this.starts;
    if (starts[three + digitAt(word, 3)] || starts[three] || starts[two] || starts[one]) return true;
    if (word.length >= 3 && starts[three + E_DIGIT]) return true;
    return LOOKED_UP.has(word);
  }
}

/**
 * The base form of an irregular verb ("held" → "hold", "spoke" → "speak"), which no stemmer finds;
 * other words are returned as they are.
 */
export function baseForm(word: string): string {
  const verb = lemmatizer.verb(word);
  return verb !== word && stemmer(verb) !== stemmer(word) ? verb : word;
}

/** Content terms of a text: what a passage is about, without stopwords. */
export function contentTerms(text: string): string[] {
  return words(text)
    .filter((w) => !w.stopword)
    .map((w) => w.term);
}

/** The stopwords of three letters or more: a misspelt one ("wht", "abut") is still only a stopword. */
export const LONGER_STOPWORDS: readonly string[] = [...STOPWORDS].filter((w) => w.length >= 3);
