import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../src/corpus/fold';
import { loadCorpus } from '../src/corpus/loadCorpus';
import type { Article } from '../src/corpus/types';
import { foldWhitespace } from '../src/corpus/whitespace';
import { passageFeatures, questionKinds } from '../src/search/cues';
import { AnswerEngine, rightProbability } from '../src/search/engine';
import { confidenceFeatures } from '../src/search/features';
import type { Answer, AnswerResult, AskOptions } from '../src/search/types';
import { RIGHT } from '../src/search/weights';
import {
  CORPUS_DIR,
  corpusDir,
  OTTERS,
  PROJECT_ROOT,
  removeCorpusDirs,
  SEED_ARTICLE_ID,
  TSX,
  twoArticleCorpus,
} from './support/engineFixtures';

const run = promisify(execFile);

let engine: AnswerEngine;
let seed: Article;
/** The seed article's text with white space folded: every quote must be a piece of it. */
let seedText: string;

beforeAll(async () => {
  engine = AnswerEngine.build(await loadCorpus(CORPUS_DIR));
  seed = engine.corpus.articles[0] as Article;
  seedText = foldWhitespace(seed.body);
});

afterAll(removeCorpusDirs);

/** What every answer must be: at most 600 characters of the article's own words, from its passage. */
function checkQuote(result: Answer): void {
  expect(result.quote.length).toBeGreaterThan(0);
  expect(result.quote.length).toBeLessThanOrEqual(600);
  expect(result.passage.text).toContain(result.quote);
  const article = engine.corpus.articles.find((a) => a.id === result.article.id) as Article;
  expect(foldWhitespace(article.body)).toContain(result.quote);
  expect(result.paragraph).toBe(result.passage.paragraph);
  expect(result.score).toBeGreaterThan(0);
  expect(result.score).toBeLessThanOrEqual(1);
  // Alternatives are other passages, each at most once, never the answer again.
  expect(result.alternatives.length).toBeLessThanOrEqual(3);
  const ids = result.alternatives.map((a) => a.passageId);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).not.toContain(result.passage.id);
  for (const alternative of result.alternatives) {
    expect(alternative.quote).not.toBe(result.quote);
    expect(alternative.quote.length).toBeLessThanOrEqual(600);
    expect(engine.passage(alternative.passageId)?.text).toContain(alternative.quote);
  }
}

function answerOf(question: string, options?: AskOptions): Answer {
  const result = engine.answer(question, options);
  expect(result.answered, `"${question}" should be answered`).toBe(true);
  const answer = result as Answer;
  checkQuote(answer);
  return answer;
}

/** The question is answered with a quote holding one of the phrases (and, if given, by that speaker). */
function expectAnswer(question: string, phrases: string[], speaker?: string): Answer {
  const answer = answerOf(question);
  const quote = fold(answer.quote);
  expect(
    phrases.some((phrase) => quote.includes(fold(phrase))),
    `"${question}" got paragraph ${answer.paragraph}: ${answer.quote}`,
  ).toBe(true);
  // The phrases are the article's words: a typo in a test would otherwise pass as an engine miss.
  for (const phrase of phrases) expect(fold(seedText)).toContain(fold(phrase));
  if (speaker) expect(answer.speaker).toBe(speaker);
  return answer;
}

function expectAbstention(result: AnswerResult, options?: AskOptions): void {
  expect(result.answered, `"${result.question}" should not be answered`).toBe(false);
  if (result.answered) return;
  expect(result.reason).toBe('not-found');
  expect(result.suggestions.length).toBeGreaterThanOrEqual(1);
  expect(result.suggestions.length).toBeLessThanOrEqual(3);
  const starters = engine.starterQuestions(options?.articleId);
  for (const suggestion of result.suggestions) expect(starters).toContain(suggestion);
}

/** A near miss: the article is on the topic but does not say this. Abstaining or a low confidence is honest. */
function expectHedged(result: AnswerResult): void {
  if (result.answered) expect(result.confidence, `"${result.question}" answered ${result.quote}`).toBe('low');
  else expect(result.reason).toBe('not-found');
}

type Case = [question: string, phrases: string[], speaker?: string];

const TEN_MINUTES = ['10 minutes'];

