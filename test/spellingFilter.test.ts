import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashOf, OneEditHashes, SpellingFilter } from '../src/search/spellingFilter';
import { correctToEnglish } from '../src/search/typos';
import { WordNet } from '../src/search/wordnet';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const word = fc.string({ unit: fc.constantFrom(...'abcdeilnorstuz'), minLength: 1, maxLength: 12 });

/** A filter holding exactly one spelling: it lets that spelling's hashes through. */
function holding(spelling: string): SpellingFilter {
  const filter = new SpellingFilter();
  filter.add(spelling);
  return filter;
}

describe('OneEditHashes', () => {
  it('hashes each one-edit spelling as the spelling itself hashes', () => {
    fc.assert(
      fc.property(word, fc.nat(), fc.constantFrom(...LETTERS), (w, at, c) => {
        const edits = new OneEditHashes(w);
        const i = at % (w.length + 1);
        const letter = c.charCodeAt(0);
        expect(edits.insertion(i, letter, holding(w.slice(0, i) + c + w.slice(i)))).toBe(true);
        if (i < w.length) {
          expect(edits.substitution(i, letter, holding(w.slice(0, i) + c + w.slice(i + 1)))).toBe(true);
          expect(edits.deletion(i, holding(w.slice(0, i) + w.slice(i + 1)))).toBe(true);
        }
        if (i + 1 < w.length)
          expect(edits.transposition(i, holding(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2)))).toBe(
            true,
          );
      }),
      { numRuns: 5_000 },
    );
  });

  it('is turned away by a filter without the spelling (nearly always)', () => {
    const edits = new OneEditHashes('spek');
    expect(edits.insertion(2, 'e'.charCodeAt(0), holding('speak'))).toBe(false);
    expect(hashOf('speak')).not.toBe(hashOf('spaek'));
  });
});

/** correctToEnglish as it was written before the filter: every spelling made and looked up. */
function straightforward(w: string, wordnet: WordNet, itself: (c: string) => boolean): string | undefined {
  if (w.length < 3 || w.length > 15 || !/^[a-z]+$/.test(w)) return undefined;
  const transpositions: string[] = [];
  for (let i = 0; i + 1 < w.length; i++)
    transpositions.push(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
  const others: string[] = [];
  for (let i = 0; i <= w.length; i++) {
    for (const c of LETTERS) {
      others.push(w.slice(0, i) + c + w.slice(i));
      if (i < w.length) others.push(w.slice(0, i) + c + w.slice(i + 1));
    }
    if (i < w.length) others.push(w.slice(0, i) + w.slice(i + 1));
  }
  const english = [...new Set([...transpositions, ...others])].filter(
    (c) => c !== w && wordnet.isExactWord(c),
  );
  return english.find(itself) ?? english[0];
}

describe('correctToEnglish (spellings through the lemma filter)', () => {
  const wordnet = new WordNet();
  // Prefers spellings ending in "k", so that the order the candidates are found in shows.
  const itself = (c: string) => c.endsWith('k');
  const correct = (w: string) => correctToEnglish(w, wordnet, { itself, related: () => false });

  it('repairs as trying every spelling does', () => {
    for (const typo of ['tlak', 'spek', 'meetng', 'diplomt', 'invasoin', 'sanctons', 'lng', 'zzzz', 'teh'])
      expect(correct(typo)).toBe(straightforward(typo, wordnet, itself));
    expect(correct('tlak')).toBe('talk');
  });

  it('agrees on made-up words', () => {
    fc.assert(
      fc.property(word, (w) => {
        expect(correct(w)).toBe(straightforward(w, wordnet, itself));
      }),
      { numRuns: 300 },
    );
  });
});
