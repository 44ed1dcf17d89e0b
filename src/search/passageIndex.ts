import { splitSentences } from '../corpus/sentences';
import type { Corpus, Passage } from '../corpus/types';
import { type AnswerKind, type PassageFeatures, passageFeatures } from './cues';
import { editSteps } from './editDistance';
import { FuseTokenScores } from './fuseScores';
import { soundCodes } from './phonetic';
import { contentTerms, forEachToken, TermStarts, type Word, words } from './text';

/**
 * An inverted index over the passages' terms (BM25 statistics), plus fuse.js over the corpus
 * vocabulary. Candidate passages come from the postings, so a question costs the same whether the
 * corpus holds one article or a thousand; fuse.js only scans the vocabulary, which grows far slower
 * than the passages.
 */

/**
 * Where a term stands when it is not in the passage's text: in the name of its speaker, of a person it
 * refers to ("he", "Blinken" for Antony Blinken), its section heading or its article's title. Earlier
 * in this list wins when a term is in several.
 */
export const CONTEXTS = ['speaker', 'person', 'section', 'title'] as const;
export type ContextKind = (typeof CONTEXTS)[number];

export interface IndexedSentence {
  text: string;
  terms: ReadonlySet<string>;
  /** The kinds of answer the sentence holds, worked out when first asked. */
  kinds?: PassageFeatures;
  /** Its words with their offsets, and where each kind of answer stands in it: read when first asked. */
  words?: Word[];
  spans?: Map<AnswerKind, ReadonlyArray<readonly [number, number]>>;
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
   * Corpus words by each spelling one deletion away from them, and by themselves (symmetric deletion):
   * two words share such a spelling when one typing slip, or two of the commonest kind, part them.
   * A typo is then found with a few map lookups, whatever the size of the vocabulary.
   */
  private readonly byDeletion = new Map<string, string[]>();
  readonly averageLength: number;
  /** The median idf of the corpus's terms: what an ordinary word of the corpus weighs. */
  readonly typicalIdf: number;
  /** fuse.js's token-search scores of passages, for re-reading the leaders of a ranking. */
  readonly fuseScores: FuseTokenScores;

