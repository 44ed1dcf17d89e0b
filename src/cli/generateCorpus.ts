/**
 * `npm run corpus:generate -- OUT_DIR [--articles 1000] [--paragraphs 20] [--seed 42] [--questions 200]
 * [--questions-out FILE] [--no-include-seed]`: a deterministic synthetic news corpus for benchmarks, with
 * questions about it (written to OUT_DIR/../questions.jsonl unless told otherwise).
 *
 * The prose is English-shaped on purpose, so that what the engine looks at is there: common real news
 * words take the frequent ranks and generated pseudo-words the long tail (word frequencies follow Zipf's
 * law, and each article repeats its own topic words, so idf behaves as in real news); people are quoted
 * ("X said", "according to Y", “…,” he said), places ("in Velmora"), dates, durations ("lasted 15
 * minutes", "since 2019"), a few bullet lists and section headings.
 */
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { eng as englishStopwords } from 'stopword';
import { DEFAULT_CORPUS_DIR } from '../config';
import { fold } from '../corpus/fold';
import { plural } from '../reply/plural';
import {
  ADJECTIVE_SUFFIXES,
  CITY_SUFFIXES,
  CODAS,
  FEMALE_NAMES,
  MALE_NAMES,
  MONTHS,
  NOUN_SUFFIXES,
  OFF_TOPIC_QUESTIONS,
  ONSETS,
  OUTLETS,
  REAL_ADJECTIVES,
  REAL_NOUNS,
  REAL_VERBS,
  ROLES,
  SMALL_NUMBERS,
  SURNAME_SUFFIXES,
  VERB_SUFFIXES,
  VOWELS,
  WEEKDAYS,
} from './benchVocabulary';
import type { EvalQuestion } from './evalScoring';

export interface GenerateOptions {
  /** Generated articles (the seed article, when copied in, comes on top). Default 1000. */
  articles?: number;
  /** Passages per generated article: paragraphs and bullets (headings do not count). Default 20. */
  paragraphs?: number;
  seed?: number;
  /** Answerable questions to derive from the text (at most one per passage). Default 200. */
  questions?: number;
  /** Off-topic questions (expect null). Default a tenth of `questions`, at least 1. */
  offTopic?: number;
}

export interface GeneratedArticle {
  /** File name, `article-0001.md`. */
  name: string;
  title: string;
  published: string;
  /** The whole Markdown file. */
  source: string;
  /** The passages as the loader will see them (paragraphs and bullets, in order). */
  passages: string[];
}

export interface GeneratedCorpus {
  articles: GeneratedArticle[];
  questions: EvalQuestion[];
}

/** The project's own corpus folder: the seed article(s) copied into generated corpora. */
export const SEED_CORPUS_DIR = DEFAULT_CORPUS_DIR;

/* ----------------------------------------------------------------------------------------------------
 * Randomness: mulberry32, so a seed gives the same corpus on every machine and Node version.
 */

export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
  /** One of the keys, with probability proportional to its weight. */
  weighted<K extends string>(weights: Record<K, number>): K {
    const entries = Object.entries(weights) as Array<[K, number]>;
    let x = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, w] of entries) {
      x -= w;
      if (x < 0) return key;
    }
    return (entries[entries.length - 1] as [K, number])[0];
  }
}

/** Draws items by rank with Zipf–Mandelbrot weights 1 / (rank + offset)^exponent. */
class Zipf {
  private readonly cumulative: Float64Array;
  constructor(
    readonly items: readonly string[],
    exponent = 1,
    offset = 2.7,
  ) {
    this.cumulative = new Float64Array(items.length);
    let total = 0;
    for (let r = 0; r < items.length; r++) {
      total += 1 / (r + 1 + offset) ** exponent;
      this.cumulative[r] = total;
    }
  }
  sample(random: Random): string {
    const x = random.next() * (this.cumulative[this.cumulative.length - 1] ?? 0);
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.cumulative[mid] ?? 0) < x) low = mid + 1;
      else high = mid;
    }
    return this.items[low] as string;
  }
}

/* ----------------------------------------------------------------------------------------------------
 * The lexicon: real news words first (frequent ranks), generated words after (the long tail).
 */

