/**
 * The type of answer a question asks for ("how long" wants a duration, "when" a date) and the kinds of
 * answer a passage holds. A passage that holds the wanted kind is ranked up; words alone miss that
 * "how long did they talk" is answered by "lasted 10 minutes".
 */
import { AUXILIARY_VERBS, CLOSED_CLASS_WORDS } from '../corpus/lexicon';
import { BoundedCache } from './boundedCache';

export type AnswerKind =
  | 'duration'
  | 'time'
  | 'place'
  | 'person'
  | 'organization'
  | 'age'
  | 'money'
  | 'percent'
  | 'temperature'
  | 'score'
  | 'quantity'
  | 'reason';
export type PassageFeatures = ReadonlySet<AnswerKind>;

const NUMBER =
  '(?:\\d+(?:[.,]\\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several|a few|many)';
/** A count that stands alone ("lasted 10", "for three"): not "a", which starts any noun phrase. */
const COUNT =
  '(?:\\d+(?:[.,]\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several)';
const UNIT = '(?:second|minute|hour|day|week|month|year|decade|century|centuries)s?';
const MONTH =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan\\.|feb\\.|aug\\.|sept?\\.|oct\\.|nov\\.|dec\\.';
const WEEKDAY = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';

const capitalised = (alternatives: string) =>
  alternatives
    .split('|')
    .map((a) => a[0]?.toUpperCase() + a.slice(1))
    .join('|');

/**
 * What each kind of answer looks like in a passage. A person has no pattern: the passage index reads
 * the people the article's register finds in the passage (passageIndex.ts), where two capitalised words
 * would take "Marlett Springs" or "Town Council" for one.
 */
const PASSAGE_PATTERNS: Partial<Record<AnswerKind, RegExp>> = {
  duration: new RegExp(
    `\\b${NUMBER}[\\s-]+${UNIT}\\b|\\b(?:for|lasted|during) (?:more than |about |nearly |almost )?${COUNT}\\b`,
    'iu',
  ),
  // "Oct. 8" (an abbreviation's full stop ends the word), "9:47 p.m.", "noon".
  time: new RegExp(
    `\\b(?:jan|feb|aug|sept?|oct|nov|dec)\\.(?!\\w)|\\b\\d{1,2}(?::\\d{2})? ?[ap]\\.m\\.|\\b\\d{1,2}:\\d{2}\\b|\\b(?:noon|midnight)\\b|\\b(?:${MONTH}|${WEEKDAY})\\b|\\b(?:1[89]|20)\\d{2}s?\\b|\\b(?:last|next|this) (?:summer|winter|spring|fall|autumn|year|week|month)\\b|\\b(?:yesterday|today|tomorrow|ago)\\b`,
    'iu',
  ),
  place: new RegExp(
    `\\b(?:in|at|near|outside|inside) (?:the )?(?!(?:${capitalised(MONTH)}|${capitalised(WEEKDAY)})\\b)\\p{Lu}[\\p{L}.]+|\\b(?:camp|prison|jail|city|town|village|capital|summit|conference|embassy|border|headquarters|venue|region|province)s?\\b`,
    'u',
  ),
  organization:
    /\b(?:\p{Lu}\p{L}+ )*(?:Federation|Organization|Organisation|Institute|Ministry|Agency|Council|Association|Committee|Department|University|Union|Foundation|Scientists|Office|House|Bank|Fund|Party)\b/u,
  age: /\b\d{1,3}[- ]years?[- ]old\b|\baged? \d{1,3}\b|\p{Lu}\p{Ll}+, \d{1,3},/u,
  money: /[$€£¥]\s?\d|\b\d[\d,.]*\s?(?:dollars|euros|pounds|cents)\b/iu,
  percent: /\d\s?%|\bpercent\b|\bper cent\b/iu,
  temperature: /\b\d+(?:\.\d+)?\s?(?:°|degrees?\b)/iu,
  score: /\b\d{1,3}-\d{1,3}(?:-\d{1,3})?\b/u,
  // News spells out counts under ten ("three potential buyers", "from nine a day to six"), but "a
  // two-year restoration" says how long, not how many.
  quantity:
    /\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?!-)|\b(?:double|triple|half|twice|percent|dozens?|hundreds?|thousands?|millions?|billions?|zero|number of|amount of)\b/iu,
  reason:
    /\b(?:because|due to|as a result|in order to|so that|why|reason|important|significan\w*|risks?|repercussions?|consequences?|wants? to|aims? to)\b/iu,
};

