import levenshtein from 'damerau-levenshtein';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editSteps, oneEditApart } from '../src/search/editDistance';

describe('editSteps', () => {
  it('counts what damerau-levenshtein counts', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(editSteps(a, b)).toBe(levenshtein(a, b).steps);
      }),
      { numRuns: 20_000 },
    );
    const long = 'internationalisation'.repeat(5);
    for (const [a, b] of [
      ['tlak', 'talk'],
      ['meating', 'meeting'],
      ['zakarova', 'zakharova'],
      [long, `${long}s`],
      ['ca', 'abc'],
    ])
      expect(editSteps(a as string, b as string)).toBe(levenshtein(a as string, b as string).steps);
  });
});

describe('oneEditApart', () => {
  it('says what editSteps(a, b) === 1 says', () => {
    // A small alphabet, so that words often are one slip apart.
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é'), maxLength: 7 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(oneEditApart(a, b)).toBe(levenshtein(a, b).steps === 1);
      }),
      { numRuns: 20_000 },
    );
  });

  it('knows each kind of slip, and words further apart', () => {
    expect(oneEditApart('tlak', 'talk')).toBe(true);
    expect(oneEditApart('wht', 'what')).toBe(true);
    expect(oneEditApart('whaat', 'what')).toBe(true);
    expect(oneEditApart('whet', 'what')).toBe(true);
    expect(oneEditApart('what', 'what')).toBe(false);
    expect(oneEditApart('hwta', 'what')).toBe(false);
    expect(oneEditApart('', 'a')).toBe(true);
  });
});
