import { oneEditApart } from './editDistance';

/**
 * Typos of the words that shape a question ("whwre", "hwo", "wen", "how lnog"), repaired by edit
 * distance before the question's kind is read. Only words that are not themselves words of the corpus
 * or common English are touched, so "wen" becomes "when" but "were" stays "were".
 */

/** Words that open a question or say what kind of answer it wants. */
const INTERROGATIVES = ['who', 'what', 'whats', 'when', 'where', 'why', 'which', 'whose', 'how'];
/** Words after "how" that name the kind of answer ("how long", "how many"). */
const HOW_WORDS = ['long', 'many', 'much', 'old', 'far', 'often', 'big'];

export interface WordCheck {
  /** True when the word is one people use on purpose (a corpus word or a common English word). */
  isKnown(word: string): boolean;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  return n;
}

/** The one candidate a single slip away; of two, the one that keeps more of the typed start ("wher" → "where"). */
function nearest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length < 3 || candidates.includes(word)) return undefined;
  const near = candidates
    // One slip; for short words the first letter must stay ("wen" → "when", but "hen" is not "when").
    .filter((c) => oneEditApart(word, c) && (word[0] === c[0] || word.length >= 4))
    .map((c) => ({ c, prefix: commonPrefix(word, c) }))
    .sort((a, b) => b.prefix - a.prefix);
  // Two equally near: no way to tell which was meant.
  if (near.length > 1 && near[0]?.prefix === near[1]?.prefix) return undefined;
  return near[0]?.c;
}

/** The question with misspelt question words put right (case of the rest kept). */
export function repairQuestionWords(question: string, check: WordCheck): string {
  let previous = '';
  return question.replace(/[\p{L}]+/gu, (word) => {
    const lower = word.toLowerCase();
    const before = previous;
    previous = lower;
    const fixed = before === 'how' ? nearest(lower, HOW_WORDS) : nearest(lower, INTERROGATIVES);
    // Asked second: few words are a slip away from a question word, and knowing a word costs lookups.
    if (!fixed || check.isKnown(lower)) return word;
    previous = fixed;
    return fixed;
  });
}
