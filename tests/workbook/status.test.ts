/**
 * The Home view's workbook status against the stand-in: a fresh workbook, one set up in Arabic
 * with sample data, after an import (source, counts, time remembered) and after a build; the
 * read is read-only and takes at most three round trips.
 */
import * as fs from "fs";
import * as path from "path";
import { createStandIn } from "../../preview/excel";
import { setUpWorkbook } from "../../src/workbook/setup";
import { importRecords } from "../../src/workbook/import";
import { buildDashboard } from "../../src/workbook/dashboard/build";
import { PIPEDRIVE } from "../fixtures/multiCrmExports";
import { tableRows } from "../support/tables";
import {
  countRows,
  goTo,
  missingRateWarnings,
  languageOfSheet,
  parseLastImport,
  readWorkbookStatus,
  recordImport,
} from "../../src/workbook/status";

const CSV = fs.readFileSync(
  path.join(__dirname, "..", "fixtures", "csv", "hubspot-deals.csv"),
  "utf8"
);

describe("status helpers", () => {
  it("does not count a new table's blank row, and counts sample rows by ID", () => {
    expect(countRows(1, [[""]])).toEqual({ rows: 0, sampleRows: 0 });
    expect(countRows(1, [["D-1"]])).toEqual({ rows: 1, sampleRows: 0 });
    expect(countRows(3, [["SAMPLE-D-1"], ["D-2"], ["SAMPLE-D-3"]])).toEqual({
      rows: 3,
      sampleRows: 2,
    });
    expect(countRows(2, null)).toEqual({ rows: 2, sampleRows: 0 });
  });

  it("counts deals without a rate per currency: not the reporting one, not converted", () => {
    const currency = [["eur"], [" EUR"], ["GBP"], ["sar"], [""]];
    const converted = [[""], [""], [10.8], [""], [""]];
    expect(missingRateWarnings(currency, converted, "SAR")).toEqual([
      { code: "noExchangeRate", params: { count: 2, currency: "EUR" } },
    ]);
    expect(missingRateWarnings(currency, converted, "USD")).toEqual([
      { code: "noExchangeRate", params: { count: 2, currency: "EUR" } },
      { code: "noExchangeRate", params: { count: 1, currency: "SAR" } },
    ]);
    expect(missingRateWarnings([], [], "USD")).toEqual([]);
  });

  it("reads the workbook language from the Deals tab name", () => {
    expect(languageOfSheet("Deals")).toBe("en");
    expect(languageOfSheet("الصفقات")).toBe("ar");
    expect(languageOfSheet("My deals")).toBeNull();
    expect(languageOfSheet(null)).toBeNull();
  });

  it("parses a remembered import and rejects what is not one", () => {
    expect(
      parseLastImport(
        '{"source":"hubspotDeals","added":2,"updated":1,"at":"2026-12-04T10:00:00Z"}',
        "Deals"
      )
    ).toEqual({
      target: "Deals",
      source: "hubspotDeals",
      added: 2,
      updated: 1,
      at: "2026-12-04T10:00:00Z",
    });
    expect(parseLastImport("not json", "Deals")).toBeNull();
    expect(parseLastImport('{"added":2}', "Deals")).toBeNull();
    expect(parseLastImport({ at: "2026-12-04T10:00:00Z", added: -3 }, "Leads")?.added).toBe(0);
  });
});

