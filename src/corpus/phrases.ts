/**
 * Reads the noun phrase that names a speaker: where it starts and ends around a verb of saying, and
 * what it is — a person with the title before the name and the appositive after it ("Fire Chief Dale
 * Brenner of the Linden Falls Fire District", "Dr. Lena Park, the county’s public health director"),
 * an organisation ("the Texas attorney general’s office"), a group ("health officials in Penwick
 * County"), a pronoun, or a short form to look up in the article ("Park", "the company").
 */
import { PRONOUNS, GENDERED_ROLE_WORDS as ROLE_GENDER } from './attributionWords';
import { CLOSED_CLASS_WORDS, type Gender } from './lexicon';
import { isPersonNoun, worksAt } from './personNouns';
import { isCourtesyTitle, isTitleWord, titleRole } from './roles';
import { flagsOf, type Token } from './tokens';
import { classify, W } from './wordClass';

export type Reading =
  | { kind: 'pronoun'; pronoun: 'he' | 'she' | 'they' | 'it'; start: number }
  | {
      kind: 'person';
      name: string;
      /** Title before the name, tidied ("state senator"). */
      title?: string;
      /** Gender a role word tells ("spokeswoman"). */
      gender?: Gender;
      start: number;
    }
  | {
      kind: 'organisation';
      name: string;
      /** What a phrase said the organisation is ("the consultancy Meridian Supply Insights"). */
      description?: string;
      start: number;
    }
  /**
   * "the board president", "the quarterback": a person named earlier by that role; failing that, when
   * the word can name an organisation too (`organisation`: "guard"), one the article named so.
   */
  | { kind: 'role'; name: string; start: number; organisation?: boolean }
  /** "the report", "the study": speaks for whoever the article said made it. */
  | { kind: 'document'; name: string; start: number }
  /** "the company", "the weather service"; `strict`: only an organisation named or described so ("the consultancy"). */
  | { kind: 'reference'; name: string; start: number; strict?: boolean }
  /** `organisation`: the one the group is of ("researchers at Western Prairie University"). */
  | { kind: 'group'; name: string; start: number; organisation?: string }
  | { kind: 'single'; name: string; start: number };

export interface Span {
  from: number;
  to: number;
}

const BOUNDARY = new Set(['—', '–', ':', ';', '(', ')', '“', '”', '"', '.', '!', '?', '[', ']']);
export const DETERMINERS = new Set(['the', 'a', 'an']);

export const isBoundary = (t: Token) => t.quoted || (!t.word && BOUNDARY.has(t.text));
const is = (t: Token | undefined, bits: number) => t !== undefined && (flagsOf(t) & bits) !== 0;
export const isOrgWord = (t: Token) => is(t, W.ORGANISATION);
const isGroupNoun = (t: Token) => is(t, W.GROUP);
const isNever = (t: Token) => is(t, W.NEVER_NAME);
export const isFunctionOrVerb = (t: Token) => is(t, W.FUNCTION_OR_VERB);
const isNounOrVerb = (t: Token) => is(t, W.NOUN_OR_VERB);
const isFirstName = (t: Token) => is(t, W.FIRST_NAME);
const isDigit = (t: Token) => is(t, W.DIGIT);
/** A capitalised word, or a number after one ("Local 1188"), can end the first part of "X of the Y". */
const endsName = (tokens: Token[], k: number) =>
  tokens[k]?.capitalised === true ||
  (isDigit(tokens[k] as Token) && tokens[k - 1]?.capitalised === true && !isNever(tokens[k - 1] as Token));
export const isNameWord = (t: Token) =>
  t.word && t.capitalised && !is(t, W.NEVER_NAME | W.TITLE | W.ORGANISATION | W.DIGIT);

/**
 * "and", "&" or "for" at token `i` inside an organisation's name: "the Vermont League of Cities and
 * Towns", "the Centers for Disease Control and Prevention", "the United Food and Commercial Workers
 * union". Not between two names ("Blinken and Lavrov", "Cardinal Climate Fund and Tarheel Capital").
 */
