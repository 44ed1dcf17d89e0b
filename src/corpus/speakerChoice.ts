/**
 * After each sentence's own attribution is read: quotes with none take their speaker from the sentence
 * around them, a person keeps one role through a passage, and each passage gets its main speaker.
 */
import { isCommonWord } from './lexicon';
import type { NamedHere } from './nameRegister';
import { type Parsed, type PassageSpeakers, RANK, type SentenceSpeaker, type Speaker } from './speakerTypes';
import type { Sentence } from './speechCues';
import type { Token } from './tokens';
import { classify, W } from './wordClass';

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
export function hasQuote(s: Sentence & { start: number }): boolean {
  for (let i = s.from; i < s.to; i++) if ((s.tokens[i] as Token).quoted) return true;
  // "“She played fearless tennis. I didn’t,” Ferreira said.": the quote is one token, counted with the
  // sentence it opens in, and runs on into this one.
  const before = s.tokens[s.from - 1];
  return (before?.quoted ?? false) && (before?.end ?? 0) > s.start;
}

/**
 * A sentence that is only a quote speaks with the voice of the quote it continues ("“…,” Raman said.
 * “Every affected person…”"), or else of the person the next sentence names ("“…” The words were
 * those of Oak Hollow Village President Carl Whitaker").
 */
export function fillQuotes(
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
    // The next sentence after the quote: a quote over two sentences is cut at the sentence's end, and
    // what it goes on with is no sentence of words ("“… get back. Now we can point to something.” That
    // was how Hollis Pruett … put it").
    let n = i + 1;
    const restOfQuote = (s: Sentence | undefined) => s !== undefined && (s.from === s.to || quoteOnly(s));
    while (restOfQuote(passage.sentences[n]) && !speakers[n]) n++;
    const next = passage.sentences[n];
    if (next && speakers[n]) {
      speakers[i] = speakers[n];
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
export function sameRoleThroughout(
  speakers: Array<Speaker | undefined>,
  lowerWords: (word: string) => boolean,
  capitalWords: (word: string) => boolean,
): void {
  const first = new Map<string, string | undefined>();
  for (const s of speakers)
    if (s && !first.has(s.name)) first.set(s.name, s.role && sentenceCase(s.role, lowerWords, capitalWords));
  speakers.forEach((s, i) => {
    if (s && s.role !== first.get(s.name))
      speakers[i] = { name: s.name, role: first.get(s.name), via: s.via, kind: s.kind };
  });
}

/** After these, a role names whose it is ("grocery analyst of Lakeshore Capital"), in its own capitals. */
const ROLE_PREPOSITIONS = new Set(['of', 'at', 'for', 'with']);

/**
 * "Council member Tom Price" opens a sentence: its capital is the sentence's, and apart from the name
 * the role reads "council member" — when the article writes that word in lower case elsewhere, it is
 * a common role word ("Company spokesman"), or the lexicon knows it only as a common word ("Junior
 * quarterback", "Retired accountant") and the article never capitalises it inside a sentence
 * ("Republican senator" stays). "Gulls coach" keeps its capital.
 */
function sentenceCase(
  role: string,
  lowerWords: (word: string) => boolean,
  capitalWords: (word: string) => boolean,
): string {
  const [head, ...after] = role.split(' ');
  // "Grocery analyst of Lakeshore Capital": the organisation after "of" keeps its capitals.
  const of = after.findIndex((w) => ROLE_PREPOSITIONS.has(w));
  const rest = of >= 0 ? after.slice(0, of) : after;
  const title = head ? [head, ...rest] : [];
  // "Town Manager Kevin Asante", "Sophomore Nate Kowalczyk": a title of words the article also writes
  // in lower case (or role words: "director", "chief") is a common title, in lower case after the name
  // as news style has it ("Kevin Asante, town manager"). "White House spokesman" and "Alpena County
  // Commissioner" keep their capitals: the article never writes "house" or "alpena" so.
  // Not a title that goes on after "of" ("Secretary of State"): where the title ends is not told.
  if (
    of < 0 &&
    title.some((w) => /^\p{Lu}\p{Ll}/u.test(w)) &&
    title.every((w) => commonTitleWord(w, lowerWords))
  )
    return role.toLowerCase();
  if (!head || rest.length === 0 || !/^\p{Lu}\p{Ll}/u.test(head) || !rest.every((w) => /^\p{Ll}/u.test(w)))
    return role;
  const lower = head.toLowerCase();
  const common = (classify(lower) & W.GENERIC) !== 0 || lowerWords(lower);
  return common || (isCommonWord(lower) && !capitalWords(head)) ? lower + role.slice(head.length) : role;
}

/** A word of a title that is no name: a role word, or one the article writes in lower case somewhere. */
function commonTitleWord(word: string, lowerWords: (word: string) => boolean): boolean {
  // "CEO", "McAllister", "State’s": capitals inside the word, or a possessive, are written so on purpose.
  if (word.slice(1) !== word.slice(1).toLowerCase() || /[’']/u.test(word)) return false;
  const lower = word.toLowerCase();
  return (classify(lower) & (W.GENERIC | W.STRICT_TITLE)) !== 0 || lowerWords(lower);
}

/** A named person before an organisation before a group; then whoever is quoted; then the first. */
export function mainSpeaker(sentences: SentenceSpeaker[]): PassageSpeakers | undefined {
  let best = 0;
  if (sentences.length === 0) return undefined;
  sentences.forEach((s, i) => {
    const other = sentences[best] as SentenceSpeaker;
    if ((RANK[s.kind] - RANK[other.kind] || Number(other.quoted) - Number(s.quoted)) < 0) best = i;
  });
  const { name, role, via, kind } = sentences[best] as SentenceSpeaker;
  return { name, role, via, kind, sentences };
}
