/**
 * The roles a name is set off with by commas: after it (", a pediatric nurse at St. Brendan’s,",
 * ", 34, a father of two,") or before it ("Marsh’s attorney, Robert Feeney,"), and the asides that are
 * no role ("in his third season", "wearing a gray cardigan").
 */
import { COMPANY_NOUNS } from './attributionWords';
import {
  DETERMINERS,
  isBoundary,
  isFunctionOrVerb,
  phraseEndingAt,
  type Reading,
  type Span,
  textOf,
  untitledWithoutFirstName,
} from './phrases';
import { appositiveRole, isTitleWord } from './roles';
import { flagsOf, type Token } from './tokens';
import { W } from './wordClass';

export interface Appositive {
  role: string;
  /** A bare relative clause ("who runs the program"): a weaker role than a noun. */
  who: boolean;
  /** It says the name is a company's ("an Austin-based payroll software company"). */
  organisational: boolean;
}

/** The first appositive after the name at token `to` (", 34, a father of two," → "father of two"). */
export function appositiveAfter(
  text: string,
  tokens: Token[],
  to: number,
  ceil: number,
): Appositive | undefined {
  let k = to;
  while (k < ceil && tokens[k]?.text === ',' && !tokens[k]?.quoted) {
    let e = k + 1;
    while (
      e < ceil &&
      !(tokens[e] as Token).quoted &&
      !isBoundary(tokens[e] as Token) &&
      tokens[e]?.text !== ','
    )
      e++;
    const segment = tokens.slice(k + 1, e);
    if (segment.length === 1 && /^\d+$/u.test(segment[0]?.text ?? '')) {
      k = e; // an age: "Maureen Tate, 71, a retired teacher"
      continue;
    }
    // "Benedetti, now 58 and a physical therapist in Boise,": what she is now, after her age.
    if (segment[0]?.lower === 'now') segment.shift();
    if (/^\d+$/u.test(segment[0]?.text ?? '') && segment[1]?.lower === 'and') segment.splice(0, 2);
    if (!startsAppositive(segment)) return undefined;
    // "an associate professor at the University of California, Davis,": the place after the comma
    // is still the name the role ends with.
    const place = placeAfter(tokens, segment, e, ceil);
    if (place > e) segment.push(...tokens.slice(e, place));
    const role = appositiveRole(text, segment);
    if (!role) return undefined;
    // "an Austin-based payroll software company" is an organisation; "who has led the agency" a person.
    const organisational =
      !role.who && segment.some((t) => COMPANY_NOUNS.has(t.lower)) && !segment.some(isTitleWordStrict);
    return { ...role, organisational };
  }
  return undefined;
}

/**
 * The appositive of this reading: "Luis Ocampo, a forklift operator," is a person's role, though an
 * "operator" can be a company; a name with a first name or a title is a person's.
 */
export function appositiveOf(appositive: Appositive | undefined, reading: Reading): Appositive | undefined {
  if (!appositive?.organisational || reading.kind !== 'person' || untitledWithoutFirstName(reading))
    return appositive;
  return { ...appositive, organisational: false };
}

const isTitleWordStrict = (t: Token) => isTitleWord(t) && !COMPANY_NOUNS.has(t.lower);

/**
 * Where a place that finishes a segment's last name ends ("…University of California, Davis" → after
 * "Davis"): one or two capitalised words after the comma, then a comma, a full stop or the end. `e` if none.
 */
export function placeAfter(tokens: Token[], segment: Token[], e: number, ceil: number): number {
  if (!segment[segment.length - 1]?.capitalised || tokens[e]?.text !== ',' || tokens[e]?.quoted) return e;
  let k = e + 1;
  while (k < ceil && k - e <= 2 && tokens[k]?.word && tokens[k]?.capitalised && !tokens[k]?.quoted) k++;
  if (k === e + 1) return e;
  const after = tokens[k];
  const ends = k >= ceil || after === undefined || after.text === ',' || (isBoundary(after) && !after.quoted);
  if (!ends) return e;
  const words = tokens.slice(e + 1, k);
  // A place, not a name: no first name, and not a known person's title.
  return words.some((t) => (flagsOf(t) & (W.FIRST_NAME | W.TITLE | W.COURTESY)) !== 0) ? e : k;
}

