/** Who the answer names: the speaker of the sentences it bolds or quotes, never of the reporter's. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attributionFor, quotedSpeakers } from '../src/corpus/attribution';
import { loadCorpus } from '../src/corpus/loadCorpus';
import { splitPassages } from '../src/corpus/splitPassages';
import type { Passage } from '../src/corpus/types';
import { AnswerEngine } from '../src/search/engine';
import { CORPUS_DIR, corpusDir, removeCorpusDirs } from './support/engineFixtures';

const MIXED =
  'The council voted 5-2 on Tuesday after a long debate. “It was rushed,” said Ana Ruiz, a council member. Mayor Tom Price said the vote was fair.';
const passage = { ...(splitPassages(MIXED)[0] as Omit<Passage, 'id' | 'articleId'>), id: 0, articleId: 'a' };
/** Like the seed's paragraph 3: the reporter's sentence, then one cited ("according to"), no quotation marks. */
const CITED =
  'The council voted 5-2 on Tuesday after a long debate. The debate lasted four hours, according to Ana Ruiz, a council member.';
const cited = { ...(splitPassages(CITED)[0] as Omit<Passage, 'id' | 'articleId'>), id: 1, articleId: 'a' };

describe('attributionFor', () => {
  it('names the speaker of the bold sentence, with the role apart', () => {
    expect(attributionFor(passage, MIXED, ['rushed'])).toEqual({
      speaker: 'Ana Ruiz',
      speakerRole: 'council member',
    });
    expect(attributionFor(passage, MIXED, ['fair'])).toEqual({ speaker: 'Tom Price', speakerRole: 'mayor' });
  });

  it('with only the reporter’s sentence bold, names whoever the quote lets speak in quotation marks', () => {
    // The check of issue 10 asks a quoted passage's opening words: "The council voted…" is the reporter's.
    expect(attributionFor(passage, MIXED, ['debate'])).toEqual({
      speaker: 'Ana Ruiz',
      speakerRole: 'council member',
    });
    // Shown alone, the reporter's sentence has no speaker.
    expect(attributionFor(passage, 'The council voted 5-2 on Tuesday after a long debate.', ['debate'])).toBe(
      undefined,
    );
  });

  it('names nobody when only the reporter’s sentence is bold and the rest only cites a source', () => {
    expect(attributionFor(cited, CITED, ['voted'])).toBeUndefined();
    expect(attributionFor(cited, CITED, ['lasted'])?.speaker).toBe('Ana Ruiz');
  });

  it('names the speaker of the one sentence holding most bold words, over one with more bold sentences', () => {
    const TWO =
      'Board member Priya Castellanos argued that the district never studied alternatives. “We were handed one option,” she said. Board member Doug Hanlon said the district should have asked voters to approve a repair bond.';
    const two = { ...(splitPassages(TWO)[0] as Omit<Passage, 'id' | 'articleId'>), id: 2, articleId: 'a' };
    // "who said the district should have put a bond on the ballot": Castellanos has two bold sentences
    // (district; option), Hanlon one that holds three of the words asked.
    expect(attributionFor(two, TWO, ['district', 'option', 'voters', 'bond'])?.speaker).toBe('Doug Hanlon');
    expect(attributionFor(two, TWO, ['district', 'option'])?.speaker).toBe('Priya Castellanos');
  });

  it('the question’s own words before their synonyms: the clause that says what was asked, not what means it', () => {
    const CLAUSES =
      'No new talks have been scheduled. “We’re ready to sit down tomorrow,” Renata Kowalczyk said Monday evening, but spokesperson Erin Sato said the company would not return to the table “until the union is prepared to discuss realistic numbers.”';
    const clauses = {
      ...(splitPassages(CLAUSES)[0] as Omit<Passage, 'id' | 'articleId'>),
      id: 3,
      articleId: 'a',
    };
    const bold = ['talks', 'ready', 'prepared', 'discuss'];
    // "we're ready": "ready" is asked, "prepared" and "discuss" are only its relatives (and of "talks").
    expect(attributionFor(clauses, CLAUSES, bold, ['talks', 'ready'])?.speaker).toBe('Renata Kowalczyk');
    // Without telling them apart, two loose words outweigh the one asked.
    expect(attributionFor(clauses, CLAUSES, bold)?.speaker).toBe('Erin Sato');
  });

  it('a speaker’s own name in the question says whom it is about, not who said it', () => {
    // "who said marsh has been waiting for his chance": "waiting" is Whitlock's sentence; "marsh" is bold
    // only where Marsh is named as the speaker, and Marsh speaks first (the passage's speaker on a tie).
    const NAMED =
      'Theo Marsh sounded ready: “I’m not trying to be Marcus. I just have to run the offense,” he said. “He’s been waiting for this,” Dana Whitlock said.';
    const named = {
      ...(splitPassages(NAMED)[0] as Omit<Passage, 'id' | 'articleId'>),
      id: 4,
      articleId: 'a',
    };
    expect(attributionFor(named, NAMED, ['Marsh', 'waiting'])?.speaker).toBe('Dana Whitlock');
    // "what did Marsh say about the offense": his name and his words are in his own sentence.
    expect(attributionFor(named, NAMED, ['Marsh', 'offense'])?.speaker).toBe('Theo Marsh');
  });

  it('with bold in a reporter’s sentence and a speaker’s, names the speaker', () => {
    expect(attributionFor(passage, MIXED, ['council', 'rushed'])).toEqual({
      speaker: 'Ana Ruiz',
      speakerRole: 'council member',
    });
  });

  it('with nothing bold, names the speaker of the quoted sentences (the passage’s own on a tie)', () => {
    expect(attributionFor(passage, '“It was rushed,” said Ana Ruiz, a council member.')?.speaker).toBe(
      'Ana Ruiz',
    );
    expect(attributionFor(passage, MIXED)?.speaker).toBe('Ana Ruiz');
  });

  it('matches whole words only: "rush" is not bold in "rushed"', () => {
    expect(attributionFor(passage, MIXED, ['rush'])?.speaker).toBe('Ana Ruiz'); // falls back to all quoted sentences
    expect(attributionFor(cited, CITED, ['Tuesday'])).toBeUndefined();
  });
});

