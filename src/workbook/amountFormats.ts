/**
 * Amount cells in their own currency: a deal row whose Currency cell holds an ISO code gets its
 * Amount (and List Price) formatted in that currency when an import writes it, so EUR deals never
 * read as dollars. Pure; the import merges the result into the formats it writes with each block.
 */
import { numberFormatFor } from "../model/schema";

/** The money columns a deal row's currency applies to. */
const MONEY_COLUMNS = ["Amount", "List Price"];

/**
 * The block's number formats with each money cell set to its row's currency format.
 *
 * @param formats the block's formats (null: none; a null cell leaves that cell's format)
 * @param values the block's rows
 * @param headers the table's headers (the rows' column order)
 * @returns the merged formats, or `formats` unchanged when no row names a currency
 * @example
 * withCurrencyFormats(null, [["D1", 100, "EUR"]], ["Deal ID", "Amount", "Currency"]);
 * // [[null, '#,##0.00 "EUR"', null]]
 */
export function withCurrencyFormats(
  formats: readonly (readonly (string | null)[])[] | null | undefined,
  values: readonly (readonly unknown[])[],
  headers: readonly string[]
): (string | null)[][] | null {
  const currencyK = headers.findIndex((h) => h.trim().toLowerCase() === "currency");
  const money = MONEY_COLUMNS.map((m) =>
    headers.findIndex((h) => h.trim().toLowerCase() === m.toLowerCase())
  ).filter((k) => k !== -1);
  const base = formats ? formats.map((r) => [...r]) : null;
  if (currencyK === -1 || !money.length) return base;
  let out = base;
  values.forEach((row, i) => {
    const code = typeof row[currencyK] === "string" ? row[currencyK].trim().toUpperCase() : "";
    if (!/^[A-Z]{3}$/.test(code)) return;
    out ??= values.map((r) => r.map(() => null as string | null));
    for (const k of money) out[i][k] = numberFormatFor("currency", code);
  });
  return out;
}
