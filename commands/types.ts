import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Log } from '../src/log';
import type { Choice, Reply } from '../src/reply/reply';
import type { AnswerEngine } from '../src/search/engine';
import type { Cooldowns } from './cooldowns';

/** An option's value as Discord sends it, without discord.js: the console builds the same thing. */
export type OptionValue = string | number | boolean;

/** A slash command, independent of any transport. */
export interface CommandRequest {
  command: string;
  options: Readonly<Record<string, OptionValue | undefined>>;
  userId: string;
}

/** Someone is typing into an option with autocomplete; `options` holds what they typed so far. */
export interface AutocompleteRequest extends CommandRequest {
  focused: { name: string; value: string };
}

/** A button press on one of our messages. */
export interface ButtonRequest {
  customId: string;
  userId: string;
}

/** What every handler may use. Passed in, so tests can set the clock and the cooldown. */
export interface CommandContext {
  engine: AnswerEngine;
  cooldowns: Cooldowns;
  /** Milliseconds since the epoch. */
  clock: () => number;
  log: Log;
}

type MaybePromise<T> = T | Promise<T>;

/** One slash command: its definition for Discord and its handlers, which return reply data. */
export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(request: CommandRequest, context: CommandContext): MaybePromise<Reply>;
  autocomplete?(request: AutocompleteRequest, context: CommandContext): MaybePromise<readonly Choice[]>;
  /** Buttons whose custom_id starts with `prefix` (e.g. "ask:") belong to this command. */
  button?: {
    prefix: string;
    press(request: ButtonRequest, context: CommandContext): MaybePromise<Reply>;
  };
}
