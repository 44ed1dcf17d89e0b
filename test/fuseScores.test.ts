// The ranking's fuse.js scores, worked out without a Fuse per question, are fuse.js's own to the bit.
import fc from 'fast-check';
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/loadCorpus';
import { FUSE_OPTIONS, FuseTokenScores, mayMatch } from '../src/search/fuseScores';
import { CORPUS_DIR } from './support/engineFixtures';

/** The straightforward way: a Fuse over the chosen texts, searched for the pattern. */
function fuseItself(texts: readonly string[], pattern: string, ids: readonly number[]) {
  const fuse = new Fuse(
    ids.map((id) => texts[id] ?? ''),
    FUSE_OPTIONS,
  );
  const scores: Array<number | undefined> = ids.map(() => undefined);
  for (const result of fuse.search(pattern)) scores[result.refIndex] = result.score;
  return scores;
}

describe('FuseTokenScores', () => {
  it('scores made-up passages and patterns as fuse.js does', () => {
    const letters = fc.constantFrom(...'abeinorst');
    const wordOf = fc.string({ unit: letters, minLength: 1, maxLength: 9 });
    const text = fc
      .array(fc.oneof(wordOf, fc.constantFrom('Ab', 'Rose’s', 'U.S.', '20', '-', '“no,”')), { maxLength: 30 })
      .map((w) => w.join(' '));
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 2, maxLength: 8 }),
        fc.array(wordOf, { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { minLength: 2, maxLength: 6 }),
        (texts, words, picks) => {
          const ids = [...new Set(picks.map((p) => p % texts.length))];
          const pattern = words.join(' ');
          const scorer = new FuseTokenScores(texts);
          expect(scorer.scores(pattern, ids)).toEqual(fuseItself(texts, pattern, ids));
          // A second time, from what the first one kept.
          expect(scorer.scores(pattern, ids)).toEqual(fuseItself(texts, pattern, ids));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('scores the seed passages as fuse.js does, for questions and typos', async () => {
    const corpus = await loadCorpus(CORPUS_DIR, { onWarning: () => {} });
    const texts = corpus.passages.map((p) => p.text);
    const scorer = new FuseTokenScores(texts);
    const patterns = [
      'blinken lavrov met',
      'whelan sentenced',
      'lavroff zakarova',
      'treety nukes',
      'g20 india',
    ];
    const all = texts.map((_, i) => i);
    for (const pattern of patterns)
      for (const ids of [all, all.slice(0, 5), [7, 2, 11], all.slice().reverse()])
        expect(scorer.scores(pattern, ids)).toEqual(fuseItself(texts, pattern, ids));
  });

  it('rules out only tokens Bitap does not find', () => {
    const letters = fc.constantFrom(...'abeinorst');
    let ruledOut = 0;
    fc.assert(
      fc.property(
        fc.string({ unit: letters, minLength: 1, maxLength: 12 }),
        fc.string({ unit: fc.oneof(letters, fc.constant(' ')), maxLength: 60 }),
        (token, text) => {
          if (mayMatch(token, text)) return;
          ruledOut++;
          const options = { threshold: FUSE_OPTIONS.threshold, ignoreLocation: FUSE_OPTIONS.ignoreLocation };
          expect(Fuse.match(token, text, options).isMatch).toBe(false);
        },
      ),
      { numRuns: 20_000 },
    );
    expect(ruledOut).toBeGreaterThan(1_000);
  });

  it('finds nothing where fuse.js finds nothing', () => {
    const scorer = new FuseTokenScores(['alpha beta', 'gamma delta']);
    expect(scorer.scores('zzzzzz', [0, 1])).toEqual([undefined, undefined]);
  });
});
