import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/loadCorpus';
import { AnswerEngine } from '../src/search/engine';
import type { AnswerResult } from '../src/search/types';
import { CORPUS_DIR } from './support/engineFixtures';

let engine: AnswerEngine;
let passageTexts: Set<string>;

beforeAll(async () => {
  engine = AnswerEngine.build(await loadCorpus(CORPUS_DIR));
  passageTexts = new Set(engine.corpus.passages.map((p) => p.text));
});

const MAX_INPUT = 6000;
const RUNS = { numRuns: 200 };

/** What any reply must be, whatever was asked; returns whether it was an answer. */
function checkReply(question: string, result: AnswerResult): boolean {
  expect(result.question).toBe(question);
  if (!result.answered) {
    expect(['empty', 'not-found']).toContain(result.reason);
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
    return false;
  }
  expect(result.answered).toBe(true);
  expect(passageTexts.has(result.passage.text)).toBe(true);
  expect(result.passage.text).toContain(result.quote);
  expect(result.quote.length).toBeGreaterThan(0);
  expect(result.quote.length).toBeLessThanOrEqual(600);
  expect(result.score).toBeGreaterThan(0);
  expect(result.score).toBeLessThanOrEqual(1);
  expect(result.alternatives.length).toBeLessThanOrEqual(3);
  for (const a of result.alternatives) {
    expect(a.passageId).not.toBe(result.passage.id);
    expect(a.quote.length).toBeLessThanOrEqual(600);
    expect(engine.passage(a.passageId)?.text).toContain(a.quote);
  }
  return true;
}

function checkChoices(choices: string[]): void {
  expect(Array.isArray(choices)).toBe(true);
  expect(choices.length).toBeLessThanOrEqual(25);
  expect(new Set(choices).size).toBe(choices.length);
  for (const choice of choices) {
    expect(typeof choice).toBe('string');
    expect(choice.length).toBeGreaterThanOrEqual(1);
    expect(choice.length).toBeLessThanOrEqual(100);
  }
}

function askAnything(question: string): boolean {
  let result: AnswerResult | undefined;
  expect(() => {
    result = engine.answer(question);
  }).not.toThrow();
  const answered = checkReply(question, result as AnswerResult);
  let choices: string[] = [];
  expect(() => {
    choices = engine.autocomplete(question);
  }).not.toThrow();
  checkChoices(choices);
  return answered;
}

/** Pieces people paste or type by accident, and characters that mean something to fuse.js or Discord. */
const ODD_PIECES = [
  '😀',
  '👩‍👩‍👧‍👦',
  '🇺🇦',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u202e',
  '\u2067',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\r\n',
  '\t',
  '*',
  '_',
  '~',
  '|',
  '>',
  '#',
  '**bold**',
  '||spoiler||',
  '`code`',
  '```',
  '@everyone',
  '@here',
  '<@&123>',
  '<@!456>',
  '<#789>',
  '<:blob:12345>',
  "'",
  '!',
  '^',
  '=',
  '$',
  '"',
  "'exact",
  '!not',
  '^prefix',
  '=equal',
  'suffix$',
  'a | b',
  '"quoted words"',
  '\\',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '.*',
  '?',
  '…',
  '\u00a0',
  'ｆｕｌｌｗｉｄｔｈ',
  'ﬁ',
  'İ',
  'ß',
  'مرحبا',
  'שלום',
  '你好',
];

/** Words of the article (and its typos), so that mixes sometimes hit passages and take the answer path. */
const ARTICLE_WORDS = [
  'Blinken',
  'lavrov',
  'meeting',
  'how long',
  'who said',
  'Zakharova',
  'nuclear',
  'treaty',
  'Whelan',
  'Griner',
  'minutes',
  'when',
  'where',
  'theirfirst',
  'U.S.',
  'spy:Russia',
  'Kirby',
  'arsenals',
  'blinkn',
  'metting',
];

const mixed = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...ODD_PIECES) },
      { weight: 3, arbitrary: fc.constantFrom(...ARTICLE_WORDS) },
      { weight: 2, arbitrary: fc.constantFrom(' ', '  ', '\n') },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join('').slice(0, MAX_INPUT));

