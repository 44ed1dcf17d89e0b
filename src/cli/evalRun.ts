import { fileURLToPath } from 'node:url';
import type { Passage } from '../corpus/types';
import type { AnswerEngine } from '../search/engine';
import type { Confidence } from '../search/types';
import { miniSearch } from './baselines';
import { type EvalQuestion, isRight, type Judged, kindOf, type QuestionKind } from './evalScoring';

/** One system's replies to one question, as the scorer sees them. */
export interface Reply {
  /** The quoted answer, or undefined when it abstained. */
  answer?: Judged & { confidence?: Confidence };
  /** Its best passages whether or not it answered, best first (for "right in the top 3"). */
  top: Judged[];
}

export type Answerer = (question: string) => Reply;

export function engineAnswerer(engine: AnswerEngine): Answerer {
  return (question) => {
    const result = engine.answer(question);
    const answer = result.answered
      ? {
          quote: result.quote,
          articleId: result.article.id,
          speaker: result.speaker,
          confidence: result.confidence,
        }
      : undefined;
    const top = engine.candidates(question, {}, 3).map((c) => ({
      quote: c.quote,
      articleId: c.article.id,
      speaker: c.speaker,
    }));
    return { answer, top };
  };
}

/** MiniSearch always quotes its top hit: it cannot abstain and has no confidence. */
export function miniSearchAnswerer(passages: readonly Passage[]): Answerer {
  const search = miniSearch(passages);
  return (question) => {
    const top = search
      .top(question, 3)
      .map((p) => ({ quote: p.text, articleId: p.articleId, speaker: p.speaker }));
    return { answer: top[0], top };
  };
}

export interface KindTally {
  right: number;
  total: number;
}

export interface Report {
  answerable: number;
  right: number;
  rightInTop3: number;
  falseAbstentions: number;
  offTopic: number;
  offTopicAbstained: number;
  near: number;
  /** Near-misses abstained or answered with low confidence. */
  nearHedged: number;
  byConfidence: Record<Confidence, { answers: number; right: number }>;
  byKind: Map<QuestionKind, KindTally>;
  misses: string[];
  msPerQuestion: number;
}

export function evaluate(questions: readonly EvalQuestion[], answerer: Answerer): Report {
  const report: Report = {
    answerable: 0,
    right: 0,
    rightInTop3: 0,
    falseAbstentions: 0,
    offTopic: 0,
    offTopicAbstained: 0,
    near: 0,
    nearHedged: 0,
    byConfidence: {
      high: { answers: 0, right: 0 },
      medium: { answers: 0, right: 0 },
      low: { answers: 0, right: 0 },
    },
    byKind: new Map(),
    misses: [],
    msPerQuestion: 0,
  };
  const started = performance.now();
  for (const q of questions) {
    const reply = answerer(q.q);
    const { answer } = reply;
    const kind = kindOf(q);
    const tally = report.byKind.get(kind) ?? { right: 0, total: 0 };
    report.byKind.set(kind, tally);
    tally.total++;
    const got = answer ? `${answer.confidence ?? '?'}: ${answer.quote.slice(0, 120)}` : '(abstained)';
    if (q.expect) {
      report.answerable++;
      const right = isRight(q, answer);
      if (answer?.confidence) {
        report.byConfidence[answer.confidence].answers++;
        if (right) report.byConfidence[answer.confidence].right++;
      }
      if (right) {
        report.right++;
        tally.right++;
      } else {
        if (!answer) report.falseAbstentions++;
        report.misses.push(
          `  MISS  [${kind}] ${q.q}\n        got ${got}\n        want ${q.expect.join(' | ')}`,
        );
      }
      if (reply.top.some((t) => isRight(q, t))) report.rightInTop3++;
    } else {
      const hedged = !answer || answer.confidence === 'low';
      if (hedged) tally.right++;
      if (q.near) {
        report.near++;
        if (hedged) report.nearHedged++;
      } else {
        report.offTopic++;
        if (!answer) report.offTopicAbstained++;
      }
      if (answer && (!q.near || !hedged))
        report.misses.push(`  WRONG [${kind}] ${q.q}\n        should abstain, got ${got}`);
      if (answer?.confidence) report.byConfidence[answer.confidence].answers++;
    }
  }
  report.msPerQuestion = (performance.now() - started) / Math.max(1, questions.length);
  return report;
}

/** What test/quality.test.ts holds each suite to: none of these may get worse. */
export interface RecordedFigures {
  right: number;
  falseAbstentions: number;
  offTopicAbstained: number;
  nearHedged: number;
  highRight: number;
}

export const FIGURES_FILE = fileURLToPath(
  new URL('../../test/fixtures/questions/figures.json', import.meta.url),
);

export function figuresOf(report: Report): RecordedFigures {
  return {
    right: report.right,
    falseAbstentions: report.falseAbstentions,
    offTopicAbstained: report.offTopicAbstained,
    nearHedged: report.nearHedged,
    highRight: report.byConfidence.high.right,
  };
}

const percent = (part: number, whole: number) => (whole ? `${Math.round((100 * part) / whole)}%` : '–');

/** The three lines that sum a report up (what `tail -n 3` of `npm run eval` shows). */
export function summaryLines(engine: Report, baseline: Report, baselineName: string): string[] {
  const { high, medium, low } = engine.byConfidence;
  return [
    `engine: right ${engine.right}/${engine.answerable} (${percent(engine.right, engine.answerable)}), top-3 ${engine.rightInTop3}/${engine.answerable}, false abstentions ${engine.falseAbstentions} (${percent(engine.falseAbstentions, engine.answerable)}); off-topic abstained ${engine.offTopicAbstained}/${engine.offTopic}; near-miss abstained or low ${engine.nearHedged}/${engine.near}`,
    `confidence: high ${high.answers} answers, ${high.right} right (${percent(high.right, high.answers)}), ${percent(high.right, engine.right)} of right answers high; medium ${medium.answers} (${medium.right} right); low ${low.answers} (${low.right} right)`,
    `${baselineName}: right ${baseline.right}/${baseline.answerable} (${percent(baseline.right, baseline.answerable)}), top-3 ${baseline.rightInTop3}/${baseline.answerable}; ${baseline.msPerQuestion.toFixed(2)} ms a question (engine ${engine.msPerQuestion.toFixed(2)} ms)`,
  ];
}

export function kindLine(engine: Report, baseline: Report): string {
  const parts: string[] = [];
  for (const [kind, tally] of [...engine.byKind].sort((a, b) => b[1].total - a[1].total)) {
    const peer = baseline.byKind.get(kind);
    const abstaining = kind === 'off-topic' || kind === 'near';
    parts.push(
      `${kind} ${tally.right}/${tally.total}${abstaining ? ' hedged' : ` (MiniSearch ${peer?.right ?? 0})`}`,
    );
  }
  return `by kind: ${parts.join(' · ')}`;
}
