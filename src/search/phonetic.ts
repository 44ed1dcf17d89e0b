import { doubleMetaphone } from 'double-metaphone';

/** The Double Metaphone codes of a word: how it sounds, whatever its spelling ("lavroff", "lavrov" → LFRF). */
export function soundCodes(word: string): string[] {
  const [primary, secondary] = doubleMetaphone(word);
  return [...new Set([primary, secondary].filter((code) => code.length >= 2))];
}
