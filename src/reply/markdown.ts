import { ELLIPSIS } from './limits';

/**
 * Escapes text (a user's question, an article's words) so Discord shows it literally: no bold,
 * italics, code, spoilers, headings, lists or masked links made by accident or on purpose.
 * Backslashes are escaped too, so nothing we append later can be swallowed by one.
 *
 * Every markdown character is escaped where it stands, and list markers at a line's start. discord.js's
 * `escapeMarkdown` reads its patterns first and escapes what they match, and runs of asterisks defeat
 * it: "***@everyone***@everyone***@everyone" came out with "\\*\**", a stray backslash and a live "*".
 */
export function escapeText(text: string): string {
  // Every "[" is escaped, not only one that opens a masked link: a lone "[" in a question could
  // otherwise pair with a "](…)" elsewhere in the same message.
  return text
    .replace(/[\\*_~`|[>#]/g, '\\$&')
    .replace(/^(\s*)([-+])(?=\s)/gmu, '$1\\$2')
    .replace(/^(\s*\d+)\.(?=\s)/gmu, '$1\\.');
}

const WORD_CHAR = '[\\p{L}\\p{N}]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Escapes `text`, then bolds every whole-word occurrence of `words` (case-insensitive).
 * Escaping comes first so the article's own `*` or `_` can never pair with our `**`; matches are
 * looked up in the escaped text as whole words (not preceded or followed by a letter or digit, and
 * not right after an escaping backslash), and highlights separated only by spaces share one bold run.
 */
export function boldWords(text: string, words: readonly string[]): string {
  const escaped = escapeText(text);
  const patterns = [...new Set(words.map((w) => w.trim()).filter(Boolean))]
    .map((w) => escapeRegExp(escapeText(w)))
    .sort((a, b) => b.length - a.length);
  if (!patterns.length) return escaped;
  const matcher = new RegExp(`(?<!${WORD_CHAR}|\\\\)(?:${patterns.join('|')})(?!${WORD_CHAR})`, 'giu');
  const ranges: [number, number][] = [];
  for (const match of escaped.matchAll(matcher)) {
    const start = match.index;
    const end = start + match[0].length;
    const last = ranges.at(-1);
    if (last && /^ *$/.test(escaped.slice(last[1], start))) last[1] = end;
    else ranges.push([start, end]);
  }
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += `${escaped.slice(at, start)}**${escaped.slice(start, end)}**`;
    at = end;
  }
  return out + escaped.slice(at);
}

/**
 * Renders a quote with bold highlights in at most `max` characters. When too long, it shortens the
 * article's words before escaping and bolding, so a cut never breaks an escape or leaves a bold open.
 */
export function renderQuote(quote: string, highlights: readonly string[], max: number): string {
  // Escaping only lengthens text, so words past `max` can never fit: leave them out before the
  // (superlinear on long unbroken runs) escaping regexes see them.
  let raw = quote.slice(0, max);
  let rendered =
    raw.length < quote.length ? `${boldWords(raw, highlights)}${ELLIPSIS}` : boldWords(raw, highlights);
  while (rendered.length > max && raw.length > 0) {
    const keep = Math.min(raw.length - 1, Math.floor((raw.length * max) / rendered.length) - 1);
    raw = raw.slice(0, Math.max(0, keep)).trimEnd();
    rendered = `${boldWords(raw, highlights)}${ELLIPSIS}`;
  }
  return rendered;
}
