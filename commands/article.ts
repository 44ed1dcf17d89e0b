import { type APIEmbed, ApplicationCommandOptionType } from 'discord-api-types/v10';
import { truncate } from '../src/reply/limits';
import { escapeText } from '../src/reply/markdown';
import { plural } from '../src/reply/plural';
import { articleLink, formatPublished } from '../src/reply/renderAnswer';
import { privateText, type Reply } from '../src/reply/reply';
import type { AnswerEngine } from '../src/search/engine';
import type { ArticleRef } from '../src/search/types';
import { articleChoices, resolveArticle } from './articleOption';
import type { SlashCommand, SlashDefinition } from './types';

/** Articles listed per page when there are several: ten short lines keep the list readable. */
const PAGE_SIZE = 10;

const data = {
  name: 'article',
  description: 'What the bot knows: the articles it answers from',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'article',
      description: 'Show one article in detail',
      autocomplete: true,
    },
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'page',
      description: 'Page of the article list',
      min_value: 1,
      max_value: 1000,
    },
  ],
} as const satisfies SlashDefinition;

function byline(article: ArticleRef): string {
  return [formatPublished(article.published), article.outlet, article.author && `by ${article.author}`]
    .filter(Boolean)
    .join(' · ');
}

function details(engine: AnswerEngine, article: ArticleRef): Reply {
  const passages = engine.corpus.passages.filter((p) => p.articleId === article.id);
  const sections = [...new Set(passages.flatMap((p) => (p.section ? [p.section] : [])))];
  const embed: APIEmbed = {
    title: escapeText(article.title),
    description: escapeText(byline(article)),
    fields: [
      { name: 'Passages', value: String(passages.length), inline: true },
      { name: 'Id', value: `\`${article.id.replaceAll('`', '')}\``, inline: true },
    ],
    footer: { text: 'Ask about it: /ask question:<your question>' },
  };
  if (article.url) embed.url = article.url;
  if (sections.length) {
    // Joined line by line up to the field limit, so a cut falls between sections, not inside one.
    let value = '';
    for (const section of sections) {
      const line = `• ${escapeText(section)}`;
      if (value.length + line.length + 1 > 1000) {
        value += '\n…';
        break;
      }
      value += value ? `\n${line}` : line;
    }
    embed.fields?.push({ name: 'Sections', value, inline: false });
  }
  return { embeds: [embed], ephemeral: true, allowedMentions: { parse: [] } };
}

function list(engine: AnswerEngine, requestedPage: number): Reply {
  const { articles, passages } = engine.corpus;
  const pages = Math.max(1, Math.ceil(articles.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, requestedPage), pages);
  const lines = articles.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((article, index) => {
    const ref = engine.articleRef(article.id);
    const count = passages.filter((p) => p.articleId === article.id).length;
    const title = truncate(ref.title, 150);
    return `**${(page - 1) * PAGE_SIZE + index + 1}.** ${articleLink({ ...ref, title })} — ${escapeText(byline(ref))} · ${plural(count, 'passage')}`;
  });
  const embed: APIEmbed = {
    title: plural(articles.length, 'article'),
    description: lines.join('\n'),
    footer: {
      text:
        pages > 1
          ? `Page ${page} of ${pages} · /article page:<n> for more`
          : '/article article:<title> for details',
    },
  };
  return { embeds: [embed], ephemeral: true, allowedMentions: { parse: [] } };
}

export default {
  data,

  execute(request, { engine }) {
    const { articles } = engine.corpus;
    if (!articles.length) return privateText('No articles are loaded.');
    const wanted = request.options.article?.trim();
    if (wanted) {
      const article = resolveArticle(engine, wanted);
      if (!article) {
        return privateText(
          `I do not know an article called “${escapeText(truncate(wanted, 200))}”. /article lists the ones I know.`,
        );
      }
      return details(engine, article);
    }
    const only = articles.length === 1 ? articles[0] : undefined;
    if (only) return details(engine, engine.articleRef(only.id));
    return list(engine, request.options.page ?? 1);
  },

  autocomplete(request, { engine }) {
    return articleChoices(engine, request.focused.value);
  },
} satisfies SlashCommand<typeof data>;
