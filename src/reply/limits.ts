import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import type { Choice, Reply } from './reply';

/**
 * Discord's hard limits. Going over any of them is a 400 from Discord, which the user sees as
 * "The application did not respond": everything we send passes through the fit* functions below.
 */
export const Limits = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  url: 512,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

export const ELLIPSIS = '…';

/**
 * Cuts `text` to at most `max` characters, ending with "…" when it had to cut. Counts UTF-16 code
 * units as Discord does, never splits a surrogate pair and never leaves a lone escaping backslash.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  // An odd run of trailing backslashes would escape whatever comes next.
  const backslashes = /\\*$/.exec(cut)?.[0].length ?? 0;
  if (backslashes % 2 === 1) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/** Discord rejects empty field names and values; a zero-width space renders as nothing. */
const BLANK = '\u200b';

/** An http(s) URL Discord accepts in embeds and link buttons, or undefined. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url || url.length > Limits.url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function embedLength(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

/** Truncates every part of an embed to its limit, then trims fields and description to 6000 in all. */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const fitted: APIEmbed = { ...embed };
  if (fitted.title !== undefined) fitted.title = truncate(fitted.title, Limits.embedTitle);
  if (fitted.description !== undefined) {
    fitted.description = truncate(fitted.description, Limits.embedDescription);
  }
  if (fitted.url !== undefined) {
    const url = safeUrl(fitted.url);
    if (url) fitted.url = url;
    else delete fitted.url;
  }
  if (fitted.author)
    fitted.author = { ...fitted.author, name: truncate(fitted.author.name, Limits.authorName) };
  if (fitted.footer)
    fitted.footer = { ...fitted.footer, text: truncate(fitted.footer.text, Limits.footerText) };
  if (fitted.fields) {
    fitted.fields = fitted.fields.slice(0, Limits.embedFields).map((field) => ({
      ...field,
      name: truncate(field.name, Limits.fieldName) || BLANK,
      value: truncate(field.value, Limits.fieldValue) || BLANK,
    }));
  }
  // Over the total: drop trailing fields first (attribution details), then shorten the description.
  while (embedLength(fitted) > Limits.embedTotal && fitted.fields?.length) {
    fitted.fields = fitted.fields.slice(0, -1);
  }
  const excess = embedLength(fitted) - Limits.embedTotal;
  if (excess > 0 && fitted.description) {
    fitted.description = truncate(fitted.description, Math.max(0, fitted.description.length - excess));
  }
  const stillOver = embedLength(fitted) - Limits.embedTotal;
  if (stillOver > 0 && fitted.footer) {
    fitted.footer = {
      ...fitted.footer,
      text: truncate(fitted.footer.text, fitted.footer.text.length - stillOver),
    };
  }
  return fitted;
}

type Row = APIActionRowComponent<APIButtonComponent>;

/** Keeps at most 5 rows of 5 buttons, with labels, custom ids and URLs within limits. */
export function fitComponents(rows: Row[]): Row[] {
  return rows.slice(0, Limits.actionRows).map((row) => ({
    ...row,
    components: row.components.slice(0, Limits.buttonsPerRow).flatMap((component) => {
      const button = { ...component };
      if ('label' in button && button.label !== undefined) {
        button.label = truncate(button.label, Limits.buttonLabel) || BLANK;
      }
      // A custom id cannot be truncated without changing its meaning: drop the button instead.
      if ('custom_id' in button && button.custom_id.length > Limits.customId) return [];
      if ('url' in button) {
        const url = safeUrl(button.url);
        if (!url) return [];
        button.url = url;
      }
      return [button];
    }),
  }));
}

/**
 * Puts a zero-width space after the @ of @everyone and @here. `allowedMentions: { parse: [] }` already
 * stops them pinging; this keeps a reply harmless should it ever be sent without that (an edit, a
 * follow-up, another transport). Embeds never ping, so only message content needs it.
 */
export function defuseMassMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, '@\u200b$1');
}

/** Makes any reply safe to send: every limit respected, mentions never parsed. */
export function fitReply(reply: Reply): Reply {
  const fitted: Reply = { ephemeral: reply.ephemeral, allowedMentions: { parse: [] } };
  if (reply.content) fitted.content = truncate(defuseMassMentions(reply.content), Limits.content);
  if (reply.embeds?.length) {
    // Discord counts the 6000 characters over all the embeds of a message: keep whole embeds up to it.
    const embeds: APIEmbed[] = [];
    let total = 0;
    for (const embed of reply.embeds.slice(0, Limits.embeds).map(fitEmbed)) {
      total += embedLength(embed);
      if (total > Limits.embedTotal) break;
      embeds.push(embed);
    }
    fitted.embeds = embeds;
  }
  if (reply.components) {
    const rows = fitComponents(reply.components).filter((row) => row.components.length > 0);
    if (rows.length) fitted.components = rows;
  }
  // Discord rejects a message with nothing in it.
  if (!fitted.content && !fitted.embeds?.length) fitted.content = BLANK;
  return fitted;
}

/** At most 25 distinct choices, names 1–100 characters, values 1–100 characters. */
export function fitChoices(choices: readonly Choice[]): Choice[] {
  const seen = new Set<string>();
  const fitted: Choice[] = [];
  for (const choice of choices) {
    const name = truncate(choice.name.trim(), Limits.choiceName);
    const value = truncate(choice.value, Limits.choiceValue);
    if (!name || !value || seen.has(value)) continue;
    seen.add(value);
    fitted.push({ name, value });
    if (fitted.length === Limits.choices) break;
  }
  return fitted;
}
