import { fileURLToPath } from 'node:url';
import { CorpusError, loadCorpus } from '../corpus/loadCorpus';
import { AnswerEngine } from '../search/engine';

/** The project's own corpus folder, wherever the command is run from. */
export const DEFAULT_CORPUS_DIR = fileURLToPath(new URL('../../corpus', import.meta.url));

/** Loads the corpus and builds the engine; a broken corpus ends the process with one line, no stack trace. */
export async function loadEngineOrExit(
  dir = process.env.CORPUS_DIR || DEFAULT_CORPUS_DIR,
): Promise<AnswerEngine> {
  try {
    return AnswerEngine.build(await loadCorpus(dir));
  } catch (error) {
    if (error instanceof CorpusError) {
      console.error(`corpus: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
