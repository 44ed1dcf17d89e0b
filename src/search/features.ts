import type { Passage } from '../corpus/types';
import { BoundedCache } from './boundedCache';
import { type AnswerKind, answerSpanOffsets, passageFeatures, questionKinds } from './cues';
import type { ConfidenceFeature, RankFeature } from './featureNames';
import { LITERAL, NONE, type PassageMatch, textHolders } from './match';
import { CONTEXTS, type IndexedSentence, type PassageIndex } from './passageIndex';
import { MATCH_KINDS, type QueryWord } from './queryTerms';
import { words } from './text';
import { ANALYSIS } from './weights';

/**
 * How each feature of featureNames.ts is measured, for one question and one passage (rank features)
 * or for the best passage of a question (confidence features).
 */

/** What a question asks, worked out once before its passages are scored. */
export interface QuestionFacts {
  words: readonly QueryWord[];
  /** Sum of the words' importance: every share is of this. */
  weight: number;
  /** Kinds of answer asked for that few passages hold (a duration, a date, a place…). */
  strongKinds: readonly AnswerKind[];
  /** Kinds asked for that most news passages hold (a person, a reason). */
  weakKinds: readonly AnswerKind[];
  allKinds: readonly AnswerKind[];
  /** Speakers the question names while asking what they said ("what did Kirby say"). */
  namedSpeakers: ReadonlySet<string>;
  whoSaid: boolean;
  /** "Who is X": the index terms of the names asked about. */
  identityTerms: readonly string[];
  /** "How old is X": the spellings the corpus has of each name word of the person whose age is asked. */
  agesOf: ReadonlyArray<readonly string[]>;
  /** Asks what the article is about: "tldr", "what's the story about", "what happened". */
  summary: boolean;
  /** …in words that only ask for it ("tldr", "give me the gist"): the lead answers, not a passage. */
  summaryOnly: boolean;
  /** Share of the question's weight in words that name something of the corpus (a person, a place). */
  namedShare: number;
  /** The rarest word matched as written, its idf as a share of the rarest possible. */
  rareLiteral: number;
  /** Index of the question word whose count is asked for ("how many stores"). */
  counted?: number;
  /** Index of the question word a "what is the X of Y" or "Y's X" question asks about. */
  focus?: number;
  /** How specific the most specific word the corpus holds is: 1 for a name or a rare word, less for everyday ones. */
  specific: number;
  /** Shaped as a question: a question mark, a question word or auxiliary first, or a cue ("how long"). */
  asks: boolean;
  /** Speaks of people already known ("how long did they talk", "what did she say"): asked of a story. */
  thirdPerson: boolean;
}

const WEAK_KINDS: ReadonlySet<AnswerKind> = new Set(['person', 'reason']);
/** The setting of an event (where, when, how long) is often told in the paragraph next to it. */
const SETTING_KINDS: ReadonlySet<AnswerKind> = new Set(['place', 'time', 'duration']);

export function splitKinds(kinds: readonly AnswerKind[]) {
  return {
    strongKinds: kinds.filter((k) => !WEAK_KINDS.has(k)),
    weakKinds: kinds.filter((k) => WEAK_KINDS.has(k)),
  };
}

const KIND_INDEX = Object.fromEntries(MATCH_KINDS.map((k, i) => [k, i])) as Record<
  (typeof MATCH_KINDS)[number],
  number
>;

/** Shares of the question's weight by kind of match, in the text and (for words not in the text) the context. */
export function matchShares(facts: QuestionFacts, match: PassageMatch) {
  const text = new Float64Array(MATCH_KINDS.length);
  const context = new Float64Array(CONTEXTS.length);
  facts.words.forEach((word, j) => {
    const kind = match.text[j] ?? NONE;
    const where = match.context[j] ?? NONE;
    if (kind !== NONE) text[kind] = (text[kind] ?? 0) + word.importance;
    else if (where !== NONE) context[where] = (context[where] ?? 0) + word.importance;
  });
  const w = Math.max(facts.weight, 1e-9);
  // Divided in place: no second pair of arrays per passage.
  for (let i = 0; i < text.length; i++) text[i] = (text[i] as number) / w;
  for (let i = 0; i < context.length; i++) context[i] = (context[i] as number) / w;
  return { text, context };
}

