/**
 * Who speaks in each sentence of an article, and so in each passage: the person's name as the article
 * gives it in full ("Jane Roe"), their role apart ("senator"), or the organisation or group that speaks
 * ("the Penwick County Health Department"). The reporter's own sentences have no speaker.
 *
 * It reads every attribution news prose uses (speechCues.ts), resolves short forms and pronouns against
 * the people the article names (articlePeople.ts), and gives a quote with no attribution of its own to
 * the speaker of the sentence before (a quote that goes on) or after ("“…” The words were those of X").
 */
import { ArticlePeople, type Entity, type LocalRole } from './articlePeople';
import {
  appositiveAfter,
  appositiveBefore,
  isNameWord,
  phraseEndingAt,
  phraseStartingAt,
  readPhrase,
} from './phrases';
import { sentenceSpans } from './sentences';
import { type Cue, type Sentence, sentenceCues } from './speechCues';
import { type Token, tokenize } from './tokens';
import { classify, W } from './wordClass';

export interface Speaker {
  name: string;
  role?: string;
  /** Their own words (`said`, a quote) or cited as a source (`according to`). */
  via: 'speech' | 'citation';
  kind: 'person' | 'organisation' | 'group';
}

export interface SentenceSpeaker extends Speaker {
  /** Offsets of the sentence in the passage text. */
  start: number;
  end: number;
}

/** The passage's main speaker, and the speaker of each of its attributed sentences. */
export interface PassageSpeakers extends Speaker {
  sentences: SentenceSpeaker[];
}

interface Parsed {
  text: string;
  tokens: Token[];
  sentences: Array<Sentence & { start: number; end: number }>;
}

const RANK: Record<Speaker['kind'], number> = { person: 0, organisation: 1, group: 2 };

export function findSpeakers(texts: string[]): Array<PassageSpeakers | undefined> {
  const parsed = texts.map(parse);
  const people = new ArticlePeople();
  const firstPeople = registerNames(parsed, people);
  countPronouns(parsed, people);
  // Built only when a role needs it (rare): every word of the article, once over.
  let lowered: Set<string> | undefined;
  const lowerWords = (word: string) => {
    lowered ??= new Set(
      parsed.flatMap((p) => p.tokens.filter((t) => t.word && !t.capitalised).map((t) => t.lower)),
    );
    return lowered.has(word);
  };

  // Plain loops and objects built field by field: this runs over every sentence at start-up, before
  // the JIT has warmed up, where spreads and array chains cost several times more.
  return parsed.map((passage, p) => {
    const speakers: Array<Speaker | undefined> = [];
    for (const sentence of passage.sentences) {
      let best: ReturnType<typeof speakerOf>;
      for (const cue of sentenceCues(sentence)) {
        const found = speakerOf(cue, p, people);
        if (found && (!best || RANK[found.speaker.kind] < RANK[best.speaker.kind])) best = found;
      }
      if (best) people.mention(p, best.offset, best.entity);
      speakers.push(best?.speaker);
    }
    fillQuotes(passage, p, speakers, parsed, firstPeople);
    sameRoleThroughout(speakers, lowerWords);
    const sentences: SentenceSpeaker[] = [];
    const quoted: boolean[] = [];
    passage.sentences.forEach((s, i) => {
      const speaker = speakers[i];
      if (!speaker) return;
      sentences.push({
        name: speaker.name,
        role: speaker.role,
        via: speaker.via,
        kind: speaker.kind,
        start: s.start,
        end: s.end,
      });
      quoted.push(hasQuote(s));
    });
    return mainSpeaker(sentences, quoted);
  });
}

function parse(text: string): Parsed {
  const spans = sentenceSpans(text);
  const tokens = tokenize(
    text,
    spans.map((span) => span.end),
  );
  let t = 0;
  const sentences = spans.map((span) => {
    while (t < tokens.length && (tokens[t] as Token).start < span.start) t++;
    const from = t;
    while (t < tokens.length && (tokens[t] as Token).start < span.end) t++;
    return { text, tokens, from, to: t, start: span.start, end: span.end };
  });
  return { text, tokens, sentences };
}

interface NamedHere {
  entity: Entity;
  offset: number;
  role: LocalRole;
}

/**
 * Every person and organisation the article names, with the roles it gives them, before any
 * attribution is read: "Raman" in paragraph 3 is the "Priya Raman" of paragraph 5 too. Returns, per
 * sentence, the people it names (for a quote attributed by the sentence after it).
 */
