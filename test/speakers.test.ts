import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/loadCorpus';
import { findSpeakers, type PassageSpeakers, peopleNamed } from '../src/corpus/speakers';
import { splitPassages } from '../src/corpus/splitPassages';
import type { Passage } from '../src/corpus/types';
import { CORPUS_DIR } from './support/engineFixtures';

let passages: Passage[];

beforeAll(async () => {
  passages = (await loadCorpus(CORPUS_DIR)).passages;
});

/** The one seed passage that starts with (or, failing that, holds) these words. */
function passage(words: string): Passage {
  const found =
    passages.filter((p) => p.text.startsWith(words)).length === 1
      ? passages.filter((p) => p.text.startsWith(words))
      : passages.filter((p) => p.text.includes(words));
  expect(found, `one passage holding "${words}"`).toHaveLength(1);
  return found[0] as Passage;
}

/** Name and role of the main speaker of each text, read as the passages of one article. */
const who = (...texts: string[]) =>
  findSpeakers(texts).map((s) => (s ? [s.name, s.role ?? null] : undefined));
/** Name and role of each attributed sentence of the last text. */
const bySentence = (...texts: string[]) => {
  const last = findSpeakers(texts).pop() as PassageSpeakers | undefined;
  const text = texts[texts.length - 1] as string;
  return (last?.sentences ?? []).map((s) => [text.slice(s.start, s.end), s.name, s.role ?? null]);
};

describe('speakers of the seed passages', () => {
  it('paragraph 2 ("End this war of aggression…") is Antony Blinken speaking, as U.S. Secretary of State', () => {
    const p = passage('“I told the foreign minister');
    expect(p.paragraph).toBe(2);
    expect([p.speaker, p.speakerRole, p.speakerVia]).toEqual([
      'Antony Blinken',
      'U.S. Secretary of State',
      'speech',
    ]);
  });

  it('the surprise-encounter paragraph cites John Kirby, White House spokesman, in its second sentence only', () => {
    const p = passage('The surprise encounter');
    expect([p.speaker, p.speakerRole, p.speakerVia]).toEqual([
      'John Kirby',
      'White House spokesman',
      'citation',
    ]);
    expect(p.sentenceSpeakers?.map((s) => p.text.slice(s.start, s.end))).toEqual([
      'The discussion lasted 10 minutes, according to White House spokesman John Kirby.',
    ]);
  });

  it('"…,” he said." after it is John Kirby speaking, not Blinken named inside the quote', () => {
    const p = passage('“It was an opportunity that Secretary Blinken took advantage of,” he said.');
    expect([p.speaker, p.speakerRole, p.speakerVia]).toEqual([
      'John Kirby',
      'White House spokesman',
      'speech',
    ]);
  });

  it('the statement about the meeting that "could not have taken place" is Maria Zakharova’s', () => {
    const p = passage('could not have taken place');
    expect(p.speaker).toBe('Maria Zakharova');
    expect(p.speakerRole).toBe('Russian Foreign Ministry spokeswoman');
  });

  it('the arsenals paragraph cites the Federation of American Scientists, an organisation with no role', () => {
    const p = passage('could double in size');
    expect([p.speaker, p.speakerRole, p.speakerVia]).toEqual([
      'the Federation of American Scientists',
      undefined,
      'citation',
    ]);
  });

  it('"Blinken and Lavrov last had direct contact…" has no speaker', () => {
    const p = passage('Blinken and Lavrov last had direct contact');
    expect(p.speaker).toBeUndefined();
    expect(p.sentenceSpeakers).toBeUndefined();
  });

  it('expands surnames to the full name the article uses, with the role it gave first', () => {
    expect(passage('Nuclear arms treaty:').speaker).toBe('Antony Blinken');
    expect(passage('Blinken said he told Lavrov').speakerRole).toBe('U.S. Secretary of State');
  });

  it('names the people the article mentions more than once', () => {
    const people = peopleNamed(passages.map((p) => p.text));
    expect(people).toEqual(expect.arrayContaining(['Antony Blinken', 'Sergey Lavrov', 'Paul Whelan']));
    expect(people).not.toContain('Vladimir Putin');
  });
});

