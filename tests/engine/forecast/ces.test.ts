import {
  CesModel,
  autoCes,
  cesForecast,
  cesForecastSd,
  cesStable,
  fitCes,
} from "../../../src/engine/forecast/ces";
import { seeded, synthetic } from "./helpers";

// R's `smooth` package (which has CES) is not packaged for Debian and the machines have no CRAN
// access, so CES is checked against its defining equations and known special cases instead of
// R's fits (see docs/forecast.md).

const finite = (m: CesModel | null, h = 12): boolean =>
  m !== null &&
  cesForecast(m, h).every(Number.isFinite) &&
  cesForecastSd(m, h).every(Number.isFinite);

describe("complex exponential smoothing", () => {
  it("the stability region contains smooth's starting value and excludes explosive parameters", () => {
    expect(cesStable("N", [1.3, 1])).toBe(true);
    expect(cesStable("N", [3, 3])).toBe(false);
    expect(cesStable("P", [1.3, 1, 0.1])).toBe(true);
    expect(cesStable("F", [1.3, 1, 1.3, 1])).toBe(true);
    // An alternating explosion of the forecast (short series used to land here) is excluded.
    expect(cesStable("N", [2.26, 1.46])).toBe(false);
  });

  it("with a1 = 1 the level forecast is flat, as simple exponential smoothing's", () => {
    // Equations: with a1 = 1 the level ignores c, so the forecast repeats the last level.
    const model: CesModel = {
      season: "N",
      m: 1,
      params: [1.3, 1],
      state: { l: 5, c: 2, s1: [], s2: [] },
      n: 10,
      sigma2: 1,
      aicc: 0,
    };
    expect(cesForecast(model, 3)).toEqual([5, 5, 5]);
    // One-step error sd is σ; the response of the level to an error is a0 − a1 = 0.3 each step.
    const sd = cesForecastSd(model, 3);
    expect(sd[0]).toBeCloseTo(1, 12);
    expect(sd[1]).toBeCloseTo(Math.sqrt(1 + 0.3 * 0.3), 12);
  });

  it("follows a level with noise and a trend", () => {
    const level = synthetic(60, { level: 50, noise: 4 });
    const f = cesForecast(fitCes(level, "N", 1) as CesModel, 6);
    f.forEach((v) => expect(Math.abs(v - 50)).toBeLessThan(3));
    const trend = synthetic(60, { level: 10, trend: 1, noise: 2, seed: 5 });
    const g = cesForecast(fitCes(trend, "N", 1) as CesModel, 6);
    expect(g[5]).toBeGreaterThan(g[0]);
    expect(Math.abs(g[0] - 70)).toBeLessThan(6);
  });

  it("picks a seasonal variant for a seasonal series and repeats the pattern", () => {
    const pattern = [0, 5, 9, 4, -3, -8, -9, -4, 1, 3, 2, 0];
    const y = synthetic(96, { level: 100, pattern, noise: 1 });
    const model = autoCes(y, 12) as CesModel;
    expect(model.season).not.toBe("N");
    const f = cesForecast(model, 12);
    f.forEach((v, i) => expect(Math.abs(v - (100 + pattern[(96 + i) % 12]))).toBeLessThan(2.5));
  });

  it("degenerate cases: constant, three points, a season longer than a third, huge and tiny scales", () => {
    expect(
      cesForecast(autoCes([4, 4, 4, 4, 4, 4, 4, 4], 1) as CesModel, 3).map((v) => +v.toFixed(6))
    ).toEqual([4, 4, 4]);
    // Three points leave no degrees of freedom for CES: no model (the engine then uses the others).
    expect(autoCes([1, 2, 3], 1)).toBeNull();
    const short = synthetic(30, { pattern: [0, 5, 9, 4, -3, -8, -9, -4, 1, 3, 2, 0], noise: 2 });
    // Seasonal variants need two full seasons; 30 values with m = 12 have them, 20 do not.
    expect(finite(autoCes(short, 12))).toBe(true);
    expect((autoCes(short.slice(0, 20), 12) as CesModel).season).toBe("N");
    const rand = seeded(4);
    const y = Array.from({ length: 40 }, () => 1 + rand());
    const base = cesForecast(autoCes(y, 1) as CesModel, 4);
    for (const k of [1e12, 1e-12]) {
      const m = autoCes(
        y.map((v) => v * k),
        1
      );
      expect(finite(m)).toBe(true);
      cesForecast(m as CesModel, 4).forEach((v, i) =>
        expect(Math.abs(v / k - base[i])).toBeLessThan(1e-3 * Math.abs(base[i]))
      );
    }
    expect(finite(autoCes([0, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0], 1))).toBe(true);
  });
});
