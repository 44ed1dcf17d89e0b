import { describeError, type Log } from '../src/log';
import { fitChoices, fitReply, truncate } from '../src/reply/limits';
import { escapeText } from '../src/reply/markdown';
import { type Choice, privateText, type Reply } from '../src/reply/reply';
import type { AnswerEngine } from '../src/search/engine';
import { Cooldowns } from './cooldowns';
import { findButtonOwner, findCommand } from './index';
import { MAX_STRING_OPTION, missingOption, readOptions } from './options';
import type { AutocompleteRequest, ButtonRequest, CommandContext, CommandRequest } from './types';

/**
 * The one way in for every transport (Discord, console, tests): finds the handler, turns a thrown
 * error into a private "something went wrong" plus one log line, and fits the reply to Discord's limits.
 */

/** Autocomplete must be answered within 3 s: give up a little before and show no suggestions. */
const AUTOCOMPLETE_DEADLINE_MS = 2500;

export function createCommandContext(
  engine: AnswerEngine,
  options: { cooldownSeconds: number; log: Log; clock?: () => number },
): CommandContext {
  return {
    engine,
    cooldowns: new Cooldowns(options.cooldownSeconds),
    clock: options.clock ?? Date.now,
    log: options.log,
  };
}

export async function runCommand(request: CommandRequest, context: CommandContext): Promise<Reply> {
  const command = findCommand(request.command);
  if (!command)
    return fitReply(
      privateText(`Unknown command: /${escapeText(truncate(request.command, 32))}. Try /help.`),
    );
  const options = readOptions(command.data.options, request.options);
  // Discord always sends required options; the console and other callers may not.
  const missing = missingOption(command.data.options, options);
  if (missing) {
    return fitReply(privateText(`/${command.data.name} needs ${missing}: see /help for how to use it.`));
  }
  try {
    return fitReply(await command.execute({ ...request, options }, context));
  } catch (error) {
    context.log(`error in /${request.command} (user ${request.userId}): ${describeError(error)}`);
    return fitReply(privateText('Something went wrong while answering. Please try again.'));
  }
}

export async function runAutocomplete(
  request: AutocompleteRequest,
  context: CommandContext,
): Promise<Choice[]> {
  const command = findCommand(request.command);
  const focused = command?.data.options?.find((option) => option.name === request.focused.name);
  if (!command?.autocomplete || !focused || !('autocomplete' in focused && focused.autocomplete)) return [];
  const typed = {
    name: focused.name,
    value: String(request.focused.value).slice(0, MAX_STRING_OPTION),
  };
  const options = readOptions(command.data.options, request.options);
  let timer: NodeJS.Timeout | undefined;
  try {
    const deadline = new Promise<readonly Choice[]>((resolve) => {
      timer = setTimeout(() => resolve([]), AUTOCOMPLETE_DEADLINE_MS);
    });
    return fitChoices(
      await Promise.race([
        Promise.resolve(command.autocomplete({ ...request, options, focused: typed }, context)),
        deadline,
      ]),
    );
  } catch (error) {
    context.log(`error in /${request.command} autocomplete: ${describeError(error)}`);
    return [];
  } finally {
    clearTimeout(timer);
  }
}

export async function runButton(request: ButtonRequest, context: CommandContext): Promise<Reply> {
  const button = findButtonOwner(request.customId)?.button;
  // A button from an old version of the bot, or one that was never ours.
  if (!button) return fitReply(privateText('This button has expired.'));
  try {
    return fitReply(await button.press(request, context));
  } catch (error) {
    context.log(`error in button ${request.customId} (user ${request.userId}): ${describeError(error)}`);
    return fitReply(privateText('Something went wrong. Please try again.'));
  }
}
