import {
  COMBINATION,
  Combination,
  ForecastModel,
  MemberName,
  carriesCycle,
  combinePaths,
  fit,
  holdOuts,
  memberPaths,
  revertsToMean,
  ruleFor,
  ruleForModel,
} from "../../../src/engine/forecast";
import { ArimaModel } from "../../../src/engine/forecast/arima";
import { seeded, synthetic } from "./helpers";

// Round 7's rule branches (docs/forecast.md): `cycle` for a detected non-calendar season fitted
// as none, `twice` for a model without a season whose ARIMA differences twice.
const arimaOnly: Combination = { members: ["arima"], rule: "inverse", widen: 1.5 };
const noSeason: Combination = { members: ["arima", "damped"], rule: "inverse", widen: 1.5 };
const rule: Combination = {
  members: ["ets", "arima", "ces"],
  rule: "inverse",
  widen: 1.5,
  noSeason,
  calendarOnly: true,
  cycle: arimaOnly,
  twice: arimaOnly,
};

const withD = (d: number): ArimaModel => ({ spec: { d } }) as unknown as ArimaModel;
const withOrder = (p: number, d: number): ArimaModel =>
  ({ spec: { p, d, q: 1, P: 0, D: 0, Q: 0, m: 1, constant: d === 0 } }) as unknown as ArimaModel;

/** A sine cycle of period 10 (not a calendar season) with a little noise. */
function cycle10(n: number): number[] {
  const rand = seeded(3);
  return Array.from(
    { length: n },
    (_, t) => 100 + 30 * Math.sin((2 * Math.PI * t) / 10) + 4 * (rand() - 0.5)
  );
}

/** A doubly integrated random walk: the slope itself wanders, so ARIMA differences twice. */
function accelerating(n: number): number[] {
  const rand = seeded(11);
  let slope = 1;
  let level = 100;
  return Array.from({ length: n }, () => {
    slope += rand() - 0.4;
    level += slope;
    return level;
  });
}

