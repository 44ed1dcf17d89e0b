/**
 * The attributions one sentence makes, as phrases still to be read against the article: "X said",
 * "said X", "X, a …, said", "X told reporters", "X said in a statement", "…, who said", "according to
 * X", "according to a notice X filed", "records kept by X", "said her mother, X", "That was how X put
 * it", "X disagreed sharply: “…”", and a second clause's own ("…, but Y said …").
 */
import {
  type Appositive,
  appositiveAfter,
  appositiveBefore,
  isAsideClause,
  placeAfter,
  startsAppositive,
} from './appositives';
import { PREPOSITIONS } from './lexicon';
import {
  isBoundary,
  isOrgWord,
  phraseEndingAt,
  phraseStartingAt,
  type Reading,
  readPhrase,
  type Span,
  textOf,
} from './phrases';
import { isTitleWord } from './roles';
import { flagsOf, type Token } from './tokens';
import { W } from './wordClass';

export interface Cue {
  reading: Reading;
  via: 'speech' | 'citation';
  /** Roles said around the phrase itself. */
  before?: string;
  appositive?: Appositive;
  offset: number;
  /** The document it speaks through ("report" for "according to a report by X"), to read "the report" later. */
  document?: string;
  /** Where the second clause it stands in starts ("…, but Erin Sato said"): that clause is its own. */
  clause?: number;
}

export interface Sentence {
  text: string;
  tokens: Token[];
  /** Token indices [from, to) of the sentence. */
  from: number;
  to: number;
}

export function sentenceCues(sentence: Sentence): Cue[] {
  const { tokens, from, to } = sentence;
  const cues: Cue[] = [];
  // After "Prosecutors said", the verbs up to the next quote are what was said ("… Marsh wrote herself
  // 312 checks"), not new attributions.
  let reported = false;
  const clause = clauseBoundary(sentence);
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (t.quoted || t.text === ';' || t.start === clause) reported = false;
    if (!t.word || t.quoted) continue;
    if (!t.cue) continue;
    if (t.lower === 'according') {
      const cue = source(sentence, i + 2);
      if (cue) cues.push(cue);
    } else if (t.lower.endsWith('ing')) {
      if (reported) continue;
      const cue = clauseSubject(sentence, i);
      if (cue) cues.push(cue);
      reported = cue !== undefined;
    } else if (!reported) {
      // "…filed in federal court, said Victor Salcedo, a lawyer": after a comma, a person named right
      // after the verb is the speaker, and what comes before the comma is what was said.
      const inverted = tokens[i - 1]?.text === ',' ? subjectAfter(sentence, i) : undefined;
      let cue =
        (inverted?.reading.kind === 'person' ? inverted : undefined) ??
        subjectBefore(sentence, i) ??
        subjectAfter(sentence, i);
      // "The report found …", "Researchers found that …"; not "Police found the body".
      if (cue && (flagsOf(t) & W.DOCUMENT_VERB) !== 0 && !(flagsOf(t) & W.SPEECH_VERB)) {
        const that = tokens[i + 1]?.lower === 'that';
        if (cue.reading.kind !== 'document' && !(that && cue.offset < t.start)) cue = undefined;
      }
      if (cue) cues.push(cue);
      reported = cue !== undefined && cue.offset < t.start;
    } else if ((flagsOf(t) & W.SPEECH_VERB) !== 0) {
      // "… belong to the species described in 1931, Saltonstall told reporters": a person set off by a
      // comma before the verb closes the sentence with its attribution, whatever was reported before.
      const cue = subjectBefore(sentence, i);
      if (cue && (cue.reading.kind === 'person' || cue.reading.kind === 'single')) {
        let start = i;
        while (start > from && (tokens[start] as Token).start > cue.offset) start--;
        const previous = tokens[start - 1];
        if (previous?.text === ',' && !previous.quoted) cues.push(cue);
      }
    }
  }
  if (cues.length === 0) {
    const cue = colonQuote(sentence);
    if (cue) cues.push(cue);
  }
  if (clause >= 0) for (const cue of cues) if (cue.offset > clause) cue.clause = clause;
  if (cues.length > 0) {
    // "In a regulatory filing, Halvorsen said …": "the filing" is Halvorsen's from now on.
    const document = documentSpokenIn(sentence);
    if (document) for (const cue of cues) if (cue.via === 'speech' && !cue.document) cue.document = document;
  }
  return cues;
}