interface Lexicon {
  nouns: Zipf;
  /** Base forms. */
  verbs: Zipf;
  adjectives: Zipf;
  surnames: Zipf;
  cities: Zipf;
}

const cap = (s: string) => (s[0]?.toUpperCase() ?? '') + s.slice(1);
const an = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');

function pastTense(base: string): string {
  if (base.endsWith('e')) return `${base}d`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ied`;
  return `${base}ed`;
}

/** Third person singular, for headlines ("Velmor approves …") and plurals of nouns alike. */
function withS(word: string): string {
  if (/(?:s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

function buildLexicon(random: Random): Lexicon {
  const used = new Set<string>([
    ...REAL_NOUNS,
    ...REAL_VERBS,
    ...REAL_ADJECTIVES,
    ...englishStopwords,
    ...[...FEMALE_NAMES, ...MALE_NAMES].map((n) => n.toLowerCase()),
  ]);
  const stem = (syllables: number) => {
    let s = '';
    for (let i = 0; i < syllables; i++) {
      s += random.pick(ONSETS) + random.pick(VOWELS);
      if (i === syllables - 1 || random.chance(0.35)) s += random.pick(CODAS);
    }
    return s;
  };
  const fresh = (make: () => string) => {
    for (;;) {
      const word = make();
      if (word.length >= 5 && word.length <= 11 && !used.has(word)) {
        used.add(word);
        return word;
      }
    }
  };
  const generated = (count: number, make: () => string) => Array.from({ length: count }, () => fresh(make));
  const syllables = () => (random.chance(0.8) ? 2 : 3);

  const nouns = generated(1800, () => stem(syllables()) + random.pick(NOUN_SUFFIXES));
  const verbs = generated(700, () => stem(2) + random.pick(VERB_SUFFIXES));
  const adjectives = generated(700, () => stem(syllables()) + random.pick(ADJECTIVE_SUFFIXES));
  const surnames = generated(900, () => cap(stem(2) + random.pick(SURNAME_SUFFIXES)));
  const cities = generated(300, () => cap(stem(syllables()) + random.pick(CITY_SUFFIXES)));
  return {
    nouns: new Zipf([...random.shuffle(REAL_NOUNS), ...nouns]),
    verbs: new Zipf([...random.shuffle(REAL_VERBS), ...verbs]),
    adjectives: new Zipf([...random.shuffle(REAL_ADJECTIVES), ...adjectives]),
    surnames: new Zipf(surnames, 0.8),
    cities: new Zipf(cities, 0.9),
  };
}

/* ----------------------------------------------------------------------------------------------------
 * One article's prose.
 */

interface Person {
  first: string;
  last: string;
  role: string;
  pronoun: 'he' | 'she';
}

const UNITS = ['minutes', 'hours', 'days', 'weeks', 'months'];

class ArticleWriter {
  private readonly topicNouns: string[];
  private readonly topicVerbs: string[];
  private readonly topicAdjectives: string[];
  readonly people: Person[];
  private readonly introduced = new Set<Person>();
  private lastPerson: Person | undefined;
  readonly cities: string[];
  readonly organization: string;

  constructor(
    private readonly random: Random,
    private readonly lex: Lexicon,
  ) {
    // Each article has its own topic words (drawn over the whole range, rare ones included): real news
    // repeats its subject's words, which is what makes idf informative.
    const topic = (zipf: Zipf, count: number) =>
      Array.from({ length: count }, () => {
        const last = random.chance(0.6) ? Math.min(800, zipf.items.length - 1) : zipf.items.length - 1;
        return zipf.items[random.int(20, last)] as string;
      });
    this.topicNouns = topic(lex.nouns, 8);
    this.topicVerbs = topic(lex.verbs, 4);
    this.topicAdjectives = topic(lex.adjectives, 4);
    const surnames = new Set<string>();
    while (surnames.size < random.int(3, 5)) surnames.add(lex.surnames.sample(random));
    this.people = [...surnames].map((last) => {
      const female = random.chance(0.5);
      return {
        first: random.pick(female ? FEMALE_NAMES : MALE_NAMES),
        last,
        role: random.pick(ROLES.filter((r) => !(female ? /man$/ : /woman$/).test(r))),
        pronoun: female ? 'she' : 'he',
      };
    });
    this.cities = [lex.cities.sample(random), lex.cities.sample(random)];
    this.organization = `${cap(this.noun())} ${random.pick(['Council', 'Institute', 'Agency', 'Federation', 'Committee', 'Union'])}`;
  }

  noun(): string {
    return this.random.chance(0.2) ? this.random.pick(this.topicNouns) : this.lex.nouns.sample(this.random);
  }
  verb(): string {
    return this.random.chance(0.2) ? this.random.pick(this.topicVerbs) : this.lex.verbs.sample(this.random);
  }
  adjective(): string {
    return this.random.chance(0.2)
      ? this.random.pick(this.topicAdjectives)
      : this.lex.adjectives.sample(this.random);
  }
  city(): string {
    return this.random.chance(0.7) ? this.random.pick(this.cities) : this.lex.cities.sample(this.random);
  }
  private person(): Person {
    return this.random.pick(this.people);
  }
  /** Full name the first time, surname after, as news writes them. */
  private name(p: Person, withRole = false): string {
    this.lastPerson = p;
    if (this.introduced.has(p)) return p.last;
    this.introduced.add(p);
    return withRole ? `${p.role} ${p.first} ${p.last}` : `${p.first} ${p.last}`;
  }
  private number(): string {
    return this.random.chance(0.5) ? String(this.random.int(2, 90)) : this.random.pick(SMALL_NUMBERS);
  }
  private year(): string {
    return String(this.random.int(1998, 2023));
  }

  /** A noun phrase; plural ones only where asked (a plural subject would need other verb forms). */
  nounPhrase(plural = true): string {
    switch (this.random.int(0, 6)) {
      case 0:
      case 1:
        return `the ${this.noun()}`;
      case 2:
        return `the ${this.adjective()} ${this.noun()}`;
      case 3:
        return `the ${this.noun()} of the ${this.noun()}`;
      case 4: {
        const adjective = this.adjective();
        return `${an(adjective)} ${adjective} ${this.noun()}`;
      }
      case 5:
        return plural ? `${this.adjective()} ${withS(this.noun())}` : `the ${this.noun()}`;
      default:
        return `the ${this.noun()} ${this.noun()}`;
    }
  }

  private tail(): string {
    switch (this.random.int(0, 7)) {
      case 0:
      case 1:
        return `in ${this.city()}`;
      case 2:
        return `on ${this.random.pick(WEEKDAYS)}`;
      case 3:
        return `after the ${this.noun()}`;
      case 4:
        return `over the ${this.adjective()} ${this.noun()}`;
      case 5:
        return `during the ${this.noun()}`;
      case 6:
        return `with ${this.nounPhrase()}`;
      default:
        return `before the ${this.noun()}`;
    }
  }

  clause(): string {
    const subject = this.random.chance(0.15) ? `the ${this.organization}` : this.nounPhrase(false);
    let core: string;
    switch (this.random.int(0, 5)) {
      case 0:
        core = `${subject} would ${this.verb()} ${this.nounPhrase()}`;
        break;
      case 1:
        core = `${subject} had ${pastTense(this.verb())} ${this.nounPhrase()}`;
        break;
      case 2:
        core = `${subject} was ${pastTense(this.verb())} by ${this.nounPhrase()}`;
        break;
      case 3:
        core = `${subject} plans to ${this.verb()} ${this.nounPhrase()}`;
        break;
      default:
        core = `${subject} ${pastTense(this.verb())} ${this.nounPhrase()}`;
    }
    if (this.random.chance(0.55)) core += ` ${this.tail()}`;
    return core;
  }

  sentence(): string {
    const p = this.person();
    const kind = this.random.weighted({
      plain: 30,
      saidBefore: 9,
      saidAfter: 7,
      quote: 8,
      according: 7,
      pronoun: this.lastPerson ? 4 : 0,
      duration: 5,
      since: 4,
      date: 5,
      place: 6,
      quantity: 3,
    });
    switch (kind) {
      case 'saidBefore':
        return `${cap(this.name(p, true))} said ${this.clause()}.`;
      case 'saidAfter':
        return `${cap(this.clause())}, ${this.name(p)} said.`;
      case 'quote':
        return this.random.chance(0.5)
          ? `“${cap(this.clause())},” ${this.name(p)} told reporters.`
          : `“${cap(this.clause())},” said ${this.name(p)}.`;
      case 'according':
        return this.random.chance(0.6)
          ? `According to ${this.name(p, true)}, ${this.clause()}.`
          : `${cap(this.clause())}, according to the ${this.organization}.`;
      case 'pronoun':
        return `${cap(this.clause())}, ${this.lastPerson?.pronoun ?? 'he'} said.`;
      case 'duration':
        return this.random.chance(0.5)
          ? `The ${this.noun()} lasted ${this.number()} ${this.random.pick(UNITS)}, ${this.name(p)} said.`
          : `${cap(this.nounPhrase(false))} ${pastTense(this.verb())} ${this.nounPhrase()} for ${this.number()} ${this.random.pick(UNITS)}.`;
      case 'since':
        return `${cap(this.nounPhrase(false))} has ${pastTense(this.verb())} ${this.nounPhrase()} since ${this.year()}.`;
      case 'date':
        return this.random.chance(0.5)
          ? `On ${this.random.pick(WEEKDAYS)}, ${this.clause()}.`
          : `In ${this.random.pick(MONTHS)} ${this.year()}, ${this.clause()}.`;
      case 'place':
        return this.random.chance(0.5)
          ? `${cap(this.clause())} in ${this.city()}.`
          : `${cap(this.name(p))} ${pastTense(this.verb())} ${this.nounPhrase()} at the ${this.noun()} in ${this.city()}.`;
      case 'quantity':
        return `${cap(this.nounPhrase(false))} ${pastTense(this.verb())} ${this.random.int(2, 95)} percent of the ${this.noun()}.`;
      default:
        return `${cap(this.clause())}.`;
    }
  }

  /** Whole sentences adding up to `min`–`max` words (sentences stay well under `max - min` words). */
  paragraph(min: number, max: number): string {
    const target = this.random.int(min, max);
    const sentences: string[] = [];
    let count = 0;
    while (count < target) {
      const s = this.sentence();
      const n = wordCount(s);
      if (count + n <= max) {
        sentences.push(s);
        count += n;
      } else if (count >= min) break;
    }
    return sentences.join(' ');
  }

  bullet(): string {
    return `${cap(this.noun())} ${withS(this.noun())}: ${this.paragraph(14, 38)}`;
  }

  heading(): string {
    switch (this.random.int(0, 3)) {
      case 0:
        return `Why does the ${this.noun()} matter?`;
      case 1:
        return `What comes next for ${this.city()}?`;
      case 2:
        return `## ${cap(this.adjective())} ${withS(this.noun())} in ${this.city()}`;
      default:
        return `## The ${this.noun()} and the ${this.noun()}`;
    }
  }

  title(): string {
    const p = this.person();
    return `${p.last} ${withS(this.verb())} ${this.adjective()} ${this.noun()} in ${this.city()}`;
  }
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/* ----------------------------------------------------------------------------------------------------
 * Articles and questions.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const FIRST_DAY = Date.UTC(2018, 0, 1);

/** Generates the articles and the questions about them, in memory: same options, same output. */
export function generateCorpus(options: GenerateOptions = {}): GeneratedCorpus {
  const articleCount = options.articles ?? 1000;
  const paragraphs = options.paragraphs ?? 20;
  if (!Number.isInteger(articleCount) || articleCount < 1)
    throw new Error('articles must be a whole number ≥ 1');
  if (!Number.isInteger(paragraphs) || paragraphs < 1)
    throw new Error('paragraphs must be a whole number ≥ 1');
  const random = new Random(options.seed ?? 42);
  const lex = buildLexicon(random);
  const width = Math.max(4, String(articleCount).length);
  const titles = new Set<string>();
  const articles: GeneratedArticle[] = [];

  for (let a = 1; a <= articleCount; a++) {
    const writer = new ArticleWriter(random, lex);
    let title = writer.title();
    for (let tries = 0; titles.has(title.toLowerCase()); tries++)
      title = tries < 20 ? writer.title() : `${writer.title()} (${a})`;
    titles.add(title.toLowerCase());
    const published = new Date(FIRST_DAY + random.int(0, 6 * 365) * DAY_MS).toISOString().slice(0, 10);

    // Where the bullet list and headings go (slots are passages; a heading stands before its slot).
    const bulletCount = paragraphs >= 8 && random.chance(0.35) ? random.int(2, 4) : 0;
    const bulletStart = bulletCount ? random.int(3, paragraphs - bulletCount - 1) : -1;
    const headingSlots = new Set<number>();
    if (paragraphs >= 8) {
      const headings = random.chance(0.5) ? random.int(1, 2) : 0;
      for (let h = 0; h < headings; h++) {
        const slot = random.int(4, paragraphs - 3);
        if (slot <= bulletStart || slot >= bulletStart + bulletCount) headingSlots.add(slot);
      }
    }

    const blocks: string[] = [];
    const passages: string[] = [];
    let bullets: string[] = [];
    for (let slot = 0; slot < paragraphs; slot++) {
      if (headingSlots.has(slot)) blocks.push(writer.heading());
      if (slot >= bulletStart && slot < bulletStart + bulletCount) {
        const bullet = writer.bullet();
        bullets.push(`  • ${bullet}`);
        passages.push(bullet);
        if (slot === bulletStart + bulletCount - 1) {
          blocks.push(bullets.join('\n'));
          bullets = [];
        }
        continue;
      }
      const paragraph = writer.paragraph(30, 60);
      blocks.push(paragraph);
      passages.push(paragraph);
    }

    const author = random.pick(writer.people);
    const front = [
      '---',
      `title: ${JSON.stringify(title)}`,
      `published: ${published}`,
      `outlet: ${JSON.stringify(random.pick(OUTLETS))}`,
    ];
    if (random.chance(0.6))
      front.push(`author: ${JSON.stringify(`${random.pick(FEMALE_NAMES)} ${author.last}`)}`);
    if (random.chance(0.5))
      front.push(
        `url: https://news.example.com/${published.slice(0, 4)}/article-${String(a).padStart(width, '0')}`,
      );
    front.push('---');
    articles.push({
      name: `article-${String(a).padStart(width, '0')}.md`,
      title,
      published,
      source: `${front.join('\n')}\n${blocks.join('\n\n')}\n`,
      passages,
    });
  }

  const questions = deriveQuestions(articles, random, options.questions ?? 200);
  const offTopic = options.offTopic ?? Math.max(1, Math.round((options.questions ?? 200) / 10));
  for (let i = 0; i < offTopic; i++)
    questions.push({ q: OFF_TOPIC_QUESTIONS[i % OFF_TOPIC_QUESTIONS.length] as string, expect: null });
  return { articles, questions };
}

