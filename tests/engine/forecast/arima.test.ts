import * as fs from "fs";
import * as path from "path";
import {
  ArimaModel,
  arimaForecast,
  arimaForecastSd,
  arimaName,
  fitArima,
} from "../../../src/engine/forecast/arima";
import {
  difference,
  differencingCoefficients,
  expandAr,
  expandMa,
  isInvertible,
  isStationary,
  psiWeights,
} from "../../../src/engine/forecast/arimaPoly";
import { autoArima } from "../../../src/engine/forecast/autoArima";
import { kpssStatistic, ndiffs, nsdiffs } from "../../../src/engine/forecast/unitRoot";
import { seeded, synthetic } from "./helpers";

/** R 4.2.2, forecast 8.20: written by fixtures/arima.R. */
interface Reference {
  name: string;
  m: number;
  y: number[];
  auto: { order: number[]; constant: boolean; mean: number[]; lower: number[]; upper: number[] };
  fixed: {
    order: number[];
    seasonal: number[];
    constant: boolean;
    method: "CSS" | "CSS-ML";
    coef: number[];
    mean: number[];
    lower: number[];
    upper: number[];
  };
}
const references = JSON.parse(
  fs.readFileSync(path.join(__dirname, "fixtures", "arima_r.json"), "utf8")
) as Reference[];
const ref = (name: string): Reference => references.find((r) => r.name === name) as Reference;

const maxRelative = (a: readonly number[], b: readonly number[]): number =>
  Math.max(...a.map((v, i) => Math.abs(v - b[i]) / Math.max(1e-9, Math.abs(b[i]))));

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

describe("lag polynomials", () => {
  it("expands seasonal factors and differencing operators", () => {
    const ar = expandAr([0.5], [0.3], 4);
    expect(ar.map((v) => +v.toFixed(6))).toEqual([0.5, 0, 0, 0.3, -0.15]);
    expect(expandMa([0.5], [0.3], 4).map((v) => +v.toFixed(6))).toEqual([0.5, 0, 0, 0.3, 0.15]);
    expect(differencingCoefficients(2, 0, 1)).toEqual([2, -1]);
    expect(differencingCoefficients(1, 1, 4)).toEqual([1, 0, 0, 1, -1]);
    expect(difference([1, 4, 9, 16, 25], 2, 0, 1)).toEqual([2, 2, 2]);
  });

  it("checks stationarity and invertibility exactly, with R's 1.01 margin", () => {
    expect(isStationary([0.5])).toBe(true);
    expect(isStationary([1.2])).toBe(false);
    expect(isStationary([1.5, -0.56])).toBe(true); // roots 1/0.7 and 1/0.8
    expect(isStationary([1.5, -0.5])).toBe(false); // a unit root
    expect(isStationary([0.995], 1.01)).toBe(false);
    expect(isInvertible([-0.5])).toBe(true);
    expect(isInvertible([-1])).toBe(false);
  });

  it("ψ weights of a random walk and of an AR(1)", () => {
    expect(psiWeights([1], [], 4)).toEqual([1, 1, 1, 1]);
    expect(psiWeights([0.5], [], 3)).toEqual([1, 0.5, 0.25]);
  });
});

describe("unit-root tests", () => {
  const rand = seeded(11);
  const noise = Array.from({ length: 200 }, () => gaussian(rand));
  const walk: number[] = [];
  noise.reduce((s, e) => (walk.push(s + e), s + e), 0);
  const accelerating: number[] = [];
  walk.reduce((s, e) => (accelerating.push(s + e), s + e), 0);

  it("KPSS: white noise needs no difference, a random walk one, its cumulative sum two", () => {
    expect(kpssStatistic(noise)).toBeLessThan(0.463);
    expect(ndiffs(noise)).toBe(0);
    expect(ndiffs(walk)).toBe(1);
    expect(ndiffs(accelerating)).toBe(2);
  });

  it("a strong season is differenced seasonally, noise is not, nor a series shorter than 2m + 1", () => {
    const seasonal = synthetic(72, { pattern: [0, 5, 9, 4, -3, -8, -9, -4, 1, 3, 2, 0], noise: 1 });
    expect(nsdiffs(seasonal, 12)).toBe(1);
    expect(nsdiffs(noise, 12)).toBe(0);
    expect(nsdiffs(seasonal.slice(0, 24), 12)).toBe(0);
  });
});

describe("ARIMA estimation against R's arima() (forecast 8.20)", () => {
  // Tolerances: coefficients within 0.2% of R's (or 0.002), forecasts and 95% bounds within 0.1%.
  it.each(references.map((r) => r.name))("%s: fixed-order fit", (name) => {
    const r = ref(name);
    const [p, d, q] = r.fixed.order;
    const [P, D, Q] = r.fixed.seasonal;
    const model = fitArima(
      r.y,
      { p, d, q, P, D, Q, m: P + D + Q > 0 ? r.m : 1, constant: r.fixed.constant },
      { exact: r.fixed.method === "CSS-ML" }
    ) as ArimaModel;
    expect(model).not.toBeNull();
    const coef = [
      ...model.phi,
      ...model.theta,
      ...model.seasonalPhi,
      ...model.seasonalTheta,
      ...(r.fixed.constant ? [model.mean] : []),
    ];
    coef.forEach((c, i) =>
      expect(Math.abs(c - r.fixed.coef[i])).toBeLessThan(
        Math.max(0.002, 0.002 * Math.abs(r.fixed.coef[i]))
      )
    );
    const mean = arimaForecast(model, 8);
    expect(maxRelative(mean, r.fixed.mean)).toBeLessThan(1e-3);
    const sd = arimaForecastSd(model, 8);
    const upper = mean.map((v, i) => v + 1.959964 * sd[i]);
    expect(maxRelative(upper, r.fixed.upper)).toBeLessThan(1e-3);
  });
});

