/**
 * Who speaks in each sentence of an article, and so in each passage: the person's name as the article
 * gives it in full ("Jane Roe"), their role apart ("senator"), or the organisation or group that speaks
 * ("the Penwick County Health Department"). The reporter's own sentences have no speaker.
 *
 * It reads every attribution news prose uses (speechCues.ts), resolves short forms and pronouns against
 * the people the article names (articlePeople.ts), and gives a quote with no attribution of its own to
 * the speaker of the sentence before (a quote that goes on) or after ("“…” The words were those of X").
 */
import { appositiveOf } from './appositives';
import { ArticlePeople } from './articlePeople';
import { countPronouns, localRole, registerNames } from './nameRegister';
import { sentenceSpans } from './sentences';
import { fillQuotes, hasQuote, mainSpeaker, sameRoleThroughout } from './speakerChoice';
import { type Parsed, type PassageSpeakers, RANK, type SentenceSpeaker, type Speaker } from './speakerTypes';
import { type Cue, sentenceCues } from './speechCues';
import { type Token, tokenize } from './tokens';

export type { PassageSpeakers, SentenceSpeaker, Speaker } from './speakerTypes';

export function findSpeakers(texts: string[]): Array<PassageSpeakers | undefined> {
  return readArticle(texts).speakers;
}

/** A person a passage names, with the role the article gives them anywhere ("Foreign Minister"). */
export interface NamedPerson {
  name: string;
  role?: string;
}

/** Who speaks in each passage, and which people each passage names. */
export function readArticle(texts: string[]): {
  speakers: Array<PassageSpeakers | undefined>;
  people: NamedPerson[][];
} {
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
  // And the words it capitalises inside a sentence (not as its first word): "Republican".
  let capitalisedInside: Set<string> | undefined;
  const capitalWords = (word: string) => {
    if (!capitalisedInside) {
      capitalisedInside = new Set();
      for (const p of parsed)
        for (const s of p.sentences)
          for (let i = s.from + 1; i < s.to; i++) {
            const t = p.tokens[i] as Token;
            if (t.word && t.capitalised && !t.quoted) capitalisedInside.add(t.text);
          }
    }
    return capitalisedInside.has(word);
  };

  // Plain loops and objects built field by field: this runs over every sentence at start-up, before
  // the JIT has warmed up, where spreads and array chains cost several times more.
  // "Obi said the junior’s schedule is already set:" and the bullets under it: Obi's, each.
  let listSpeaker: Speaker | undefined;
  const speakers = parsed.map((passage, p) => {
    const speakers: Array<Speaker | undefined> = [];
    // A second clause's own speaker: "…,” Kowalczyk said, but Halbrook spokesperson Erin Sato said …".
    const clauses: Array<{ start: number; speaker: Speaker } | undefined> = [];
    for (const sentence of passage.sentences) {
      let best: ReturnType<typeof speakerOf>;
      let later: ReturnType<typeof speakerOf>;
      let boundary = -1;
      for (const cue of sentenceCues(sentence)) {
        const found = speakerOf(cue, p, people);
        if (!found) continue;
        if (cue.clause !== undefined) {
          boundary = cue.clause;
          if (!later || RANK[found.speaker.kind] < RANK[later.speaker.kind]) later = found;
        } else if (!best || RANK[found.speaker.kind] < RANK[best.speaker.kind]) best = found;
      }
      // One clause speaking speaks for the sentence.
      if (!best || later?.speaker.name === best.speaker.name) {
        best ??= later;
        later = undefined;
      }
      for (const found of [best, later]) {
        if (!found) continue;
        people.mention(p, found.offset, found.entity, true);
        people.spoke(found.entity);
      }
      speakers.push(best?.speaker);
      clauses.push(later ? { start: boundary, speaker: later.speaker } : undefined);
    }
    fillQuotes(passage, p, speakers, parsed, firstPeople);
    const bullet = LABELLED.test(passage.text);
    if (bullet && listSpeaker && !speakers.some(Boolean)) speakers.fill(listSpeaker);
    else if (!bullet) listSpeaker = undefined;
    const last = speakers[speakers.length - 1];
    if (passage.text.trimEnd().endsWith(':') && last?.via === 'speech') listSpeaker = last;
    sameRoleThroughout(speakers, lowerWords, capitalWords);
    const sentences: SentenceSpeaker[] = [];
    passage.sentences.forEach((s, i) => {
      const speaker = speakers[i];
      if (!speaker) return;
      const clause = clauses[i];
      const end = clause ? clause.start : s.end;
      const quoted = (from: number, to: number) => QUOTE_MARK.test(passage.text.slice(from, to));
      sentences.push({
        name: speaker.name,
        role: speaker.role,
        via: speaker.via,
        kind: speaker.kind,
        start: s.start,
        end,
        quoted: clause ? quoted(s.start, end) : hasQuote(s),
      });
      if (clause)
        sentences.push({
          name: clause.speaker.name,
          role: clause.speaker.role,
          via: clause.speaker.via,
          kind: clause.speaker.kind,
          start: clause.start,
          end: s.end,
          quoted: quoted(clause.start, s.end),
        });
    });
    return mainSpeaker(sentences);
  });
  const named = parsed.map((_, p) => {
    const here: NamedPerson[] = [];
    for (const mention of people.mentions[p] ?? []) {
      const { entity } = mention;
      if (entity.kind !== 'person' || here.some((n) => n.name === entity.name)) continue;
      here.push(entity.role ? { name: entity.name, role: entity.role } : { name: entity.name });
    }
    return here;
  });
  return { speakers, people: named };
}

/** An opening or closing quotation mark. */
const QUOTE_MARK = /[“”"]/u;

/** A bullet's "Label: text" ("Outdoor season: the state final on May 24"). */
const LABELLED = /^\p{Lu}[^:.]{0,40}: /u;

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

function speakerOf(cue: Cue, p: number, people: ArticlePeople) {
  const appositive = appositiveOf(cue.appositive, cue.reading);
  const local = localRole(
    cue.before,
    cue.reading.kind === 'person' ? cue.reading.title : undefined,
    appositive,
    people.lastOrganisation(p, cue.offset)?.name,
  );
  const entity = people.resolve(cue.reading, p, {
    ...local,
    organisational: appositive?.organisational ?? false,
  });
  if (!entity) return undefined;
  if (cue.document) people.documents.set(cue.document, entity);
  const role =
    entity.kind === 'person' ? (local.role ?? entity.role ?? local.weakRole ?? entity.weakRole) : undefined;
  const speaker: Speaker = { name: entity.name, role, via: cue.via, kind: entity.kind };
  return { speaker, entity, offset: cue.offset };
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
