import { peopleNamed } from '../corpus/speakers';
import type { Passage } from '../corpus/types';
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
  const overlap = (s: string) => words(s).filter((w) => !w.stopword && asked.has(w.term)).length;
  return suggestions
    .map((s, i) => ({ s, i, score: overlap(s) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.s);
}
