import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type APIApplicationCommand,
  type APIInteractionResponse,
  ApplicationCommandOptionType,
  InteractionResponseType,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommandContext, runCommand } from '../commands/dispatch';
import { PROJECT_ROOT, parseConfig } from '../src/config';
import { loadCorpus } from '../src/corpus/loadCorpus';
import type { Corpus } from '../src/corpus/types';
import { isTokenRejected } from '../src/discord/loginError';
import { type Bot, startBot } from '../src/discord/startBot';
import { AnswerEngine } from '../src/search/engine';
import { FakeDiscord } from './support/fakeDiscord';
import { buttonsOf, choicesOf, customIdOf, embedOf, fieldOf, isEphemeral } from './support/messages';
import { cleanEnv, type Spawned, spawnScript, waitFor } from './support/processes';

const GUILD_ID = '2000000000000000001';

type Running = Spawned;

/** Runs a TypeScript entry point of the project from an empty folder, so no .env applies. */
function runTsx(script: string, env: Record<string, string>): Running {
  return spawnScript(script, { cwd: mkdtempSync(path.join(tmpdir(), 'askbot-')), env: cleanEnv(env) });
}

let fake: FakeDiscord;
let bot: Bot;
let engine: AnswerEngine;
const logs: string[] = [];

beforeAll(async () => {
  fake = await FakeDiscord.start({ guildIds: [GUILD_ID] });
  engine = AnswerEngine.build(await loadCorpus(path.join(PROJECT_ROOT, 'corpus')));
  const config = parseConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    ASK_COOLDOWN_SECONDS: '0',
  });
  bot = await startBot(config, engine, { log: (line) => logs.push(line) });
  await fake.waitForReady();
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

function ask(question: string, extra: { name: string; type: number; value: string | boolean }[] = []) {
  return fake.sendCommand({
    name: 'ask',
    options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: question }, ...extra],
  });
}

