import { questionCues, SPEECH } from './cues';
import type { PassageIndex } from './passageIndex';
import { baseForm, termOf, type Word, words } from './text';
import { correctToCorpus, correctToEnglish, isMisspeltStopword } from './typos';
import type { WordNet } from './wordnet';

/**
 * Turns the question's words into weighted index terms: the word itself when the corpus uses it, a
 * corpus word spelled like it when it looks like a typo, and WordNet synonyms and related words the
 * corpus uses ("meeting" → "encounter").
 */

export type MatchKind = 'exact' | 'typo' | 'synonym' | 'broader' | 'related';

export interface TermAlternative {
  term: string;
  /** How well a passage holding this term answers for the word: 1 for the word itself. */
  weight: number;
  kind: MatchKind;
}

export interface QueryWord {
  word: string;
  alternatives: TermAlternative[];
  /** What the word is worth in the question: rare words say more about what is asked. */
  importance: number;
  /**
   * The thing asked about: `owned` in "what is Whelan’s colour" (a passage must name it), `of` in "what
   * is the population of India" (a passage must name it unless it names several other words asked).
   */
  focus?: 'owned' | 'of';
}

/** "What is the population of India?": the word after the article is what the question is about. */
const FOCUS =
  /^(?:what|which|who)(?:'s| is| are| was| were) (?:the|a|an) ([\p{L}-]+) (?:of|in|for|at|on|between)\b/iu;
/** "What is Paul Whelan’s favourite colour?": the last word of what the possessive owns. */
const POSSESSIVE_FOCUS = /^(?:what|which|who|how)\b.*?[’']s (?:[\p{L}-]+ )?([\p{L}-]+)\s*\??$/iu;

const TYPO_WEIGHT = [1, 0.85, 0.7];
const STEM_ONLY_WEIGHT = 0.5;
const SYNONYM_WEIGHT = 0.75;
const BROADER_WEIGHT = 0.55;
const RELATED_WEIGHT = 0.4;
const RELATION_WEIGHT = {
  synonym: SYNONYM_WEIGHT,
  broader: BROADER_WEIGHT,
  related: RELATED_WEIGHT,
} as const;
/** Synonyms of a word the corpus already uses count for less: the word itself is the better evidence. */
const KNOWN_WORD_EXPANSION = 0.8;
/**
 * A verb of speech ("warned", "according to") or an adverb the corpus never uses ("really") frames the
 * question rather than naming its subject.
 */
const FRAMING_WORD_IMPORTANCE = 0.25;
/**
 * A name the corpus never mentions ("Brazil") says the question is about something else: it weighs
 * more than an ordinary unknown word.
 */
const UNKNOWN_NAME_IMPORTANCE = 3;

export function resolveQuery(question: string, index: PassageIndex, wordnet: WordNet): QueryWord[] {
  const cues = questionCues(question);
  const ofFocus = FOCUS.exec(question)?.[1]?.toLowerCase();
  const ownedFocus = POSSESSIVE_FOCUS.exec(question)?.[1]?.toLowerCase();
  const seen = new Set<string>();
  const out: QueryWord[] = [];
  const maxIdf = index.idf('\u0000');
  let previous: Word | undefined;
  for (const [position, w] of words(question).entries()) {
    // Single letters ("G" of "G20") say nothing on their own.
    if (w.stopword || seen.has(w.term) || (w.word.length === 1 && !/\d/.test(w.word))) continue;
    // "how long", "which organization": what kind of answer is wanted, handled as a cue.
    if (cues.some((c) => w.start >= c.start && w.end <= c.end)) continue;
    const analysis = analyseWord(w, previous, index, wordnet);
    if (analysis.misspeltStopword) continue;
    seen.add(w.term);
    previous = w;
    const { alternatives } = analysis;
    const exact = alternatives.find((a) => a.kind === 'exact');
    // A word the corpus never uses weighs like an ordinary corpus word (a paraphrase's own word), a
    // name it never mentions more (below).
    let importance = exact ? index.idf(exact.term) : index.typicalIdf;
    // "the two men": a spelled-out count describes more often than it identifies.
    if (w.word.length <= 2 || /^\d+$/.test(w.term) !== /^\d/.test(w.word)) importance *= 0.5;
    if (SPEECH.test(w.word) || (!exact && analysis.adverb)) importance *= FRAMING_WORD_IMPORTANCE;
    const written = question.slice(w.start, w.end);
    const looksLikeName = (position > 0 && /^\p{Lu}/u.test(written)) || analysis.properNoun;
    if (alternatives.length === 0 && looksLikeName) importance = maxIdf * UNKNOWN_NAME_IMPORTANCE;
    const focus = w.word === ownedFocus ? 'owned' : w.word === ofFocus ? 'of' : undefined;
    out.push({ word: w.word, alternatives, importance, focus });
  }
  return out;
}

interface WordAnalysis {
  misspeltStopword: boolean;
  alternatives: TermAlternative[];
  adverb: boolean;
  properNoun: boolean;
}

/** What a word means for this corpus depends only on the word (and the one before it): worked out once. */
const analyses = new WeakMap<PassageIndex, Map<string, WordAnalysis>>();
const ANALYSIS_CACHE_LIMIT = 20_000;

function analyseWord(
  w: Word,
  previous: Word | undefined,
  index: PassageIndex,
  wordnet: WordNet,
): WordAnalysis {
  let cache = analyses.get(index);
  if (!cache) {
    cache = new Map();
    analyses.set(index, cache);
  }
  const key = `${previous?.word ?? ''} ${w.word}`;
  let analysis = cache.get(key);
  if (!analysis) {
    const misspeltStopword = isMisspeltStopword(w.word, index, wordnet);
    analysis = {
      misspeltStopword,
      alternatives: misspeltStopword ? [] : alternativesFor(w, index, wordnet, previous),
      adverb: wordnet.isOnlyAdverb(w.word),
      properNoun: wordnet.isProperNoun(w.word),
    };
    if (cache.size >= ANALYSIS_CACHE_LIMIT) cache.clear();
    cache.set(key, analysis);
  }
  return analysis;
}

/**
 * Whether the question's word and the corpus words sharing its stem are the same word: the corpus uses
 * it as written, or they share a dictionary form ("lasted" and "last"). Unknown to WordNet counts as same.
 */
function sameWord(word: string, term: string, index: PassageIndex, wordnet: WordNet): boolean {
  const spellings = index.spellings(term);
  if (spellings.length === 0 || spellings.includes(word)) return true;
  // Irregular forms WordNet's rules miss ("spoke" → "speak") count through their base form.
  const formsOf = (w: string) => new Set([...wordnet.baseForms(w), baseForm(w)]);
  const mine = wordnet.baseForms(word);
  if (mine.size === 0) return true;
  mine.add(baseForm(word));
  return spellings.some((s) => {
    const theirs = formsOf(s);
    return [...theirs].some((f) => mine.has(f)) || wordnet.baseForms(s).size === 0;
  });
}

function alternativesFor(w: Word, index: PassageIndex, wordnet: WordNet, previous?: Word): TermAlternative[] {
  const alternatives = new Map<string, TermAlternative>();
  const add = (term: string, weight: number, kind: MatchKind) => {
    const known = alternatives.get(term);
    if (index.hasTerm(term) && (!known || known.weight < weight))
      alternatives.set(term, { term, weight, kind });
  };

  const inCorpus = index.hasTerm(w.term);
  if (inCorpus && sameWord(w.word, w.term, index, wordnet)) add(w.term, 1, 'exact');
  // The stemmer joins some different words ("topping" and "top"): a weak match, not the word itself.
  else if (inCorpus) add(w.term, STEM_ONLY_WEIGHT, 'related');
  if (/^\d+$/.test(w.word)) return [...alternatives.values()];

  let lemma = baseForm(w.word);
  let factor = inCorpus ? KNOWN_WORD_EXPANSION : 1;
  if (!inCorpus && !wordnet.isWord(lemma) && w.word.length >= 3) {
    const corrected = correctToCorpus(w.word, index);
    if (corrected) {
      add(corrected.term, TYPO_WEIGHT[corrected.steps] ?? 0.6, 'typo');
      lemma = corrected.word;
    } else {
      lemma =
        correctToEnglish(w.word, wordnet, {
          itself: (candidate) => index.hasTerm(termOf(candidate)),
          related: (candidate) => wordnet.related(candidate).some((r) => index.hasTerm(termOf(r.word))),
        }) ?? lemma;
      // "spek" → "speak", which the corpus uses as "spoke".
      add(termOf(lemma), TYPO_WEIGHT[1] ?? 0.85, 'typo');
    }
    factor = 0.85;
  }

  for (const related of wordnet.related(lemma)) {
    if (related.word.includes(' ')) continue;
    add(termOf(related.word), RELATION_WEIGHT[related.relation] * factor, related.relation);
  }
  // A compound WordNet knows ("prison term" → "sentence") stands in for its head word.
  if (previous) {
    for (const related of wordnet.related(`${previous.word} ${w.word}`)) {
      if (related.relation === 'synonym' && !related.word.includes(' '))
        add(termOf(related.word), SYNONYM_WEIGHT, 'synonym');
    }
  }
  return [...alternatives.values()];
}
