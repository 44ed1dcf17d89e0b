// One signed interaction in, one HTTP response out: PONG, choices, a message, or a defer whose reply
// is edited in through the webhook once it is ready.
import { InteractionResponseType, InteractionType } from 'discord-api-types/v10';
import type { CommandContext } from '../../commands/types';
import type { Reply } from '../reply/reply';
import { deferCallback, type Webhooks } from './deferred';
import {
  autocompleteCallback,
  MalformedInteraction,
  messageData,
  readInteraction,
  replyWork,
  wantsPrivate,
} from './interactions';
import { type InteractionHandler, Refusal } from './server';

export interface HandlerOptions {
  webhooks: Webhooks;
  /** A reply not ready this long after the request arrived is deferred; 0 defers every one. */
  deferAfterMs: number;
  clock?: () => number;
}

/** Resolves undefined after `ms`, or with the reply if it comes first; the timer never outlives the race. */
async function within(work: Promise<Reply>, ms: number): Promise<Reply | undefined> {
  if (ms <= 0) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** `context` is read at each interaction, so a reload that swaps `context.engine` applies to the next one. */
export function createInteractionHandler(
  context: CommandContext,
  options: HandlerOptions,
): InteractionHandler {
  const clock = options.clock ?? Date.now;
  return async (body, receivedAt) => {
    if (body.type === InteractionType.Ping) return { body: { type: InteractionResponseType.Pong } };
    let interaction: ReturnType<typeof readInteraction>;
    try {
      interaction = readInteraction(body);
    } catch (error) {
      if (error instanceof MalformedInteraction) throw new Refusal(400, error.message);
      throw error;
    }
    if (body.type === InteractionType.ApplicationCommandAutocomplete) {
      return { body: await autocompleteCallback(interaction, context) };
    }
    const work = replyWork(interaction, body.type, context);
    if (!work) throw new Refusal(400, `interaction type ${body.type} is not handled by this bot`);
    // The engine answers synchronously, so a reply is usually ready before the race starts; the wait
    // counts from arrival, so time spent queued behind other requests counts too.
    const reply = await within(work, options.deferAfterMs - (clock() - receivedAt));
    if (reply)
      return { body: { type: InteractionResponseType.ChannelMessageWithSource, data: messageData(reply) } };
    const privately = wantsPrivate(interaction, body.type);
    const target = {
      applicationId: interaction.application_id,
      token: interaction.token,
      deferredPrivately: privately,
    };
    return {
      body: deferCallback(privately),
      after: async () => options.webhooks.deliver(target, await work),
    };
  };
}
