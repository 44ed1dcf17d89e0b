// INTERIM signature; implementation in progress.
import type { Corpus } from './types';

/** A corpus problem an operator must fix; `message` is one line naming the file and the problem. */
export class CorpusError extends Error {
  override name = 'CorpusError';
}

/** Reads every `*.md` article in `dir`, validates it and splits it into passages. */
export async function loadCorpus(dir: string): Promise<Corpus> {
  throw new CorpusError(`${dir}: corpus loading is not implemented yet`);
}
