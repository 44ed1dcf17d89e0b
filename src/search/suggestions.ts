import { peopleNamed } from '../corpus/speakers';
import type { Passage } from '../corpus/types';
import { BoundedCache } from './boundedCache';
import { words } from './text';

/**
 * Questions an article can answer, made from its own structure: its question-shaped section headings,
 * the people it quotes ("What did Maria Zakharova say?") and the people it names more than once
 * ("Who is Paul Whelan?"). Shown for empty autocomplete input and when the bot abstains.
 */
export function articleQuestions(passages: readonly Passage[]): string[] {
  const questions: string[] = [];
  const add = (q: string) => {
    if (!questions.includes(q)) questions.push(q);
  };
  for (const p of passages) if (p.section?.endsWith('?')) add(p.section);
  const quoted = passages.filter((p) => p.hasQuote && p.speaker && p.speaker.split(' ').length <= 3);
  for (const p of quoted) add(`What did ${p.speaker} say?`);
  for (const name of peopleNamed(passages.map((p) => p.text))) {
    if (!quoted.some((p) => p.speaker === name)) add(`Who is ${name}?`);
  }
  return questions;
}

/** The suggestions that share the most words with what was asked first (stable otherwise). */
export function closestSuggestions(question: string, suggestions: string[], limit: number): string[] {
  const asked = new Set(
    words(question)
      .filter((w) => !w.stopword)
      .map((w) => w.term),
  );
  return suggestions
    .map((s, i) => ({ s, i, score: overlap(contentTermsOf(s), asked) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.s);
}

/** How many of a suggestion's words (each time it uses one) the question asked. */
function overlap(terms: readonly string[], asked: ReadonlySet<string>): number {
  let shared = 0;
  for (const term of terms) if (asked.has(term)) shared++;
  return shared;
}

/**
 * The terms of a suggestion's words that are not stopwords, read once: the same few suggestions are
 * weighed against every question the bot does not answer.
 */
const suggestionTerms = new BoundedCache<string, string[]>(10_000);

function contentTermsOf(suggestion: string): string[] {
  return suggestionTerms.get(suggestion, (s) =>
    words(s)
      .filter((w) => !w.stopword)
      .map((w) => w.term),
  );
}
