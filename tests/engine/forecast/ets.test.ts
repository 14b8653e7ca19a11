import {
  EtsModel,
  etsForecast,
  etsForecastSd,
  etsName,
  fitEts,
} from "../../../src/engine/forecast/ets";
import { etsCandidates, fitEtsFamily } from "../../../src/engine/forecast/etsSelect";
import { synthetic } from "./helpers";

describe("ETS models", () => {
  it("names models in the book's notation", () => {
    expect(etsName({ error: "M", trend: "Ad", season: "M" })).toBe("ETS(M,Ad,M)");
  });

  it("offers multiplicative forms only for positive data and seasonal forms only with a season", () => {
    expect(etsCandidates(true, true)).toHaveLength(15);
    expect(etsCandidates(false, true)).toHaveLength(6);
    expect(etsCandidates(true, false)).toHaveLength(6);
    expect(etsCandidates(false, false)).toHaveLength(3);
    expect(etsCandidates(true, true)).not.toContainEqual({ error: "A", trend: "N", season: "M" });
  });

  it("Holt's linear model follows a noisy trend", () => {
    const y = synthetic(40, { level: 10, trend: 2, noise: 0.5 });
    const model = fitEts(y, { error: "A", trend: "A", season: "N" }, 1) as EtsModel;
    const f = etsForecast(model, 3);
    expect(f[0]).toBeCloseTo(10 + 2 * 40, 0);
    expect(f[2] - f[0]).toBeCloseTo(4, 0);
  });

  it("a damped trend flattens out", () => {
    const y = synthetic(40, { level: 10, trend: 2, noise: 0.5 });
    const model = fitEts(y, { error: "A", trend: "Ad", season: "N" }, 1) as EtsModel;
    const f = etsForecast(model, 30);
    expect(f[29] - f[28]).toBeLessThan(f[1] - f[0]);
    expect(model.phi).toBeGreaterThanOrEqual(0.8);
    expect(model.phi).toBeLessThanOrEqual(0.98);
  });

  it("keeps smoothing parameters in the usual region", () => {
    const y = synthetic(60, { trend: 0.3, pattern: [5, -5, 2, -2], noise: 2 });
    for (const model of fitEtsFamily(y, 4).models) {
      expect(model.alpha).toBeGreaterThan(0);
      expect(model.alpha).toBeLessThan(1);
      expect(model.beta).toBeLessThanOrEqual(model.alpha);
      expect(model.gamma).toBeLessThanOrEqual(1 - model.alpha);
    }
  });

  it("AICc prefers a seasonal model for seasonal data", () => {
    const y = synthetic(72, { trend: 0.2, pattern: [10, 4, -3, -8, -4, 1], noise: 1 });
    const { best } = fitEtsFamily(y, 6);
    expect(best?.spec.season).not.toBe("N");
  });

  it("refuses models that have more parameters than the data can carry", () => {
    expect(fitEts([1, 2, 3, 4], { error: "A", trend: "A", season: "N" }, 1)).toBeNull();
    expect(fitEts([1, 2, 3, 4, 5, 6], { error: "A", trend: "N", season: "A" }, 4)).toBeNull();
  });

  it("forecast standard deviations grow with the horizon", () => {
    const y = synthetic(48, { trend: 1, pattern: [3, -3, 1, -1], noise: 2 });
    const { best } = fitEtsFamily(y, 4);
    const sd = etsForecastSd(best as EtsModel, etsForecast(best as EtsModel, 8));
    for (let i = 1; i < sd.length; i++) expect(sd[i]).toBeGreaterThanOrEqual(sd[i - 1] * 0.8);
    expect(sd[7]).toBeGreaterThan(sd[0]);
  });
});
