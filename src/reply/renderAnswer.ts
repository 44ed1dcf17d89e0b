import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
  hyperlink,
} from 'discord.js';
import type { ArticleRef, Confidence, NoAnswer } from '../search/types';
import { safeUrl, truncate } from './limits';
import { escapeText, renderQuote } from './markdown';
import type { Reply } from './reply';

/** Everything shown for one quoted passage: the best answer or a "next best" alternative. */
export interface QuoteView {
  quote: string;
  /** Words of `quote` to bold. */
  highlights: readonly string[];
  article: ArticleRef;
  paragraph: number;
  section?: string;
  /** Who speaks in the quoted (bold) sentences; none for the reporter's own words. */
  speaker?: string;
  /** Their role, apart from the name ("senator"). */
  speakerRole?: string;
  /** The passage holds quoted words: its speaker "said" them rather than being the source. */
  hasQuote: boolean;
  /** The engine's confidence, when known: its label and its probability of being right. */
  confidence?: { level: Confidence; score: number };
  /** The user's question, echoed so the channel sees what was answered. */
  question?: string;
  /** Shown in the footer instead of the confidence (e.g. "Next best passage"). */
  note?: string;
}

export interface QuoteReplyOptions {
  ephemeral: boolean;
  /** custom_id of a "Next best passage" button, when there is a next passage. */
  nextButtonId?: string;
}

/** Accent colour of answer embeds. */
const ANSWER_COLOUR = 0x2b6cb0;
/** The quote leaves room in the 4096-character description for a long passage, but stays readable. */
const QUOTE_BUDGET = 3000;
/** Questions are echoed shortened: up to 6000 characters would crowd out the answer. */
const ECHO_BUDGET = 200;

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

/**
 * "2023-03-02" → "2 March 2023". Plain text rather than a Discord timestamp: a date-only timestamp
 * (midnight UTC) would show as the previous day to users west of Greenwich.
 */
export function formatPublished(published: string): string {
  const date = new Date(`${published}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? published : dateFormat.format(date);
}

/** "Title" linked to the article when its URL is known, markdown-escaped either way. */
export function articleLink(article: ArticleRef): string {
  const title = escapeText(truncate(article.title, 200)).replaceAll(']', '\\]');
  const url = safeUrl(article.url);
  return url ? hyperlink(title, url) : title;
}

/** Metadata shown in a field: cut before escaping, so the escape cannot be cut in half. */
function fieldText(text: string): string {
  return escapeText(truncate(text, 300));
}

function confidenceLabel({ level, score }: { level: Confidence; score: number }): string {
  const percent = Math.round(Math.min(1, Math.max(0, score)) * 100);
  return `Confidence: ${level} (${percent}%)`;
}

/** Said above a low-confidence answer: the passage is the closest one, not necessarily an answer. */
export const LOW_CONFIDENCE_NOTE = 'The article may not say this; the closest passage:';

/** "Jane Roe, senator": the name as the article gives it, then the role apart. */
export function speakerLine(speaker: string, role?: string): string {
  return role ? `${speaker}, ${role}` : speaker;
}

function attributionFields(view: QuoteView): APIEmbedField[] {
  const { article } = view;
  const published = [
    formatPublished(article.published),
    article.outlet,
    article.author && `by ${article.author}`,
  ]
    .filter(Boolean)
    .join(' · ');
  const fields: APIEmbedField[] = [
    { name: 'Article', value: articleLink(article), inline: false },
    { name: 'Published', value: fieldText(published), inline: true },
    { name: 'Paragraph', value: String(view.paragraph), inline: true },
  ];
  if (view.section) fields.push({ name: 'Section', value: fieldText(view.section), inline: true });
  if (view.speaker) {
    fields.push({
      name: view.hasQuote ? 'Said by' : 'Source',
      value: fieldText(speakerLine(view.speaker, view.speakerRole)),
      inline: true,
    });
  }
  return fields;
}

function buttons(
  view: QuoteView,
  nextButtonId: string | undefined,
): APIActionRowComponent<APIButtonComponent>[] {
  const row: APIButtonComponent[] = [];
  if (nextButtonId) {
    row.push({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: 'Next best passage',
      custom_id: nextButtonId,
    });
  }
  const url = safeUrl(view.article.url);
  if (url) row.push({ type: ComponentType.Button, style: ButtonStyle.Link, label: 'Read the article', url });
  return row.length ? [{ type: ComponentType.ActionRow, components: row }] : [];
}

/** The quote as the embed's description, the attribution as fields, buttons underneath. */
export function renderQuoteReply(view: QuoteView, options: QuoteReplyOptions): Reply {
  const embed: APIEmbed = {
    color: ANSWER_COLOUR,
    description: renderQuote(view.quote, view.highlights, QUOTE_BUDGET),
    fields: attributionFields(view),
  };
  // Author names and footers show plain text (no markdown, no mentions), so the question goes in as typed.
  if (view.question) embed.author = { name: truncate(`Asked: ${view.question.trim()}`, ECHO_BUDGET) };
  const footer = view.note ?? (view.confidence ? confidenceLabel(view.confidence) : undefined);
  if (view.confidence?.level === 'low') embed.title = LOW_CONFIDENCE_NOTE;
  if (footer) embed.footer = { text: footer };
  return {
    embeds: [embed],
    components: buttons(view, options.nextButtonId),
    ephemeral: options.ephemeral,
    allowedMentions: { parse: [] },
  };
}

/** An honest "the article does not say", always private, with questions that do work. */
export function renderNoAnswer(result: NoAnswer): Reply {
  const question = escapeText(truncate(result.question.replace(/\s+/g, ' ').trim(), ECHO_BUDGET));
  const lines =
    result.reason === 'empty'
      ? ['Ask me a question about the article, in your own words.']
      : [`The article does not answer “${question}”.`];
  if (result.suggestions.length) {
    lines.push('', result.reason === 'empty' ? 'For example:' : 'Questions it does answer:');
    for (const suggestion of result.suggestions.slice(0, 3)) lines.push(`• ${escapeText(suggestion)}`);
  }
  return { content: lines.join('\n'), ephemeral: true, allowedMentions: { parse: [] } };
}
