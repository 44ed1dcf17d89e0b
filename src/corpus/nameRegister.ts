/**
 * The first pass over an article: every person and organisation it names, with the roles it gives
 * them and the gender its pronouns show, before any attribution is read (articlePeople.ts holds them).
 */
import { appositiveAfter, appositiveBefore, appositiveOf, organisationBefore } from './appositives';
import type { ArticlePeople, Entity, LocalRole } from './articlePeople';
import { isPersonNoun } from './personNouns';
import {
  isNameWord,
  phraseEndingAt,
  phraseStartingAt,
  type Reading,
  readPhrase,
  textOf,
  untitledWithoutFirstName,
} from './phrases';
import type { Parsed } from './speakerTypes';
import type { Sentence } from './speechCues';
import { flagsOf, type Token } from './tokens';
import { W } from './wordClass';

export interface NamedHere {
  entity: Entity;
  offset: number;
  role: LocalRole;
}

/**
 * Every person and organisation the article names, with the roles it gives them, before any
 * attribution is read: "Raman" in paragraph 3 is the "Priya Raman" of paragraph 5 too. Returns, per
 * sentence, the people it names (for a quote attributed by the sentence after it).
 */
export function registerNames(parsed: Parsed[], people: ArticlePeople): Map<Sentence, NamedHere[]> {
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
      for (let i = afterDateline(sentence); i < to; i++) {
        const t = tokens[i] as Token;
        if (t.quoted) continue;
        if (!isNameWord(t)) {
          // "… a crowd of protesters chanted. “…,” they said.": people spoken of as a body.
          if (t.word && !t.capitalised && mayBeGroup(t)) {
            const start = phraseEndingAt(tokens, i + 1, from);
            const reading = readPhrase(
              text,
              tokens,
              { from: start, to: i + 1 },
              { subject: false, sentenceStart: from },
            );
            if (reading?.kind === 'group')
              people.mention(p, reading.start, { kind: 'group', name: reading.name });
          }
          continue;
        }
        const end = Math.max(phraseStartingAt(tokens, i, to), i + 1);
        const start = phraseEndingAt(tokens, end, from);
        const span = { from: Math.min(start, i), to: end };
        const after = appositiveAfter(text, tokens, end, to);
        const reading =
          readPhrase(text, tokens, span, { subject: false, sentenceStart: from }) ??
          personByAppositive(text, tokens, span, after);
        const appositive = reading ? appositiveOf(after, reading) : after;
        const before = appositiveBefore(text, tokens, span, from);
        i = end - 1;
        // "Dock workers gathered …": a group named here is who a later "they" may be; "researchers at
        // Western Prairie University" name the university a later "the university" is.
        if (reading?.kind === 'group') {
          people.mention(p, reading.start, { kind: 'group', name: reading.name });
          if (reading.organisation) people.fullForm(reading.organisation);
        }
        // "The city’s transit agency, Metro Link, raised fares": an organisation, and what it is.
        const described =
          !reading || reading.kind === 'single' ? organisationBefore(text, tokens, span, from) : undefined;
        if (described) {
          const entity = people.organisation(textOf(text, tokens, span), described);
          people.mention(p, (tokens[span.from] as Token).start, entity);
          continue;
        }
        // "Polar Point Logistics", named in full where nothing tells what it is: "Polar Point said"
        // later is its short form.
        if (!reading && end - span.from >= 2) {
          // As the subject that opens the sentence (after a dateline's dash, if any), it is what a
          // "the company said" at the sentence's end speaks of.
          const opening = span.from === from || tokens[span.from - 1]?.text === '—';
          const where = { passage: p, start: sentence.start, end: sentence.end };
          people.fullForm(textOf(text, tokens, span), opening ? where : undefined);
        }
        if (
          !reading ||
          reading.kind === 'pronoun' ||
          reading.kind === 'group' ||
          reading.kind === 'reference'
        )
          continue;
        // "board members Marisol Quintavalle and Dexter Hollingbrook": a plural title is each one's.
        if (reading.kind === 'person' && !reading.title && tokens[span.from - 1]?.lower === 'and') {
          const title = pluralTitleBefore(found, sentence, tokens, span.from - 1);
          if (title) reading.title = title;
        }
        const role = localRole(
          before,
          reading.kind === 'person' ? reading.title : undefined,
          appositive,
          lastOrganisationIn(found, p),
        );
        const organisational = appositive?.organisational ?? false;
        const description = organisational ? appositive?.role : role.role;
        found.push({ p, sentence, offset: reading.start, reading, role, organisational, description });
      }
    }
  }
  // Full names first, so that a surname met before its full name still finds it.
  for (const f of found) {
    if (f.reading.kind === 'person' && f.organisational && untitledWithoutFirstName(f.reading))
      people.organisation(f.reading.name, f.description);
    else if (f.reading.kind === 'person' && f.reading.name.includes(' '))
      people.person(f.reading.name, f.role, f.reading.gender);
    else if (f.reading.kind === 'organisation')
      people.organisation(f.reading.name, f.reading.description ?? f.description);
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

/**
 * The title of the person named just before "and" in this sentence, when it was written in the plural
 * ("board members Marisol Quintavalle and …"): the list shares it. Undefined otherwise ("Mayor Ana Ruiz
 * and Tom Hale" gives Hale no title).
 */
function pluralTitleBefore(
  found: ReadonlyArray<{ sentence: Sentence; reading: Reading }>,
  sentence: Sentence,
  tokens: Token[],
  and: number,
): string | undefined {
  const last = found[found.length - 1];
  if (!last || last.sentence !== sentence || last.reading.kind !== 'person' || !last.reading.title)
    return undefined;
  const { start, name, title } = last.reading;
  if ((tokens[and - 1] as Token).end !== start + name.length) return undefined;
  let first = and - 1;
  while (first > sentence.from && (tokens[first] as Token).start > start) first--;
  const written = tokens[first - 1];
  return written && /[^s]s$/u.test(written.lower) && !title.endsWith(written.lower) ? title : undefined;
}

/** The organisation found last in this passage or the one before: whom "its" means. */
function lastOrganisationIn(found: ReadonlyArray<{ p: number; reading: Reading }>, p: number) {
  for (let k = found.length - 1; k >= 0; k--) {
    const f = found[k] as { p: number; reading: Reading };
    if (f.p < p - 1) break;
    if (f.reading.kind === 'organisation') return f.reading.name;
  }
  return undefined;
}

/** A plural noun (the only words that can be a group the registration has not met): cheap test first. */
const mayBeGroup = (t: Token) =>
  (t.lower.charCodeAt(t.lower.length - 1) === 115 || t.lower === 'people') && (flagsOf(t) & W.GROUP) !== 0;

const looksLikeTitledPerson = (f: { role: LocalRole }) => f.role.role !== undefined;

export function localRole(
  before: string | undefined,
  title: string | undefined,
  appositive: ReturnType<typeof appositiveAfter>,
  /** The organisation named last before the person, whom "its" would mean. */
  lastOrganisation?: string,
): LocalRole {
  const after = appositive && !appositive.who && !appositive.organisational ? appositive.role : undefined;
  // "Her son, Daniel Pruitt, 44, a lobsterman,": a role said relative to someone else gives way to
  // the one that says what the person is; alone, it goes without the pronoun ("her son" → "son"),
  // except that "its" is the organisation just named ("The Millbrook Taxpayers Association … Its
  // president, Lowell Brandt," → "president of the Millbrook Taxpayers Association").
  const relative = before !== undefined && RELATIVE.test(before);
  const owned =
    relative && lastOrganisation && /^its /iu.test(before)
      ? `${before.replace(RELATIVE, '')} of ${lastOrganisation}`
      : before?.replace(RELATIVE, '');
  const strong = relative ? (title ?? after ?? owned) : (before ?? title ?? after);
  return {
    ...(strong ? { role: strong } : {}),
    ...(appositive?.who ? { weakRole: appositive.role } : {}),
  };
}

const RELATIVE = /^(?:its|his|her|their|our|my|your) /iu;

const PERSONAL_PRONOUN = /^(?:he|his|him|himself|she|her|hers|herself)$/u;

/** "Mayor Teresa Okafor … since her 2023 campaign": the first pronoun after a name tells its gender. */
export function countPronouns(parsed: Parsed[], people: ArticlePeople): void {
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

/**
 * "That was how Tyrell Gaines, a former Herons quarterback, put it": two capitalised words the lexicon
 * cannot place, set off by a role whose head is a person noun, are a person's name.
 */
function personByAppositive(
  text: string,
  tokens: Token[],
  span: { from: number; to: number },
  appositive: ReturnType<typeof appositiveAfter>,
): Reading | undefined {
  if (span.to - span.from !== 2 || !appositive || appositive.who || appositive.organisational)
    return undefined;
  if (!tokens.slice(span.from, span.to).every((t) => t.capitalised && isNameWord(t))) return undefined;
  const head =
    appositive.role
      .split(/ (?:of|at|with|in|for|from|who|which|that) /u)[0]
      ?.split(' ')
      .pop() ?? '';
  if (!isPersonNoun(head.toLowerCase())) return undefined;
  return { kind: 'person', name: textOf(text, tokens, span), start: (tokens[span.from] as Token).start };
}

/** Tokens a dateline may take before its dash ("ST. PAUL, Minn. —", "MARLOW CREEK, Ohio —"). */
const DATELINE_TOKENS = 8;

/**
 * Where a sentence's own words start: after its dateline, when it opens with one ("MARLOW CREEK, Ohio —
 * Veyrand Appliance Co. will close …"). The place in capitals is where the story was filed, never a
 * person or organisation who speaks ("the company said" is Veyrand's).
 */
function afterDateline(sentence: Sentence): number {
  const { tokens, from, to } = sentence;
  const first = tokens[from];
  if (!first || !/^\p{Lu}{2,}/u.test(first.text) || first.text !== first.text.toUpperCase()) return from;
  for (let i = from + 1; i < Math.min(to, from + DATELINE_TOKENS); i++)
    if (tokens[i]?.text === '—') return i + 1;
  return from;
}