/** "Marsh’s attorney, Robert Feeney, had asked": the role before a name set off by commas. */
export function appositiveBefore(
  text: string,
  tokens: Token[],
  span: Span,
  floor: number,
): string | undefined {
  if (!setOffByCommas(tokens, span)) return undefined;
  const end = span.from - 1;
  let begin = phraseEndingAt(tokens, end, floor);
  // "A spokesperson for the board, Lena Ortiz,", "a lawyer for the plaintiffs, Dana Ruttledge,": the
  // role's own complement.
  const article = tokens[begin - 1];
  const preposition = DETERMINERS.has(article?.lower ?? '') ? tokens[begin - 2] : article;
  const at = preposition === article ? begin - 1 : begin - 2;
  if (
    preposition &&
    ['for', 'of', 'at', 'with'].includes(preposition.lower) &&
    at - 1 >= floor &&
    isTitleWord(tokens[at - 1] as Token) &&
    !(tokens[at - 1] as Token).capitalised
  )
    begin = phraseEndingAt(tokens, at, floor);
  // "Her son, Daniel Pruitt,": the pronoun says the role is relative to someone else.
  if (begin > floor && (flagsOf(tokens[begin - 1] as Token) & W.POSSESSIVE_PRONOUN) !== 0) begin--;
  const words = tokens.slice(begin, end).filter((t) => !DETERMINERS.has(t.lower));
  const ofAt = words.findIndex((t) => ['for', 'of', 'at', 'with'].includes(t.lower));
  const head = words[ofAt > 0 ? ofAt - 1 : words.length - 1];
  // "Glacier Cold Storage’s chief technology officer, Ravi Desai,": an organisation's name and a role.
  if (!head || words.length > 8 || !isTitleWord(head) || head.capitalised) return undefined;
  const role = textOf(text, tokens, { from: begin, to: end });
  // "The society’s director" keeps its "the", as "the county’s public health director" does after a name.
  return tokens[begin]?.lower === 'the' && tokens[begin + 1]?.possessive
    ? `the${role.slice(3)}`
    : role.replace(/^(?:the|a|an) /iu, '');
}

/**
 * A name set off by a comma before it and a comma after, or closing its sentence ("…, according to the
 * regatta’s chief referee, Oswin Pratley."): what stands before the comma may say who or what it is.
 */
function setOffByCommas(tokens: Token[], span: Span): boolean {
  const closing = tokens[span.to]?.text;
  return tokens[span.from - 1]?.text === ',' && (closing === ',' || closing === '.' || closing === ';');
}

/** Appositives start with an article, an age, a relative pronoun or a lower-case noun: not with a name. */
export function startsAppositive(segment: Token[]): boolean {
  const first = segment[0];
  if (!first?.word) return false;
  if (['a', 'an', 'the', 'who', 'which', 'whose', 'where'].includes(first.lower)) return true;
  if (/^\d/u.test(first.text)) return true;
  // "Jonas Berg, Arktis’s head of U.S. sales,": an organisation's role.
  if (first.capitalised && first.possessive && segment[1]?.word && !segment[1].capitalised) return true;
  // "Jane Doe and her husband, John Doe, own the farm": a word and then "the" is a verb and its object.
  if (DETERMINERS.has(segment[1]?.lower ?? '')) return false;
  // "Gwendolyn Ashcombe, 66, first spotted the faint smudge": a past tense and its object is what the
  // sentence says she did, not what she is ("a retired teacher" has no object).
  if (/^\p{Ll}+ed$/u.test(segment[1]?.text ?? '') && DETERMINERS.has(segment[2]?.lower ?? '')) return false;
  return !first.capitalised && !isFunctionOrVerb(first);
}

/**
 * "The city’s transit agency, Metro Link, raised fares": what comes before a name set off by commas
 * says it is an organisation ("agency", "company", "firm"); the description, or undefined.
 */
export function organisationBefore(
  text: string,
  tokens: Token[],
  span: Span,
  floor: number,
): string | undefined {
  if (!setOffByCommas(tokens, span)) return undefined;
  const end = span.from - 1;
  const head = tokens[end - 1];
  if (
    !head?.word ||
    head.capitalised ||
    head.quoted ||
    !(COMPANY_NOUNS.has(head.lower) || (flagsOf(head) & W.ORGANISATION) !== 0)
  )
    return undefined;
  const begin = phraseEndingAt(tokens, end, floor);
  if (begin >= end) return undefined;
  return textOf(text, tokens, { from: begin, to: end }).replace(/^(?:the|a|an) /iu, '');
}

const PARTY_STATE = /^[RDI]-[A-Z][\p{L}.]*$/u;

/** Clauses set off by commas that describe, not name: "in his third season", "wearing a gray cardigan". */
export function isAsideClause(segment: Token[]): boolean {
  const first = segment[0];
  if (!first?.word) return false;
  // "Sen. Bob Corker, R-Tenn., said": party and state.
  if (segment.length === 1 && PARTY_STATE.test(first.text)) return true;
  if (startsAppositive(segment)) return true;
  return !first.capitalised && (isFunctionOrVerb(first) || /ing$/u.test(first.lower));
}
