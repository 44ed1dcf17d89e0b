import { splitSentences } from '../corpus/sentences';
import { BoundedCache } from './boundedCache';
import { type Word, words } from './text';

export const MAX_QUOTE_LENGTH = 600;

/**
 * The words to quote from a passage: all of it when it fits, else the run of whole sentences that holds
 * the most matched terms within the limit. A single sentence over the limit is cut at a word boundary:
 * the quote stays the article's own words, and the renderer shows the cut.
 */
export function chooseQuote(text: string, matchedTerms: ReadonlySet<string>): string {
  if (text.length <= MAX_QUOTE_LENGTH) return text;
  const sentences = splitSentences(text);
  const hits = sentences.map((s) => words(s).filter((w) => !w.stopword && matchedTerms.has(w.term)).length);
  let best = { from: 0, to: 0, hits: -1 };
  for (let from = 0; from < sentences.length; from++) {
    let length = -1;
    let count = 0;
    for (let to = from; to < sentences.length; to++) {
      length += (sentences[to]?.length ?? 0) + 1;
      if (length > MAX_QUOTE_LENGTH) break;
      count += hits[to] ?? 0;
      if (count > best.hits) best = { from, to: to + 1, hits: count };
    }
  }
  if (best.hits >= 0) return sentences.slice(best.from, best.to).join(' ');
  const cut = text.slice(0, MAX_QUOTE_LENGTH);
  return cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length);
}

/** The words of quotes shown lately: each answer shows its quote and its alternatives' again and again. */
const quoteWords = new BoundedCache<string, Word[]>(2_000);

/** Words of the quote, as written there, whose terms matched the question: what to show in bold. */
export function highlightWords(quote: string, matchedTerms: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const w of quoteWords.get(quote, words))
    if (!w.stopword && matchedTerms.has(w.term)) found.add(quote.slice(w.start, w.end));
  return [...found];
}