const ANSWERABLE: Record<string, Case[]> = {
  paraphrase: [
    ['How many minutes did the encounter last?', TEN_MINUTES],
    [
      'What did Blinken press Moscow to do about the arms treaty?',
      ['urged his Russian counterpart', 'urged Russia to return to implementing'],
    ],
    ['What does the New START treaty restrict?', ['limits the number of long-range nuclear warheads']],
    ['What would happen to the nuclear arsenals without arms control?', ['could double in size']],
    [
      'How did the Russian foreign ministry respond?',
      ['could not have taken place', 'denied the top diplomats'],
    ],
    ['What is Putin’s position on peace talks?', ['zero interest']],
    ['Is the U.S. still ready to talk about arms control?', ['always be ready to engage on arms control']],
    ['What happens if New START collapses?', ['no limits on U.S. and Russian nuclear forces']],
    ['What did Kirby think of the meeting?', ['It was an opportunity']],
  ],
  typo: [
    ['blinkn lavrov meting', ['surprise encounter', 'urged his Russian counterpart']],
    ['what did zakarova say', ['could not have taken place']],
    ['how long did the meeting lst', TEN_MINUTES],
    ['wen did they last speak', ['last summer']],
    ['hwo long was the discusion', TEN_MINUTES],
    ['waht did blinken tell lavrov', ['End this war of aggression', 'he told Lavrov']],
    ['wher is whelan held', ['labor camp in Russia']],
  ],
  lowercase: [
    ['who is maria zakharova', ['spokeswoman Maria Zakharova']],
    ['when did blinken and lavrov last speak', ['last summer']],
    ['what did zakharova say about the meeting', ['could not have taken place']],
    ['how long has paul whelan been locked up', ['16-year sentence', 'imprisoned since 2018']],
  ],
  'keyword-only': [
    ['whelan labor camp', ['labor camp in Russia']],
    ['griner prisoner swap', ['prisoner swap in December']],
    ['nuclear arsenals double', ['could double in size']],
    ['putin peace plan', ['zero interest', 'put forward a peace plan']],
    ['start treaty warheads', ['long-range nuclear warheads']],
    ['nuclear launch risk', ['risks of a nuclear launch']],
  ],
  who: [
    ['Who is Kirby?', ['White House spokesman John Kirby']],
    ['Who speaks for the Russian foreign ministry?', ['spokeswoman Maria Zakharova']],
    ['Who is the Russian foreign minister?', ['Foreign Minister Sergey Lavrov']],
    ['Who was the WNBA star?', ['WNBA star Brittney Griner']],
    ['Who was released in December?', ['Griner was released']],
    // The role word after a name the article gives says what kind of answer is wanted, not what about.
    ['whats lavrovs job', ['Russian Foreign Minister Sergey Lavrov']],
  ],
  when: [
    ['When was Griner freed?', ['prisoner swap in December']],
    ['When did the invasion of Ukraine start?', ['more than a year ago']],
    ['When was the last time the two men had contact?', ['last summer']],
    ['When did Blinken and Lavrov previously speak?', ['last summer']],
  ],
  where: [
    ['Where was the news conference?', ['Group of 20 summit in India']],
    ['Where is Paul Whelan imprisoned?', ['labor camp in Russia']],
    ['In which country was the summit held?', ['summit in India']],
  ],
  'how-long': [
    ['How long did Blinken and Lavrov meet for?', TEN_MINUTES],
    ['how long did their conversation last', TEN_MINUTES],
    ['How long was the conversation between Blinken and Lavrov?', TEN_MINUTES],
    ['How long is Paul Whelan’s prison term?', ['16-year sentence']],
  ],
  'who-said': [
    ['Who claimed the meeting never happened?', ['could not have taken place'], 'Maria Zakharova'],
    ['Who said "End this war of aggression"?', ['End this war of aggression'], 'Antony Blinken'],
    ['Who said it was an opportunity Blinken took advantage of?', ['It was an opportunity'], 'John Kirby'],
    ['Who described the meeting as an opportunity?', ['It was an opportunity'], 'John Kirby'],
    [
      'who said nuclear arsenals could double in size',
      ['could double in size'],
      'the Federation of American Scientists',
    ],
    ['Who said Putin showed zero interest?', ['zero interest'], 'Antony Blinken'],
  ],
};