describe("automatic ARIMA against R's auto.arima() (forecast 8.20)", () => {
  const order = (m: ArimaModel): number[] => [
    m.spec.p,
    m.spec.d,
    m.spec.q,
    m.spec.P,
    m.spec.D,
    m.spec.Q,
  ];

  // Searches rank by exact likelihood, as R for n ≤ 150 (seasonal candidates at their CSS
  // estimates, the best three then maximized): the same model on 8 of these 10 series
  // (LakeHuron: R keeps a random walk, we an ARIMA(2,1,1) with a nearly equal AICc;
  // AirPassengers: R moves on from (1,1,0)(0,1,0) to (2,1,1)(0,1,0), whose likelihood at our CSS
  // start is too low to be taken).
  it.each([
    "lynx",
    "Nile",
    "WWWusage",
    "lh",
    "airmiles",
    "discoveries",
    "USAccDeaths",
    "JohnsonJohnson",
  ])("%s: R's orders and forecasts within 0.1%%", (name) => {
    const r = ref(name);
    const model = autoArima(r.y, r.m) as ArimaModel;
    expect(order(model)).toEqual(r.auto.order);
    expect(model.spec.constant).toBe(r.auto.constant);
    expect(maxRelative(arimaForecast(model, 8), r.auto.mean)).toBeLessThan(1e-3);
  });

  // Where the orders differ, the differencing matches R and the forecasts stay within 3% of R's.
  it.each(["USAccDeaths", "AirPassengers", "JohnsonJohnson", "LakeHuron"])(
    "%s: R's differencing, forecasts within 3%%",
    (name) => {
      const r = ref(name);
      const model = autoArima(r.y, r.m) as ArimaModel;
      expect(model.spec.d).toBe(r.auto.order[1]);
      expect(model.spec.D).toBe(r.auto.order[4]);
      expect(maxRelative(arimaForecast(model, 8), r.auto.mean)).toBeLessThan(0.03);
    }
  );

  it("names models as R prints them", () => {
    const spec = { p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, m: 12, constant: false };
    expect(arimaName(spec)).toBe("ARIMA(0,1,1)(0,1,1)[12]");
    expect(arimaName({ ...spec, P: 0, D: 0, Q: 0, m: 1, constant: true })).toBe(
      "ARIMA(0,1,1) with drift"
    );
  });
});

describe("ARIMA degenerate cases", () => {
  const finite = (m: ArimaModel | null, h = 6): boolean =>
    m !== null &&
    arimaForecast(m, h).every(Number.isFinite) &&
    arimaForecastSd(m, h).every(Number.isFinite);

  it("a constant series: the constant, with zero variance", () => {
    const m = autoArima([5, 5, 5, 5, 5, 5, 5, 5], 1) as ArimaModel;
    expect(arimaForecast(m, 3)).toEqual([5, 5, 5]);
    expect(arimaForecastSd(m, 3)).toEqual([0, 0, 0]);
  });

  it("an exact line: extended by the drift", () => {
    const m = autoArima([1, 3, 5, 7, 9, 11, 13, 15], 1) as ArimaModel;
    arimaForecast(m, 2).forEach((v, i) => expect(v).toBeCloseTo(17 + 2 * i, 8));
  });

  it("three points give a finite forecast; fewer give null", () => {
    expect(finite(autoArima([3, 1, 4], 1))).toBe(true);
    expect(autoArima([3, 1], 1)).toBeNull();
  });

  it("a season longer than a third of the history is not modelled", () => {
    const y = synthetic(30, { pattern: [0, 5, 9, 4, -3, -8, -9, -4, 1, 3, 2, 0], noise: 2 });
    const m = autoArima(y, 12) as ArimaModel;
    expect(m.spec.P + m.spec.Q).toBe(0);
    expect(finite(m)).toBe(true);
  });

  it("the unit does not matter: huge and tiny scales give the same forecasts, scaled", () => {
    const y = synthetic(60, { level: 50, trend: 0.5, noise: 6, seed: 3 });
    const base = arimaForecast(autoArima(y, 1) as ArimaModel, 6);
    for (const k of [1e12, 1e-12]) {
      const m = autoArima(
        y.map((v) => v * k),
        1
      ) as ArimaModel;
      expect(finite(m)).toBe(true);
      expect(
        maxRelative(
          arimaForecast(m, 6),
          base.map((v) => v * k)
        )
      ).toBeLessThan(1e-3);
    }
  });

  it("never returns NaN on awkward series (spikes, zeros, alternating signs)", () => {
    const series = [
      [0, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      [1, -1, 1, -1, 1, -1, 1, -1, 1, -1],
      Array.from({ length: 40 }, (_, t) => (t % 7 === 0 ? 1e6 : 1)),
    ];
    for (const y of series) expect(finite(autoArima(y, 1), 12)).toBe(true);
  });
});
