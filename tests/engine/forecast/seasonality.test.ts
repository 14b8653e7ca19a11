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

describe("detectSeasonality's other ways to look (round 10)", () => {
  // 15 years of months: a boom, a bust and a recovery (a trend no line follows), a yearly pattern
  // with a spring rise and a December spike, and noise.
  const rand = seeded(5);
  const pattern = [-8, -6, 0, 3, 5, 7, 6, 5, 2, -1, -4, 10];
  const boomBust = Array.from({ length: 180 }, (_, t) => {
    // Up 1.8 a month for 7.5 years, down 4.4 a month for 2.5, up 1.2 a month since.
    const trend = t < 90 ? 100 + 1.8 * t : t < 120 ? 262 - 4.4 * (t - 90) : 130 + 1.2 * (t - 120);
    return trend + pattern[t % 12] + 6 * (rand() - 0.5);
  });

  it("a line leaves a boom and bust in; first differences take it out and show the season", () => {
    expect(detectSeasonality(boomBust, "linear")).not.toBe(12);
    expect(detectSeasonality(boomBust, "difference")).toBe(12);
    expect(detectSeasonality(boomBust, "either")).toBe(12);
    expect(detectSeasonality(boomBust, "eitherCalendar")).toBe(12);
  });

  it("keeps what the linear look finds (either, eitherCalendar)", () => {
    const y = synthetic(96, { trend: 0.5, pattern, noise: 2, seed: 3 });
    expect(detectSeasonality(y, "linear")).toBe(12);
    expect(detectSeasonality(y, "either")).toBe(12);
    expect(detectSeasonality(y, "eitherCalendar")).toBe(12);
  });

  it("finds no season in white noise, a random walk or a pure trend, whichever way it looks", () => {
    const r = seeded(17);
    const noise = Array.from({ length: 120 }, () => r());
    let level = 100;
    const walk = Array.from({ length: 120 }, () => (level += r() - 0.5));
    for (const method of ["linear", "difference", "either", "eitherCalendar"] as const) {
      expect(detectSeasonality(noise, method)).toBe(1);
      expect(detectSeasonality(walk, method)).toBe(1);
      expect(detectSeasonality(synthetic(50, { trend: 2 }), method)).toBe(1);
      expect(detectSeasonality([1, 2, 3, 4, 5], method)).toBe(1);
    }
  });
});