describe('AnswerEngine on the seed article: questions it answers', () => {
  for (const [kind, cases] of Object.entries(ANSWERABLE)) {
    describe(kind, () => {
      it.each(cases)('%s', (question, phrases, speaker) => {
        expectAnswer(question, phrases, speaker);
      });
    });
  }

  // Clear paraphrases a person would expect answered, which the engine misses (kept as known failures).
  it.fails('How long did the two top diplomats talk? (answers paragraph 2, not the 10 minutes)', () => {
    expectAnswer('How long did the two top diplomats talk?', TEN_MINUTES);
  });

  it.fails('For how many minutes did the two diplomats speak? (abstains)', () => {
    expectAnswer('For how many minutes did the two diplomats speak?', TEN_MINUTES);
  });

  it('What crime was Whelan found guilty of? ("convicted of espionage": WordNet links the two)', () => {
    expectAnswer('What crime was Whelan found guilty of?', ['convicted of espionage']);
  });

  // The developers' guide's own example. "talk" reaches "discussion" only as a broader WordNet word,
  // and the on-topic model reads one everyday word matched that loosely as chat.
  it.fails('how long did they talk? (abstains: as "duration of the talk")', () => {
    expectAnswer('how long did they talk?', TEN_MINUTES);
  });

  it.fails('duration of the talk (abstains: one word, matched only through WordNet)', () => {
    expectAnswer('duration of the talk', TEN_MINUTES);
  });

  it.fails('Since when has Paul Whelan been jailed? (answers paragraph 10, his trial in 2020)', () => {
    expectAnswer('Since when has Paul Whelan been jailed?', ['imprisoned since 2018']);
  });

  it.fails('Where did the talks take place? (answers paragraph 1, not the summit in India)', () => {
    expectAnswer('Where did the talks take place?', ['Group of 20 summit in India']);
  });
});

describe('AnswerEngine: speakers of the quotes', () => {
  it('Kirby’s words are attributed to Kirby, not to Blinken named inside them', () => {
    const answer = expectAnswer(
      'What did Kirby think of the meeting?',
      ['It was an opportunity'],
      'John Kirby',
    );
    expect(answer.quote).toContain('Secretary Blinken');
  });

  it('Blinken’s quote is Blinken’s', () => {
    expectAnswer(
      'What did Blinken tell the foreign minister?',
      ['End this war of aggression'],
      'Antony Blinken',
    );
  });

  it('Zakharova’s statement is Zakharova’s', () => {
    expectAnswer(
      'What did the foreign ministry spokeswoman claim?',
      ['could not have taken place'],
      'Maria Zakharova',
    );
  });

  it('answers carry the section heading they stand under', () => {
    const answer = expectAnswer('nuclear launch risk', ['risks of a nuclear launch']);
    expect(answer.section).toBe('Why is a meeting between the U.S. and Russia important?');
    expect(answer.article).toMatchObject({
      id: SEED_ARTICLE_ID,
      title: seed.meta.title,
      published: '2023-03-02',
    });
  });
});

describe('AnswerEngine: questions the article does not answer', () => {
  const OFF_TOPIC = [
    'How do I reset my router password?',
    'How tall is Mount Everest?',
    'What is the price of bitcoin?',
    'Where is the Eiffel Tower?',
    'qwertyuiop zxcvbnm',
    'How long is the Nile river?',
    'Who is the president of Argentina?',
    'What is the GDP of India?',
  ];

  it.each(OFF_TOPIC)('%s → abstains with 1–3 suggestions', (question) => {
    expectAbstention(engine.answer(question));
  });

  // Sharing the article's words or people, but asking what it does not say: abstained, or answered
  // privately with a low confidence ("the article may not say this").
  const NEAR_MISSES = [
    'What did Lavrov eat for breakfast?',
    'What is Paul Whelan’s favourite colour?',
    'What time does the summit in Paris start tomorrow?',
    'Who is the prime minister of Canada?',
  ];

  it.each(NEAR_MISSES)('%s → abstains or answers with low confidence', (question) => {
    expectHedged(engine.answer(question));
  });

  it('When will the war in Syria end? (a war, but not this one)', () => {
    expectHedged(engine.answer('When will the war in Syria end?'));
  });

  // Was a known miss (answered medium) while any two capitalised words counted as a person: the
  // passage index now reads the people the article names, and the seed names no dentist.
  it('Who founded the Federation of Canadian Dentists? (a federation, but not this one)', () => {
    expectHedged(engine.answer('Who founded the Federation of Canadian Dentists?'));
  });

  it.fails('When did the Cold War end? (answered with paragraph 1)', () => {
    expectAbstention(engine.answer('When did the Cold War end?'));
  });

  it('nothing searchable asked: abstains as "empty", still with suggestions', () => {
    for (const question of ['', '   ', 'what is the', '?!', '@everyone']) {
      const result = engine.answer(question);
      expect(result.answered).toBe(false);
      if (result.answered) continue;
      expect(result.reason).toBe('empty');
      expect(result.question).toBe(question);
      expect(result.suggestions.length).toBeGreaterThanOrEqual(1);
      expect(result.suggestions.length).toBeLessThanOrEqual(3);
    }
  });

  // "favourite" reaches "favored" in WordNet, and so her "in favor of": the passage matches the topic
  // (Zakharova) and a word, but not what was asked (food). Either reply is honest: not found, with her
  // paragraph suggested, or her paragraph at low confidence ("The article may not say this").
  it('Zakharova’s favourite food is not in the article: her paragraph is offered, never with confidence', () => {
    for (const question of ['What is Zakharova’s favourite food?', 'what is zakharova’s favorite food']) {
      const result = engine.answer(question);
      if (result.answered) {
        expect(result.confidence, question).toBe('low');
        expect(result.quote).toMatch(/Zakharova/);
      } else expect(result.suggestions[0], question).toMatch(/Zakharova/);
    }
  });
});

