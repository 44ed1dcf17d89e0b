import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  type InteractionReplyOptions,
  MessageFlags,
} from 'discord.js';
import { runAutocomplete, runButton, runCommand } from '../../commands/dispatch';
import type { CommandContext, CommandRequest, OptionValue } from '../../commands/types';
import { describeError } from '../log';
import type { Reply } from '../reply/reply';

/** The thin transport: a discord.js interaction in, a plain request to the handlers, their reply out. */

function plainOptions(options: readonly CommandInteractionOption[]): Record<string, OptionValue> {
  const plain: Record<string, OptionValue> = {};
  for (const option of options) {
    if (option.value !== undefined && option.value !== null) plain[option.name] = option.value;
  }
  return plain;
}

function toRequest(interaction: ChatInputCommandInteraction | AutocompleteInteraction): CommandRequest {
  return {
    command: interaction.commandName,
    options: plainOptions(interaction.options.data),
    userId: interaction.user.id,
  };
}

/** Reply data as discord.js sends it; mentions are never parsed, whatever the reply says. */
export function toDiscordReply(reply: Reply): InteractionReplyOptions & { flags?: MessageFlags.Ephemeral } {
  return {
    content: reply.content,
    embeds: reply.embeds,
    components: reply.components,
    allowedMentions: { parse: [] },
    ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

async function onCommand(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void> {
  const reply = await runCommand(toRequest(interaction), context);
  await interaction.reply(toDiscordReply(reply));
}

async function onAutocomplete(interaction: AutocompleteInteraction, context: CommandContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const request = {
    ...toRequest(interaction),
    focused: { name: focused.name, value: String(focused.value) },
  };
  await interaction.respond(await runAutocomplete(request, context));
}

async function onButton(interaction: ButtonInteraction, context: CommandContext): Promise<void> {
  const reply = await runButton({ customId: interaction.customId, userId: interaction.user.id }, context);
  await interaction.reply(toDiscordReply(reply));
}

/**
 * Routes one interaction. Never throws: a failed response (the 3 s window passed, Discord down)
 * is one log line, and the bot goes on with the next interaction.
 */
export async function handleInteraction(interaction: Interaction, context: CommandContext): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) await onCommand(interaction, context);
    else if (interaction.isAutocomplete()) await onAutocomplete(interaction, context);
    else if (interaction.isButton()) await onButton(interaction, context);
  } catch (error) {
    const what =
      'commandName' in interaction ? `/${interaction.commandName}` : `interaction type ${interaction.type}`;
    context.log(`could not respond to ${what}: ${describeError(error)}`);
  }
}
