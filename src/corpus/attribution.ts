/**
 * Who speaks in the part of a passage an answer shows. A passage can mix the reporter's words and a
 * speaker's ("The encounter was their first since … The discussion lasted 10 minutes, according to
 * John Kirby."): the answer names the speaker of the sentences it bolds (those that hold the words
 * that matched the question), or of all the sentences it quotes when nothing is bold. The reporter's
 * own sentences have no speaker, unless the rest of the quote is someone's words in quotation marks.
 */
import { sentenceSpans } from './sentences';
import type { Passage, SentenceAttribution } from './types';

export interface QuotedSpeaker {
  speaker: string;
  role?: string;
  /** Their sentences, as the quote shows them. */
  sentences: string[];
}

interface Span {
  start: number;
  end: number;
}

/** A passage's sentence spans, split once: every answer and alternative quoting it asks for them. */
const spansByPassage = new WeakMap<Passage, readonly Span[]>();

function sentenceSpansOf(passage: Passage): readonly Span[] {
  let spans = spansByPassage.get(passage);
  if (!spans) {
    spans = sentenceSpans(passage.text);
    spansByPassage.set(passage, spans);
  }
  return spans;
}

/** The sentence spans of the passage that the quote shows (a quote is the passage or whole sentences of it). */
function quotedSpans(passage: Passage, quote: string): Span[] {
  const spans = sentenceSpansOf(passage);
  const shown = spans.filter((s) => quote.includes(passage.text.slice(s.start, s.end)));
  if (shown.length > 0) return shown;
  // A single sentence too long to quote whole is cut: it is the one the quote starts in.
  const at = passage.text.indexOf(quote.slice(0, 40));
  return spans.filter((s) => at >= s.start && at < s.end);
}

/**
 * The spans split where a sentence has a speaker per clause ("…,” Kowalczyk said, | but Erin Sato said
 * …"), so that each part is one speaker's or the reporter's.
 */
function byClause(passage: Passage, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    const parts = (passage.sentenceSpeakers ?? []).filter((s) => s.start < span.end && s.end > span.start);
    if (parts.length < 2) out.push(span);
    else
      for (const part of parts)
        out.push({ start: Math.max(span.start, part.start), end: Math.min(span.end, part.end) });
  }
  return out;
}

function speakerOf(passage: Passage, span: Span): SentenceAttribution | undefined {
  return passage.sentenceSpeakers?.find((s) => s.start < span.end && s.end > span.start);
}

/** Whether `word` stands in `text` as a whole word (not inside a longer one). */
function holdsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text.charAt(at - 1);
    const after = text.charAt(at + word.length);
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

/** How many of the bold words the span holds, leaving out those that are words of `name`. */
function hits(passage: Passage, span: Span, highlights: readonly string[], name?: string): number {
  const text = passage.text.slice(span.start, span.end);
  const own = name ? new Set(name.toLowerCase().split(/\s+/u)) : undefined;
  return highlights.filter((h) => !own?.has(h.toLowerCase()) && holdsWord(text, h)).length;
}

/**
 * The speaker (and role) of the sentences a quote of `passage` bolds (`highlights`, as written in the
 * quote), or of all its sentences when none is bold; undefined when they are the reporter's own.
 */
export function attributionFor(
  passage: Passage,
  quote: string,
  highlights: readonly string[] = [],
  /** The bold words that are the question's own, not its synonyms or relatives. */
  literal: readonly string[] = highlights,
): { speaker: string; speakerRole?: string } | undefined {
  if (!passage.sentenceSpeakers?.length) return undefined;
  const shown = byClause(passage, quotedSpans(passage, quote));
  const bold = shown.filter((s) => hits(passage, s, highlights) > 0);
  // Bold sentences that are the reporter's own leave the quote to whoever the rest of it quotes in
  // quotation marks ("The win caps a 24-5-2 season … “We never stopped believing,” Olander said."),
  // but not to a source it only cites ("The encounter was their first since … according to Kirby").
  const reporterBold = bold.length > 0 && !bold.some((s) => speakerOf(passage, s));
  const counted = new Map<
    string,
    {
      attribution: SentenceAttribution;
      sentences: number;
      hits: number;
      most: number;
      mostLiteral: number;
      /** The most of the question's own words in one sentence, not counting the speaker's own name. */
      mostSaid: number;
    }
  >();
  for (const span of bold.length > 0 && !reporterBold ? bold : shown) {
    const attribution = speakerOf(passage, span);
    if (!attribution || (reporterBold && !attribution.quoted)) continue;
    const seen = counted.get(attribution.speaker);
    const here = hits(passage, span, highlights);
    const literalHere = hits(passage, span, literal);
    const saidHere = hits(passage, span, literal, attribution.speaker);
    if (seen) {
      seen.sentences++;
      seen.hits += here;
      seen.most = Math.max(seen.most, here);
      seen.mostLiteral = Math.max(seen.mostLiteral, literalHere);
      seen.mostSaid = Math.max(seen.mostSaid, saidHere);
    } else
      counted.set(attribution.speaker, {
        attribution,
        sentences: 1,
        hits: here,
        most: here,
        mostLiteral: literalHere,
        mostSaid: saidHere,
      });
  }
  // A name before a group ("consumer advocates"); then the speaker of the one sentence holding most
  // of the question's own words but the speaker's own name (a name says who speaks, not what was said:
  // "who said Marsh has been waiting" is Whitlock's "He's been waiting for this", not the sentence where
  // Marsh speaks), then counting the name, then of the bold words with their synonyms, as an answer is said in
  // one place ("…, said the district should have asked voters to approve a repair bond" is Hanlon's,
  // though Castellanos has two bold sentences before it; "“We’re ready …,” Kowalczyk said, but … Sato
  // said … “until the union is prepared to discuss …”" is Kowalczyk's for "we're ready": "prepared"
  // only means it); then the speaker of most of those sentences, and of most bold words in all
  // ("Polar Point said it has not laid off …" is the company's, though "Vang said" is bold too); then
  // the passage's main speaker, else the first.
  const [best] = [...counted.values()].sort(
    (a, b) =>
      Number(a.attribution.group === true) - Number(b.attribution.group === true) ||
      b.mostSaid - a.mostSaid ||
      b.mostLiteral - a.mostLiteral ||
      b.most - a.most ||
      b.sentences - a.sentences ||
      b.hits - a.hits ||
      Number(b.attribution.speaker === passage.speaker) - Number(a.attribution.speaker === passage.speaker),
  );
  if (!best) return undefined;
  const { speaker, role } = best.attribution;
  return role ? { speaker, speakerRole: role } : { speaker };
}

/** Everyone the quote lets speak, in order, with their sentences: for `speakers` in `ask --json`. */
export function quotedSpeakers(passage: Passage, quote: string): QuotedSpeaker[] {
  const bySpeaker = new Map<string, QuotedSpeaker>();
  for (const span of byClause(passage, quotedSpans(passage, quote))) {
    const attribution = speakerOf(passage, span);
    if (!attribution) continue;
    const entry = bySpeaker.get(attribution.speaker) ?? {
      speaker: attribution.speaker,
      ...(attribution.role ? { role: attribution.role } : {}),
      sentences: [],
    };
    entry.sentences.push(passage.text.slice(span.start, span.end));
    bySpeaker.set(attribution.speaker, entry);
  }
  return [...bySpeaker.values()];
}