describe('the forms news prose uses', () => {
  it('"X said", with a title before the name kept apart as the role', () => {
    expect(who('Jane Doe said the plan would fail.')).toEqual([['Jane Doe', null]]);
    expect(who('Senator Jane Roe said the vote was close.')).toEqual([['Jane Roe', 'senator']]);
    expect(who('Acme CEO John Doe said the deal was done.')).toEqual([['John Doe', 'Acme CEO']]);
    expect(who('State Sen. Marisol Vega said she would call a hearing.')).toEqual([
      ['Marisol Vega', 'state senator'],
    ]);
    expect(who('Fire Chief Dale Brenner of the Linden Falls Fire District said crews were tired.')).toEqual([
      ['Dale Brenner', 'fire chief of the Linden Falls Fire District'],
    ]);
    // A title of words the article writes in lower case elsewhere is a common title, lower case after
    // the name; one with a word it only capitalises ("House") keeps its capitals.
    expect(
      who('Town Manager Kevin Asante said staff would start in May. The town has 40 staff and a manager.'),
    ).toEqual([['Kevin Asante', 'town manager']]);
    expect(who('House Speaker Jane Roe said the vote would be close.')).toEqual([
      ['Jane Roe', 'House Speaker'],
    ]);
    // A title in the plural names a list: each on it is one of them.
    expect(
      who(
        'The no votes came from board members Marisol Quintavalle and Dexter Hollingbrook. Quintavalle said it was rushed.',
      ),
    ).toEqual([['Marisol Quintavalle', 'board member']]);
  });

  it('"said X" after the words it attributes, with the appositive as the role', () => {
    expect(who('The plan will fail, said Jane Doe.')).toEqual([['Jane Doe', null]]);
    expect(who('“The plan will fail,” said Dr. Aaron Feld, the state epidemiologist.')).toEqual([
      ['Aaron Feld', 'state epidemiologist'],
    ]);
    expect(who('The plan, said Jane Doe, will fail.')).toEqual([['Jane Doe', null]]);
  });

  it('"X, a …, said": the appositive is the role, without the article, the age or the relative clause', () => {
    expect(
      who(
        'Linda Cho, a professor of public administration at Sangamon Valley College, said towns are exposed.',
      ),
    ).toEqual([['Linda Cho', 'professor of public administration at Sangamon Valley College']]);
    expect(
      who(
        '“This was not a victimless crime,” said Maureen Tate, 71, a retired teacher who has lived there for 40 years.',
      ),
    ).toEqual([['Maureen Tate', 'retired teacher']]);
    expect(who('Marsh’s attorney, Robert Feeney, had asked for probation.')).toEqual([
      ['Robert Feeney', 'Marsh’s attorney'],
    ]);
  });

  it('"according to X" is a citation; a document speaks for whoever made it', () => {
    const [found] = findSpeakers(['Prices rose, according to government spokesman Bob Roe.']);
    expect([found?.name, found?.role, found?.via]).toEqual(['Bob Roe', 'government spokesman', 'citation']);
    expect(who('The talks lasted an hour, according to the Acme Institute.')).toEqual([
      ['the Acme Institute', null],
    ]);
    expect(
      who(
        'It lived in 11 rivers, according to records kept by the Carver Natural History Museum in Cincinnati.',
      ),
    ).toEqual([['the Carver Natural History Museum', null]]);
    expect(who('Traffic will be detoured, according to a traffic study the city commissioned.')).toEqual([
      undefined,
    ]);
  });

  it('"X told reporters" and "X said in a statement"', () => {
    expect(who('Jane Doe arrived.', '“It went well,” Doe told reporters after the meeting.')).toEqual([
      undefined,
      ['Jane Doe', null],
    ]);
    expect(
      who('The Penwick County Health Department said in a statement that it had traced 400 contacts.'),
    ).toEqual([['the Penwick County Health Department', null]]);
    expect(who('Norway’s foreign ministry denied the report.')).toEqual([
      ['Norway’s foreign ministry', null],
    ]);
  });

  it('a quote whose speaker is named in the sentence after it', () => {
    expect(
      who(
        '“We had to tell our firefighters to wait.” The words were those of Village President Carl Whitaker.',
      ),
    ).toEqual([['Carl Whitaker', 'Village President']]);
    expect(
      who('“We gave them the game.” Riverside coach Renata Silva did not hide her frustration.'),
    ).toEqual([['Renata Silva', 'Riverside coach']]);
    expect(
      who(
        '“Five years sounds nice.” Darnell Price, president of Machinists Local 1487, said the union would push.',
      ),
    ).toEqual([['Darnell Price', 'president of Machinists Local 1487']]);
  });

  it('a quote that goes on after its attribution keeps its speaker', () => {
    expect(bySentence('“We failed,” Acme CEO Priya Raman said. “Every person will hear from us.”')).toEqual([
      ['“We failed,” Acme CEO Priya Raman said.', 'Priya Raman', 'Acme CEO'],
      ['“Every person will hear from us.”', 'Priya Raman', 'Acme CEO'],
    ]);
  });

  it('after "Prosecutors said", the verbs of what was said are not new speakers; a named person outranks a group', () => {
    expect(
      who(
        'Prosecutors said Marsh wrote herself 312 checks. She spent it on horses, according to Assistant State’s Attorney David Kim.',
      ),
    ).toEqual([['David Kim', 'Assistant State’s Attorney']]);
    expect(who('Prosecutors said Marsh wrote herself 312 checks.')).toEqual([['prosecutors', null]]);
  });

  it('no speech verb or citation: no speaker; a name inside a quote is never the speaker', () => {
    expect(who('The sky is blue.', 'Jane Doe and Bob Roe last spoke in May.')).toEqual([
      undefined,
      undefined,
    ]);
    expect(who('“Jane Doe said nothing,” the report read.')).toEqual([undefined]);
  });

  it('datelines and missing spaces after a full stop do not hide the speaker', () => {
    expect(
      bySentence(
        'AUSTIN, Texas — Paylinx, an Austin-based payroll software company, said Wednesday that hackers got in.The company is sorry, it said.',
      ),
    ).toEqual([
      [
        'AUSTIN, Texas — Paylinx, an Austin-based payroll software company, said Wednesday that hackers got in.',
        'Paylinx',
        null,
      ],
      ['The company is sorry, it said.', 'Paylinx', null],
    ]);
  });

  it('a name first met in the possessive ("Nico Albescu’s 3-pointer") is the full name of a later surname', () => {
    expect(
      who(
        'CARROWGATE, Ind. — Nico Albescu’s 3-pointer gave Halloran Prep a 61-59 win on Saturday.',
        '“Coach drew it up for me,” Albescu said.',
      ),
    ).toEqual([undefined, ['Nico Albescu', null]]);
  });

  it('a dateline of two words in capitals is where the story was filed, not who "the company" is', () => {
    expect(
      who(
        'MARLOW CREEK, Ohio — Veyrand Appliance Co. will close its plant and lay off 340 workers, the company said Monday.',
        'The plant opened in 1964. Veyrand will keep about 45 people, the company said in a notice.',
      ),
    ).toEqual([
      ['Veyrand Appliance Co.', null],
      ['Veyrand Appliance Co.', null],
    ]);
  });
});