describe('engine.answer and engine.autocomplete on any input', () => {
  it('any grapheme string up to 6,000 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: MAX_INPUT }), (q) => {
        askAnything(q);
      }),
      RUNS,
    );
  });

  it('any binary string (lone surrogates, controls) up to 6,000 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: MAX_INPUT }), (q) => {
        askAnything(q);
      }),
      RUNS,
    );
  });

  it('mixes of emoji, invisible and right-to-left characters, markdown, mentions, fuse.js operators and article words', () => {
    let answered = 0;
    fc.assert(
      fc.property(mixed, (q) => {
        if (askAnything(q)) answered++;
      }),
      RUNS,
    );
    // The mixes reach the answering path too, not only abstentions.
    expect(answered).toBeGreaterThan(0);
  });

  it('a question wrapped in invisible characters, or with mentions around it, still answers', () => {
    const invisible = fc.constantFrom('\u200b', '\u200d', '\ufeff', '\u202e', '\u2067', '\u0007', '**', '||');
    const mention = fc.constantFrom('<@&123>', '<@!456>', '<#789>', '@everyone', '@here');
    fc.assert(
      fc.property(
        fc.oneof(
          invisible.map((noise) => `${noise}How long did Blinken and Lavrov meet for?${noise}`),
          mention.map((noise) => `${noise} How long did Blinken and Lavrov meet for? ${noise}`),
        ),
        (question) => {
          expect(askAnything(question)).toBe(true);
          const result = engine.answer(question);
          expect(result.answered && result.quote).toContain('10 minutes');
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('explicit odd questions', () => {
  it.each([
    ['empty', ''],
    ['whitespace only', ' \t\n\u00a0\u3000 '],
    ['only stopwords', 'what is the'],
    ['emoji only', '😀🎉👩‍👩‍👧‍👦🇺🇦'],
    ['zero-width only', '\u200b\u200d\ufeff'],
    ['a mention only', '<@&123>'],
  ])('%s: abstains as "empty", with suggestions', (_, question) => {
    const result = engine.answer(question);
    askAnything(question);
    expect(result.answered).toBe(false);
    if (!result.answered) {
      expect(result.reason).toBe('empty');
      expect(result.suggestions.length).toBeGreaterThanOrEqual(1);
    }
    expect(engine.autocomplete(question).length).toBeGreaterThanOrEqual(0);
  });

  it.each(["'", '!', '^', '=', '$', '|', '"', '*', '_', '~', '>', '#', '\\'])(
    'operator %s alone',
    (question) => {
      askAnything(question);
      expect(engine.answer(question).answered).toBe(false);
    },
  );

  it.each(['how long is constructor', 'constructor', '__proto__ toString', 'valueOf hasOwnProperty'])(
    'the names of Object’s own properties are words like any other: %s',
    (question) => {
      askAnything(question);
      // A table lookup that fell through to Object.prototype spelled "constructor" out as
      // "function Object() { [native code] }" and answered it.
      expect(engine.analyse(question).question).not.toContain('native code');
      expect(engine.answer(question).answered).toBe(false);
    },
  );

  it.each([
    ['a 6,000-character question of article words', 'Blinken Lavrov meeting nuclear treaty '.repeat(200)],
    ['a 6,000-character question of random words', 'lorem ipsum dolor sit amet '.repeat(250)],
    ['a 6,000-character question of one character', 'é'.repeat(MAX_INPUT)],
    ['6,000 emoji', '😀'.repeat(MAX_INPUT / 2)],
  ])('%s', (_, raw) => {
    const question = raw.slice(0, MAX_INPUT);
    expect(question.length).toBeGreaterThan(5000);
    askAnything(question);
  });

  it('a real question after 500 characters of white space', () => {
    const question = `${' \n'.repeat(250)}How long did Blinken and Lavrov meet for?`;
    const result = engine.answer(question);
    checkReply(question, result);
    expect(result.answered && result.quote).toContain('10 minutes');
  });

  // Engine bug: cleanQuestion (src/search/text.ts) cuts the raw input to 1,000 characters before it
  // collapses white space, so a question after a run of blank space is cut away and the reply is "empty".
  it('a real question after 5,000 characters of spaces', () => {
    const question = `${' '.repeat(5000)}How long did Blinken and Lavrov meet for?`;
    const result = engine.answer(question);
    checkReply(question, result);
    expect(result.answered && result.quote).toContain('10 minutes');
  });

  it('a question in capitals, with markdown around it', () => {
    const question = '**HOW LONG DID BLINKEN AND LAVROV MEET FOR???**';
    const result = engine.answer(question);
    checkReply(question, result);
    expect(result.answered && result.quote).toContain('10 minutes');
  });
});