/** The features read from the postings alone, before a passage's text is. */
type CheapFeature = (typeof CHEAP_FEATURES)[number];
const CHEAP_FEATURES = [
  'bm25',
  'exact',
  'typo',
  'sound',
  'alias',
  'synonym',
  'broader',
  'related',
  'speaker',
  'person',
  'section',
  'title',
  'length',
] as const satisfies readonly RankFeature[];

/** The cheap features, from the postings alone: enough to choose which passages to score in full. */
export function cheapFeatures(
  facts: QuestionFacts,
  match: PassageMatch,
  index: PassageIndex,
): Readonly<Partial<Record<CheapFeature, number>>> {
  const { text, context } = matchShares(facts, match);
  const length = index.passages[match.passageId]?.length ?? 0;
  const { bm25K1: k1, bm25B: b } = ANALYSIS;
  let bm25 = 0;
  facts.words.forEach((word, j) => {
    const tf = match.tf[j] ?? 0;
    if (tf > 0) bm25 += (word.importance * tf) / (tf + k1 * (1 - b + (b * length) / index.averageLength));
  });
  return {
    bm25: bm25 / Math.max(facts.weight, 1e-9),
    exact: text[KIND_INDEX.exact],
    typo: text[KIND_INDEX.typo],
    sound: text[KIND_INDEX.sound],
    alias: text[KIND_INDEX.alias],
    synonym: text[KIND_INDEX.synonym],
    broader: text[KIND_INDEX.broader],
    related: text[KIND_INDEX.related],
    speaker: context[CONTEXTS.indexOf('speaker')],
    person: context[CONTEXTS.indexOf('person')],
    section: context[CONTEXTS.indexOf('section')],
    title: context[CONTEXTS.indexOf('title')],
    length: Math.log1p(length) / Math.log(100),
  };
}

/** Matches up to synonyms are trusted to name the word: looser ones say only that the topic is near. */
const TRUSTED = MATCH_KINDS.indexOf('synonym');

/** A text match of this kind names the word (up to a synonym). */
const names = (kind: number | undefined) => kind !== undefined && kind !== NONE && kind <= TRUSTED;

/** Share of the question's weight one set of terms (a sentence, the quoted words) names. */
function shareIn(facts: QuestionFacts, terms: ReadonlySet<string>): number {
  let covered = 0;
  const trusted = trustedTerms(facts.words);
  facts.words.forEach((word, j) => {
    const named = (trusted[j] ?? []).some((alternative) => alternative.every((t) => terms.has(t)));
    if (named) covered += word.importance;
  });
  return covered / Math.max(facts.weight, 1e-9);
}

/**
 * Per question word, the terms of its alternatives trusted to name it (up to a synonym), in order:
 * picked once per question, not for every sentence of every passage.
 */
const trustedByWords = new WeakMap<readonly QueryWord[], ReadonlyArray<ReadonlyArray<readonly string[]>>>();

function trustedTerms(words: readonly QueryWord[]): ReadonlyArray<ReadonlyArray<readonly string[]>> {
  let trusted = trustedByWords.get(words);
  if (!trusted) {
    trusted = words.map((word) =>
      word.alternatives.filter((a) => MATCH_KINDS.indexOf(a.kind) <= TRUSTED).map((a) => a.terms),
    );
    trustedByWords.set(words, trusted);
  }
  return trusted;
}

export interface ScoringContext {
  facts: QuestionFacts;
  index: PassageIndex;
  passages: readonly Passage[];
  /** Share of the question's weight each article holds anywhere. */
  articleShares: ReadonlyMap<string, number>;
  bestArticleShare: number;
  /**
   * Cheap coverage (any text match) of each matched passage, for lending to neighbours; a map, not a
   * function: tsx names every function as it is made, and this is made for every question.
   */
  coverage: ReadonlyMap<number, number>;
}

const NO_KINDS: ReadonlySet<AnswerKind> = new Set();

