import fc from "fast-check";
import { mean, median, percentileNearestRank } from "../../src/engine/stats";

describe("mean", () => {
  it("averages", () => expect(mean([1, 2, 6])).toBe(3));
  it("has no mean for nothing", () => expect(mean([])).toBeNull());
});

describe("median", () => {
  it("takes the middle of an odd count", () => expect(median([5, 1, 3])).toBe(3));
  it("averages the two middle values of an even count", () =>
    expect(median([4, 1, 3, 2])).toBe(2.5));
  it("does not reorder the caller's array", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
  it("does not overflow on two huge middle values", () =>
    expect(median([1e308, 1e308])).toBe(1e308));
  it("has no median for nothing", () => expect(median([])).toBeNull());
});

describe("percentileNearestRank", () => {
  it("picks rank ⌈0.9 n⌉", () => {
    expect(percentileNearestRank([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.9)).toBe(9);
    expect(percentileNearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10);
  });
  it("is the only value of a single value", () => expect(percentileNearestRank([7], 0.9)).toBe(7));
  it("is the maximum of three values", () => expect(percentileNearestRank([1, 3, 2], 0.9)).toBe(3));
  it("has no percentile for nothing", () => expect(percentileNearestRank([], 0.9)).toBeNull());
});

describe("median and percentileNearestRank select what sorting would give", () => {
  it("on any list, with duplicates, sorted and reversed runs", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -5, max: 5 }),
            fc.double({ noNaN: true, min: -1e6, max: 1e6 })
          ),
          {
            minLength: 1,
            maxLength: 200,
          }
        ),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (xs, p) => {
          const s = [...xs].sort((a, b) => a - b);
          const n = s.length;
          const mid = n >> 1;
          const med = n % 2 ? s[mid] : s[mid - 1] / 2 + s[mid] / 2;
          expect(median(xs)! + 0).toBe(med + 0); // + 0: -0 and 0 may swap places
          const rank = Math.ceil(Math.round(p * n * 1e9) / 1e9);
          expect(percentileNearestRank(xs, p)! + 0).toBe(s[Math.min(n, Math.max(1, rank)) - 1] + 0);
          for (const run of [s, [...s].reverse()]) expect(median(run)! + 0).toBe(med + 0);
        }
      ),
      { numRuns: 300 }
    );
  });
});
