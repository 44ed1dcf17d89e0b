// Imports go one way (the layers in test/support/layout.ts, top to bottom), no file imports test code,
// transports do not import each other, nothing imports an entry point, and there is no import cycle.
// The rules are tried on small made-up trees first, so a rule that can no longer fail shows up here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config';
import { importSpecifiers, layoutProblems, stripComments } from './support/layout';

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(PROJECT_ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => path.posix.join(folder, file.split(path.sep).join('/')));
}

const tree = (files: Record<string, string>) => new Map(Object.entries(files));

describe('reading imports', () => {
  it('finds static, type-only, re-exported, side-effect and dynamic imports', () => {
    const source = [
      "import { a, type B } from './a';",
      "import type {\n  C,\n} from '../c';",
      "import D, * as E from './d';",
      "import './side-effect';",
      "export { f } from './f';",
      "export * from './g';",
      "export type { H } from './h';",
      "const late = await import('./late');",
      "import fs from 'node:fs';",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual(
      expect.arrayContaining([
        './a',
        '../c',
        './d',
        './side-effect',
        './f',
        './g',
        './h',
        './late',
        'node:fs',
      ]),
    );
  });

  it('ignores imports in comments, but not code after a string or a regular expression holding //', () => {
    const source = [
      "// import { old } from './commented';",
      "/* import x from './block'; */",
      "const url = 'https://discord.com/api'; const re = /\\/\\//g;",
      "import { kept } from './kept';",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual(['./kept']);
    expect(stripComments("const q = /[‘’`]/g; // note\nimport x from './x';")).toContain("from './x'");
  });
});

describe('the layout rules', () => {
  it('accept imports that go one way', () => {
    expect(
      layoutProblems(
        tree({
          'src/log.ts': 'export const log = 1;',
          'src/corpus/load.ts': "import { log } from '../log';",
          'src/reply/reply.ts': "import '../corpus/load';",
          'commands/types.ts': "import type { R } from '../src/reply/reply';",
          'commands/ask.ts': "import type { C } from './types';",
          'commands/index.ts': "import ask from './ask';",
          'src/discord/bot.ts': "import { commands } from '../../commands';",
          'src/main.ts': "import { bot } from './discord/bot';",
        }),
      ),
    ).toEqual([]);
  });

  it.each([
    [
      'a cycle',
      {
        'commands/index.ts': "import a from './ask';",
        'commands/ask.ts': "import type { C } from './index';",
      },
      /import cycle: commands\/ask\.ts → commands\/index\.ts → commands\/ask\.ts/,
    ],
    [
      'a wrong-way import',
      { 'commands/ask.ts': "import { bot } from '../src/discord/bot';", 'src/discord/bot.ts': '' },
      /commands may not import from transports, a later layer/,
    ],
    [
      'a transport importing another',
      { 'src/console/run.ts': "import { reply } from '../discord/reply';", 'src/discord/reply.ts': '' },
      /transports .* do not import each other/,
    ],
    [
      'an import of an entry point',
      { 'src/cli/ask.ts': "import { main } from '../main';", 'src/main.ts': '' },
      /nothing may import an entry point/,
    ],
    [
      'product code importing test code',
      { 'src/cli/bench.ts': "import { FakeDiscord } from '../../test/support/fakeDiscord';" },
      /product code may not import test code/,
    ],
    [
      'a leaf importing one of ours',
      { 'src/config.ts': "import { log } from './log';", 'src/log.ts': '' },
      /src\/config\.ts is a leaf/,
    ],
    ['a file in no layer', { 'src/misc.ts': '' }, /src\/misc\.ts is in no layer/],
    [
      'a dynamic import the wrong way',
      { 'src/corpus/load.ts': "const s = await import('../search/engine');", 'src/search/engine.ts': '' },
      /corpus may not import from search/,
    ],
    [
      'a folder cycle of files that are not a file cycle',
      {
        'src/search/a.ts': "import '../corpus/b';",
        'src/corpus/b.ts': '',
        'src/corpus/c.ts': "import '../search/d';",
        'src/search/d.ts': '',
      },
      /folder import cycle: src\/corpus\/ → src\/search\/ → src\/corpus\//,
    ],
  ])('reject %s', (_what, files: Record<string, string>, expected) => {
    const problems = layoutProblems(tree(files));
    expect(problems.join('\n')).toMatch(expected);
  });
});

describe('the project', () => {
  it('keeps every rule of the layout', () => {
    const files = [...sourceFiles('src'), ...sourceFiles('commands')];
    expect(files.length).toBeGreaterThan(40);
    const sources = new Map(files.map((file) => [file, readFileSync(path.join(PROJECT_ROOT, file), 'utf8')]));
    expect(layoutProblems(sources)).toEqual([]);
  });
});