describe('AnswerEngine: quotes and alternatives', () => {
  const QUESTIONS = Object.values(ANSWERABLE)
    .flat()
    .map(([q]) => q);

  it('every answer quotes at most 600 characters of the article, alternatives never repeating it', () => {
    let answered = 0;
    for (const question of QUESTIONS) {
      const result = engine.answer(question);
      if (!result.answered) continue;
      answered++;
      checkQuote(result);
      expect(result.question).toBe(question);
      for (const word of result.highlights) expect(result.quote).toContain(word);
    }
    expect(answered).toBeGreaterThan(QUESTIONS.length / 2);
  });

  it('answers the same way every time', () => {
    const first = engine.answer('How long did Blinken and Lavrov meet for?');
    const second = engine.answer('How long did Blinken and Lavrov meet for?');
    expect(second).toEqual(first);
  });

  it('"were" is not a slip of "where"; "whos" is "who’s"', () => {
    const were = engine.analyse('why were blinken and lavrov on the phone last summer');
    expect(were.question).toContain('why were');
    expect(were.facts.allKinds).not.toContain('place');
    const whos = engine.analyse('whos paul whelan');
    expect(whos.facts.allKinds).toContain('person');
    expect(whos.facts.identityTerms.length).toBeGreaterThan(0);
    // A slip of a question word is still put right.
    expect(engine.analyse('wher is whelan held').facts.allKinds).toContain('place');
  });

  it('a closed-class word ("off", "despite") is matched as written, never through WordNet', () => {
    const { words } = engine.analyse('were talks broken off despite the war').facts;
    // WordNet's "off" is also an adjective whose synonym is "away", which the article uses.
    expect(words.find((w) => w.word === 'off')?.alternatives.every((a) => a.kind === 'exact')).toBe(true);
    // An open-class word still reaches the article's words through WordNet ("talks" → "spoke", "discussion").
    expect(words.find((w) => w.word === 'talks')?.alternatives.some((a) => a.kind !== 'exact')).toBe(true);
  });

  it('a particle completing a verb’s entry ("shut down") is asked with it, not on its own', async () => {
    const dir = await corpusDir({
      'plant.md':
        '---\ntitle: Plant to close\npublished: 2025-03-02\n---\nThe company will shut the plant by September.\n\nShe sat down by the creek and cried.\n',
    });
    const plant = AnswerEngine.build(await loadCorpus(dir));
    const words = plant.analyse('when does the plant shut down').facts.words.map((w) => w.word);
    expect(words).toContain('shut');
    expect(words).not.toContain('down');
    expect(plant.answer('when does the plant shut down')).toMatchObject({
      quote: expect.stringContaining('shut the plant'),
    });
  });

  it('"who <verb of communication>" asks who said it, the verb told by WordNet, not a list', () => {
    const whoSaid = (q: string) => engine.analyse(q).facts.whoSaid;
    // None of these verbs is written anywhere in the engine: WordNet files most of their senses under
    // verb.communication. Auxiliaries and adverbs may stand between "who" and the verb.
    for (const q of [
      'Who demanded that Moscow pursue talks?',
      'who blamed the position of the us',
      'Who is demanding a prisoner swap?',
      'Who publicly expressed doubts about the treaty?',
      'Who has threatened to walk away from New START?',
      // The subject asked by its kind.
      'Which official insisted the meeting never happened?',
      'which news agency said zakharova spoke',
      'What group warned the arsenals could double?',
    ])
      expect(whoSaid(q), q).toBe(true);
    // A verb mostly of something else, a noun after a determiner, a passive, or "what did X say"
    // (which asks for the words) is not.
    for (const q of [
      'Who met Lavrov in Bali?',
      'who visited the summit',
      'Who is the report about?',
      'who was sentenced',
      'Which two nations are described as nuclear powers?',
      'what did kirby say',
      'what was said about whelan',
    ])
      expect(whoSaid(q), q).toBe(false);
  });

  it('in "who said Blinken …" the name is what was said: no passage is favoured for being Blinken\'s words', () => {
    expect([...engine.analyse('what did blinken say about whelan').facts.namedSpeakers]).toEqual([
      'Antony Blinken',
    ]);
    expect(engine.analyse('who said blinken took advantage of the moment').facts.namedSpeakers.size).toBe(0);
  });
  it('a word written as a name is read so whatever was asked before ("Releaced" after "releaced")', () => {
    // Typo repair keeps to the corpus's names for a capitalised word: the word memo must not hand it
    // the lowercase word's repair, or answers would depend on what the bot was asked earlier.
    const alternativesOf = (e: AnswerEngine, q: string) =>
      e.analyse(q).facts.words.map((w) => w.alternatives);
    for (const [lower, capitalised] of [
      ['How was Brittney Griner releaced from Russia?', 'How was Brittney Griner Releaced from Russia?'],
      [
        'Which scientific group warned the arsenals could dubble?',
        'Which scientific group warned the arsenals could Dubble?',
      ],
    ] as const) {
      const fresh = AnswerEngine.build(engine.corpus);
      const afterLower = AnswerEngine.build(engine.corpus);
      afterLower.analyse(lower);
      expect(alternativesOf(afterLower, capitalised)).toEqual(alternativesOf(fresh, capitalised));
    }
  });

  it('a quote from a passage over 600 characters is whole sentences holding the asked words', async () => {
    const sentences = Array.from(
      { length: 10 },
      (_, i) =>
        `In the ${['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'][i]} hour the committee ${i === 7 ? 'approved the lighthouse restoration budget' : 'reviewed routine paperwork about harbour fees'} and then adjourned for a while.`,
    );
    const dir = await corpusDir({
      'long.md': `---\ntitle: A long paragraph\npublished: 2024-01-01\n---\n${sentences.join(' ')}\n`,
    });
    const longEngine = AnswerEngine.build(await loadCorpus(dir));
    const result = longEngine.answer('lighthouse restoration budget');
    expect(result.answered).toBe(true);
    if (!result.answered) return;
    expect(result.passage.text.length).toBeGreaterThan(600);
    expect(result.quote.length).toBeLessThanOrEqual(600);
    expect(result.passage.text).toContain(result.quote);
    expect(result.quote).toContain(sentences[7]);
    expect(result.quote.startsWith('In the ')).toBe(true);
    expect(result.quote.endsWith('for a while.')).toBe(true);
  });
});

