/**
 * The import rules of the project's layout, checked over source text: which layer a file belongs to,
 * what its imports resolve to, and what is wrong with them. Pure (files in, problems out), so the rules
 * themselves are tested on small made-up trees as well as on the real one.
 */
import path from 'node:path';

interface Layer {
  name: string;
  /** Folders (ending in "/") or files, relative to the project root. */
  parts: readonly string[];
  /** Each part is a layer of its own rank: they may not import each other (the transports). */
  separate?: boolean;
  /** May import no file of ours at all (the leaves). */
  leaves?: boolean;
  /** Nothing may import these (the entry points). */
  entryPoints?: boolean;
}

/** Top to bottom: a file may import from its own layer and the layers above it, never from below. */
export const LAYERS: readonly Layer[] = [
  { name: 'leaves', parts: ['src/config.ts', 'src/log.ts'], leaves: true },
  { name: 'corpus', parts: ['src/corpus/'] },
  { name: 'search', parts: ['src/search/'] },
  { name: 'reply', parts: ['src/reply/'] },
  { name: 'commands', parts: ['commands/'] },
  { name: 'runtime', parts: ['src/runtime/'] },
  { name: 'transports', parts: ['src/discord/', 'src/http/', 'src/console/'], separate: true },
  { name: 'cli', parts: ['src/cli/'] },
  // An HTTP transport's own entry point, if it has one outside src/http/, joins this list.
  { name: 'entry points', parts: ['src/main.ts', 'src/shard.ts', 'src/sharded.ts'], entryPoints: true },
];

interface Placement {
  layer: Layer;
  rank: number;
  /** The part of the layer the file is in (its transport, for separate layers). */
  part: string;
}

export function placeFile(file: string): Placement | undefined {
  for (const [rank, layer] of LAYERS.entries()) {
    const part = layer.parts.find((p) => (p.endsWith('/') ? file.startsWith(p) : file === p));
    if (part) return { layer, rank, part };
  }
  return undefined;
}

/**
 * The module specifiers a file imports: `import … from`, `import '…'`, `export … from`, and `import('…')`
 * with a string literal. Comments are blanked first so an import quoted in one is not counted.
 */
export function importSpecifiers(source: string): string[] {
  const code = stripComments(source);
  const patterns = [
    /(?:^|[;}\s])import\s+(?:type\s+)?[\w*{}\s,$]*?\s*from\s*(['"])([^'"]+)\1/g,
    /(?:^|[;}\s])import\s*(['"])([^'"]+)\1/g,
    /(?:^|[;}\s])export\s+(?:type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})\s*from\s*(['"])([^'"]+)\1/g,
    /\bimport\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g,
  ];
  const found: string[] = [];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[2] as string);
  return found;
}

/** Blanks out comments, keeping strings, template literals and regular expression literals intact. */
export function stripComments(source: string): string {
  let out = '';
  let i = 0;
  // Where a "/" starts a regular expression rather than a division: after these, or at the start.
  const regexAfter = /[(,=:[!&|?{};+\-*%<>~^]$|^$|\breturn$|\btypeof$/;
  while (i < source.length) {
    const char = source[i] as string;
    const next = source[i + 1];
    if (char === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      i = end === -1 ? source.length : end;
    } else if (char === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (char === "'" || char === '"' || char === '`') {
      const start = i++;
      while (i < source.length && source[i] !== char) i += source[i] === '\\' ? 2 : 1;
      out += source.slice(start, ++i);
    } else if (char === '/' && regexAfter.test(out.trimEnd())) {
      const start = i++;
      let inClass = false;
      while (i < source.length && source[i] !== '\n' && (inClass || source[i] !== '/')) {
        if (source[i] === '[') inClass = true;
        else if (source[i] === ']') inClass = false;
        i += source[i] === '\\' ? 2 : 1;
      }
      out += source.slice(start, ++i);
    } else {
      out += char;
      i++;
    }
  }
  return out;
}

/** The project file a relative specifier names (`./x` → `dir/x.ts` or `dir/x/index.ts`); packages: undefined. */
export function resolveImport(
  from: string,
  specifier: string,
  exists: (file: string) => boolean,
): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, `${base}/index.ts`];
  return candidates.find(exists) ?? base;
}

/** Every import cycle found by a depth-first walk, each as the files in order with the first repeated. */
export function findCycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of [...(edges.get(node) ?? [])].sort()) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        // The same cycle reached from another file: report it once, whatever its first file.
        const key = [...cycle].sort().join('\0');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...cycle, next]);
        }
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

const unitOf = (file: string) => placeFile(file)?.part ?? `${path.posix.dirname(file)}/`;

/** One line per broken rule over `files` (path relative to the project root → source text). */
export function layoutProblems(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const edges = new Map<string, Set<string>>();
  const folderEdges = new Map<string, Set<string>>();
  const exists = (file: string) => files.has(file);
  for (const [file, source] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const from = placeFile(file);
    if (!from) problems.push(`${file} is in no layer of the layout`);
    edges.set(file, edges.get(file) ?? new Set());
    for (const specifier of importSpecifiers(source)) {
      const target = resolveImport(file, specifier, exists);
      if (!target) continue;
      edges.get(file)?.add(target);
      // Folders as the layout names them: src/config.ts is a part of its own, not of a folder "src".
      const parts = [unitOf(file), unitOf(target)] as const;
      if (parts[0] !== parts[1]) {
        folderEdges.set(parts[0], (folderEdges.get(parts[0]) ?? new Set()).add(parts[1]));
      }
      const line = `${file} imports ${target}`;
      if (target.startsWith('test/')) {
        problems.push(`${line}: product code may not import test code`);
        continue;
      }
      if (!files.has(target)) {
        problems.push(`${line}, which does not exist`);
        continue;
      }
      const to = placeFile(target);
      if (!from || !to) continue;
      if (to.layer.entryPoints) problems.push(`${line}: nothing may import an entry point`);
      else if (from.layer.leaves) problems.push(`${line}: ${file} is a leaf and imports nothing of ours`);
      else if (to.rank > from.rank) {
        problems.push(`${line}: ${from.layer.name} may not import from ${to.layer.name}, a later layer`);
      } else if (to.rank === from.rank && from.layer.separate && to.part !== from.part) {
        problems.push(`${line}: transports (${from.layer.parts.join(', ')}) do not import each other`);
      }
    }
  }
  for (const cycle of findCycles(edges)) problems.push(`import cycle: ${cycle.join(' → ')}`);
  for (const cycle of findCycles(folderEdges)) problems.push(`folder import cycle: ${cycle.join(' → ')}`);
  return problems;
}
