import { readArticle } from './speakers';
import type { Passage } from './types';
import { foldWhitespace } from './whitespace';

/** A passage before it gets its place in a corpus. */
export type ArticlePassage = Omit<Passage, 'id' | 'articleId'>;

const BULLET = /^\s*(?:[•◦▪‣·*-]|\d{1,2}[.)])\s+/u;
const MARKDOWN_HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;

/**
 * Splits an article body into passages: every paragraph and every bullet is one; headings become the
 * `section` of the passages under them; `excludedLines` (another story's headline) are dropped.
 */
export function splitPassages(body: string, excludedLines: readonly string[] = []): ArticlePassage[] {
  const excluded = new Set(excludedLines.map(foldWhitespace));
  const passages: ArticlePassage[] = [];
  let section: string | undefined;

  for (const block of body.split(/\r?\n[\s\u00a0]*\r?\n/)) {
    const lines = block.split(/\r?\n/).filter((line) => {
      if (excluded.size === 0) return line.trim() !== '';
      const folded = foldWhitespace(line);
      return folded !== '' && !excluded.has(folded);
    });
    if (lines.length === 0) continue;

    const heading = headingOf(lines);
    if (heading !== undefined) {
      section = heading;
      continue;
    }
    for (const text of blockPassages(lines)) {
      passages.push({
        paragraph: passages.length + 1,
        section,
        text,
        hasQuote: /[“”"‘]|(?:^|\s)'/u.test(text),
      });
    }
  }

  const { speakers, people } = readArticle(passages.map((p) => p.text));
  return passages.map((p, i) => {
    const found = speakers[i];
    const named = people[i] ?? [];
    const withPeople = named.length > 0 ? { ...p, people: named } : p;
    if (!found) return withPeople;
    return {
      ...withPeople,
      speaker: found.name,
      ...(found.role ? { speakerRole: found.role } : {}),
      speakerVia: found.via,
      sentenceSpeakers: found.sentences.map((s) => ({
        start: s.start,
        end: s.end,
        speaker: s.name,
        ...(s.role ? { role: s.role } : {}),
        via: s.via,
        ...(s.quoted ? { quoted: true } : {}),
        ...(s.kind === 'group' ? { group: true } : {}),
      })),
    };
  });
}

/** A block is a heading when it is a Markdown heading, or one short line that does not end like a sentence. */
function headingOf(lines: string[]): string | undefined {
  if (lines.length !== 1) return undefined;
  const line = lines[0] ?? '';
  const markdown = MARKDOWN_HEADING.exec(line);
  if (markdown) return foldWhitespace(markdown[1] ?? '');
  const text = foldWhitespace(line);
  if (BULLET.test(line)) return undefined;
  const words = text.split(' ').length;
  const endsLikeSentence = /[.!:;,”"’')\]…]$/u.test(text);
  return words <= 14 && !endsLikeSentence ? text : undefined;
}

/** Bullet lines are one passage each (indented continuation lines join their bullet); other lines form one paragraph. */
function blockPassages(lines: string[]): string[] {
  if (!lines.some((line) => BULLET.test(line))) return [foldWhitespace(lines.join(' '))];
  const items: string[] = [];
  for (const line of lines) {
    if (BULLET.test(line) || items.length === 0) items.push(line.replace(BULLET, ''));
    else items[items.length - 1] += ` ${line}`;
  }
  return items.map(foldWhitespace).filter(Boolean);
}
