import type { Corpus, Passage } from './types';
import { foldWhitespace } from './whitespace';

/**
 * What loading cannot see passage by passage: every passage must be the article's own words (the
 * splitter only folds white space and drops bullet markers), and no excluded line may be missing from
 * the body (a typo there would let another story's headline be answered from).
 */
export function corpusProblems(corpus: Corpus): string[] {
  const problems: string[] = [];
  for (const article of corpus.articles) {
    const body = foldWhitespace(article.body);
    for (const line of article.excludedLines) {
      if (!body.includes(foldWhitespace(line)))
        problems.push(`${article.file}: excluded line not found in the body: "${line}"`);
    }
    for (const passage of corpus.passages.filter((p) => p.articleId === article.id)) {
      if (!body.includes(passage.text)) {
        problems.push(`${article.file}: paragraph ${passage.paragraph} is not the article's own text`);
      }
      if (passage.text.length < 2) problems.push(`${article.file}: paragraph ${passage.paragraph} is empty`);
    }
  }
  return problems;
}

/**
 * Who the bot thinks speaks in each passage that quotes or cites someone, one line each, so whoever adds
 * an article sees it at a glance: `¶3  John Kirby, White House spokesman (cited) — The surprise …`.
 * A passage with several speakers lists its main one first.
 */
export function attributionLines(passages: readonly Passage[]): string[] {
  return passages.flatMap((p) => {
    if (!p.speaker) return [];
    const others = new Map<string, string | undefined>();
    for (const s of p.sentenceSpeakers ?? []) if (s.speaker !== p.speaker) others.set(s.speaker, s.role);
    const who = [
      withRole(p.speaker, p.speakerRole, p.speakerVia),
      ...[...others].map(([name, role]) => withRole(name, role)),
    ].join('; ');
    const words = p.text.split(' ');
    const opening = words.slice(0, 8).join(' ') + (words.length > 8 ? ' …' : '');
    return [`¶${p.paragraph}  ${who} — ${opening}`];
  });
}

function withRole(name: string, role: string | undefined, via?: Passage['speakerVia']): string {
  return `${name}${role ? `, ${role}` : ''}${via === 'citation' ? ' (cited)' : ''}`;
}
