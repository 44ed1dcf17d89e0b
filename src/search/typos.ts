import { editSteps, oneEditApart } from './editDistance';
import type { PassageIndex } from './passageIndex';
import { soundCodes } from './phonetic';
import { OneEditHashes } from './spellingFilter';
import { baseForm, LONGER_STOPWORDS } from './text';
import type { WordNet } from './wordnet';

/**
 * Typo repair for question words the corpus does not use. fuse.js proposes corpus words spelled like
 * the typed one; an edit distance (with transpositions: "tlak" is one step from "talk") confirms them,
 * because Bitap also finds a short word inside unrelated longer ones.
 */

/** Edits allowed for a word of this length: one for short words, two from six letters on. */
export function allowedEdits(word: string): number {
  return word.length >= 6 ? 2 : 1;
}

export interface Correction {
  word: string;
  term: string;
  /** Edit steps from what was typed. */
  steps: number;
}

export interface CorrectionOptions {
  /**
   * Only names of the corpus may be the intended word: for a real English word ("brittany"), which is a
   * typo only when the article names something spelled almost like it (Brittney).
   */
  namesOnly?: boolean;
}

export function correctToCorpus(
  word: string,
  index: PassageIndex,
  options: CorrectionOptions = {},
): Correction | undefined {
  // Only a name starting alike can be taken for a real word: when no word spelled like it is one
  // (nearly always), the nearest ten need not be ranked.
  if (
    options.namesOnly &&
    (!index.hasNameStartingWith(word[0] ?? '') ||
      !index.spelledLike(word).some((w) => index.isName(w) && w[0] === word[0]))
  )
    return undefined;
  const candidates = index
    .similarWords(word, 10)
    .filter((c) => c.steps <= allowedEdits(word) && (c.steps === 1 || c.word[0] === word[0]))
    // A real word is taken for a name only when it starts and sounds alike ("brittany" → Brittney).
    .filter(
      (c) =>
        !options.namesOnly ||
        (index.isName(c.word) &&
          c.word[0] === word[0] &&
          soundCodes(c.word).some((code) => soundCodes(word).includes(code))),
    )
    .sort(
      (a, b) => a.steps - b.steps || likeness(word, b.word) - likeness(word, a.word) || a.score - b.score,
    );
  const best = candidates[0];
  return best ? { word: best.word, term: best.term, steps: best.steps } : undefined;
}

/**
 * "wht", "abut", "teh": one slip away from a stopword and not a word the corpus uses or a common English
 * word, so it is a misspelt stopword, not a subject of the question.
 */
export function isMisspeltStopword(word: string, index: PassageIndex, wordnet: WordNet): boolean {
  if (word.length < 3 || index.hasTerm(word) || wordnet.commonness(word) > 0) return false;
  // An irregular form ("met", "led") is a word of its own, whatever it is one slip away from.
  const base = baseForm(word);
  if (base !== word && wordnet.isWord(base)) return false;
  return LONGER_STOPWORDS.some((s) => oneEditApart(word, s));
}

/** Among equally near words, people keep the first letter and the length: "tready" is "treaty", not "ready". */
function likeness(typed: string, candidate: string): number {
  return (typed[0] === candidate[0] ? 2 : 0) + (typed.length === candidate.length ? 1 : 0);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Whether the corpus uses the word itself, else whether it uses a related word. */
export interface UsedByCorpus {
  itself: (candidate: string) => boolean;
  related: (candidate: string) => boolean;
}

const NOT_USED: UsedByCorpus = { itself: () => false, related: () => false };

/**
 * English words one edit away ("tlak" → "talk"), for typos of words the article does not use but
 * whose synonyms it might. A word the corpus uses (or has a related word of) first, then
 * transpositions: they are the commonest typing slip.
 */
export function correctToEnglish(
  word: string,
  wordnet: WordNet,
  usedByCorpus: UsedByCorpus = NOT_USED,
): string | undefined {
  if (word.length < 3 || word.length > 15 || !/^[a-z]+$/.test(word)) return undefined;
  // Spellings are made (and looked up) only when the lemma filter lets their hash through; their
  // order is the order they are tried in.
  const filter = wordnet.spellingFilter();
  const edits = new OneEditHashes(word);
  const found: string[] = [];
  for (let i = 0; i + 1 < word.length; i++)
    if (edits.transposition(i, filter))
      keepWord(found, word, word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2), wordnet);
  for (let i = 0; i <= word.length; i++) {
    for (const c of LETTERS) {
      const letter = c.charCodeAt(0);
      // insertion ("lng" → "long"), then substitution
      if (edits.insertion(i, letter, filter))
        keepWord(found, word, word.slice(0, i) + c + word.slice(i), wordnet);
      if (i < word.length && edits.substitution(i, letter, filter))
        keepWord(found, word, word.slice(0, i) + c + word.slice(i + 1), wordnet);
    }
    if (i < word.length && edits.deletion(i, filter))
      keepWord(found, word, word.slice(0, i) + word.slice(i + 1), wordnet);
  }
  const english = [...new Set(found)];
  // Of several real words one slip away ("spek": spec, speak, seek), the one the corpus can use wins.
  return english.find(usedByCorpus.itself) ?? english.find(usedByCorpus.related) ?? english[0];
}

/** Keeps a spelling one edit from `word` that is an English word (a function, not a closure per word). */
function keepWord(found: string[], word: string, spelling: string, wordnet: WordNet): void {
  if (spelling !== word && wordnet.isExactWord(spelling)) found.push(spelling);
}

/**
 * Corpus names that sound like the typed word and are spelled not too differently: people spell names
 * they have heard ("zakarova", "grinner"). Only names, since common words that sound alike
 * ("right", "write") are different words.
 */
export function soundsLike(word: string, index: PassageIndex): Array<{ word: string; term: string }> {
  // Only a name starting as the word does is kept: with none (most letters), the word's sound is not
  // worked out.
  if (word.length < 4 || !index.hasNameStartingWith(word[0] ?? '') || !/^\p{L}+$/u.test(word)) return [];
  return index
    .wordsSounding(soundCodes(word))
    .filter((c) => c.word !== word && index.isName(c.word))
    .filter((c) => c.word[0] === word[0] && editSteps(word, c.word) <= Math.ceil(word.length / 3));
}
