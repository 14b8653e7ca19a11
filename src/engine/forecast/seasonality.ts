import { normalQuantile } from "./normal";
import { seasonalStrength } from "./unitRoot";

/**
 * Seasonality: the autocorrelation function, the M4 competition's 90% seasonality test, and the
 * automatic detection of a season length when none is given.
 */

/**
 * Sample autocorrelations r_1…r_maxLag (the usual biased estimator, as R's `acf`).
 *
 * @param x the series
 * @param maxLag the largest lag
 * @returns `r` with `r[k - 1]` the autocorrelation at lag k; zeros for a constant series
 * @example
 * acf([1, 2, 1, 2, 1, 2], 2); // [-0.83…, 0.67…]
 */
export function acf(x: readonly number[], maxLag: number): number[] {
  const n = x.length;
  let mean = 0;
  for (const v of x) mean += v / n;
  let denom = 0;
  for (const v of x) denom += (v - mean) * (v - mean);
  const out = new Array<number>(Math.max(0, maxLag)).fill(0);
  if (!(denom > 0)) return out;
  for (let k = 1; k <= maxLag && k < n; k++) {
    let s = 0;
    for (let t = k; t < n; t++) s += (x[t] - mean) * (x[t - k] - mean);
    out[k - 1] = s / denom;
  }
  return out;
}

// One-sided 95% normal quantile: M4's two-sided 90% test.
const Z90 = 1.645;

/**
 * The M4 competition's seasonality test: the autocorrelation at lag m exceeds its 90% limit
 * under Bartlett's formula, 1.645·√((1 + 2·Σ_{k<m} r_k²) / n). Needs at least three seasons.
 *
 * @param x the series
 * @param m the season length to test
 * @returns whether the series is seasonal with period m
 * @example
 * isSeasonal(monthlySales, 12); // true for a clearly seasonal series
 */
export function isSeasonal(x: readonly number[], m: number): boolean {
  const n = x.length;
  if (m < 2 || n < 3 * m) return false;
  const r = acf(x, m);
  let sum = 1;
  for (let k = 1; k < m; k++) sum += 2 * r[k - 1] * r[k - 1];
  return Math.abs(r[m - 1]) > (Z90 * Math.sqrt(sum)) / Math.sqrt(n);
}

/** Removes the least-squares line, so a trend does not hide the seasonal peaks of the ACF. */
function detrend(x: readonly number[]): number[] {
  const n = x.length;
  const tm = (n - 1) / 2;
  let ym = 0;
  for (const v of x) ym += v / n;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t++) {
    sxy += (t - tm) * (x[t] - ym);
    sxx += (t - tm) * (t - tm);
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return x.map((v, t) => v - ym - slope * (t - tm));
}

/** Season lengths of calendar data: quarters, days of a week, months, hours, weeks of a year. */
export const COMMON_SEASONS: readonly number[] = [4, 7, 12, 24, 52];

/**
 * Every season a sales product's calendar data can have, in periods per calendar cycle: quarters
 * (4), business days (5) and days (7) of a week, months (12), 4-week periods (13), fortnights (26)
 * and weeks (52) of a year, hours of a day (24). A repeating pattern at any other lag is a cycle
 * (a business or solar cycle whose length wanders), not a season.
 */
export const CALENDAR_SEASONS: readonly number[] = [4, 5, 7, 12, 13, 24, 26, 52];

/**
 * Whether a season length is a calendar one ({@link CALENDAR_SEASONS}).
 *
 * @param m a season length
 * @returns true for 4, 5, 7, 12, 13, 24, 26 and 52
 * @example
 * isCalendarSeason(12); // true
 * isCalendarSeason(10); // false (e.g. the solar cycle of yearly sunspot numbers)
 */
export function isCalendarSeason(m: number): boolean {
  return CALENDAR_SEASONS.includes(m);
}

/**
 * How the season is looked for (round 10's protocol, docs/forecast.md): "linear", the ACF of the
 * linearly detrended series; "difference", the ACF of its first differences (a wandering trend or
 * a business cycle, which a line leaves in, is gone); "either", the linear search, and when it
 * finds nothing the differenced one; "eitherCalendar", the same with the differenced search
 * limited to the calendar lengths (4, 7, 12, 24, 52).
 */
