/**
 * Setup on a workbook set up before currencies (issue 12): no Rates table, no Deals[Reporting
 * Amount]. Setup adds the table on the Settings sheet and appends the column (its formula on
 * every row) without touching a cell of the user's; the column converts once a rate is typed.
 */
import { createStandIn, StandIn } from "../../../preview/excel";
import { setUpWorkbook } from "../../../src/workbook/setup";
import {
  REPORTING_AMOUNT,
  REPORTING_AMOUNT_FORMULA,
  RATES,
  SCHEMA_VERSION_SETTING,
} from "../../../src/model/schema";
import { columnLetters } from "../../../src/model/a1";

const base = { stagePreset: "salesforce", language: "en", sampleData: false, asOf: 46096 } as const;

let standIn: StandIn;

/** Deletes what Setup adds for currencies, as a workbook set up before them has neither. */
async function makeOld(): Promise<void> {
  await Excel.run(async (context) => {
    const wb = context.workbook;
    wb.tables.getItem("Rates").delete();
    wb.tables.getItem("Deals").columns.getItem(REPORTING_AMOUNT).delete();
    wb.worksheets.getItem("Settings").getRange("N3:O5").clear();
    wb.settings.add(SCHEMA_VERSION_SETTING, 1);
    await context.sync();
    const deals = wb.tables.getItem("Deals");
    const headers = deals.getHeaderRowRange().load("values");
    await context.sync();
    const h = headers.values[0].map(String);
    const cells: Record<string, string | number> = { Stage: "Prospecting" };
    const row = (id: string, amount: number, currency: string): (string | number)[] =>
      h.map((c) => ({ ...cells, "Deal ID": id, Amount: amount, Currency: currency })[c] ?? "");
    deals.getDataBodyRange().values = [row("D1", 100, "USD")];
    deals.rows.add(undefined, [row("D2", 200, "EUR"), row("D3", 300, "")]);
    await context.sync();
  });
}

beforeAll(async () => {
  standIn = createStandIn({ excelApi: "1.17" });
  standIn.install(globalThis);
  await setUpWorkbook(base);
  await makeOld();
});

describe("Setup adds the Rates table and Reporting Amount to an older workbook", () => {
  it("creates both, changes nothing else, and a second run changes nothing", async () => {
    const dealsBefore = standIn.getValues("Deals", "A1:T4");
    const settingsBefore = standIn.getValues("Settings", "A1:L12");
    const report = await setUpWorkbook(base);
    expect(report.schemaVersion).toEqual({ found: 1, now: 2 });
    expect(report.created).toEqual(
      expect.arrayContaining([
        { kind: "table", name: "Rates", parent: "Settings" },
        { kind: "column", name: REPORTING_AMOUNT, parent: "Deals" },
      ])
    );
    expect(standIn.getValues("Deals", "A1:T4")).toEqual(dealsBefore);
    expect(standIn.getValues("Settings", "A1:L12")).toEqual(settingsBefore);
    const table = standIn
      .snapshot()
      .sheets.flatMap((s) => s.tables)
      .find((t) => t.name === "Deals")!;
    expect(table.headers[table.headers.length - 1]).toBe(REPORTING_AMOUNT);
    const col = columnLetters(table.headers.length - 1);
    expect(standIn.getFormula("Deals", `${col}2`)).toBe(REPORTING_AMOUNT_FORMULA);
    // USD and blank keep their amount; EUR has no rate yet.
    expect(standIn.getValues("Deals", `${col}2:${col}4`)).toEqual([[100], [""], [300]]);
    expect(standIn.getValues("Settings", "N4:O5")).toEqual([
      RATES.columns.map((c) => c.name),
      ["", ""],
    ]);
    expect(String(standIn.getValue("Settings", "N3"))).toMatch(/^Exchange rates/);

    const before = JSON.stringify(standIn.snapshot());
    const again = await setUpWorkbook(base);
    expect(again.created).toEqual([]);
    expect(JSON.stringify(standIn.snapshot())).toBe(before);
  });

  it("converts the EUR deal once its rate is typed into the Rates table", async () => {
    standIn.setValues("Settings", "N5:O5", [["EUR", 1.5]]);
    const headers = standIn.getValues("Deals", "A1:V1")[0];
    const col = columnLetters(headers.indexOf(REPORTING_AMOUNT));
    expect(standIn.getValue("Deals", `${col}3`)).toBe(300);
  });
});
