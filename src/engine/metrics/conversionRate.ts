/**
 * Conversion rate: the share of records (leads, trials, opportunities) that converted.
 */
import { Result, finite } from "../errors";
import { errors } from "../messages";

/**
 * Conversion by status labels: count(values ∈ converted) ÷ denominator, where the denominator is
 * the count of non-blank values, or, when `base` is given, the count of values ∈ base ∪
 * converted: a converted lead was a lead, so a converted status left out of `base` still counts
 * in it and the rate never exceeds 1 (it counted only above the line and could reach 2 or more).
 * A `base` listing every converted status gives the same rate as before.
 *
 * Complexity: O(n).
 *
 * @param values one normalized label per record, null for blanks (see readLabels)
 * @param converted the normalized labels that mean converted
 * @param base the normalized labels that make up the denominator, or null for "every non-blank"
 * @returns the rate as a fraction 0–1, or #DIV/0! when the denominator is empty
 * @example
 * conversionByLabels(["converted", "working", null], new Set(["converted"]), null); // 0.5
 * conversionByLabels(["converted", "lost", "lost"], new Set(["converted"]), new Set(["lost"])); // 1/3
 */
export function conversionByLabels(
  values: readonly (string | null)[],
  converted: ReadonlySet<string>,
  base: ReadonlySet<string> | null
): Result<number> {
  let hits = 0;
  let total = 0;
  for (const v of values) {
    if (v === null) continue;
    const hit = converted.has(v);
    if (hit) hits++;
    if (hit || base === null || base.has(v)) total++;
  }
  if (total === 0) return errors.divByZero(base ? "no values in base" : "no values");
  return finite(hits / total);
}

/**
 * Conversion by yes/no flags (Salesforce's "Converted" column): true flags ÷ non-blank flags.
 *
 * Complexity: O(n).
 *
 * @param flags one flag per record, null for blanks (see readFlags)
 * @returns the rate as a fraction, or #DIV/0! when every flag is blank
 * @example
 * conversionByFlags([true, false, false, null]); // 0.333…
 */
export function conversionByFlags(flags: readonly (boolean | null)[]): Result<number> {
  let yes = 0;
  let total = 0;
  for (const f of flags) {
    if (f === null) continue;
    total++;
    if (f) yes++;
  }
  if (total === 0) return errors.divByZero("no flags");
  return yes / total;
}
