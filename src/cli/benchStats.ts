/** Measuring helpers for `npm run bench`: timings, retained memory after a forced GC, table printing. */

const forceGc = (globalThis as { gc?: () => void }).gc;

/** True when the process runs with --expose-gc: memory deltas are then measured after a full collection. */
export const canForceGc = typeof forceGc === 'function';

function settle(): void {
  if (forceGc) {
    forceGc();
    forceGc();
  }
}

export interface Built<T> {
  value: T;
  ms: number;
  /** Heap retained by what was built (after GC when available), in MB. */
  heapMB: number;
  /** Resident set growth while building, in MB (the allocator keeps some, so it can exceed the heap). */
  rssMB: number;
}

export function measureBuild<T>(build: () => T): Built<T> {
  const start = startMeasuring();
  return start.done(build());
}

export async function measureBuildAsync<T>(build: () => Promise<T>): Promise<Built<T>> {
  const start = startMeasuring();
  return start.done(await build());
}

/** Memory and time from now until `done`, with a GC at both ends when available. */
function startMeasuring() {
  settle();
  const before = process.memoryUsage();
  const started = performance.now();
  return {
    done<T>(value: T): Built<T> {
      const ms = performance.now() - started;
      settle();
      const after = process.memoryUsage();
      return {
        value,
        ms,
        heapMB: (after.heapUsed + after.external - before.heapUsed - before.external) / 2 ** 20,
        rssMB: (after.rss - before.rss) / 2 ** 20,
      };
    },
  };
}

/** The value below which `p` of the samples fall (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1] as number;
}

export function mean(samples: readonly number[]): number {
  return samples.length === 0 ? Number.NaN : samples.reduce((sum, x) => sum + x, 0) / samples.length;
}

/** Peak resident set size of the whole process so far, in MB. */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function ms(x: number): string {
  if (Number.isNaN(x)) return '–';
  if (x >= 100) return x.toFixed(0);
  if (x >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

export function mb(x: number): string {
  return Number.isNaN(x) ? '–' : x.toFixed(1);
}

/** Left-aligned first column, right-aligned others. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)]
    .map((l) => `  ${l}`)
    .join('\n');
}