export type Detection = "linear" | "difference" | "either" | "eitherCalendar";

/**
 * The detection the engine uses, chosen by round 10's protocol (docs/forecast.md): the linear
 * look, and when it finds nothing, the differenced one.
 */
export const DETECTION: Detection = "either";

/** First differences. */
function differences(x: readonly number[]): number[] {
  return x.slice(1).map((v, t) => v - x[t]);
}

/**
 * The season an ACF shows: among the lags 2 ≤ m ≤ maxLag where it has a positive local peak that
 * is significant, the one with the highest autocorrelation; 1 for none.
 */
function seasonInAcf(
  r: readonly number[],
  n: number,
  maxLag: number,
  calendarOnly: boolean
): number {
  const zOther = normalQuantile(1 - 0.05 / (maxLag - 1));
  let best = 1;
  let bestR = 0;
  let sum = 1;
  for (let m = 1; m <= maxLag; m++) {
    const rm = r[m - 1];
    if (m >= 2 && (!calendarOnly || COMMON_SEASONS.includes(m))) {
      const peak = rm > r[m - 2] && rm >= r[m];
      const z = COMMON_SEASONS.includes(m) ? Z90 : zOther;
      const limit = (z * Math.sqrt(sum)) / Math.sqrt(n);
      if (peak && rm > limit && rm > bestR) {
        best = m;
        bestR = rm;
      }
    }
    sum += 2 * rm * rm;
  }
  return best;
}

/**
 * Detects the season length from the autocorrelations of the linearly detrended series (and, by
 * the shipped {@link DETECTION}, of the first differences when that finds nothing): among
 * the lags 2 ≤ m ≤ n/3 (at most 366) where the ACF has a positive local peak that is significant,
 * the one with the highest autocorrelation. The usual calendar lengths (4, 7, 12, 24, 52) are
 * tested at M4's 90% level; any other lag must pass a Bonferroni-corrected level over all the
 * lags scanned, so that scanning many lags of a noisy series does not invent a season.
 * With fewer than three seasons the test cannot be made (hence n/3). Returns 1 when nothing passes.
 * Other ways to look (`method`, {@link Detection}) search the first differences' ACF the same way.
 *
 * @param x the series
 * @param method how to look (default {@link DETECTION})
 * @returns the season length, or 1 for none
 * @example
 * detectSeasonality([5, 1, 3, 5, 1, 3, 5, 1, 3, 5, 1, 3]); // 3
 */
export function detectSeasonality(x: readonly number[], method: Detection = DETECTION): number {
  const n = x.length;
  const maxLag = Math.min(366, Math.floor(n / 3));
  if (maxLag < 2) return 1;
  const linear = (): number => seasonInAcf(acf(detrend(x), maxLag + 1), n, maxLag, false);
  const differenced = (calendarOnly: boolean): number => {
    const d = differences(x);
    return seasonInAcf(acf(d, maxLag + 1), d.length, maxLag, calendarOnly);
  };
  if (method === "difference") return differenced(false);
  const found = linear();
  if (found > 1 || method === "linear") return found;
  return differenced(method === "eitherCalendar");
}

/**
 * Whether a detected season is a cycle to fit without a season (with `Combination.calendarOnly`):
 * its lag is no calendar's and it is not stronger than the rule's `seasonStrength`.
 *
 * @param y the (normalized) history
 * @param detected the detected season length (1 for none)
 * @param strength the rule's `seasonStrength` (undefined: any non-calendar season is a cycle)
 * @returns true when the season is to be fitted as none
 * @example
 * isCycle(yearlySunspots, 10, 0.64); // true: a cycle of about 11 years, strength ≈ 0.5
 */
export function isCycle(y: readonly number[], detected: number, strength?: number): boolean {
  if (detected <= 1 || isCalendarSeason(detected)) return false;
  return strength === undefined || seasonalStrength(y, detected) <= strength;
}
