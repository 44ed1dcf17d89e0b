/**
 * Where a passage holds the answer to "who": the people the article's own register finds in it (the
 * names attribution reads), not any two capitalised words. On an article written blind
 * (test/fixtures/articles/own9): the comet's lead names a town ("Marlett Springs") and a teacher by
 * description only; the next passage names her.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/loadCorpus';
import type { Corpus } from '../src/corpus/types';
import { PassageIndex } from '../src/search/passageIndex';
import { PROJECT_ROOT } from './support/engineFixtures';

describe('the person kind of answer', () => {
  let corpus: Corpus;
  let index: PassageIndex;
  beforeAll(async () => {
    corpus = await loadCorpus(join(PROJECT_ROOT, 'test', 'fixtures', 'articles', 'own9'), {
      onWarning: () => {},
    });
    index = new PassageIndex(corpus);
  });
  const passageStarting = (opening: string) => {
    const passage = corpus.passages.find((p) => p.text.startsWith(opening));
    if (!passage) throw new Error(`no passage opens with ${opening}`);
    return passage.id;
  };

  it('is not held by a place and a description ("MARLETT SPRINGS, N.M. — A comet discovered … by a retired … teacher")', () => {
    expect(index.featuresOf(passageStarting('MARLETT SPRINGS')).has('person')).toBe(false);
  });

  it('is held where the article names a person, and stands on their name in each sentence', () => {
    const id = passageStarting('Gwendolyn Ashcombe, 66, first spotted');
    expect(index.featuresOf(id).has('person')).toBe(true);
    const [first] = index.sentences(id);
    const spans = first?.spans?.get('person') ?? [];
    expect(spans.map(([start, end]) => first?.text.slice(start, end))).toEqual(['Gwendolyn', 'Ashcombe']);
  });

  it('stands on a surname in a later sentence and on a possessive ("Vasquez-Tate said")', () => {
    const id = passageStarting('Vasquez-Tate said complaints');
    const [first] = index.sentences(id);
    const spans = first?.spans?.get('person') ?? [];
    expect(spans.map(([start, end]) => first?.text.slice(start, end))).toContain('Vasquez-Tate');
  });
});

describe('people by their role (own9, written blind)', () => {
  it('"the regatta’s chief referee, Oswin Pratley" makes "referee" stand for him, not the regatta it belongs to', async () => {
    const corpus = await loadCorpus(join(PROJECT_ROOT, 'test', 'fixtures', 'articles', 'own9'), {
      onWarning: () => {},
    });
    const index = new PassageIndex(corpus);
    expect([...index.aliasesOf('refere')]).toEqual(expect.arrayContaining(['oswin', 'pratlei']));
    expect([...index.aliasesOf('regatta')]).toEqual([]);
  });
});
