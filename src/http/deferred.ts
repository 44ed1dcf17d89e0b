// Discord waits 3 s for the HTTP response. A reply not ready in time is deferred ("thinking…",
// callback type 5) and then edited into that message through the interaction webhook, which needs
// no bot token: the interaction's own token is in the path.
import { DiscordAPIError, REST, Routes } from 'discord.js';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { describeError, type Log } from '../log';
import type { Reply } from '../reply/reply';
import { messageData } from './interactions';

/** Discord may not have taken in the defer yet when the edit arrives: these codes mean "try again". */
const NOT_YET = new Set([10008, 10015]);
const RETRIES = 3;
const RETRY_DELAY_MS = 250;

export interface DeferTarget {
  applicationId: string;
  token: string;
  /** The defer was private: the final message is too, whatever the reply says. */
  deferredPrivately: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Webhooks {
  private readonly rest: REST;

  constructor(
    apiUrl: string,
    private readonly log: Log,
  ) {
    this.rest = new REST({ api: apiUrl });
  }

  /** Edits the deferred message into `reply`. Never throws: a failure is one log line. */
  async deliver(target: DeferTarget, reply: Reply): Promise<void> {
    const { applicationId, token } = target;
    const original = Routes.webhookMessage(applicationId, token, '@original');
    const data = messageData(reply);
    try {
      // The private flag of a message cannot be edited: a private reply after a public "thinking…"
      // replaces that message with a private follow-up, so a refusal never shows in the channel.
      if (reply.ephemeral && !target.deferredPrivately) {
        await this.withRetries(() => this.rest.delete(original, { auth: false }));
        await this.withRetries(() =>
          this.rest.post(Routes.webhook(applicationId, token), { body: data, auth: false }),
        );
        return;
      }
      const { flags: _flags, ...edit } = data;
      await this.withRetries(() => this.rest.patch(original, { body: edit, auth: false }));
    } catch (error) {
      // The interaction token is a credential for its webhook: never in a log line, even inside an error.
      this.log(`could not deliver a deferred reply: ${describeError(error).replaceAll(token, '[redacted]')}`);
    }
  }

  private async withRetries(attempt: () => Promise<unknown>): Promise<void> {
    for (let tries = 1; ; tries++) {
      try {
        await attempt();
        return;
      } catch (error) {
        const notYet = error instanceof DiscordAPIError && NOT_YET.has(Number(error.code));
        if (!notYet || tries >= RETRIES) throw error;
        await sleep(RETRY_DELAY_MS * tries);
      }
    }
  }
}

/** The callback that defers: private when the request asked for a private reply. */
export function deferCallback(privately: boolean) {
  return {
    type: InteractionResponseType.DeferredChannelMessageWithSource,
    data: privately ? { flags: MessageFlags.Ephemeral } : {},
  };
}
