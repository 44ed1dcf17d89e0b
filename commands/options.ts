import { type APIApplicationCommandOption, ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { OptionValue, RawOptions } from './types';

/** Discord's ceiling for a string option; a definition's own `max_length` can only be lower. */
export const MAX_STRING_OPTION = 6000;

/** Cuts to `max` UTF-16 units without leaving half a surrogate pair at the end. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

const within = (value: number, option: { min_value?: number; max_value?: number }) =>
  (option.min_value === undefined || value >= option.min_value) &&
  (option.max_value === undefined || value <= option.max_value);

/** `value` as option `definition` allows it, or undefined when it does not fit. */
function readOption(definition: APIApplicationCommandOption, value: unknown): OptionValue | undefined {
  switch (definition.type) {
    case ApplicationCommandOptionType.String:
      return typeof value === 'string' ? cut(value, definition.max_length ?? MAX_STRING_OPTION) : undefined;
    case ApplicationCommandOptionType.Integer:
      return typeof value === 'number' && Number.isSafeInteger(value) && within(value, definition)
        ? value
        : undefined;
    case ApplicationCommandOptionType.Number:
      return typeof value === 'number' && Number.isFinite(value) && within(value, definition)
        ? value
        : undefined;
    case ApplicationCommandOptionType.Boolean:
      return typeof value === 'boolean' ? value : undefined;
    case ApplicationCommandOptionType.User:
    case ApplicationCommandOptionType.Channel:
    case ApplicationCommandOptionType.Role:
    case ApplicationCommandOptionType.Mentionable:
    case ApplicationCommandOptionType.Attachment:
      return typeof value === 'string' && /^\d{1,20}$/.test(value) ? value : undefined;
    default:
      // Subcommands and groups: no command of ours has them.
      return undefined;
  }
}

/**
 * The options a handler may trust: only names the definition has, each of its type and within its
 * bounds (strings cut to their max_length). Discord checks this for commands, but not for autocomplete,
 * and the console and tests build requests themselves.
 */
export function readOptions(
  definitions: readonly APIApplicationCommandOption[] | undefined,
  raw: RawOptions,
): Record<string, OptionValue> {
  const options: Record<string, OptionValue> = {};
  for (const definition of definitions ?? []) {
    const value = Object.hasOwn(raw, definition.name)
      ? readOption(definition, raw[definition.name])
      : undefined;
    if (value !== undefined) options[definition.name] = value;
  }
  return options;
}

/** The first required option `options` lacks, by name. */
export function missingOption(
  definitions: readonly APIApplicationCommandOption[] | undefined,
  options: Readonly<Record<string, OptionValue>>,
): string | undefined {
  return definitions?.find(
    (definition) => 'required' in definition && definition.required && !(definition.name in options),
  )?.name;
}
