/**
 * The currency of a deal as exports write it: an ISO code in a Currency column (`EUR`), a
 * currency's name (Dynamics 365 writes `US Dollar`, `Euro`), Salesforce's `USD - U.S. Dollar`,
 * or only in the amount cell (`EUR 1,200.00`, `1.234,56 €`, `١٢٬٥٠٠ ر.س`). The Reporting Amount
 * formula and the Rates table match ISO codes, so every one of these becomes its code; a symbol
 * that several currencies share (`$`, `¥`, `kr`) says nothing and leaves the currency as the
 * file's Currency column has it (blank = the reporting currency).
 *
 * An amount cell that names one currency beside a Currency cell that names another is a problem
 * of that row (`currencyMismatch`), never a silent choice between the two.
 */
import { DEALS } from "../../model/schema";
import type { ParsedCsv } from "./parse";
import type { Mapping } from "./mapping";
import type { Records, RecordValue } from "./records";
import type { RowProblem } from "./types";

/** Symbols and local abbreviations that belong to one currency only. */
const SYMBOLS: Readonly<Record<string, string>> = {
  "€": "EUR",
  "£": "GBP",
  "₹": "INR",
  "₩": "KRW",
  "₺": "TRY",
  "₪": "ILS",
  "₽": "RUB",
  "₫": "VND",
  "฿": "THB",
  "₱": "PHP",
  "₦": "NGN",
  "₴": "UAH",
  zł: "PLN",
  kč: "CZK",
  ft: "HUF",
  lei: "RON",
  r$: "BRL",
  us$: "USD",
  c$: "CAD",
  a$: "AUD",
  nz$: "NZD",
  hk$: "HKD",
  s$: "SGD",
  "ر.س": "SAR",
  "ر.س.": "SAR",
  "د.إ": "AED",
  "د.إ.": "AED",
  "ج.م": "EGP",
  "ج.م.": "EGP",
  "د.ك": "KWD",
  "د.ك.": "KWD",
  "ر.ق": "QAR",
  "ر.ق.": "QAR",
  "د.ب": "BHD",
  "د.ب.": "BHD",
  "ر.ع": "OMR",
  "ر.ع.": "OMR",
  "د.أ": "JOD",
  "د.أ.": "JOD",
  "د.م": "MAD",
  "د.م.": "MAD",
};

/** Currency names as CRMs spell them (lower case, single spaces). */
const NAMES: Readonly<Record<string, string>> = {
  "us dollar": "USD",
  "u.s. dollar": "USD",
  "united states dollar": "USD",
  dollar: "USD",
  euro: "EUR",
  "pound sterling": "GBP",
  "british pound": "GBP",
  "british pound sterling": "GBP",
  "canadian dollar": "CAD",
  "australian dollar": "AUD",
  "new zealand dollar": "NZD",
  "swiss franc": "CHF",
  "japanese yen": "JPY",
  "chinese yuan": "CNY",
  "yuan renminbi": "CNY",
  "indian rupee": "INR",
  "saudi riyal": "SAR",
  "uae dirham": "AED",
  "emirati dirham": "AED",
  "egyptian pound": "EGP",
  "kuwaiti dinar": "KWD",
  "qatari riyal": "QAR",
  "bahraini dinar": "BHD",
  "omani rial": "OMR",
  "jordanian dinar": "JOD",
  "moroccan dirham": "MAD",
  "swedish krona": "SEK",
  "norwegian krone": "NOK",
  "danish krone": "DKK",
  "mexican peso": "MXN",
  "brazilian real": "BRL",
  "singapore dollar": "SGD",
  "hong kong dollar": "HKD",
  "south african rand": "ZAR",
  "دولار أمريكي": "USD",
  يورو: "EUR",
  "ريال سعودي": "SAR",
  "درهم إماراتي": "AED",
  "جنيه مصري": "EGP",
  "دينار كويتي": "KWD",
  "ريال قطري": "QAR",
  "دينار بحريني": "BHD",
  "ريال عماني": "OMR",
  "ريال عُماني": "OMR",
  "دينار أردني": "JOD",
  "دينار اردني": "JOD",
  "درهم مغربي": "MAD",
};

const BIDI = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;
const ISO = /^[A-Za-z]{3}$/;

/**
 * The ISO code a Currency cell means.
 *
 * @param text the cell's text
 * @returns the code in capitals, or null for a blank or unknown text
 * @example
 * currencyCode("US Dollar"); // "USD"
 * currencyCode("EUR - Euro"); // "EUR"
 * currencyCode("€"); // "EUR"
 */
