import Fuse from 'fuse.js';
import { splitSentences } from '../corpus/sentences';
import type { Corpus } from '../corpus/types';
import { type PassageFeatures, passageFeatures } from './cues';
import { soundCodes } from './phonetic';
import { contentTerms, forEachToken, words } from './text';

/**
 * An inverted index over the passages' terms (BM25 statistics), plus fuse.js over the corpus
 * vocabulary. Candidate passages come from the postings, so a question costs the same whether the
 * corpus holds one article or a thousand; fuse.js only scans the vocabulary, which grows far slower
 * than the passages.
 */

/**
 * Where a term stands when it is not in the passage's text: in the name of its speaker, its section
 * heading or its article's title. Earlier in this list wins when a term is in several.
 */
export const CONTEXTS = ['speaker', 'section', 'title'] as const;
export type ContextKind = (typeof CONTEXTS)[number];

export interface IndexedSentence {
  text: string;
  terms: ReadonlySet<string>;
}

export interface IndexedPassage {
  id: number;
  /** Number of content terms in the text, for BM25's length normalisation. */
  length: number;
  /** Term → the context it appears in (speaker, section heading, article title), for terms not in the text. */
  context: Map<string, ContextKind>;
  /** Terms of the speaker's name. */
  speakerTerms: ReadonlySet<string>;
}

export class PassageIndex {
  readonly passages: IndexedPassage[] = [];
  /** term → [passage id, term frequency in the text]. */
  private readonly postings = new Map<string, Array<[number, number]>>();
  /** term → passage ids whose context holds it. */
  private readonly contextPostings = new Map<string, number[]>();
  /** A term of a speaker's name → the speakers (by their own words) whose name holds it. */
  private readonly speakersByTerm = new Map<string, Set<string>>();
  /** Every word form seen in the corpus → its term. */
  readonly vocabulary = new Map<string, string>();
  /** Word forms the corpus writes in lower case somewhere: the others are names ("Blinken", "WNBA"). */
  private readonly lowercaseWords = new Set<string>();
  /**
   * fuse.js over the vocabulary, one index per word length: a typo changes a word's length by at most a
   * letter or two, so a search scans only the few lengths near the typed word's, not every word.
   */
  private readonly vocabularyByLength = new Map<number, Fuse<string>>();
  readonly averageLength: number;
  /** The median idf of the corpus's terms: what an ordinary word of the corpus weighs. */
  readonly typicalIdf: number;

  constructor(readonly corpus: Corpus) {
    const titleTerms = new Map(corpus.articles.map((a) => [a.id, contentTerms(a.meta.title)]));
    // Speakers and section headings repeat from passage to passage: analyse each once.
    const contextTerms = new Map<string, string[]>();
    const termsOf = (text = '') => {
      let terms = contextTerms.get(text);
      if (!terms) {
        terms = contentTerms(text);
        contextTerms.set(text, terms);
      }
      return terms;
    };
    let totalLength = 0;
    for (const passage of corpus.passages) {
      const counts = new Map<string, number>();
      let length = 0;
      forEachToken(passage.text, (w) => {
        if (!this.vocabulary.has(w.word)) this.vocabulary.set(w.word, w.term);
        if (!w.capitalised) this.lowercaseWords.add(w.word);
        if (w.stopword) return;
        length++;
        counts.set(w.term, (counts.get(w.term) ?? 0) + 1);
      });
      for (const [term, tf] of counts) push(this.postings, term, [passage.id, tf]);

      const context = new Map<string, ContextKind>();
      const addContext = (terms: string[], kind: ContextKind) => {
        for (const t of terms) if (!counts.has(t) && !context.has(t)) context.set(t, kind);
      };
      const speakerTerms = new Set(termsOf(passage.speaker));
      if (passage.speaker && passage.speakerVia === 'speech') {
        for (const term of speakerTerms) {
          const speakers = this.speakersByTerm.get(term) ?? new Set<string>();
          speakers.add(passage.speaker);
          this.speakersByTerm.set(term, speakers);
        }
      }
      addContext(termsOf(passage.speaker), 'speaker');
      addContext(termsOf(passage.section), 'section');
      addContext(titleTerms.get(passage.articleId) ?? [], 'title');
      for (const term of context.keys()) push(this.contextPostings, term, passage.id);

      this.passages.push({
        id: passage.id,
        length,
        context,
        speakerTerms,
      });
      totalLength += length;
    }
    this.averageLength = totalLength / Math.max(1, corpus.passages.length);
    const idfs = [...this.postings.keys()].map((t) => this.idf(t)).sort((a, b) => a - b);
    this.typicalIdf = idfs[Math.floor(idfs.length / 2)] ?? 1;
    for (const article of corpus.articles)
      for (const w of words(article.meta.title)) this.vocabulary.set(w.word, w.term);
    const byLength = new Map<number, string[]>();
    for (const w of this.vocabulary.keys())
      if (w.length >= 3 && !/^\d+$/.test(w)) push(byLength, w.length, w);
    for (const [length, list] of byLength) {
      this.vocabularyByLength.set(length, new Fuse(list, { includeScore: true, threshold: 0.4 }));
    }
  }

  get size(): number {
    return this.passages.length;
  }

