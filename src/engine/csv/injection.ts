/**
 * CSV/formula injection (OWASP): a cell of an export such as `=HYPERLINK("http://evil","Click")`,
 * `+1 555 0100`, `-2+3` or `@SUM(A1)` must never become a formula. `Range.values` turns text
 * starting with `=`, `+` or `-` into a formula, and Excel evaluates `@` and leading tab/CR/LF
 * variants too, so such text is written with a leading apostrophe: Excel's quote prefix, which
 * stores the rest as text, shows it unchanged and reads it back without the apostrophe.
 *
 * Text that already starts with an apostrophe gets a second one, or Excel would eat the first.
 * Text that Excel would turn into a number or a date (`00123`, `1-2`, `3/4`) gets one too, so an
 * ID or a phone number keeps its leading zeros whatever the column's number format. Converted
 * numbers, dates and flags are written as numbers and booleans and need nothing.
 */

/** Characters that make Excel read a typed value as a formula, or that OWASP flags. */
const DANGEROUS_FIRST = new Set(["=", "+", "-", "@", "\t", "\r", "\n", "'"]);
/** Text Excel would coerce: digits with separators (number, date, time), 1e5, 12%, TRUE. */
const COERCIBLE = /^(?:[\d\s.,:/-]+%?|\d+(?:\.\d+)?e[+-]?\d+|true|false)$/i;

/**
 * Makes a text safe to write through `Range.values`.
 *
 * @param text the text as it should appear in the cell
 * @returns the text, with a leading apostrophe when Excel would otherwise evaluate or coerce it
 * @example
 * neutralise('=HYPERLINK("http://x","y")'); // "'=HYPERLINK(\"http://x\",\"y\")"
 * neutralise("+1 555 0100"); // "'+1 555 0100"
 * neutralise("Acme"); // "Acme"
 */
export function neutralise(text: string): string {
  if (text.length === 0) return text;
  if (DANGEROUS_FIRST.has(text[0]) || COERCIBLE.test(text)) return `'${text}`;
  return text;
}

/**
 * The text a neutralised value stands for (what Excel shows and reads back).
 *
 * @param value a cell value as written or read
 * @returns the text without the quote prefix
 * @example
 * unneutralise("'=1+1"); // "=1+1"
 */
export function unneutralise(value: string): string {
  return value.startsWith("'") ? value.slice(1) : value;
}
