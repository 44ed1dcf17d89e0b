import type { APIEmbed } from 'discord.js';
import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownToText, plainStyle } from '../src/console/renderText';
import { fitChoices, fitEmbed, fitReply, safeUrl, truncate } from '../src/reply/limits';
import { boldWords, escapeText, renderQuote } from '../src/reply/markdown';
import { formatPublished, type QuoteView, renderNoAnswer, renderQuoteReply } from '../src/reply/renderAnswer';
import type { Reply } from '../src/reply/reply';

/** Discord's limits, written out again here so a wrong constant in src/ cannot pass unnoticed. */
function expectWithinDiscordLimits(reply: Reply): void {
  expect(reply.allowedMentions).toEqual({ parse: [] });
  expect(Boolean(reply.content) || Boolean(reply.embeds?.length)).toBe(true);
  expect(reply.content?.length ?? 0).toBeLessThanOrEqual(2000);
  expect(reply.embeds?.length ?? 0).toBeLessThanOrEqual(10);
  for (const embed of reply.embeds ?? []) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
    expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(256);
    let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
    total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(256);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(1024);
      total += field.name.length + field.value.length;
    }
    expect(total).toBeLessThanOrEqual(6000);
  }
  expect(reply.components?.length ?? 0).toBeLessThanOrEqual(5);
  for (const row of reply.components ?? []) {
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const button of row.components) {
      if ('label' in button) expect(button.label?.length ?? 0).toBeLessThanOrEqual(80);
      if ('custom_id' in button) expect(button.custom_id.length).toBeLessThanOrEqual(100);
      if ('url' in button) expect(button.url.length).toBeLessThanOrEqual(512);
    }
  }
}

const article = {
  id: 'blinken-lavrov-g20',
  title: 'Blinken, Lavrov meet for first time since Russia’s invasion of Ukraine',
  published: '2023-03-02',
  outlet: 'NBC News',
  url: 'https://example.com/news/blinken-lavrov',
};

const kirby: QuoteView = {
  quote:
    'The surprise encounter between Blinken and Russian Foreign Minister Sergey Lavrov was theirfirst since the start of Russia’s invasion of Ukraine more than a year ago. The discussion lasted 10 minutes, according to White House spokesman John Kirby.',
  highlights: ['discussion', 'lasted', '10', 'minutes'],
  article,
  paragraph: 3,
  speaker: 'John Kirby',
  hasQuote: false,
  confidence: { level: 'high', score: 0.82 },
  question: 'How long did the meeting last?',
};

