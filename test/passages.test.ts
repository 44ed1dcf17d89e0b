import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/loadCorpus';
import { splitSentences } from '../src/corpus/sentences';
import { splitPassages } from '../src/corpus/splitPassages';
import type { Article, Passage } from '../src/corpus/types';
import { foldWhitespace } from '../src/corpus/whitespace';
import { chooseQuote, MAX_QUOTE_LENGTH } from '../src/search/quote';
import { contentTerms, termOf } from '../src/search/text';
import { CORPUS_DIR } from './support/engineFixtures';

/** The seed as shared with the team (outside the repository: the check is skipped where it is absent). */
const SEED_FILE = new URL('../../shared/seed-article.txt', import.meta.url);
const HEADINGS = [
  'What did Blinken and Lavrov discuss?',
  'Why is a meeting between the U.S. and Russia important?',
];
const LINKED_HEADLINE = 'Ukraine’s top military spy:Russia will be out of ‘military tools’ by spring';

let article: Article;
let passages: Passage[];

beforeAll(async () => {
  const corpus = await loadCorpus(CORPUS_DIR);
  article = corpus.articles[0] as Article;
  passages = corpus.passages;
});

/** The body's lines with text, white space folded: in the seed every paragraph and bullet is one line. */
function bodyLines(body: string): string[] {
  return body
    .split('\n')
    .map(foldWhitespace)
    .filter((line) => line !== '');
}

describe('splitPassages on the seed article', () => {
  it('makes every paragraph and bullet one passage, numbered from 1 with bullets counted and headings not', () => {
    const expected = bodyLines(article.body)
      .filter((line) => !HEADINGS.includes(line) && line !== LINKED_HEADLINE)
      .map((line) => line.replace(/^•\s*/u, ''));
    expect(expected.length).toBeGreaterThan(10);
    expect(passages.map((p) => p.text)).toEqual(expected);
    expect(passages.map((p) => p.paragraph)).toEqual(expected.map((_, i) => i + 1));
  });

  it('counts the three bullets as passages of their own', () => {
    const bullets = bodyLines(article.body).filter((line) => line.startsWith('•'));
    expect(bullets).toHaveLength(3);
    for (const bullet of bullets) {
      const text = bullet.replace(/^•\s*/u, '');
      expect(passages.filter((p) => p.text === text)).toHaveLength(1);
    }
  });

  it('turns the two headings into the section of the passages under them, not into passages', () => {
    for (const heading of HEADINGS) {
      expect(passages.some((p) => p.text.includes(heading))).toBe(false);
    }
    const lines = bodyLines(article.body);
    let section: string | undefined;
    const expectedSections: Array<string | undefined> = [];
    for (const line of lines) {
      if (HEADINGS.includes(line)) section = line;
      else if (line !== LINKED_HEADLINE) expectedSections.push(section);
    }
    expect(passages.map((p) => p.section)).toEqual(expectedSections);
    // Both sections are used, and the opening paragraphs stand under none.
    expect(passages[0]?.section).toBeUndefined();
    for (const heading of HEADINGS) expect(passages.some((p) => p.section === heading)).toBe(true);
    const whelan = passages.find((p) => p.text.includes('16-year sentence'));
    expect(whelan?.section).toBe(HEADINGS[0]);
    const arsenals = passages.find((p) => p.text.includes('could double in size'));
    expect(arsenals?.section).toBe(HEADINGS[1]);
  });

  it('leaves the linked headline of another story out of every passage and section', () => {
    expect(article.body).toContain(LINKED_HEADLINE);
    for (const p of passages) {
      expect(p.text).not.toContain('spy:Russia');
      expect(p.text).not.toContain('military tools');
      expect(p.section ?? '').not.toContain('spy:Russia');
    }
    // The Zakharova paragraph right after it is still there, with no section invented from the headline.
    const zakharova = passages.find((p) => p.text.includes('Zakharova'));
    expect(zakharova?.section).toBeUndefined();
  });

  it('removes the bullet markers', () => {
    for (const p of passages) expect(p.text).not.toMatch(/^\s*•|•/u);
    expect(passages.some((p) => p.text.startsWith('Ukraine war:'))).toBe(true);
    expect(passages.some((p) => p.text.startsWith('Nuclear arms treaty:'))).toBe(true);
    expect(passages.some((p) => p.text.startsWith('Paul Whelan:'))).toBe(true);
  });

  it('folds non-breaking spaces and runs of white space', () => {
    expect(article.body).toContain('\u00a0');
    for (const p of passages) {
      expect(p.text).not.toMatch(/[\u00a0\t\n\r]/u);
      expect(p.text).not.toContain('  ');
      expect(p.text).toBe(p.text.trim());
    }
    expect(passages.some((p) => p.text.includes('implementing a nuclear arms treaty'))).toBe(true);
  });

  it('keeps every passage the article’s own words: a substring of the folded body', () => {
    const body = foldWhitespace(article.body);
    for (const p of passages) expect(body).toContain(p.text);
  });

  it('keeps typos, curly quotes and the ellipsis verbatim', () => {
    const all = passages.map((p) => p.text).join('\n');
    expect(all).toContain('was theirfirst since');
    expect(all).toContain('“I told the foreign minister … `End this war of aggression.');
    expect(all).toContain('…');
    expect(all).toContain('’');
    expect(all).toContain('“could not have taken place”');
    expect(all).not.toContain('their first since');
  });

  it.skipIf(!existsSync(SEED_FILE))(
    'gives the same passages for the shared seed text (its title line and the linked headline excluded)',
    async () => {
      const seed = await readFile(SEED_FILE, 'utf8');
      const fromSeed = splitPassages(seed, [article.meta.title, LINKED_HEADLINE]);
      expect(fromSeed.map(({ paragraph, section, text }) => ({ paragraph, section, text }))).toEqual(
        passages.map(({ paragraph, section, text }) => ({ paragraph, section, text })),
      );
    },
  );

  it('marks passages holding quoted words', () => {
    const kirby = passages.find((p) => p.text.startsWith('“It was an opportunity'));
    expect(kirby?.hasQuote).toBe(true);
    const denial = passages.find((p) => p.text.startsWith('Russia’s foreign ministry denied'));
    expect(denial?.hasQuote).toBe(false);
  });
});

