import {
  type APIApplicationCommandOption,
  type APIEmbed,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  MessageFlags,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { AutocompleteBody, Fault, MessageBody } from './fakeDiscordTypes';

/** Discord's `errors` tree: keys down to the bad field, `_errors` there. */
interface ErrorNode {
  [key: string]: ErrorNode | Array<{ code: string; message: string }> | undefined;
}

/**
 * The bodies below are JSON from the bot, read through the types they should have: every field is
 * checked as if it could be anything (a missing array is none, a non-string has no length).
 */
const list = <T>(value: T[] | null | undefined): T[] => (Array.isArray(value) ? value : []);

/**
 * The subset of Discord's request validation that a bot realistically trips over (message and embed
 * length limits, empty messages, component counts, command names/descriptions), answered the way Discord
 * does: 400 `{ code: 50035, message: 'Invalid Form Body', errors: { <path>: { _errors: [...] } } }`.
 */
class FormErrors {
  readonly errors: ErrorNode = {};
  count = 0;

  add(path: Array<string | number>, code: string, message: string): void {
    let node = this.errors;
    for (const key of path) {
      node[key] ??= {};
      node = node[key] as ErrorNode;
    }
    node._errors ??= [];
    (node._errors as Array<{ code: string; message: string }>).push({ code, message });
    this.count++;
  }

  maxLength(path: Array<string | number>, value: unknown, max: number, min = 0): void {
    const length = typeof value === 'string' || Array.isArray(value) ? value.length : 0;
    if (length > max) this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    else if (length < min)
      this.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
  }

  fault(): Fault | undefined {
    if (this.count === 0) return undefined;
    return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: this.errors } };
  }
}

const EMPTY_MESSAGE: Fault = { status: 400, body: { message: 'Cannot send an empty message', code: 50006 } };
function embedLength(embed: APIEmbed | undefined): number {
  const text = (v: unknown) => (typeof v === 'string' ? v.length : 0);
  const fields = list(embed?.fields);
  return (
    text(embed?.title) +
    text(embed?.description) +
    text(embed?.footer?.text) +
    text(embed?.author?.name) +
    fields.reduce((n, f) => n + text(f?.name) + text(f?.value), 0)
  );
}

/** Validate a message create/edit body. `create` also rejects an empty message. */
export function validateMessage(body: MessageBody | undefined, create: boolean): Fault | undefined {
  const e = new FormErrors();
  const embeds = list(body?.embeds);
  e.maxLength(['content'], body?.content, 2000);
  e.maxLength(['embeds'], embeds, 10);
  embeds.forEach((embed, i) => {
    e.maxLength(['embeds', i, 'title'], embed?.title, 256);
    e.maxLength(['embeds', i, 'description'], embed?.description, 4096);
    e.maxLength(['embeds', i, 'footer', 'text'], embed?.footer?.text, 2048);
    e.maxLength(['embeds', i, 'author', 'name'], embed?.author?.name, 256);
    const fields = list(embed?.fields);
    e.maxLength(['embeds', i, 'fields'], fields, 25);
    fields.forEach((field, j) => {
      e.maxLength(['embeds', i, 'fields', j, 'name'], field?.name, 256, 1);
      e.maxLength(['embeds', i, 'fields', j, 'value'], field?.value, 1024, 1);
    });
  });
  if (embeds.reduce((n, embed) => n + embedLength(embed), 0) > 6000) {
    e.add(['embeds'], 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
  }
  const rows = list(body?.components);
  if (!(Number(body?.flags) & MessageFlags.IsComponentsV2)) {
    e.maxLength(['components'], rows, 5);
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      const children = list(
        row && 'components' in row ? (row.components as unknown as Array<Record<string, unknown>>) : [],
      );
      e.maxLength(['components', i, 'components'], children, 5, 1);
      children.forEach((c, j) => {
        const path = ['components', i, 'components', j];
        if (c?.type === ComponentType.Button) e.maxLength([...path, 'label'], c.label, 80);
        if (c?.custom_id === undefined) return;
        e.maxLength([...path, 'custom_id'], c.custom_id, 100, 1);
        const customId = String(c.custom_id);
        if (seen.has(customId)) e.add([...path, 'custom_id'], 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Duplicate');
        seen.add(customId);
      });
    });
  }
  const invalid = e.fault();
  if (invalid) return invalid;
  const hasContent = typeof body?.content === 'string' && body.content.length > 0;
  const hasOther = embeds.length > 0 || rows.length > 0 || list(body?.attachments).length > 0 || body?.poll;
  return create && !hasContent && !hasOther ? EMPTY_MESSAGE : undefined;
}