/** The words of `text` that hold an answer of these kinds ("10 minutes", "in India"): shown in bold. */
/** Where the phrase to show differs from what tells the kind: "10 minutes", not "lasted 10". */
const SPAN_PATTERNS: Partial<Record<AnswerKind, RegExp>> = {
  money:
    /[$€£¥]\s?\d[\d,.]*(?:\s?(?:million|billion|thousand|trillion))?|\b\d[\d,.]*\s?(?:dollars|euros|pounds)\b/iu,
  duration: new RegExp(`\\b${NUMBER}[\\s-]+${UNIT}\\b`, 'iu'),
};

/** A pattern that matches nowhere: a kind with no pattern has no span in plain text. */
const NEVER = /(?!)/u;

/** Each kind's span pattern made global for matchAll, compiled once rather than for every answer. */
const spanPatterns = new Map<AnswerKind, RegExp>();

function spanPattern(kind: AnswerKind): RegExp {
  let global = spanPatterns.get(kind);
  if (!global) {
    const pattern = SPAN_PATTERNS[kind] ?? PASSAGE_PATTERNS[kind] ?? NEVER;
    global = new RegExp(pattern.source, `${pattern.flags}g`);
    spanPatterns.set(kind, global);
  }
  return global;
}

export function answerSpans(text: string, kinds: readonly AnswerKind[]): string[] {
  // A person or a reason is too broad to point at one phrase.
  const pointed = kinds.filter((kind) => kind !== 'person' && kind !== 'reason');
  const spans = answerSpanOffsets(text, pointed).map(([start, end]) => text.slice(start, end).trim());
  // "10 minutes" answers; "a year" beside it is only context.
  const counted = spans.filter((s) => !/^an? /iu.test(s));
  return counted.length > 0 ? counted : spans;
}

/** Where in `text` answers of these kinds stand (character offsets), for reading what lies beside them. */
export function answerSpanOffsets(text: string, kinds: readonly AnswerKind[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const kind of kinds) {
    for (const match of text.matchAll(spanPattern(kind)))
      out.push([match.index, match.index + match[0].length]);
  }
  return out;
}

export function passageFeatures(text: string): PassageFeatures {
  const kinds = new Set<AnswerKind>();
  for (const [kind, pattern] of Object.entries(PASSAGE_PATTERNS) as Array<[AnswerKind, RegExp]>) {
    if (pattern.test(text)) kinds.add(kind);
  }
  return kinds;
}

/**
 * Question patterns, checked on the lower-cased question after its question words were repaired
 * (questionWords.ts), so no typo of them needs listing here.
 */
