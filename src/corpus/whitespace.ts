/** Runs of white space, or white space other than one plain space (JavaScript's \s includes no-break and the other Unicode spaces). */
const NOT_FOLDED = /\s\s|[^\S ]|^\s|\s$/;

/** Folds every run of white space (including non-breaking and other Unicode spaces) to one space. */
export function foldWhitespace(text: string): string {
  // Most lines are folded already: testing for that is cheaper than rebuilding every string at load.
  return NOT_FOLDED.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}
