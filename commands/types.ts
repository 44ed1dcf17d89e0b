import type {
  ApplicationCommandOptionType,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { Log } from '../src/log';
import type { Choice, Reply } from '../src/reply/reply';
import type { AnswerEngine } from '../src/search/engine';
import type { Cooldowns } from './cooldowns';

/** An option's value as Discord sends it, without discord.js: the console builds the same thing. */
export type OptionValue = string | number | boolean;

/**
 * Options as a transport received them, not yet checked: dispatch keeps only those the command defines,
 * of the type it defines, before a handler sees them (autocomplete input is not validated by Discord).
 */
export type RawOptions = Readonly<Record<string, unknown>>;

/** A slash command, independent of any transport. Handlers get `Options` typed from the definition. */
export interface CommandRequest<Options = RawOptions> {
  command: string;
  options: Options;
  userId: string;
}

/** Someone is typing into an option with autocomplete; `options` holds what they typed so far. */
export interface AutocompleteRequest<Options = RawOptions> extends CommandRequest<Options> {
  /** The option being typed in: always text, whatever the option's type, since it is unfinished. */
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

/** A slash command's definition: in each command file a literal, `as const satisfies SlashDefinition`. */
export type SlashDefinition = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The value each option type arrives as (users, channels, roles and attachments as their ids). */
interface ValueByType {
  [ApplicationCommandOptionType.String]: string;
  [ApplicationCommandOptionType.Integer]: number;
  [ApplicationCommandOptionType.Number]: number;
  [ApplicationCommandOptionType.Boolean]: boolean;
  [ApplicationCommandOptionType.User]: string;
  [ApplicationCommandOptionType.Channel]: string;
  [ApplicationCommandOptionType.Role]: string;
  [ApplicationCommandOptionType.Mentionable]: string;
  [ApplicationCommandOptionType.Attachment]: string;
}

type ValueOf<Type> = Type extends keyof ValueByType ? ValueByType[Type] : never;

interface OptionShape {
  readonly name: string;
  readonly type: ApplicationCommandOptionType;
  readonly required?: boolean;
}

type Flatten<T> = { [K in keyof T]: T[K] } & {};

type OptionsFrom<Option extends OptionShape> = Flatten<
  { readonly [O in Option as O extends { required: true } ? O['name'] : never]: ValueOf<O['type']> } & {
    readonly [O in Option as O extends { required: true } ? never : O['name']]?: ValueOf<O['type']>;
  }
>;

/**
 * The handler's options, derived from a literal definition: each option's name → string, number or
 * boolean by its type, optional unless `required: true`. So `request.options.questoin` does not compile.
 * A definition that is not a literal (the registry's view) gives a plain record.
 */
export type OptionsOf<Definition extends SlashDefinition> = Definition['options'] extends
  | readonly (infer Option extends OptionShape)[]
  | undefined
  ? string extends Option['name']
    ? Readonly<Record<string, OptionValue | undefined>>
    : OptionsFrom<Option>
  : Record<never, never>;

type MaybePromise<T> = T | Promise<T>;

/** One slash command: its definition for Discord and its handlers, which return reply data. */
export interface SlashCommand<Definition extends SlashDefinition = SlashDefinition> {
  data: Definition;
  execute(request: CommandRequest<OptionsOf<Definition>>, context: CommandContext): MaybePromise<Reply>;
  /** Required options may not be filled in yet while the user types: all of them are optional here. */
  autocomplete?(
    request: AutocompleteRequest<Partial<OptionsOf<Definition>>>,
    context: CommandContext,
  ): MaybePromise<readonly Choice[]>;
  /** Buttons whose custom_id starts with `prefix` (e.g. "ask:") belong to this command. */
  button?: {
    prefix: string;
    press(request: ButtonRequest, context: CommandContext): MaybePromise<Reply>;
  };
}

/**
 * Every kind of command the registry holds. Handlers are declared as methods, so a command with typed
 * options still fits the registry's plain-record view. A message context-menu command (type 3: no
 * options, a target message instead) would be a second interface joined here, found by its type and name.
 */
export type Command = SlashCommand;
