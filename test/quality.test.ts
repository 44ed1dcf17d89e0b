import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engineAnswerer, evaluate, FIGURES_FILE, figuresOf, type RecordedFigures } from '../src/cli/evalRun';
import { parseQuestions } from '../src/cli/evalScoring';
import { loadEngineFrom, STANDARD_SUITES } from '../src/cli/evalSuites';

/**
 * Answer quality may not fall below what was recorded (`npm run eval -- --record` writes the figures):
 * on the frozen sets, written by people who never saw the engine and never tuned on, and on the
 * development sets. A change that loses right answers, abstains on more answerable questions, answers
 * more off-topic ones or hedges fewer near misses fails here; recording lower figures is a decision to
 * say in the commit.
 */
const recorded = JSON.parse(readFileSync(FIGURES_FILE, 'utf8')) as Record<string, RecordedFigures>;

describe('answer quality holds at its recorded figures', () => {
  for (const suite of STANDARD_SUITES) {
    const figures = recorded[suite.name];
    // The shared development sets sit beside the project, not in it: a bare clone has none.
    it.skipIf(!existsSync(suite.file) || !figures)(
      `${suite.name}${suite.frozen ? ' (frozen)' : ''}`,
      async () => {
        const engine = await loadEngineFrom(suite.corpora);
        const questions = parseQuestions(readFileSync(suite.file, 'utf8'), suite.file);
        const now = figuresOf(evaluate(questions, engineAnswerer(engine)));
        const was = figures as RecordedFigures;
        expect(now.right, 'right answers').toBeGreaterThanOrEqual(was.right);
        expect(now.falseAbstentions, 'false abstentions').toBeLessThanOrEqual(was.falseAbstentions);
        expect(now.offTopicAbstained, 'off-topic questions abstained').toBeGreaterThanOrEqual(
          was.offTopicAbstained,
        );
        expect(now.nearHedged, 'near misses abstained or low').toBeGreaterThanOrEqual(was.nearHedged);
        expect(now.highRight, 'right answers with high confidence').toBeGreaterThanOrEqual(was.highRight);
      },
    );
  }

  it('every standard suite that ships with the project has recorded figures', () => {
    for (const suite of STANDARD_SUITES)
      if (existsSync(suite.file)) expect(recorded).toHaveProperty(suite.name);
  });
});

describe('a lone word', () => {
  const engineOfDev3 = () =>
    loadEngineFrom(
      (STANDARD_SUITES.find((s) => s.name === 'articles-dev3') as { corpora: string[] }).corpora,
    );

  it('one specific word ("measles") is a keyword search', async () => {
    const engine = await engineOfDev3();
    for (const keyword of ['measles', 'mussels', 'whelan', 'meteorite'])
      expect(engine.answer(keyword).answered, keyword).toBe(true);
  });

  // Seventeen articles between them use most everyday words somewhere; the message asks nothing of them.
  // The on-topic model fitted with folds by article (December 2026) answers these (on-topic
  // probability 0.44-0.46 against a cut-off of 0.38), where the one fitted with question-level folds
  // abstained: a known miss until the confidence reads chat apart from the ranking's scores without
  // refusing more fair questions on unseen articles (it refused 17 of 273 frozen questions when tried).
  it.fails('one everyday word ("agreed", "makes sense") is chat', async () => {
    const engine = await engineOfDev3();
    for (const chat of ['agreed', 'makes sense', 'thanks a lot bot'])
      expect(engine.answer(chat).answered, chat).toBe(false);
  });
});
