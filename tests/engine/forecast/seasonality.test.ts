import {
  acf,
  detectSeasonality,
  isCalendarSeason,
  isSeasonal,
} from "../../../src/engine/forecast/seasonality";
import { seeded, synthetic } from "./helpers";

describe("acf", () => {
  it("is −1-ish at lag 1 and high at lag 2 for an alternating series", () => {
    const r = acf([1, 2, 1, 2, 1, 2, 1, 2], 2);
    expect(r[0]).toBeLessThan(-0.8);
    expect(r[1]).toBeGreaterThan(0.7);
  });

  it("is all zeros for a constant series", () => {
    expect(acf([5, 5, 5, 5], 2)).toEqual([0, 0]);
  });
});

describe("isSeasonal (M4's 90% test)", () => {
  it("finds a clear yearly pattern in monthly data", () => {
    const y = synthetic(60, { pattern: [5, 3, 0, -2, -4, -6, -4, -2, 0, 3, 5, 6], noise: 1 });
    expect(isSeasonal(y, 12)).toBe(true);
  });

  it("needs three full seasons", () => {
    const y = synthetic(35, { pattern: [5, 3, 0, -2, -4, -6, -4, -2, 0, 3, 5, 6] });
    expect(isSeasonal(y, 12)).toBe(false);
  });

  it("rejects white noise", () => {
    const rand = seeded(3);
    const y = Array.from({ length: 120 }, () => rand());
    expect(isSeasonal(y, 12)).toBe(false);
  });
});

describe("detectSeasonality", () => {
  it.each([4, 7, 12])("detects a season of %i under trend and noise", (m) => {
    const pattern = Array.from(
      { length: m },
      (_, i) => 10 * Math.sin((2 * Math.PI * i) / m) + (i === 0 ? 6 : 0)
    );
    const y = synthetic(8 * m, { trend: 0.5, pattern, noise: 2, seed: m });
    expect(detectSeasonality(y)).toBe(m);
  });

  it("finds no season in white noise or a pure trend", () => {
    const rand = seeded(11);
    expect(detectSeasonality(Array.from({ length: 100 }, () => rand()))).toBe(1);
    expect(detectSeasonality(synthetic(50, { trend: 2 }))).toBe(1);
  });

  it("gives 1 for series too short to show two seasons", () => {
    expect(detectSeasonality([1, 2, 3, 4, 5])).toBe(1);
    expect(detectSeasonality([1, 9])).toBe(1);
  });
});

describe("calendar seasons", () => {
  it("are the periods of calendar data a sales product sees; other lags are cycles", () => {
    for (const m of [4, 5, 7, 12, 13, 24, 26, 52]) expect(isCalendarSeason(m)).toBe(true);
    for (const m of [1, 2, 3, 6, 9, 10, 11, 36, 330]) expect(isCalendarSeason(m)).toBe(false);
  });
});
