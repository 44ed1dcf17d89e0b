/**
 * Splits a passage into sentences, keeping abbreviations ("U.S.", "Mr.", "Jan.") and initials inside
 * their sentence: `Intl.Segmenter` would cut "Whelan, a former U.S. Marine, has been…" after "U.S.".
 */

const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof sen rep gov gen col lt sgt capt st jr sr inc corp co ltd vs etc no jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);

export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const boundary = /[.!?…]+[”"’')\]]*(?=\s+[“"‘'([]?[\p{Lu}\d])/gu;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    const before = text.slice(start, match.index);
    const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
    // "U.S." or "J." (dotted letters) and known abbreviations do not end a sentence.
    if (
      match[0] === '.' &&
      (/^(?:\p{L}\.)*\p{L}$/u.test(lastWord) || ABBREVIATIONS.has(lastWord.toLowerCase()))
    )
      continue;
    sentences.push(text.slice(start, end).trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}
