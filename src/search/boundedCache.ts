/**
 * A memo that starts afresh once it holds `limit` entries. Questions bring new words forever (typos,
 * names, chat), so a bot that runs for months must not keep every one; forgetting costs one
 * recomputation per word still in use.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** The value for `key`, computed by `compute` the first time (undefined is a value too). */
  get(key: K, compute: (key: K) => V): V {
    const known = this.entries.get(key);
    if (known !== undefined || this.entries.has(key)) return known as V;
    const value = compute(key);
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }
}
