/**
 * A deterministic pseudo-random sequence (mulberry32), so every benchmark run measures the same
 * data.
 *
 * @param seed any integer
 * @returns a generator of numbers in [0, 1)
 * @example
 * const next = random(1); next(); // 0.627…
 */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
