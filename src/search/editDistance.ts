import levenshtein from 'damerau-levenshtein';

/**
 * Edit distance between words, with transpositions ("tlak" is one step from "talk"): the steps of
 * damerau-levenshtein, and a shortcut for the commonest question asked of it.
 */

/** Edit steps between two words. */
export function editSteps(a: string, b: string): number {
  return levenshtein(a, b).steps;
}

/**
 * Whether two words are exactly one edit apart (a letter added, left out or changed, or two neighbours
 * swapped): `editSteps(a, b) === 1`, without building its matrix. Typo repair asks this of every
 * stopword and question word for each new word, nearly always of words that are nothing alike.
 */
export function oneEditApart(a: string, b: string): boolean {
  const lengthA = a.length;
  const lengthB = b.length;
  if (a === b || Math.abs(lengthA - lengthB) > 1) return false;
  let i = 0;
  while (i < lengthA && i < lengthB && a[i] === b[i]) i++;
  if (lengthA === lengthB) {
    // Changed at the first difference, or swapped with the letter after it.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // Added or left out: the longer word without its letter at the first difference is the shorter.
  const [shorter, longer] = lengthA < lengthB ? [a, b] : [b, a];
  return shorter.slice(i) === longer.slice(i + 1);
}
