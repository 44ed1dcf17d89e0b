// "Find in article", the message command, over the gateway (an unmodified discord.js client against the
// loopback stand-in, which sends the right-click as Discord does) and in the local console (`/find`).
// Over HTTP it is in http.e2e.test.ts and httpDeferred.e2e.test.ts.
import path from 'node:path';
import { InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_TEXT } from '../commands/find';
import { PROJECT_ROOT, parseConfig } from '../src/config';
import { loadCorpus } from '../src/corpus/loadCorpus';
import { type Bot, startBot } from '../src/discord/startBot';
import { AnswerEngine } from '../src/search/engine';
import { FakeDiscord, type MessageBody } from './support/fakeDiscord';
import { embedOf, fieldOf, isEphemeral } from './support/messages';
import { killChildren, runMain } from './support/processes';

const FIND = 'Find in article';
const CLAIM = 'Kirby says the chat between Blinken and Lavrov was over in ten minutes';

let fake: FakeDiscord;
let bot: Bot;
const logs: string[] = [];

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const engine = AnswerEngine.build(await loadCorpus(path.join(PROJECT_ROOT, 'corpus')));
  const config = parseConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    ASK_COOLDOWN_SECONDS: '5',
  });
  bot = await startBot(config, engine, { log: (line) => logs.push(line) });
  await fake.waitForReady();
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await killChildren();
});

const quoteOf = (data: MessageBody) => String(embedOf(data).description).replaceAll('**', '');

describe('Find in article over the gateway', () => {
  it('answers a message’s text privately with the passage that bears on it, as /ask would', async () => {
    const sent = fake.sendMessageCommand({
      name: FIND,
      message: { content: `${CLAIM} @everyone` },
      userId: '3000000000000000011',
    });
    const response = await sent.response();
    expect(response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(isEphemeral(response.data)).toBe(true);
    expect(response.data.allowed_mentions).toEqual({ parse: [] });
    expect(quoteOf(response.data)).toContain('The discussion lasted 10 minutes, according to White House');
    const embed = embedOf(response.data);
    expect(fieldOf(embed, 'Paragraph')).toBe('3');
    expect(embed.footer?.text).toMatch(/confidence/i);
  });

  it('says so privately when the message has no text: only an image, or only an embed', async () => {
    const messages = [
      {
        attachments: [
          {
            id: '1',
            filename: 'photo.png',
            size: 1,
            url: 'https://cdn.invalid/p.png',
            proxy_url: 'https://cdn.invalid/p.png',
          },
        ],
      },
      { embeds: [{ title: 'A link preview', description: 'Blinken met Lavrov' }] },
    ];
    for (const [i, message] of messages.entries()) {
      const sent = fake.sendMessageCommand({ name: FIND, message, userId: `300000000000000002${i}` });
      const { data } = await sent.response();
      expect(data.content).toBe(NO_TEXT);
      expect(isEphemeral(data)).toBe(true);
    }
  });

  it('says privately when the article does not bear on the message', async () => {
    const sent = fake.sendMessageCommand({
      name: FIND,
      message: { content: 'What is the capital of France?' },
      userId: '3000000000000000031',
    });
    const { data } = await sent.response();
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toContain('The article does not answer');
  });

  it('shares the /ask cooldown', async () => {
    const userId = '3000000000000000041';
    expect(
      quoteOf(
        (await fake.sendMessageCommand({ name: FIND, message: { content: CLAIM }, userId }).response()).data,
      ),
    ).toContain('10 minutes');
    const again = await fake
      .sendMessageCommand({ name: FIND, message: { content: CLAIM }, userId })
      .response();
    expect(again.data.content).toMatch(/^You are asking quickly/);
    expect(logs.filter((line) => /error|could not/.test(line))).toEqual([]);
  });
});

describe('Find in article in the console', () => {
  it('/find TEXT answers from the passage that bears on TEXT, and /find alone says there is no text', async () => {
    const run = runMain({}, `/find ${CLAIM}\n/find\n`);
    expect(await run.exit).toBe(0);
    const [answer, empty] = run.stdout().trim().split(/\n\n+/);
    expect(answer).toContain('The discussion lasted 10 minutes');
    expect(answer).toMatch(/Paragraph: 3/);
    expect(empty).toBe(NO_TEXT);
  });
});
