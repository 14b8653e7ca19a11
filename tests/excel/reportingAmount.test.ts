/**
 * Deals[Reporting Amount] (issue 12) computed by the stand-in as Excel computes it, one case per
 * rule of the formula: no currency or the reporting one keeps Amount; a rate converts; a missing,
 * blank, zero or non-numeric rate gives ""; codes compare trimmed and case-insensitively; a blank
 * Amount gives "" (`[@Amount]=""` is TRUE for an empty cell in Excel). The formula is the
 * schema's, unchanged.
 */
import { createStandIn, StandIn } from "../../preview/excel";
import { REPORTING_AMOUNT_FORMULA, NAMES } from "../../src/model/schema";

let standIn: StandIn;

const CASES: [string, unknown, string, unknown][] = [
  // description, Amount, Currency, expected Reporting Amount
  ["no currency", 100, "", 100],
  ["the reporting currency, any case", 100, "usd", 100],
  ["a currency with a rate", 100, "EUR", 108],
  ["spaces and lower case around the code", 100, " eur ", 108],
  ["a currency missing from Rates", 100, "GBP", ""],
  ["a blank rate", 100, "JPY", ""],
  ["a zero rate", 100, "CHF", ""],
  ["a text rate that is no number", 100, "SEK", ""],
  ["a rate typed as text that reads as a number", 100, "NOK", 50],
  ["a blank amount, no currency", "", "", ""],
  ["a blank amount with a rate", "", "EUR", ""],
  ["a zero amount", 0, "EUR", 0],
  ["a blank amount without a rate", "", "GBP", ""],
];

beforeAll(async () => {
  standIn = createStandIn({ sheets: ["Deals", "Settings"] });
  standIn.install(globalThis);
  standIn.setValues("Settings", "A1:B1", [["Currency", "USD"]]);
  standIn.setValues("Settings", "D1:E6", [
    ["Currency", "Rate"],
    ["EUR", 1.08],
    ["JPY", ""],
    ["CHF", 0],
    ["SEK", "abc"],
    ["NOK", "'0.5"],
  ]);
  standIn.setValues("Deals", `A1:C${CASES.length + 1}`, [
    ["Deal ID", "Amount", "Currency"],
    ...CASES.map(([, amount, currency], i) => [`D${i + 1}`, amount, currency]),
  ] as never);
  await Excel.run(async (context) => {
    const wb = context.workbook;
    wb.names.add(NAMES.currency, "=Settings!$B$1");
    wb.worksheets.getItem("Settings").tables.add("D1:E6", true).name = "Rates";
    const deals = wb.worksheets.getItem("Deals").tables.add(`A1:C${CASES.length + 1}`, true);
    deals.name = "Deals";
    deals.columns.add(undefined, undefined, "Reporting Amount");
    await context.sync();
    deals.columns.getItem("Reporting Amount").getDataBodyRange().formulas = CASES.map(() => [
      REPORTING_AMOUNT_FORMULA,
    ]);
    await context.sync();
  });
});

describe("Deals[Reporting Amount] in the stand-in, as in Excel", () => {
  it.each(CASES.map((c, i) => [c[0], i, c[3]] as const))("%s", (_, i, expected) => {
    const value = standIn.getValue("Deals", `D${i + 2}`);
    if (typeof expected === "number") expect(value).toBeCloseTo(expected, 9);
    else expect(value).toBe(expected);
  });
});