describe('quotedSpeakers', () => {
  it('lists each person the quote lets speak, with their sentences', () => {
    expect(quotedSpeakers(passage, MIXED)).toEqual([
      {
        speaker: 'Ana Ruiz',
        role: 'council member',
        sentences: ['“It was rushed,” said Ana Ruiz, a council member.'],
      },
      { speaker: 'Tom Price', role: 'mayor', sentences: ['Mayor Tom Price said the vote was fair.'] },
    ]);
    expect(quotedSpeakers(passage, 'The council voted 5-2 on Tuesday after a long debate.')).toEqual([]);
  });
});

describe('the engine names the speaker of what it quotes (seed paragraph 3)', () => {
  let engine: AnswerEngine;
  beforeAll(async () => {
    engine = AnswerEngine.build(await loadCorpus(CORPUS_DIR));
  });

  it('"How long did the meeting last?" is John Kirby’s claim', () => {
    const answer = engine.answer('How long did the meeting last?');
    expect(answer.answered && [answer.paragraph, answer.speaker, answer.speakerRole]).toEqual([
      3,
      'John Kirby',
      'White House spokesman',
    ]);
  });

  it('a question about its first sentence, the reporter’s, names nobody', () => {
    const answer = engine.answer('Had Blinken and Lavrov met since the invasion of Ukraine?');
    expect(answer.answered && answer.paragraph).toBe(3);
    expect(answer.answered && answer.speaker).toBeUndefined();
  });

  it('alternatives carry their speaker and role too', () => {
    const answer = engine.answer('What did Blinken say about the nuclear treaty?');
    const roles = answer.answered
      ? [answer, ...answer.alternatives].filter((a) => a.speaker === 'Antony Blinken')
      : [];
    expect(roles.length).toBeGreaterThan(0);
    for (const a of roles) expect(a.speakerRole).toBe('U.S. Secretary of State');
  });
});

describe('the answer and the passages offered next name the same speaker for the same words', () => {
  afterAll(removeCorpusDirs);

  it('"who said they were ready to talk": Kowalczyk, in the answer and among the candidates', async () => {
    const dir = await corpusDir({
      'strike.md':
        '---\ntitle: Cereal plant workers strike\npublished: 2025-03-03\n---\nAbout 640 workers walked off the job Monday.\n\nNo new talks have been scheduled. “We’re ready to sit down tomorrow,” Renata Kowalczyk said Monday evening, but spokesperson Erin Sato said the company would not return to the table “until the union is prepared to discuss realistic numbers.”\n',
    });
    const engine = AnswerEngine.build(await loadCorpus(dir));
    // "talk" reaches Sato's "discuss", "ready" her "prepared": only "ready" is the question's own word.
    const question = 'who said they were ready to talk';
    const answer = engine.answer(question);
    expect(answer.answered && answer.speaker).toBe('Renata Kowalczyk');
    expect(engine.candidates(question)[0]?.speaker).toBe('Renata Kowalczyk');
  });
});