describe('AnswerEngine: confidence', () => {
  it('the score is the right-passage model read on the best passage’s own evidence as well as its lead', () => {
    for (const question of [
      'How long did Blinken and Lavrov talk?',
      'who is paul whelan',
      'nucleer tready',
    ]) {
      const result = engine.answer(question);
      const { facts, ranked } = engine.analyse(question);
      const best = ranked[0];
      expect(result.answered && best, question).toBeTruthy();
      if (!result.answered || !best) continue;
      const signals = confidenceFeatures(facts, ranked, (pid) => engine.corpus.passages[pid]?.articleId);
      const withEvidence = rightProbability(RIGHT, signals, best.features);
      const noEvidence = Object.fromEntries(Object.keys(best.features).map((k) => [k, 0]));
      expect(result.score, question).toBeCloseTo(withEvidence, 2);
      // The evidence moves the probability: how the passage matched is read, not only how far it leads.
      expect(
        Math.abs(withEvidence - rightProbability(RIGHT, signals, noEvidence as typeof best.features)),
      ).toBeGreaterThan(0.01);
    }
  });
});

describe('AnswerEngine: the kind of answer asked for', () => {
  it('dates and times as news writes them hold a "when": "Oct. 8", "9:47 p.m.", "noon"', () => {
    for (const text of [
      'Early voting begins Oct. 8 at the office.',
      'It was seen at 9:47 p.m. by many.',
      'Open from noon.',
    ])
      expect([...passageFeatures(text)]).toContain('time');
    expect([...passageFeatures('The office is open to anyone.')]).not.toContain('time');
    // Counts under ten are spelled out: "how many" is answered by "three potential buyers".
    expect([...passageFeatures('It was approached by three potential buyers.')]).toContain('quantity');
    // …but "a two-year restoration" says how long, not how many.
    expect([...passageFeatures('It reopened after a two-year restoration.')]).not.toContain('quantity');
  });

  it('a noun for the kind ("temperature", "final score") asks for it and stays a word of the question', () => {
    expect(questionKinds('spring water temperature')).toContain('temperature');
    expect(questionKinds('what was the final score')).toContain('score');
    for (const q of ['spring water temperature', 'what was the final score']) {
      const words = engine.analyse(q).facts.words.map((w) => w.word);
      expect(words).toEqual(
        expect.arrayContaining(q.includes('score') ? ['final', 'score'] : ['temperature']),
      );
    }
  });

  let court: AnswerEngine;
  beforeAll(async () => {
    const dir = await corpusDir({
      'treasurer.md':
        '---\ntitle: Former treasurer sentenced\npublished: 2024-04-02\n---\nSPRINGFIELD — Circuit Judge Harriet Boone sentenced Ellen Marsh, 58, to eight years in prison on Tuesday for stealing $1.2 million from the village of Oak Hollow.\n\nMarsh’s attorney, Robert Feeney, had asked for probation, citing her clean record.\n\nMayor Deborah Quintanilla, 61, said the village would recover.\n',
    });
    court = AnswerEngine.build(await loadCorpus(dir));
  });
  const topFeatures = (q: string) => court.analyse(q).ranked[0]?.features;

  it('an age answers "how old is X" only when it is X’s ("Marsh, 58," is not Judge Boone’s)', () => {
    expect(topFeatures('how old is ellen marsh')).toMatchObject({ kindHere: 1, kindMissing: 0 });
    expect(topFeatures('how old is judge harriet boone')).toMatchObject({ kindHere: 0, kindMissing: 1 });
    // A title names no one the age must stand beside: "Mayor Deborah Quintanilla, 61," is the mayor's.
    expect(topFeatures('how old is the mayor')).toMatchObject({ kindHere: 1, kindMissing: 0 });
  });

  it('a passage without the kind asked is answered low, its score below the cut-off for medium', () => {
    const boone = court.answer('how old is judge harriet boone');
    expect(boone.answered && [boone.confidence, boone.score < RIGHT.low]).toEqual(['low', true]);
    const marsh = court.answer('how old is ellen marsh');
    expect(marsh.answered && marsh.quote).toContain('Ellen Marsh, 58');
    expect(marsh.answered && marsh.confidence).not.toBe('low');
  });
});

