import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../src/search/boundedCache';

describe('BoundedCache', () => {
  it('computes a key once, undefined included, and starts afresh at its limit', () => {
    const cache = new BoundedCache<string, number | undefined>(2);
    const calls: string[] = [];
    const compute = (key: string) => {
      calls.push(key);
      return key === 'none' ? undefined : key.length;
    };
    expect(cache.get('ab', compute)).toBe(2);
    expect(cache.get('ab', compute)).toBe(2);
    expect(cache.get('none', compute)).toBeUndefined();
    expect(cache.get('none', compute)).toBeUndefined();
    expect(calls).toEqual(['ab', 'none']);
    cache.get('abc', compute); // a third key: the first two are forgotten
    cache.get('ab', compute);
    expect(calls).toEqual(['ab', 'none', 'abc', 'ab']);
  });
});