describe('splitPassages on Markdown and other shapes', () => {
  it('makes `#` heading lines sections', () => {
    const split = splitPassages(
      '## Background\n\nThe first paragraph says something.\n\n### What comes next ###\n\nThe second paragraph says more.\n\n- a bullet item\n- another bullet item\n',
    );
    expect(split.map(({ paragraph, section, text }) => ({ paragraph, section, text }))).toEqual([
      { paragraph: 1, section: 'Background', text: 'The first paragraph says something.' },
      { paragraph: 2, section: 'What comes next', text: 'The second paragraph says more.' },
      { paragraph: 3, section: 'What comes next', text: 'a bullet item' },
      { paragraph: 4, section: 'What comes next', text: 'another bullet item' },
    ]);
  });

  it('joins the lines of one paragraph and an indented continuation of a bullet', () => {
    const split = splitPassages(
      'First line of a paragraph\nthat goes on here.\n\n• A bullet that wraps\n  onto a second line.\n• A second bullet.\n',
    );
    expect(split.map((p) => p.text)).toEqual([
      'First line of a paragraph that goes on here.',
      'A bullet that wraps onto a second line.',
      'A second bullet.',
    ]);
  });

  it('handles Windows line endings and a blank line holding a non-breaking space', () => {
    const split = splitPassages('One paragraph here.\r\n\u00a0\r\nAnother paragraph here.\r\n');
    expect(split.map((p) => p.text)).toEqual(['One paragraph here.', 'Another paragraph here.']);
  });

  it('drops excluded lines whatever their white space', () => {
    const split = splitPassages('Keep this paragraph.\n\nDrop\u00a0this  line\n\nKeep this one too.\n', [
      'Drop this line',
    ]);
    expect(split.map((p) => p.text)).toEqual(['Keep this paragraph.', 'Keep this one too.']);
  });
});