/** What each question-shaped heading asks, read once: headings are few and asked about often. */
const headingKinds = new BoundedCache<string, AnswerKind[]>(10_000); // reloads bring new headings
const kindsAskedBy = (heading: string) => headingKinds.get(heading, questionKinds);

/** The features that need the passage's text: sentences, kinds of answer, speakers, names. */
export function fullFeatures(
  context: ScoringContext,
  match: PassageMatch,
  cheap: Readonly<Partial<Record<CheapFeature, number>>>,
): Record<RankFeature, number> {
  const { facts, index, passages } = context;
  const pid = match.passageId;
  const passage = passages[pid];
  // The kinds of answer the passage holds, read (once per passage) only when the question asks one.
  const held = facts.allKinds.length > 0 ? index.featuresOf(pid) : NO_KINDS;

  const speaksHere =
    facts.namedSpeakers.size > 0 &&
    passage?.speakerVia === 'speech' &&
    facts.namedSpeakers.has(passage.speaker ?? '');
  // Every sentence of a speaker's passage is theirs: "what did Kirby say" is asked of each.
  const speakerTerms = speaksHere ? index.passages[pid]?.speakerTerms : undefined;

  let sentence = 0;
  let best: IndexedSentence | undefined;
  for (const s of index.sentences(pid)) {
    const share = shareIn(facts, speakerTerms ? new Set([...s.terms, ...speakerTerms]) : s.terms);
    if (share > sentence) {
      sentence = share;
      best = s;
    }
  }
  // An age is an answer only when it is the age of whoever was asked about ("Marsh, 58," is not Boone's).
  let kindsHeld = 0;
  for (const k of facts.strongKinds)
    if (
      held.has(k) &&
      (k !== 'age' || facts.agesOf.length === 0 || givesAgeOf(passage?.text ?? '', facts.agesOf))
    )
      kindsHeld++;
  const strongHere = kindsHeld > 0;
  let inSentence = false;
  if (best && facts.strongKinds.length > 0) {
    best.kinds ??= passageFeatures(best.text);
    const kinds = best.kinds;
    inSentence = facts.strongKinds.some((k) => kinds.has(k));
  }

  const sentences = index.sentences(pid);
  const kindNear = strongHere ? nearAnswer(facts, sentences, facts.strongKinds) : 0;
  const counted = facts.counted !== undefined && countsWord(facts, sentences, facts.counted) ? 1 : 0;
  const weakNear =
    facts.weakKinds.length > 0
      ? nearAnswer(
          facts,
          sentences,
          facts.weakKinds.filter((k) => k === 'person'),
        )
      : 0;

  let neighbourLend = 0;
  const setting = facts.strongKinds.filter((k) => SETTING_KINDS.has(k));
  if (setting.length > 0 && setting.some((k) => held.has(k))) {
    for (const other of [pid - 1, pid + 1]) {
      const neighbour = passages[other];
      if (!neighbour || neighbour.articleId !== passage?.articleId) continue;
      if (setting.some((k) => index.featuresOf(other).has(k))) continue;
      neighbourLend = Math.max(neighbourLend, context.coverage.get(other) ?? 0);
    }
  }

  const section = passage?.section;
  const sectionAsks =
    section?.endsWith('?') && facts.allKinds.length > 0
      ? kindsAskedBy(section).some((k) => facts.allKinds.includes(k))
      : false;
  let firstMention = false;
  let appositive = false;
  for (const term of facts.identityTerms) {
    const here = index
      .textPostings(term)
      .filter(([other]) => passages[other]?.articleId === passage?.articleId);
    if (here[0]?.[0] === pid) firstMention = true;
    if (here.some(([other]) => other === pid) && describes(passage?.text ?? '', index.spellings(term)))
      appositive = true;
  }

  const articleShare = context.articleShares.get(passage?.articleId ?? '') ?? 0;
  const lead = passage?.paragraph === 1;
  // One literal, the cheap features first (0 when not worked out): a spread into it is far slower.
  return {
    bm25: cheap.bm25 ?? 0,
    exact: cheap.exact ?? 0,
    typo: cheap.typo ?? 0,
    sound: cheap.sound ?? 0,
    alias: cheap.alias ?? 0,
    synonym: cheap.synonym ?? 0,
    broader: cheap.broader ?? 0,
    related: cheap.related ?? 0,
    speaker: cheap.speaker ?? 0,
    person: cheap.person ?? 0,
    section: cheap.section ?? 0,
    title: cheap.title ?? 0,
    length: cheap.length ?? 0,
    sentence,
    // Of several kinds asked ("how much": an amount, most often money), the share the passage holds.
    kindHere: kindsHeld / Math.max(1, facts.strongKinds.length),
    kindMissing: facts.strongKinds.length > 0 && !strongHere ? 1 : 0,
    kindInSentence: inSentence ? 1 : 0,
    focusMissing: facts.focus !== undefined && !names(match.text[facts.focus]) ? 1 : 0,
    kindCovered: strongHere ? sentence : 0,
    missingCovered: facts.strongKinds.length > 0 && !strongHere ? sentence : 0,
    weakKindHere: facts.weakKinds.some((k) => held.has(k)) ? 1 : 0,
    kindNear,
    weakNear,
    counted,
    neighbourLend,
    sectionAsks: sectionAsks ? 1 : 0,
    speaksHere: speaksHere ? 1 : 0,
    notTheSpeaker: facts.namedSpeakers.size > 0 && !speaksHere ? 1 : 0,
    whoSaidQuote: facts.whoSaid && passage?.hasQuote && passage.speaker ? 1 : 0,
    quoted: passage?.hasQuote ? shareIn(facts, index.quotedTerms(pid)) : 0,
    firstMention: firstMention ? 1 : 0,
    appositive: appositive ? 1 : 0,
    lead: lead ? 1 : 0,
    summaryLead: facts.summary && lead ? 1 : 0,
    articleShare,
    articleGap: articleShare - context.bestArticleShare,
    fuse: 0,
  };
}

