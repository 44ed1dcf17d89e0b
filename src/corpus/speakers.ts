/**
 * Finds who is quoted or cited in each passage of an article: "Blinken said", "said Blinken",
 * "according to John Kirby", "spokeswoman Maria Zakharova claimed", and "he said" resolved to the
 * person named last before it (in the same passage or an earlier one). Surnames are expanded to the
 * fullest name the article uses ("Blinken" → "Antony Blinken").
 */

const SPEECH_VERB_LIST =
  'said|says|told|tells|claimed|claims|added|adds|wrote|writes|stated|states|noted|notes|argued|argues|warned|warns|asked|asks|explained|explains|insisted|insists|denied|denies|announced|announces|declared|declares|urged|urges|replied|replies|continued|recalled|acknowledged|admitted|confirmed|confirms|tweeted|posted|testified|suggested|suggests|believes|believed';
/** The verbs, also capitalised at the start of a sentence ("Said Jane Doe: …"). */
const SPEECH_VERBS = SPEECH_VERB_LIST.split('|')
  .map((verb) => `[${verb[0]}${verb[0]?.toUpperCase()}]${verb.slice(1)}`)
  .join('|');

/** Words that stand before a name as a title or description, not as part of it. */
const TITLE_WORDS = new Set(
  (
    'said says told secretary state foreign minister ministry president vice prime spokesman spokeswoman spokesperson white house ' +
    'u.s. us uk russian american ukrainian chinese british french german general gen. sen. senator rep. representative ' +
    'mr. mrs. ms. dr. director chief ambassador press chancellor governor mayor king queen pope judge justice ceo ' +
    'chairman chairwoman lt. col. officer star wnba nba former top deputy defense defence national security adviser ' +
    'advisor commander leader premier the a an of and but if when while without since after before in on at by as'
  ).split(' '),
);

/** Words that begin a sentence but never a name. */
const NOT_NAMES = new Set(
  'it its he she they we i you this that these those there here what why how who when where which mutual'.split(
    ' ',
  ),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}.’'-]*/gu;

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => {
    // A sentence's full stop is not part of the word; an abbreviation's dots ("U.S.") are.
    const word = m[0].endsWith('.') && m[0].indexOf('.') === m[0].length - 1 ? m[0].slice(0, -1) : m[0];
    return { text: word, start: m.index, end: m.index + word.length };
  });
}

/** Blanks out quoted words (keeping offsets), so names inside a quote are not taken for its speaker. */
function outsideQuotes(text: string): string {
  return text.replace(/“[^”]*”?|"[^"]*"?/gu, (quoted) => ' '.repeat(quoted.length));
}

