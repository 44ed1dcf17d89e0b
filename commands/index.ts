// The registry: every command, and lookup by name or by button. Command files import ./types, never this.
import { ApplicationCommandType } from 'discord-api-types/v10';
import article from './article';
import ask from './ask';
import help from './help';
import type { Command } from './types';

export type { AutocompleteRequest, ButtonRequest, Command, CommandContext, CommandRequest } from './types';

export const commands: readonly Command[] = [ask, article, help];

/**
 * The command called `name` of this type (a slash command unless told): Discord lets a slash command
 * and a context-menu command share a name, so both are needed to tell them apart.
 */
export function findCommand(
  name: string,
  type: ApplicationCommandType = ApplicationCommandType.ChatInput,
): Command | undefined {
  return commands.find(
    (command) =>
      (command.data.type ?? ApplicationCommandType.ChatInput) === type && command.data.name === name,
  );
}

export function findButtonOwner(customId: string): Command | undefined {
  return commands.find((command) => command.button && customId.startsWith(command.button.prefix));
}