describe('AnswerEngine: one article of several', () => {
  let two: AnswerEngine;

  beforeAll(async () => {
    two = AnswerEngine.build(await loadCorpus(await twoArticleCorpus()));
  });

  it('loads both articles', () => {
    expect(two.corpus.articles.map((a) => a.id).sort()).toEqual([OTTERS.id, SEED_ARTICLE_ID].sort());
  });

  it('answers from the article that holds the answer', () => {
    const otters = two.answer('How many otters were counted near the pier?');
    expect(otters.answered).toBe(true);
    if (otters.answered) {
      expect(otters.article).toMatchObject({
        id: OTTERS.id,
        title: OTTERS.title,
        published: OTTERS.published,
        outlet: OTTERS.outlet,
        url: OTTERS.url,
      });
      expect(otters.quote).toContain('seven otters');
    }
    const meeting = two.answer('How long did Blinken and Lavrov meet for?');
    expect(meeting.answered && meeting.article.id).toBe(SEED_ARTICLE_ID);
  });

  it('`articleId` restricts answers and alternatives to that article', () => {
    for (const question of [
      'How long did Blinken and Lavrov meet for?',
      'Where is Paul Whelan imprisoned?',
      'When were the otters first seen?',
      'harbour',
    ]) {
      for (const articleId of [OTTERS.id, SEED_ARTICLE_ID]) {
        const result = two.answer(question, { articleId });
        if (!result.answered) continue;
        expect(result.article.id).toBe(articleId);
        expect(result.passage.articleId).toBe(articleId);
        for (const a of result.alternatives) expect(a.article.id).toBe(articleId);
      }
    }
    expect(two.answer('How long did Blinken and Lavrov meet for?', { articleId: OTTERS.id }).answered).toBe(
      false,
    );
    const otters = two.answer('When were the otters first seen?', { articleId: OTTERS.id });
    expect(otters.answered && otters.quote).toContain('first seen in March');
    expect(
      two.answer('How many otters were counted near the pier?', { articleId: SEED_ARTICLE_ID }).answered,
    ).toBe(false);
  });

  it('"tldr", "give me the gist": the lead paragraph; of several articles the newest, the others next', () => {
    const tldr = two.answer('tldr');
    expect(tldr.answered).toBe(true);
    if (!tldr.answered) return;
    expect([tldr.article.id, tldr.paragraph, tldr.confidence]).toEqual([OTTERS.id, 1, 'medium']);
    expect(tldr.alternatives.map((a) => [a.article.id, a.paragraph])).toEqual([[SEED_ARTICLE_ID, 1]]);
    // Asked of one article, its lead is its summary.
    const seedGist = two.answer('give me the gist', { articleId: SEED_ARTICLE_ID });
    expect(seedGist.answered && [seedGist.article.id, seedGist.paragraph, seedGist.confidence]).toEqual([
      SEED_ARTICLE_ID,
      1,
      'high',
    ]);
    // The words left over name the article: its lead, not the passage that matched them best.
    for (const [question, article] of [
      ["what's the otters story about", OTTERS.id],
      ['tl;dr of the blinken lavrov article', SEED_ARTICLE_ID],
    ] as const) {
      const result = two.answer(question);
      expect(result.answered && [result.article.id, result.paragraph]).toEqual([article, 1]);
      if (result.answered)
        expect(result.alternatives.map((a) => a.passageId)).not.toContain(result.passage.id);
    }
    // "What happened with X" asks about X, not for the lead.
    const treaty = two.answer('what happened with the new start treaty');
    expect(treaty.answered && treaty.article.id).toBe(SEED_ARTICLE_ID);
    expect(treaty.answered && treaty.paragraph).not.toBe(1);
    // "the article about …" inside another question does not ask for a summary.
    const inside = two.answer('In the article about the talks, since when has Whelan been imprisoned?');
    expect(inside.answered && inside.quote).toContain('since 2018');
  });

  it('a question about the story with no word to search: the lead, or the passage under a heading asking its kind', () => {
    // "what happened?": the story, as "tldr" asks it; of two articles the newest, asked of one its lead.
    const happened = two.answer('what happened?');
    expect(happened.answered && [happened.article.id, happened.paragraph, happened.confidence]).toEqual([
      OTTERS.id,
      1,
      'medium',
    ]);
    const ofSeed = two.answer('What happened?', { articleId: SEED_ARTICLE_ID });
    expect(ofSeed.answered && [ofSeed.paragraph, ofSeed.confidence]).toEqual([1, 'high']);
    for (const question of ["what's this about?", 'whats the story', "what's going on"]) {
      const story = two.answer(question, { articleId: SEED_ARTICLE_ID });
      expect(story.answered && story.paragraph).toBe(1);
    }
    // With a subject, the story of that subject: Whelan's passage, not the lead.
    const whelan = two.answer("what's the story with whelan", { articleId: SEED_ARTICLE_ID });
    expect(whelan.answered && whelan.quote).toContain('Whelan');
    expect(whelan.answered && whelan.paragraph).not.toBe(1);
    // "why does this matter?": the seed's own "Why is … important?" section answers it; the otters
    // article has no such heading, so asked of it the bot says it has nothing to search for.
    for (const question of ['why does this matter?', 'Why is it important?']) {
      const why = two.answer(question);
      expect(why.answered).toBe(true);
      if (!why.answered) continue;
      expect([why.article.id, why.section, why.confidence]).toEqual([
        SEED_ARTICLE_ID,
        'Why is a meeting between the U.S. and Russia important?',
        'medium',
      ]);
      expect(why.quote).toContain('leading the world in keeping up its support for Ukraine');
      expect(why.alternatives).toEqual([]);
    }
    const notOtters = two.answer('why does this matter?', { articleId: OTTERS.id });
    expect(!notOtters.answered && notOtters.reason).toBe('empty');
    // One word alone is a reaction ("why?"), not a question about the story.
    const alone = two.answer('why?');
    expect(!alone.answered && alone.reason).toBe('empty');
  });

  // Restricted to the seed, "otters" is a word the article never uses, though the corpus does.
  it('`articleId` of an article that does not answer: abstains', () => {
    const result = two.answer('When were the otters first seen?', { articleId: SEED_ARTICLE_ID });
    expect(result.answered).toBe(false);
  });

  it('`articleId` restricts suggestions and starter questions to that article', () => {
    const starters = two.starterQuestions(OTTERS.id);
    expect(starters.length).toBeGreaterThan(0);
    expect(starters.join(' ')).not.toMatch(/Blinken|Lavrov|Zakharova|Whelan/);
    expect(two.autocomplete('', { articleId: OTTERS.id })).toEqual(starters.slice(0, 25));
    const result = two.answer('Who won the Super Bowl?', { articleId: OTTERS.id });
    expect(result.answered).toBe(false);
    if (!result.answered) for (const s of result.suggestions) expect(starters).toContain(s);
  });

  it('offers starter questions from both articles when no article is chosen', () => {
    const starters = two.starterQuestions();
    expect(starters.some((q) => two.starterQuestions(OTTERS.id).includes(q))).toBe(true);
    expect(starters.some((q) => two.starterQuestions(SEED_ARTICLE_ID).includes(q))).toBe(true);
  });

  it('an unknown article id answers nothing and does not throw', () => {
    const result = two.answer('How long did Blinken and Lavrov meet for?', { articleId: 'no-such-article' });
    expect(result.answered).toBe(false);
    expect(() => two.autocomplete('otters', { articleId: 'no-such-article' })).not.toThrow();
  });
});

