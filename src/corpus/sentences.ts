/**
 * Splits a passage into sentences, keeping abbreviations ("U.S.", "Mr.", "Jan.", "Tenn.") and initials
 * inside their sentence: `Intl.Segmenter` would cut "Whelan, a former U.S. Marine, has been…" after
 * "U.S.". News copy also loses spaces ("…on Nov. 12.She said"): a full stop between a lowercase
 * word (or a number) and a capitalised word ends a sentence even without a space.
 */
import { isAbbreviation, isCommonWord } from './lexicon';

/** Ours on top of compromise's list: titles and months it lacks, kept short on purpose. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof sen rep gov gen col lt sgt capt det supt st jr sr inc corp co ltd vs etc jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);

/** AP state abbreviations that are also words ("Ill.", "Ore.", "Mass."), and "No. 5": abbreviations only when capitalised. */
const CAPITALISED_ABBREVIATIONS = new Set(
  'No Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Tenn Tex Vt Va Wash Wis Wyo'.split(
    ' ',
  ),
);

export interface SentenceSpan {
  /** Offset of the sentence's first character in the passage. */
  start: number;
  /** Offset just after its last character (closing quote included). */
  end: number;
}

const BOUNDARY =
  /[.!?…]+[”"’')\]]*(?:(?=\s+[“"‘'([]?[\p{Lu}\d])|(?<=[\p{Ll}\d%”’)][.!?]+)(?=\p{Lu}\p{Ll}))/gu;

/** Where each sentence of `text` starts and ends (white space between sentences belongs to none). */
export function sentenceSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + match[0].length;
    if (match[0] === '.') {
      const word = wordBefore(text, start, match.index);
      if (isAbbreviated(word) && !endsAtClockTime(word, text, end)) continue;
    }
    pushTrimmed(text, start, end, spans);
    start = end;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map((s) => text.slice(s.start, s.end));
}

/** The word (letters, digits, dots) that ends at `end`; read backwards, since passages can be long. */
function wordBefore(text: string, floor: number, end: number): string {
  let k = end;
  while (k > floor && /[\p{L}\p{N}.]/u.test(text[k - 1] ?? '')) k--;
  return text.slice(k, end);
}

/**
 * "… no earlier than 8:30 a.m. Fewer than one in five …": a clock time ends the sentence when a
 * common word follows it, not a day or a name ("7 p.m. Tuesday", "10 a.m. ET").
 */
function endsAtClockTime(word: string, text: string, end: number): boolean {
  if (word !== 'a.m' && word !== 'p.m') return false;
  const next = /^\s+[“"‘'([]?(\p{Lu}\p{Ll}+)/u.exec(text.slice(end, end + 40))?.[1];
  return next !== undefined && isCommonWord(next);
}

/** "U.S." or "J." (dotted letters) and known abbreviations do not end a sentence. */
function isAbbreviated(word: string): boolean {
  if (/^(?:\p{L}\.)*\p{L}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase()) || CAPITALISED_ABBREVIATIONS.has(word) || isAbbreviation(word);
}

function pushTrimmed(text: string, start: number, end: number, spans: SentenceSpan[]): void {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text[from] ?? '')) from++;
  while (to > from && /\s/u.test(text[to - 1] ?? '')) to--;
  if (to > from) spans.push({ start: from, end: to });
}
