// Property-based tests of the whole reply path: any input → dispatch (runCommand, runAutocomplete,
// runButton) → the engine → reply data → what discord.js sends and what the console prints. Whatever is
// typed, and whatever an article says, the handlers answer or abstain without throwing, every reply is
// within Discord's limits, and no reply can mention anyone. oddInput.test.ts covers the engine alone.

import path from 'node:path';
import type { APIEmbed } from 'discord.js';
import { ApplicationCommandOptionType, ButtonStyle, ComponentType } from 'discord-api-types/v10';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusFingerprint } from '../commands/ask';
import { createCommandContext, runAutocomplete, runButton, runCommand } from '../commands/dispatch';
import type { CommandContext, CommandRequest, OptionValue } from '../commands/types';
import { PROJECT_ROOT, parseConfig } from '../src/config';
import { ansiStyle, buttonIds, markdownToText, plainStyle, renderText } from '../src/console/renderText';
import { buildCorpus, loadCorpus } from '../src/corpus/loadCorpus';
import type { Article } from '../src/corpus/types';
import { toDiscordReply } from '../src/discord/interactions';
import { type Bot, startBot } from '../src/discord/startBot';
import { fitReply, truncate } from '../src/reply/limits';
import type { Choice, Reply } from '../src/reply/reply';
import { AnswerEngine } from '../src/search/engine';
import { FakeDiscord } from './support/fakeDiscord';

const MAX_QUESTION = 6000;

// ---------------------------------------------------------------------------------------------------
// What "safe to send" means, written out from Discord's documentation rather than taken from src/.

/** @everyone / @here as Discord reads them in message content (a zero-width space after @ defuses them). */
const MASS_MENTION = /@(?:everyone|here)/i;
/** User, member and role mentions. */
const DIRECT_MENTION = /<@[!&]?\d+>/;

function embedChars(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

/** Every limit Discord enforces on an interaction message, and nothing in it can ping. */
function expectSafeReply(reply: Reply): void {
  expect(reply.allowedMentions).toEqual({ parse: [] });
  const content = reply.content ?? '';
  expect(content.length > 0 || (reply.embeds?.length ?? 0) > 0).toBe(true);
  expect(content.length).toBeLessThanOrEqual(2000);
  expect(content).not.toMatch(MASS_MENTION);
  expect(content).not.toMatch(DIRECT_MENTION);
  const embeds = reply.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(10);
  for (const embed of embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThanOrEqual(1);
      expect(field.name.length).toBeLessThanOrEqual(256);
      expect(field.value.length).toBeGreaterThanOrEqual(1);
      expect(field.value.length).toBeLessThanOrEqual(1024);
    }
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
    expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(256);
  }
  // The 6,000 characters are counted over all the embeds of a message together.
  expect(embeds.reduce((sum, embed) => sum + embedChars(embed), 0)).toBeLessThanOrEqual(6000);
  const rows = reply.components ?? [];
  expect(rows.length).toBeLessThanOrEqual(5);
  const ids = new Set<string>();
  for (const row of rows) {
    expect(row.components.length).toBeGreaterThanOrEqual(1);
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const button of row.components) {
      if ('label' in button) expect(button.label?.length ?? 0).toBeLessThanOrEqual(80);
      if ('custom_id' in button) {
        expect(button.custom_id.length).toBeGreaterThanOrEqual(1);
        expect(button.custom_id.length).toBeLessThanOrEqual(100);
        expect(ids.has(button.custom_id)).toBe(false);
        ids.add(button.custom_id);
      }
      if ('url' in button) expect(button.url).toMatch(/^https?:\/\//);
    }
  }
  // What discord.js is handed: mentions are never parsed, whatever the reply data says.
  const sent = toDiscordReply(reply);
  expect(sent.allowedMentions).toEqual({ parse: [] });
  expect(sent.content).toBe(reply.content);
  // The console prints the same reply without throwing, plain or coloured.
  expect(typeof renderText(reply, plainStyle)).toBe('string');
  expect(typeof renderText(reply, ansiStyle)).toBe('string');
}