export const QUESTION_PATTERNS: ReadonlyArray<readonly [AnswerKind, RegExp]> = [
  [
    'duration',
    /\bhow long\b(?! ago)|\bfor how long\b|\bhow many (?:seconds|minutes|hours|days|weeks|months|years)\b|\b(?:duration|length)\b/,
  ],
  [
    'time',
    /^(?:since |until |till )?when\b|\b(?:since|until) when\b|\bwhat (?:time|day|year|date|month)\b|\bhow long ago\b|\b(?:which|what) (?:year|day|month|date)\b|(?<=\b(?:last|first|next) )times?\b/,
  ],
  ['place', /\bwhere\b|\b(?:what|which) (?:city|country|place|location|venue|town|state|county)\b/],
  [
    'organization',
    /\b(?:which|what) (?:organi[sz]ation|group|agency|institute|body|think tank|company|firm|outlet|team|club)\b/,
  ],
  ['person', /\b(?:who|whom|whose|whos)\b|\bwhich (?:person|official|minister|diplomat|player|spokes\w+)\b/],
  ['age', /\bhow old\b|\bwhat age\b|\bage of\b/],
  // "How much" asks for an amount, in news most often of money; a passage holding money answers both.
  ['money', /\bhow much\b(?! (?:time|longer|later|earlier))/],
  ['percent', /\bwhat (?:percent|percentage|share|proportion|rate)\b|\bhow many percent\b/],
  ['temperature', /\bhow (?:hot|cold|warm)\b|\bwhat (?:was )?the temperature\b|\b(?=temperatures?\b)/],
  ['score', /\bwhat (?:was |is )?the (?=(?:final )?score\b)|\bhow many (?:goals|points|runs)\b/],
  [
    'quantity',
    /\bhow (?:many|much|big|large|high|far|often|fast|hot|cold|tall)\b|\bwhat (?:number|percentage|amount|share)\b/,
  ],
  [
    'reason',
    /\bwhy\b|\bhow come\b|\bwhat (?:is|was) the (?:reason|point|purpose)\b|\bmatters?\b|\bimportan\w*\b|\bsignifican\w*\b/,
  ],
];

export interface QuestionCue {
  kind: AnswerKind;
  /** Where the cue stands in the question: its words ("how long") say what is asked, not about what. */
  start: number;
  end: number;
}

/** The same patterns, global for matchAll, compiled once: a question is read many times over. */
const QUESTION_PATTERNS_GLOBAL = QUESTION_PATTERNS.map(
  ([kind, pattern]) => [kind, new RegExp(pattern.source, 'g')] as const,
);

/** A question's cues are read by its terms, its kinds and its highlighting: worked out once. */
const cuesOf = new BoundedCache<string, QuestionCue[]>(1_000);

export function questionCues(question: string): QuestionCue[] {
  return cuesOf.get(question, readCues);
}

function readCues(question: string): QuestionCue[] {
  const q = question.toLowerCase();
  const cues: QuestionCue[] = [];
  for (const [kind, pattern] of QUESTION_PATTERNS_GLOBAL) {
    // What matchAll finds, without its copy of the pattern and its iterator per question.
    pattern.lastIndex = 0;
    for (let match = pattern.exec(q); match; match = pattern.exec(q)) {
      cues.push({ kind, start: match.index, end: match.index + match[0].length });
      if (match[0] === '') pattern.lastIndex++;
    }
  }
  // "Which organisation" is also a "who" question, "how many minutes" a "how many": the narrower wins.
  return cues.filter(
    (c) =>
      !(c.kind === 'person' && hasKind(cues, 'organization')) &&
      !(c.kind === 'quantity' && (hasKind(cues, 'duration') || hasKind(cues, 'age'))),
  );
}

function hasKind(cues: readonly QuestionCue[], kind: AnswerKind): boolean {
  return cues.some((c) => c.kind === kind);
}

export function questionKinds(question: string): AnswerKind[] {
  return [...new Set(questionCues(question).map((c) => c.kind))];
}

/** Verbs of speech in a question ("what did Zakharova say", "who said …"). */
export const SPEECH =
  /\b(?:say|says|said|claim|claims|claimed|tell|tells|told|state|stated|think|thinks|warn|warned|announce|announced|argue|argued|deny|denied|confirm|confirmed|quote|quoted|according)\b/;

export function asksAboutSpeech(question: string): boolean {
  return SPEECH.test(question.toLowerCase());
}

/** What asksWhoSaid needs to know of a word: whether it is a verb, and one of communication. */
export interface VerbClasses {
  verbKind(word: string): 'communication' | 'other' | undefined;
}

