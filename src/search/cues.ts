/**
 * The type of answer a question asks for ("how long" wants a duration, "when" a date) and the kinds of
 * answer a passage holds. A passage that holds the wanted kind is ranked up; words alone miss that
 * "how long did they talk" is answered by "lasted 10 minutes".
 */

export type AnswerKind = 'duration' | 'time' | 'place' | 'person' | 'organization' | 'quantity' | 'reason';
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

const PASSAGE_PATTERNS: Record<AnswerKind, RegExp> = {
  duration: new RegExp(
    `\\b${NUMBER}[\\s-]+${UNIT}\\b|\\b(?:for|lasted|during) (?:more than |about |nearly |almost )?${COUNT}\\b`,
    'iu',
  ),
  time: new RegExp(
    `\\b(?:${MONTH}|${WEEKDAY})\\b|\\b(?:1[89]|20)\\d{2}s?\\b|\\b(?:last|next|this) (?:summer|winter|spring|fall|autumn|year|week|month)\\b|\\b(?:yesterday|today|tomorrow|ago)\\b`,
    'iu',
  ),
  place: new RegExp(
    `\\b(?:in|at|near|outside|inside) (?:the )?(?!(?:${capitalised(MONTH)}|${capitalised(WEEKDAY)})\\b)\\p{Lu}[\\p{L}.]+|\\b(?:camp|prison|jail|city|town|village|capital|summit|conference|embassy|border|headquarters|venue|region|province)s?\\b`,
    'u',
  ),
  person: /\b\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+\b/u,
  organization:
    /\b(?:\p{Lu}\p{L}+ )*(?:Federation|Organization|Organisation|Institute|Ministry|Agency|Council|Association|Committee|Department|University|Union|Foundation|Scientists|Office|House|Bank|Fund|Party)\b/u,
  quantity:
    /\d|\b(?:double|triple|half|twice|percent|dozens?|hundreds?|thousands?|millions?|billions?|zero|number of|amount of)\b/iu,
  reason:
    /\b(?:because|due to|as a result|in order to|so that|why|reason|important|significan\w*|risks?|repercussions?|consequences?|wants? to|aims? to)\b/iu,
};

/** The words of `text` that hold an answer of these kinds ("10 minutes", "in India"): shown in bold. */
/** Where the phrase to show differs from what tells the kind: "10 minutes", not "lasted 10". */
const SPAN_PATTERNS: Partial<Record<AnswerKind, RegExp>> = {
  duration: new RegExp(`\\b${NUMBER}[\\s-]+${UNIT}\\b`, 'iu'),
};

export function answerSpans(text: string, kinds: readonly AnswerKind[]): string[] {
  const spans: string[] = [];
  for (const kind of kinds) {
    if (kind === 'person' || kind === 'reason') continue; // too broad to point at one phrase
    const pattern = SPAN_PATTERNS[kind] ?? PASSAGE_PATTERNS[kind];
    for (const match of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`)))
      spans.push(match[0].trim());
  }
  // "10 minutes" answers; "a year" beside it is only context.
  const counted = spans.filter((s) => !/^an? /iu.test(s));
  return counted.length > 0 ? counted : spans;
}

export function passageFeatures(text: string): PassageFeatures {
  const kinds = new Set<AnswerKind>();
  for (const [kind, pattern] of Object.entries(PASSAGE_PATTERNS) as Array<[AnswerKind, RegExp]>) {
    if (pattern.test(text)) kinds.add(kind);
  }
  return kinds;
}

/** Question patterns, checked on the lower-cased question with typos in the question words tolerated. */
const QUESTION_PATTERNS: Array<[AnswerKind, RegExp]> = [
  [
    'duration',
    /\bhow (?:long|lng|lon|lnog|logn)\b(?! ago)|\bfor how long\b|\bhow many (?:minutes|hours|days|weeks|months|years)\b|\b(?:duration|length)\b/,
  ],
  [
    'time',
    /^(?:since |until |till )?(?:when|wen|whn)\b|\b(?:since|until) when\b|\bwhat (?:time|day|year|date|month)\b|\bhow long ago\b|\bwhich (?:year|day|month)\b|(?<=\b(?:last|first|next) )times?\b/,
  ],
  ['place', /\b(?:where|wher|whre)\b|\b(?:what|which) (?:city|country|place|location|venue)\b/],
  [
    'organization',
    /\b(?:which|what) (?:organi[sz]ation|group|agency|institute|body|think tank|company|outlet)\b/,
  ],
  ['person', /\b(?:who|whom|hwo|whose)\b|\bwhich (?:person|official|minister|diplomat|spokes\w+)\b/],
  ['quantity', /\bhow (?:many|much|big|large|high|far|old|often)\b|\bwhat (?:number|percentage|amount)\b/],
  [
    'reason',
    /\b(?:why|wy|how come)\b|\bwhat (?:is|was) the (?:reason|point|purpose)\b|\bmatters?\b|\bimportan\w*\b|\bsignifican\w*\b/,
  ],
];

export interface QuestionCue {
  kind: AnswerKind;
  /** Where the cue stands in the question: its words ("how long") say what is asked, not about what. */
  start: number;
  end: number;
}

export function questionCues(question: string): QuestionCue[] {
  const q = question.toLowerCase();
  const cues: QuestionCue[] = [];
  for (const [kind, pattern] of QUESTION_PATTERNS) {
    for (const match of q.matchAll(new RegExp(pattern.source, 'g'))) {
      cues.push({ kind, start: match.index, end: match.index + match[0].length });
    }
  }
  // "Which organisation" is also a "who" question, "how many minutes" a "how many": the narrower wins.
  const has = (kind: AnswerKind) => cues.some((c) => c.kind === kind);
  return cues.filter(
    (c) => !(c.kind === 'person' && has('organization')) && !(c.kind === 'quantity' && has('duration')),
  );
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

/** "Who said …": the answer is whoever is quoted or cited. */
export function asksWhoSaid(question: string): boolean {
  return /\bwho\b.*\b(?:said|says|say|claimed|told|stated|announced|warned|confirmed|denied|reported|quoted)\b/.test(
    question.toLowerCase(),
  );
}