/**
 * "His neighbor, Ginny Pruitt, disagreed sharply: “…”", "Her father, Anders Halvorsen, was calmer:
 * “…”": a clause whose colon opens a quote is its subject's, whatever its verb.
 */
function colonQuote(sentence: Sentence): Cue | undefined {
  const { tokens, to } = sentence;
  const start = firstWord(sentence);
  let colon = -1;
  for (let i = start + 1; i < to; i++)
    if (tokens[i]?.text === ':' && !tokens[i]?.quoted && tokens[i + 1]?.quoted) {
      colon = i;
      break;
    }
  // The clause's verb: the first lower-case word after a name, or after the comma closing one.
  for (let i = start + 1; i < colon; i++) {
    const t = tokens[i] as Token;
    const previous = tokens[i - 1] as Token;
    if (!t.word || t.capitalised || t.quoted) continue;
    const afterName = previous.word && previous.capitalised && (flagsOf(previous) & W.GRAMMAR) === 0;
    if (!(previous.text === ',' || afterName)) continue;
    const cue = subjectBefore(sentence, i);
    // What stands between the name and the colon is the clause's verb ("disagreed sharply"), no role.
    if (cue) delete cue.appositive;
    return cue;
  }
  return undefined;
}

/** Conjunctions that open a second clause after a comma, which may have a speaker of its own. */
const CLAUSE_CONJUNCTIONS = new Set(['but', 'though', 'although', 'while', 'whereas']);

/**
 * Where a second clause starts ("“We’re ready,” Kowalczyk said, but Erin Sato said …"): the offset of
 * its conjunction after a comma, or -1.
 */
function clauseBoundary(sentence: Sentence): number {
  const { tokens, from, to } = sentence;
  for (let i = from + 1; i < to; i++) {
    const t = tokens[i] as Token;
    if (
      !t.quoted &&
      CLAUSE_CONJUNCTIONS.has(t.lower) &&
      tokens[i - 1]?.text === ',' &&
      !tokens[i - 1]?.quoted
    )
      return t.start;
  }
  return -1;
}

/** "in a regulatory filing", "in an email", "in its annual report": the document a sentence speaks in. */
function documentSpokenIn(sentence: Sentence): string | undefined {
  const { tokens, from, to } = sentence;
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (t.lower !== 'in' || t.quoted) continue;
    for (let k = i + 1; k < Math.min(to, i + 5); k++) {
      const w = tokens[k] as Token;
      if (!w.word || w.quoted || w.capitalised) break;
      if ((flagsOf(w) & W.DOCUMENT) !== 0) return w.lower;
    }
  }
  return undefined;
}

/**
 * "The Michigan Association of School Boards opposes the bill, saying …": the subject of the clause
 * the participle hangs on, at the start of the sentence.
 */
function clauseSubject(sentence: Sentence, verb: number): Cue | undefined {
  const { tokens, to } = sentence;
  const start = firstWord(sentence);
  const end = phraseStartingAt(tokens, start, to);
  if (end <= start || end >= verb) return undefined;
  // The phrase must be the clause's subject: a word (its verb) follows it, not a comma or a quote.
  const next = tokens[end];
  if (!next?.word || next.quoted) return undefined;
  return cueFor(sentence, { from: start, to: end }, 'speech', true);
}