export function joinsName(tokens: Token[], i: number, floor: number, ceil: number): boolean {
  const t = tokens[i] as Token;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (i - 1 < floor || i + 1 >= ceil || t.quoted) return false;
  if (!prev?.capitalised || !next?.capitalised || prev.quoted || next.quoted || isNever(next)) return false;
  if (t.lower === 'for') return isOrgWord(prev);
  if (t.lower !== 'and' && t.text !== '&') return false;
  // In the complement of an organisation word's "of" or "for", a few words back.
  for (let k = i - 1; k > floor && i - k <= 4; k--) {
    const w = tokens[k] as Token;
    if (w.word && w.capitalised && !w.possessive) continue;
    if ((w.lower === 'of' || w.lower === 'for') && isOrgWord(tokens[k - 1] as Token)) return true;
    break;
  }
  if (isOrgWord(prev)) return false;
  let k = i + 1;
  while (k < ceil && k - i <= 4 && tokens[k]?.word && tokens[k]?.capitalised && !tokens[k]?.quoted) k++;
  const after = tokens[k];
  return (
    isOrgWord(tokens[k - 1] as Token) ||
    (k < ceil && after !== undefined && after.word && !after.quoted && isOrgWord(after))
  );
}

/** Start of the noun phrase that ends just before token `end` (no earlier than `floor`). */
export function phraseEndingAt(tokens: Token[], end: number, floor: number): number {
  let i = end;
  const at = (k: number) => tokens[k];
  while (i > floor && end - i < 14) {
    const t = at(i - 1) as Token;
    if (i < end && joinsName(tokens, i - 1, floor, end)) {
      i--;
      continue;
    }
    if (!t.word || t.quoted) break;
    const next = at(i);
    const before = at(i - 2);
    if (DETERMINERS.has(t.lower)) {
      // "Fire Chief Dale Brenner of the Linden Falls Fire District": "of the" stays inside.
      if (t.lower === 'the' && before?.lower === 'of' && i - 3 >= floor && endsName(tokens, i - 3)) {
        i -= 2;
        continue;
      }
      // "students in the later-starting schools", "officials at the state health department"
      if (
        t.lower === 'the' &&
        before !== undefined &&
        ['in', 'from', 'at'].includes(before.lower) &&
        i - 3 >= floor &&
        isGroupNoun(at(i - 3) as Token)
      ) {
        i -= 2;
        continue;
      }
      i--;
      break;
    }
    if (t.capitalised) {
      if (isNever(t) || isDigit(t)) break;
      i--;
      continue;
    }
    if (
      t.lower === 'of' &&
      next?.capitalised &&
      i < end &&
      before &&
      (before.capitalised || isTitleWord(before))
    ) {
      i--;
      continue;
    }
    // "health officials in Penwick County", "a team from Calloway State University"
    if (
      ['in', 'from', 'at'].includes(t.lower) &&
      next?.capitalised &&
      i < end &&
      before &&
      isGroupNoun(before)
    ) {
      i--;
      continue;
    }
    // "Local 1188 of the United Industrial Workers": a number right after a capitalised word is of the name.
    if (isDigit(t) && i < end && before?.capitalised && !isNever(before) && at(i)?.lower === 'of') {
      i--;
      continue;
    }
    if (isDigit(t)) break;
    const modifier = i < end && next?.word && !next.capitalised && isNounOrVerb(t);
    // "the report said", "the study’s authors": a noun the lexicon also files as a verb, after a
    // determiner or a possessive, heads the phrase.
    const head =
      i === end &&
      (isNounOrVerb(t) || is(t, W.DOCUMENT)) &&
      before !== undefined &&
      (DETERMINERS.has(before.lower) || before.possessive || is(before, W.POSSESSIVE_PRONOUN));
    if (isFunctionOrVerb(t) && !modifier && !head && !isTitleWord(t) && !isGroupNoun(t) && !isOrgWord(t))
      break;
    i--;
  }
  return i;
}

/** End of the noun phrase that starts at token `start` (no later than `ceil`). */
export function phraseStartingAt(tokens: Token[], start: number, ceil: number): number {
  let i = start;
  let last = start;
  if (i < ceil && DETERMINERS.has((tokens[i] as Token).lower)) i++;
  while (i < ceil && i - start < 14) {
    const t = tokens[i] as Token;
    if (i > start && joinsName(tokens, i, start, ceil)) {
      i++;
      continue;
    }
    if (!t.word || t.quoted) break;
    const next = tokens[i + 1];
    if (t.capitalised && !isNever(t)) {
      last = ++i;
      // "Tally’s office", "Paylinx CEO": a possessive goes on into a title or an organisation word.
      if (t.possessive && !next?.capitalised && !(next && (isTitleWord(next) || isOrgWord(next)))) break;
      continue;
    }
    if (
      t.lower === 'of' &&
      next &&
      (next.capitalised || (next.lower === 'the' && tokens[i + 2]?.capitalised))
    ) {
      i += next.lower === 'the' ? 2 : 1;
      continue;
    }
    if (isDigit(t) && tokens[i - 1]?.capitalised) {
      last = ++i; // "Machinists Local 1487"
      continue;
    }
    const modifier = isNounOrVerb(t) && headFollows(tokens, i + 1, ceil);
    if (isFunctionOrVerb(t) && !modifier && !isTitleWord(t) && !isOrgWord(t) && !isGroupNoun(t)) break;
    if (DETERMINERS.has(t.lower) || isNever(t)) break;
    i++;
    if (isTitleWord(t) || isOrgWord(t) || isGroupNoun(t)) last = i;
  }
  return last;
}