function registerNames(parsed: Parsed[], people: ArticlePeople): Map<Sentence, NamedHere[]> {
  const found: Array<{
    p: number;
    sentence: Sentence;
    offset: number;
    reading: NonNullable<ReturnType<typeof readPhrase>>;
    role: LocalRole;
    organisational: boolean;
    description: string | undefined;
  }> = [];
  for (const [p, passage] of parsed.entries()) {
    for (const sentence of passage.sentences) {
      const { text, tokens, from, to } = sentence;
      for (let i = from; i < to; i++) {
        const t = tokens[i] as Token;
        if (t.quoted || !isNameWord(t)) continue;
        const end = Math.max(phraseStartingAt(tokens, i, to), i + 1);
        const start = phraseEndingAt(tokens, end, from);
        const span = { from: Math.min(start, i), to: end };
        const reading = readPhrase(text, tokens, span, { subject: false, sentenceStart: from });
        const appositive = appositiveAfter(text, tokens, end, to);
        const before = appositiveBefore(text, tokens, span, from);
        i = end - 1;
        // "Dock workers gathered …": a group named here is who a later "they" may be.
        if (reading?.kind === 'group')
          people.mention(p, reading.start, { kind: 'group', name: reading.name });
        if (
          !reading ||
          reading.kind === 'pronoun' ||
          reading.kind === 'group' ||
          reading.kind === 'reference'
        )
          continue;
        const role = localRole(before, reading.kind === 'person' ? reading.title : undefined, appositive);
        const organisational = appositive?.organisational ?? false;
        const description = organisational ? appositive?.role : role.role;
        found.push({ p, sentence, offset: reading.start, reading, role, organisational, description });
      }
    }
  }
  // Full names first, so that a surname met before its full name still finds it.
  for (const f of found) {
    if (f.reading.kind === 'person' && f.reading.name.includes(' '))
      people.person(f.reading.name, f.role, f.reading.gender);
    else if (f.reading.kind === 'organisation') people.organisation(f.reading.name, f.description);
    else if (f.reading.kind === 'single' && f.organisational)
      people.organisation(f.reading.name, f.description);
  }
  const bySentence = new Map<Sentence, NamedHere[]>();
  for (const f of found) {
    const entity =
      f.reading.kind === 'single'
        ? (people.lookUp(f.reading.name) ??
          (f.reading.name && looksLikeTitledPerson(f) ? people.person(f.reading.name, f.role) : undefined))
        : people.resolve(f.reading, f.p, { ...f.role, organisational: f.organisational });
    if (!entity) continue;
    if (entity.kind === 'person') people.person(entity.name, f.role);
    people.mention(f.p, f.offset, entity);
    const list = bySentence.get(f.sentence) ?? [];
    list.push({ entity, offset: f.offset, role: f.role });
    bySentence.set(f.sentence, list);
  }
  return bySentence;
}

const looksLikeTitledPerson = (f: { role: LocalRole }) => f.role.role !== undefined;

function localRole(
  before: string | undefined,
  title: string | undefined,
  appositive: ReturnType<typeof appositiveAfter>,
): LocalRole {
  const strong =
    before ??
    title ??
    (appositive && !appositive.who && !appositive.organisational ? appositive.role : undefined);
  return {
    ...(strong ? { role: strong } : {}),
    ...(appositive?.who ? { weakRole: appositive.role } : {}),
  };
}

const PERSONAL_PRONOUN = /^(?:he|his|him|himself|she|her|hers|herself)$/u;

/** "Mayor Teresa Okafor … since her 2023 campaign": the first pronoun after a name tells its gender. */
function countPronouns(parsed: Parsed[], people: ArticlePeople): void {
  for (const [p, passage] of parsed.entries()) {
    const mentions = (people.mentions[p] ?? []).filter((m) => m.entity.kind === 'person');
    let t = 0;
    mentions.forEach((m, k) => {
      const until = mentions[k + 1]?.offset ?? passage.text.length;
      while (t < passage.tokens.length && (passage.tokens[t] as Token).start <= m.offset) t++;
      let pronoun: Token | undefined;
      for (let i = t; i < passage.tokens.length && (passage.tokens[i] as Token).start < until; i++) {
        const token = passage.tokens[i] as Token;
        if (!token.quoted && PERSONAL_PRONOUN.test(token.lower)) {
          pronoun = token;
          break;
        }
      }
      if (!pronoun || m.entity.kind !== 'person') return;
      if (pronoun.lower.startsWith('h') && !pronoun.lower.startsWith('her')) m.entity.votes.male++;
      else m.entity.votes.female++;
    });
  }
}

function speakerOf(cue: Cue, p: number, people: ArticlePeople) {
  const { appositive } = cue;
  const local = localRole(
    cue.before,
    cue.reading.kind === 'person' ? cue.reading.title : undefined,
    appositive,
  );
  const entity = people.resolve(cue.reading, p, {
    ...local,
    organisational: appositive?.organisational ?? false,
  });
  if (!entity) return undefined;
  const role =
    entity.kind === 'person' ? (local.role ?? entity.role ?? local.weakRole ?? entity.weakRole) : undefined;
  const speaker: Speaker = { name: entity.name, role, via: cue.via, kind: entity.kind };
  return { speaker, entity, offset: cue.offset };
}

