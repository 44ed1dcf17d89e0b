// The registry: every command, and lookup by name or by button. Command files import ./types, never this.
import article from './article';
import ask from './ask';
import help from './help';
import type { Command } from './types';

export type { AutocompleteRequest, ButtonRequest, Command, CommandContext, CommandRequest } from './types';

export const commands: readonly Command[] = [ask, article, help];

export function findCommand(name: string): Command | undefined {
  return commands.find((command) => command.data.name === name);
}

export function findButtonOwner(customId: string): Command | undefined {
  return commands.find((command) => command.button && customId.startsWith(command.button.prefix));
}
