/**
 * How answers are judged (../shared/questions/README.md): a reply is right when its quote (at most 600
 * characters) holds one of the expected phrases, compared after folding case, quotes and white space;
 * when the question names an article, the quote must come from it; for "who said …" questions the
 * answer's speaker must contain the expected surname.
 */
import { fold } from '../corpus/fold';

export interface EvalQuestion {
  q: string;
  /** Phrases a right quote holds; null: the corpus does not answer it (the right reply abstains). */
  expect: string[] | null;
  /** Shares words with the corpus but is still not answered by it. */
  near?: boolean;
  /** For "who said …": the surname the answer's speaker must contain. */
  speaker?: string;
  /** The article (id) a right answer comes from, in a corpus of several. */
  article?: string;
  /** The writer's label of the question's kind; inferred from its words when absent. */
  kind?: string;
}

/** What an answer looks like to the scorer: any engine or baseline can be judged the same way. */
export interface Judged {
  quote: string;
  articleId?: string;
  speaker?: string;
}

/** Right when the quote (at most 600 characters) holds one of the expected phrases. */
export function quoteHolds(expect: readonly string[], quote: string | undefined): boolean {
  if (!quote || quote.length > 600) return false;
  const folded = fold(quote);
  return expect.some((phrase) => folded.includes(fold(phrase)));
}

/** The whole judgement: the phrase, the article when one is named, the speaker for "who said". */
export function isRight(question: EvalQuestion, answer: Judged | undefined): boolean {
  if (!question.expect || !answer || !quoteHolds(question.expect, answer.quote)) return false;
  if (question.article && answer.articleId && question.article !== answer.articleId) return false;
  if (question.speaker && !fold(answer.speaker ?? '').includes(fold(question.speaker))) return false;
  return true;
}

export function parseQuestions(text: string, file: string): EvalQuestion[] {
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, n }) => {
      try {
        const parsed = JSON.parse(line) as EvalQuestion;
        if (typeof parsed.q !== 'string') throw new Error('no "q"');
        if (parsed.expect !== null && !Array.isArray(parsed.expect))
          throw new Error('"expect" is not a list');
        return parsed;
      } catch (error) {
        throw new Error(
          `${file}:${n}: not a question line (${error instanceof Error ? error.message : error})`,
        );
      }
    });
}

/** The kinds results are broken down by. */
export const QUESTION_KINDS = [
  'who-said',
  'who',
  'when',
  'where',
  'how-long',
  'how-many',
  'yes-no',
  'why',
  'keyword',
  'typo',
  'other',
  'off-topic',
  'near',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

const LABELS: Record<string, QuestionKind> = {
  'who-said': 'who-said',
  who: 'who',
  when: 'when',
  where: 'where',
  'how-long': 'how-long',
  'how-many': 'how-many',
  'yes-no': 'yes-no',
  why: 'why',
  keyword: 'keyword',
  typo: 'typo',
  'off-topic': 'off-topic',
  near: 'near',
};

/**
 * The question's kind: the writer's label when there is one, else read from its opening words.
 * Typos cannot be read from the words alone, so unlabelled questions are never counted as "typo".
 */
export function kindOf(question: EvalQuestion): QuestionKind {
  if (!question.expect) return question.near ? 'near' : 'off-topic';
  const labelled = question.kind && LABELS[question.kind];
  if (labelled) return labelled;
  const q = question.q.toLowerCase().trim();
  if (/\bwho\b.*\b(?:said|says|say|told|claimed|stated|called|characteri[sz]ed|described)\b/.test(q))
    return 'who-said';
  if (/\bhow long\b(?! ago)/.test(q)) return 'how-long';
  if (/\bhow (?:many|much)\b/.test(q)) return 'how-many';
  if (/^(?:when|since when)\b|\bwhat (?:year|day|date|time)\b/.test(q)) return 'when';
  if (/^where\b|\bwhere\b/.test(q)) return 'where';
  if (/^(?:who|whom|whose)\b|\bwho(?:'s| is| was)\b/.test(q)) return 'who';
  if (/^why\b|\bhow come\b/.test(q)) return 'why';
  if (/^(?:is|was|are|were|did|does|do|has|have|had|can|could|will|would|should)\b/.test(q)) return 'yes-no';
  if (!/^(?:what|which|how|tell|explain|describe|give)\b/.test(q) && q.split(/\s+/).length <= 4)
    return 'keyword';
  return 'other';
}