const isTitle = (word: string) => TITLE_WORDS.has(word.toLowerCase().replace(/[’']s$/u, ''));

/**
 * Runs of capitalised words ("of" may join two of them), with title words stripped from the front:
 * candidate names, in text order. Runs longer than `maxWords` are not names.
 */
/** Capitalised words with single spaces between them; "of" may join two ("Federation of American Scientists"). */
const CAPITALISED_RUN = /\p{Lu}[\p{L}\p{N}.’'-]*(?:(?: | of )\p{Lu}[\p{L}\p{N}.’'-]*)*/gu;

function nameRuns(text: string, maxWords = 3): Array<{ name: string; start: number; end: number }> {
  const runs: Array<{ name: string; start: number; end: number }> = [];
  // Only the capitalised stretches are read: most words of a passage cannot start a name.
  for (const run of text.matchAll(CAPITALISED_RUN)) {
    const words = tokens(run[0])
      .filter((t) => !/^[\p{Lu}.]{2,}$/u.test(t.text) || t.text.includes('.'))
      .map((t) => ({ text: t.text, start: t.start + run.index, end: t.end + run.index }));
    const kept = dropTitles(words);
    if (kept.length > 0 && kept.length <= maxWords && !NOT_NAMES.has(kept[0]?.text.toLowerCase() ?? '')) {
      const first = kept[0] as Token;
      const last = kept[kept.length - 1] as Token;
      runs.push({
        name: text.slice(first.start, last.end).replace(/[’']s$/u, ''),
        start: first.start,
        end: last.end,
      });
    }
  }
  return runs;
}

function dropTitles(words: Token[]): Token[] {
  let from = 0;
  while (from < words.length && isTitle(words[from]?.text ?? '')) from++;
  return words.slice(from).filter((w) => !/[’']s$/u.test(w.text) || w === words[words.length - 1]);
}

type NameRun = { name: string; start: number; end: number };

/** Maps each surname to the fullest name the article gives it ("Blinken" → "Antony Blinken"). */
function fullNames(runsOfTexts: NameRun[][]): Map<string, string> {
  const full = new Map<string, string>();
  for (const runs of runsOfTexts) {
    for (const { name } of runs) {
      const parts = name.split(' ');
      const surname = parts[parts.length - 1] ?? name;
      const known = full.get(surname);
      if (parts.length >= 2 && parts.length <= 3 && (!known || known.split(' ').length < parts.length))
        full.set(surname, name);
    }
  }
  return full;
}

/** Institutions that speak ("Russia’s foreign ministry denied", "the State Department’s spokesman said"). */
const INSTITUTION =
  '(?:foreign |defen[cs]e |interior |justice |state |press )?(?:ministry|government|office|embassy|military|army|agency|department|spokesman|spokeswoman|spokesperson|president|leader|officials?)';

/**
 * The ways a passage attributes words, each tried on its own (one alternation would let "X said" use up
 * the verb of "…, said Jane Doe"); the earliest attribution in the passage wins. "X said" is found from
 * the verb backwards (see `wordsBeforeVerbs`): a pattern starting anywhere would cost quadratic time.
 */
const ATTRIBUTIONS = [
  `(?<institution>\\p{Lu}[\\p{L}.]*[’']s ${INSTITUTION})\\s+(?:${SPEECH_VERBS})\\b`, // Russia’s foreign ministry denied
  `\\b(?:${SPEECH_VERBS})\\s+(?<after>\\p{Lu}[\\p{L}.’'-]*(?:\\s+\\p{Lu}[\\p{L}.’'-]*){0,2})`, // said Blinken
  `according to (?<source>(?:[\\p{L}.’'-]+ ?){1,8})`, // according to White House spokesman John Kirby
].map((source) => new RegExp(source, 'gu'));

const VERB = new RegExp(`,?\\s+(?:${SPEECH_VERBS})\\b`, 'gu');
const NAME_CHARACTER = /[\p{L}.’' -]/u;
/** How far before a verb its subject may start. */
const SUBJECT_REACH = 80;

/** "Blinken said", "John Kirby said": the run of name-like characters (≤ 80) right before each verb. */
function wordsBeforeVerbs(text: string): Array<{ index: number; groups: { before: string } }> {
  const found: Array<{ index: number; groups: { before: string } }> = [];
  for (const verb of text.matchAll(VERB)) {
    let start = verb.index;
    while (start > 0 && verb.index - start < SUBJECT_REACH && NAME_CHARACTER.test(text[start - 1] ?? ''))
      start--;
    if (start < verb.index) found.push({ index: start, groups: { before: text.slice(start, verb.index) } });
  }
  return found;
}

const PRONOUN = /^(?:he|she)$/i;

export interface Speaker {
  name: string;
  via: 'speech' | 'citation';
}

export function findSpeakers(texts: string[]): Array<Speaker | undefined> {
  const unquoted = texts.map(outsideQuotes);
  const runsOfTexts = unquoted.map((text) => nameRuns(text));
  const names = fullNames(runsOfTexts);
  const expand = (name: string) => names.get(name.split(' ').pop() ?? name) ?? name;
  let lastPerson: string | undefined;

  return unquoted.map((text, i) => {
    const runs = runsOfTexts[i] ?? [];
    let speaker: Speaker | undefined;
    let speakerAt = Number.POSITIVE_INFINITY;
    const matches: Array<{ index: number; groups?: Record<string, string | undefined> }> = [
      ...ATTRIBUTIONS.flatMap((pattern) => [...text.matchAll(pattern)]),
      ...wordsBeforeVerbs(text),
    ].sort((a, b) => a.index - b.index);
    for (const match of matches) {
      if (match.index >= speakerAt) break;
      const groups = match.groups ?? {};
      let candidate: string | undefined;
      if (groups.institution) candidate = groups.institution;
      else if (groups.source) candidate = nameRuns(groups.source, 6).pop()?.name;
      else if (groups.after) candidate = nameRuns(groups.after)[0]?.name;
      else if (groups.before) {
        const lastWord = groups.before.trim().split(/\s+/).pop() ?? '';
        if (PRONOUN.test(lastWord)) {
          candidate = personBefore(runs, match.index + groups.before.length, names) ?? lastPerson;
        } else {
          const before = nameRuns(groups.before);
          const run = before[before.length - 1];
          // The name must stand right before the verb (allowing an appositive after a comma).
          if (
            run &&
            groups.before
              .slice(run.end)
              .replace(/,[^,]*,?\s*$/u, '')
              .trim() === ''
          )
            candidate = run.name;
        }
      }
      if (candidate) {
        speaker = {
          name: groups.institution ? candidate : expand(candidate),
          via: groups.source ? 'citation' : 'speech',
        };
        speakerAt = match.index;
        break;
      }
    }
    const people = runs.map((r) => r.name).filter((n) => names.has(n.split(' ').pop() ?? n));
    if (people.length > 0) lastPerson = expand(people[people.length - 1] as string);
    return speaker;
  });
}

function personBefore(runs: Array<{ name: string; end: number }>, index: number, names: Map<string, string>) {
  const before = runs.filter((r) => r.end <= index && names.has(r.name.split(' ').pop() ?? r.name));
  return before[before.length - 1]?.name;
}

/** People the article names in full and mentions more than once ("Paul Whelan"): what it can tell about. */
export function peopleNamed(texts: string[]): string[] {
  const mentions = new Map<string, number>();
  for (const text of texts) {
    for (const word of text.split(/[^\p{L}\p{N}’'-]+/u)) mentions.set(word, (mentions.get(word) ?? 0) + 1);
  }
  return [...new Set(fullNames(texts.map((text) => nameRuns(text))).values())].filter(
    (name) => (mentions.get(name.split(' ').pop() ?? name) ?? 0) >= 2,
  );
}