/** How far into the clause its verb is looked for: "who (has) (publicly) (first) announced". */
const CLAUSE_WORDS = 4;

/** Verbs of saying, among them those WordNet's rules do not reduce to their base form ("said", "told"). */
const SAYING_VERBS = 'said|says|say|claimed|told|stated|announced|warned|confirmed|denied|reported|quoted';
const SAYING = new RegExp(`^(?:${SAYING_VERBS})$`, 'u');
/** "Who said …" and "who was it that told reporters …": a verb of saying anywhere after "who". */
const WHO_THEN_SAYING = new RegExp(`\\bwho\\b.*\\b(?:${SAYING_VERBS})\\b`, 'u');

/** Forms of "be", which make a passive of a past participle. */
const BE = new Set(['be', 'is', 'are', 'am', 'was', 'were', 'been', 'being']);

/** Forms of "do": "what did Kirby say" asks for the words, not for who said them. */
const DO_SUPPORT = new Set(['do', 'does', 'did']);

/**
 * "Who said …", "who threatened to sue", "who is demanding …", "which store said …", "what company
 * announced …": the answer is whoever is quoted or cited. The verb of the clause is asked of WordNet:
 * one of communication ("announce", "warn", "condemn") asks who said so.
 */
export function asksWhoSaid(question: string, verbs?: VerbClasses): boolean {
  const lower = question.toLowerCase();
  if (WHO_THEN_SAYING.test(lower)) return true;
  const who = /\bwho\b(.*)/u.exec(lower)?.[1];
  if (who !== undefined && clauseSpeaks(wordsOf(who), verbs)) return true;
  // The subject asked by its kind: "which store", "which shop owner", "what company". Not "what did …
  // say", "what was said": an auxiliary there makes the subject someone else.
  const which = /\b(?:which|what)\s+(.*)/u.exec(lower)?.[1];
  if (which === undefined) return false;
  const [noun, ...clause] = wordsOf(which);
  if (!noun || AUXILIARY_VERBS.has(noun) || CLOSED_CLASS_WORDS.has(noun)) return false;
  return clauseSpeaks(clause, verbs);
}

const wordsOf = (text: string) => text.match(/\p{L}+/gu) ?? [];

/** Whether the clause's verb, past auxiliaries and adverbs, is one of saying. */
function clauseSpeaks(clause: readonly string[], verbs: VerbClasses | undefined): boolean {
  let be = false;
  for (const word of clause.slice(0, CLAUSE_WORDS)) {
    // "which nations are described as …", "who was sentenced": passive, the subject is spoken of.
    const passive = be && !word.endsWith('ing');
    if (SAYING.test(word)) return !passive;
    if (DO_SUPPORT.has(word)) return false;
    if (AUXILIARY_VERBS.has(word)) {
      be ||= BE.has(word);
      continue;
    }
    // "who in the government", "who the report names": no verb comes first.
    if (CLOSED_CLASS_WORDS.has(word) || !verbs) return false;
    const kind = verbs.verbKind(word);
    if (kind) return kind === 'communication' && !passive;
    // Neither auxiliary nor verb: an adverb ("who publicly expressed"), or a noun's second word
    // ("which shop owner said").
  }
  return false;
}

/**
 * "Who is Paul Whelan?", "what's kirby's job", "lavrovs position", "what does Zakharova do": who a
 * person is. Casual typing drops the apostrophe, so the role word alone is enough.
 */