describe('splitSentences', () => {
  it('keeps "U.S." inside its sentence', () => {
    expect(splitSentences('Whelan, a former U.S. Marine, has been imprisoned since 2018.')).toEqual([
      'Whelan, a former U.S. Marine, has been imprisoned since 2018.',
    ]);
  });

  it('keeps "Mr." inside its sentence but splits after a real full stop', () => {
    expect(splitSentences('Mr. Smith went home. He slept.')).toEqual(['Mr. Smith went home.', 'He slept.']);
  });

  it('ends a sentence at a full stop with no space after it ("said.The", "Nov. 12.She", "1970s.The")', () => {
    expect(
      splitSentences('Officials said.Two of them left on Nov. 12.She stayed. It was the 1970s.The end.'),
    ).toEqual([
      'Officials said.',
      'Two of them left on Nov. 12.',
      'She stayed.',
      'It was the 1970s.',
      'The end.',
    ]);
  });

  it('keeps datelines, state abbreviations and "No." inside their sentence, but not "no."', () => {
    expect(
      splitSentences('SALEM, Ore. (AP) — It hit 109 degrees. Room No. 5 was hot. He said no. Then he left.'),
    ).toEqual([
      'SALEM, Ore. (AP) — It hit 109 degrees.',
      'Room No. 5 was hot.',
      'He said no.',
      'Then he left.',
    ]);
    expect(splitSentences('She moved to Springfield, Ill. Last year she left.')).toHaveLength(1);
    expect(splitSentences('She felt ill. Last year she left.')).toHaveLength(2);
  });

  it('ends a sentence after a closing quote', () => {
    expect(splitSentences('“It is over.” She left.')).toEqual(['“It is over.”', 'She left.']);
    expect(splitSentences('He shouted "Go home!" Then he left.')).toEqual([
      'He shouted "Go home!"',
      'Then he left.',
    ]);
  });

  it('splits the seed’s Whelan paragraph into its three sentences', () => {
    const paragraph = passages.find((p) => p.text.includes('Whelan, a former U.S. Marine')) as Passage;
    const sentences = splitSentences(paragraph.text);
    expect(sentences).toHaveLength(3);
    expect(sentences[2]).toBe('Whelan, a former U.S. Marine, has been imprisoned since 2018.');
    expect(sentences.join(' ')).toBe(paragraph.text);
  });

  it('splits the seed’s quoted sentences after the closing quotes', () => {
    const treaty = passages.find((p) => p.text.includes('Mutual compliance')) as Passage;
    const sentences = splitSentences(treaty.text);
    expect(sentences).toContain(
      '“Mutual compliance is in the interest of both our countries,” Blinken told reporters.',
    );
    expect(sentences[sentences.length - 1]).toBe(
      '“It’s also what people around the world expect from us as nuclear powers.”',
    );
  });

  it('splits on question and exclamation marks and the ellipsis', () => {
    expect(splitSentences('Is it over? Yes! Done… Next one.')).toEqual([
      'Is it over?',
      'Yes!',
      'Done…',
      'Next one.',
    ]);
  });
});

describe('chooseQuote', () => {
  const sentence = (n: number, topic: string) =>
    `Sentence number ${n} talks about ${topic} and then keeps going with plain filler words until it is long.`;

  it('quotes a short passage whole', () => {
    const text = 'A short passage about otters.';
    expect(chooseQuote(text, new Set([termOf('otters')]))).toBe(text);
  });

  it('answers a passage over 600 characters with whole sentences that hold the matched terms', () => {
    for (const at of [0, 4, 9]) {
      const sentences = Array.from({ length: 10 }, (_, i) => sentence(i, i === at ? 'zebras' : 'nothing'));
      const text = sentences.join(' ');
      expect(text.length).toBeGreaterThan(MAX_QUOTE_LENGTH);
      const quote = chooseQuote(text, new Set([termOf('zebras')]));
      expect(quote.length).toBeLessThanOrEqual(MAX_QUOTE_LENGTH);
      expect(text).toContain(quote);
      expect(quote).toContain(sentences[at]);
      // Whole sentences: it starts at a sentence's start and ends at a sentence's end.
      const chosen = splitSentences(quote);
      for (const s of chosen) expect(sentences).toContain(s);
      expect(contentTerms(quote)).toContain(termOf('zebras'));
    }
  });

  it('prefers the run of sentences holding the most matched terms', () => {
    const sentences = Array.from({ length: 12 }, (_, i) =>
      sentence(i, i === 2 ? 'zebras' : i === 9 || i === 10 ? 'zebras and giraffes' : 'nothing'),
    );
    const text = sentences.join(' ');
    const quote = chooseQuote(text, new Set([termOf('zebras'), termOf('giraffes')]));
    expect(quote.length).toBeLessThanOrEqual(MAX_QUOTE_LENGTH);
    expect(text).toContain(quote);
    expect(quote).toContain(sentences[9]);
    expect(quote).toContain(sentences[10]);
  });

  it('cuts a single 900-character sentence at a word boundary, at most 600 characters, still its own words', () => {
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`);
    let text = '';
    for (const w of words) if (text.length < 890) text += `${text ? ' ' : ''}${w}`;
    text += '.';
    expect(text.length).toBeGreaterThanOrEqual(890);
    expect(splitSentences(text)).toHaveLength(1);
    const quote = chooseQuote(text, new Set([termOf('word5')]));
    expect(quote.length).toBeLessThanOrEqual(MAX_QUOTE_LENGTH);
    expect(quote.length).toBeGreaterThan(MAX_QUOTE_LENGTH - 20);
    expect(text.startsWith(quote)).toBe(true);
    // Cut between words: the next character in the passage is the space after a whole word.
    expect(text[quote.length]).toBe(' ');
    expect(quote).not.toMatch(/\s$/u);
  });

  it('keeps every quote of the seed passages a substring within the limit', () => {
    for (const p of passages) {
      const quote = chooseQuote(p.text, new Set(contentTerms(p.text)));
      expect(quote.length).toBeLessThanOrEqual(MAX_QUOTE_LENGTH);
      expect(p.text).toContain(quote);
    }
  });
});
