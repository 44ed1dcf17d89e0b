// From Discord's interaction JSON to the transport-independent requests of commands/, and their
// replies back to interaction callbacks: the same handlers and reply data as the gateway transport.
import {
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from 'discord-api-types/v10';
import { z } from 'zod';
import { runAutocomplete, runButton, runCommand, runMessageCommand } from '../../commands/dispatch';
import type { AutocompleteRequest, CommandContext, OptionValue } from '../../commands/types';
import type { Reply } from '../reply/reply';
import type { InteractionBody } from './server';

/** What a transport needs of an interaction; anything Discord sends beyond this is ignored. */
const optionSchema: z.ZodType<RawOption> = z.lazy(() =>
  z.looseObject({
    name: z.string(),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    focused: z.boolean().optional(),
    options: z.array(optionSchema).optional(),
  }),
);
interface RawOption {
  name: string;
  value?: OptionValue;
  focused?: boolean;
  options?: RawOption[];
}

const interactionSchema = z.looseObject({
  id: z.string(),
  application_id: z.string(),
  token: z.string(),
  member: z.looseObject({ user: z.looseObject({ id: z.string() }) }).optional(),
  user: z.looseObject({ id: z.string() }).optional(),
  data: z
    .looseObject({
      name: z.string().optional(),
      type: z.number().optional(),
      custom_id: z.string().optional(),
      options: z.array(optionSchema).optional(),
      target_id: z.string().optional(),
      resolved: z
        .looseObject({
          messages: z.record(z.string(), z.looseObject({ content: z.string().optional() })).optional(),
        })
        .optional(),
    })
    .optional(),
});
export type Interaction = z.infer<typeof interactionSchema>;

/** A signed interaction whose fields are not what Discord sends: answered 400. */
export class MalformedInteraction extends Error {
  override name = 'MalformedInteraction';
}

export function readInteraction(body: InteractionBody): Interaction {
  const result = interactionSchema.safeParse(body);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new MalformedInteraction(`interaction ${first?.path.join('.') || 'body'}: ${first?.message}`);
  }
  return result.data;
}

export function userIdOf(interaction: Interaction): string {
  return interaction.member?.user.id ?? interaction.user?.id ?? 'unknown';
}

/** Options as the handlers take them (subcommand groups are walked into; this bot has none). */
function plainOptions(options: readonly RawOption[] = []): {
  values: Record<string, OptionValue>;
  focused?: { name: string; value: string };
} {
  const values: Record<string, OptionValue> = {};
  let focused: { name: string; value: string } | undefined;
  for (const option of options) {
    if (option.options) {
      const inner = plainOptions(option.options);
      Object.assign(values, inner.values);
      focused ??= inner.focused;
    } else if (option.value !== undefined) {
      values[option.name] = option.value;
      if (option.focused) focused = { name: option.name, value: String(option.value) };
    }
  }
  return { values, focused };
}

/** The message data of a callback or a webhook edit: mentions never parsed, whatever the reply says. */
export function messageData(reply: Reply): Record<string, unknown> {
  return {
    content: reply.content,
    embeds: reply.embeds,
    components: reply.components,
    allowed_mentions: { parse: [] },
    ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** The handler's work for a command or a button; undefined for an interaction this bot does not handle. */
export function replyWork(interaction: Interaction, type: number, context: CommandContext) {
  const userId = userIdOf(interaction);
  const data = interaction.data;
  if (type === InteractionType.MessageComponent && data?.custom_id !== undefined) {
    return runButton({ customId: data.custom_id, userId }, context);
  }
  if (type !== InteractionType.ApplicationCommand || data?.name === undefined) return undefined;
  if (data.type === ApplicationCommandType.Message) {
    const message = data.target_id ? data.resolved?.messages?.[data.target_id] : undefined;
    const request = { command: data.name, message: { content: message?.content ?? '' }, userId };
    return runMessageCommand(request, context);
  }
  if (data.type !== undefined && data.type !== ApplicationCommandType.ChatInput) return undefined;
  return runCommand({ command: data.name, options: plainOptions(data.options).values, userId }, context);
}

export async function autocompleteCallback(interaction: Interaction, context: CommandContext) {
  const { values, focused } = plainOptions(interaction.data?.options);
  const request: AutocompleteRequest = {
    command: interaction.data?.name ?? '',
    options: values,
    userId: userIdOf(interaction),
    focused: focused ?? { name: '', value: '' },
  };
  const choices = await runAutocomplete(request, context);
  return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } };
}

/**
 * Whether a slow reply is deferred privately: what the request asks for (buttons and message commands
 * always answer privately). A reply that turns out private after a public defer is still sent
 * privately (see deferred.ts).
 */
export function wantsPrivate(interaction: Interaction, type: number): boolean {
  if (type === InteractionType.MessageComponent) return true;
  if (interaction.data?.type === ApplicationCommandType.Message) return true;
  return plainOptions(interaction.data?.options).values.private === true;
}
