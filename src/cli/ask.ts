/**
 * `npm run ask -- "question"`: the answer as a person reads it (the quote, then the attribution), or
 * with --json one JSON object per question. With no question, reads questions from stdin, one a line.
 */
import { createInterface } from 'node:readline';
import { quotedSpeakers } from '../corpus/attribution';
import { createLog } from '../log';
import { speakerLine } from '../reply/renderAnswer';
import { loadCliConfigOrExit, loadEngineOrExit, writeStderr } from '../runtime/startup';
import type { AnswerResult } from '../search/types';
import { parseCli } from './args';

const USAGE =
  'usage: npm run ask -- [--json] [--corpus DIR (default: $CORPUS_DIR or corpus/)] [--article ID] ["question"]  (no question: one per stdin line)';

const { values, positionals } = parseCli(process.argv.slice(2), USAGE);
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const config = loadCliConfigOrExit(values.corpus);
const engine = await loadEngineOrExit(config.corpusDir, createLog(writeStderr, [config.token]));
if (values.article && !engine.corpus.articles.some((a) => a.id === values.article)) {
  console.error(
    `ask: no article with id "${values.article}" (ids are the file names in the corpus folder, without .md)`,
  );
  process.exit(2);
}

const print = (question: string) => {
  const result = engine.answer(question, { articleId: values.article });
  console.log(values.json ? JSON.stringify(toJson(result)) : toText(result));
};

if (positionals.length > 0) {
  print(positionals.join(' '));
} else {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY }))
    print(line);
}

/** The stable contract checked from outside: keep these field names. */
function toJson(result: AnswerResult) {
  if (!result.answered) {
    return {
      question: result.question,
      answered: false,
      reason: result.reason,
      suggestions: result.suggestions,
    };
  }
  const { title, published, outlet, url } = result.article;
  return {
    question: result.question,
    answered: true,
    quote: result.quote,
    paragraph: result.paragraph,
    section: result.section ?? null,
    speaker: result.speaker ?? null,
    speakerRole: result.speakerRole ?? null,
    // Each person (or body) the quote lets speak, with the sentences that are theirs.
    speakers: quotedSpeakers(result.passage, result.quote).map((s) => ({
      speaker: s.speaker,
      role: s.role ?? null,
      sentences: s.sentences,
    })),
    score: result.score,
    confidence: result.confidence,
    article: { id: result.article.id, title, published, outlet: outlet ?? null, url: url ?? null },
    alternatives: result.alternatives.map((a) => ({
      quote: a.quote,
      paragraph: a.paragraph,
      speaker: a.speaker ?? null,
      speakerRole: a.speakerRole ?? null,
      score: a.score,
      article: a.article.title,
    })),
  };
}

function toText(result: AnswerResult): string {
  if (!result.answered) {
    const head =
      result.reason === 'empty' ? 'Ask a question about the article.' : 'The article does not answer that.';
    return [head, ...result.suggestions.map((s) => `  • ${s}`), ''].join('\n');
  }
  const where = [`paragraph ${result.paragraph}`, result.section && `under “${result.section}”`]
    .filter(Boolean)
    .join(', ');
  const who = result.speaker ? ` — ${speakerLine(result.speaker, result.speakerRole)}` : '';
  const hedge = result.confidence === 'low' ? 'The article may not say this; the closest passage:\n' : '';
  const confidence = `confidence ${result.confidence} (${Math.round(result.score * 100)}%)`;
  return `${hedge}“${result.quote}”${who}\n  ${result.article.title} (${result.article.published}), ${where}; ${confidence}\n`;
}
