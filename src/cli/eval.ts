/**
 * `npm run eval -- FILE.jsonl`: scores the engine on a question file, lists the misses, and runs the
 * baselines (fuse.js defaults, MiniSearch) in the same process on the same passages.
 */
import { readFileSync } from 'node:fs';
import { createLog } from '../log';
import { loadCliConfigOrExit, loadEngineOrExit, writeStderr } from '../runtime/startup';
import { parseCli } from './args';
import { type Baseline, fuseDefaults, miniSearch } from './baselines';
import { type EvalQuestion, isRight, parseQuestions } from './evalScoring';

const USAGE = 'usage: npm run eval -- [--corpus DIR] FILE.jsonl';
const { values, positionals } = parseCli(process.argv.slice(2), USAGE);
const file = positionals[0];
if (!file || values.help) {
  console.error(USAGE);
  process.exit(file ? 0 : 2);
}
let questions: EvalQuestion[];
try {
  questions = parseQuestions(readFileSync(file, 'utf8'), file);
} catch (error) {
  console.error(`eval: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

const config = loadCliConfigOrExit(values.corpus);
const engine = await loadEngineOrExit(config.corpusDir, createLog(writeStderr, [config.token]));
const answerable = questions.filter((q) => q.expect);
const offTopic = questions.filter((q) => !q.expect);

let right = 0;
let falseAbstentions = 0;
let abstained = 0;
let nearAbstained = 0;
const misses: string[] = [];
const started = performance.now();
for (const q of questions) {
  const result = engine.answer(q.q);
  const quote = result.answered ? result.quote : undefined;
  if (q.expect) {
    if (isRight(q.expect, quote)) right++;
    else {
      if (!result.answered) falseAbstentions++;
      misses.push(
        `  MISS  ${q.q}\n        got: ${quote ? quote.slice(0, 140) : '(abstained)'}\n        want: ${q.expect.join(' | ')}`,
      );
    }
  } else if (!result.answered) {
    abstained++;
    if (q.near) nearAbstained++;
  } else {
    misses.push(
      `  WRONG ${q.q}${q.near ? ' (near miss)' : ''}\n        should abstain, got: ${quote?.slice(0, 140)}`,
    );
  }
}
const msPerQuestion = (performance.now() - started) / questions.length;

const baselineScores = [fuseDefaults(engine.corpus.passages), miniSearch(engine.corpus.passages)].map(
  (b: Baseline) => ({
    name: b.name,
    right: answerable.filter((q) => isRight(q.expect ?? [], b.search(q.q))).length,
  }),
);

if (misses.length > 0) console.log(`Misses (${misses.length}):\n${misses.join('\n')}\n`);
const nearCount = offTopic.filter((q) => q.near).length;
console.log(
  `baselines on the same passages: ${baselineScores.map((b) => `${b.name} ${b.right}/${answerable.length}`).join('; ')}`,
);
console.log(`time: ${msPerQuestion.toFixed(2)} ms a question over ${engine.corpus.passages.length} passages`);
console.log(
  `engine: ${right}/${answerable.length} right, ${abstained}/${offTopic.length} off-topic abstained (near-miss ${nearAbstained}/${nearCount}), ${falseAbstentions} false abstentions`,
);