function expectValidChoices(choices: readonly Choice[]): void {
  expect(choices.length).toBeLessThanOrEqual(25);
  expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
  for (const choice of choices) {
    expect(choice.name.length).toBeGreaterThanOrEqual(1);
    expect(choice.name.length).toBeLessThanOrEqual(100);
    expect(choice.value.length).toBeGreaterThanOrEqual(1);
    expect(choice.value.length).toBeLessThanOrEqual(100);
  }
}

// ---------------------------------------------------------------------------------------------------
// Input: anything a user can type, and an article that is itself hostile.

const PIECES = [
  // mentions
  '@everyone',
  '@here',
  '@Everyone',
  '@@everyone',
  '<@&2000000000000000009>',
  '<@3000000000000000001>',
  '<@!3000000000000000001>',
  '<#2000000000000000002>',
  '</ask:1000000000000000002>',
  // markdown
  '**',
  '__',
  '*',
  '_',
  '~~',
  '||',
  '`',
  '```',
  '> ',
  '>>> ',
  '# ',
  '-# ',
  '- ',
  '1. ',
  '[click](https://evil.example)',
  '<https://evil.example>',
  '\\',
  '\\\\',
  // fuse.js extended-search operators
  "'",
  '!',
  '^',
  '=',
  '$',
  '|',
  '"',
  "'exact",
  '!not',
  '^prefix',
  'suffix$',
  '=equal',
  'a | b',
  '"quoted words"',
  // right-to-left, zero-width and other invisible characters
  '\u202e',
  '\u202b',
  '\u2067',
  '\u200f',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  'שלום',
  'مرحبا',
  // control characters, line breaks, lone surrogates
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\r',
  '\n',
  '\t',
  '\u0085',
  '\u2028',
  '\ud800',
  '\udfff',
  // emoji
  '😀',
  '👩‍👩‍👧‍👦',
  '🇺🇦',
  '🏳️‍🌈',
  // words the corpora answer to, so that mixes also take the answering path
  'Blinken',
  'Lavrov',
  'how long',
  'did the meeting last',
  'summit',
  'nuclear treaty',
  'who said',
  'Whelan',
  '?',
];

const piece = fc.constantFrom(...PIECES);
const spaces = fc.constantFrom(' ', '  ', ' \n ');
const mix = fc
  .array(fc.oneof(piece, piece, spaces, fc.string({ unit: 'grapheme', maxLength: 12 })), { maxLength: 80 })
  .map((parts) => parts.join(''));

/** Any text up to 6,000 characters (and a little over, as the console and other callers may send). */
const anyText = fc.oneof(
  { weight: 5, arbitrary: mix },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: MAX_QUESTION, size: 'max' }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(mix, fc.integer({ min: 1, max: MAX_QUESTION + 10 }))
      .map(([text, length]) => (text || '@everyone ').repeat(length).slice(0, length)),
  },
);
/** Option values are not to be trusted: the console and a forged request may send any type. */
const anyValue: fc.Arbitrary<OptionValue> = fc.oneof(
  { weight: 6, arbitrary: anyText },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
);
const userId = fc.stringMatching(/^[1-9]\d{16,18}$/);

const HOSTILE_ID = 'hostile-summit';
const HOSTILE_TITLE = '@everyone **Summit** <@&2000000000000000009> [ends](https://evil.example) ||early||';

