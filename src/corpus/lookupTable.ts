/**
 * A word table with no prototype: looked up with words from articles and questions, a plain object
 * literal answers "constructor", "toString" or "__proto__" with Object's own functions (so
 * "constructor" would be read as a number word, a rank and shorthand for "function Object() …").
 */
export function lookupTable<V>(entries: Readonly<Record<string, V>>): Readonly<Record<string, V>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, V>, entries));
}
