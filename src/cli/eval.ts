/**
 * `npm run eval -- [--corpus DIR]… [--misses] [FILE.jsonl …]`: scores the engine on question files, with
 * MiniSearch on the same passages beside it. Without files it runs the project's standard suites
 * (src/cli/evalSuites.ts), each on its own corpus. Frozen suites print figures only: their misses stay
 * unseen unless --misses is given, so nobody tunes to them by accident.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfigOrExit, writeStderr } from '../runtime/startup';
import { miniSearch } from './baselines';
import {
  engineAnswerer,
  evaluate,
  FIGURES_FILE,
  figuresOf,
  kindLine,
  miniSearchAnswerer,
  type RecordedFigures,
  summaryLines,
} from './evalRun';
import { parseQuestions } from './evalScoring';
import { loadEngineFrom, STANDARD_SUITES, type Suite } from './evalSuites';

const USAGE =
  "usage: npm run eval -- [--corpus DIR]… [--misses] [--record] [FILE.jsonl …]  (--record: write the standard suites' figures to test/fixtures/questions/figures.json)";

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      corpus: { type: 'string', multiple: true },
      misses: { type: 'boolean', default: false },
      record: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
try {
  args = parse();
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
  process.exit(2);
}
if (args.values.help) {
  console.log(USAGE);
  process.exit(0);
}

// The corpus `npm start` would read (CORPUS_DIR from the environment or .env), unless --corpus is given.
const { corpusDir } = loadConfigOrExit(writeStderr);
const suites: Suite[] = args.positionals.length
  ? args.positionals.map((file) => ({
      name: file,
      file,
      corpora: args.values.corpus ?? [corpusDir],
      frozen: false,
    }))
  : STANDARD_SUITES.filter((suite) => existsSync(suite.file));

const recorded: Record<string, RecordedFigures> = {};
for (const suite of suites) {
  let questions: ReturnType<typeof parseQuestions>;
  try {
    questions = parseQuestions(readFileSync(suite.file, 'utf8'), suite.file);
  } catch (error) {
    console.error(`eval: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  const engine = await loadEngineFrom(suite.corpora);
  const { articles, passages } = engine.corpus;
  const engineReport = evaluate(questions, engineAnswerer(engine));
  const baseline = miniSearch(passages);
  const baselineReport = evaluate(questions, miniSearchAnswerer(passages));
  console.log(
    `\n== ${suite.name} (${suite.file}${suite.frozen ? '; frozen: reported, never tuned on' : ''}): ${questions.length} questions, ${articles.length} article${articles.length === 1 ? '' : 's'}, ${passages.length} passages`,
  );
  if (engineReport.misses.length && (!suite.frozen || args.values.misses))
    console.log(`Misses (${engineReport.misses.length}):\n${engineReport.misses.join('\n')}`);
  console.log(kindLine(engineReport, baselineReport));
  for (const line of summaryLines(engineReport, baselineReport, baseline.name)) console.log(line);
  recorded[suite.name] = figuresOf(engineReport);
}
if (args.values.record) {
  if (args.positionals.length) {
    console.error("eval: --record writes the standard suites' figures: give no files");
    process.exit(2);
  }
  writeFileSync(FIGURES_FILE, `${JSON.stringify(recorded, null, 2)}\n`);
  console.log(`\nrecorded the figures in ${FIGURES_FILE}`);
}