describe('truncate', () => {
  it('keeps text within the limit unchanged', () => {
    expect(truncate('exactly ten', 11)).toBe('exactly ten');
  });

  it('cuts to exactly the limit and ends with an ellipsis', () => {
    const cut = truncate('a'.repeat(3000), 2000);
    expect(cut).toHaveLength(2000);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('never splits a surrogate pair or leaves a lone escaping backslash', () => {
    const emoji = truncate(`${'x'.repeat(8)}😀😀😀`, 10);
    expect(emoji).toBe(`${'x'.repeat(8)}…`);
    const escaped = truncate('abc\\*def', 5);
    expect(escaped).toBe('abc…');
  });
});

describe('fitEmbed and fitReply', () => {
  const long = (n: number) => 'w'.repeat(n);

  it('truncates every embed part to its limit with an ellipsis', () => {
    const embed = fitEmbed({
      title: long(300),
      description: long(5000),
      author: { name: long(300) },
      footer: { text: long(3000) },
      fields: Array.from({ length: 30 }, (_, i) => ({ name: `${i}${long(300)}`, value: long(2000) })),
    });
    expect(embed.title).toHaveLength(256);
    expect(embed.title?.endsWith('…')).toBe(true);
    expect(embed.author?.name).toHaveLength(256);
    expect(embed.fields?.length).toBeLessThanOrEqual(25);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(256);
      expect(field.value.length).toBeLessThanOrEqual(1024);
    }
    expectWithinDiscordLimits({ embeds: [embed], ephemeral: false, allowedMentions: { parse: [] } });
  });

  it('keeps an embed within 6000 characters in all, shortening the description last', () => {
    const embed = fitEmbed({
      title: long(256),
      description: long(4096),
      footer: { text: long(2048) },
      fields: [{ name: 'Paragraph', value: '3' }],
    });
    expect(embed.footer?.text).toHaveLength(2048);
    expectWithinDiscordLimits({ embeds: [embed], ephemeral: false, allowedMentions: { parse: [] } });
  });

  it('fills empty field names and values, which Discord rejects', () => {
    const embed = fitEmbed({ fields: [{ name: '', value: '' }] });
    expect(embed.fields?.[0]?.name.length).toBeGreaterThan(0);
    expect(embed.fields?.[0]?.value.length).toBeGreaterThan(0);
  });

  it('drops URLs Discord would refuse', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('not a url')).toBeUndefined();
    expect(safeUrl(`https://example.com/${'a'.repeat(600)}`)).toBeUndefined();
    expect(fitEmbed({ title: 't', url: 'ftp://example.com' }).url).toBeUndefined();
  });

  it('fits content, components and always sets allowedMentions to parse nothing', () => {
    const reply = fitReply({
      content: `@everyone <@&123> ${long(2500)}`,
      ephemeral: true,
      // A reply built without the guard still goes out with it.
      allowedMentions: { parse: ['everyone'] } as unknown as Reply['allowedMentions'],
      components: Array.from({ length: 7 }, () => ({
        type: ComponentType.ActionRow,
        components: [
          ...Array.from({ length: 6 }, (_, i) => ({
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: long(100),
            custom_id: `b${i}`,
          })),
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: 'too long id',
            custom_id: long(101),
          },
          { type: ComponentType.Button, style: ButtonStyle.Link, label: 'bad url', url: 'nope' },
        ],
      })) as Reply['components'],
    });
    expect(reply.content).toHaveLength(2000);
    expect(reply.content?.endsWith('…')).toBe(true);
    expect(reply.ephemeral).toBe(true);
    expectWithinDiscordLimits(reply);
  });

  it('never sends an empty message', () => {
    expectWithinDiscordLimits(fitReply({ content: '', ephemeral: true, allowedMentions: { parse: [] } }));
  });
});

describe('fitChoices', () => {
  it('returns at most 25 distinct choices with names 1–100 and values up to 100 characters', () => {
    const choices = fitChoices([
      { name: '   ', value: 'blank name' },
      { name: 'empty value', value: '' },
      ...Array.from({ length: 40 }, (_, i) => ({
        name: `${i} ${'q'.repeat(150)}`,
        value: `${i} ${'v'.repeat(150)}`,
      })),
      { name: 'duplicate', value: '0 x' },
    ]);
    expect(choices).toHaveLength(25);
    expect(new Set(choices.map((c) => c.value)).size).toBe(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeGreaterThanOrEqual(1);
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeGreaterThanOrEqual(1);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
    expect(choices[0]?.name.endsWith('…')).toBe(true);
  });
});

describe('escapeText', () => {
  it.each([
    ['**bold**', '\\*\\*bold\\*\\*'],
    ['_italic_', '\\_italic\\_'],
    ['`code`', '\\`code\\`'],
    ['||spoiler||', '\\|\\|spoiler\\|\\|'],
    ['~~struck~~', '\\~\\~struck\\~\\~'],
    ['# heading', '\\# heading'],
    ['- bullet', '\\- bullet'],
    ['1. first', '1\\. first'],
    ['> quoted', '\\> quoted'],
    ['[click](https://evil.example)', '\\[click](https://evil.example)'],
    ['back\\slash', 'back\\\\slash'],
  ])('escapes %s', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it('breaks mention and timestamp syntax so it shows as text', () => {
    expect(escapeText('<@&123> <t:0:R>')).toBe('<@&123\\> <t:0:R\\>');
  });

  it('escapes runs of asterisks one by one (discord.js’s escapeMarkdown left "\\\\*\\**" in this one)', () => {
    const run = '***@everyone***@everyone***@everyone***@everyone';
    expect(escapeText(run)).toBe(run.replaceAll('*', '\\*'));
  });

  it('whatever the text, Discord’s reading of the escaped text (as the console reads it) is the text', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            '*',
            '_',
            '~',
            '`',
            '|',
            '\\',
            '[',
            ']',
            '>',
            '#',
            '-',
            '1',
            '.',
            ' ',
            '\n',
            'a',
          ),
        }),
        (text) => {
          expect(markdownToText(escapeText(text), plainStyle)).toBe(text);
        },
      ),
    );
  });
});