export function currencyCode(text: string): string | null {
  const t = text.replace(BIDI, "").replace(/\s+/g, " ").trim();
  if (t === "") return null;
  if (ISO.test(t)) return t.toUpperCase();
  // "USD - U.S. Dollar" (Salesforce), "EUR (Euro)".
  const lead = /^([A-Za-z]{3})\s*[-–(:]/.exec(t);
  if (lead) return lead[1].toUpperCase();
  const lower = t.toLowerCase();
  return NAMES[lower] ?? SYMBOLS[lower] ?? null;
}

/** Symbols several currencies share: they name no currency. */
const SHARED = /^(?:\$|¥|kr\.?|Fr\.?)$/i;

/**
 * The shared currency symbol an amount cell is written with (`$1,200`, `¥5000`), if any.
 *
 * @param text the amount cell's text
 * @returns the symbol, or null
 * @example
 * sharedSymbol("$1,200.00"); // "$"
 * sharedSymbol("EUR 5"); // null
 */
export function sharedSymbol(text: string): string | null {
  const t = text
    .replace(BIDI, " ")
    .replace(/[()\-+−]/g, " ")
    .trim();
  const around = t
    .split(/\d[\d.,'\s\u00a0\u202f]*/)
    .map((w) => w.trim())
    .filter((w) => w !== "" && w !== "%");
  return around.length === 1 && SHARED.test(around[0]) ? around[0] : null;
}

/**
 * The currency an amount cell names: an ISO code or a symbol of one currency only, before or
 * after the number.
 *
 * @param text the amount cell's text
 * @returns the code, or null when the cell names none (or only a shared symbol such as `$`)
 * @example
 * amountCurrency("EUR 1,200.00"); // "EUR"
 * amountCurrency("1.234,56 €"); // "EUR"
 * amountCurrency("$1,200"); // null
 */
export function amountCurrency(text: string): string | null {
  const t = text
    .replace(BIDI, " ")
    .replace(/[()\-+−]/g, " ")
    .trim();
  if (t === "" || !/[\d\u0660-\u0669\u06f0-\u06f9]/.test(t)) return null;
  // The words around the digits: "EUR 1,200", "1.234,56 €", "R$12", "12,50zł".
  const around = t
    .split(
      /[\d\u0660-\u0669\u06f0-\u06f9][\d\u0660-\u0669\u06f0-\u06f9.,'\u066b\u066c\s\u00a0\u202f]*/
    )
    .map((w) => w.trim())
    .filter((w) => w !== "" && w !== "%");
  if (around.length !== 1) return null;
  const w = around[0];
  if (/^[A-Z]{3}$/.test(w)) return w;
  return SYMBOLS[w.toLowerCase()] ?? null;
}

/** Where the Currency column goes among the record's columns (table order). */
function insertAt(columns: readonly string[]): number {
  const order = DEALS.columns.map((c) => c.name);
  const at = order.indexOf("Currency");
  const i = columns.findIndex((c) => order.indexOf(c) > at);
  return i === -1 ? columns.length : i;
}

/**
 * Puts every deal's currency into Currency as its ISO code: names and symbols of the Currency
 * column become codes, and the currency written in an amount cell fills a blank Currency (the
 * column is added when the file has none). A row whose amount names another currency than its
 * Currency cell is rejected with `currencyMismatch`.
 *
 * @param csv the parsed file
 * @param mapping one of our columns (or null) per header
 * @param records the converted rows (Deals)
 * @returns the rows with currencies as codes (the same object when nothing changes)
 * @example
 * // Deal ID,Amount \n D1,EUR 1200  →  columns [..., "Amount", "Currency"], values [..., 1200, "EUR"]
 */
export function withCurrencies(csv: ParsedCsv, mapping: Mapping, records: Records): Records {
  const amountSrc = mapping.indexOf("Amount");
  const amountK = records.columns.indexOf("Amount");
  let curK = records.columns.indexOf("Currency");
  if (amountSrc === -1 && curK === -1) return records;
  const n = records.values.length;
  const fromAmount: (string | null)[] = new Array(n).fill(null);
  let any = false;
  const shared = new Map<string, number>();
  if (amountSrc !== -1 && amountK !== -1) {
    for (let r = 0; r < n; r++) {
      if (typeof records.values[r][amountK] !== "number") continue;
      fromAmount[r] = amountCurrency(csv.rows[r][amountSrc]);
      if (fromAmount[r]) any = true;
      else if (curK === -1 || !records.values[r][curK]) {
        const symbol = sharedSymbol(csv.rows[r][amountSrc]);
        if (symbol) shared.set(symbol, (shared.get(symbol) ?? 0) + 1);
      }
    }
  }
  // "$1,200" and no currency: the reporting currency is assumed, and the import says so.
  const top = [...shared].sort((a, b) => b[1] - a[1])[0];
  const currencyAssumed = top ? { symbol: top[0], rows: top[1] } : undefined;
  if (curK === -1 && !any) return currencyAssumed ? { ...records, currencyAssumed } : records;
  let columns = records.columns;
  let values = records.values.map((row) => row.slice());
  if (curK === -1) {
    curK = insertAt(columns);
    columns = [...columns.slice(0, curK), "Currency", ...columns.slice(curK)];
    values = values.map((row) => [...row.slice(0, curK), null, ...row.slice(curK)]);
  }
  const problems: RowProblem[] = [...records.problems];
  const rejected = records.rejected.slice();
  const src = mapping.indexOf("Currency");
  for (let r = 0; r < n; r++) {
    const cell = values[r][curK];
    const text = typeof cell === "string" ? cell : "";
    const code = text ? currencyCode(text) : null;
    const amount = fromAmount[r];
    let out: RecordValue = code ?? (text || null);
    if (amount && text && code !== amount) {
      rejected[r] = 1;
      problems.push({
        code: "currencyMismatch",
        row: r,
        line: csv.lines[r],
        column: "Amount",
        header: csv.headers[amountSrc],
        value: `${csv.rows[r][amountSrc]} / ${src === -1 ? text : csv.rows[r][src]}`,
      });
    } else if (amount && !text) out = amount;
    values[r][curK] = out;
  }
  problems.sort((a, b) => a.row - b.row);
  return { ...records, columns, values, problems, rejected, currencyAssumed };
}