describe('pronouns', () => {
  it('"he said" is the man named last, in the passage or the one before; names inside quotes do not count', () => {
    expect(who('Jane Doe met Bob Roe on Monday.', '“It went well,” he said.')[1]).toEqual(['Bob Roe', null]);
    expect(who('Bob Roe met Jane Doe on Monday.', '“It went well,” he said.')[1]).toEqual(['Bob Roe', null]);
    expect(who('Bob Roe arrived on Monday.', '“Tell Jane Doe I said hello,” he said.')[1]).toEqual([
      'Bob Roe',
      null,
    ]);
  });

  it('"she said" skips the man named nearer and resolves to the woman', () => {
    expect(
      who(
        'Rachel Okafor, a pediatric nurse, said the infant caught it where her father, Daniel Greer, had taken her.',
        '“The babies are the ones who pay,” she said.',
      )[1],
    ).toEqual(['Rachel Okafor', 'pediatric nurse']);
    expect(
      who(
        'Jorge Medina said his crew, led by his sister Rosa, starts at dawn.',
        '“The heat wins,” he said.',
      )[1],
    ).toEqual(['Jorge Medina', null]);
  });

  it('the gender the article shows counts when the lexicon does not know the name', () => {
    // "Nkechi" is in no first-name list; "Her team" says who she is, so "he" is Ellis.
    expect(
      who(
        'Dr. Nkechi Obi spotted the orchid. Her team counted nine plants. State botanist Mark Ellis said it was rare.',
        'Ellis stood beside Obi at the site. “This one is the oldest,” he said.',
      )[1],
    ).toEqual(['Mark Ellis', 'state botanist']);
  });

  it('"they" is the group or organisation named before; "it" the organisation', () => {
    expect(who('Dock workers gathered outside city hall. “We just want an answer,” they said.')).toEqual([
      ['dock workers', null],
    ]);
    expect(
      who('Ridership fell, according to the state transportation department. It said fares would double.'),
    ).toEqual([['the state transportation department', null]]);
  });

  it('never a place, an organisation or a heading', () => {
    expect(who('Bob Roe flew to Austin, Texas.', '“It went well,” he said.')[1]).toEqual(['Bob Roe', null]);
    expect(who('Acme Corp. fired Bob Roe.', '“It was unfair,” he said.')[1]).toEqual(['Bob Roe', null]);
    // The heading names a person, but headings are context, never speakers.
    const split = splitPassages('## Ana Ruiz on the budget\n\n“It is fair,” she said.\n');
    expect(split[0]?.section).toBe('Ana Ruiz on the budget');
    expect(split[0]?.speaker).toBeUndefined();
    expect(who('“It went well,” he said.')).toEqual([undefined]);
  });
});

describe('sentence by sentence', () => {
  it('the reporter’s sentences have no speaker; the quoted sentence has its speaker', () => {
    expect(
      bySentence('The council voted 5-2 on Tuesday. “It was rushed,” said Ana Ruiz, a council member.'),
    ).toEqual([['“It was rushed,” said Ana Ruiz, a council member.', 'Ana Ruiz', 'council member']]);
  });

  it('two speakers in one passage each keep their own sentences; the first named person is the passage’s', () => {
    const [found] = findSpeakers([
      'Council member Tom Price said the ferry was too costly. Mayor Ana Ruiz said she would try again.',
    ]);
    expect(found?.name).toBe('Tom Price');
    expect(found?.sentences.map((s) => [s.name, s.role])).toEqual([
      ['Tom Price', 'council member'],
      ['Ana Ruiz', 'mayor'],
    ]);
  });
});
