/**
 * Numbers typed or pasted as text, read the way a person reads them. Part of the cell coercion
 * rules (cells.ts re-exports it; functions read cells through cells.ts only).
 *
 * Separators: `1,234.50` (comma thousands, dot decimal) is the default reading. A comma is read
 * as the decimal separator only where that reading is the only one possible: after dot or
 * space thousands groups (`1.234,50`, `1 234,5`), or followed by other than exactly three digits
 * (`12,5`, `0,75`). Two or more dot groups with no decimal part are thousands (`1.234.567`).
 * `1,234` and `1.234` stay ambiguous and keep the default reading (1234 and 1.234).
 */

import { numberEvidence, readAmount } from "./csv/numbers";

const ARABIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9\u066a-\u066c]/g;
/**
 * Arabic-Indic and Persian digits, separators and percent sign as ASCII, so that Arabic text
 * reads as its Western spelling does.
 *
 * @param text cell text
 * @returns the text with ASCII digits
 * @example
 * westernize("٢٠٢٦-٠٣-٣١"); // "2026-03-31"
 */
export function westernize(text: string): string {
  return text.replace(ARABIC_DIGITS, (ch) => {
    const code = ch.charCodeAt(0);
    if (code === 0x066a) return "%"; // Arabic percent sign
    if (code === 0x066b) return "."; // Arabic decimal separator
    if (code === 0x066c) return ","; // Arabic thousands separator
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/**
 * Characters that show nothing but make two texts differ: zero-width spaces and joiners, the
 * byte-order mark, soft hyphens, and the bidi marks and isolates that Arabic text copied from
 * web CRMs carries ("Won\u200b", "\u200f-500").
 */
export const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

// Currency marks and codes that CRM exports put around amounts, before or after, spaced or glued;
// the Arab currencies' abbreviations with or without their final dot (ج.م / ج.م.).
const MARK =
  "[$€£¥₹₩₪₺]|USD|EUR|GBP|SAR|AED|EGP|QAR|KWD|BHD|OMR|JOD|MAD|" +
  "(?:ر\\.س|د\\.إ|ج\\.م|د\\.ك|ر\\.ق|د\\.أ|د\\.م|ر\\.ع|د\\.ب)\\.?";
const CURRENCY = new RegExp(`^(?:${MARK})\\s*|\\s*(?:${MARK})$`, "gi");
const NUMERIC = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][-+]?\d+)?$/;
/**
 * Rewrites the spellings whose comma can only be a decimal mark (`1.234,50`, `1 234,5`, `12,5`,
 * `1.234.567`) into `1234.5` form, by the import's own reading of one value (csv/numbers.ts);
 * `1,234` and `1.234` are ambiguous and stay as they are (default reading).
 */
function decimalComma(t: string): string {
  if (numberEvidence(t) !== "comma") return t;
  const n = readAmount(t, ",");
  return n === undefined ? t : String(n);
}

/**
 * Parses numeric text the way a person reads it: `"1,200.50"`, `"1.200,50"`, `"$1,200"`,
 * `" 1200 "`, `"(300)"` and `"300-"` (accounting negatives), `"−300"` (minus sign), `"12%"`
 * (0.12), Arabic-Indic digits and `٪`; invisible marks (bidi, zero-width) are ignored.
 *
 * @param text the cell text
 * @returns the number, or `undefined` when the text is not a number
 * @example
 * parseNumericText("$1,200"); // 1200
 * parseNumericText("1.234,50"); // 1234.5
 * parseNumericText("abc"); // undefined
 */
export function parseNumericText(text: string): number | undefined {
  let t = westernize(text)
    .replace(INVISIBLE, "")
    .replace(/\u2212/g, "-") // the typographic minus sign
    .trim()
    .replace(/[\u00a0\u202f]/g, " ");
  if (/^[^-+(]*\d-$/.test(t)) t = `-${t.slice(0, -1)}`; // trailing minus (SAP exports: "500-")
  let sign = 1;
  if (t.startsWith("(") && t.endsWith(")")) {
    sign = -1;
    t = t.slice(1, -1).trim();
  }
  let scale = 1;
  if (t.endsWith("%")) {
    scale = 0.01;
    t = t.slice(0, -1).trim();
  }
  if (t.startsWith("-") || t.startsWith("+")) {
    const s = t[0];
    t = t.slice(1).replace(CURRENCY, "").trim();
    t = s + t;
  } else {
    t = t.replace(CURRENCY, "").trim();
  }
  t = decimalComma(t);
  t = t.replace(/ (?=\d{3}\b)/g, ","); // "1 200" with a space as thousands separator
  if (t === "" || t === "-" || t === "+" || t === "." || !NUMERIC.test(t) || !/\d/.test(t))
    return undefined;
  const n = Number(t.replace(/,/g, "")) * sign * scale;
  return Number.isFinite(n) ? n : undefined;
}