  /** Corpus words that start with `prefix` ("nucl" → "nuclear"), the most widely used first. */
  completions(prefix: string, limit = 3): string[] {
    if (!this.sortedVocabulary) this.sortedVocabulary = [...this.vocabulary.keys()].sort();
    const list = this.sortedVocabulary;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((list[mid] ?? '') < prefix) low = mid + 1;
      else high = mid;
    }
    const found: string[] = [];
    for (let i = low; i < list.length && (list[i] ?? '').startsWith(prefix) && found.length < 50; i++)
      found.push(list[i] ?? '');
    const use = (w: string) => this.textPostings(this.vocabulary.get(w) ?? '').length;
    return found.sort((a, b) => use(b) - use(a)).slice(0, limit);
  }
  private sortedVocabulary?: string[];

  /** The corpus's own spellings of a term ("last", "lasted"). */
  spellings(term: string): string[] {
    if (!this.spellingsByTerm) {
      this.spellingsByTerm = new Map();
      for (const [word, t] of this.vocabulary) push(this.spellingsByTerm, t, word);
    }
    return this.spellingsByTerm.get(term) ?? [];
  }
  private spellingsByTerm?: Map<string, string[]>;

  /** True when the corpus writes the word only with a capital: a name, not a common word. */
  isName(word: string): boolean {
    return this.vocabulary.has(word) && !this.lowercaseWords.has(word);
  }

  /** Corpus words with one of these Double Metaphone codes. */
  wordsSounding(codes: readonly string[]): Array<{ word: string; term: string }> {
    if (!this.byCode) {
      this.byCode = new Map();
      for (const [word, term] of this.vocabulary) {
        if (word.length < 3 || /\d/.test(word)) continue;
        for (const code of soundCodes(word)) push(this.byCode, code, { word, term });
      }
    }
    const found = new Map<string, { word: string; term: string }>();
    for (const code of codes) for (const hit of this.byCode.get(code) ?? []) found.set(hit.word, hit);
    return [...found.values()];
  }
  private byCode?: Map<string, Array<{ word: string; term: string }>>;

  /** The passage's sentences, each with the terms it holds (worked out when first asked). */
  sentences(passageId: number): readonly IndexedSentence[] {
    let sentences = this.sentenceTerms[passageId];
    if (!sentences) {
      sentences = splitSentences(this.corpus.passages[passageId]?.text ?? '').map((text) => ({
        text,
        terms: new Set(contentTerms(text)),
      }));
      this.sentenceTerms[passageId] = sentences;
    }
    return sentences;
  }
  private readonly sentenceTerms: Array<readonly IndexedSentence[]> = [];

  /** Terms inside the passage's quotation marks: the words a speaker is quoted saying. */
  quotedTerms(passageId: number): ReadonlySet<string> {
    let terms = this.quoted[passageId];
    if (!terms) {
      const text = this.corpus.passages[passageId]?.text ?? '';
      terms = new Set([...text.matchAll(/“[^”]*”?|"[^"]*"?/gu)].flatMap((m) => contentTerms(m[0])));
      this.quoted[passageId] = terms;
    }
    return terms;
  }
  private readonly quoted: Array<ReadonlySet<string>> = [];

  /** Speakers (by their own words) whose name holds the term ("kirbi" → John Kirby). */
  speakersCalled(term: string): ReadonlySet<string> {
    return this.speakersByTerm.get(term) ?? new Set();
  }

  /** The kinds of answer a passage holds (durations, dates, places…): worked out when first asked. */
  featuresOf(passageId: number): PassageFeatures {
    let features = this.features[passageId];
    if (!features) {
      features = passageFeatures(this.corpus.passages[passageId]?.text ?? '');
      this.features[passageId] = features;
    }
    return features;
  }
  private readonly features: PassageFeatures[] = [];

  /** Passages whose text holds the term, with its frequency there. */
  textPostings(term: string): ReadonlyArray<[number, number]> {
    return this.postings.get(term) ?? [];
  }

  contextHolders(term: string): readonly number[] {
    return this.contextPostings.get(term) ?? [];
  }

  hasTerm(term: string): boolean {
    return this.postings.has(term) || this.contextPostings.has(term);
  }

  /** BM25's inverse document frequency; a term nobody uses counts as the rarest. */
  idf(term: string): number {
    const df = (this.postings.get(term)?.length ?? 0) + (this.contextPostings.get(term)?.length ?? 0) * 0.5;
    const n = this.size;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Corpus words spelled like `word` (typos: "meating" → "meeting"), with fuse.js's score (0 is exact).
   * Bitap also finds the word inside longer ones, so only words of about the same length are searched.
   */
  similarWords(word: string, limit = 3): Array<{ word: string; term: string; score: number }> {
    const slack = Math.max(1, Math.floor(word.length / 3));
    const found: Array<{ item: string; score?: number }> = [];
    for (let length = word.length - slack; length <= word.length + slack; length++) {
      found.push(...(this.vocabularyByLength.get(length)?.search(word, { limit: 10 }) ?? []));
    }
    return found
      .filter((r) => r.item !== word)
      .sort((a, b) => (a.score ?? 1) - (b.score ?? 1))
      .slice(0, limit)
      .map((r) => ({ word: r.item, term: this.vocabulary.get(r.item) ?? r.item, score: r.score ?? 1 }));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
