import { isError } from "../../../src/engine/errors";
import {
  COMBINATION,
  Forecast,
  ForecastModel,
  MAX_FIT_VALUES,
  MEMBERS,
  MemberName,
  combinePaths,
  fit,
  forecast,
  isFiniteForecast,
  memberPaths,
  ruleFor,
  seasonLength,
} from "../../../src/engine/forecast";
import { synthetic } from "./helpers";

function run(y: number[], h: number, level?: number, seasonality?: number): Forecast {
  const model = fit(y, { seasonality });
  if (isError(model)) throw new Error(model.message);
  return forecast(model, h, level);
}

describe("forecaster", () => {
  it("forecasts a constant series as that constant with a zero-width interval", () => {
    const f = run([7, 7, 7, 7, 7], 3, 0.95);
    expect(f).toEqual({ mean: [7, 7, 7], lower: [7, 7, 7], upper: [7, 7, 7] });
    expect(run([0, 0, 0], 1).mean).toEqual([0]);
  });

  it("extrapolates a pure linear trend", () => {
    expect(run([3, 5, 7, 9, 11, 13], 3).mean.map((v) => Math.round(v * 1e6) / 1e6)).toEqual([
      15, 17, 19,
    ]);
  });

  it("follows a noisy linear trend", () => {
    const f = run(synthetic(36, { level: 100, trend: 5, noise: 4 }), 6).mean;
    f.forEach((v, i) => expect(Math.abs(v - (100 + 5 * (36 + i)))).toBeLessThan(15));
  });

  it("detects a clean seasonal pattern and repeats it", () => {
    const pattern = [10, 30, 20, -5, -20, -35];
    const y = synthetic(48, { level: 200, pattern });
    const model = fit(y) as ForecastModel;
    expect(model.seasonality).toBe(6);
    const f = run(y, 12).mean;
    f.forEach((v, i) => expect(v).toBeCloseTo(200 + pattern[(48 + i) % 6], 0));
  });

  it("uses a given season length and 0 for none", () => {
    const y = synthetic(48, { pattern: [10, -10, 5, -5], noise: 1 });
    expect((fit(y, { seasonality: 0 }) as ForecastModel).seasonality).toBe(1);
    expect((fit(y, { seasonality: 4 }) as ForecastModel).seasonality).toBe(4);
  });

  it("falls back to a non-seasonal model when fewer than two seasons are given", () => {
    const y = synthetic(20, { pattern: [10, -10, 5, -5, 1, 2, 3, 4, 5, 6, 7, 8], noise: 1 });
    expect(seasonLength(y, 12)).toBe(1);
    const f = run(y, 4, 0.9, 12);
    expect(f.mean.every(Number.isFinite)).toBe(true);
  });

  it("forecasts from only three values", () => {
    const f = run([10, 12, 11], 5, 0.8);
    expect(f.mean.every(Number.isFinite)).toBe(true);
    expect((f.upper as number[]).every(Number.isFinite)).toBe(true);
  });

  it("gives intervals that contain the forecast and widen with the horizon", () => {
    const cases = [
      synthetic(60, { trend: 1, noise: 10, seed: 1 }),
      synthetic(60, { pattern: [15, 5, -5, -15], noise: 5, seed: 2 }),
      synthetic(30, { level: 5, noise: 3, seed: 3 }),
    ];
    for (const y of cases) {
      const { mean, lower, upper } = run(y, 10, 0.95);
      for (let i = 0; i < 10; i++) {
        expect((lower as number[])[i]).toBeLessThan(mean[i]);
        expect((upper as number[])[i]).toBeGreaterThan(mean[i]);
        if (i > 0) {
          const w = (upper as number[])[i] - (lower as number[])[i];
          const prev = (upper as number[])[i - 1] - (lower as number[])[i - 1];
          expect(w).toBeGreaterThanOrEqual(prev - 1e-9);
        }
      }
      const last = (upper as number[])[9] - (lower as number[])[9];
      expect(last).toBeGreaterThan((upper as number[])[0] - (lower as number[])[0]);
    }
  });

  it("widens the interval with the confidence level", () => {
    const y = synthetic(40, { trend: 1, noise: 8 });
    const a = run(y, 3, 0.8);
    const b = run(y, 3, 0.99);
    expect((b.upper as number[])[0] - (b.lower as number[])[0]).toBeGreaterThan(
      (a.upper as number[])[0] - (a.lower as number[])[0]
    );
  });

  it("is deterministic", () => {
    const y = synthetic(72, { trend: 0.4, pattern: [3, 1, -2, -4, 0, 2], noise: 3 });
    expect(run(y, 12, 0.9)).toEqual(run(y.slice(), 12, 0.9));
  });

  it("does not depend on the unit of the values", () => {
    const y = synthetic(48, { trend: 0.5, pattern: [4, -4, 2, -2], noise: 1 });
    const a = run(y, 4).mean;
    const b = run(
      y.map((v) => v * 1e9),
      4
    ).mean;
    a.forEach((v, i) => expect(b[i] / 1e9).toBeCloseTo(v, 4));
  });

  it("handles negative values and huge or tiny magnitudes", () => {
    for (const k of [-1, 1e-200, 1e200]) {
      const f = run(
        synthetic(40, { level: 0, trend: 1, noise: 5 }).map((v) => v * k),
        6,
        0.95
      );
      expect([...f.mean, ...(f.lower as number[])].every(Number.isFinite)).toBe(true);
    }
  });

  it("flags a forecast that overflows the float range instead of hiding it", () => {
    const model = fit([1e307, 5e307, 1e308, 1.5e308, 1.7e308]) as ForecastModel;
    const f = forecast(model, 240, 0.99);
    expect(isFiniteForecast(f)).toBe(false);
    expect(isFiniteForecast(run([1, 2, 4, 3], 2, 0.9))).toBe(true);
  });

  it("combines the protocol's members by their mean (ETS, ARIMA, CES) when there is a season", () => {
    expect(COMBINATION.members).toEqual(["ets", "arima", "ces"]);
    const y = synthetic(48, { trend: 0.5, pattern: [4, -4, 2, -2], noise: 1 });
    const model = fit(y) as ForecastModel;
    expect(model.seasonality).toBe(4);
    expect(model.ets && model.arima && model.ces).toBeTruthy();
    expect(model.theta).toBeNull(); // members outside the combination are not fitted
    const p = memberPaths(model, 3);
    const f = forecast(model, 3).mean;
    f.forEach((v, i) =>
      expect(v).toBeCloseTo(
        (model.scale * ((p.ets?.mean[i] ?? 0) + (p.arima?.mean[i] ?? 0) + (p.ces?.mean[i] ?? 0))) /
          3,
        9
      )
    );
  });

  it("without a season, the mean of ARIMA and the damped ETS (round-3 protocol)", () => {
    expect(ruleFor(COMBINATION, 1).members).toEqual(["arima", "damped"]);
    expect(ruleFor(COMBINATION, 12)).toBe(COMBINATION);
    const y = synthetic(40, { trend: 0.8, noise: 1.5 });
    const model = fit(y, { seasonality: 0 }) as ForecastModel;
    expect(model.seasonality).toBe(1);
    expect(model.arima && model.damped).toBeTruthy();
    expect(model.ces).toBeNull();
    const p = memberPaths(model, 4);
    const f = forecast(model, 4, 0.95);
    f.mean.forEach((v, i) =>
      expect(v).toBeCloseTo(
        (model.scale * ((p.arima?.mean[i] ?? 0) + (p.damped?.mean[i] ?? 0))) / 2,
        9
      )
    );
    // Interval: 1.96 × 1.4 × the RMS of the two voices' standard deviations (non-shrinking).
    const sd0 = Math.sqrt(((p.arima?.sd[0] ?? 0) ** 2 + (p.damped?.sd[0] ?? 0) ** 2) / 2);
    expect((f.upper as number[])[0] - f.mean[0]).toBeCloseTo(1.959964 * 1.4 * sd0 * model.scale, 4);
  });

  it("spread: the voices' disagreement widens the interval (law of total variance)", () => {
    const paths = {
      ets: { mean: [1, 1], sd: [0.3, 0.3] },
      arima: { mean: [3, 3], sd: [0.4, 0.4] },
    };
    const rule = { members: ["ets", "arima"] as MemberName[], rule: "mean" as const, widen: 1 };
    const z = 1.959964;
    const plain = combinePaths(paths, rule, 1, 0.95);
    const spread = combinePaths(paths, { ...rule, spread: true }, 1, 0.95);
    expect(plain.mean).toEqual([2, 2]);
    // RMS sd = √((0.09 + 0.16) / 2); plus the spread ((1−2)² + (3−2)²) / 2 = 1.
    expect((plain.upper as number[])[0] - 2).toBeCloseTo(z * Math.sqrt(0.125), 5);
    expect((spread.upper as number[])[0] - 2).toBeCloseTo(z * Math.sqrt(0.125 + 1), 5);
  });

  it("other combination rules: median, inverse-variance weights, nested voices", () => {
    const paths = {
      ets: { mean: [1, 1], sd: [1, 1] },
      arima: { mean: [2, 2], sd: [1, 1] },
      ces: { mean: [9, 9], sd: [2, 2] },
    };
    expect(
      combinePaths(paths, { members: ["ets", "arima", "ces"], rule: "median", widen: 1 }, 1).mean
    ).toEqual([2, 2]);
    // Weights 1, 1, 1/4: (1 + 2 + 9/4) / 2.25.
    const w = combinePaths(
      paths,
      { members: ["ets", "arima", "ces"], rule: "weighted", widen: 1 },
      1
    );
    expect(w.mean[0]).toBeCloseTo((1 + 2 + 9 / 4) / 2.25, 12);
    const inner = { members: ["ets", "arima"] as const, rule: "mean" as const, widen: 1 };
    const nested = combinePaths(paths, { members: [inner, "ces"], rule: "mean", widen: 1 }, 1);
    expect(nested.mean).toEqual([(1.5 + 9) / 2, (1.5 + 9) / 2]);
    // A missing member is left out; with none of the rule's members, all available are used.
    expect(
      combinePaths({ ets: paths.ets }, { members: ["theta"], rule: "mean", widen: 1 }, 1).mean
    ).toEqual([1, 1]);
  });

  it("fits long histories on their most recent values only", () => {
    const old = Array.from({ length: 4000 }, () => 1e6);
    const recent = synthetic(MAX_FIT_VALUES, { level: 10, noise: 1, seed: 9 });
    const model = fit([...old, ...recent], { members: MEMBERS }) as ForecastModel;
    expect(model.n).toBe(MAX_FIT_VALUES);
    const f = forecast(model, 3, 0.95);
    f.mean.forEach((v) => expect(Math.abs(v - 10)).toBeLessThan(1));
    expect(isFiniteForecast(f)).toBe(true);
  });

  it("refuses fewer than three values", () => {
    const r = fit([1, 2]);
    expect(isError(r) && r.kind).toBe("value");
  });
});
