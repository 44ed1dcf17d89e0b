import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteHolds } from '../src/cli/evalScoring';
import { generateCorpus, type WrittenCorpus, wordCount, writeCorpus } from '../src/cli/generateCorpus';
import { fold } from '../src/corpus/fold';
import { loadCorpus } from '../src/corpus/loadCorpus';
import type { Corpus } from '../src/corpus/types';
import { AnswerEngine } from '../src/search/engine';

const ARTICLES = 30;
const PARAGRAPHS = 12;

describe('generateCorpus', () => {
  let dir: string;
  let written: WrittenCorpus;
  let corpus: Corpus;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'generate-corpus-test-'));
    written = await writeCorpus(join(dir, 'corpus'), {
      articles: ARTICLES,
      paragraphs: PARAGRAPHS,
      seed: 7,
      questions: 20,
    });
    corpus = await loadCorpus(written.dir, { onWarning: () => {} });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives the same files for the same seed, and other files for another seed', () => {
    const a = generateCorpus({ articles: 5, paragraphs: 8, seed: 3, questions: 5 });
    const b = generateCorpus({ articles: 5, paragraphs: 8, seed: 3, questions: 5 });
    const c = generateCorpus({ articles: 5, paragraphs: 8, seed: 4, questions: 5 });
    expect(b).toEqual(a);
    expect(c.articles.map((x) => x.source)).not.toEqual(a.articles.map((x) => x.source));
  });

  it('writes what it generates, byte for byte', async () => {
    const again = generateCorpus({ articles: ARTICLES, paragraphs: PARAGRAPHS, seed: 7, questions: 20 });
    for (const article of again.articles)
      expect(await readFile(join(written.dir, article.name), 'utf8')).toBe(article.source);
    expect(again.questions).toEqual(written.questions);
  });

  it('loads with the corpus loader: as many articles and passages as asked, plus the seed article', async () => {
    const names = (await readdir(written.dir)).sort();
    expect(names.filter((n) => /^article-\d{4}\.md$/.test(n))).toHaveLength(ARTICLES);
    expect(names).toContain('blinken-lavrov-g20.md');
    expect(corpus.articles).toHaveLength(ARTICLES + 1);
    for (const article of corpus.articles.filter((a) => a.id.startsWith('article-')))
      expect(corpus.passages.filter((p) => p.articleId === article.id)).toHaveLength(PARAGRAPHS);
    expect(written.passageCount).toBe(ARTICLES * PARAGRAPHS);
  });

  it('gives unique titles, valid dates and passages as the loader sees them', () => {
    const titles = corpus.articles.map((a) => a.meta.title.toLowerCase());
    expect(new Set(titles).size).toBe(titles.length);
    for (const article of written.articles) {
      expect(article.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const loaded = corpus.passages.filter((p) => `${p.articleId}.md` === article.name).map((p) => p.text);
      expect(loaded).toEqual(article.passages);
    }
  });

  it('writes news-like prose: 30–60 word paragraphs, speakers, places, durations, bullets, headings', () => {
    const generated = corpus.passages.filter((p) => p.articleId.startsWith('article-'));
    const bodies = written.articles.map((a) => a.source).join('\n');
    for (const article of written.articles) {
      for (const block of article.source.split('\n---\n')[1]?.split('\n\n') ?? []) {
        if (block.startsWith('  •') || !/[.”]$/.test(block)) continue;
        expect(wordCount(block)).toBeGreaterThanOrEqual(30);
        expect(wordCount(block)).toBeLessThanOrEqual(60);
      }
    }
    expect(generated.filter((p) => p.speaker).length).toBeGreaterThan(generated.length / 3);
    expect(generated.some((p) => p.speakerVia === 'citation')).toBe(true);
    expect(generated.some((p) => p.section)).toBe(true);
    expect(bodies).toMatch(/\n {2}• /);
    expect(bodies).toMatch(/ lasted \w+ (?:minutes|hours|days|weeks|months)/);
    expect(bodies).toMatch(/ since (?:19|20)\d\d\./);
    expect(bodies).toMatch(/ in [A-Z][a-z]+/);
  });

  it('derives questions whose expected phrase stands in exactly one passage, and off-topic ones', () => {
    const answerable = written.questions.filter((q) => q.expect);
    expect(answerable).toHaveLength(20);
    expect(written.questions.some((q) => q.expect === null)).toBe(true);
    const texts = corpus.passages.map((p) => fold(p.text));
    for (const q of answerable) {
      const phrase = fold(q.expect?.[0] ?? '');
      expect(texts.filter((t) => t.includes(phrase))).toHaveLength(1);
    }
  });

  it('answers its own generated questions through the engine', () => {
    const engine = AnswerEngine.build(corpus);
    const answerable = written.questions.filter((q) => q.expect).slice(0, 10);
    const right = answerable.filter((q) => {
      const result = engine.answer(q.q);
      return quoteHolds(q.expect ?? [], result.answered ? result.quote : undefined);
    });
    expect(right.length).toBeGreaterThanOrEqual(answerable.length / 2);
  });
});
