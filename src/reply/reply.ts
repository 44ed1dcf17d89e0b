import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';

/**
 * What a command handler returns: plain reply data that both transports understand.
 * The Discord transport sends it as an interaction response; the local console prints it.
 */
export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  /** Rows of buttons: the only components this bot sends. */
  components?: APIActionRowComponent<APIButtonComponent>[];
  /** Only the asking user sees it (Discord's ephemeral flag, 64). */
  ephemeral: boolean;
  /** Never let echoed user text or quoted article text ping anyone. */
  allowedMentions: { parse: [] };
}

/** One autocomplete suggestion. */
export interface Choice {
  name: string;
  value: string;
}

/** A reply that is only text, seen by the asking user alone: errors, hints, cooldowns. */
export function privateText(content: string): Reply {
  return { content, ephemeral: true, allowedMentions: { parse: [] } };
}
