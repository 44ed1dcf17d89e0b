import { CLOSED_CLASS_WORDS } from '../corpus/lexicon';
import { BoundedCache } from './boundedCache';
import { asksIdentity, IDENTITY_WORDS, questionCues, SPEECH, summaryCues } from './cues';
import type { PassageIndex } from './passageIndex';
import { baseForm, isStopword, PLAIN_WORDS, termOf, type Word, words, wordTerms } from './text';
import {
  correctToCorpus,
  correctToEnglish,
  isMisspeltStopword,
  soundsLike,
  type UsedByCorpus,
} from './typos';
import { ANALYSIS } from './weights';
import type { WordNet } from './wordnet';

/**
 * Turns the question's words into index terms: the word itself when the corpus uses it, corpus words
 * spelled or sounding like it when it looks like a typo, and WordNet synonyms, multi-word entries and
 * related words that the corpus uses ("meeting" → "encounter", "locked up" → "imprisoned"). How much
 * each kind of match is worth is not decided here: the ranking model weighs them (weights.ts).
 */

/** From the closest to the loosest: a passage keeps, for each question word, its closest match. */
export const MATCH_KINDS = ['exact', 'typo', 'sound', 'alias', 'synonym', 'broader', 'related'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

export interface TermAlternative {
  /** The index terms a passage must all hold: one word, or the two of a multi-word entry ("news conference"). */
  terms: readonly string[];
  kind: MatchKind;
}

export interface QueryWord {
  word: string;
  alternatives: TermAlternative[];
  /** What the word is worth in the question: rare words say more about what is asked. */
  importance: number;
  /** Written like a name (capitalised inside the question) or known to English only as one. */
  name: boolean;
  /** A verb of speech or a manner adverb: frames the question rather than naming its subject. */
  frame: boolean;
  /** How everyday the word is in English (WordNet's tagged count; 0 for names and rare words). */
  commonness: number;
}

export function resolveQuery(question: string, index: PassageIndex, wordnet: WordNet): QueryWord[] {
  // "how long", "which organization": what kind of answer is wanted; "tldr", "give me the gist": a summary.
  const cues = [...questionCues(question), ...summaryCues(question)];
  const all = words(question);
  // "whats lavrovs job", "kirby's title": the role word after a person the corpus names says what kind
  // of answer is wanted (how the article introduces them), not what about, as "how long" does. Not
  // "the position of the U.S.", nor "her dad's job".
  const identity = asksIdentity(question);
  const ownedBy = (w: Word, before: Word | undefined) =>
    identity && IDENTITY_WORDS.has(w.word) && before !== undefined && index.isPersonTerm(before.term);
  const seen = new Set<string>();
  const out: QueryWord[] = [];
  for (const [position, w] of all.entries()) {
    // Single letters ("G" of "G20") say nothing on their own.
    if (w.stopword || seen.has(w.term) || (w.word.length === 1 && !/\d/.test(w.word))) continue;
    if (cues.some((c) => w.start >= c.start && w.end <= c.end)) continue;
    if (ownedBy(w, all[position - 1])) continue;
    const next = all[position + 1];
    const analysis = analyseWord(w, next, index, wordnet);
    if (analysis.misspeltStopword) continue;
    seen.add(w.term);
    // "opposite number" is one thing (a counterpart): its second word is not asked about on its own.
    if (analysis.joinsNext && next) seen.add(next.term);
    const { alternatives } = analysis;
    const exact = alternatives.find((a) => a.kind === 'exact' && a.terms.length === 1);
    // A word the corpus never uses weighs like an ordinary corpus word: it is part of what was asked.
    let importance = exact ? index.idf(exact.terms[0] ?? '') : index.typicalIdf;
    // Common English words ("go", "want", "work") say less than rare ones, however rare in the corpus.
    if (!analysis.properNoun) importance /= 1 + ANALYSIS.commonWordDamping * Math.log1p(analysis.commonness);
    const frame = SPEECH.test(w.word) || (!exact && analysis.adverb);
    if (frame) importance *= ANALYSIS.frameImportance;
    // "the two men": a spelled-out count describes more often than it identifies.
    if (w.word.length <= 2 || /^\d+$/.test(w.term) !== /^\d/.test(w.word))
      importance *= ANALYSIS.shortWordImportance;
    const written = question.slice(w.start, w.end);
    const name = (position > 0 && /^\p{Lu}/u.test(written)) || analysis.properNoun;
    const commonness = name ? 0 : analysis.commonness;
    out.push({ word: w.word, alternatives, importance, name, frame, commonness });
  }
  return out;
}

interface WordAnalysis {
  misspeltStopword: boolean;
  alternatives: TermAlternative[];
  /** The word and the next form a WordNet entry whose synonyms the corpus uses. */
  joinsNext: boolean;
  adverb: boolean;
  properNoun: boolean;
  /** How often WordNet's tagged texts use the word (0 for rare words and names). */
  commonness: number;
}

/**
 * What a word means for this corpus depends only on the word and the one after it: worked out once
 * for the pair, from what the word means on its own (worked out once for the word, whatever follows
 * it: "Blinken" is read once for "Blinken meet", "Blinken say" and "Blinken's").
 */
const analyses = new WeakMap<PassageIndex, BoundedCache<string, WordAnalysis>>();
const readings = new WeakMap<PassageIndex, BoundedCache<string, WordReading>>();
const ANALYSIS_CACHE_LIMIT = 20_000;

function cacheFor<V>(caches: WeakMap<PassageIndex, BoundedCache<string, V>>, index: PassageIndex) {
  let cache = caches.get(index);
  if (!cache) {
    cache = new BoundedCache(ANALYSIS_CACHE_LIMIT);
    caches.set(index, cache);
  }
  return cache;
}

function analyseWord(w: Word, next: Word | undefined, index: PassageIndex, wordnet: WordNet): WordAnalysis {
  // Typo repair keeps to the corpus's names for a word written as one (capitalised, not first).
  const asName = w.capitalised && w.start > 0;
  const suffix = asName ? ' N' : '';
  return cacheFor(analyses, index).get(`${w.word} ${next?.word ?? ''}${suffix}`, () => {
    const reading = cacheFor(readings, index).get(`${w.word}${suffix}`, () =>
      readWord(w, asName, index, wordnet),
    );
    const { misspeltStopword, adverb, properNoun, commonness } = reading;
    let joinsNext = false;
    let alternatives = reading.alternatives;
    if (!misspeltStopword && next && reading.joinable) {
      const withEntries = new Map(alternatives);
      joinsNext = addEntriesWithNext(w, next, reading.lemma, withEntries, index, wordnet);
      alternatives = withEntries;
    }
    return {
      misspeltStopword,
      alternatives: [...alternatives.values()],
      joinsNext,
      adverb,
      properNoun,
      commonness,
    };
  });
}

/** What a word means on its own: all of its analysis but the multi-word entries it begins. */
interface WordReading {
  misspeltStopword: boolean;
  /** Its index terms, by the terms joined with spaces, in the order they were found. */
  alternatives: ReadonlyMap<string, TermAlternative>;
  /** Its dictionary form, repaired when it was a typo: how it begins a multi-word entry. */
  lemma: string;
  /** False for numbers and closed-class words: matched as written, they begin no multi-word entry. */
  joinable: boolean;
  adverb: boolean;
  properNoun: boolean;
  commonness: number;
}

function readWord(w: Word, asName: boolean, index: PassageIndex, wordnet: WordNet): WordReading {
  const misspeltStopword = isMisspeltStopword(w.word, index, wordnet);
  const found = misspeltStopword
    ? { alternatives: new Map(), lemma: w.word, joinable: false }
    : alternativesFor(w, asName, index, wordnet);
  return {
    misspeltStopword,
    ...found,
    adverb: wordnet.isOnlyAdverb(w.word),
    properNoun: wordnet.isProperNoun(w.word),
    commonness: wordnet.commonness(w.word),
  };
}

/**
 * Whether the question's word and the corpus words sharing its stem are the same word: the corpus uses
 * it as written, or they share a dictionary form ("lasted" and "last"). Unknown to WordNet counts as same.
 */
function sameWord(word: string, term: string, index: PassageIndex, wordnet: WordNet): boolean {
  const spellings = index.spellings(term);
  if (spellings.length === 0 || spellings.includes(word)) return true;
  // Irregular forms WordNet's rules miss ("spoke" → "speak") count through their base form.
  const mine = wordnet.baseForms(word);
  if (mine.size === 0) return true;
  mine.add(baseForm(word));
  return spellings.some((s) => {
    const theirs = new Set([...wordnet.baseForms(s), baseForm(s)]);
    return [...theirs].some((f) => mine.has(f)) || wordnet.baseForms(s).size === 0;
  });
}

/**
 * The index terms of a WordNet entry ("news conference" → news, confer). A phrasal verb's particle is a
 * stopword ("lock up" → lock): the verb alone is only a loose match for the entry.
 */
function entryTerms(entry: string): { terms: string[]; whole: boolean } | undefined {
  return entryCache.get(entry, analyseEntry);
}
const entryCache = new BoundedCache<string, { terms: string[]; whole: boolean } | undefined>(
  ANALYSIS_CACHE_LIMIT,
);

function analyseEntry(entry: string): { terms: string[]; whole: boolean } | undefined {
  const all = wordTerms(entry);
  const terms = all.filter((w) => !w.stopword).map((w) => w.term);
  if (terms.length === 0 || terms.length > 2) return undefined;
  return { terms, whole: terms.length === all.length };
}

/** Adds index terms for a word, unless the corpus lacks one of them or the word has them by a closer kind already. */
function addAlternative(
  alternatives: Map<string, TermAlternative>,
  terms: readonly string[] | undefined,
  kind: MatchKind,
  index: PassageIndex,
): void {
  if (!terms?.every((t) => index.hasTerm(t))) return;
  const key = terms.join(' ');
  const known = alternatives.get(key);
  if (!known || MATCH_KINDS.indexOf(kind) < MATCH_KINDS.indexOf(known.kind))
    alternatives.set(key, { terms, kind });
}

/**
 * False when some word of the entry that is not a stopword has a term the corpus lacks, told without
 * stemming it (TermStarts): entryTerms would give a term hasTerm refuses, or too many terms. Entries
 * not of plain lower-case words are read by the word pattern, and always stemmed.
 */
export function mayBeInCorpus(entry: string, index: PassageIndex): boolean {
  if (!entry.includes(' ')) return index.mayHaveTermOf(entry);
  if (!PLAIN_WORDS.test(entry)) return true;
  for (const word of entry.split(' ')) if (!isStopword(word) && !index.mayHaveTermOf(word)) return false;
  return true;
}

/** Adds the index terms of a WordNet entry, as `kind` when they are the whole entry. */
function addEntry(
  alternatives: Map<string, TermAlternative>,
  entry: string,
  kind: MatchKind,
  index: PassageIndex,
): void {
  // Most entries WordNet gives are words the corpus never uses: passed over before they are stemmed.
  if (!mayBeInCorpus(entry, index)) return;
  const found = entryTerms(entry);
  if (found) addAlternative(alternatives, found.terms, found.whole ? kind : 'related', index);
}

/**
 * Whether the corpus uses a word, or a word WordNet relates to it, for typo repair: made once per corpus
 * and dictionary, not per word (tsx names every function as it is made, which costs more than a call).
 */
const corpusUses = new WeakMap<PassageIndex, { wordnet: WordNet; use: UsedByCorpus }>();

function corpusUseOf(index: PassageIndex, wordnet: WordNet): UsedByCorpus {
  const known = corpusUses.get(index);
  if (known?.wordnet === wordnet) return known.use;
  const use: UsedByCorpus = {
    itself: (candidate) => index.mayHaveTermOf(candidate) && index.hasTerm(termOf(candidate)),
    related: (candidate) =>
      wordnet.related(candidate).some((r) => index.mayHaveTermOf(r.word) && index.hasTerm(termOf(r.word))),
  };
  corpusUses.set(index, { wordnet, use });
  return use;
}

function alternativesFor(
  w: Word,
  asName: boolean,
  index: PassageIndex,
  wordnet: WordNet,
): { alternatives: Map<string, TermAlternative>; lemma: string; joinable: boolean } {
  const alternatives = new Map<string, TermAlternative>();

  const inCorpus = index.hasTerm(w.term);
  if (inCorpus && sameWord(w.word, w.term, index, wordnet))
    addAlternative(alternatives, [w.term], 'exact', index);
  // The stemmer joins some different words ("topping" and "top"): a loose match, not the word itself.
  else if (inCorpus) addAlternative(alternatives, [w.term], 'related', index);
  // "the foreign minister" is the person the article calls so.
  for (const alias of index.aliasesOf(w.term)) addAlternative(alternatives, [alias], 'alias', index);
  // Numbers, and closed-class words ("among", "despite", "off"): matched as written or not at all;
  // WordNet's other readings of them ("off" as the adjective whose synonym is "away") are never what
  // was asked.
  if (/^\d+$/.test(w.word) || CLOSED_CLASS_WORDS.has(w.word))
    return { alternatives, lemma: w.word, joinable: false };

  let lemma = baseForm(w.word);
  // Three letters leave too little to tell a slip from another word ("lol" is not "lot") unless there is
  // no vowel ("lst", "mtg"); question words ("hwo", "wen") are repaired before this.
  if (!inCorpus && (w.word.length >= 4 || (w.word.length === 3 && !/[aeiouy]/.test(w.word)))) {
    const english = wordnet.isWord(lemma);
    // A corpus word one or two slips away; for a real English word, or a word written as a name
    // ("Lisa"), only a name of the corpus ("brittany" → Brittney).
    const corrected = correctToCorpus(w.word, index, { namesOnly: english || asName });
    if (corrected) {
      addAlternative(alternatives, [corrected.term], english ? 'sound' : 'typo', index);
      if (!english) lemma = corrected.word;
    }
    // Names spelled by ear ("lavroff" → Lavrov, "zakarova" → Zakharova).
    for (const alike of soundsLike(w.word, index)) addAlternative(alternatives, [alike.term], 'sound', index);
    if (!english && !corrected) {
      lemma = correctToEnglish(w.word, wordnet, corpusUseOf(index, wordnet)) ?? lemma;
      // "spek" → "speak", which the corpus uses as "spoke".
      addAlternative(alternatives, [termOf(lemma)], 'typo', index);
    }
  }

  // The word as typed and its base form can be different entries ("left": remaining; "leave").
  for (const form of new Set([w.word, lemma])) {
    for (const related of wordnet.related(form))
      addEntry(alternatives, related.word, related.relation, index);
  }
  return { alternatives, lemma, joinable: true };
}

/**
 * A multi-word entry WordNet knows ("locked up" → imprison, "prison term" → sentence) stands in for
 * its first word; the second is matched on its own as well. Adds its terms; true when they were new
 * and the pair is not itself the entry, so that the second word is not asked about on its own.
 */
function addEntriesWithNext(
  w: Word,
  next: Word,
  lemma: string,
  alternatives: Map<string, TermAlternative>,
  index: PassageIndex,
  wordnet: WordNet,
): boolean {
  let joinsNext = false;
  // The entry itself, when the corpus holds both its words ("arms control").
  const phrase = `${w.word} ${next.word}`;
  // Its second word stays a word of its own: "foreign minister" must not match "foreign ministry".
  const literal =
    !next.stopword && index.hasTerm(w.term) && index.hasTerm(next.term) && wordnet.isWord(phrase);
  if (literal) addAlternative(alternatives, [w.term, next.term], 'exact', index);
  for (const form of new Set([lemma, ...wordnet.baseForms(w.word)])) {
    for (const related of wordnet.related(`${form} ${next.word}`)) {
      if (related.relation !== 'synonym' && related.relation !== 'broader') continue;
      const before = alternatives.size;
      addEntry(alternatives, related.word, related.relation, index);
      if (alternatives.size > before && !literal) joinsNext = true;
    }
  }
  // "shut down", "give up": a particle completes the verb's entry and says nothing on its own.
  return joinsNext || (literal && CLOSED_CLASS_WORDS.has(next.word));
}
