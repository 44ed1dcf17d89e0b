// Options typed from the command definitions (checked by tsc: the @ts-expect-error lines fail the type
// check the day a misspelt option name compiles) and validated against them at run time in dispatch.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import article from '../commands/article';
import ask from '../commands/ask';
import { createCommandContext, runAutocomplete, runCommand } from '../commands/dispatch';
import { readOptions } from '../commands/options';
import type { CommandContext, OptionsOf, SlashCommand } from '../commands/types';
import { loadCorpus } from '../src/corpus/loadCorpus';
import { privateText } from '../src/reply/reply';
import { AnswerEngine } from '../src/search/engine';
import { CORPUS_DIR, removeCorpusDirs, twoArticleCorpus } from './support/engineFixtures';

afterAll(removeCorpusDirs);

let context: CommandContext;
const logs: string[] = [];

beforeAll(async () => {
  const engine = AnswerEngine.build(await loadCorpus(CORPUS_DIR));
  context = createCommandContext(engine, { cooldownSeconds: 0, log: (line) => logs.push(line) });
});

describe('option types derived from the definition', () => {
  it('name → type, optional unless required', () => {
    expectTypeOf<OptionsOf<typeof ask.data>>().toEqualTypeOf<{
      readonly question: string;
      readonly article?: string;
      readonly private?: boolean;
    }>();
    expectTypeOf<OptionsOf<typeof article.data>>().toEqualTypeOf<{
      readonly article?: string;
      readonly page?: number;
    }>();
  });

  it('a misspelt option name does not compile', () => {
    const misspelt = {
      data: ask.data,
      execute(request) {
        // @ts-expect-error: the option is called "question"
        return privateText(String(request.options.questoin));
      },
    } satisfies SlashCommand<typeof ask.data>;
    const wrongType = {
      data: article.data,
      execute(request) {
        // @ts-expect-error: page is an integer option, not a string
        const page: string | undefined = request.options.page;
        return privateText(String(page));
      },
    } satisfies SlashCommand<typeof article.data>;
    expect([misspelt.data.name, wrongType.data.name]).toEqual(['ask', 'article']);
  });
});

describe('readOptions', () => {
  const definitions = [
    { type: ApplicationCommandOptionType.String, name: 'text', description: 'd', max_length: 5 },
    { type: ApplicationCommandOptionType.String, name: 'long', description: 'd' },
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'page',
      description: 'd',
      min_value: 1,
      max_value: 9,
    },
    { type: ApplicationCommandOptionType.Number, name: 'ratio', description: 'd' },
    { type: ApplicationCommandOptionType.Boolean, name: 'flag', description: 'd' },
    { type: ApplicationCommandOptionType.User, name: 'user', description: 'd' },
  ] as const;

  it('keeps values of the defined type, cut to max_length (else 6000)', () => {
    expect(
      readOptions(definitions, {
        text: 'abcdefgh',
        long: 'x'.repeat(7000),
        page: 3,
        ratio: 0.5,
        flag: false,
        user: '1000000000000000001',
      }),
    ).toEqual({
      text: 'abcde',
      long: 'x'.repeat(6000),
      page: 3,
      ratio: 0.5,
      flag: false,
      user: '1000000000000000001',
    });
  });

  it('drops unknown names, wrong types and values out of bounds', () => {
    expect(
      readOptions(definitions, {
        unknown: 'x',
        text: 5,
        page: 10,
        ratio: Number.NaN,
        flag: 'true',
        user: '<@1>',
        __proto__: 'x',
      }),
    ).toEqual({});
    expect(readOptions(definitions, { page: 2.5 })).toEqual({});
    expect(readOptions(definitions, { page: 0 })).toEqual({});
  });

  it('never cuts a surrogate pair in half', () => {
    expect(readOptions(definitions, { text: 'abcd😀' })).toEqual({ text: 'abcd' });
  });
});

describe('dispatch validates before a handler sees the options', () => {
  it('cuts an over-long question to the max_length of /ask, and drops a wrong-typed "private"', () => {
    const options = readOptions(ask.data.options, { question: 'q'.repeat(7000), private: 'yes' });
    expect(options).toEqual({ question: 'q'.repeat(6000) });
  });

  it('says which required option is missing', async () => {
    const reply = await runCommand({ command: 'ask', options: { question: 42 }, userId: 'u' }, context);
    expect(reply.content).toBe('/ask needs question: see /help for how to use it.');
  });

  it('ignores a wrong-typed optional option and answers', async () => {
    const reply = await runCommand(
      { command: 'article', options: { page: 'two', article: ['x'] }, userId: 'u' },
      context,
    );
    expect(reply.embeds?.[0]?.title).toBe(
      'Blinken, Lavrov meet for first time since Russia’s invasion of Ukraine',
    );
  });

  it('/article lists articles with their passages counted in English ("1 passage")', async () => {
    const dir = await twoArticleCorpus();
    await writeFile(
      path.join(dir, 'short.md'),
      '---\ntitle: A short one\npublished: 2024-01-01\n---\nOnly one paragraph here, and that is all.\n',
    );
    const engine = AnswerEngine.build(await loadCorpus(dir));
    const three = createCommandContext(engine, { cooldownSeconds: 0, log: () => {} });
    const reply = await runCommand({ command: 'article', options: {}, userId: 'u' }, three);
    expect(reply.embeds?.[0]?.title).toBe('3 articles');
    expect(reply.embeds?.[0]?.description).toMatch(/A short one.* · 1 passage$/m);
    expect(reply.embeds?.[0]?.description).toMatch(/Otters return.* · 3 passages$/m);
  });

  it('autocomplete: only for an option that has it', async () => {
    const base = { command: 'ask', options: {}, userId: 'u' };
    expect(await runAutocomplete({ ...base, focused: { name: 'private', value: 'x' } }, context)).toEqual([]);
    expect(await runAutocomplete({ ...base, focused: { name: 'nope', value: 'x' } }, context)).toEqual([]);
    const titles = await runAutocomplete({ ...base, focused: { name: 'article', value: 'lavrov' } }, context);
    expect(titles.map((choice) => choice.value)).toEqual(['blinken-lavrov-g20']);
    expect(logs).toEqual([]);
  });
});
