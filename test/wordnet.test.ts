/**
 * Which senses of a word WordNet's related words are read from (src/search/wordnet.ts): the common
 * ones, and every one for a word its tagged texts never saw.
 */
import { describe, expect, it } from 'vitest';
import { WordNet } from '../src/search/wordnet';

describe('WordNet.related: the senses read', () => {
  const wordnet = new WordNet();
  const words = (word: string) => wordnet.related(word).map((r) => r.word);

  it('reads every sense of a word the tagged texts never saw: "cox" is a coxswain as well as an enzyme', () => {
    expect(wordnet.commonness('cox')).toBe(0);
    expect(words('cox')).toContain('cyclooxygenase');
    expect(words('cox')).toContain('coxswain');
  });

  it('reads only the senses the tagged texts saw of a word they did: "bass" is a voice, not the fish listed fourth', () => {
    expect(wordnet.commonness('bass')).toBe(2);
    expect(words('bass')).toContain('bass part');
    expect(words('bass')).not.toContain('fish');
  });
});
