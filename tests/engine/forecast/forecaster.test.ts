import { isError } from "../../../src/engine/errors";
import {
  COMBINATION,
  Combination,
  Forecast,
  ForecastModel,
  MAX_FIT_VALUES,
  MEMBERS,
  MemberName,
  combinePaths,
  distinctVoices,
  fit,
  forecast,
  isCycle,
  isFiniteForecast,
  memberPaths,
  originsFor,
  ruleFor,
  seasonLength,
  validateMembers,
} from "../../../src/engine/forecast";
import { EtsModel, etsForecast, fitEts } from "../../../src/engine/forecast/ets";
import { holdOutMse, refitTheta } from "../../../src/engine/forecast/validation";
import { seasonalStrength } from "../../../src/engine/forecast/unitRoot";
import { seeded, synthetic } from "./helpers";

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

  it("weights ETS, ARIMA and CES by their hold-out errors when there is a season (round 4)", () => {
    expect(COMBINATION.members).toEqual(["ets", "arima", "ces"]);
    expect(COMBINATION.rule).toBe("inverse");
    const y = synthetic(48, { trend: 0.5, pattern: [4, -4, 2, -2], noise: 1 });
    const model = fit(y, { horizon: 3 }) as ForecastModel;
    expect(model.seasonality).toBe(4);
    expect(model.ets && model.arima && model.ces).toBeTruthy();
    expect(model.theta).toBeNull(); // members outside the combination are not fitted
    // The ETS member's hold-out error, recomputed here: its form refitted on all but the last
    // v = min(max(3, 4, 6), 48/4) = 6 values (normalized scale), squared errors on those 6.
    const ets = model.ets as EtsModel;
    const yn = y.map((v) => v / model.scale);
    const refit = fitEts(yn.slice(0, 42), ets.spec, ets.m) as EtsModel;
    const path = etsForecast(refit, 6);
    const mse = path.reduce((a, v, i) => a + (yn[42 + i] - v) ** 2, 0) / 6;
    expect(model.validation.ets).toBeCloseTo(mse, 12);
    const e = [model.validation.ets, model.validation.arima, model.validation.ces] as number[];
    e.forEach((x) => expect(x).toBeGreaterThan(0));
    const w = e.map((x) => 1 / x);
    const total = w[0] + w[1] + w[2];
    const p = memberPaths(model, 3);
    const f = forecast(model, 3).mean;
    f.forEach((v, i) =>
      expect(v).toBeCloseTo(
        (model.scale *
          (w[0] * (p.ets?.mean[i] ?? 0) +
            w[1] * (p.arima?.mean[i] ?? 0) +
            w[2] * (p.ces?.mean[i] ?? 0))) /
          total,
        9
      )
    );
  });

  it("without a season, ARIMA, the damped and the AICc-best ETS and CES weighted by their hold-out errors", () => {
    expect(ruleFor(COMBINATION, 1).members).toEqual(["arima", "damped", "ets", "ces"]);
    expect(ruleFor(COMBINATION, 12)).toBe(COMBINATION);
    const y = synthetic(40, { trend: 0.8, noise: 1.5 });
    const model = fit(y, { seasonality: 0, horizon: 4 }) as ForecastModel;
    expect(model.seasonality).toBe(1);
    expect(model.arima?.spec.d).not.toBe(2);
    expect(model.arima && model.damped && model.ets && model.ces).toBeTruthy();
    // Theta is in no branch of the shipped rule: not fitted.
    expect(model.theta).toBeNull();
    const p = memberPaths(model, 4);
    // Four distinct voices here (the AICc-best ETS is not the damped one), each weighted 1/MSE.
    expect(p.ets?.mean).not.toEqual(p.damped?.mean);
    const keys = ["arima", "damped", "ets", "ces"] as const;
    const inv = keys.map((k) => 1 / (model.validation[k] as number));
    const w = inv.map((v) => v / inv.reduce((a, b) => a + b, 0));
    const f = forecast(model, 4, 0.95);
    f.mean.forEach((v, i) =>
      expect(v).toBeCloseTo(
        model.scale * keys.reduce((a, k, j) => a + w[j] * (p[k]?.mean[i] ?? NaN), 0),
        9
      )
    );
    // Interval (round 9): 1.96 × the factor × the root of the weighted mean of the voices'
    // variances; the factor 1.3·√(1 + 20/n) (n the 40 values fitted on) weighed, as 12 values,
    // against the v hold-out steps' squared combined errors over their stated variances.
    expect(model.n).toBe(40);
    const sd0 = Math.sqrt(keys.reduce((a, k, j) => a + w[j] * (p[k]?.sd[0] ?? NaN) ** 2, 0));
    const errors = model.holdOutErrors ?? {};
    const v = errors.arima?.length ?? 0;
    expect(v).toBe(6); // min(max(h 4, m 1, 6), ⌊40/4⌋)
    let r2 = 0;
    for (let j = 0; j < v; j++) {
      const e = keys.reduce((a, k, i) => a + w[i] * (errors[k] as readonly number[])[j], 0);
      const s2 = keys.reduce((a, k, i) => a + w[i] * (p[k]?.check?.sd[j] ?? NaN) ** 2, 0);
      r2 += (e * e) / s2 / v;
    }
    const f2 = 1.3 ** 2 * (1 + 20 / 40);
    const factor = Math.sqrt((12 * f2 + v * r2) / (12 + v));
    expect(factor).not.toBeCloseTo(Math.sqrt(f2), 2); // the hold-out moved it
    expect((f.upper as number[])[0] - f.mean[0]).toBeCloseTo(
      1.959964 * factor * sd0 * model.scale,
      4
    );
  });

  it("without a season, the AICc-best ETS identical to the damped one counts once", () => {
    const y = synthetic(40, { trend: 0.8, noise: 1.5 });
    const model = fit(y, { seasonality: 0, horizon: 4 }) as ForecastModel;
    // The same model listed as both ETS voices (as when the AICc-best ETS is damped).
    const same = {
      ...model,
      ets: model.damped,
      validation: { ...model.validation, ets: model.validation.damped },
    };
    const p = memberPaths(same, 4);
    // Three voices remain: ARIMA, the (one) damped ETS and CES, each weighted 1/MSE.
    const keys = ["arima", "damped", "ces"] as const;
    const inv = keys.map((k) => 1 / (model.validation[k] as number));
    const w = inv.map((x) => x / inv.reduce((a, b) => a + b, 0));
    forecast(same, 4).mean.forEach((v, i) =>
      expect(v).toBeCloseTo(
        model.scale * keys.reduce((a, k, j) => a + w[j] * (p[k]?.mean[i] ?? NaN), 0),
        9
      )
    );
  });

  it("falls back to equal weights when the history is too short to validate", () => {
    const y = [3, 5, 4, 6, 7];
    const model = fit(y, { horizon: 2 }) as ForecastModel;
    expect(model.validation).toEqual({});
    const p = memberPaths(model, 2);
    const f = forecast(model, 2).mean;
    const voices = ruleFor(COMBINATION, model.seasonality)
      .members.map((k) => p[k as MemberName])
      .filter((x) => x !== undefined) as { mean: number[] }[];
    f.forEach((v, i) =>
      expect(v).toBeCloseTo(
        (model.scale * voices.reduce((a, x) => a + x.mean[i], 0)) / voices.length,
        9
      )
    );
  });

  it("a season longer than a third of the history: no seasonal refit, equal weights, a forecast", () => {
    // 30 values with a given season of 12: the seasonal refit on 30 − 7 = 23 < 24 values fails.
    const y = synthetic(30, { trend: 0.3, pattern: [5, 1, -3, 0, 2, -4, 6, -1, 3, -2, 0, 1] });
    const model = fit(y, { seasonality: 12, horizon: 6 }) as ForecastModel;
    expect(model.seasonality).toBe(12);
    const f = forecast(model, 6, 0.95);
    expect(isFiniteForecast(f)).toBe(true);
    // Seasonal ETS and CES cannot be refitted on 23 values: the rule falls back to equal weights.
    expect(model.ets?.spec.season).not.toBe("N");
    expect(model.ces?.season).not.toBe("N");
    expect(model.validation.ets).toBeUndefined();
    expect(model.validation.ces).toBeUndefined();
    const p = memberPaths(model, 6);
    f.mean.forEach((v, i) =>
      expect(v).toBeCloseTo(
        (model.scale * ((p.ets?.mean[i] ?? 0) + (p.arima?.mean[i] ?? 0) + (p.ces?.mean[i] ?? 0))) /
          3,
        9
      )
    );
  });

  it("the weights do not depend on the unit (huge and tiny scales)", () => {
    const y = synthetic(60, { trend: 0.4, pattern: [3, -1, -4, 2], noise: 1.2 });
    const base = fit(y, { horizon: 4 }) as ForecastModel;
    for (const k of [1e12, 1e-12]) {
      const model = fit(
        y.map((v) => v * k),
        { horizon: 4 }
      ) as ForecastModel;
      for (const name of ["ets", "arima", "ces"] as const)
        expect((model.validation[name] as number) / (base.validation[name] as number)).toBeCloseTo(
          1,
          6
        );
      forecast(model, 4)
        .mean.map((v) => v / k)
        .forEach((v, i) => expect(v).toBeCloseTo(forecast(base, 4).mean[i], 6));
    }
  });

  it("a non-calendar season is a cycle only when the rule says so; a given season is kept", () => {
    // A 10-period cycle (no calendar has 10 periods), as yearly sunspot numbers show.
    const y = Array.from(
      { length: 200 },
      (_, t) => 50 + 20 * Math.sin((2 * Math.PI * t) / 10) + (t % 3)
    );
    const asSeason = fit(y, { calendarOnly: false }) as ForecastModel;
    expect(asSeason.detected).toBe(10);
    expect(asSeason.seasonality).toBe(10);
    // Without a strength limit, every non-calendar season is a cycle, however clean.
    const anyCycle: Combination = { ...COMBINATION, seasonStrength: undefined };
    const asCycle = fit(y, { rule: anyCycle, members: MEMBERS }) as ForecastModel;
    expect(asCycle.detected).toBe(10);
    expect(asCycle.seasonality).toBe(1);
    expect(asCycle.ets?.m).toBe(1);
    expect(asCycle.arima?.spec.m).toBe(1);
    const given = fit(y, { rule: anyCycle, seasonality: 10 }) as ForecastModel;
    expect(given.seasonality).toBe(10);
    // A calendar season (12) is a season under either setting.
    const monthly = synthetic(72, {
      pattern: [5, 1, -3, 0, 2, -4, 6, -1, 3, -2, 0, 1],
      noise: 0.5,
    });
    expect((fit(monthly, { calendarOnly: true }) as ForecastModel).seasonality).toBe(12);
  });

  it("the shipped rule keeps a strong season at a non-calendar lag and fits a weak one as a cycle", () => {
    expect(COMBINATION.calendarOnly).toBe(true);
    // A clean 10-period wave: as strong as a season gets (strength ≈ 1), so a season.
    const clean = Array.from(
      { length: 200 },
      (_, t) => 50 + 20 * Math.sin((2 * Math.PI * t) / 10) + (t % 3)
    );
    expect(seasonalStrength(clean, 10)).toBeGreaterThan(0.64);
    expect(isCycle(clean, 10, COMBINATION.seasonStrength)).toBe(false);
    expect((fit(clean) as ForecastModel).seasonality).toBe(10);
    // A sunspot-like cycle whose length drifts between 9 and 13 values, with noise: the detection
    // finds a lag of 10 or 11, too weak a season to repeat (strength well under 0.64).
    for (const seed of [1, 2, 3]) {
      const rand = seeded(seed);
      let phase = 0;
      const y = Array.from({ length: 200 }, (_, t) => {
        phase += (2 * Math.PI) / (11 + 2 * Math.sin(t / 30));
        return 60 + 40 * Math.sin(phase) + 20 * rand();
      });
      const model = fit(y) as ForecastModel;
      expect([10, 11]).toContain(model.detected);
      expect(seasonalStrength(y, model.detected)).toBeLessThan(0.64);
      expect(model.seasonality).toBe(1);
      expect(model.arima?.spec.m).toBe(1);
      // The same history with the rule of rounds 8–11 fitted the cycle as a season.
      const before = fit(y, { calendarOnly: false }) as ForecastModel;
      expect(before.seasonality).toBe(model.detected);
    }
    // Calendar lags are seasons whatever their strength; no season is no cycle.
    expect(isCycle(clean, 12, COMBINATION.seasonStrength)).toBe(false);
    expect(isCycle(clean, 1, COMBINATION.seasonStrength)).toBe(false);
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

  it("validates a fitted model's members at one or several origins (round 5)", () => {
    const y = synthetic(60, { trend: 0.4, pattern: [3, -1, -4, 2], noise: 1.2 });
    const plain = fit(y, { horizon: 4, members: MEMBERS, validate: false }) as ForecastModel;
    expect(plain.validation).toEqual({});
    const once = fit(y, { horizon: 4, members: MEMBERS, validate: true }) as ForecastModel;
    expect(validateMembers(plain, y, 4, 1)).toEqual(once.validation);
    const three = validateMembers(plain, y, 4, 3);
    expect(Object.keys(three).sort()).toEqual([...MEMBERS].sort());
    // Theta's pooled error, recomputed: v = 6, windows ending at 60, 57, 54 (normalized scale).
    const yn = y.map((v) => v / plain.scale);
    expect(three.theta).toBeCloseTo(
      holdOutMse(yn, 6, refitTheta(plain.seasonality), 3) as number,
      12
    );
    expect(three.theta).not.toBeCloseTo(once.validation.theta as number, 6);
    // Only the members asked are validated; the option reaches fit.
    expect(Object.keys(validateMembers(plain, y, 4, 3, ["arima"]))).toEqual(["arima"]);
    const viaFit = fit(y, { horizon: 4, members: MEMBERS, origins: 3, validate: true });
    expect((viaFit as ForecastModel).validation).toEqual(three);
    // Degenerate: an exact line and a history too short to hold anything out give none.
    const line = fit([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) as ForecastModel;
    expect(validateMembers(line, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 2, 3)).toEqual({});
    const short = fit([3, 5, 4, 6, 7], { validate: false }) as ForecastModel;
    expect(validateMembers(short, [3, 5, 4, 6, 7], 2, 3)).toEqual({});
  });

  it("fits the members of the rule it is given, with that rule's settings", () => {
    const y = synthetic(40, { trend: 0.8, noise: 1.5 });
    const rule = { members: MEMBERS, rule: "inverse" as const, widen: 1, origins: 3 };
    const model = fit(y, { seasonality: 0, horizon: 4, rule }) as ForecastModel;
    expect(model.theta && model.ces && model.arima && model.damped && model.ets).toBeTruthy();
    expect(Object.keys(model.validation).length).toBeGreaterThanOrEqual(4);
    expect(model.validation.theta).toBeCloseTo(
      validateMembers(model, y, 4, 3, ["theta"]).theta as number,
      12
    );
  });

  it("validates each branch with its own number of windows (round 6)", () => {
    const noSeason = { members: ["arima", "damped"] as MemberName[], rule: "inverse" as const };
    const rule = {
      members: ["ets", "arima"] as MemberName[],
      rule: "inverse" as const,
      widen: 1,
      noSeason: { ...noSeason, widen: 1, origins: 3 },
    };
    expect(originsFor(rule, 1)).toBe(3);
    expect(originsFor(rule, 12)).toBe(1);
    expect(originsFor({ ...rule, origins: 2 }, 4)).toBe(2);
    expect(originsFor({ ...rule, noSeason: { ...noSeason, widen: 1 }, origins: 2 }, 1)).toBe(2);
    expect(originsFor(COMBINATION, 1)).toBe(
      COMBINATION.noSeason?.origins ?? COMBINATION.origins ?? 1
    );
    // A history without a season is validated at three windows, a seasonal one at one.
    const flat = synthetic(40, { trend: 0.8, noise: 1.5 });
    const model = fit(flat, { seasonality: 0, horizon: 4, rule }) as ForecastModel;
    expect(model.seasonality).toBe(1);
    expect(model.validation).toEqual(validateMembers(model, flat, 4, 3, ["arima", "damped"]));
    expect(model.validation).not.toEqual(validateMembers(model, flat, 4, 1, ["arima", "damped"]));
    const seasonal = synthetic(60, { trend: 0.4, pattern: [3, -1, -4, 2], noise: 1.2 });
    const sm = fit(seasonal, { seasonality: 4, horizon: 4, rule }) as ForecastModel;
    expect(sm.seasonality).toBe(4);
    expect(sm.validation).toEqual(validateMembers(sm, seasonal, 4, 1, ["ets", "arima"]));
  });

  it("weighted by validation, identical voices count once", () => {
    const a = { mean: [1, 1], sd: [1, 1], mse: 1 };
    const b = { mean: [4, 4], sd: [2, 2], mse: 3 };
    expect(distinctVoices([a, { ...a }, b])).toEqual([a, b]);
    expect(distinctVoices([])).toEqual([]);
    const rule = {
      members: ["ets", "damped", "arima"] as MemberName[],
      rule: "inverse" as const,
      widen: 1,
    };
    // ETS and damped identical: weights 1/1 and 1/3 over two voices, not three.
    const f = combinePaths({ ets: a, damped: { ...a }, arima: b }, rule, 1, 0.95);
    expect(f.mean[0]).toBeCloseTo(0.75 * 1 + 0.25 * 4, 12);
    // Equal means (not inverse-weighted) keep every listed voice, as before.
    const m = combinePaths({ ets: a, damped: { ...a }, arima: b }, { ...rule, rule: "mean" }, 1);
    expect(m.mean[0]).toBeCloseTo(2, 12);
  });
});
