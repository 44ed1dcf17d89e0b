import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Passage } from '../corpus/types';

/**
 * The peers our engine is measured against, on the same passages: they always quote their top hit
 * (neither can abstain, except MiniSearch when nothing matches at all).
 */
export interface Baseline {
  name: string;
  /** The quoted passage text, or undefined when it found nothing. */
  search(question: string): string | undefined;
}

export function fuseDefaults(passages: readonly Passage[]): Baseline {
  const fuse = new Fuse(passages, { keys: ['text'] });
  return { name: 'fuse.js defaults', search: (q) => fuse.search(q, { limit: 1 })[0]?.item.text };
}

export function miniSearch(passages: readonly Passage[]): Baseline {
  const index = new MiniSearch<Passage>({
    fields: ['text'],
    storeFields: ['text'],
    searchOptions: { fuzzy: 0.2, prefix: true },
  });
  index.addAll(passages);
  return {
    name: 'MiniSearch (BM25, fuzzy 0.2, prefix)',
    search: (q) => (index.search(q)[0] as { text?: string } | undefined)?.text,
  };
}