export function validateAutocomplete(raw: unknown): Fault | undefined {
  const e = new FormErrors();
  const choices = list((raw as AutocompleteBody | undefined)?.choices);
  e.maxLength(['data', 'choices'], choices, 25);
  choices.forEach((choice, i) => {
    e.maxLength(['data', 'choices', i, 'name'], choice?.name, 100, 1);
    if (typeof choice?.value === 'string') e.maxLength(['data', 'choices', i, 'value'], choice.value, 100);
  });
  return e.fault();
}

const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function validateName(e: FormErrors, path: Array<string | number>, name: unknown, chatInput: boolean): void {
  if (typeof name !== 'string' || name.length < 1 || name.length > 32) {
    e.add([...path, 'name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 32 in length.');
  } else if (chatInput && (!CHAT_INPUT_NAME.test(name) || name !== name.toLowerCase())) {
    e.add([...path, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
}

function validateOptions(e: FormErrors, path: Array<string | number>, options: unknown): void {
  if (options === undefined || options === null) return;
  const defined = list(options as APIApplicationCommandOption[]);
  e.maxLength([...path, 'options'], defined, 25);
  const names = new Set<string>();
  let sawOptional = false;
  defined.forEach((option, i) => {
    // Subcommands and groups hold options; the other types are values, which may be required.
    const isValue =
      option?.type !== ApplicationCommandOptionType.Subcommand &&
      option?.type !== ApplicationCommandOptionType.SubcommandGroup;
    const required = isValue && 'required' in option && option.required;
    const at = [...path, 'options', i];
    validateName(e, at, option?.name, true);
    e.maxLength([...at, 'description'], option?.description, 100, 1);
    if (names.has(option?.name))
      e.add([...at, 'name'], 'APPLICATION_COMMAND_OPTIONS_DUPLICATE_NAME', 'Duplicate');
    names.add(option?.name);
    if (required && sawOptional) {
      e.add(
        [...at, 'required'],
        'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        'Required options must be placed before non-required options',
      );
    }
    if (isValue && !required) sawOptional = true;
    if ('choices' in option && option.choices !== undefined)
      e.maxLength([...at, 'choices'], option.choices, 25);
    if (!isValue) validateOptions(e, at, option.options);
  });
}

/** Validate a list of command bodies (one for POST/PATCH, all of them for PUT). */
export function validateCommands(
  commands: readonly RESTPostAPIApplicationCommandsJSONBody[],
  bulk: boolean,
): Fault | undefined {
  const e = new FormErrors();
  if (bulk) e.maxLength([], commands, 100);
  const seen = new Set<string>();
  commands.forEach((command, i) => {
    const path = bulk ? [i] : [];
    const type = command?.type ?? ApplicationCommandType.ChatInput;
    const chatInput = type === ApplicationCommandType.ChatInput;
    validateName(e, path, command?.name, chatInput);
    if (chatInput) {
      e.maxLength(
        [...path, 'description'],
        'description' in command ? command.description : undefined,
        100,
        1,
      );
      validateOptions(e, path, 'options' in command ? command.options : undefined);
    }
    const key = `${type}:${command?.name}`;
    if (seen.has(key))
      e.add(
        [...path, 'name'],
        'APPLICATION_COMMANDS_DUPLICATE_NAME',
        'Application command names must be unique',
      );
    seen.add(key);
  });
  return e.fault();
}
