/**
 * The fitting behind `npm run tune`: a listwise (softmax) linear ranker and logistic regressions, both
 * with L2 regularisation, minimised by Adam. Small, dependency-free and deterministic: the same data
 * always gives the same weights.
 */

/** One question's candidates: their feature vectors and which of them are right. */
export interface RankingExample {
  features: number[][];
  right: boolean[];
}

/** One example of a yes/no judgement. */
export interface BinaryExample {
  features: number[];
  label: boolean;
  /** How much the example counts (default 1). */
  weight?: number;
}

const ITERATIONS = 1500;
const LEARNING_RATE = 0.05;

/** Adam on a differentiable loss of a weight vector. */
function minimise(size: number, lossGradient: (w: Float64Array) => Float64Array, start?: readonly number[]) {
  const w = new Float64Array(size);
  if (start) w.set(start.slice(0, size));
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  for (let t = 1; t <= ITERATIONS; t++) {
    const g = lossGradient(w);
    for (let i = 0; i < size; i++) {
      const gi = g[i] ?? 0;
      m[i] = b1 * (m[i] ?? 0) + (1 - b1) * gi;
      v[i] = b2 * (v[i] ?? 0) + (1 - b2) * gi * gi;
      const mHat = (m[i] ?? 0) / (1 - b1 ** t);
      const vHat = (v[i] ?? 0) / (1 - b2 ** t);
      w[i] = (w[i] ?? 0) - (LEARNING_RATE * mHat) / (Math.sqrt(vHat) + eps);
    }
  }
  return [...w];
}

/**
 * Weights w maximising, over questions with a right candidate, the softmax probability of the right
 * candidates: P = Σ_right e^{w·x} / Σ_all e^{w·x}, minus λ‖w‖².
 */
export function fitRanker(examples: readonly RankingExample[], size: number, lambda: number): number[] {
  const usable = examples.filter((e) => e.right.some(Boolean) && e.features.length > 1);
  return minimise(size, (w) => {
    const grad = new Float64Array(size);
    for (const example of usable) {
      const scores = example.features.map((x) => dot(w, x));
      const max = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - max));
      const total = exp.reduce((a, b) => a + b, 0);
      const rightTotal = exp.reduce((a, e, i) => a + (example.right[i] ? e : 0), 0);
      example.features.forEach((x, i) => {
        // d(-log P)/dw = Σ_all p_i x_i − Σ_right q_i x_i, with q the distribution over right ones.
        const p = (exp[i] ?? 0) / total;
        const q = example.right[i] ? (exp[i] ?? 0) / rightTotal : 0;
        for (let k = 0; k < size; k++) grad[k] = (grad[k] ?? 0) + (p - q) * (x[k] ?? 0);
      });
    }
    for (let k = 0; k < size; k++)
      grad[k] = (grad[k] ?? 0) / Math.max(1, usable.length) + 2 * lambda * (w[k] ?? 0);
    return grad;
  });
}

/** Logistic regression: [bias, ...weights]. */
export function fitLogistic(examples: readonly BinaryExample[], size: number, lambda: number): number[] {
  const total = examples.reduce((sum, e) => sum + (e.weight ?? 1), 0);
  return minimise(size + 1, (w) => {
    const grad = new Float64Array(size + 1);
    for (const example of examples) {
      const p = sigmoid((w[0] ?? 0) + dot(w.subarray(1), example.features));
      const error = (p - (example.label ? 1 : 0)) * (example.weight ?? 1);
      grad[0] = (grad[0] ?? 0) + error;
      for (let k = 0; k < size; k++) grad[k + 1] = (grad[k + 1] ?? 0) + error * (example.features[k] ?? 0);
    }
    for (let k = 0; k <= size; k++) {
      grad[k] = (grad[k] ?? 0) / Math.max(1, total) + (k === 0 ? 0 : 2 * lambda * (w[k] ?? 0));
    }
    return grad;
  });
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function dot(w: ArrayLike<number>, x: readonly number[]): number {
  let sum = 0;
  for (let k = 0; k < x.length; k++) sum += (w[k] ?? 0) * (x[k] ?? 0);
  return sum;
}

/** Which of `k` folds an item belongs to: by a hash of its key, so folds do not depend on file order. */
export function foldOf(key: string, k: number): number {
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0) % k;
}
