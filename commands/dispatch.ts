import { describeError, type Log } from '../src/log';
import { fitChoices, fitReply, truncate } from '../src/reply/limits';
import { escapeText } from '../src/reply/markdown';
import { type Choice, privateText, type Reply } from '../src/reply/reply';
import type { AnswerEngine } from '../src/search/engine';
import { Cooldowns } from './cooldowns';
import { findButtonOwner, findCommand } from './index';
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
  try {
    return fitReply(await command.execute(request, context));
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
  if (!command?.autocomplete) return [];
  let timer: NodeJS.Timeout | undefined;
  try {
    const deadline = new Promise<readonly Choice[]>((resolve) => {
      timer = setTimeout(() => resolve([]), AUTOCOMPLETE_DEADLINE_MS);
    });
    return fitChoices(
      await Promise.race([Promise.resolve(command.autocomplete(request, context)), deadline]),
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