/**
 * Share of the question's weight named within a few words of an answer of the kind asked, in one
 * sentence: "how many stores" is answered by "adding 38 stores", not by "204 supermarkets" a clause away.
 */
function nearAnswer(
  facts: QuestionFacts,
  sentences: readonly IndexedSentence[],
  kinds: readonly AnswerKind[],
) {
  if (kinds.length === 0) return 0;
  const trusted = trustedTerms(facts.words);
  const reach = ANALYSIS.nearAnswerWords;
  let best = 0;
  for (const sentence of sentences) {
    const spans = spansIn(sentence, kinds);
    if (spans.length === 0) continue;
    const tokens = wordsOf(sentence);
    for (const [start, end] of spans) {
      let first = tokens.findIndex((t) => t.end > start);
      if (first < 0) continue;
      let last = first;
      while (last + 1 < tokens.length && (tokens[last + 1]?.start ?? end) < end) last++;
      first = Math.max(0, first - reach);
      last = Math.min(tokens.length - 1, last + reach);
      const near = new Set<string>();
      for (let i = first; i <= last; i++) near.add(tokens[i]?.term ?? '');
      let covered = 0;
      facts.words.forEach((word, j) => {
        if ((trusted[j] ?? []).some((alternative) => alternative.some((t) => near.has(t))))
          covered += word.importance;
      });
      best = Math.max(best, covered / Math.max(facts.weight, 1e-9));
    }
  }
  return best;
}

/** A sentence's words, read once: the same sentences are read for question after question. */
const wordsOf = (sentence: IndexedSentence) => {
  sentence.words ??= words(sentence.text);
  return sentence.words;
};

/** Where answers of these kinds stand in a sentence, each kind read once per sentence. */
function spansIn(
  sentence: IndexedSentence,
  kinds: readonly AnswerKind[],
): ReadonlyArray<readonly [number, number]> {
  sentence.spans ??= new Map();
  if (kinds.length === 1) {
    const kind = kinds[0] as AnswerKind;
    let spans = sentence.spans.get(kind);
    if (!spans) {
      spans = answerSpanOffsets(sentence.text, [kind]);
      sentence.spans.set(kind, spans);
    }
    return spans;
  }
  return kinds.flatMap((kind) => spansIn(sentence, [kind]));
}