describe('boldWords', () => {
  it('bolds whole words only, case-insensitively, and joins neighbours into one run', () => {
    expect(
      boldWords('The discussion lasted 10 minutes, says 2010 Minutes.', [
        'discussion',
        'lasted',
        '10',
        'minutes',
      ]),
    ).toBe('The **discussion lasted 10 minutes**, says 2010 **Minutes**.');
  });

  it('escapes the article’s markdown first and never breaks an escape', () => {
    expect(boldWords('a *star* and_under \\ back', ['star', 'under', 'back'])).toBe(
      'a \\***star**\\* and\\_**under** \\\\ **back**',
    );
  });

  it('matches highlights that hold punctuation literally', () => {
    expect(boldWords('The U.S. and US-based UxSx', ['U.S.'])).toBe('The **U.S.** and US-based UxSx');
  });

  it('round-trips: the rendered text reads as the original words', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }),
        (text, words) => {
          const line = text.replace(/\s+/g, ' ');
          expect(markdownToText(boldWords(line, words), plainStyle)).toBe(line);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('renderQuote', () => {
  it('shortens a long quote before marking it up, so bold stays balanced', () => {
    const quote = 'word '.repeat(2000).trim();
    const rendered = renderQuote(quote, ['word'], 1000);
    expect(rendered.length).toBeLessThanOrEqual(1000);
    expect(rendered.endsWith('…')).toBe(true);
    expect((rendered.match(/\*\*/g) ?? []).length % 2).toBe(0);
  });
});

describe('renderQuoteReply', () => {
  it('shows the quote with highlights and the attribution', () => {
    const reply = fitReply(renderQuoteReply(kirby, { ephemeral: false, nextButtonId: 'ask:next:abc:1' }));
    const embed = reply.embeds?.[0] as APIEmbed;
    expect(embed.description).toContain('The **discussion lasted 10 minutes**, according to');
    expect(embed.description).toContain('Russia’s invasion');
    expect(embed.author?.name).toBe('Asked: How long did the meeting last?');
    const fields = Object.fromEntries((embed.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields.Article).toBe(`[${article.title}](${article.url})`);
    expect(fields.Published).toBe('2 March 2023 · NBC News');
    expect(fields.Paragraph).toBe('3');
    expect(fields.Source).toBe('John Kirby');
    expect(embed.footer?.text).toBe('Confidence: high (82%)');
    const buttons = reply.components?.[0]?.components ?? [];
    expect(buttons).toMatchObject([
      { label: 'Next best passage', custom_id: 'ask:next:abc:1' },
      { label: 'Read the article', url: article.url },
    ]);
    expect(reply.ephemeral).toBe(false);
    expectWithinDiscordLimits(reply);
  });

  it('a low-confidence answer says the article may not say this, above the closest passage', () => {
    const reply = fitReply(
      renderQuoteReply({ ...kirby, confidence: { level: 'low', score: 0.21 } }, { ephemeral: true }),
    );
    const embed = reply.embeds?.[0] as APIEmbed;
    expect(embed.title).toBe('The article may not say this; the closest passage:');
    expect(embed.footer?.text).toBe('Confidence: low (21%)');
    const sure = fitReply(renderQuoteReply(kirby, { ephemeral: false })).embeds?.[0] as APIEmbed;
    expect(sure.title).toBeUndefined();
  });

  it('shows the role apart from the name: "Said by: Jane Roe, senator", "Source: John Kirby, White House spokesman"', () => {
    const said = renderQuoteReply(
      { ...kirby, speaker: 'Jane Roe', speakerRole: 'senator', hasQuote: true },
      { ephemeral: false },
    );
    const saidFields = Object.fromEntries((said.embeds?.[0]?.fields ?? []).map((f) => [f.name, f.value]));
    expect(saidFields['Said by']).toBe('Jane Roe, senator');
    const cited = renderQuoteReply({ ...kirby, speakerRole: 'White House spokesman' }, { ephemeral: false });
    const citedFields = Object.fromEntries((cited.embeds?.[0]?.fields ?? []).map((f) => [f.name, f.value]));
    expect(citedFields.Source).toBe('John Kirby, White House spokesman');
    const none = renderQuoteReply(
      { ...kirby, speaker: undefined, speakerRole: undefined },
      { ephemeral: false },
    );
    expect(none.embeds?.[0]?.fields?.map((f) => f.name)).not.toContain('Source');
  });

  it('says "Said by" when the passage quotes its speaker, and has no link without a URL', () => {
    const reply = renderQuoteReply(
      { ...kirby, hasQuote: true, article: { ...article, url: undefined } },
      { ephemeral: true },
    );
    const embed = reply.embeds?.[0] as APIEmbed;
    expect(embed.fields?.map((f) => f.name)).toContain('Said by');
    expect(embed.fields?.find((f) => f.name === 'Article')?.value).toBe(escapeText(article.title));
    expect(reply.components).toEqual([]);
    expect(reply.ephemeral).toBe(true);
  });

  it('escapes markdown in the article’s words and metadata', () => {
    const reply = renderQuoteReply(
      {
        ...kirby,
        quote: 'He said **never** and _maybe_ [here](https://x.example)',
        highlights: ['never'],
        section: '# Section *one*',
        speaker: 'Jane_Doe',
        article: { ...article, title: 'A [bracketed] *title*' },
      },
      { ephemeral: false },
    );
    const embed = reply.embeds?.[0] as APIEmbed;
    expect(embed.description).toBe(
      'He said \\*\\***never**\\*\\* and \\_maybe\\_ \\[here](https://x.example)',
    );
    const fields = Object.fromEntries((embed.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields.Section).toBe('\\# Section \\*one\\*');
    expect(fields.Source).toBe('Jane\\_Doe');
    expect(fields.Article).toBe(`[A \\[bracketed\\] \\*title\\*](${article.url})`);
  });

  it('stays within every limit whatever the lengths', () => {
    const huge = `@everyone <@&123> ${'x'.repeat(9000)}`;
    const reply = fitReply(
      renderQuoteReply(
        {
          ...kirby,
          quote: `**${'y '.repeat(5000)}**`,
          highlights: ['y'],
          question: huge,
          section: huge,
          speaker: huge,
          article: {
            ...article,
            title: huge,
            outlet: huge,
            author: huge,
            url: `https://e.example/${'p'.repeat(600)}`,
          },
        },
        { ephemeral: false, nextButtonId: 'ask:next:abc:1' },
      ),
    );
    expectWithinDiscordLimits(reply);
    expect(reply.embeds?.[0]?.author?.name.endsWith('…')).toBe(true);
  });

  it('formats dates in UTC and leaves unparseable ones as written', () => {
    expect(formatPublished('2023-03-02')).toBe('2 March 2023');
    expect(formatPublished('spring 2023')).toBe('spring 2023');
  });
});

describe('renderNoAnswer', () => {
  it('is private, says plainly the article does not answer, and echoes the question escaped', () => {
    const reply = fitReply(
      renderNoAnswer({
        answered: false,
        question: '@everyone what is **the** <@&123> capital of France?',
        reason: 'not-found',
        suggestions: [
          'How long did the meeting last?',
          'Who is Paul Whelan?',
          'What did Maria Zakharova say?',
          'x',
        ],
      }),
    );
    expect(reply.ephemeral).toBe(true);
    expect(reply.allowedMentions).toEqual({ parse: [] });
    expect(reply.content).toContain(
      'The article does not answer “@\u200beveryone what is \\*\\*the\\*\\* <@&123\\> capital',
    );
    expect(reply.content).toContain('• How long did the meeting last?');
    expect(reply.content).not.toContain('• x');
    expectWithinDiscordLimits(reply);
  });

  it('keeps a 6,000-character question within the content limit', () => {
    const reply = fitReply(
      renderNoAnswer({
        answered: false,
        question: 'why '.repeat(1500),
        reason: 'not-found',
        suggestions: [],
      }),
    );
    expectWithinDiscordLimits(reply);
    expect(reply.content?.length).toBeLessThan(400);
  });

  it('answers an empty question with a friendly hint', () => {
    const reply = renderNoAnswer({
      answered: false,
      question: '  ',
      reason: 'empty',
      suggestions: ['Who is Paul Whelan?'],
    });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('Ask me a question about the article');
    expect(reply.content).toContain('• Who is Paul Whelan?');
  });
});