describe('deploy', () => {
  it('registers valid commands to the server named by DISCORD_GUILD_ID', async () => {
    const run = runTsx('src/cli/deploy.ts', {
      DISCORD_TOKEN: fake.token,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_GUILD_ID: GUILD_ID,
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(await run.exit, run.stderr()).toBe(0);
    expect(run.stdout()).toMatch(
      /registered 3 commands in server 2000000000000000001: \/ask, \/article, \/help/,
    );
    expect(fake.registeredCommands()).toEqual([]);

    const commands = fake.registeredCommands(GUILD_ID) as APIApplicationCommand[];
    expect(commands.map((c) => c.name).sort()).toEqual(['article', 'ask', 'help']);
    for (const command of commands) {
      expect(command.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(command.description.length).toBeGreaterThanOrEqual(1);
      expect(command.description.length).toBeLessThanOrEqual(100);
      const options = command.options ?? [];
      expect(options.length).toBeLessThanOrEqual(25);
      // Discord requires required options before optional ones.
      const required = (o: (typeof options)[number]) => 'required' in o && o.required;
      const firstOptional = options.findIndex((o) => !required(o));
      if (firstOptional >= 0) expect(options.slice(firstOptional).every((o) => !required(o))).toBe(true);
    }
    const askOptions = commands.find((c) => c.name === 'ask')?.options ?? [];
    expect(askOptions.find((o) => o.name === 'question')).toMatchObject({
      type: ApplicationCommandOptionType.String,
      required: true,
      max_length: 6000,
      autocomplete: true,
    });
    expect(askOptions.find((o) => o.name === 'private')).toMatchObject({
      type: ApplicationCommandOptionType.Boolean,
    });
    expect(askOptions.find((o) => o.name === 'article')).toMatchObject({
      type: ApplicationCommandOptionType.String,
      autocomplete: true,
    });
  });

  it('says what is missing without DISCORD_CLIENT_ID', async () => {
    const run = runTsx('src/cli/deploy.ts', { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
    expect(await run.exit).toBe(1);
    expect(run.stderr().trim()).toMatch(/^deploy: DISCORD_CLIENT_ID is not set/);
  });
});

describe('/ask', () => {
  it('answers within 3 s with the passage that answers, publicly', async () => {
    const { type, data, elapsedMs } = await ask('How long did the meeting last?').response();
    expect(elapsedMs).toBeLessThan(3000);
    expect(type).toBe(4);
    expect(isEphemeral(data)).toBe(false);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const embed = embedOf(data);
    expect(embed.description).toContain('10 minutes');
    expect(fieldOf(embed, 'Article')).toContain('Blinken, Lavrov meet');
    expect(fieldOf(embed, 'Published')).toContain('2 March 2023');
  });

  it('answers privately when asked to', async () => {
    const { data } = await ask('How long did the meeting last?', [
      { name: 'private', type: ApplicationCommandOptionType.Boolean, value: true },
    ]).response();
    expect(isEphemeral(data)).toBe(true);
    expect(embedOf(data).description).toContain('10 minutes');
  });

  it('says privately when the article does not answer, with suggestions', async () => {
    const { data } = await ask('What is the capital of France?').response();
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toContain('The article does not answer “What is the capital of France?”');
    expect(data.content).toMatch(/• .+\?/);
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers an empty question with a private hint', async () => {
    const { data } = await ask('   ').response();
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toContain('Ask me a question about the article');
  });

  it('pings nobody when the question holds @everyone or a role mention', async () => {
    const pinging = [
      '@everyone what is the capital of France? <@&123>',
      '@everyone <@&123> how long did the meeting last?',
    ];
    for (const question of pinging) {
      const { data } = await ask(question).response();
      expect(data.allowed_mentions).toEqual({ parse: [] });
    }
  });

  it('handles a 6,000-character question without a rejected reply', async () => {
    const question = 'How long did the meeting last? '.repeat(200).slice(0, 6000);
    expect(question).toHaveLength(6000);
    const interaction = ask(question);
    const { type, data, elapsedMs } = await interaction.response();
    expect(elapsedMs).toBeLessThan(3000);
    expect(type).toBe(4);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const callback = fake.requests.find((r) => r.path.includes(`/interactions/${interaction.id}/`));
    expect(callback?.status).toBe(204);
  });

  it('refuses an article it does not know, privately', async () => {
    const { data } = await ask('How long did the meeting last?', [
      { name: 'article', type: ApplicationCommandOptionType.String, value: 'no-such-article' },
    ]).response();
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toContain('I do not know an article called “no-such-article”');
  });

  it('searches only the article picked in the article option', async () => {
    const { data } = await ask('How long did the meeting last?', [
      { name: 'article', type: ApplicationCommandOptionType.String, value: 'blinken-lavrov-g20' },
    ]).response();
    expect(embedOf(data).description).toContain('10 minutes');
  });
});

describe('autocomplete', () => {
  it('suggests starter questions for empty input, within limits and 3 s', async () => {
    const { type, data, elapsedMs } = await fake
      .sendAutocomplete({
        name: 'ask',
        focused: 'question',
        options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: '' }],
      })
      .response();
    expect(type).toBe(8);
    expect(elapsedMs).toBeLessThan(3000);
    expect(choicesOf(data).length).toBeGreaterThan(0);
    expect(choicesOf(data).length).toBeLessThanOrEqual(25);
    for (const choice of choicesOf(data)) {
      expect(choice.name.length).toBeGreaterThanOrEqual(1);
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(String(choice.value).length).toBeLessThanOrEqual(100);
    }
  });

  it('answers typed and oversized input with valid choices', async () => {
    for (const value of ['how long', 'x'.repeat(6000)]) {
      const { type, data } = await fake
        .sendAutocomplete({
          name: 'ask',
          focused: 'question',
          options: [{ name: 'question', type: ApplicationCommandOptionType.String, value }],
        })
        .response();
      expect(type).toBe(8);
      expect(choicesOf(data).length).toBeLessThanOrEqual(25);
    }
  });

  it('suggests article titles for the article option', async () => {
    const { data } = await fake
      .sendAutocomplete({
        name: 'ask',
        focused: 'article',
        options: [
          { name: 'question', type: ApplicationCommandOptionType.String, value: 'meeting' },
          { name: 'article', type: ApplicationCommandOptionType.String, value: 'lavrov' },
        ],
      })
      .response();
    expect(choicesOf(data)).toContainEqual({
      name: 'Blinken, Lavrov meet for first time since Russia’s invasion of Ukraine',
      value: 'blinken-lavrov-g20',
    });
  });
});

describe('buttons', () => {
  it('shows the next best passage privately, and the link to the article when known', async () => {
    const first = await ask('What did Blinken say about nuclear powers?').response();
    const buttons = buttonsOf(first.data);
    const next = customIdOf(buttons.find((b) => 'label' in b && b.label === 'Next best passage')) ?? '';
    expect(next).toMatch(/^ask:next:/);
    for (const button of buttons) if ('url' in button) expect(button.url).toMatch(/^https?:\/\//);

    const pressed = await fake.sendButton({ customId: next }).response();
    expect(pressed.type).toBe(4);
    expect(isEphemeral(pressed.data)).toBe(true);
    expect(pressed.data.allowed_mentions).toEqual({ parse: [] });
    expect(embedOf(pressed.data).footer?.text).toBe('Next best passage');
    expect(embedOf(pressed.data).description).not.toBe(embedOf(first.data).description);
  });

  it('says a stale or foreign button has expired', async () => {
    for (const customId of ['ask:next:00000000:1', 'someone-else:thing']) {
      const { data } = await fake.sendButton({ customId }).response();
      expect(isEphemeral(data)).toBe(true);
      expect(data.content).toContain('This button has expired');
    }
  });
});

describe('other commands and failures', () => {
  it('answers an unknown command privately, then goes on with a normal one', async () => {
    const unknown = await fake.sendCommand({ name: 'dance' }).response();
    expect(isEphemeral(unknown.data)).toBe(true);
    expect(unknown.data.content).toContain('Unknown command');
    const help = await fake.sendCommand({ name: 'help' }).response();
    expect(help.type).toBe(4);
    expect(embedOf(help.data).title).toBe('How to ask');
  });

  it('describes the article with /article', async () => {
    const { data } = await fake.sendCommand({ name: 'article' }).response();
    const embed = embedOf(data);
    expect(embed.title).toContain('Blinken, Lavrov meet');
    expect(embed.description).toContain('2 March 2023');
    expect(Number(fieldOf(embed, 'Passages'))).toBeGreaterThan(5);
    expect(fieldOf(embed, 'Sections')).toContain('Why is a meeting between the U.S. and Russia important?');
  });

  it('logs one line and goes on when a response is refused (the 3 s window passed)', async () => {
    fake.failNextCallback({ status: 404, body: { message: 'Unknown interaction', code: 10062 } });
    const before = logs.length;
    ask('How long did the meeting last?');
    await waitFor(() => logs.length > before, 5000, 'a log line');
    expect(logs.at(-1)).toMatch(/^could not respond to \/ask: .*Unknown interaction/);
    const { data } = await ask('How long did the meeting last?').response();
    expect(embedOf(data).description).toContain('10 minutes');
  });

  it('keeps answering after the gateway connection is resumed', async () => {
    fake.closeGateway(4000);
    await fake.waitForReady(1, 5000);
    await waitFor(() => fake.resumes.length > 0, 5000, 'a resume');
    const { type } = await fake.sendCommand({ name: 'help' }).response(5000);
    expect(type).toBe(4);
  });

  it('sent every reply with allowed_mentions parsing nothing, and never logged the token', () => {
    const callbacks = fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/callback'));
    // What the bot sent, read as the callbacks they should be.
    const bodies = callbacks.map((r) => r.body as APIInteractionResponse);
    const messages = bodies.filter((body) => body.type === InteractionResponseType.ChannelMessageWithSource);
    expect(messages.length).toBeGreaterThan(10);
    for (const body of messages) expect(body.data.allowed_mentions).toEqual({ parse: [] });
    for (const line of logs) expect(line).not.toContain(fake.token);
  });
});

describe('handlers without Discord', () => {
  it('limits /ask per user with a private "try again in N s", leaving others alone', async () => {
    let now = 1_000_000;
    const context = createCommandContext(engine, { cooldownSeconds: 5, log: () => {}, clock: () => now });
    const request = (userId: string) => ({
      command: 'ask',
      options: { question: 'Who is Paul Whelan?' },
      userId,
    });
    expect((await runCommand(request('a'), context)).embeds).toBeDefined();
    now += 2000;
    const limited = await runCommand(request('a'), context);
    expect(limited.ephemeral).toBe(true);
    expect(limited.content).toBe('You are asking quickly: try again in 3 s.');
    expect((await runCommand(request('b'), context)).embeds).toBeDefined();
    now += 3000;
    expect((await runCommand(request('a'), context)).embeds).toBeDefined();
    now += 60_000;
    await runCommand(request('c'), context);
    // Expired entries are evicted: only c's cooldown remains.
    expect(context.cooldowns.size).toBe(1);
  });

  it('turns a handler that throws into a private "Something went wrong" and one log line', async () => {
    // A corpus whose passage names an article that is not there: real code, broken data.
    const broken: Corpus = {
      articles: [],
      passages: [
        {
          id: 0,
          articleId: 'gone',
          paragraph: 1,
          hasQuote: false,
          text: 'The discussion lasted 10 minutes.',
        },
      ],
    };
    const lines: string[] = [];
    const context = createCommandContext(AnswerEngine.build(broken), {
      cooldownSeconds: 0,
      log: (l) => lines.push(l),
    });
    const reply = await runCommand(
      { command: 'ask', options: { question: 'How long did the discussion last?' }, userId: 'u' },
      context,
    );
    expect(reply).toMatchObject({ ephemeral: true, allowedMentions: { parse: [] } });
    expect(reply.content).toContain('Something went wrong');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error in \/ask \(user u\): /);
  });
});

describe('/article with several articles', () => {
  // Twelve small articles, written out here as the loader would produce them.
  const corpus: Corpus = { articles: [], passages: [] };
  for (let i = 1; i <= 12; i++) {
    const id = `story-${String(i).padStart(2, '0')}`;
    const title = i === 7 ? 'A *starred* [title] @everyone' : `Story number ${i}`;
    corpus.articles.push({
      id,
      file: `${id}.md`,
      meta: { title, published: `2024-01-0${(i % 9) + 1}` },
      body: '',
      excludedLines: [],
    });
    for (let p = 1; p <= 2; p++) {
      const text = `Paragraph ${p} of story ${i} says something about topic ${i}.`;
      corpus.passages.push({
        id: corpus.passages.length,
        articleId: id,
        paragraph: p,
        hasQuote: false,
        text,
        section: p === 2 ? 'More' : undefined,
      });
    }
  }
  const context = createCommandContext(AnswerEngine.build(corpus), { cooldownSeconds: 0, log: () => {} });
  const article = (options: Record<string, string | number>) =>
    runCommand({ command: 'article', options, userId: 'u' }, context);

  it('lists ten articles a page, escaped, with the page in the footer', async () => {
    const first = (await article({})).embeds?.[0];
    expect(first?.title).toBe('12 articles');
    expect(first?.description?.split('\n')).toHaveLength(10);
    expect(first?.description).toContain(
      '**7.** A \\*starred\\* \\[title\\] @everyone — 8 January 2024 · 2 passages',
    );
    expect(first?.footer?.text).toBe('Page 1 of 2 · /article page:<n> for more');
    const second = (await article({ page: 2 })).embeds?.[0];
    expect(second?.description?.split('\n')).toHaveLength(2);
    expect(second?.description).toContain('**12.** Story number 12');
    // A page past the end shows the last one rather than nothing.
    expect((await article({ page: 99 })).embeds?.[0]?.description).toBe(second?.description);
  });

  it('shows one article by id or by a unique part of its title', async () => {
    for (const wanted of ['story-03', 'number 3']) {
      const embed = (await article({ article: wanted })).embeds?.[0];
      expect(embed?.title).toBe('Story number 3');
      expect(embed?.fields?.find((f) => f.name === 'Passages')?.value).toBe('2');
      expect(embed?.fields?.find((f) => f.name === 'Sections')?.value).toBe('• More');
    }
    const ambiguous = await article({ article: 'story number 1' });
    expect(ambiguous.embeds?.[0]?.title).toBe('Story number 1');
    expect((await article({ article: 'number' })).content).toContain(
      'I do not know an article called “number”',
    );
  });
});

describe('logging in', () => {
  it('rejects a wrong token as a token problem', async () => {
    const config = parseConfig({ DISCORD_TOKEN: 'wrong-token-0123456789', DISCORD_API_URL: fake.apiUrl });
    const error = await startBot(config, engine, { log: () => {} }).catch((e: unknown) => e);
    expect(isTokenRejected(error)).toBe(true);
  });

  it('reports a gateway that closes with 4004 after start-up as fatal', async () => {
    const other = await FakeDiscord.start();
    const fatal: string[] = [];
    const config = parseConfig({ DISCORD_TOKEN: other.token, DISCORD_API_URL: other.apiUrl });
    const second = await startBot(config, engine, { log: () => {}, onFatal: (line) => fatal.push(line) });
    other.closeGateway(4004);
    await waitFor(() => fatal.length > 0, 5000, 'the fatal callback');
    expect(fatal[0]).toContain('check DISCORD_TOKEN');
    await second.stop();
    await other.close();
  });
});

describe('the real process (tsx src/main.ts)', () => {
  it('logs ready, and on SIGTERM closes the gateway with 1000 and exits 0', async () => {
    const own = await FakeDiscord.start();
    const run = runTsx('src/main.ts', { DISCORD_TOKEN: own.token, DISCORD_API_URL: own.apiUrl });
    try {
      await waitFor(() => run.stderr().includes('ready as'), 15_000, `"ready as" (stderr: ${run.stderr()})`);
      expect(run.stderr()).toContain('ready as AskBot in 1 server');
      const { type, data } = await own
        .sendCommand({
          name: 'ask',
          options: [
            {
              name: 'question',
              type: ApplicationCommandOptionType.String,
              value: 'How long did the meeting last?',
            },
          ],
        })
        .response();
      expect(type).toBe(4);
      expect(embedOf(data).description).toContain('10 minutes');

      run.child.kill('SIGTERM');
      expect(await own.waitForClientClose(5000)).toBe(1000);
      expect(await run.exit).toBe(0);
      expect(run.stderr()).not.toContain(own.token);
    } finally {
      run.child.kill('SIGKILL');
      await own.close();
    }
  });

  it('with a wrong token prints one line naming DISCORD_TOKEN (after "connecting"), never the token, and exits non-zero', async () => {
    const token = 'MTIzNDU2Nzg5.wrong.tokenvalue0123456789';
    const run = runTsx('src/main.ts', { DISCORD_TOKEN: token, DISCORD_API_URL: fake.apiUrl });
    const code = await run.exit;
    expect(code).not.toBe(0);
    const output = run.stdout() + run.stderr();
    // The line said at once, then the one line of the failure.
    const [connecting, ...failure] = output.trim().split('\n');
    expect(connecting).toBe('connecting to Discord…');
    expect(failure).toHaveLength(1);
    expect(failure[0]).toContain('DISCORD_TOKEN');
    expect(output).not.toContain(token);
  });
});
