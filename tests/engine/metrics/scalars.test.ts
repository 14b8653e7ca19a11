import { EngineError } from "../../../src/engine/errors";
import { clv } from "../../../src/engine/metrics/clv";
import { pipelineCoverage } from "../../../src/engine/metrics/pipelineCoverage";
import { salesVelocity } from "../../../src/engine/metrics/salesVelocity";

describe("salesVelocity", () => {
  it("is deals × rate × size ÷ days", () => expect(salesVelocity(40, 0.25, 12000, 60)).toBe(2000));
  it("checks the win rate before the cycle", () =>
    expect((salesVelocity(1, 2, 1, 0) as EngineError).kind).toBe("value"));
  it("is div0 for a cycle of 0", () =>
    expect((salesVelocity(1, 0.5, 1, 0) as EngineError).kind).toBe("div0"));
  it("is num rather than Infinity on overflow", () =>
    expect((salesVelocity(1e308, 1, 1e308, 1) as EngineError).kind).toBe("num"));
});

describe("pipelineCoverage", () => {
  it("is pipeline ÷ remaining quota", () => expect(pipelineCoverage(300, 150, 50)).toBe(3));
  it("is na when nothing remains", () =>
    expect(pipelineCoverage(300, 150, 150)).toEqual(new EngineError("na", "quota already met")));
  it("is div0 for a quota of 0", () =>
    expect((pipelineCoverage(300, 0, 0) as EngineError).kind).toBe("div0"));
});

describe("clv", () => {
  it("is revenue × margin ÷ churn", () => expect(clv(1000, 0.8, 0.05)).toBeCloseTo(16000));
  it("is div0 for no churn", () => expect((clv(1000, 0.8, 0) as EngineError).kind).toBe("div0"));
  it("is value for a margin above 1", () =>
    expect((clv(1000, 1.5, 0.1) as EngineError).kind).toBe("value"));
});
