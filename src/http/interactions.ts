// From Discord's interaction JSON to the transport-independent requests of commands/, and their
// replies back to interaction callbacks: the same handlers and reply data as the gateway transport.
import { z } from 'zod';
import type { AutocompleteRequest, CommandContext, CommandRequest, OptionValue } from '../../commands';
import { runAutocomplete, runButton, runCommand } from '../../commands/dispatch';
import type { Reply } from '../discord/reply';
import type { InteractionBody } from './server';

/** Discord's numbers (discord-api-types names them; spelled out here so the wire format reads plainly). */
export const InteractionType = { Ping: 1, Command: 2, Component: 3, Autocomplete: 4 } as const;
export const CallbackType = { Pong: 1, Message: 4, Deferred: 5, Choices: 8 } as const;
const CommandType = { ChatInput: 1, Message: 3 } as const;
export const EPHEMERAL = 64;

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
    ...(reply.ephemeral ? { flags: EPHEMERAL } : {}),
  };
}

/** The handler's work for a command or a button; undefined for an interaction this bot does not handle. */
export function replyWork(interaction: Interaction, type: number, context: CommandContext) {
  const userId = userIdOf(interaction);
  const data = interaction.data;
  if (type === InteractionType.Component && data?.custom_id !== undefined) {
    return runButton({ customId: data.custom_id, userId }, context);
  }
  if (type !== InteractionType.Command || data?.name === undefined) return undefined;
  if (data.type === CommandType.Message) {
    const message = data.target_id ? data.resolved?.messages?.[data.target_id] : undefined;
    const request: CommandRequest = {
      command: data.name,
      options: { text: message?.content ?? '' },
      userId,
    };
    return runCommand(request, context);
  }
  if (data.type !== undefined && data.type !== CommandType.ChatInput) return undefined;
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
  return { type: CallbackType.Choices, data: { choices: await runAutocomplete(request, context) } };
}

/**
 * Whether a slow reply is deferred privately: what the request asks for. A reply that turns out
 * private after a public defer is sent privately anyway (see deferred.ts).
 */
export function wantsPrivate(interaction: Interaction, type: number): boolean {
  if (type === InteractionType.Component || interaction.data?.type === CommandType.Message) return true;
  return plainOptions(interaction.data?.options).values.private === true;
}
