/** Minimal flag parsing shared by the command-line tools (node:util's parseArgs underneath). */
import { parseArgs } from 'node:util';

export function parseCli(argv: string[], usage: string) {
  // parseArgs keeps the last of a repeated option: say so rather than read one folder of two.
  const once = {
    corpus: 'a corpus is one folder: put the articles together in it',
    article: 'one article at a time',
  };
  for (const [name, hint] of Object.entries(once)) {
    const given = argv.filter((a) => a === `--${name}` || a.startsWith(`--${name}=`)).length;
    if (given > 1) {
      console.error(`--${name} given ${given} times: give it once (${hint})\n${usage}`);
      process.exit(2);
    }
  }
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        corpus: { type: 'string' },
        article: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${usage}`);
    process.exit(2);
  }
}