const TOKEN = /[\p{L}\p{N}]+(?:[’'][\p{L}]+)?/gu;
/** Words that never make a question's keywords: function words and the prose's own scaffolding. */
const NOT_KEYWORDS = new Set([
  ...englishStopwords,
  ...'said told according would had has was plans percent reporters lasted since during over with'.split(' '),
  ...WEEKDAYS.map((d) => d.toLowerCase()),
  ...MONTHS.map((m) => m.toLowerCase()),
]);

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({
    text: m[0],
    lower: m[0].toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/**
 * Questions as people type them about one passage: 3–5 of its rarer words, sometimes inflected
 * differently or with a one-letter typo, in a light question frame. The expected phrase is a few words
 * around the rarest keyword, checked to occur in no other passage.
 */
function deriveQuestions(articles: GeneratedArticle[], random: Random, wanted: number): EvalQuestion[] {
  const passages = articles.flatMap((a) => a.passages);
  const holders = new Map<string, number[]>();
  passages.forEach((text, pid) => {
    for (const lower of new Set(text.toLowerCase().match(TOKEN))) {
      const known = holders.get(lower);
      if (known) known.push(pid);
      else holders.set(lower, [pid]);
    }
  });
  const df = (word: string) => holders.get(word)?.length ?? 0;
  const folded = new Map<number, string>();
  const foldedPassage = (pid: number) => {
    let text = folded.get(pid);
    if (text === undefined) {
      text = fold(passages[pid] ?? '');
      folded.set(pid, text);
    }
    return text;
  };

  const order = random.shuffle(passages.map((_, i) => i));
  const questions: EvalQuestion[] = [];
  for (const pid of order) {
    if (questions.length >= Math.min(wanted, passages.length)) break;
    const text = passages[pid] as string;
    const list = tokenize(text);
    const seen = new Set<string>();
    const candidates = list
      .map((t, i) => ({ ...t, i }))
      .filter((t) => {
        if (t.lower.length < 4 || /\d/.test(t.lower) || NOT_KEYWORDS.has(t.lower) || seen.has(t.lower))
          return false;
        seen.add(t.lower);
        return true;
      })
      .sort((x, y) => df(x.lower) - df(y.lower) || x.i - y.i)
      .slice(0, 6);
    if (candidates.length < 3) continue;
    const rarest = candidates[0] as Token & { i: number };

    // The expected phrase: the rarest keyword with a few words around it in its sentence, found in no
    // other passage.
    const sameSentence = (a: number, b: number) =>
      !/[.!?:]/.test(text.slice((list[a] as Token).end, (list[b] as Token).start));
    let expect: string | undefined;
    for (let reach = 2; reach <= 5 && !expect; reach++) {
      let from = rarest.i;
      while (from > 0 && from > rarest.i - reach && sameSentence(from - 1, from)) from--;
      let to = rarest.i;
      while (to < list.length - 1 && to < rarest.i + reach && sameSentence(to, to + 1)) to++;
      const phrase = text.slice((list[from] as Token).start, (list[to] as Token).end);
      const needle = fold(phrase);
      const others = (holders.get(rarest.lower) ?? []).filter(
        (other) => other !== pid && foldedPassage(other).includes(needle),
      );
      if (others.length === 0) expect = phrase;
    }
    if (!expect) continue;

    const picked = random.shuffle(candidates).slice(0, random.int(3, Math.min(5, candidates.length)));
    if (!picked.includes(rarest) && random.chance(0.7)) picked[0] = rarest;
    if (random.chance(0.7)) picked.sort((x, y) => x.i - y.i);
    const keywords = picked.map((t) => (random.chance(0.6) ? t.lower : t.text));
    for (let k = 0; k < keywords.length; k++)
      if (random.chance(0.2)) keywords[k] = reinflect(keywords[k] as string);
    if (random.chance(0.35)) {
      const long = keywords.map((w, k) => ({ w, k })).filter(({ w }) => w.length >= 5);
      if (long.length > 0) {
        const { w, k } = random.pick(long);
        keywords[k] = typo(w, random);
      }
    }
    questions.push({ q: frame(keywords.join(' '), text, random), expect: [expect] });
  }
  return questions;
}

/** A light paraphrase: another form of the same word ("approved" → "approve", "tariffs" → "tariff"). */
function reinflect(word: string): string {
  if (/[^aeiou]ied$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/ated$|ized$|ified$/.test(word)) return word.slice(0, -1);
  if (word.endsWith('ed') && word.length > 5) return word.slice(0, -2);
  if (word.endsWith('ies') && word.length > 5) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss') && word.length > 5) return word.slice(0, -1);
  if (/^[a-z]+$/.test(word) && !word.endsWith('s')) return withS(word);
  return word;
}

/** One slip of the finger, never on the first letter: swap, drop, double or replace a letter. */
function typo(word: string, random: Random): string {
  const i = random.int(1, word.length - 2);
  switch (random.int(0, 3)) {
    case 0:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + word[i] + word.slice(i);
    default: {
      const letters = 'aeioulnrst'.replace(word[i] ?? '', '');
      return word.slice(0, i) + random.pick([...letters]) + word.slice(i + 1);
    }
  }
}

function frame(keywords: string, passage: string, random: Random): string {
  if (/\blasted\b/.test(passage) && random.chance(0.5)) return `How long did the ${keywords} last?`;
  if (/\bsince \d{4}\b/.test(passage) && random.chance(0.4)) return `Since when ${keywords}?`;
  if (/\bin \p{Lu}/u.test(passage) && random.chance(0.2)) return `Where did the ${keywords} happen?`;
  if (/\b(?:said|told)\b/.test(passage) && random.chance(0.25)) return `Who said ${keywords}?`;
  return random.pick([
    keywords,
    keywords,
    `${keywords}?`,
    `What about the ${keywords}?`,
    `What happened with the ${keywords}?`,
    `what is known about ${keywords}`,
  ]);
}

/* ----------------------------------------------------------------------------------------------------
 * Writing it out.
 */

export interface WriteOptions extends GenerateOptions {
  /** Copy the seed corpus's articles in too, so its questions stay answerable. Default true. */
  includeSeed?: boolean;
  seedDir?: string;
}

export interface WrittenCorpus extends GeneratedCorpus {
  dir: string;
  /** Every file written into `dir`, seed copies included. */
  files: string[];
  /** Passages of the generated articles (the seed's not counted). */
  passageCount: number;
}

/**
 * Writes the corpus into `dir` (created if missing). Article files of an earlier run (`article-N.md`)
 * are removed first, so a smaller corpus does not inherit a larger one's tail; nothing else is touched.
 */
export async function writeCorpus(dir: string, options: WriteOptions = {}): Promise<WrittenCorpus> {
  const generated = generateCorpus(options);
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(dir))
    if (/^article-\d+\.md$/.test(name)) await rm(join(dir, name), { force: true });
  const files: string[] = [];
  for (const article of generated.articles) {
    await writeFile(join(dir, article.name), article.source, 'utf8');
    files.push(article.name);
  }
  if (options.includeSeed ?? true) {
    const seedDir = options.seedDir ?? SEED_CORPUS_DIR;
    for (const name of (await readdir(seedDir)).sort()) {
      if (!name.toLowerCase().endsWith('.md') || name.startsWith('.') || name.toLowerCase() === 'readme.md')
        continue;
      await copyFile(join(seedDir, name), join(dir, name));
      files.push(name);
    }
  }
  const passageCount = generated.articles.reduce((sum, a) => sum + a.passages.length, 0);
  return { ...generated, dir, files, passageCount };
}

export function questionsJsonl(questions: readonly EvalQuestion[]): string {
  return (
    questions.map((q) => JSON.stringify({ q: q.q, expect: q.expect })).join('\n') +
    (questions.length ? '\n' : '')
  );
}

/* ----------------------------------------------------------------------------------------------------
 * Command line.
 */

const USAGE =
  'usage: npm run corpus:generate -- OUT_DIR [--articles 1000] [--paragraphs 20] [--seed 42] [--questions 200] [--questions-out FILE] [--no-include-seed]';

async function main(argv: string[]): Promise<number> {
  const parse = () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      allowNegative: true,
      options: {
        articles: { type: 'string', default: '1000' },
        paragraphs: { type: 'string', default: '20' },
        seed: { type: 'string', default: '42' },
        questions: { type: 'string', default: '200' },
        'questions-out': { type: 'string' },
        'include-seed': { type: 'boolean', default: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const out = positionals[0];
  if (!out || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const whole = (name: string, value: string, min: number) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min)
      throw new Error(`--${name} must be a whole number ≥ ${min} (got "${value}")`);
    return n;
  };
  let options: WriteOptions;
  try {
    options = {
      articles: whole('articles', values.articles, 1),
      paragraphs: whole('paragraphs', values.paragraphs, 1),
      seed: whole('seed', values.seed, 0),
      questions: whole('questions', values.questions, 0),
      includeSeed: values['include-seed'],
    };
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
    return 2;
  }
  const dir = resolve(out);
  const started = performance.now();
  const written = await writeCorpus(dir, options);
  const questionsFile = resolve(values['questions-out'] ?? join(dirname(dir), 'questions.jsonl'));
  await writeFile(questionsFile, questionsJsonl(written.questions), 'utf8');
  const seeds = written.files.length - written.articles.length;
  const answerable = written.questions.filter((q) => q.expect).length;
  console.log(
    `wrote ${written.articles.length} generated articles (${written.passageCount} passages)` +
      `${seeds ? ` + ${plural(seeds, 'seed article')}` : ''} to ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(
    `wrote ${written.questions.length} questions (${answerable} answerable, ${written.questions.length - answerable} off-topic) to ${questionsFile}`,
  );
  return 0;
}

const invokedPath = process.argv[1];
if (invokedPath && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
