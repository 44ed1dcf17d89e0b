import type { APIEmbed } from 'discord.js';
import type { Reply } from '../reply/reply';

/** Terminal styles; all empty when the output is not a terminal, so piped output is plain text. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
}

export const plainStyle: Style = { bold: (text) => text, dim: (text) => text };
export const ansiStyle: Style = {
  bold: (text) => `\x1b[1m${text}\x1b[22m`,
  dim: (text) => `\x1b[2m${text}\x1b[22m`,
};

const MASKED_LINK = /^\[((?:\\.|[^\]\\])*)\]\(<?([^)\s>]+)>?\)/;

/**
 * Turns the Discord markdown our replies use (escapes, **bold**, `code`, [masked](links)) into terminal
 * text, in one left-to-right pass so an escaped `\*` is never taken for bold.
 */
export function markdownToText(markdown: string, style: Style): string {
  let out = '';
  let bold = '';
  let inBold = false;
  const emit = (text: string) => {
    if (inBold) bold += text;
    else out += text;
  };
  for (let i = 0; i < markdown.length; i++) {
    const char = markdown[i] ?? '';
    const next = markdown[i + 1];
    if (char === '\\' && next !== undefined && !/[\p{L}\p{N}\s]/u.test(next)) {
      emit(next);
      i++;
    } else if (char === '*' && next === '*') {
      if (inBold) out += style.bold(bold);
      bold = '';
      inBold = !inBold;
      i++;
    } else if (char === '`' && markdown.indexOf('`', i + 1) > i) {
      // Inline code shows its content as it is.
      const end = markdown.indexOf('`', i + 1);
      emit(markdown.slice(i + 1, end));
      i = end;
    } else if (char === '[' && MASKED_LINK.test(markdown.slice(i))) {
      const [whole = '[', label = '', url = ''] = MASKED_LINK.exec(markdown.slice(i)) ?? [];
      emit(`${markdownToText(label, style)} (${url})`);
      i += whole.length - 1;
    } else {
      emit(char);
    }
  }
  // An unclosed bold is shown as it was typed.
  return inBold ? `${out}**${bold}` : out;
}

function renderEmbed(embed: APIEmbed, style: Style): string[] {
  const lines: string[] = [];
  if (embed.author) lines.push(style.dim(embed.author.name));
  if (embed.title)
    lines.push(style.bold(markdownToText(embed.title, style)) + (embed.url ? ` (${embed.url})` : ''));
  if (embed.description) lines.push(markdownToText(embed.description, style));
  // Inline fields share a line, as Discord puts them side by side.
  let inline: string[] = [];
  const flush = () => {
    if (inline.length) lines.push(inline.join(' · '));
    inline = [];
  };
  for (const field of embed.fields ?? []) {
    const value = markdownToText(field.value, style);
    if (field.inline && !value.includes('\n')) {
      inline.push(`${style.dim(`${field.name}:`)} ${value}`);
      continue;
    }
    flush();
    lines.push(
      value.includes('\n')
        ? `${style.dim(`${field.name}:`)}\n${value}`
        : `${style.dim(`${field.name}:`)} ${value}`,
    );
  }
  flush();
  if (embed.footer) lines.push(style.dim(embed.footer.text));
  return lines;
}

/** The same reply data Discord would show, as lines of terminal text. */
export function renderText(reply: Reply, style: Style): string {
  const lines: string[] = [];
  if (reply.content) lines.push(markdownToText(reply.content, style));
  for (const embed of reply.embeds ?? []) lines.push(...renderEmbed(embed, style));
  for (const row of reply.components ?? []) {
    for (const button of row.components) {
      if ('url' in button) lines.push(`${button.label ?? 'Link'}: ${button.url}`);
      else if ('custom_id' in button) lines.push(style.dim(`(/next: ${button.label ?? 'next'})`));
    }
  }
  return lines.join('\n');
}

/** custom_ids of the reply's buttons, for `/next`. */
export function buttonIds(reply: Reply): string[] {
  return (reply.components ?? []).flatMap((row) =>
    row.components.flatMap((button) => ('custom_id' in button ? [button.custom_id] : [])),
  );
}
