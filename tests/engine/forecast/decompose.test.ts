import {
  adjust,
  centredMovingAverage,
  reseason,
  seasonalIndices,
} from "../../../src/engine/forecast/decompose";

describe("classical decomposition", () => {
  it("centres the moving average with a 2×m window for even m", () => {
    expect(centredMovingAverage([1, 2, 3, 4, 5], 2)).toEqual([NaN, 2, 3, 4, NaN]);
    expect(centredMovingAverage([1, 2, 3, 4, 5], 3)).toEqual([NaN, 2, 3, 4, NaN]);
  });

  it("recovers multiplicative indices that average 1", () => {
    const pattern = [0.8, 1.2, 1.0, 1.0];
    const y = Array.from({ length: 24 }, (_, t) => 100 * pattern[t % 4]);
    const s = seasonalIndices(y, 4);
    expect(s.type).toBe("multiplicative");
    s.indices.forEach((v, i) => expect(v).toBeCloseTo(pattern[i], 6));
  });

  it("falls back to additive indices when a value is not positive", () => {
    const y = Array.from({ length: 12 }, (_, t) => (t % 2 === 0 ? -1 : 1));
    const s = seasonalIndices(y, 2);
    expect(s.type).toBe("additive");
    expect(s.indices[0]).toBeCloseTo(-1, 9);
    expect(s.indices[1]).toBeCloseTo(1, 9);
  });

  it("adjusts and re-seasons consistently", () => {
    const s = { type: "multiplicative" as const, indices: [0.5, 1.5] };
    expect(adjust([1, 3, 1], s)).toEqual([2, 2, 2]);
    expect(reseason([2, 2], 3, s)).toEqual([3, 1]);
  });
});