function cueFor(sentence: Sentence, span: Span, via: Cue['via'], subject: boolean): Cue | undefined {
  const { text, tokens, from, to } = sentence;
  const reading = readPhrase(text, tokens, span, { subject, cued: true, sentenceStart: firstWord(sentence) });
  if (!reading) return undefined;
  const before = appositiveBefore(text, tokens, span, from);
  const appositive = appositiveAfter(text, tokens, span.to, to);
  return {
    reading,
    via,
    ...(before ? { before } : {}),
    ...(appositive ? { appositive } : {}),
    offset: (tokens[span.from] as Token).start,
  };
}

/** The sentence's first word, after a dateline ("AUSTIN, Texas — Paylinx, …"). */
function firstWord(sentence: Sentence): number {
  const { tokens, from, to } = sentence;
  for (let i = to - 1; i >= from; i--) if (tokens[i]?.text === '—' && i < from + 8) return i + 1;
  return from;
}

/** "Raman said", "Park also told", "Paylinx, an Austin-based … company, said", "Lund, who said". */
function subjectBefore(sentence: Sentence, verb: number): Cue | undefined {
  const { tokens, from } = sentence;
  let end = verb;
  while (end > from && (flagsOf(tokens[end - 1] as Token) & W.BETWEEN) !== 0) {
    // "Gov. Phil Marchetti has not said whether …": nothing said, nothing to attribute.
    if (tokens[end - 1]?.lower === 'not' || tokens[end - 1]?.lower === 'never') return undefined;
    end--;
  }
  // "Rep. Jane Doe (D-Calif.) said": the aside in brackets stands between the name and its verb.
  if (tokens[end - 1]?.text === ')' && !tokens[end - 1]?.quoted) {
    let open = end - 2;
    while (open > from && end - open < 8 && tokens[open]?.text !== '(') open--;
    if (tokens[open]?.text === '(') end = open;
  }
  const previous = tokens[end - 1];
  if (!previous || previous.quoted) return undefined;
  if ((previous.lower === 'who' || previous.lower === 'which') && tokens[end - 2]?.text === ',') {
    // "Capt. Teresa Lund, who said …", "Coastway Transit, which said …": the relative pronoun stands
    // for the name before the comma; "which" for a thing, so an organisation. "Lionel Cartwright, a
    // beverage analyst at Varrick Securities, who noted": past the appositive, to the name it describes.
    let nameEnd = end - 2;
    for (let n = 0; n < 3; n++) {
      const segmentStart = commaSegmentStart(tokens, nameEnd, from);
      const appositive = startsAppositive(tokens.slice(segmentStart, nameEnd));
      if (tokens[segmentStart - 1]?.text !== ',' || !appositive) break;
      nameEnd = segmentStart - 1;
    }
    const cue = cueFor(
      sentence,
      { from: phraseEndingAt(tokens, nameEnd, from), to: nameEnd },
      'speech',
      true,
    );
    if (cue && previous.lower === 'which' && cue.reading.kind === 'person')
      return { ...cue, reading: { kind: 'organisation', name: cue.reading.name, start: cue.reading.start } };
    return cue;
  }
  if ((flagsOf(previous) & W.PRONOUN) !== 0)
    return cueFor(sentence, { from: end - 1, to: end }, 'speech', true);
  if (previous.text !== ',') {
    const group = postModifiedGroup(sentence, end);
    if (group) return group;
    const start = phraseEndingAt(tokens, end, from);
    // "suspended for violating team rules": a phrase right after a preposition is its object, no subject.
    const before = tokens[start - 1];
    if (start > from && before?.word && !before.capitalised && PREPOSITIONS.has(before.lower))
      return undefined;
    return start < end ? cueFor(sentence, { from: start, to: end }, 'speech', true) : undefined;
  }
  // "X, a …, said": walk left over the clauses set off by commas to the name they describe.
  let segmentEnd = end - 1;
  for (let n = 0; n < 4; n++) {
    const segmentStart = commaSegmentStart(tokens, segmentEnd, from);
    const segment = tokens.slice(segmentStart, segmentEnd);
    // "Her co-author, geoarchaeologist Dr. Paul Haverkamp, added": a title written before a name.
    const titled = titledName(segment);
    if (titled > 0) return cueFor(sentence, { from: segmentStart + titled, to: segmentEnd }, 'speech', true);
    // "The teachers union, the Greyhaven Education Association, said": a name set off by commas is
    // the speaker, and what comes before it says what it is.
    if (
      (isAsideClause(segment) && !isProperName(segment)) ||
      endsAppositive(tokens, segmentStart, segmentEnd, from)
    ) {
      if (tokens[segmentStart - 1]?.text !== ',') return undefined;
      segmentEnd = segmentStart - 1;
      continue;
    }
    const start = phraseEndingAt(tokens, segmentEnd, segmentStart);
    return start < segmentEnd ? cueFor(sentence, { from: start, to: segmentEnd }, 'speech', true) : undefined;
  }
  return undefined;
}

