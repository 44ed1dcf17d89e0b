/**
 * Text folded for matching what people type against what articles say: Unicode compatibility forms,
 * lower case, curly quotes and primes as straight ones, runs of white space as one space. So "Russia's"
 * typed on a keyboard matches the article's "Russia’s".
 */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛′`]/gu, "'")
    .replace(/[“”„‟″]/gu, '"')
    .replace(/\s+/gu, ' ')
    .trim();
}
