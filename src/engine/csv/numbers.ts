/**
 * Amounts and percentages as exports write them. The number itself is read by
 * `parseNumericText` (currency marks and codes, thousands separators, `(300)`, `12%`, Arabic
 * digits); this module adds what only a whole column can tell: whether `,` is the decimal mark
 * (European exports: `1.234,56`), and whether a percent column holds fractions (0.25) or points
 * (25).
 */
import { parseNumericText } from "../cells";

/** The decimal mark of a column. */
export type DecimalMark = "." | ",";

// "1.234,56", "1 234,5", "12,5", "0,75": a comma followed by other than exactly three digits, or
// dots grouping thousands before a comma.
const COMMA_DECIMAL =
  /(?:^|[^\d.,])\d{1,3}(?:[. \u00a0]\d{3})*,\d{1,2}(?:\D|$)|\d,\d{4,}|\d\.\d{3},\d/;
// "1,234.56", "12.5", "0.75", "1.2345": a dot followed by other than exactly three digits, or
// commas grouping thousands before a dot.
const DOT_DECIMAL = /(?:^|[^\d.,])\d+\.(?:\d{1,2}|\d{4,})(?:\D|$)|\d,\d{3}\.\d/;

/**
 * Decides the decimal mark of a column: comma when some value can only be read with a decimal
 * comma and none only with a decimal dot; dot otherwise (also when the column contradicts
 * itself, and for "1,234", which English exports write for a thousand).
 *
 * @param values the column's texts
 * @returns "," or "."
 * @example
 * decimalMark(["1.234,56", "99"]); // ","
 * decimalMark(["1,234", "5"]); // "."
 */
export function decimalMark(values: readonly string[]): DecimalMark {
  let comma = false;
  for (const v of values) {
    if (v.length === 0) continue;
    if (DOT_DECIMAL.test(v)) return ".";
    if (!comma && COMMA_DECIMAL.test(v)) comma = true;
  }
  return comma ? "," : ".";
}

/**
 * Reads a number with the column's decimal mark.
 *
 * @param text the cell text
 * @param mark the column's decimal mark
 * @returns the number, or undefined when the text is not a number
 * @example
 * readAmount("€1.234,50", ","); // 1234.5
 * readAmount("$1,234.50", "."); // 1234.5
 */
export function readAmount(text: string, mark: DecimalMark): number | undefined {
  if (mark === ".") return parseNumericText(text);
  // Swap the roles: dots and spaces group thousands, the comma becomes the decimal point.
  const swapped = text.replace(/(\d)[.\u00a0\u202f ](?=\d{3}(?:\D|$))/g, "$1").replace(/,/g, ".");
  return parseNumericText(swapped);
}

/**
 * Decides whether a percent column holds points (25 meaning 25 %) rather than fractions
 * (0.25): points when any value written without a `%` sign is above 1 in absolute value.
 * Salesforce's "Probability (%)" holds points; most spreadsheets hold fractions.
 *
 * @param values the column's texts
 * @param mark the column's decimal mark
 * @returns true for points
 * @example
 * percentPoints(["10", "90", "100"], "."); // true
 * percentPoints(["0.1", "0.9", "1"], "."); // false
 */
export function percentPoints(values: readonly string[], mark: DecimalMark): boolean {
  for (const v of values) {
    if (v.length === 0 || v.includes("%")) continue;
    const n = readAmount(v, mark);
    if (n !== undefined && Math.abs(n) > 1) return true;
  }
  return false;
}
