import { BoundedCache } from './boundedCache';
import { CONTEXTS, type PassageIndex } from './passageIndex';
import { MATCH_KINDS, type QueryWord, type TermAlternative } from './queryTerms';

/**
 * Which question words each passage matches, and how closely: for every question word, the closest
 * kind of match in the passage's text (exact, typo, … related) and in its context (speaker, section,
 * title). Passages come from the postings of the words' alternatives, so a question costs the same
 * whatever the size of the corpus.
 */

/** No match (in a word's slot of `text` or `context`). */
export const NONE = -1;
/** Text matches up to this kind are literal: the word as written, repaired, or spelled as it sounds. */
export const LITERAL = MATCH_KINDS.indexOf('sound');
/** Context matches count up to this kind: a loose relative in a heading says little. */
const CONTEXT_UP_TO = MATCH_KINDS.indexOf('synonym');

export interface PassageMatch {
  passageId: number;
  /** Per question word: index in MATCH_KINDS of its closest match in the text, or NONE. */
  text: Int8Array;
  /** Per question word: index in CONTEXTS of where it stands in the context, or NONE. */
  context: Int8Array;
  /** Per question word: its term frequency in the text, for literal matches. */
  tf: Float64Array;
  /** Index terms that matched (for highlighting and quote choice). */
  matchedTerms: Set<string>;
}

function entryFor(matches: Map<number, PassageMatch>, pid: number, size: number): PassageMatch {
  let entry = matches.get(pid);
  if (!entry) {
    entry = {
      passageId: pid,
      text: new Int8Array(size).fill(NONE),
      context: new Int8Array(size).fill(NONE),
      tf: new Float64Array(size),
      matchedTerms: new Set(),
    };
    matches.set(pid, entry);
  }
  return entry;
}

/** Passages whose text holds every term of the alternative, with the first term's frequency. */
export function textHolders(
  alternative: TermAlternative,
  index: PassageIndex,
): ReadonlyArray<[number, number]> {
  const [first, second] = alternative.terms;
  const postings = index.textPostings(first ?? '');
  if (!second) return postings;
  return pairHoldersOf(index).get(`${first} ${second}`, () => {
    const others = new Set(index.textPostings(second).map(([pid]) => pid));
    return postings.filter(([pid]) => others.has(pid));
  });
}

/**
 * The passages holding both terms of a two-word entry, by the terms: a question's ranking asks for
 * them several times over (its matches, its articles' shares), and later questions ask again.
 */
const pairHolders = new WeakMap<PassageIndex, BoundedCache<string, ReadonlyArray<[number, number]>>>();

function pairHoldersOf(index: PassageIndex): BoundedCache<string, ReadonlyArray<[number, number]>> {
  let cache = pairHolders.get(index);
  if (!cache) {
    cache = new BoundedCache(PAIR_HOLDERS_KEPT);
    pairHolders.set(index, cache);
  }
  return cache;
}
/** Few: a pair common in a big corpus holds thousands of passages. */
const PAIR_HOLDERS_KEPT = 2_000;

export function matchPassages(
  words: readonly QueryWord[],
  index: PassageIndex,
  filter?: (passageId: number) => boolean,
  /** "What did Kirby say": a passage of Kirby's own words holds his name, said or not. */
  speakerIsNamed = false,
): Map<number, PassageMatch> {
  const matches = new Map<number, PassageMatch>();
  const size = words.length;
  words.forEach((word, j) => {
    for (const alternative of word.alternatives) {
      const kind = MATCH_KINDS.indexOf(alternative.kind);
      for (const [pid, tf] of textHolders(alternative, index)) {
        if (filter && !filter(pid)) continue;
        const entry = entryFor(matches, pid, size);
        const known = entry.text[j] ?? NONE;
        if (known === NONE || kind < known) entry.text[j] = kind;
        if (kind <= LITERAL) entry.tf[j] = Math.max(entry.tf[j] ?? 0, tf);
        for (const term of alternative.terms) entry.matchedTerms.add(term);
      }
      const [term] = alternative.terms;
      if (alternative.terms.length !== 1 || !term || kind > CONTEXT_UP_TO) continue;
      for (const pid of index.contextHolders(term)) {
        if (filter && !filter(pid)) continue;
        const where = index.passages[pid]?.context.get(term);
        if (!where) continue;
        const entry = entryFor(matches, pid, size);
        if (
          speakerIsNamed &&
          where === 'speaker' &&
          kind <= LITERAL &&
          index.corpus.passages[pid]?.speakerVia === 'speech'
        ) {
          const known = entry.text[j] ?? NONE;
          if (known === NONE || kind < known) entry.text[j] = kind;
          entry.tf[j] = Math.max(entry.tf[j] ?? 0, 1);
          continue;
        }
        const place = CONTEXTS.indexOf(where);
        const known = entry.context[j] ?? NONE;
        if (known === NONE || place < known) entry.context[j] = place;
      }
    }
  });
  return matches;
}