describe("readWorkbookStatus", () => {
  it("walks a workbook from fresh to set up, imported and built", async () => {
    const standIn = createStandIn({ excelApi: "1.17" });
    standIn.install(globalThis);

    const syncs = () => standIn.syncCount();
    let before = syncs();
    const fresh = await readWorkbookStatus();
    expect(syncs() - before).toBeLessThanOrEqual(3);
    expect(fresh).toMatchObject({ setUp: false, deals: null, leads: null, dashboard: null });
    expect(fresh.missingTables).toContain("Deals");

    await setUpWorkbook({ stagePreset: "hubspot", language: "ar", sampleData: true } as never);
    const wbBefore = JSON.stringify(standIn.snapshot());
    before = syncs();
    const setUp = await readWorkbookStatus();
    expect(syncs() - before).toBeLessThanOrEqual(3);
    expect(JSON.stringify(standIn.snapshot())).toBe(wbBefore); // read-only
    expect(setUp.setUp).toBe(true);
    expect(setUp.missingTables).toEqual([]);
    expect(setUp.language).toBe("ar");
    expect(setUp.deals?.sheet).toBe("الصفقات");
    expect(setUp.deals?.rows).toBeGreaterThan(0);
    expect(setUp.deals?.sampleRows).toBe(setUp.deals?.rows);
    expect(setUp.deals?.lastImport).toBeNull();

    const report = await importRecords({ target: "Deals", text: CSV });
    await recordImport(report, new Date("2026-12-04T10:00:00Z"));
    const imported = await readWorkbookStatus();
    expect(imported.deals?.rows).toBe((setUp.deals?.rows ?? 0) + report.added);
    expect(imported.deals?.lastImport).toEqual({
      target: "Deals",
      source: report.source,
      added: report.added,
      updated: report.updated,
      at: "2026-12-04T10:00:00.000Z",
    });
    expect(imported.leads?.lastImport).toBeNull();
    expect(imported.dashboard).toBeNull();

    await buildDashboard({ language: "ar" });
    const built = await readWorkbookStatus();
    expect(built.dashboard?.sheet).toBe("لوحة المعلومات");
    expect(Number.isNaN(Date.parse(built.dashboard?.builtAt ?? ""))).toBe(false);
  });

  it("names the currencies without a rate in Settings › Rates, with their deal counts", async () => {
    const standIn = createStandIn({ excelApi: "1.17" });
    standIn.install(globalThis);
    await setUpWorkbook({ stagePreset: "salesforce", language: "en", sampleData: true } as never);
    expect((await readWorkbookStatus()).missingRates).toEqual([]); // the sample is all USD
    await importRecords({ target: "Deals", text: PIPEDRIVE });
    // Expected from the rows: deals (a stage) in a currency other than USD.
    const counts = new Map<string, number>();
    for (const d of tableRows(standIn, "Deals"))
      if (d.Stage && d.Currency && String(d.Currency).toUpperCase() !== "USD")
        counts.set(String(d.Currency), (counts.get(String(d.Currency)) ?? 0) + 1);
    expect(counts.get("EUR")).toBeGreaterThan(0);
    const before = standIn.syncCount();
    const status = await readWorkbookStatus();
    expect(standIn.syncCount() - before).toBeLessThanOrEqual(3);
    expect(status.missingRates).toEqual(
      [...counts].map(([currency, count]) => ({
        code: "noExchangeRate",
        params: { count, currency },
      }))
    );
    // A row typed with a currency but no stage yet: Home and the dashboard build count it alike.
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("Deals");
      const header = table.getHeaderRowRange().load("values");
      const body = table.getDataBodyRange().load("formulas");
      await context.sync();
      const names = header.values[0].map(String);
      const reportingAt = names.indexOf("Reporting Amount");
      const last = body.formulas[body.formulas.length - 1];
      table.rows.add(undefined, [
        names.map((n, i) =>
          n === "Deal ID"
            ? "TYPED-1"
            : n === "Currency"
              ? "GBP"
              : n === "Amount"
                ? 900
                : i === reportingAt
                  ? last[i]
                  : ""
        ),
      ]);
      await context.sync();
    });
    const typed = await readWorkbookStatus();
    const gbp = typed.missingRates.find((w) => w.params.currency === "GBP");
    expect(gbp?.params.count).toBe((counts.get("GBP") ?? 0) + 1);
    const build = await buildDashboard({ language: "en" });
    expect(
      build.warnings
        .filter((w) => w.code === "noExchangeRate")
        .map((w) => ({ code: w.code, params: w.params }))
    ).toEqual(typed.missingRates.map((w) => ({ code: w.code, params: w.params })));
    // The user types EUR's rate: nothing is left out any more.
    await Excel.run(async (context) => {
      const rates = context.workbook.tables.getItem("Rates");
      rates.getDataBodyRange().values = [["EUR", 1.08]];
      rates.rows.add(undefined, [["GBP", 1.27]]);
      await context.sync();
    });
    expect((await readWorkbookStatus()).missingRates).toEqual([]);
  });

  it("goes to a table: activates its sheet and selects it", async () => {
    const standIn = createStandIn({ excelApi: "1.17" });
    standIn.install(globalThis);
    await setUpWorkbook({ stagePreset: "hubspot", language: "en", sampleData: false } as never);
    await goTo({ table: "Leads" });
    const active = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      return sheet.name;
    });
    expect(active).toBe("Leads");
  });
});
