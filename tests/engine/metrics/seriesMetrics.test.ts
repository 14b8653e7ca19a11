import { EngineError } from "../../../src/engine/errors";
import { growth } from "../../../src/engine/metrics/growth";
import { leadResponseTime } from "../../../src/engine/metrics/leadResponseTime";
import { periodTotals } from "../../../src/engine/metrics/periodTotals";
import { priceRealization } from "../../../src/engine/metrics/priceRealization";
import { st } from "./helpers";

describe("growth", () => {
  it("is (last − earlier) ÷ |earlier|", () => expect(growth([100, 0, 120, 150], 3)).toBe(0.5));
  it("is na with too few values", () =>
    expect(growth([1], 1)).toEqual(new EngineError("na", "needs at least 2 values, got 1")));
  it("is value for a fractional lag", () =>
    expect((growth([1, 2, 3], 0.5) as EngineError).kind).toBe("value"));
  it("does not overflow between huge values", () => expect(growth([1e308, -1e308], 1)).toBe(-2));
});

describe("leadResponseTime", () => {
  it("summarizes waits in the unit", () => {
    expect(leadResponseTime([0.5, 1, 2], [0.75, 1.5, null], "mean", "hours")).toBe(9);
    expect(leadResponseTime([1, 1, 1], [1.5, 2, 4], "median", "days")).toBe(1);
    expect(leadResponseTime([1, 1, 1], [1.5, 2, 4], "p90", "days")).toBe(3);
  });
  it("is div0 with no complete pair", () =>
    expect((leadResponseTime([null], [1], "median", "hours") as EngineError).kind).toBe("div0"));
});

describe("periodTotals", () => {
  it("fills gaps between the first and last period", () =>
    expect(periodTotals([46023, null, 46085], [1, 5, 2], "month", null, null)).toEqual([
      [46023, 1],
      [46054, 0],
      [46082, 2],
    ]));
  it("keeps only won rows with stages", () =>
    expect(periodTotals([46023, 46024], [1, 2], "year", null, st("WO"))).toEqual([[46023, 1]]));
  it("is na without dated rows", () =>
    expect(periodTotals([null], [1], "day", null, null)).toEqual(
      new EngineError("na", "no dated rows")
    ));
});

describe("priceRealization", () => {
  it("is Σ net × qty ÷ Σ list × qty", () =>
    expect(priceRealization([90, 40], [100, 50], [1, 2])).toBe(0.85));
  it("is div0 without list value", () =>
    expect((priceRealization([1], [0], null) as EngineError).kind).toBe("div0"));
  it("is num when sums overflow", () =>
    expect((priceRealization([1e308, 1e308], [1, 1], null) as EngineError).kind).toBe("num"));
});