/** Nothing but quoted words (quotes are single tokens, see tokenize). */
function quoteOnly(s: Sentence): boolean {
  let quoted = false;
  for (let i = s.from; i < s.to; i++) {
    const t = s.tokens[i] as Token;
    if (t.word) return false;
    quoted ||= t.quoted;
  }
  return quoted;
}
function hasQuote(s: Sentence): boolean {
  for (let i = s.from; i < s.to; i++) if ((s.tokens[i] as Token).quoted) return true;
  return false;
}

/**
 * A sentence that is only a quote speaks with the voice of the quote it continues ("“…,” Raman said.
 * “Every affected person…”"), or else of the person the next sentence names ("“…” The words were
 * those of Oak Hollow Village President Carl Whitaker").
 */
function fillQuotes(
  passage: Parsed,
  p: number,
  speakers: Array<Speaker | undefined>,
  parsed: Parsed[],
  named: Map<Sentence, NamedHere[]>,
): void {
  passage.sentences.forEach((sentence, i) => {
    if (speakers[i] || !quoteOnly(sentence)) return;
    const previous = passage.sentences[i - 1];
    if (previous && speakers[i - 1] && hasQuote(previous)) {
      speakers[i] = speakers[i - 1];
      return;
    }
    const next = passage.sentences[i + 1];
    if (next && speakers[i + 1]) {
      speakers[i] = speakers[i + 1];
      return;
    }
    const person = next && (named.get(next) ?? []).find((n) => n.entity.kind === 'person');
    if (person && person.entity.kind === 'person') {
      const role = person.role.role ?? person.entity.role ?? person.role.weakRole ?? person.entity.weakRole;
      speakers[i] = { name: person.entity.name, via: 'speech', kind: 'person', ...(role ? { role } : {}) };
      return;
    }
    if (i === 0 && p > 0) {
      // A quote that runs on from the passage before, whose last sentence was a quote with its speaker.
      const before = parsed[p - 1];
      const last = before?.sentences[before.sentences.length - 1];
      const lastSpeaker = before && last && hasQuote(last) ? lastSpeakers.get(before) : undefined;
      if (lastSpeaker) speakers[i] = lastSpeaker;
    }
  });
  const last = speakers[speakers.length - 1];
  if (last) lastSpeakers.set(passage, last);
  else lastSpeakers.delete(passage);
}

const lastSpeakers = new WeakMap<Parsed, Speaker>();

/**
 * "Kayla Reyes, a rookie goalkeeper, said … “If I think, I’m late,” she said.": the role a passage
 * gives someone holds for all of their sentences in it.
 */
function sameRoleThroughout(
  speakers: Array<Speaker | undefined>,
  lowerWords: (word: string) => boolean,
): void {
  const first = new Map<string, string | undefined>();
  for (const s of speakers)
    if (s && !first.has(s.name)) first.set(s.name, s.role && sentenceCase(s.role, lowerWords));
  speakers.forEach((s, i) => {
    if (s && s.role !== first.get(s.name))
      speakers[i] = { name: s.name, role: first.get(s.name), via: s.via, kind: s.kind };
  });
}

/**
 * "Council member Tom Price" opens a sentence: its capital is the sentence's, and apart from the name
 * the role reads "council member" — when the article writes that word in lower case elsewhere, or it
 * is a common role word ("Company spokesman"). "Gulls coach" keeps its capital.
 */
function sentenceCase(role: string, lowerWords: (word: string) => boolean): string {
  const [head, ...rest] = role.split(' ');
  if (!head || rest.length === 0 || !/^\p{Lu}\p{Ll}/u.test(head) || !rest.every((w) => /^\p{Ll}/u.test(w)))
    return role;
  const lower = head.toLowerCase();
  return (classify(lower) & W.GENERIC) !== 0 || lowerWords(lower) ? lower + role.slice(head.length) : role;
}

/** A named person before an organisation before a group; then whoever is quoted; then the first. */
function mainSpeaker(sentences: SentenceSpeaker[], quoted: boolean[]): PassageSpeakers | undefined {
  let best = 0;
  if (sentences.length === 0) return undefined;
  sentences.forEach((s, i) => {
    const other = sentences[best] as SentenceSpeaker;
    if ((RANK[s.kind] - RANK[other.kind] || Number(quoted[best]) - Number(quoted[i])) < 0) best = i;
  });
  const { name, role, via, kind } = sentences[best] as SentenceSpeaker;
  return { name, role, via, kind, sentences };
}

/** People the article names in full and mentions more than once ("Paul Whelan"): what it can tell about. */
export function peopleNamed(texts: string[]): string[] {
  const parsed = texts.map(parse);
  const people = new ArticlePeople();
  registerNames(parsed, people);
  const counts = new Map<string, number>();
  for (const mentions of people.mentions)
    for (const m of mentions ?? [])
      if (m.entity.kind === 'person' && m.entity.name.includes(' '))
        counts.set(m.entity.name, (counts.get(m.entity.name) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= 2).map(([name]) => name);
}