/** Where the stretch of the sentence ending at `end` starts: after the comma or boundary before it. */
function commaSegmentStart(tokens: Token[], end: number, from: number): number {
  let start = end;
  while (start > from && !isBoundary(tokens[start - 1] as Token) && tokens[start - 1]?.text !== ',') start--;
  return start;
}

/**
 * Where the name starts in "geoarchaeologist Dr. Paul Haverkamp", "senior analyst Owen Raskin": lower-case
 * words of a role with no article or preposition, then two or more capitalised words (after a courtesy
 * title). 0 when the segment is not so ("an associate professor at Calloway State University").
 */
function titledName(segment: Token[]): number {
  const name = segment.findIndex((t) => t.capitalised);
  if (name < 1 || segment.length - name < 2) return 0;
  const role = segment.slice(0, name);
  const rest = segment.slice(name);
  if (!role.every((t) => t.word && !t.quoted && (flagsOf(t) & W.GRAMMAR) === 0)) return 0;
  const courtesy = (flagsOf(rest[0] as Token) & W.COURTESY) !== 0 ? 1 : 0;
  const names = rest.slice(courtesy);
  if (names.length < 2 || !names.every((t) => t.word && t.capitalised && !t.possessive)) return 0;
  if (names.some((t) => (flagsOf(t) & W.NEVER_NAME) !== 0)) return 0;
  return name;
}

/**
 * "Dr. Ethan Brandt, an associate professor at the University of California, Davis, who …, noted":
 * "Davis" finishes the appositive before it, it is not the speaker.
 */
function endsAppositive(tokens: Token[], segmentStart: number, segmentEnd: number, from: number): boolean {
  if (segmentEnd - segmentStart > 2 || tokens[segmentStart - 1]?.text !== ',') return false;
  let start = segmentStart - 1;
  while (start > from && !isBoundary(tokens[start - 1] as Token) && tokens[start - 1]?.text !== ',') start--;
  const previous = tokens.slice(start, segmentStart - 1);
  return (
    previous.length > 1 &&
    startsAppositive(previous) &&
    placeAfter(tokens, previous, segmentStart - 1, segmentEnd + 1) === segmentEnd
  );
}

const isAsidePartyState = (words: Token[]) =>
  words.length === 1 && /^[RDI]-[A-Z]/u.test(words[0]?.text ?? '');

/** "the Greyhaven Education Association": capitalised words (and "of", "and"…) after an optional "the". */
function isProperName(segment: Token[]): boolean {
  const words = segment[0]?.lower === 'the' ? segment.slice(1) : segment;
  const last = words[words.length - 1];
  if (!last?.capitalised || words.length > 8 || isAsidePartyState(words)) return false;
  return words.every(
    (t, i) =>
      (t.word && t.capitalised && !t.possessive) || (i > 0 && ['of', 'and', 'for', '&'].includes(t.lower)),
  );
}

const POST_MODIFIER_PREPOSITIONS = new Set(['with', 'on', 'to', 'of', 'about', 'in', 'by']);