/** "the city finance office": a lower-case run up to an organisation, title or group word follows. */
function headFollows(tokens: Token[], from: number, ceil: number): boolean {
  for (let k = from; k < Math.min(ceil, from + 3); k++) {
    const t = tokens[k] as Token;
    if (!t.word || t.capitalised || (isFunctionOrVerb(t) && !isNounOrVerb(t))) return false;
    if (isOrgWord(t) || isTitleWord(t) || isGroupNoun(t)) return true;
  }
  return false;
}

export const textOf = (text: string, tokens: Token[], span: Span) =>
  text.slice((tokens[span.from] as Token).start, (tokens[span.to - 1] as Token).end);

/** "The Village of Oak Hollow" → "the Village of Oak Hollow": that capital is the sentence's. */
function lowerFirst(name: string, first: Token): string {
  return DETERMINERS.has(first.lower) || isGroupNoun(first)
    ? name.charAt(0).toLowerCase() + name.slice(1)
    : name;
}

/** "Health officials in Penwick County" opening a sentence → "health officials in Penwick County". */
function groupName(name: string, first: Token, sentenceInitial: boolean): string {
  const named =
    sentenceInitial && !isFirstName(first) && !is(first, W.PLACE_NAME)
      ? name.charAt(0).toLowerCase() + name.slice(1)
      : lowerFirst(name, first);
  // "The researchers found": people spoken of as a body are "researchers", as a byline would say;
  // whose they are keeps its article ("the study’s authors"), and so does a body named in the
  // singular ("the team").
  return /^the (?!\S+['’]s\b)\p{Ll}.*s$/u.test(named) ? named.slice(4) : named;
}

export interface PhraseOptions {
  /** It stands before a verb of saying. */
  subject: boolean;
  /** It stands right before or after a verb of saying, or after "according to": a name there is a speaker's. */
  cued?: boolean;
  sentenceStart: number;
}

/**
 * "Skylark Air", "Polar Point": read as a person's name only because it stands by a verb of saying (no
 * first name the lexicon knows, no title), so what else the article says of it may make it an organisation's.
 */
export function untitledWithoutFirstName(reading: Reading & { kind: 'person' }): boolean {
  return !reading.title && (classify((reading.name.split(' ')[0] ?? '').toLowerCase()) & W.FIRST_NAME) === 0;
}

/** What the phrase tokens[from, to) names. */
export function readPhrase(
  text: string,
  tokens: Token[],
  span: Span,
  options: PhraseOptions,
): Reading | undefined {
  const { from, to } = span;
  if (to <= from) return undefined;
  const first = tokens[from] as Token;
  const start = first.start;
  if (to - from === 1 && is(first, W.PRONOUN) && !first.quoted) {
    return { kind: 'pronoun', pronoun: PRONOUNS[first.lower] as 'he', start };
  }
  const person = personIn(text, tokens, span, options);
  if (person) return person;
  const sentenceInitial = first.start === tokens[options.sentenceStart]?.start;

  const words = tokens.slice(from, to);
  const groupAt = words.findIndex(isGroupNoun);
  const preposition = words.findIndex((t, i) => i > groupAt && ['in', 'from', 'at'].includes(t.lower));
  if (groupAt >= 0 && preposition > groupAt) {
    const place = { from: from + preposition + 1, to };
    const orgTail = words.slice(preposition + 1).some(isOrgWord);
    // "a team from Calloway State University reported": the university speaks; "researchers at
    // Northfield University" are people, and speak as such.
    if (orgTail && words[preposition]?.lower !== 'in' && !(words[groupAt] as Token).lower.endsWith('s'))
      return { kind: 'organisation', name: textOf(text, tokens, place), start };
    const name = groupName(textOf(text, tokens, span), first, sentenceInitial);
    return orgTail
      ? { kind: 'group', name, start, organisation: textOf(text, tokens, place) }
      : { kind: 'group', name, start };
  }
  if (
    groupAt >= 0 &&
    groupAt === words.length - 1 &&
    !words.some((t) => t.capitalised && isNameWord(t) && isFirstName(t))
  )
    return { kind: 'group', name: groupName(textOf(text, tokens, span), first, sentenceInitial), start };

  // "an Austin-based payroll software company" describes; it does not name.
  if (first.lower === 'a' || first.lower === 'an') return undefined;
  // "Regional airlines across the country have struggled": a word capitalised only because it opens
  // the sentence, before a lower-case plural, names nothing (a name's own words are capitalised).
  const last = words[words.length - 1] as Token;
  const commonOpening = sentenceInitial && words.length > 1 && !last.capitalised && /s$/u.test(last.lower);
  const capitalised = words.filter(
    (t) => t.capitalised && !DETERMINERS.has(t.lower) && !(t === first && commonOpening),
  );
  if (capitalised.length === 0) {
    const definite = first.lower === 'the' || is(first, W.POSSESSIVE_PRONOUN);
    const name = lowerFirst(textOf(text, tokens, span), first);
    // "the board president said", "the point guard said": someone the article named with that role.
    if (definite && to - from <= 4 && isTitleWord(last) && !isCourtesyTitle(last))
      return { kind: 'role', name, start, ...(isOrgWord(last) ? { organisation: true } : {}) };
    // "the company said", "the weather service said": looked up among the article's organisations.
    if (isOrgWord(last)) return { kind: 'reference', name, start };
    if (!definite || to - from > 4) return undefined;
    // "the report found", "its filing said": the document speaks for whoever made it.
    if (is(last, W.DOCUMENT)) return { kind: 'document', name, start };
    // "the consultancy said": an organisation the article described so.
    return options.subject && !is(last, W.FUNCTION_OR_VERB)
      ? { kind: 'reference', name, start, strict: true }
      : undefined;
  }
  // "the consultancy Meridian Supply Insights", "the investment firm Corliss Partners": what it is,
  // then its name.
  const described = describedName(words);
  if (described > 0) {
    const description = textOf(text, tokens, { from: from + 1, to: from + described });
    return {
      kind: 'organisation',
      name: textOf(text, tokens, { from: from + described, to }),
      description,
      start: (tokens[from + described] as Token).start,
    };
  }
  // "the company’s five U.S. factories": an organisation word that owns what follows names nothing here.
  if (words.some((t) => isOrgWord(t) && !t.possessive)) {
    // "Tidewell's chief financial officer" is a person's role, not an organisation.
    if (isTitleWord(last) && !isOrgWord(last)) return undefined;
    return { kind: 'organisation', name: lowerFirst(textOf(text, tokens, span), first), start };
  }
  const named = words.filter((t) => !DETERMINERS.has(t.lower));
  if (named.length === 1 && isNameWord(named[0] as Token))
    return { kind: 'single', name: (named[0] as Token).text, start };
  if (options.subject && named.every((t) => t.capitalised || t.lower === 'of'))
    return { kind: 'organisation', name: lowerFirst(textOf(text, tokens, span), first), start };
  return undefined;
}

/**
 * "the consultancy Meridian Supply Insights": where the name starts after "the" and lower-case nouns
 * that say what it is (0 when the phrase is not of that form).
 */
function describedName(words: Token[]): number {
  if (words[0]?.lower !== 'the' || words.length < 3) return 0;
  let k = 1;
  while (
    k < words.length &&
    words[k]?.word &&
    !words[k]?.capitalised &&
    !is(words[k], W.FUNCTION_OR_VERB | W.TITLE)
  )
    k++;
  if (k === 1 || k >= words.length || !is(words[k - 1], W.DESCRIPTOR)) return 0;
  const rest = words.slice(k);
  return rest.every((t) => t.capitalised || t.lower === 'of') && (rest[rest.length - 1] as Token).capitalised
    ? k
    : 0;
}

/** The person named at the end of the phrase (or before "of the …"), with the title before the name. */
function personIn(text: string, tokens: Token[], span: Span, options: PhraseOptions): Reading | undefined {
  let end = span.to;
  while (end > span.from) {
    const last = tokens[end - 1] as Token;
    // "Nico Albescu’s 3-pointer" names him; in "Tally’s office" the phrase goes on past the possessive.
    if (!isNameWord(last) || (last.possessive && end < span.to)) {
      end--;
      continue;
    }
    let begin = end - 1;
    while (
      begin > span.from &&
      isNameWord(tokens[begin - 1] as Token) &&
      !(tokens[begin - 1] as Token).possessive
    )
      begin--;
    const runStart = begin;
    // "Secretary of State Antony Blinken": the name starts at the first name, at most three words back.
    for (let k = Math.max(begin, end - 3); k < end - 1; k++) {
      if (isFirstName(tokens[k] as Token)) {
        begin = k;
        break;
      }
      if (k === end - 2 && end - begin > 2) begin = end - 2;
    }
    const name = tokens.slice(begin, end);
    const firstWord = name[0] as Token;
    const pre = tokens.slice(span.from, begin).filter((t) => !DETERMINERS.has(t.lower));
    const before = pre[pre.length - 1];
    // "Shopper Jordan Ellery, 34, …": a person noun that opens the sentence is capitalised for that
    // alone, and before a first name and surname it is what the person is, not a first name.
    const openingNoun =
      before !== undefined &&
      pre.length === 1 &&
      before.start === tokens[options.sentenceStart]?.start &&
      name.length === 2 &&
      isPersonNoun(before.lower);
    const titled = before !== undefined && (isTitleWord(before) || openingNoun);
    // "Lena Park", "Ellen Marsh": a first name makes a place word ("park", "marsh") a surname.
    const placeLike = is(last, W.PLACE_WORD) && !isFirstName(firstWord);
    // Next to a verb of saying, two capitalised words are a name even when the lexicon does not know
    // the first name ("said Priya Natarajan"); a longer run with no first name is an organisation's
    // ("Meridian Supply Insights").
    // After "of" they are what the person before is of ("analyst Devin Okonkwo of Crestline Research").
    const bare =
      (options.subject || options.cued === true) &&
      end === span.to &&
      end - runStart <= 2 &&
      tokens[runStart - 1]?.lower !== 'of';
    const looksPerson =
      !placeLike &&
      (name.length >= 2 ? isFirstName(firstWord) || titled || bare : titled && !isOrgWord(firstWord));
    if (!looksPerson) {
      end = runStart;
      continue;
    }
    const tail = tokens.slice(end, span.to);
    // "Marion County Medical Examiner’s Office": a name that goes on into an organisation is the organisation's.
    if (tail.some(isOrgWord) && tail[0]?.lower !== 'of') return undefined;
    // Only the words right before the name can be its title: "Brannagh finished 83 seconds ahead of
    // Sofia Reinholt" gives her none.
    const titleWords = pre.slice(titleStart(pre));
    let title = openingNoun ? before.lower : titleRole(text, titleWords);
    // "Senior analyst Owen Raskin of Halberd Securities": an analyst works at the firm, a president heads it.
    if (title && tail[0]?.lower === 'of') {
      const connector = worksAt(title.split(' ').pop() ?? '') ? 'at' : 'of';
      title = `${title} ${connector} ${textOf(text, tokens, { from: end + 1, to: span.to })}`;
    }
    const gender = pre.map((t) => ROLE_GENDER[t.lower]).find(Boolean) ?? courtesyGender(pre);
    return {
      kind: 'person',
      // "Albescu’s" names Albescu.
      name: textOf(text, tokens, { from: begin, to: end }).replace(/[’']s?$/u, ''),
      ...(title ? { title } : {}),
      ...(gender ? { gender } : {}),
      start: firstWord.start,
    };
  }
  return undefined;
}

/**
 * Where the words that can be a title before a name start: back to a digit or a function word ("Brannagh
 * finished 83 seconds ahead of Sofia Reinholt" gives her none), though an "of" between capitalised
 * words stays ("Secretary of State Antony Blinken").
 */
function titleStart(pre: readonly Token[]): number {
  let i = pre.length;
  while (i > 0) {
    const t = pre[i - 1] as Token;
    const joiner = t.lower === 'of' && i < pre.length && i >= 2 && (pre[i - 2] as Token).capitalised;
    if (!joiner && (isDigit(t) || CLOSED_CLASS_WORDS.has(t.lower))) break;
    i--;
  }
  return i;
}

function courtesyGender(pre: Token[]): Gender | undefined {
  for (const t of pre) {
    if (!isCourtesyTitle(t)) continue;
    const word = t.lower.replace(/\.$/u, '');
    if (word === 'mr') return 'male';
    if (['mrs', 'ms', 'miss'].includes(word)) return 'female';
  }
  return undefined;
}
