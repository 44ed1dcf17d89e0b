import { createHash } from 'node:crypto';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { attributionFor } from '../src/corpus/attribution';
import type { Passage } from '../src/corpus/types';
import { escapeText } from '../src/reply/markdown';
import { type QuoteView, renderNoAnswer, renderQuoteReply } from '../src/reply/renderAnswer';
import { privateText, type Reply } from '../src/reply/reply';
import type { AnswerEngine } from '../src/search/engine';
import type { AskOptions } from '../src/search/types';
import { articleChoices, resolveArticle } from './articleOption';
import { MAX_STRING_OPTION } from './options';
import type { CommandContext, SlashCommand, SlashDefinition } from './types';

/** Discord's own ceiling for a string option; dispatch applies it to input from anywhere else too. */
export const MAX_QUESTION_LENGTH = MAX_STRING_OPTION;
const AUTOCOMPLETE_INPUT_LENGTH = 200;

const data = {
  name: 'ask',
  description: 'Ask about the article: the bot quotes the passage that answers',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'question',
      description: 'Your question, in your own words',
      required: true,
      max_length: MAX_QUESTION_LENGTH,
      autocomplete: true,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'article',
      description: 'Only search this article',
      autocomplete: true,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'private',
      description: 'Show the answer only to you',
    },
  ],
} as const satisfies SlashDefinition;

/**
 * "Next best passage" buttons carry everything they need in their custom_id, so they work after a
 * restart and need no state: `ask:next:<corpus fingerprint>:<passage ids in base 36, dot-separated>`.
 * The fingerprint makes buttons from before a corpus change expire instead of showing the wrong passage.
 */
const BUTTON_PREFIX = 'ask:next:';
const MAX_CUSTOM_ID = 100;

const fingerprints = new WeakMap<AnswerEngine, string>();

export function corpusFingerprint(engine: AnswerEngine): string {
  let fingerprint = fingerprints.get(engine);
  if (!fingerprint) {
    const hash = createHash('sha256');
    for (const passage of engine.corpus.passages) hash.update(`${passage.articleId}\0${passage.text}\0`);
    fingerprint = hash.digest('hex').slice(0, 8);
    fingerprints.set(engine, fingerprint);
  }
  return fingerprint;
}

/** The custom_id for a button that shows `passageIds[0]` next, or undefined when there is none. */
export function nextButtonId(engine: AnswerEngine, passageIds: readonly number[]): string | undefined {
  let customId = `${BUTTON_PREFIX}${corpusFingerprint(engine)}:`;
  let count = 0;
  for (const id of passageIds) {
    const part = `${count ? '.' : ''}${id.toString(36)}`;
    if (customId.length + part.length > MAX_CUSTOM_ID) break;
    customId += part;
    count++;
  }
  return count ? customId : undefined;
}

function parseNextButton(engine: AnswerEngine, customId: string): number[] | undefined {
  const [fingerprint, list] = customId.slice(BUTTON_PREFIX.length).split(':');
  if (fingerprint !== corpusFingerprint(engine) || !list || !/^[0-9a-z]+(\.[0-9a-z]+)*$/.test(list))
    return undefined;
  const ids = list.split('.').map((part) => Number.parseInt(part, 36));
  return ids.every((id) => engine.passage(id)) ? ids : undefined;
}

/** The per-user cooldown (ASK_COOLDOWN_SECONDS): a private "try again" while it runs, else undefined. */
export function tooSoon(context: CommandContext, userId: string) {
  const waitMs = context.cooldowns.take(userId, context.clock());
  if (!waitMs) return undefined;
  return privateText(`You are asking quickly: try again in ${Math.ceil(waitMs / 1000)} s.`);
}

/** What is shown for one passage, the answer or a next best one: its quote and where it comes from. */
function quoteView(
  engine: AnswerEngine,
  passage: Passage,
  shown: { quote: string; highlights: readonly string[] },
  extra: Pick<QuoteView, 'confidence' | 'question' | 'note'>,
): QuoteView {
  return {
    quote: shown.quote,
    highlights: shown.highlights,
    article: engine.articleRef(passage.articleId),
    paragraph: passage.paragraph,
    section: passage.section,
    // Who speaks in what is shown: the sentences in bold, else all those quoted (not the passage's main speaker).
    ...attributionFor(passage, shown.quote, shown.highlights),
    hasQuote: passage.hasQuote,
    ...extra,
  };
}

/**
 * The engine's answer to `question` as /ask shows it: the quote with its attribution, confidence and
 * "Next best passage" button, or the private "not in the article". Find in article shows the same.
 */
export function answerReply(
  engine: AnswerEngine,
  question: string,
  options: AskOptions,
  ephemeral: boolean,
): Reply {
  const result = engine.answer(question, options);
  if (!result.answered) return renderNoAnswer(result);
  const nextIds = result.alternatives.map((alternative) => alternative.passageId);
  const confidence = { level: result.confidence, score: result.score };
  return renderQuoteReply(quoteView(engine, result.passage, result, { confidence, question }), {
    // A passage that may not answer is shown to the asker alone: the channel sees only confident answers.
    ephemeral: ephemeral || result.confidence === 'low',
    nextButtonId: nextButtonId(engine, nextIds),
  });
}

export default {
  data,

  execute(request, context) {
    const { engine } = context;
    // Dispatch has cut it to max_length, wherever it came from.
    const { question } = request.options;
    const articleInput = request.options.article?.trim();
    const article = articleInput ? resolveArticle(engine, articleInput) : undefined;
    if (articleInput && !article) {
      return privateText(
        `I do not know an article called “${escapeText(articleInput.slice(0, 200))}”. /article lists the ones I know.`,
      );
    }
    const options = article ? { articleId: article.id } : {};
    if (!question.trim()) {
      const suggestions = engine.starterQuestions(article?.id).slice(0, 3);
      return renderNoAnswer({ answered: false, question, reason: 'empty', suggestions });
    }
    const wait = tooSoon(context, request.userId);
    if (wait) return wait;

    return answerReply(engine, question, options, request.options.private ?? false);
  },

  autocomplete(request, { engine }) {
    if (request.focused.name === 'article') return articleChoices(engine, request.focused.value);
    const articleInput = request.options.article;
    const article = articleInput ? resolveArticle(engine, articleInput) : undefined;
    // Discord does not check autocomplete input against max_length, and suggestions are at most 100
    // characters anyway: a longer prefix only costs time inside the 3 s window.
    const typed = request.focused.value.slice(0, AUTOCOMPLETE_INPUT_LENGTH);
    const suggestions = engine.autocomplete(typed, article ? { articleId: article.id } : {});
    return suggestions.map((suggestion) => ({ name: suggestion, value: suggestion }));
  },

  button: {
    prefix: BUTTON_PREFIX,
    // Shown only to whoever pressed, so exploring alternatives does not fill the channel.
    press(request, { engine }) {
      const ids = parseNextButton(engine, request.customId);
      const passage = ids?.[0] === undefined ? undefined : engine.passage(ids[0]);
      const shown = passage && engine.quoteFor(passage.id);
      if (!ids || !passage || !shown) return privateText('This button has expired: ask again with /ask.');
      return renderQuoteReply(quoteView(engine, passage, shown, { note: 'Next best passage' }), {
        ephemeral: true,
        nextButtonId: nextButtonId(engine, ids.slice(1)),
      });
    },
  },
} satisfies SlashCommand<typeof data>;