/**
 * "Two people familiar with the matter told Reuters", "officials briefed on the talks said": people
 * spoken of as a body, with what makes them a source after them.
 */
function postModifiedGroup(sentence: Sentence, end: number): Cue | undefined {
  const { text, tokens, from } = sentence;
  for (let g = end - 3; g >= Math.max(from, end - 9); g--) {
    const t = tokens[g] as Token;
    if (!t.word || t.quoted || t.text === ',') return undefined;
    if ((t.capitalised && g !== from) || (flagsOf(t) & W.GROUP) === 0) continue;
    const modifier = tokens[g + 1] as Token;
    const preposition = tokens[g + 2] as Token;
    if (!modifier.word || modifier.capitalised || !POST_MODIFIER_PREPOSITIONS.has(preposition.lower))
      return undefined;
    if ((flagsOf(modifier) & W.GRAMMAR) !== 0) return undefined;
    for (let k = g + 1; k < end; k++)
      if (!(tokens[k] as Token).word || (tokens[k] as Token).quoted) return undefined;
    const start = phraseEndingAt(tokens, g + 1, from);
    const name = textOf(text, tokens, { from: start, to: end });
    const first = tokens[start] as Token;
    return {
      reading: {
        kind: 'group',
        name:
          start === firstWord(sentence) && !(flagsOf(first) & W.FIRST_NAME)
            ? name.charAt(0).toLowerCase() + name.slice(1)
            : name,
        start: first.start,
      },
      via: 'speech',
      offset: first.start,
    };
  }
  return undefined;
}

/** "…,” said Jane Doe.", "said Dr. Aaron Feld, the state epidemiologist": the name right after the verb. */
function subjectAfter(sentence: Sentence, verb: number): Cue | undefined {
  const { tokens, to } = sentence;
  const start = verb + 1;
  const end = phraseStartingAt(tokens, start, to);
  if (end <= start) return relationThenName(sentence, start);
  const next = tokens[end];
  // "Kim said Marsh wrote …" is what Kim said, not who said it: the name must end the clause.
  if (next?.word && !next.quoted) return undefined;
  return cueFor(sentence, { from: start, to: end }, 'speech', false) ?? relationThenName(sentence, start);
}

/**
 * "said her mother, Ingrid Halvorsen.": a person named by how they are related, then by name at the
 * clause's end; the relation is the role ("mother").
 */
function relationThenName(sentence: Sentence, start: number): Cue | undefined {
  const { tokens, to } = sentence;
  let comma = start;
  while (comma < Math.min(to, start + 4) && tokens[comma]?.word && !tokens[comma]?.capitalised) comma++;
  if (comma === start || tokens[comma]?.text !== ',') return undefined;
  const relation = { from: start, to: comma };
  const from = comma + 1;
  const end = phraseStartingAt(tokens, from, to);
  const after = tokens[end];
  if (end - from < 2 || (after?.word && !after.quoted)) return undefined;
  if (!tokens.slice(from, end).every((t) => t.word && t.capitalised)) return undefined;
  const words = tokens
    .slice(relation.from, relation.to)
    .filter((t) => (flagsOf(t) & (W.POSSESSIVE_PRONOUN | W.GRAMMAR)) === 0);
  const head = words[words.length - 1];
  if (!head || head.capitalised || !isTitleWord(head)) return undefined;
  const cue = cueFor(sentence, { from, to: end }, 'speech', false);
  if (cue?.reading.kind !== 'person') return undefined;
  return { ...cue, before: words.map((t) => t.text).join(' ') };
}

/**
 * "according to X", "according to a notice Paylinx filed", "according to records kept by the museum",
 * "according to a report released Monday by the consultancy Meridian Supply Insights", "according to a
 * summary from Tally’s office".
 */