describe('AnswerEngine.autocomplete', () => {
  const limits = (choices: string[]) => {
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(new Set(choices).size).toBe(choices.length);
    for (const choice of choices) {
      expect(choice.length).toBeGreaterThanOrEqual(1);
      expect(choice.length).toBeLessThanOrEqual(100);
    }
  };

  it('offers starter questions for empty input', () => {
    for (const input of ['', '   ', '\u200b']) {
      const choices = engine.autocomplete(input);
      limits(choices);
      expect(choices.length).toBeGreaterThan(0);
      expect(choices).toEqual(engine.starterQuestions().slice(0, 25));
      for (const choice of choices) expect(choice.endsWith('?')).toBe(true);
    }
  });

  it('starter questions name what the article is about', () => {
    const starters = engine.starterQuestions().join(' ');
    expect(starters).toMatch(/Zakharova/);
    expect(starters).toMatch(/Whelan/);
    expect(starters).toContain('What did Blinken and Lavrov discuss?');
  });

  it('puts starter questions that begin with what was typed first', () => {
    const choices = engine.autocomplete('Who');
    limits(choices);
    const starting = engine.starterQuestions().filter((q) => q.toLowerCase().startsWith('who'));
    expect(starting.length).toBeGreaterThan(0);
    expect(choices.slice(0, starting.length)).toEqual(starting);
  });

  it('completes from the article’s words', () => {
    const choices = engine.autocomplete('zakharova');
    limits(choices);
    expect(choices.some((c) => c.includes('Zakharova'))).toBe(true);
    const nuclear = engine.autocomplete('nuclear arsenals');
    limits(nuclear);
    expect(nuclear.some((c) => /arsenals/.test(c))).toBe(true);
  });

  it('honours the limits for any input', () => {
    for (const input of [
      'a',
      'the',
      'blinken',
      'x'.repeat(300),
      'nuclear '.repeat(100),
      '😀',
      '?',
      'Ukraine war',
    ]) {
      limits(engine.autocomplete(input));
    }
  });
});

