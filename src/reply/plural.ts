/** The noun for `count` of it: "shard" for 1, "shards" otherwise (plain -s plurals: all this project needs). */
export function pluralNoun(count: number, noun: string): string {
  return count === 1 ? noun : `${noun}s`;
}

/** "1 passage", "2 passages", "0 passages". */
export function plural(count: number, noun: string): string {
  return `${count} ${pluralNoun(count, noun)}`;
}