describe("round 7 rule branches", () => {
  it("ruleForModel: the season first, then a cycle, then a twice-differencing ARIMA", () => {
    const seasonal = { seasonality: 12, detected: 12, arima: withD(2) };
    expect(ruleForModel(rule, seasonal)).toBe(rule);
    expect(ruleForModel(rule, { seasonality: 1, detected: 10, arima: withD(2) })).toBe(arimaOnly);
    expect(ruleForModel(rule, { seasonality: 1, detected: 1, arima: withD(2) })).toBe(arimaOnly);
    expect(ruleForModel(rule, { seasonality: 1, detected: 1, arima: withD(1) })).toBe(noSeason);
    expect(ruleForModel(rule, { seasonality: 1, detected: 1, arima: null })).toBe(noSeason);
    // The shipped rule (round 8): a season first, then `twice`, else the no-season branch; it
    // has no cycle branch.
    expect(ruleForModel(COMBINATION, { seasonality: 4, detected: 4, arima: withD(2) })).toBe(
      COMBINATION
    );
    expect(ruleForModel(COMBINATION, { seasonality: 1, detected: 1, arima: withD(2) })).toBe(
      COMBINATION.twice
    );
    for (const arima of [withD(1), withD(0), null])
      expect(ruleForModel(COMBINATION, { seasonality: 1, detected: 1, arima })).toBe(
        ruleFor(COMBINATION, 1)
      );
  });

  it("the shipped rule: an accelerating trend is ARIMA and the AICc-best ETS, without the damped voice", () => {
    const y = accelerating(60);
    const model = fit(y, { seasonality: 0, horizon: 6 }) as ForecastModel;
    expect(model.arima?.spec.d).toBe(2);
    expect(COMBINATION.twice?.members).toEqual(["arima", "ets"]);
    const paths = memberPaths(model, 6);
    const [ea, ee] = [model.validation.arima, model.validation.ets] as number[];
    const wa = 1 / ea / (1 / ea + 1 / ee);
    const f = combinePaths(paths, ruleForModel(COMBINATION, model), model.scale, 0.95);
    f.mean.forEach((v, i) =>
      expect(v).toBeCloseTo(
        model.scale * (wa * (paths.arima?.mean[i] ?? NaN) + (1 - wa) * (paths.ets?.mean[i] ?? NaN)),
        9
      )
    );
    // The damped voice, fitted because d is known only after fitting, is left out: with it the
    // forecast would differ.
    expect(paths.damped?.mean).not.toEqual(paths.ets?.mean);
    const withDamped = combinePaths(paths, ruleFor(COMBINATION, 1), model.scale);
    expect(withDamped.mean).not.toEqual(f.mean);
  });

  it("a detected cycle fits ARIMA alone under a cycle branch, and the forecast is ARIMA's", () => {
    const y = cycle10(100);
    const model = fit(y, { horizon: 10, rule }) as ForecastModel;
    expect(model.detected).toBe(10);
    expect(model.seasonality).toBe(1);
    expect(model.arima).not.toBeNull();
    expect([model.ets, model.damped, model.ces, model.theta]).toEqual([null, null, null, null]);
    const paths = memberPaths(model, 10);
    const f = combinePaths(paths, ruleForModel(rule, model), model.scale, 0.95);
    f.mean.forEach((v, i) => expect(v).toBeCloseTo((paths.arima?.mean[i] ?? NaN) * model.scale, 9));
    // The ARIMA follows the cycle: its forecast swings over the next period, where a damped
    // trend would be nearly flat.
    const swing = Math.max(...f.mean) - Math.min(...f.mean);
    expect(swing).toBeGreaterThan(20);
    // Without the cycle branch, the damped ETS is fitted and mixed in.
    const plain = fit(y, { horizon: 10, rule: { ...rule, cycle: undefined } }) as ForecastModel;
    expect(plain.damped).not.toBeNull();
  });

  it("an ARIMA that differences twice takes over the no-season branch under `twice`", () => {
    const y = accelerating(60);
    const model = fit(y, { seasonality: 0, horizon: 6, rule }) as ForecastModel;
    expect(model.arima?.spec.d).toBe(2);
    // d is known only after fitting, so the no-season members are fitted too.
    expect(model.damped).not.toBeNull();
    expect(ruleForModel(rule, model)).toBe(arimaOnly);
    const paths = memberPaths(model, 6);
    const f = combinePaths(paths, ruleForModel(rule, model), model.scale);
    f.mean.forEach((v, i) => expect(v).toBeCloseTo((paths.arima?.mean[i] ?? NaN) * model.scale, 9));
    // A once-differenced series stays with the shipped branch.
    const linear = synthetic(60, { trend: 2, noise: 6 });
    const lm = fit(linear, { seasonality: 0, horizon: 6, rule }) as ForecastModel;
    expect(lm.arima?.spec.d).not.toBe(2);
    expect(ruleForModel(rule, lm)).toBe(noSeason);
  });

  it("a rule whose only members cannot be fitted falls back to the ETS family", () => {
    // CES needs more than 5 values: a CES-only rule on 5 values still forecasts.
    const only: Combination = { members: ["ces" as MemberName], rule: "mean", widen: 1 };
    const model = fit([3, 5, 4, 6, 7], { horizon: 2, rule: only }) as ForecastModel;
    expect(model.ces).toBeNull();
    expect(model.ets).not.toBeNull();
    const f = combinePaths(memberPaths(model, 2), only, model.scale);
    expect(f.mean).toHaveLength(2);
    f.mean.forEach((v) => expect(Number.isFinite(v)).toBe(true));
  });
});

