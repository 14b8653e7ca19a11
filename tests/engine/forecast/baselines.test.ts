import {
  leastSquaresLine,
  linearTrend,
  naive,
  naive2,
  seasonalNaive,
} from "../../../src/engine/forecast/baselines";
import { synthetic } from "./helpers";

describe("baselines", () => {
  it("naive repeats the last value", () => {
    expect(naive([1, 2, 3], 2)).toEqual([3, 3]);
  });

  it("seasonal naive repeats the last season, and is naive without one", () => {
    expect(seasonalNaive([1, 2, 3, 4], 2, 3)).toEqual([3, 4, 3]);
    expect(seasonalNaive([1, 2, 3], 1, 2)).toEqual([3, 3]);
  });

  it("Naive2 keeps the seasonal shape of a seasonal series", () => {
    const y = synthetic(48, { pattern: [-20, 0, 20, 0] });
    const f = naive2(y, 4, 4);
    expect(f[2]).toBeGreaterThan(f[0]);
    expect(naive2([1, 2, 3, 4, 5], 4, 2)).toEqual([5, 5]);
  });

  it("linear trend extrapolates the least-squares line", () => {
    expect(linearTrend([1, 2, 3], 2)).toEqual([4, 5]);
    expect(leastSquaresLine([1, 3, 5])).toEqual({ intercept: 1, slope: 2 });
    expect(leastSquaresLine([7])).toEqual({ intercept: 7, slope: 0 });
  });
});
