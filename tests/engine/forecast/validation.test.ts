import { autoArima } from "../../../src/engine/forecast/autoArima";
import { autoCes } from "../../../src/engine/forecast/ces";
import { EtsModel, fitEts } from "../../../src/engine/forecast/ets";
import {
  holdOutMse,
  refitArima,
  refitCes,
  refitEts,
  refitTheta,
  validationEnds,
  validationLength,
} from "../../../src/engine/forecast/validation";
import { synthetic } from "./helpers";

describe("hold-out validation", () => {
  it("holds out max(h, m, 6) values, at most a quarter of the history, at least 2", () => {
    expect(validationLength(120, 12, 12)).toBe(12);
    expect(validationLength(120, 6, 4)).toBe(6);
    expect(validationLength(120, 18, 4)).toBe(18);
    expect(validationLength(120, 1, 1)).toBe(6);
    expect(validationLength(20, 6, 1)).toBe(5);
    expect(validationLength(8, 6, 1)).toBe(2);
    expect(validationLength(7, 6, 1)).toBe(0);
    expect(validationLength(3, 1, 1)).toBe(0);
  });

  it("scores a refit on the values it did not see", () => {
    const lastValue = (train: readonly number[], v: number): number[] =>
      Array<number>(v).fill(train[train.length - 1]);
    // Train [1..6] → forecasts 6, 6 for 7, 8: errors 1 and 2.
    expect(holdOutMse([1, 2, 3, 4, 5, 6, 7, 8], 2, lastValue)).toBe(2.5);
    expect(holdOutMse([1, 2, 3], 3, lastValue)).toBeNull(); // nothing left to fit on
    expect(holdOutMse([1, 2, 3], 0, lastValue)).toBeNull();
    expect(holdOutMse([1, 2, 3, 4], 2, () => null)).toBeNull(); // the refit failed
    expect(holdOutMse([1, 2, 3, 4], 2, () => [NaN, 1])).toBeNull();
    expect(holdOutMse([1, 2, 3, 4], 2, () => [1])).toBeNull(); // wrong length
  });

  it("refits each member's chosen form: an exact line is forecast exactly", () => {
    const y = Array.from({ length: 40 }, (_, t) => 1 + 0.05 * t);
    const ets = fitEts(y, { error: "A", trend: "A", season: "N" }, 1) as EtsModel;
    expect(holdOutMse(y, 6, refitEts(ets))).toBeLessThan(1e-6);
    expect(holdOutMse(y, 6, refitTheta(1))).toBeLessThan(0.01);
    const arima = autoArima(y, 1);
    expect(arima).not.toBeNull();
    expect(holdOutMse(y, 6, refitArima(arima!))).toBeLessThan(1e-6);
  });

  it("keeps the seasonal form: a refit of seasonal ETS and CES forecasts the pattern", () => {
    const y = synthetic(60, { pattern: [3, -1, -4, 2], noise: 0.2 }).map((v) => v / 110);
    const ets = fitEts(y, { error: "A", trend: "N", season: "A" }, 4) as EtsModel;
    const ces = autoCes(y, 4);
    expect(ces?.season).not.toBe("N");
    // A flat forecast would err by the pattern (about 0.025 in these units): the refits do not.
    const flat = holdOutMse(y, 8, (train, v) => Array<number>(v).fill(train[train.length - 1]));
    expect(holdOutMse(y, 8, refitEts(ets))).toBeLessThan((flat as number) / 4);
    expect(holdOutMse(y, 8, refitCes(ces!))).toBeLessThan((flat as number) / 4);
  });

  it("gives null, not an error, when the form cannot be refitted on the shorter history", () => {
    // Seasonal forms need two seasons: 30 values minus 7 leave 23 < 24 for m = 12.
    const y = synthetic(30, { pattern: [5, 1, -3, 0, 2, -4, 6, -1, 3, -2, 0, 1] }).map(
      (v) => v / 110
    );
    const ets = fitEts(y, { error: "A", trend: "N", season: "A" }, 12) as EtsModel;
    expect(ets).not.toBeNull();
    expect(holdOutMse(y, 7, refitEts(ets))).toBeNull();
    const ces = autoCes(y, 12);
    expect(ces?.season).not.toBe("N");
    expect(holdOutMse(y, 7, refitCes(ces!))).toBeNull();
  });

  it("a constant history has zero error for every member", () => {
    const y = Array<number>(24).fill(0.5);
    const arima = autoArima(y, 1);
    expect(holdOutMse(y, 6, refitArima(arima!))).toBeCloseTo(0, 12);
    expect(holdOutMse(y, 6, refitTheta(1))).toBeCloseTo(0, 12);
  });

  it("multi-origin windows: half-overlapping, each keeping half the history to refit on", () => {
    expect(validationEnds(120, 12, 3)).toEqual([120, 114, 108]);
    expect(validationEnds(120, 12, 1)).toEqual([120]);
    expect(validationEnds(120, 7, 3)).toEqual([120, 116, 112]); // s = ⌈7/2⌉ = 4
    expect(validationEnds(20, 5, 3)).toEqual([20, 17]); // 14 − 5 = 9 < 10 values left
    expect(validationEnds(8, 2, 3)).toEqual([8, 7, 6]);
    expect(validationEnds(10, 0, 3)).toEqual([]);
    expect(validationEnds(4, 4, 3)).toEqual([]);
  });

  it("pools the squared errors of every window; a window whose refit fails is skipped", () => {
    const y = Array.from({ length: 12 }, (_, t) => (t + 1) ** 2);
    const lastValue = (train: readonly number[], v: number): number[] =>
      Array<number>(v).fill(train[train.length - 1]);
    // Windows of 2 ending at 12, 11, 10 (s = 1): the last value seen is the forecast.
    const windowSse = (end: number): number =>
      (y[end - 2] - y[end - 3]) ** 2 + (y[end - 1] - y[end - 3]) ** 2;
    expect(holdOutMse(y, 2, lastValue, 3)).toBeCloseTo(
      (windowSse(12) + windowSse(11) + windowSse(10)) / 6,
      12
    );
    expect(holdOutMse(y, 2, lastValue, 1)).toBeCloseTo(windowSse(12) / 2, 12);
    const failsOn9 = (train: readonly number[], v: number): number[] | null =>
      train.length === 9 ? null : lastValue(train, v);
    expect(holdOutMse(y, 2, failsOn9, 3)).toBeCloseTo((windowSse(12) + windowSse(10)) / 4, 12);
    expect(holdOutMse(y, 2, () => null, 3)).toBeNull();
    expect(holdOutMse(y, 2, (train, v) => [NaN, ...lastValue(train, v - 1)], 3)).toBeNull();
  });

  it("a member's pooled error over three origins, refitted with its form at each", () => {
    const y = synthetic(60, { trend: 0.4, noise: 1 }).map((v) => v / 100);
    const refit = refitTheta(1);
    // v = 6, s = 3: windows end at 60, 57, 54; each refit sees only the values before its window.
    let sse = 0;
    for (const end of [60, 57, 54]) {
      const path = refit(y.slice(0, end - 6), 6) as number[];
      path.forEach((f, i) => (sse += (y[end - 6 + i] - f) ** 2));
    }
    expect(holdOutMse(y, 6, refit, 3)).toBeCloseTo(sse / 18, 12);
  });
});