describe("round 7 interval length term", () => {
  const path = { mean: [10, 11], sd: [2, 3] };
  const base: Combination = { members: ["arima"], rule: "mean", widen: 1.5 };
  it("widens by √(1 + c/n) when the rule has a length term and n is given", () => {
    const plain = combinePaths({ arima: path }, base, 1, 0.95);
    const short = combinePaths({ arima: path }, { ...base, lengthScale: 20 }, 1, 0.95, 20);
    const half = (f: { mean: number[]; upper?: number[] }, i: number): number =>
      (f.upper as number[])[i] - f.mean[i];
    expect(half(plain, 0)).toBeCloseTo(1.959964 * 1.5 * 2, 5);
    // n = 20, c = 20: √2 wider; the width never shrinks with the horizon.
    expect(half(short, 0)).toBeCloseTo(half(plain, 0) * Math.SQRT2, 9);
    expect(half(short, 1)).toBeCloseTo(half(plain, 1) * Math.SQRT2, 9);
    expect(short.mean).toEqual(plain.mean);
  });
  it("leaves the interval as it was without c, or without n", () => {
    const plain = combinePaths({ arima: path }, base, 1, 0.95);
    expect(combinePaths({ arima: path }, base, 1, 0.95, 12)).toEqual(plain);
    expect(combinePaths({ arima: path }, { ...base, lengthScale: 20 }, 1, 0.95)).toEqual(plain);
  });

  it("carriesCycle: a stationary AR part of order 2 or more, nothing else", () => {
    expect(carriesCycle(withOrder(2, 0))).toBe(true);
    expect(carriesCycle(withOrder(3, 0))).toBe(true);
    expect(carriesCycle(withOrder(1, 0))).toBe(false);
    expect(carriesCycle(withOrder(2, 1))).toBe(false);
    expect(carriesCycle(withOrder(0, 0))).toBe(false);
    expect(carriesCycle(null)).toBe(false);
  });

  it("cycleArima (round 14's challenger, not shipped): a cycle the ARIMA carries goes to ARIMA alone", () => {
    // fresh10 had no record it changed, so round 14 restored round 12's rule.
    expect(COMBINATION.cycleArima).toBeUndefined();
    expect(COMBINATION.cycle).toBeUndefined();
    const withArima: Combination = { ...COMBINATION, cycleArima: true };
    // A noisy cycle whose length drifts around 11 (sunspot-like): weak as a season, so a cycle.
    const rand = seeded(2);
    let phase = 0;
    const y = Array.from({ length: 200 }, (_, t) => {
      phase += (2 * Math.PI) / (11 + 2 * Math.sin(t / 30));
      return 60 + 40 * Math.sin(phase) + 20 * rand();
    });
    const model = fit(y, { horizon: 6, rule: withArima }) as ForecastModel;
    expect(model.seasonality).toBe(1);
    expect(model.detected).toBeGreaterThan(1);
    expect(carriesCycle(model.arima)).toBe(true);
    // The shipped rule combines the same fit by its no-season branch.
    expect(ruleForModel(COMBINATION, model)).toBe(ruleFor(COMBINATION, 1));
    const branch = ruleForModel(withArima, model);
    expect(branch.members).toEqual(["arima"]);
    // The no-season branch's interval settings are kept.
    expect(branch.widen).toBe(ruleFor(COMBINATION, 1).widen);
    expect(branch.calibrate).toBe(ruleFor(COMBINATION, 1).calibrate);
    const paths = memberPaths(model, 6);
    const f = combinePaths(paths, branch, model.scale, 0.95, model.n);
    f.mean.forEach((v, i) => expect(v).toBeCloseTo((paths.arima?.mean[i] ?? NaN) * model.scale, 9));
    // Without a detected cycle (no season at all) the same ARIMA does not take over.
    const none = { seasonality: 1, detected: 1, arima: model.arima };
    expect(ruleForModel(withArima, none).members).toEqual(ruleFor(COMBINATION, 1).members);
    // A cycle the ARIMA does not carry (it differences) stays with the no-season branch.
    const differenced = { seasonality: 1, detected: 10, arima: withOrder(2, 1) };
    expect(ruleForModel(withArima, differenced)).toBe(ruleFor(withArima, 1));
    // A cycle branch, when set, wins over cycleArima.
    expect(ruleForModel({ ...withArima, cycle: arimaOnly }, model)).toBe(arimaOnly);
  });

  it("cycleHoldOut: a cycle's hold-out covers its detected length (round 13's R1)", () => {
    const y = cycle10(100);
    const base: Combination = { ...COMBINATION, seasonStrength: undefined, cycleArima: false };
    const plain = fit(y, { horizon: 3, rule: base }) as ForecastModel;
    const covered = fit(y, { horizon: 3, rule: { ...base, cycleHoldOut: true } }) as ForecastModel;
    expect([plain.seasonality, plain.detected]).toEqual([1, 10]);
    // v = min(max(h, 6), n/4) = 6 without; min(max(h, 10, 6), 25) = 10 with.
    expect(plain.holdOutErrors?.arima).toHaveLength(6);
    expect(covered.holdOutErrors?.arima).toHaveLength(10);
    // The span is holdOuts' last argument; by default the season in use.
    const again = holdOuts(plain, y, 3, 1, ["arima"], 10);
    expect(again.holdOutErrors.arima).toEqual(covered.holdOutErrors?.arima);
  });

  it('revertsToMean: a stationary ARIMA (d = 0), with an AR or MA part for "arma"', () => {
    expect(revertsToMean(withOrder(1, 0), "arma")).toBe(true);
    expect(revertsToMean(withOrder(0, 0), "arma")).toBe(true); // q = 1: an MA part
    const whiteNoise = {
      spec: { p: 0, d: 0, q: 0, P: 0, D: 0, Q: 0, m: 1, constant: true },
    } as unknown as ArimaModel;
    expect(revertsToMean(whiteNoise, "arima")).toBe(true);
    expect(revertsToMean(whiteNoise, "arma")).toBe(false);
    expect(revertsToMean(withOrder(1, 1), "arima")).toBe(false);
    expect(revertsToMean(withOrder(2, 2), "arima")).toBe(false);
    expect(revertsToMean(null, "arima")).toBe(false);
  });

  it("stationary (round 17's S1/S2): without a season a mean-reverting ARIMA forecasts alone", () => {
    // An AR(1) around 100 that ends far above its mean: the ARIMA reverts, the ETS voices stay.
    const rand = seeded(5);
    const y: number[] = [100];
    for (let t = 1; t < 80; t++) y.push(100 + 0.7 * (y[t - 1] - 100) + 10 * (rand() - 0.5));
    y.push(y[79] + 15);
    const withS2: Combination = { ...COMBINATION, stationary: "arma" };
    const model = fit(y, { horizon: 6, rule: withS2 }) as ForecastModel;
    expect(model.seasonality).toBe(1);
    expect(model.arima?.spec.d).toBe(0);
    expect(revertsToMean(model.arima, "arma")).toBe(true);
    const branch = ruleForModel(withS2, model);
    expect(branch.members).toEqual(["arima"]);
    expect(branch.calibrate).toBe(ruleFor(COMBINATION, 1).calibrate);
    const paths = memberPaths(model, 6);
    const f = combinePaths(paths, branch, model.scale, 0.95, model.n);
    f.mean.forEach((v, i) => expect(v).toBeCloseTo((paths.arima?.mean[i] ?? NaN) * model.scale, 9));
    // The shipped rule keeps the no-season voices for the same fit.
    const shipped = ruleForModel(COMBINATION, model);
    expect(shipped.members).toEqual(ruleFor(COMBINATION, 1).members);
    // A season in use, or a differenced ARIMA, is not touched.
    const seasonal = { seasonality: 12, detected: 12, arima: model.arima };
    expect(ruleForModel(withS2, seasonal)).toBe(ruleFor(withS2, 12));
    const trending = { seasonality: 1, detected: 1, arima: withOrder(1, 1) };
    expect(ruleForModel(withS2, trending)).toBe(ruleFor(withS2, 1));
  });
});