/** A count stands right before the word counted ("38 stores", "about 2,900 people", "three new stores"). */
function countsWord(facts: QuestionFacts, sentences: readonly IndexedSentence[], at: number): boolean {
  const terms = new Set((trustedTerms(facts.words)[at] ?? []).flat());
  for (const sentence of sentences) {
    const tokens = wordsOf(sentence);
    for (let i = 0; i < tokens.length; i++) {
      if (!terms.has(tokens[i]?.term ?? '')) continue;
      // Within the same reach as an answer's neighbours: "38 new stores", "about 2,900 people".
      for (let back = Math.max(0, i - ANALYSIS.nearAnswerWords); back < i; back++)
        if (isCount(tokens[back])) return true;
    }
  }
  return false;
}

/** Digits and spelled-out numbers (their terms are digits: text.ts), and "dozens", "thousands". */
const isCount = (token: { term: string; word: string } | undefined) =>
  token !== undefined &&
  (/^\d/u.test(token.term) || /^(?:dozens?|hundreds|thousands|millions)$/u.test(token.word));

/**
 * "Ellen Marsh, 58,", "Marsh, a 58-year-old…", "58-year-old Ellen Marsh": an age next to one of the
 * names, in a passage that names the person as asked (Alicia Marsh's age is not "Ellen Marsh, 58").
 */
function givesAgeOf(text: string, names: ReadonlyArray<readonly string[]>): boolean {
  const lower = text.toLowerCase();
  if (!names.every((spellings) => spellings.some((name) => standsIn(lower, name, 'word')))) return false;
  return names.flat().some((name) => standsIn(lower, name, 'age'));
}

/** "Whelan, a former U.S. Marine", "Kirby, who…", "Lavrov is the…": the article says who the person is. */
function describes(text: string, spellings: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return spellings.some((name) => standsIn(lower, name, 'described'));
}

/** Whether a pattern of the name matches the text: never where the name itself is not in it. */
export function standsIn(lower: string, name: string, kind: keyof typeof NAME_PATTERNS): boolean {
  return lower.includes(name) && namePattern(name, kind).test(lower);
}

/** How a name is looked for in a passage: as a word, beside an age, or followed by who the person is. */
const NAME_PATTERNS = {
  word: (n: string) => `\\b${n}\\b`,
  age: (n: string) =>
    `\\b${n}(?:[’']s)?, (?:(?:a|an) )?\\d{1,3}\\b|\\b\\d{1,3}-year-old (?:[\\p{L}.-]+ ){0,4}${n}\\b`,
  described: (n: string) => `\\b${n}(?:[’']s)?,? (?:a|an|the|who|is|was)\\b`,
};

/** Each name's patterns, compiled once: every candidate passage of a question is tried with them. */
const namePatterns = new BoundedCache<string, RegExp>(10_000);

