/**
 * A seeded PRNG (mulberry32) for test noise: the same seed gives the same series on every run.
 *
 * @param seed any 32-bit integer
 * @returns a function giving uniform numbers in [0, 1)
 * @example
 * const rand = seeded(1); rand(); // 0.627…
 */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic monthly-like series: level + trend·t + a seasonal pattern + uniform noise.
 *
 * @param n length
 * @param options shape and noise
 * @returns the series
 * @example
 * synthetic(48, { pattern: [1, 2, 3] });
 */
export function synthetic(
  n: number,
  options: { level?: number; trend?: number; pattern?: number[]; noise?: number; seed?: number }
): number[] {
  const rand = seeded(options.seed ?? 7);
  const pattern = options.pattern ?? [0];
  return Array.from(
    { length: n },
    (_, t) =>
      (options.level ?? 100) +
      (options.trend ?? 0) * t +
      pattern[t % pattern.length] +
      (options.noise ?? 0) * (rand() - 0.5)
  );
}