/** An article whose own words try every trick: the bot quotes articles verbatim, so it must defuse them. */
function hostileArticles(): Article[] {
  const body = [
    '## @everyone <@&2000000000000000009> **Breaking** ||news||',
    '',
    '“@everyone, the summit is off,” said <@3000000000000000001> in a post on Tuesday.',
    '',
    '@here The summit lasted [ten minutes](https://evil.example) according to ~~nobody~~ `officials`.',
    '',
    'A very long paragraph about the summit agenda and the nuclear treaty. '.repeat(90).trim(),
    '',
    '\u202eThe talks ended early\u202c, said שלום and مرحبا, with 😀👩‍👩‍👧‍👦 and \\*stars\\* \\',
    '',
    '# > a heading with #hash and 1. a list and @here',
    '',
    '- @everyone a bullet about the nuclear treaty and who said it',
    '- <@&2000000000000000009> another bullet: the summit lasted two hours',
    '',
    // Words that are also the names of Object's own properties, looked up in word tables.
    '“The constructor said toString and valueOf,” said Constructor Hasownproperty __proto__. The Prototype told reporters.',
  ].join('\n');
  return [
    {
      id: HOSTILE_ID,
      file: `${HOSTILE_ID}.md`,
      meta: {
        title: HOSTILE_TITLE,
        published: '2024-01-02',
        outlet: '@here News',
        author: '<@3000000000000000001> and @everyone',
        url: 'https://example.com/summit?who=@everyone',
      },
      body,
      excludedLines: [],
    },
    {
      // An id too long for an autocomplete value and a title too long for a choice name.
      id: `long-${'x'.repeat(120)}`,
      file: 'long.md',
      meta: { title: `${'A summit title that goes on and on '.repeat(12)}@here`, published: '2024-02-29' },
      body: `${'The summit lasted all night, @everyone agreed. '.repeat(40)}\n\nIt ended at dawn.`,
      excludedLines: [],
    },
  ];
}

let engine: AnswerEngine;
let context: CommandContext;
/** Every log line of the handlers: a line means a handler threw, which no input may cause. */
const logs: string[] = [];
let articleKeys: string[] = [];

beforeAll(async () => {
  const seed = await loadCorpus(path.join(PROJECT_ROOT, 'corpus'), { onWarning: () => {} });
  engine = AnswerEngine.build(buildCorpus([...seed.articles, ...hostileArticles()]));
  context = createCommandContext(engine, { cooldownSeconds: 0, log: (line) => logs.push(line) });
  articleKeys = engine.corpus.articles.flatMap((a) => [a.id, a.meta.title, a.meta.title.slice(3, 20)]);
});

const articleOption = fc.option(
  fc.oneof(
    fc.constantFrom(...['blinken-lavrov-g20', HOSTILE_ID, HOSTILE_TITLE, 'summit', 'lavrov']),
    fc.constant('').chain(() => fc.constantFrom(...(articleKeys.length ? articleKeys : ['x']))),
    anyValue,
  ),
  { nil: undefined },
);

/** The console's "what Discord would show": the question echoed in an abstention, read back as plain text. */
function echoedQuestion(question: string): string {
  return truncate(question.slice(0, MAX_QUESTION).replace(/\s+/g, ' ').trim(), 200);
}
const undefuse = (text: string) => text.replaceAll('@\u200b', '@');

async function pressEveryButton(reply: Reply, presser: string, depth = 0): Promise<void> {
  for (const customId of buttonIds(reply)) {
    const next = await runButton({ customId, userId: presser }, context);
    expectSafeReply(next);
    if (depth < 3) await pressEveryButton(next, presser, depth + 1);
  }
}

