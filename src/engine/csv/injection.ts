/**
 * Keeping imported text as text, per cell. `Range.values` reads a string as if typed into a
 * General cell: `=…`, `+…`, `-…` become formulas, `00123` becomes 123, `1/2` and `Mar 5` dates,
 * `12:30 PM` a time, `$100` a currency amount, `1e5` 100000, `TRUE` a boolean, `#N/A` an error.
 * Into a cell formatted Text (`@`) the same string is stored exactly, never evaluated. So the
 * import sets the number format `@` on each written text cell that Excel would otherwise read
 * (`needsTextFormat`), in the same request and before the values, whatever the cell's format was;
 * nothing else is prefixed, so no apostrophe ever shows (preview/excel/README.md records the
 * Excel facts).
 *
 * `isFormulaLike` also covers what OWASP lists for CSV injection (`=`, `+`, `-`, `@`, tab, CR,
 * LF at the start) and the variants other tools normalise into those: full-width `＝＋－＠`,
 * and any of them after leading spaces, no-break or ideographic spaces, or zero-width characters.
 */

/** Characters stripped before looking at the first one (spaces, zero-width, bidi marks). */
const INVISIBLE_LEAD = /^[\s\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]+/;
/** First characters that start a formula in Excel or other spreadsheets (OWASP). */
const FORMULA_FIRST = new Set([
  "=",
  "+",
  "-",
  "@",
  "\t",
  "\r",
  "\n",
  "\uff1d", // ＝
  "\uff0b", // ＋
  "\uff0d", // －
  "\uff20", // ＠
  "\u2212", // − minus sign
  "\ufe62", // ﹢ small plus
  "\ufe63", // ﹣ small hyphen-minus
  "\ufe66", // ﹦ small equals
  "\ufe6b", // ﹫ small commercial at
]);
/** Excel's error literals (typed, they become error values). */
const ERROR_LITERAL =
  /^#(?:N\/A|NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|BUSY!|CONNECT!|UNKNOWN!)$/i;
const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
/** Text Excel parses as a date or time when it starts with a month name ("Mar 5", "March 2024"). */
const MONTH_FIRST = new RegExp(`^${MONTH}[\\s,/.-]*\\d`, "i");
/** First characters of text Excel may read as a number, date, time, currency or percent. */
const NUMERIC_FIRST = /^[\d.,(\p{Sc}%'"]/u;

/**
 * Whether Excel would evaluate the text as a formula (or another spreadsheet would, after
 * normalising full-width or invisible characters).
 *
 * @param text a cell's text
 * @returns true for formula-like text
 * @example
 * isFormulaLike('=HYPERLINK("http://x","y")'); // true
 * isFormulaLike("\u200b=1+1"); // true
 * isFormulaLike("\uff1dSUM(A1)"); // true
 * isFormulaLike("Acme"); // false
 */
export function isFormulaLike(text: string): boolean {
  if (text.length === 0) return false;
  if (FORMULA_FIRST.has(text[0])) return true;
  const m = INVISIBLE_LEAD.exec(text);
  if (!m) return false;
  // Leading tab / CR / LF are themselves on the OWASP list.
  if (/[\t\r\n]/.test(m[0])) return true;
  const rest = text.slice(m[0].length);
  return rest.length > 0 && FORMULA_FIRST.has(rest[0]);
}

/**
 * Whether a text written into a General cell would not stay that exact text in Excel: formulas,
 * numbers (`00123`, `1e5`, `(5)`), dates and times (`1/2`, `Mar 5`, `12:30 PM`), currency
 * (`$100`), percents, booleans, error literals, and a leading apostrophe (Excel's quote prefix).
 * Generous on purpose: an extra Text format on a text cell costs nothing.
 *
 * @param text a cell's text
 * @returns true when the cell must be formatted as text before the value is written
 * @example
 * needsTextFormat("00123"); // true
 * needsTextFormat("Mar 5"); // true
 * needsTextFormat("TRUE"); // true
 * needsTextFormat("Acme Corp"); // false
 */
export function needsTextFormat(text: string): boolean {
  if (text.length === 0) return false;
  if (isFormulaLike(text)) return true;
  const t = text.trim();
  if (t.length === 0) return true; // spaces only: Excel may trim them
  if (NUMERIC_FIRST.test(t)) return true;
  if (t[0] === "#" && ERROR_LITERAL.test(t)) return true;
  const lower = t.toLowerCase();
  if (lower === "true" || lower === "false") return true;
  if (MONTH_FIRST.test(t)) return true;
  // Arabic-Indic digits parse as numbers in Arabic-locale Excel.
  return /^[\u0660-\u0669\u06f0-\u06f9]/.test(t);
}

/**
 * The text a value stands for when read back from a cell written by an older import (with an
 * apostrophe quote prefix) or typed by hand with one.
 *
 * @param value a cell value as written or read
 * @returns the text without the quote prefix
 * @example
 * unneutralise("'=1+1"); // "=1+1"
 */
export function unneutralise(value: string): string {
  return value.startsWith("'") ? value.slice(1) : value;
}
