import { EngineError, isError } from "../../../src/engine/errors";
import { avgDealSize } from "../../../src/engine/metrics/avgDealSize";
import { pipelineValue } from "../../../src/engine/metrics/pipelineValue";
import { quotaAttainment } from "../../../src/engine/metrics/quotaAttainment";
import { salesCycle } from "../../../src/engine/metrics/salesCycle";
import { staleDeals } from "../../../src/engine/metrics/staleDeals";
import { st } from "./helpers";

describe("avgDealSize", () => {
  it("averages won amounts, blanks as 0", () =>
    expect(avgDealSize([100, null, 50, 500], st("WWLO"))).toBe(50));
  it("is div0 without won deals", () =>
    expect((avgDealSize([1], st("L")) as EngineError).kind).toBe("div0"));
  it("rejects unequal lengths", () =>
    expect(avgDealSize([1, 2], st("W"))).toEqual(
      new EngineError("value", "ranges must be the same size")
    ));
});

describe("salesCycle", () => {
  it("averages over won deals with both dates", () =>
    expect(salesCycle([10, 10, null, 10], [20, 40, 50, 5], st("WWWL"))).toBe(20));
  it("names a close before creation", () =>
    expect(salesCycle([10, 10], [20, 5], st("WW"))).toEqual(
      new EngineError("value", "Deal #2: closed is before created")
    ));
  it("is div0 without dated won deals", () =>
    expect((salesCycle([null], [5], st("W")) as EngineError).kind).toBe("div0"));
});

describe("pipelineValue", () => {
  it("sums open amounts", () =>
    expect(pipelineValue([100, 200, null, 50], st("OWOO"), null, null)).toBe(150));
  it("filters by a window on close dates", () =>
    expect(pipelineValue([100, 200, 50], st("OOO"), [10, 20.5, null], { from: 15, to: 20 })).toBe(
      200
    ));
  it("needs close dates for a window", () =>
    expect(isError(pipelineValue([1], st("O"), null, { from: 1, to: null }))).toBe(true));
  it("is num when the sum overflows", () =>
    expect((pipelineValue([1e308, 1e308], st("OO"), null, null) as EngineError).kind).toBe("num"));
});

describe("quotaAttainment", () => {
  it("divides won amounts in the window by the quota", () =>
    expect(
      quotaAttainment([600, 400, 300], st("WWO"), [10, 40, 10], 1000, { from: 1, to: 31 })
    ).toBe(0.6));
  it("counts every won deal without a window", () =>
    expect(quotaAttainment([600, 400], st("WW"), [null, null], 1000, null)).toBe(1));
  it("is div0 for a quota of 0 and value for a negative one", () => {
    expect((quotaAttainment([1], st("W"), [1], 0, null) as EngineError).kind).toBe("div0");
    expect((quotaAttainment([1], st("W"), [1], -1, null) as EngineError).kind).toBe("value");
  });
});

describe("staleDeals", () => {
  it("counts open deals idle for more than the days, blanks included", () =>
    expect(staleDeals([1, 20, null, 6, 1], st("OOOOW"), 14, 20.9)).toBe(2));
  it("is value for negative days", () =>
    expect((staleDeals([], st(""), -1, 1) as EngineError).kind).toBe("value"));
});
