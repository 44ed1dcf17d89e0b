// "Find in article": right-click a message → Apps → Find in article. The message's text is asked as a
// question, so a claim read in the chat is checked against the article without retyping it.
import { ApplicationCommandType } from 'discord-api-types/v10';
import { privateText } from '../src/reply/reply';
import { answerReply, MAX_QUESTION_LENGTH, tooSoon } from './ask';
import type { MessageCommand, MessageDefinition } from './types';

const data = {
  type: ApplicationCommandType.Message,
  name: 'Find in article',
} as const satisfies MessageDefinition;

export const NO_TEXT =
  'That message has no text to look up: Find in article reads what a message says, not its images, embeds or files.';

export default {
  data,

  // Always private: the person checking a claim is the one who wants the passage, not the channel.
  execute(request, context) {
    const text = request.message.content.slice(0, MAX_QUESTION_LENGTH);
    if (!text.trim()) return privateText(NO_TEXT);
    // The same work as /ask, so the same cooldown: right-clicking is not a way around it.
    const wait = tooSoon(context, request.userId);
    if (wait) return wait;
    return answerReply(context.engine, text, {}, true);
  },
} satisfies MessageCommand;
