/** "1 passage", "2 passages", "0 passages": English nouns with a plain -s plural (all this project needs). */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