describe('npm run ask -- --json', () => {
  const ask = (args: string[], input?: string) => {
    const child = run(TSX, ['src/cli/ask.ts', ...args], { cwd: PROJECT_ROOT, timeout: 15_000 });
    if (input !== undefined) {
      child.child.stdin?.end(input);
    }
    return child;
  };

  it('prints one JSON object with the answer, its place and the article', async () => {
    const question = 'How long did Blinken and Lavrov meet for?';
    const { stdout } = await ask(['--json', question]);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0] as string);
    expect(Object.keys(json).sort()).toEqual(
      [
        'alternatives',
        'answered',
        'article',
        'confidence',
        'paragraph',
        'question',
        'quote',
        'score',
        'section',
        'speaker',
        'speakerRole',
        'speakers',
      ].sort(),
    );
    const expected = engine.answer(question) as Answer;
    expect(json).toMatchObject({
      question,
      answered: true,
      quote: expected.quote,
      paragraph: expected.paragraph,
      section: expected.section ?? null,
      speaker: 'John Kirby',
      speakerRole: 'White House spokesman',
      score: expected.score,
      confidence: expected.confidence,
      article: { title: seed.meta.title, published: '2023-03-02', outlet: null, url: null },
    });
    expect(json.quote).toContain('10 minutes');
    expect(seedText).toContain(json.quote);
    expect(Array.isArray(json.alternatives)).toBe(true);
    expect(json.alternatives).toHaveLength(expected.alternatives.length);
    for (const alternative of json.alternatives) {
      expect(alternative).toMatchObject({
        quote: expect.any(String),
        paragraph: expect.any(Number),
        score: expect.any(Number),
      });
      expect(alternative).toHaveProperty('speaker');
      expect(alternative).toHaveProperty('article');
      expect(alternative.quote).not.toBe(json.quote);
    }
  });

  it('reads questions from stdin: one JSON line out per line in, in order', async () => {
    const questions = [
      'How long did Blinken and Lavrov meet for?',
      'How do I reset my router password?',
      'who is maria zakharova',
      '',
    ];
    const { stdout } = await ask(['--json'], `${questions.join('\n')}\n`);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(questions.length);
    const results = lines.map((line) => JSON.parse(line));
    expect(results.map((r) => r.question)).toEqual(questions);
    expect(results.map((r) => r.answered)).toEqual([true, false, true, false]);
    const offTopic = results[1];
    expect(Object.keys(offTopic).sort()).toEqual(['answered', 'question', 'reason', 'suggestions']);
    expect(offTopic.reason).toBe('not-found');
    expect(offTopic.suggestions.length).toBeGreaterThanOrEqual(1);
    expect(offTopic.suggestions.length).toBeLessThanOrEqual(3);
    expect(results[2].speaker).toBe('Maria Zakharova');
    expect(results[3].reason).toBe('empty');
  });
});
