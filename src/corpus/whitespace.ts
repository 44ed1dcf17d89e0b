/** Folds every run of white space (including non-breaking and other Unicode spaces) to one space. */
export function foldWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000\ufeff]+/gu, ' ').trim();
}
