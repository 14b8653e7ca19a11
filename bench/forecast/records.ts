/**
 * The benchmark's data records (bench/forecast/data/*series.json, written by the export_*.R
 * scripts), shared by run.ts, arimaOrders.ts and shortHistories.ts.
 */

/** One series × origin: the values fitted on and the values held out. */
export interface SeriesRecord {
  name: string;
  set: string;
  /** 0: the last h values held out; 1: the h before them. */
  origin: number;
  /** The data's own frequency (12, 4, 1, 52), which R is told and FORECAST_SALES is not. */
  frequency: number;
  h: number;
  train: number[];
  test: number[];
}

/**
 * The key a record and its reference (r_reference.json) share.
 *
 * @param s a record or reference
 * @returns "name|set|origin"
 * @example
 * recordKey({ name: "lynx", set: "main", origin: 0 }); // "lynx|main|0"
 */
export const recordKey = (s: { name: string; set: string; origin: number }): string =>
  `${s.name}|${s.set}|${s.origin}`;
