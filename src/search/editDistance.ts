/**
 * Edit distance between words, with transpositions ("tlak" is one step from "talk"), as the
 * damerau-levenshtein package counts it, and a shortcut for the commonest question asked of it.
 */

/**
 * Edit steps between two words: damerau-levenshtein's optimal-string-alignment distance, computed
 * the same way in three rows reused from call to call rather than a matrix of arrays made for each.
 */
export function editSteps(a: string, b: string): number {
  const lengthA = a.length;
  const lengthB = b.length;
  if (lengthA === 0) return lengthB;
  if (lengthB === 0) return lengthA;
  if (rows[0].length <= lengthB) rows = [0, 1, 2].map(() => new Int32Array(2 * (lengthB + 1))) as Rows;
  // Rows i - 2, i - 1 and i of the matrix, rotated as i grows.
  let [before, previous, current] = rows;
  for (let j = 0; j <= lengthB; j++) previous[j] = j;
  for (let i = 1; i <= lengthA; i++) {
    current[0] = i;
    const charA = a.charCodeAt(i - 1);
    for (let j = 1; j <= lengthB; j++) {
      const charB = b.charCodeAt(j - 1);
      const cost = charA === charB ? 0 : 1;
      let min = (previous[j] as number) + 1; // deletion
      const insertion = (current[j - 1] as number) + 1;
      if (insertion < min) min = insertion;
      const substitution = (previous[j - 1] as number) + cost;
      if (substitution < min) min = substitution;
      if (i > 1 && j > 1 && charA === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === charB) {
        const transposition = (before[j - 2] as number) + cost;
        if (transposition < min) min = transposition;
      }
      current[j] = min;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[lengthB] as number;
}
type Rows = [Int32Array, Int32Array, Int32Array];
let rows: Rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

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