describe('dispatch → reply data, on any input', () => {
  it('/ask answers or abstains, within every limit and mentioning nobody, also for its buttons', async () => {
    let answered = 0;
    let abstained = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 5, arbitrary: anyText }, { weight: 1, arbitrary: anyValue }),
        articleOption,
        fc.option(fc.oneof(fc.boolean(), anyValue), { nil: undefined }),
        userId,
        async (question, article, hide, user) => {
          const request: CommandRequest = {
            command: 'ask',
            options: { question, article, private: hide },
            userId: user,
          };
          const reply = await runCommand(request, context);
          expectSafeReply(reply);
          if (reply.embeds?.length) answered++;
          else abstained++;
          const text = renderText(reply, plainStyle);
          if (typeof question === 'string' && reply.content?.startsWith('The article does not answer')) {
            // The console shows the question as typed (spaces folded), not Discord's escapes.
            expect(undefuse(text)).toContain(
              `The article does not answer “${undefuse(echoedQuestion(question))}”`,
            );
          }
          await pressEveryButton(reply, user);
        },
      ),
      { numRuns: 150 },
    );
    expect(logs).toEqual([]);
    // Both paths were taken: answers (with buttons) and abstentions.
    expect(answered).toBeGreaterThan(0);
    expect(abstained).toBeGreaterThan(0);
  });

  it('answers from the hostile article quote its words verbatim, and every reply stays safe', async () => {
    const quotes: string[] = [];
    for (const question of [
      'Who said the summit is off?',
      'How long did the summit last?',
      'What about the nuclear treaty bullet?',
    ]) {
      const reply = await runCommand(
        { command: 'ask', options: { question, article: HOSTILE_ID }, userId: '1' },
        context,
      );
      expectSafeReply(reply);
      const description = reply.embeds?.[0]?.description;
      if (description) quotes.push(markdownToText(description, plainStyle));
    }
    // The article's own words come through as text (in an embed, where @everyone never pings).
    expect(quotes.some((quote) => /summit|treaty/.test(quote))).toBe(true);
    const listing = await runCommand({ command: 'article', options: {}, userId: '1' }, context);
    expectSafeReply(listing);
    expect(markdownToText(listing.embeds?.[0]?.description ?? '', plainStyle)).toContain(HOSTILE_TITLE);
  });

  it('/article with any article name or page', async () => {
    await fc.assert(
      fc.asyncProperty(
        articleOption,
        fc.option(fc.oneof(fc.integer(), fc.integer({ min: -5, max: 5 }), anyValue), { nil: undefined }),
        async (article, page) => {
          expectSafeReply(
            await runCommand({ command: 'article', options: { article, page }, userId: '1' }, context),
          );
        },
      ),
      { numRuns: 100 },
    );
    expect(logs).toEqual([]);
  });

  it('/help, and any unknown command name (the console passes any /word through)', async () => {
    expectSafeReply(await runCommand({ command: 'help', options: {}, userId: '1' }, context));
    await fc.assert(
      fc.asyncProperty(anyText, async (command) => {
        const reply = await runCommand({ command, options: {}, userId: '1' }, context);
        expectSafeReply(reply);
      }),
      { numRuns: 100 },
    );
    expect(logs).toEqual([]);
  });

  it('autocomplete of any command and option gives at most 25 valid choices', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('ask', 'article', 'help', 'nope'),
        fc.constantFrom('question', 'article', 'page'),
        fc.oneof(anyText, fc.integer().map(String)),
        articleOption,
        async (command, focused, value, article) => {
          const choices = await runAutocomplete(
            {
              command,
              options: { [focused]: value, article },
              userId: '1',
              focused: { name: focused, value },
            },
            context,
          );
          expectValidChoices(choices);
        },
      ),
      { numRuns: 150 },
    );
    expect(logs).toEqual([]);
  });

  it('any button custom_id, forged or stale, gives a safe reply', async () => {
    const fingerprint = corpusFingerprint(engine);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anyText,
          anyText.map((rest) => `ask:next:${rest}`),
          fc.stringMatching(/^[0-9a-z.]{0,95}$/).map((ids) => `ask:next:${fingerprint}:${ids}`),
          fc
            .array(fc.integer({ min: -2, max: engine.corpus.passages.length + 2 }), { maxLength: 30 })
            .map((ids) => `ask:next:${fingerprint}:${ids.map((id) => id.toString(36)).join('.')}`),
        ),
        async (customId) => {
          const reply = await runButton({ customId, userId: '1' }, context);
          expectSafeReply(reply);
        },
      ),
      { numRuns: 150 },
    );
    expect(logs).toEqual([]);
  });
});