export function namePattern(name: string, kind: keyof typeof NAME_PATTERNS): RegExp {
  return namePatterns.get(`${kind} ${name}`, () => new RegExp(NAME_PATTERNS[kind](escapeRegExp(name)), 'u'));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Share of the question's weight each article holds anywhere (text, context or title). */
export function articleShares(
  facts: QuestionFacts,
  index: PassageIndex,
  passages: readonly Passage[],
  filter?: (passageId: number) => boolean,
): Map<string, number> {
  const shares = new Map<string, number>();
  for (const word of facts.words) {
    const articles = new Set<string>();
    for (const alternative of word.alternatives) {
      if (MATCH_KINDS.indexOf(alternative.kind) > TRUSTED) continue;
      for (const [pid] of textHolders(alternative, index))
        if (!filter || filter(pid)) articles.add(passages[pid]?.articleId ?? '');
      const [term] = alternative.terms;
      if (alternative.terms.length === 1 && term)
        for (const pid of index.contextHolders(term))
          if (!filter || filter(pid)) articles.add(passages[pid]?.articleId ?? '');
    }
    for (const article of articles) shares.set(article, (shares.get(article) ?? 0) + word.importance);
  }
  const w = Math.max(facts.weight, 1e-9);
  for (const [article, share] of shares) shares.set(article, share / w);
  return shares;
}

/** Share of the question the passage matches in any way, in its text or its context. */
export function coveredShare(f: Readonly<Record<RankFeature, number>>): number {
  let share = 0;
  for (const kind of MATCH_KINDS) share += f[kind];
  for (const context of CONTEXTS) share += f[context];
  return share;
}

/** The first ranked passage with the highest value of a feature. */
function argmax<R extends { features: Record<RankFeature, number> }>(
  ranked: readonly R[],
  top: R,
  feature: RankFeature,
): R {
  return ranked.reduce((best, r) => (r.features[feature] > best.features[feature] ? r : best), top);
}

/** "help", "interesting": one everyday word is more often chat than a keyword search. */
const loneEveryday = (facts: QuestionFacts) => (facts.words.length === 1 ? 1 - facts.specific : 0);

/** The confidence features of a ranked question: its best passage against the rest and the corpus. */
export function confidenceFeatures(
  facts: QuestionFacts,
  ranked: ReadonlyArray<{ passageId: number; score: number; features: Record<RankFeature, number> }>,
  articleOf: (passageId: number) => string | undefined,
): Record<ConfidenceFeature, number> {
  const top = ranked[0];
  const w = Math.max(facts.weight, 1e-9);
  let unknown = 0;
  let unknownNames = 0;
  let literal = 0;
  for (const word of facts.words) {
    if (word.alternatives.some((a) => MATCH_KINDS.indexOf(a.kind) <= LITERAL)) literal += word.importance;
    if (word.alternatives.length > 0) continue;
    unknown += word.importance;
    if (word.name) unknownNames += word.importance;
  }
  const corpusLiteral = literal / w;
  if (!top) {
    return {
      top: 0,
      margin: 0,
      share: 0,
      covered: 0,
      literal: 0,
      corpus: corpusLiteral,
      unknown: unknown / w,
      unknownNames: unknownNames / w,
      namesUnknown: unknownNames > 0 ? 1 : 0,
      kindMissing: facts.strongKinds.length > 0 ? 1 : 0,
      focusMissing: facts.focus !== undefined ? 1 : 0,
      kindHere: 0,
      sentence: 0,
      named: facts.namedShare,
      rare: facts.rareLiteral,
      bm25Agrees: 0,
      sentenceAgrees: 0,
      articleLead: 0,
      words: Math.log1p(facts.words.length),
      specific: facts.specific,
      loneEveryday: loneEveryday(facts),
      asks: facts.asks ? 1 : 0,
      thirdPerson: facts.thirdPerson ? 1 : 0,
    };
  }
  const topArticle = articleOf(top.passageId);
  let otherArticles = 0;
  for (const r of ranked)
    if (articleOf(r.passageId) !== topArticle)
      otherArticles = Math.max(otherArticles, r.features.articleShare);
  const f = top.features;
  const second = ranked[1]?.score ?? top.score - 5;
  let total = 0;
  for (const r of ranked) total += Math.exp(r.score - top.score);
  return {
    top: top.score,
    margin: Math.min(5, top.score - second),
    share: 1 / total,
    covered: coveredShare(f),
    literal: f.exact + f.typo + f.sound,
    corpus: corpusLiteral,
    unknown: unknown / w,
    unknownNames: unknownNames / w,
    namesUnknown: unknownNames > 0 ? 1 : 0,
    kindMissing: f.kindMissing,
    focusMissing: f.focusMissing,
    kindHere: f.kindHere,
    sentence: f.sentence,
    named: facts.namedShare,
    rare: facts.rareLiteral,
    bm25Agrees: argmax(ranked, top, 'bm25').passageId === top.passageId ? 1 : 0,
    sentenceAgrees: argmax(ranked, top, 'sentence').passageId === top.passageId ? 1 : 0,
    articleLead: f.articleShare - otherArticles,
    words: Math.log1p(facts.words.length),
    specific: facts.specific,
    loneEveryday: loneEveryday(facts),
    asks: facts.asks ? 1 : 0,
    thirdPerson: facts.thirdPerson ? 1 : 0,
  };
}
