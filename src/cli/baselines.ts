import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Passage } from '../corpus/types';

/**
 * The peers our engine is measured against, on the same passages: they always quote their top hit
 * (neither can abstain, except when nothing matches at all).
 */
export interface Baseline {
  name: string;
  /** The best passages, best first. */
  top(question: string, limit: number): Passage[];
  /** The quoted passage text, or undefined when it found nothing. */
  search(question: string): string | undefined;
}

export function fuseDefaults(passages: readonly Passage[]): Baseline {
  const fuse = new Fuse(passages, { keys: ['text'] });
  const top = (q: string, limit: number) => fuse.search(q, { limit }).map((r) => r.item);
  return { name: 'fuse.js defaults', top, search: (q) => top(q, 1)[0]?.text };
}

export function miniSearch(passages: readonly Passage[]): Baseline {
  const index = new MiniSearch<Passage>({
    fields: ['text'],
    storeFields: ['id'],
    searchOptions: { fuzzy: 0.2, prefix: true },
  });
  index.addAll(passages);
  const top = (q: string, limit: number) =>
    index
      .search(q)
      .slice(0, limit)
      .flatMap((r) => passages[r.id as number] ?? []);
  return { name: 'MiniSearch (BM25, fuzzy 0.2, prefix)', top, search: (q) => top(q, 1)[0]?.text };
}
