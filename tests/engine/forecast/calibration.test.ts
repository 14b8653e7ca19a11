import {
  Combination,
  ForecastModel,
  MemberPath,
  calibrated,
  combinePaths,
  fit,
  holdOuts,
  memberPaths,
} from "../../../src/engine/forecast";
import { holdOut } from "../../../src/engine/forecast/validation";
import { synthetic } from "./helpers";

const lastValue = (train: readonly number[], v: number): number[] =>
  Array<number>(v).fill(train[train.length - 1]);

describe("hold-out errors (round 9)", () => {
  it("keeps the latest window's errors, actual minus forecast, step by step", () => {
    // Train [1..6] → forecasts 6, 6 for 7, 8.
    expect(holdOut([1, 2, 3, 4, 5, 6, 7, 8], 2, lastValue)).toEqual({ mse: 2.5, errors: [1, 2] });
    // Two windows (ends 10 and 9): the MSE pools both, the errors are the last one's.
    const y = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const two = holdOut(y, 2, lastValue, 2);
    expect(two?.errors).toEqual([1, 2]);
    expect(two?.mse).toBeCloseTo((1 + 4 + 1 + 4) / 4, 12);
  });

  it("has no errors when the latest window's refit failed but an earlier one did not", () => {
    const y = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const failsLast = (train: readonly number[], v: number): number[] | null =>
      train.length === 8 ? null : lastValue(train, v);
    expect(holdOut(y, 2, failsLast, 2)).toEqual({ mse: 2.5, errors: [] });
    expect(holdOut(y, 2, () => null, 2)).toBeNull();
  });

  it("gives every validated member of a fit its errors, as many as the hold-out", () => {
    const y = synthetic(48, { pattern: [3, -1, -4, 2], noise: 0.3 });
    const model = fit(y, { horizon: 4 }) as ForecastModel;
    const errors = model.holdOutErrors ?? {};
    expect(Object.keys(errors).sort()).toEqual(Object.keys(model.validation).sort());
    for (const e of Object.values(errors)) expect(e).toHaveLength(6); // max(h, m, 6) = 6
    // The MSE the weights use is the mean of those squared errors (one window).
    for (const [k, e] of Object.entries(errors))
      expect(model.validation[k as keyof typeof errors]).toBeCloseTo(
        e.reduce((a, x) => a + x * x, 0) / e.length,
        12
      );
  });

  it("has none for a history too short to hold out, or an exact line", () => {
    const short = fit([5, 7, 6, 8, 7, 9, 8], { horizon: 2 }) as ForecastModel;
    expect(short.holdOutErrors).toEqual({});
    const line = fit([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], {}) as ForecastModel;
    expect(holdOuts(line, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 1, 1).holdOutErrors).toEqual({});
  });

  it("gives each member's path the standard deviations at the hold-out's steps", () => {
    const y = synthetic(60, { trend: 0.5, noise: 1 });
    const model = fit(y, { horizon: 3 }) as ForecastModel;
    const short = memberPaths(model, 3);
    const long = memberPaths(model, 12);
    for (const [k, p] of Object.entries(short) as [string, MemberPath][]) {
      expect(p.mean).toHaveLength(3);
      const check = p.check as NonNullable<MemberPath["check"]>;
      expect(check.sd).toHaveLength(check.errors.length);
      // The first steps of a longer path are the same numbers.
      const l = long[k as keyof typeof long] as MemberPath;
      expect(l.mean.slice(0, 3)).toEqual(p.mean);
      expect(check.sd).toEqual(l.sd.slice(0, check.sd.length));
    }
  });
});

describe("the interval factor weighed against the hold-out (calibrated)", () => {
  const voice = (errors: number[], sd: number[]): MemberPath => ({
    mean: [0],
    sd: [1],
    check: { errors, sd },
  });

  it("moves the factor toward what the hold-out errors show, by κ", () => {
    // r² = mean((2/1)²) = 4; v = 2: √((κ·f² + 2·4)/(κ + 2)).
    const v = [voice([2, -2], [1, 1])];
    expect(calibrated(1.3, v, null, 2)).toBeCloseTo(Math.sqrt((2 * 1.69 + 8) / 4), 12);
    expect(calibrated(1.3, v, null, 0)).toBeCloseTo(2, 12);
    expect(calibrated(1.3, v, null, 1e9)).toBeCloseTo(1.3, 6);
    // Errors smaller than stated: narrower.
    expect(calibrated(1.3, [voice([0.5, 0.5], [1, 1])], null, 2)).toBeLessThan(1.3);
  });

  it("combines the voices' errors and variances with their weights", () => {
    // Errors +1 and −1 weighted equally cancel: r² = 0.
    const a = voice([1, 1], [1, 1]);
    const b = voice([-1, -1], [1, 1]);
    expect(calibrated(1.5, [a, b], null, 4)).toBeCloseTo(Math.sqrt((4 * 2.25) / 6), 12);
    // Weighted 3:1: error 0.5, variance 1 → r² = 0.25.
    expect(calibrated(1.5, [a, b], [0.75, 0.25], 4)).toBeCloseTo(
      Math.sqrt((4 * 2.25 + 2 * 0.25) / 6),
      12
    );
    // Standard deviations 2 and 0 weighted equally: variance 2 per step.
    const c = voice([2, 2], [2, 2]);
    const d = voice([2, 2], [0, 0]);
    expect(calibrated(1, [c, d], null, 0)).toBeCloseTo(Math.sqrt(4 / 2), 12);
  });

  it("keeps the factor when the data cannot check it", () => {
    const ok = voice([1, 1], [1, 1]);
    expect(calibrated(1.3, [ok, { mean: [0], sd: [1] }], null, 2)).toBe(1.3); // not validated
    expect(calibrated(1.3, [ok, voice([1, 1, 1], [1, 1, 1])], null, 2)).toBe(1.3); // lengths differ
    expect(calibrated(1.3, [voice([1, 1], [0, 0])], null, 2)).toBe(1.3); // zero stated variance
    expect(calibrated(1.3, [], null, 2)).toBe(1.3);
  });

  it("widens an interval by the calibrated factor and leaves the forecast as it was", () => {
    const path: MemberPath = { mean: [10, 11], sd: [2, 3], check: { errors: [4, -4], sd: [1, 1] } };
    const base: Combination = { members: ["arima"], rule: "mean", widen: 1.3 };
    const plain = combinePaths({ arima: path }, base, 1, 0.95);
    const weighed = combinePaths({ arima: path }, { ...base, calibrate: 2 }, 1, 0.95);
    expect(weighed.mean).toEqual(plain.mean);
    const half = (f: { mean: number[]; upper?: number[] }): number =>
      (f.upper as number[])[0] - f.mean[0];
    // r² = 16: √((2·1.69 + 2·16)/4) / 1.3 wider.
    expect(half(weighed) / half(plain)).toBeCloseTo(Math.sqrt((2 * 1.69 + 32) / 4) / 1.3, 9);
  });
});