function source(sentence: Sentence, start: number): Cue | undefined {
  const { tokens, to } = sentence;
  let document = -1;
  for (let i = start; i < Math.min(to, start + 4); i++) {
    const t = tokens[i] as Token;
    if (!t.word || t.capitalised) break;
    if ((flagsOf(t) & W.DOCUMENT) !== 0) {
      document = i;
      break;
    }
  }
  if (document < 0) {
    const end = phraseStartingAt(tokens, start, to);
    // "according to its director, …": the role after a possessive pronoun.
    const owned = (flagsOf(tokens[start] as Token) & W.POSSESSIVE_PRONOUN) !== 0;
    const named = owned
      ? nameAfterRole(sentence, start + 1, phraseStartingAt(tokens, start + 1, to))
      : nameAfterRole(sentence, start, end);
    if (named) return named;
    const cue = end > start ? cueFor(sentence, { from: start, to: end }, 'citation', false) : undefined;
    if (cue) return cue;
    // Something unnamed ("a summary", "a tally", "odds posted by …") that speaks for whoever made it,
    // named after it.
    const first = ['a', 'an', 'the'].includes(tokens[start]?.lower ?? '') ? start + 1 : start;
    for (let i = first; i < Math.min(to, first + 3); i++) {
      const t = tokens[i] as Token;
      if (!t.word || t.capitalised || t.quoted) break;
      document = i;
    }
    if (document < 0) return undefined;
  }
  // A document speaks for whoever made it: "X filed", "kept by X", "from X"; not "a filing with X",
  // nor "a traffic study the city commissioned" (no one named).
  for (let i = document + 1; i < Math.min(to, document + 7); i++) {
    const t = tokens[i] as Token;
    if (t.lower === 'with' || t.text === ',' || isBoundary(t)) return undefined;
    if (t.capitalised && (flagsOf(t) & W.NEVER_NAME) !== 0) continue; // "released Monday by …"
    // "a layoff notice the company filed": an organisation the article named, as "the company".
    const after = tokens[i + 1];
    const theOrganisation = t.lower === 'the' && after !== undefined && isOrgWord(after);
    const agent = ['by', 'from'].includes(t.lower)
      ? i + 1
      : t.capitalised || (t.lower === 'the' && tokens[i + 1]?.capitalised) || theOrganisation
        ? i
        : -1;
    if (agent < 0) continue;
    const agentEnd = phraseStartingAt(tokens, agent, to);
    // Named ("by Paylinx"), or an organisation after "by"/"from" ("from the state fire marshal’s office")
    // or just before the verb ("the company filed").
    const named =
      tokens.slice(agent, agentEnd).some((w) => w.capitalised) ||
      ((agent === i + 1 || theOrganisation) && agentEnd > agent && isOrgWord(tokens[agentEnd - 1] as Token));
    const cue = named ? cueFor(sentence, { from: agent, to: agentEnd }, 'citation', true) : undefined;
    if (cue) cue.document = (tokens[document] as Token).lower;
    return cue;
  }
  return undefined;
}

/**
 * "according to its director, Mabel Trevithick", "according to the regatta’s chief referee, Oswin
 * Pratley": a role in lower case, then after a comma the name of who holds it, closing the clause.
 */
function nameAfterRole(sentence: Sentence, start: number, end: number): Cue | undefined {
  const { tokens, to } = sentence;
  const role = tokens.slice(start, end);
  const head = role[role.length - 1];
  if (tokens[end]?.text !== ',' || !head || head.capitalised || !isTitleWord(head)) return undefined;
  if (role.some((t) => t.quoted || (t.capitalised && !t.possessive))) return undefined;
  const nameEnd = phraseStartingAt(tokens, end + 1, to);
  const name = tokens.slice(end + 1, nameEnd);
  if (name.length === 0 || !name.every((t) => t.word && t.capitalised)) return undefined;
  const after = tokens[nameEnd];
  if (nameEnd < to && after && ![',', '.', ';'].includes(after.text)) return undefined;
  const cue = cueFor(sentence, { from: end + 1, to: nameEnd }, 'citation', false);
  return cue?.reading.kind === 'person' ? cue : undefined;
}