  constructor(readonly corpus: Corpus) {
    this.fuseScores = new FuseTokenScores(corpus.passages.map((p) => p.text));
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
    const roles: Array<{ articleId: string; name: string; role: string }> = [];
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
      for (const person of passage.people ?? []) {
        addContext(termsOf(person.name), 'person');
        for (const term of termsOf(person.name)) this.personTerms.add(term);
        if (person.role) roles.push({ articleId: passage.articleId, name: person.name, role: person.role });
      }
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
    this.buildAliases(roles, termsOf);
    const idfs = [...this.postings.keys()].map((t) => this.idf(t)).sort((a, b) => a - b);
    this.typicalIdf = idfs[Math.floor(idfs.length / 2)] ?? 1;
    for (const article of corpus.articles)
      for (const w of words(article.meta.title)) this.vocabulary.set(w.word, w.term);
    for (const w of this.vocabulary.keys()) {
      if (w.length < 3 || /^\d+$/.test(w)) continue;
      for (const variant of oneDeletion(w)) push(this.byDeletion, variant, w);
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

  /**
   * People by their role: "the foreign minister" is Sergey Lavrov where the article calls him that. A
   * role word that most passages of the article use ("U.S.") names nobody in particular.
   */
  private buildAliases(
    roles: ReadonlyArray<{ articleId: string; name: string; role: string }>,
    termsOf: (text?: string) => string[],
  ): void {
    const passagesIn = new Map<string, number>();
    for (const p of this.corpus.passages) passagesIn.set(p.articleId, (passagesIn.get(p.articleId) ?? 0) + 1);
    // How many passages of each article hold a term, counted once per term: role words ("president",
    // "spokesman") recur across thousands of articles, and filtering their postings for each would be
    // quadratic in a big corpus.
    const perArticle = new Map<string, Map<string, number>>();
    const holdersIn = (term: string, articleId: string) => {
      let counts = perArticle.get(term);
      if (!counts) {
        counts = new Map();
        for (const [pid] of this.textPostings(term)) {
          const article = this.corpus.passages[pid]?.articleId ?? '';
          counts.set(article, (counts.get(article) ?? 0) + 1);
        }
        perArticle.set(term, counts);
      }
      return counts.get(articleId) ?? 0;
    };
    const seen = new Set<string>();
    for (const { articleId, name, role } of roles) {
      const key = `${articleId}\0${name}\0${role}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const nameTerms = termsOf(name);
      const size = passagesIn.get(articleId) ?? 1;
      // "the regatta’s chief referee" is a referee, not the regatta: an owner's word names someone else.
      for (const term of termsOf(role.replace(POSSESSOR, ' '))) {
        if (nameTerms.includes(term)) continue;
        if (holdersIn(term, articleId) > Math.max(3, size * MAX_ROLE_SHARE)) continue;
        const aliases = this.aliasesByTerm.get(term) ?? new Set<string>();
        for (const n of nameTerms) aliases.add(n);
        this.aliasesByTerm.set(term, aliases);
      }
    }
  }
  private readonly aliasesByTerm = new Map<string, Set<string>>();

  private readonly personTerms = new Set<string>();

  /** True when the term is part of the name of a person the corpus names ("whelan", "paul"). */
  isPersonTerm(term: string): boolean {
    return this.personTerms.has(term);
  }

  /** Name terms of the people a role word stands for ("minist" → sergei, lavrov). */
  aliasesOf(term: string): ReadonlySet<string> {
    return this.aliasesByTerm.get(term) ?? EMPTY_SET;
  }

  /** True when the corpus writes the word only with a capital: a name, not a common word. */
  isName(word: string): boolean {
    return this.vocabulary.has(word) && !this.lowercaseWords.has(word);
  }

  /** True when one of the corpus's spellings of the term is a name ("blinken"): asked of every question word. */
  isNameTerm(term: string): boolean {
    if (!this.nameTerms) {
      this.nameTerms = new Set();
      for (const [word, t] of this.vocabulary) if (this.isName(word)) this.nameTerms.add(t);
    }
    return this.nameTerms.has(term);
  }
  private nameTerms?: Set<string>;

  /** True when some name of the corpus (isName) begins with this UTF-16 unit. */
  hasNameStartingWith(unit: string): boolean {
    if (!this.nameStarts) {
      this.nameStarts = new Set();
      for (const word of this.vocabulary.keys()) if (this.isName(word)) this.nameStarts.add(word[0] ?? '');
    }
    return this.nameStarts.has(unit);
  }
  private nameStarts?: Set<string>;

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
      const names = personNameWords(this.corpus.passages[passageId]);
      sentences = splitSentences(this.corpus.passages[passageId]?.text ?? '').map((text) => ({
        text,
        terms: new Set(contentTerms(text)),
        // Where the people the article names stand: the answers to "who", not any two capitalised words.
        spans: new Map([['person', nameSpans(text, names)]]),
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
      const passage = this.corpus.passages[passageId];
      const kinds = new Set(passageFeatures(passage?.text ?? ''));
      // A person is held when the article's register finds one named here ("Gwendolyn Ashcombe"), not
      // when two capitalised words stand together ("Marlett Springs", "Town Council").
      if (passage?.people?.length) kinds.add('person');
      features = kinds;
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

  /**
   * False when termOf(word) is sure not to be a term of the corpus (hasTerm), told without stemming the
   * word: most of the words WordNet relates to a question's are not the corpus's.
   */
  mayHaveTermOf(word: string): boolean {
    if (!this.termStarts) {
      this.termStarts = new TermStarts();
      for (const term of this.postings.keys()) this.termStarts.add(term);
      for (const term of this.contextPostings.keys()) this.termStarts.add(term);
    }
    return this.termStarts.mayHoldTermOf(word);
  }
  private termStarts?: TermStarts;

  /** BM25's inverse document frequency; a term nobody uses counts as the rarest. */
  idf(term: string): number {
    const df = (this.postings.get(term)?.length ?? 0) + (this.contextPostings.get(term)?.length ?? 0) * 0.5;
    const n = this.size;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Corpus words other than `word` one deletion or two of the commonest slips from it, unranked. */
  spelledLike(word: string): string[] {
    const found = new Set<string>();
    for (const variant of oneDeletion(word)) for (const w of this.byDeletion.get(variant) ?? []) found.add(w);
    found.delete(word);
    return [...found];
  }

  /**
   * Corpus words spelled like `word` ("meating" → "meeting"), nearest first, with their edit steps and
   * those as a share of the longer word (0 is the same word).
   */
  similarWords(word: string, limit = 3): Array<{ word: string; term: string; score: number; steps: number }> {
    return this.spelledLike(word)
      .map((w) => {
        const steps = editSteps(word, w);
        return {
          word: w,
          term: this.vocabulary.get(w) ?? w,
          score: steps / Math.max(word.length, w.length),
          steps,
        };
      })
      .sort((a, b) => a.score - b.score || (a.word < b.word ? -1 : 1))
      .slice(0, limit);
  }
}

/** The word itself and every spelling with one letter left out. */
function oneDeletion(word: string): string[] {
  const variants = [word];
  for (let i = 0; i < word.length; i++) variants.push(word.slice(0, i) + word.slice(i + 1));
  return variants;
}

const EMPTY_SET: ReadonlySet<string> = new Set();
/** A role word in more than this share of an article's passages (and more than 3) names nobody in particular. */
const MAX_ROLE_SHARE = 0.2;

/** A possessive word in a role ("the county’s", "Veyrand’s"): the owner, not the person. */
const POSSESSOR = /[\p{L}\p{N}.-]+[’']s(?=\s|$)/gu;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The words of the names of the people a passage names ("Lorna", "Vasquez-Tate"), as written. */
function personNameWords(passage: Passage | undefined): ReadonlySet<string> {
  return new Set(
    (passage?.people ?? []).flatMap((person) => person.name.split(' ')).filter((w) => w.length > 1),
  );
}

/** Where those words stand in a sentence, as whole words. */
function nameSpans(text: string, names: ReadonlySet<string>): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
  if (names.size === 0) return spans;
  for (const match of text.matchAll(/\p{L}[\p{L}’'.-]*\p{L}/gu)) {
    const word = match[0].replace(/[’']s$/u, '');
    if (names.has(word)) spans.push([match.index, match.index + word.length]);
  }
  return spans;
}