describe('fitReply, the last gate before Discord', () => {
  const chars = (max: number) =>
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: Math.min(max, 200) }),
      fc.nat(max).map((n) => 'w'.repeat(n)),
      fc.nat(max).map((n) => '@everyone '.repeat(n).slice(0, n)),
    );
  const embed: fc.Arbitrary<APIEmbed> = fc.record(
    {
      title: chars(300),
      description: chars(5000),
      url: fc.oneof(fc.webUrl(), fc.string(), fc.constant('javascript:alert(1)')),
      author: chars(300).map((name) => ({ name })),
      footer: chars(2500).map((text) => ({ text })),
      fields: fc.array(fc.record({ name: chars(300), value: chars(1200), inline: fc.boolean() }), {
        maxLength: 30,
      }),
    },
    { requiredKeys: [] },
  );
  const button = fc.oneof(
    fc.record({
      type: fc.constant(ComponentType.Button as const),
      style: fc.constant(ButtonStyle.Secondary as const),
      label: chars(120),
      custom_id: fc.string({ minLength: 1, maxLength: 120 }),
    }),
    fc.record({
      type: fc.constant(ComponentType.Button as const),
      style: fc.constant(ButtonStyle.Link as const),
      label: chars(120),
      url: fc.oneof(fc.webUrl(), fc.string()),
    }),
  );
  const reply = fc.record({
    content: fc.option(chars(3000), { nil: undefined }),
    embeds: fc.option(fc.array(embed, { maxLength: 12 }), { nil: undefined }),
    components: fc.option(
      fc.array(
        fc
          .array(button, { maxLength: 7 })
          .map((components) => ({ type: ComponentType.ActionRow as const, components })),
        { maxLength: 7 },
      ),
      { nil: undefined },
    ),
    ephemeral: fc.boolean(),
  });

  it('makes any reply data safe to send', () => {
    fc.assert(
      fc.property(reply, (raw) => {
        // Built without the guard on purpose: fitReply must add it.
        const fitted = fitReply({ ...raw, allowedMentions: { parse: [] } } as Reply);
        // Duplicate custom ids are the handlers' business (one button each); the rest is fitReply's.
        for (const row of fitted.components ?? []) {
          const seen = new Set<string>();
          row.components = row.components.filter((b) => {
            if (!('custom_id' in b)) return true;
            if (seen.has(b.custom_id)) return false;
            seen.add(b.custom_id);
            return true;
          });
        }
        fitted.components = fitted.components?.filter((row) => row.components.length > 0);
        const all = fitted.components?.flatMap((row) => row.components) ?? [];
        const ids = all.flatMap((b) => ('custom_id' in b ? [b.custom_id] : []));
        if (new Set(ids).size !== ids.length) return;
        expectSafeReply(fitted);
        expect(fitted.ephemeral).toBe(raw.ephemeral);
      }),
      { numRuns: 300 },
    );
  });
});

describe('hostile input over the wire (real discord.js Client, loopback Discord)', () => {
  let fake: FakeDiscord;
  let bot: Bot;

  beforeAll(async () => {
    // Discord's 3 s window enforced: an answer that is late counts as lost.
    fake = await FakeDiscord.start({ callbackWindowMs: 3000 });
    const config = parseConfig({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      ASK_COOLDOWN_SECONDS: '0',
    });
    bot = await startBot(config, engine, {
      log: (line) => {
        if (!line.startsWith('ready as ')) logs.push(line);
      },
    });
    await fake.waitForReady();
  });

  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });

  it('every reply is accepted by Discord’s validation, private or public, and parses no mentions', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyText.map((q) => q.slice(0, MAX_QUESTION)),
        fc.boolean(),
        async (question, hide) => {
          const options = [
            { name: 'question', type: ApplicationCommandOptionType.String, value: question },
            ...(hide ? [{ name: 'private', type: ApplicationCommandOptionType.Boolean, value: true }] : []),
          ];
          const interaction = fake.sendCommand({ name: 'ask', options });
          const { type, data } = await interaction.response(5000);
          expect(type).toBe(4);
          expect(data.allowed_mentions).toEqual({ parse: [] });
          expect(data.content ?? '').not.toMatch(MASS_MENTION);
          const callback = fake.requests.find((r) => r.path.includes(`/interactions/${interaction.id}/`));
          expect(callback?.status).toBe(204);
        },
      ),
      { numRuns: 25 },
    );
    expect(logs).toEqual([]);
  });
});
