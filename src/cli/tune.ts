/**
 * `npm run tune [-- --dry-run]`: fits the weights in src/search/weights.ts to the development question
 * sets (never the frozen ones) and prints cross-validated figures:
 *
 * 1. the ranking: a linear model over the rank features, fitted listwise (softmax over each question's
 *    candidates), its L2 strength chosen by 5-fold cross-validation;
 * 2. the confidence: two logistic models over the confidence features of each question's best
 *    passage as ranked out-of-fold (as an unseen question would be): "is the question about the
 *    corpus at all" (below its cut-off the bot abstains) and "is the best passage right" (its cut-offs
 *    make the high/medium/low labels), with cut-offs chosen on out-of-fold probabilities to meet the
 *    project's bars: abstain as much as 3% false abstentions allow, "high" where 95% are right, "low"
 *    below which half of the near misses fall.
 *
 * The right-passage model reads, beside the confidence features, the best passage's own rank features
 * (how it matched: literally, in one sentence, near an answer of the kind asked), not only how far it
 * leads the others.
 *
 * With --dry-run it prints the figures and leaves weights.ts alone. With --on-topic-only it writes the
 * on-topic model and its cut-off and keeps the rest as it is (a change to what tells a question about
 * the corpus from chat need not move any answer's ranking or confidence); with --right-only, the
 * right-passage model and its cut-offs alike (a change to the confidence need not move any ranking).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type AnswerEngine, confidenceOf, missesWhatWasAsked, rightProbability } from '../search/engine';
import {
  CONFIDENCE_FEATURES,
  type ConfidenceFeature,
  RANK_FEATURES,
  type RankFeature,
} from '../search/featureNames';
import { confidenceFeatures, type QuestionFacts } from '../search/features';
import { type RankedPassage, scoreOf } from '../search/rank';
import { ON_TOPIC, RANKING, RIGHT } from '../search/weights';
import { type EvalQuestion, isRight, parseQuestions } from './evalScoring';
import { CROSS_SUITES, loadEngineFrom, STANDARD_SUITES } from './evalSuites';
import { type BinaryExample, dot, fitLogistic, fitRanker, foldOf, sigmoid } from './tuneFit';

const FOLDS = 5;
const RANK_LAMBDAS = [0.00001, 0.001];
const CONFIDENCE_LAMBDA = 0.001;
/**
 * High confidence must be right at least 95% of the time on unseen questions: aim above it, by one
 * standard error of the out-of-fold precision (a cut-off set at exactly 95% out-of-fold gave 92% and
 * 88% on two frozen sets, December 2026: the last answers let in above a cut-off are the doubtful ones).
 */
const HIGH_PRECISION_TARGET = 0.95;
/** At most this share of answerable questions may be refused: the abstain cut-off is the highest within it. */
const MAX_FALSE_ABSTENTIONS = 0.03;
/**
 * At least this share of near misses (on the topic, not answered by it) abstained or marked "low" on
 * unseen questions: aimed above by one standard error of the out-of-fold share, as for `high` (a
 * cut-off at exactly half out-of-fold hedged a third of the near misses on two frozen sets).
 */
const MIN_NEAR_HEDGED = 0.5;
const WEIGHTS_FILE = fileURLToPath(new URL('../search/weights.ts', import.meta.url));

const USAGE =
  'usage: npm run tune -- [--dry-run] [--on-topic-only | --right-only] [--misses]  (--dry-run: print the figures, leave weights.ts alone; --on-topic-only: refit only the on-topic model and its cut-off; --right-only: refit only the right-passage model and its cut-offs; --misses: list the out-of-fold misses)';