const IDENTITY =
  /^(?:who(?:'s|’s|s| is| was| are)\b)|\b(?:job|role|title|position|occupation|profession|background|first name|full name)\b|\bwhat (?:does|did) \S+(?: \S+)? do\b(?! (?:about|to|with|for|in|at|on|after|before))/;

export function asksIdentity(question: string): boolean {
  return IDENTITY.test(question.toLowerCase());
}

/**
 * "tldr", "give me the gist", "what's the measles story about": the article's own lead answers. The
 * words that ask for a summary say what kind of answer is wanted, not what about (as "how long" does):
 * what is left ("measles", "the bridge vote") names the article.
 */
const SUMMARY_WORDS =
  /\b(?:tl;?dr|summary|summari[sz]e|gist|recap|rundown|overview|main points?|key points?|in a nutshell)\b/gu;
/** "what's the … story about": the question's frame, around up to three words naming the story. */
const ABOUT_FRAME =
  /\bwhat(?:'s|’s| is| was) (?:this|the|that)\b((?: [\p{L}\d-]+){0,3}?) (?:article|story|piece|report|news) about\b/dgu;
/**
 * The whole message asks what the story is and names nothing: "what's this about?", "whats the
 * story", "what's going on?". With a word more ("what's the story with Whelan") it asks about that.
 */
const STORY_ONLY =
  /^\s*(?:so\s+|ok\s+)?what(?:'s|’s|s| is| was)\s+(?:(?:this|it|that)\s+(?:(?:article|story|piece)\s+)?about|the\s+(?:story|news)|going\s+on|happening)(?:\s+here)?\s*[?!.]*\s*$/u;
/** With a summary asked, these only frame it: "give me the gist of the bridge story". */
const SUMMARY_FRAME = /\b(?:give|tell|show) me\b|\b(?:article|story|piece)\b/gu;
/** "What happened at the G20?" asks for the story too, but "happened" stays a word of the question. */
const WHAT_HAPPENED = /\bwhat happened\b/u;

export interface Span {
  start: number;
  end: number;
}

/** Where the question's words ask for a summary: they say what kind of answer is wanted, not about what. */
export function summaryCues(question: string): readonly Span[] {
  return summaryCuesOf.get(question, readSummaryCues);
}

/** Read by the question's terms and by its facts: worked out once. */
const summaryCuesOf = new BoundedCache<string, readonly Span[]>(1_000);

function readSummaryCues(question: string): Span[] {
  const q = question.toLowerCase();
  if (STORY_ONLY.test(q)) return [{ start: 0, end: q.length }];
  const asked: Span[] = [...q.matchAll(SUMMARY_WORDS)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  for (const m of q.matchAll(ABOUT_FRAME)) {
    const [from, to] = m.indices?.[1] ?? [m.index, m.index];
    asked.push({ start: m.index, end: from }, { start: to, end: m.index + m[0].length });
  }
  if (asked.length === 0) return [];
  for (const m of q.matchAll(SUMMARY_FRAME)) asked.push({ start: m.index, end: m.index + m[0].length });
  return asked;
}

export function asksWhatHappened(question: string): boolean {
  return WHAT_HAPPENED.test(question.toLowerCase());
}

/** "What is the population of India?": what is asked about is the word after the article. */
const OF_FOCUS =
  /^(?:what|which|who)(?:'s|’s| is| are| was| were) (?:the|a|an) ([\p{L}-]+) (?:of|in|for|at|on|between)\b/iu;
/** "What is Paul Whelan’s favourite colour?": the last word of what the possessive owns. */
const POSSESSIVE_FOCUS = /^(?:what|which|who|how)\b.*?[’']s (?:[\p{L}-]+ )?([\p{L}-]+)\s*\??$/iu;
/** Asked about a person, these are answered by how the article introduces them, whatever its words. */
export const IDENTITY_WORDS: ReadonlySet<string> = new Set([
  'job',
  'role',
  'title',
  'position',
  'occupation',
  'profession',
  'name',
  'background',
]);

/** The word a "what is the X of Y" or "Y's X" question asks about, if it has one. */
export function focusWord(question: string): string | undefined {
  const word = (OF_FOCUS.exec(question)?.[1] ?? POSSESSIVE_FOCUS.exec(question)?.[1])?.toLowerCase();
  return word && !IDENTITY_WORDS.has(word) ? word : undefined;
}
