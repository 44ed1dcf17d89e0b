import { escapeText } from '../src/reply/markdown';
import type { SlashCommand, SlashDefinition } from './types';

const data = {
  name: 'help',
  description: 'How to ask the bot about the article',
} as const satisfies SlashDefinition;

export default {
  data,

  execute(_request, { engine }) {
    const examples = engine
      .starterQuestions()
      .slice(0, 4)
      .map((question) => `• /ask question:${escapeText(question)}`);
    const lines = [
      'Ask a question in your own words with **/ask**. The bot answers by quoting the passage of the article that answers it, with where it comes from: the article, its date, the paragraph, the section and who said it.',
      '',
      'When the article does not answer your question, the bot says so (only you see that) and suggests questions it can answer.',
    ];
    return {
      embeds: [
        {
          title: 'How to ask',
          description: lines.join('\n'),
          fields: [
            ...(examples.length ? [{ name: 'Examples', value: examples.join('\n') }] : []),
            {
              name: 'Options of /ask',
              value: [
                '`/ask question:<your question> article:<title> private:true`',
                '• **article**: search only one article (its title, or part of it)',
                '• **private**: `true` shows the answer only to you',
                '• **Next best passage** (button; /next in the local console): another passage that may answer, shown only to you',
              ].join('\n'),
            },
            {
              name: 'Other commands',
              value:
                '• **/article** `[article:<title>] [page:<n>]`: the articles the bot knows\n• **/help**: this message',
            },
          ],
        },
      ],
      ephemeral: true,
      allowedMentions: { parse: [] },
    };
  },
} satisfies SlashCommand<typeof data>;