const parse = () =>
  parseArgs({
    options: {
      'dry-run': { type: 'boolean', default: false },
      'on-topic-only': { type: 'boolean', default: false },
      'right-only': { type: 'boolean', default: false },
      misses: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
let values: ReturnType<typeof parse>['values'];
try {
  values = parse().values;
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

interface Item {
  suite: string;
  /** From a cross suite: a question about another corpus, off-topic here. */
  cross: boolean;
  articleOf: (passageId: number) => string | undefined;
  question: EvalQuestion;
  facts: QuestionFacts;
  ranked: RankedPassage[];
  right: boolean[];
  fold: number;
}

async function collect(): Promise<Item[]> {
  const items: Item[] = [];
  const suites = [
    ...STANDARD_SUITES.map((s) => ({ ...s, cross: false })),
    ...CROSS_SUITES.map((s) => ({ ...s, cross: true })),
  ];
  for (const suite of suites) {
    if (suite.frozen || !existsSync(suite.file)) continue;
    const engine: AnswerEngine = await loadEngineFrom(suite.corpora);
    const manyArticles = engine.corpus.articles.length > 1;
    const questions = parseQuestions(readFileSync(suite.file, 'utf8'), suite.file);
    // Asked of the other corpus, its answerable questions are off-topic there.
    const asked = suite.cross
      ? questions.filter((q) => q.expect).map((q) => ({ q: q.q, expect: null }))
      : questions;
    for (const question of asked) {
      const { facts, ranked } = engine.analyse(question.q);
      const right = ranked.map((r) => {
        const shown = engine.describe(r, ranked, facts);
        return isRight(question, { quote: shown.quote, articleId: shown.article.id, speaker: shown.speaker });
      });
      items.push({
        suite: suite.name,
        cross: suite.cross,
        articleOf: (pid) => engine.corpus.passages[pid]?.articleId,
        question,
        facts,
        ranked,
        right,
        // Over several articles, folds go by article: the project is judged on articles it has never
        // seen, and a question-level fold lets the confidence learn an article from its neighbours'
        // questions (it then overstates how often "high" is right on a new article).
        fold: foldOf(
          manyArticles && 'article' in question && question.article
            ? `article ${question.article}`
            : question.q.toLowerCase(),
          FOLDS,
        ),
      });
    }
  }
  return items;
}

const vector = (features: Readonly<Record<RankFeature, number>>) =>
  RANK_FEATURES.map((name) => features[name] ?? 0);
const asRecord = <K extends string>(names: readonly K[], w: readonly number[]) =>
  Object.fromEntries(names.map((name, i) => [name, round(w[i] ?? 0)])) as Record<K, number>;
const round = (x: number) => Math.round(x * 10000) / 10000;

function fitRanking(items: readonly Item[], lambda: number) {
  const examples = items.map((item) => ({
    features: item.ranked.map((r) => vector(r.features)),
    right: item.right,
  }));
  return asRecord(RANK_FEATURES, fitRanker(examples, RANK_FEATURES.length, lambda));
}

/** The candidates re-scored and re-ordered by these weights, with whether each is right. */
function rerank(item: Item, weights: Record<RankFeature, number>) {
  return item.ranked
    .map((r, i) => ({ ...r, score: scoreOf(r.features, weights), right: item.right[i] ?? false }))
    .sort((a, b) => b.score - a.score || a.passageId - b.passageId);
}

interface Judged {
  item: Item;
  topRight: boolean;
  signals: Record<ConfidenceFeature, number>;
  /** The best passage's rank features: the right-passage model's evidence. */
  best: Record<RankFeature, number>;
}

const NO_FEATURES = Object.fromEntries(RANK_FEATURES.map((name) => [name, 0])) as Record<RankFeature, number>;

/** How one question came out under some ranking weights. */
function judge(item: Item, weights: Record<RankFeature, number>): Judged {
  const ranked = rerank(item, weights);
  return {
    item,
    topRight: ranked[0]?.right ?? false,
    signals: confidenceFeatures(item.facts, ranked, item.articleOf),
    best: ranked[0]?.features ?? NO_FEATURES,
  };
}

/** Each question ranked by the weights fitted without its fold: how an unseen question is ranked. */
function outOfFold(items: readonly Item[], lambda: number): Judged[] {
  const judged: Judged[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const weights = fitRanking(
      items.filter((i) => i.fold !== fold),
      lambda,
    );
    for (const item of items.filter((i) => i.fold === fold)) judged.push(judge(item, weights));
  }
  return judged;
}

const confidenceVector = (signals: Record<ConfidenceFeature, number>) =>
  CONFIDENCE_FEATURES.map((n) => signals[n]);
/** What the right-passage model reads: the confidence features, then the best passage's rank features. */
const rightVector = (j: Judged) => [...confidenceVector(j.signals), ...vector(j.best)];
const RIGHT_SIZE = CONFIDENCE_FEATURES.length + RANK_FEATURES.length;

function logisticOutOfFold(
  judged: readonly Judged[],
  example: (j: Judged) => BinaryExample | undefined,
  size: number,
  features: (j: Judged) => number[],
): number[] {
  const probabilities = new Array<number>(judged.length).fill(Number.NaN);
  for (let fold = 0; fold < FOLDS; fold++) {
    const train = judged.filter((j) => j.item.fold !== fold).flatMap((j) => example(j) ?? []);
    const w = fitLogistic(train, size, CONFIDENCE_LAMBDA);
    judged.forEach((j, i) => {
      if (j.item.fold === fold) probabilities[i] = sigmoid((w[0] ?? 0) + dot(w.slice(1), features(j)));
    });
  }
  return probabilities;
}

const onTopicExample = (j: Judged): BinaryExample | undefined =>
  j.item.ranked.length === 0
    ? undefined
    : {
        features: confidenceVector(j.signals),
        label: j.item.question.expect !== null || j.item.question.near === true,
      };
const rightExample = (j: Judged): BinaryExample | undefined =>
  j.item.ranked.length === 0 || (!j.item.question.expect && !j.item.question.near)
    ? undefined
    : { features: rightVector(j), label: j.topRight };

/** Candidate cut-offs: midpoints between the sorted probabilities. */
function cutOffs(probabilities: readonly number[]): number[] {
  const sorted = [...new Set(probabilities.filter((p) => !Number.isNaN(p)))].sort((a, b) => a - b);
  return [0, ...sorted.slice(1).map((p, i) => (p + (sorted[i] ?? 0)) / 2), 1];
}

/**
 * The abstain cut-off: the one that abstains on most off-topic questions while refusing at most
 * MAX_FALSE_ABSTENTIONS of the answerable ones (the project's bar), out-of-fold. Questions about
 * another corpus (cross suites) teach the model but do not count here.
 */
function chooseAbstain(judged: readonly Judged[], pOn: readonly number[]): number {
  const answerable = judged.filter((j) => j.item.question.expect).length;
  let best = { offAbstained: -1, t: 0 };
  for (const t of cutOffs(pOn)) {
    let falseAbstentions = 0;
    let offAbstained = 0;
    judged.forEach((j, i) => {
      const answered = j.item.ranked.length > 0 && (pOn[i] ?? 0) >= t;
      if (j.item.question.expect && !answered) falseAbstentions++;
      if (!j.item.question.expect && !j.item.question.near && !j.item.cross && !answered) offAbstained++;
    });
    if (falseAbstentions > MAX_FALSE_ABSTENTIONS * answerable) break; // cut-offs only rise from here
    if (offAbstained > best.offAbstained) best = { offAbstained, t };
  }
  return best.t;
}

function chooseConfidence(
  judged: readonly Judged[],
  answered: readonly boolean[],
  pRight: readonly number[],
) {
  const pool = judged
    .map((j, i) => ({ j, p: pRight[i] ?? 0, answered: answered[i] }))
    .filter((x) => x.answered);
  // The lowest cut-off whose answers above it are right often enough (over at least 20 of them).
  let high = 1;
  for (const t of cutOffs(pool.map((x) => x.p))) {
    // A passage that misses what was asked is never `high` (confidenceOf): it does not count here.
    const above = pool.filter((x) => x.p >= t && !missesWhatWasAsked(x.j.signals));
    if (above.length < 20) break;
    const precision = above.filter((x) => x.j.topRight).length / above.length;
    const standardError = Math.sqrt((precision * (1 - precision)) / above.length);
    if (precision - standardError >= HIGH_PRECISION_TARGET) {
      high = t;
      break;
    }
  }
  // The lowest cut-off below which (or abstained) at least MIN_NEAR_HEDGED of the near misses fall,
  // one standard error to spare: every right answer below it is one more hedged needlessly, so no
  // higher than that.
  const near = judged.map((j, i) => ({ j, i })).filter(({ j }) => j.item.question.near);
  const abstainedNear = near.filter(({ i }) => !answered[i]).length;
  let low = 0;
  for (const t of cutOffs(pool.map((x) => x.p)).filter((t) => t <= high)) {
    const below = near.filter(
      ({ j, i }) =>
        answered[i] &&
        confidenceOf(pRight[i] ?? 0, missesWhatWasAsked(j.signals), { high, low: t }) === 'low',
    ).length;
    low = t;
    const hedged = (abstainedNear + below) / Math.max(1, near.length);
    const standardError = Math.sqrt((hedged * (1 - hedged)) / Math.max(1, near.length));
    if (hedged - standardError >= MIN_NEAR_HEDGED) break;
  }
  return { high, low };
}

function report(
  label: string,
  judged: readonly Judged[],
  pOn: readonly number[],
  pRight: readonly number[],
  cut: { abstain: number; high: number; low: number },
) {
  const suites = [...new Set(judged.map((j) => j.item.suite))];
  console.log(`\n${label}`);
  for (const suite of [...suites, 'all']) {
    let [
      answerable,
      right,
      falseAbstain,
      off,
      offAbstained,
      near,
      nearHedged,
      high,
      highRight,
      rightHigh,
      rightLow,
    ] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    judged.forEach((j, i) => {
      if (suite !== 'all' && j.item.suite !== suite) return;
      const q = j.item.question;
      const answered = j.item.ranked.length > 0 && (pOn[i] ?? 0) >= cut.abstain;
      const p = pRight[i] ?? 0;
      const confidence = confidenceOf(p, missesWhatWasAsked(j.signals), cut);
      if (answered && confidence === 'high') {
        high++;
        if (j.topRight && q.expect) highRight++;
      }
      if (q.expect) {
        answerable++;
        if (!answered) falseAbstain++;
        else if (j.topRight) {
          right++;
          if (confidence === 'high') rightHigh++;
          if (confidence === 'low') rightLow++;
        }
      } else if (q.near) {
        near++;
        if (!answered || confidence === 'low') nearHedged++;
      } else {
        off++;
        if (!answered) offAbstained++;
      }
    });
    const pct = (a: number, b: number) => (b ? `${Math.round((100 * a) / b)}%` : '–');
    console.log(
      `  ${suite.padEnd(12)} right ${right}/${answerable} (${pct(right, answerable)}), false abstentions ${falseAbstain} (${pct(falseAbstain, answerable)}), off-topic abstained ${offAbstained}/${off}, near hedged ${nearHedged}/${near}, high right ${highRight}/${high} (${pct(highRight, high)}), right answers high ${pct(rightHigh, right)}, low ${pct(rightLow, right)}`,
    );
  }
}

function replaceWeights(
  ranking: Record<RankFeature, number>,
  onTopic: number[],
  right: number[],
  cut: { abstain: number; high: number; low: number },
  header: string,
) {
  const source = readFileSync(WEIGHTS_FILE, 'utf8');
  const start = source.indexOf('// --- written by npm run tune: start ---');
  const end = source.indexOf('// --- written by npm run tune: end ---');
  if (start < 0 || end < 0) throw new Error(`${WEIGHTS_FILE}: the tune markers are missing`);
  const model = (w: number[]) => ({
    bias: round(w[0] ?? 0),
    weights: asRecord(CONFIDENCE_FEATURES, w.slice(1)),
  });
  const rightModel = (w: number[]) => ({
    ...model(w),
    evidence: asRecord(RANK_FEATURES, w.slice(1 + CONFIDENCE_FEATURES.length)),
  });
  // Written as Biome formats it, so `biome check` passes on the generated file.
  const literal = (value: unknown, indent = ''): string => {
    if (typeof value !== 'object' || value === null) return String(value);
    const inner = `${indent}  `;
    const lines = Object.entries(value).map(([key, v]) => `${inner}${key}: ${literal(v, inner)},`);
    return `{\n${lines.join('\n')}\n${indent}}`;
  };
  const block = [
    '// --- written by npm run tune: start ---',
    ...header.split('\n').map((line) => `// ${line}`.trimEnd()),
    `export const RANKING: Record<RankFeature, number> = ${literal(ranking)};`,
    '',
    `export const ON_TOPIC: LogisticModel & { threshold: number } = ${literal({ ...model(onTopic), threshold: round(cut.abstain) })};`,
    '',
    `export const RIGHT: RightModel = ${literal({ ...rightModel(right), high: round(cut.high), low: round(cut.low) })};`,
    '',
  ].join('\n');
  writeFileSync(WEIGHTS_FILE, source.slice(0, start) + block + source.slice(end));
}

const items = await collect();
console.log(
  `${items.length} development questions from ${new Set(items.map((i) => i.suite)).size} sets (frozen sets are never read)`,
);

// As shipped: the weights in weights.ts now, ranked in-sample.
const shipped = items.map((item) => judge(item, RANKING));
const prob = (model: { bias: number; weights: Record<ConfidenceFeature, number> }, j: Judged) =>
  sigmoid(
    model.bias +
      dot(
        CONFIDENCE_FEATURES.map((n) => model.weights[n]),
        confidenceVector(j.signals),
      ),
  );
report(
  'weights.ts as it stands (in-sample):',
  shipped,
  shipped.map((j) => prob(ON_TOPIC, j)),
  shipped.map((j) => rightProbability(RIGHT, j.signals, j.best)),
  { abstain: ON_TOPIC.threshold, high: RIGHT.high, low: RIGHT.low },
);

// The strongest regularisation within one standard error of the best: two strengths a few questions
// apart are a tie, and a tie goes to the simpler model (the "one-standard-error rule").
const lambdaScores = RANK_LAMBDAS.map((lambda) => {
  const judged = outOfFold(items, lambda);
  const right = judged.filter((j) => j.item.question.expect && j.topRight).length;
  const answerable = judged.filter((j) => j.item.question.expect).length;
  console.log(`ranking, L2 ${lambda}: ${right}/${answerable} right at 1, out-of-fold`);
  return { lambda, right, answerable };
});
const bestRight = Math.max(...lambdaScores.map((s) => s.right));
const n = lambdaScores[0]?.answerable ?? 1;
const standardError = Math.sqrt((bestRight * (n - bestRight)) / n);
const bestLambda = lambdaScores
  .filter((s) => s.right >= bestRight - standardError)
  .reduce((a, b) => (b.lambda > a.lambda ? b : a));

const judged = outOfFold(items, bestLambda.lambda);
if (values.misses) printMisses(judged, bestLambda.lambda);
const pOn = logisticOutOfFold(judged, onTopicExample, CONFIDENCE_FEATURES.length, (j) =>
  confidenceVector(j.signals),
);
const pRightOof = logisticOutOfFold(judged, rightExample, RIGHT_SIZE, rightVector);
const abstain = chooseAbstain(judged, pOn);
const answered = judged.map((j, i) => j.item.ranked.length > 0 && (pOn[i] ?? 0) >= abstain);
const { high, low } = chooseConfidence(judged, answered, pRightOof);
printCalibration(judged, answered, pRightOof);
if (values.misses)
  judged.forEach((j, i) => {
    if (answered[i] && (pRightOof[i] ?? 0) >= 0.85 && !j.topRight)
      console.log(
        `CONFIDENT WRONG [${j.item.suite}] p=${(pRightOof[i] ?? 0).toFixed(2)} ${j.item.question.q}`,
      );
  });
const cut = { abstain, high, low };
report(
  `cross-validated (${FOLDS} folds; ranking L2 ${bestLambda.lambda}; cut-offs abstain ${round(abstain)}, high ${round(high)}, low ${round(low)}):`,
  judged,
  pOn,
  pRightOof,
  cut,
);

const ranking = fitRanking(items, bestLambda.lambda);
const inSample = items.filter((item) => item.question.expect && rerank(item, ranking)[0]?.right).length;
console.log(
  `ranking fitted on all of them: ${inSample}/${items.filter((i) => i.question.expect).length} right at 1 in-sample`,
);
const onTopicWeights = fitLogistic(
  judged.flatMap((j) => onTopicExample(j) ?? []),
  CONFIDENCE_FEATURES.length,
  CONFIDENCE_LAMBDA,
);
const rightWeights = fitLogistic(
  judged.flatMap((j) => rightExample(j) ?? []),
  RIGHT_SIZE,
  CONFIDENCE_LAMBDA,
);

if (values['dry-run']) {
  console.log('\n--dry-run: weights.ts left as it was');
} else {
  if (values['on-topic-only']) {
    const header = `${rankingHeader()}\nON_TOPIC refitted alone on ${items.length} development questions (npm run tune -- --on-topic-only).`;
    const kept = [
      RIGHT.bias,
      ...CONFIDENCE_FEATURES.map((f) => RIGHT.weights[f]),
      ...RANK_FEATURES.map((f) => RIGHT.evidence[f]),
    ];
    replaceWeights(RANKING, onTopicWeights, kept, { abstain, high: RIGHT.high, low: RIGHT.low }, header);
  } else if (values['right-only']) {
    const header = `${rankingHeader()}\nRIGHT refitted alone on ${items.length} development questions (npm run tune -- --right-only).`;
    const kept = [ON_TOPIC.bias, ...CONFIDENCE_FEATURES.map((f) => ON_TOPIC.weights[f])];
    replaceWeights(RANKING, kept, rightWeights, { abstain: ON_TOPIC.threshold, high, low }, header);
  } else {
    const header = `Fitted on ${items.length} development questions; cross-validated right at 1: ${bestLambda.right}/${judged.filter((j) => j.item.question.expect).length}.`;
    replaceWeights(ranking, onTopicWeights, rightWeights, cut, header);
  }
  console.log(`\nwrote ${WEIGHTS_FILE}`);
}

/** The first line the last full fit wrote above RANKING: what the weights kept by --on-topic-only were fitted on. */
function rankingHeader(): string {
  const source = readFileSync(WEIGHTS_FILE, 'utf8');
  const start = source.indexOf('// --- written by npm run tune: start ---');
  return (source.slice(start).split('\n')[1] ?? '').replace(/^\/\/ ?/u, '');
}

/** The out-of-fold ranking misses of the development sets: where the right passage ended up. */
function printMisses(judged: readonly Judged[], lambda: number) {
  const weightsByFold = Array.from({ length: FOLDS }, (_, fold) =>
    fitRanking(
      items.filter((i) => i.fold !== fold),
      lambda,
    ),
  );
  for (const j of judged) {
    if (!j.item.question.expect || j.topRight) continue;
    const ranked = rerank(j.item, weightsByFold[j.item.fold] ?? RANKING);
    const at = ranked.findIndex((r) => r.right);
    console.log(
      `MISS [${j.item.suite}] ${j.item.question.q}  (right one at ${at < 0 ? 'none' : at + 1} of ${ranked.length})`,
    );
  }
}
if (values.misses) {
  // Misses whose right passage is not among the candidates at all: no weight can fix those.
  const unreachable = new Map<string, number>();
  for (const item of items)
    if (item.question.expect && !item.right.some(Boolean))
      unreachable.set(item.suite, (unreachable.get(item.suite) ?? 0) + 1);
  console.log(`right passage not among the candidates: ${JSON.stringify(Object.fromEntries(unreachable))}`);
}

/** How right the answers are at each level of the out-of-fold probability: what a cut-off can buy. */
function printCalibration(
  judged: readonly Judged[],
  answered: readonly boolean[],
  pRight: readonly number[],
) {
  const pool = judged
    .map((j, i) => ({
      right: j.topRight && j.item.question.expect !== null,
      p: pRight[i] ?? 0,
      answered: answered[i],
    }))
    .filter((x) => x.answered)
    .sort((a, b) => b.p - a.p);
  const totalRight = pool.filter((x) => x.right).length;
  const marks: string[] = [];
  let right = 0;
  pool.forEach((x, i) => {
    if (x.right) right++;
    if ((i + 1) % Math.ceil(pool.length / 10) === 0)
      marks.push(
        `top ${i + 1}: ${Math.round((100 * right) / (i + 1))}% right (p ≥ ${x.p.toFixed(2)}, ${Math.round((100 * right) / totalRight)}% of right answers)`,
      );
  });
  console.log(`calibration of the answered, best first:\n  ${marks.join('\n  ')}`);
}
