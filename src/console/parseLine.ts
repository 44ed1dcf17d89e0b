import { type APIApplicationCommandOption, ApplicationCommandOptionType } from 'discord-api-types/v10';
import { findCommand } from '../../commands/index';
import type { CommandRequest, OptionValue } from '../../commands/types';

/** What one line typed into the local console asks for. */
export type ConsoleInput =
  | { kind: 'skip' }
  | { kind: 'quit' }
  /** Press the first button of the previous reply ("Next best passage"). */
  | { kind: 'press' }
  | { kind: 'command'; request: CommandRequest };

export const CONSOLE_USER_ID = 'console';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Typed text as the option's type: "true"/"false" for booleans, digits for numbers; else left as typed. */
function typedValue(option: APIApplicationCommandOption, text: string): OptionValue {
  switch (option.type) {
    case ApplicationCommandOptionType.Boolean:
      if (/^(true|yes|on)$/i.test(text)) return true;
      if (/^(false|no|off)$/i.test(text)) return false;
      return text;
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number:
      return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    default:
      return text;
  }
}

/**
 * Where text typed without an option name goes: the required option (the question of /ask), else a
 * number option when it is a number (the page of /article), else the first text option.
 */
function positionalOption(
  options: readonly APIApplicationCommandOption[],
  text: string,
): APIApplicationCommandOption | undefined {
  const isNumber = /^\d+$/.test(text);
  return (
    options.find((option) => 'required' in option && option.required) ??
    (isNumber ? options.find((option) => option.type === ApplicationCommandOptionType.Integer) : undefined) ??
    options.find((option) => option.type === ApplicationCommandOptionType.String)
  );
}

/**
 * The options of `/name rest` as Discord's client would send them: `name:value` pairs for the options
 * the command defines (a value runs to the next such name), typed by the option's type. Text before
 * the first name is the positional value.
 */
export function parseOptions(
  definitions: readonly APIApplicationCommandOption[],
  rest: string,
): Record<string, OptionValue> {
  const options: Record<string, OptionValue> = {};
  const names = definitions.map((option) => escapeRegExp(option.name));
  const marker = names.length ? new RegExp(`(?:^|\\s)(${names.join('|')}):`, 'gi') : undefined;
  const found = marker ? [...rest.matchAll(marker)] : [];
  const head = rest.slice(0, found[0]?.index ?? rest.length).trim();
  if (head) {
    const option = positionalOption(definitions, head);
    if (option) options[option.name] = typedValue(option, head);
  }
  found.forEach((match, i) => {
    const option = definitions.find((o) => o.name.toLowerCase() === match[1]?.toLowerCase());
    const start = (match.index ?? 0) + match[0].length;
    const value = rest.slice(start, found[i + 1]?.index ?? rest.length).trim();
    if (option) options[option.name] = typedValue(option, value);
  });
  return options;
}

/**
 * `/help`, `/article [title or page]`, `/ask <question> [article:…] [private:true]`, `/next`, `/quit`,
 * or plain text, which is a question exactly as typed (= /ask question:<text>). Any other `/name` goes
 * to the handlers as that command, which answer it as Discord would ("unknown").
 */
export function parseLine(line: string): ConsoleInput {
  const text = line.trim();
  if (!text) return { kind: 'skip' };
  if (!text.startsWith('/')) {
    return {
      kind: 'command',
      request: { command: 'ask', options: { question: text }, userId: CONSOLE_USER_ID },
    };
  }
  const [, name = '', rest = ''] = /^\/(\S*)\s*(.*)$/s.exec(text) ?? [];
  const command = name.toLowerCase();
  if (command === 'quit' || command === 'exit') return { kind: 'quit' };
  if (command === 'next') return { kind: 'press' };
  const definitions = findCommand(command)?.data.options ?? [];
  return {
    kind: 'command',
    request: { command, options: parseOptions(definitions, rest), userId: CONSOLE_USER_ID },
  };
}
