/**
 * Reading the bot's messages as the stand-in recorded them, with their discord-api-types types: a part a
 * test expects but the message lacks fails the test by name instead of as "undefined".
 */
import {
  type APIButtonComponent,
  type APIEmbed,
  type APIMessageComponent,
  ComponentType,
  MessageFlags,
} from 'discord-api-types/v10';
import type { AutocompleteBody, MessageBody } from './fakeDiscordTypes';

export function embedOf(data: MessageBody, index = 0): APIEmbed {
  const embed = data.embeds?.[index];
  if (!embed) throw new Error(`expected embed ${index} in ${JSON.stringify(data).slice(0, 500)}`);
  return embed;
}

/** The value of the embed field called `name`. */
export function fieldOf(embed: APIEmbed, name: string): string | undefined {
  return embed.fields?.find((field) => field.name === name)?.value;
}

/** Every button of the message, in order. */
export function buttonsOf(data: MessageBody): APIButtonComponent[] {
  const rows: readonly APIMessageComponent[] = data.components ?? [];
  return rows.flatMap((row) =>
    row.type === ComponentType.ActionRow
      ? row.components.filter((c): c is APIButtonComponent => c.type === ComponentType.Button)
      : [],
  );
}

/** A button's custom_id (link buttons have none). */
export function customIdOf(button: APIButtonComponent | undefined): string | undefined {
  return button && 'custom_id' in button ? button.custom_id : undefined;
}

/** The custom_id of the first button that has one ("Next best passage"). */
export function nextButtonId(data: MessageBody): string | undefined {
  return buttonsOf(data).map(customIdOf).find(Boolean);
}

export function isEphemeral(data: MessageBody): boolean {
  return ((data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}

export function choicesOf(data: AutocompleteBody): NonNullable<AutocompleteBody['choices']> {
  return data.choices ?? [];
}
