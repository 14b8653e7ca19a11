/**
 * Issue 14, pre-checks: Setup and Import look where a table will grow (columns appended at its
 * right, rows added through it, a new table's block) and refuse, before writing anything, when a
 * merge, a user's value or format, or another table is in the way; the report names the sheet,
 * the cells and the fix. Each case runs setup → import → dashboard three times and counts the
 * user's cells, formats and merges lost or moved: 0.
 */
import * as fs from "fs";
import * as path from "path";
import { createStandIn, StandIn, WorkbookSnapshot } from "../../preview/excel";
import { SetupReport, setUpWorkbook } from "../../src/workbook/setup";
import { ImportReport, importRecords } from "../../src/workbook/import";
import { buildDashboard } from "../../src/workbook/dashboard/build";
import { isWorkbookError } from "../../src/workbook/errors";
import { DEALS, STAGES } from "../../src/model/schema";
import { cellIndexes, columnLetters } from "../../src/model/a1";

jest.setTimeout(600_000);

const hubspot = fs.readFileSync(
  path.join(__dirname, "..", "fixtures", "csv", "hubspot-deals.csv"),
  "utf8"
);

type SheetSnap = WorkbookSnapshot["sheets"][number];

let s: StandIn;
beforeEach(() => {
  s = createStandIn();
  s.install(globalThis);
});

const sheetOf = (name: string): SheetSnap => s.snapshot().sheets.find((x) => x.name === name)!;
const tableOf = (name: string) =>
  s
    .snapshot()
    .sheets.flatMap((x) => x.tables)
    .find((t) => t.name === name);

/** The user's cells (everything recorded about them), merges and comments of a sheet. */
function userView(sheet: string, cells: readonly string[]): string[] {
  const snap = sheetOf(sheet);
  return [
    ...cells.map((a) => `${a}=${JSON.stringify(snap.cells[a] ?? null)}`),
    `merges=${JSON.stringify(snap.merges)}`,
    `comments=${JSON.stringify(snap.comments)}`,
  ];
}
const lost = (before: readonly string[], after: readonly string[]) =>
  before.filter((x, i) => x !== after[i]).length;

interface Round {
  readonly setup: SetupReport;
  readonly imported: ImportReport | null;
  readonly importError: { code: string; params: Record<string, unknown> } | null;
  readonly dashboardError: string | null;
}

/** Setup → import → dashboard, `times` times; refusals are recorded, not thrown. */
async function cycle(times: number, sampleData = false): Promise<Round[]> {
  const rounds: Round[] = [];
  for (let i = 0; i < times; i++) {
    const setup = await setUpWorkbook({ stagePreset: "salesforce", language: "en", sampleData });
    let imported: ImportReport | null = null;
    let importError: Round["importError"] = null;
    try {
      imported = await importRecords({ target: "Deals", text: hubspot });
    } catch (e) {
      if (!isWorkbookError(e, "import")) throw e;
      importError = { code: e.code, params: { ...e.problems[0].params } };
    }
    let dashboardError: string | null = null;
    try {
      await buildDashboard({ language: "en" });
    } catch (e) {
      if (!isWorkbookError(e, "dashboard")) throw e;
      dashboardError = e.code;
    }
    rounds.push({ setup, imported, importError, dashboardError });
  }
  return rounds;
}

async function merge(sheet: string, address: string): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).merge(false);
    await context.sync();
  });
}

const width = DEALS.columns.length;
const lastCol = columnLetters(width - 1);
const nextCol = columnLetters(width);

/** A Deals table of an older schema (its last two columns missing) with two deals. */
async function olderDeals(): Promise<string> {
  const headers = DEALS.columns.slice(0, -2).map((c) => c.name);
  const last = columnLetters(headers.length - 1);
  s.setValues("Deals", `A1:${last}3`, [
    headers,
    headers.map((h) =>
      h === "Deal ID" ? "U-1" : h === "Amount" ? 10 : h === "Stage" ? "Closed Won" : ""
    ),
    headers.map((h) =>
      h === "Deal ID" ? "U-2" : h === "Amount" ? 20 : h === "Stage" ? "Prospecting" : ""
    ),
  ]);
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem("Deals").tables.add(`A1:${last}3`, true).name = "Deals";
    await context.sync();
  });
  return columnLetters(headers.length);
}

describe("import refuses before writing when rows cannot be added through the table", () => {
  it("a merge below the Deals table crossing the edge of its columns: mergeInTheWay, 0 lost ×3, then the fix works", async () => {
    await setUpWorkbook({ stagePreset: "salesforce", language: "en", sampleData: false });
    const area = `${lastCol}12:${nextCol}12`;
    s.setValues("Deals", `${lastCol}12`, [["my merged note"]]);
    await merge("Deals", area);
    const cells = [`${lastCol}12`, `${nextCol}12`];
    const before = userView("Deals", cells);
    const dealsBefore = tableOf("Deals")!;
    const rounds = await cycle(3);
    for (const r of rounds) {
      expect(r.imported).toBeNull();
      expect(r.importError).toEqual({
        code: "mergeInTheWay",
        params: { table: "Deals", sheet: "Deals", cell: area },
      });
    }
    expect(lost(before, userView("Deals", cells))).toBe(0);
    // Nothing half-written: the table is as Setup left it.
    expect(tableOf("Deals")).toEqual(dealsBefore);
    // The fix the message names works: unmerge, and the import goes through.
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Deals").getRange(area).unmerge();
      await context.sync();
    });
    const report = await importRecords({ target: "Deals", text: hubspot });
    expect(report.failure).toBeUndefined();
    expect(report.added).toBeGreaterThan(0);
  });

  it("a merge wholly inside the table's columns below it moves down with the note (as in Excel)", async () => {
    await setUpWorkbook({ stagePreset: "salesforce", language: "en", sampleData: false });
    s.setValues("Deals", "B12", [["inside the band"]]);
    await merge("Deals", "B12:C13");
    const rounds = await cycle(3);
    expect(rounds.every((r) => r.importError === null && r.imported !== null)).toBe(true);
    const rows = tableOf("Deals")!.rows;
    const moved = sheetOf("Deals").merges;
    expect(moved).toHaveLength(1);
    const top = Number(/^B(\d+):/.exec(moved[0])![1]);
    expect(top).toBe(12 + rows - 1);
    expect(s.getValue("Deals", `B${top}`)).toBe("inside the band");
  });

  it("another table below crossing the Deals columns: tableInTheWay, its cells untouched ×3", async () => {
    await setUpWorkbook({ stagePreset: "salesforce", language: "en", sampleData: false });
    s.setValues("Deals", `${lastCol}20:${nextCol}21`, [
      ["Mine", "Other"],
      [1, 2],
    ]);
    await Excel.run(async (context) => {
      context.workbook.worksheets
        .getItem("Deals")
        .tables.add(`${lastCol}20:${nextCol}21`, true).name = "MyList";
      await context.sync();
    });
    const cells = [`${lastCol}20`, `${nextCol}20`, `${lastCol}21`, `${nextCol}21`];
    const before = userView("Deals", cells);
    const rounds = await cycle(3);
    for (const r of rounds) {
      expect(r.importError?.code).toBe("tableInTheWay");
      expect(r.importError?.params).toMatchObject({
        other: "MyList",
        cell: `${lastCol}20:${nextCol}21`,
      });
    }
    expect(lost(before, userView("Deals", cells))).toBe(0);
    expect(tableOf("MyList")).toMatchObject({ address: `Deals!${lastCol}20:${nextCol}21` });
  });
});

describe("setup skips, with the cells and the fix, what it cannot do without touching the user's cells", () => {
  it("a merge right of an older Deals table: the columns are not appended (mergeInTheWay), 0 lost ×3", async () => {
    const next = await olderDeals();
    const area = `${next}2:${next}3`;
    await merge("Deals", area);
    const cells = [`${next}2`, `${next}3`];
    const before = userView("Deals", cells);
    const rounds = await cycle(3);
    for (const r of rounds) {
      const skipped = r.setup.skipped.filter((i) => i.kind === "column");
      expect(skipped.map((i) => i.name)).toEqual(DEALS.columns.slice(-2).map((c) => c.name));
      expect(skipped.every((i) => i.reason === "mergeInTheWay")).toBe(true);
      expect(skipped[0].at).toEqual({ sheet: "Deals", address: area });
    }
    expect(lost(before, userView("Deals", cells))).toBe(0);
    // Rows are still added through the table: the merge is right of it, not below.
    expect(rounds[0].imported?.added).toBeGreaterThan(0);
  });

  it("a filled (formatted, empty) cell right of the table: noRoom naming it, fill kept ×3", async () => {
    const next = await olderDeals();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Deals").getRange(`${next}3`).format.fill.color =
        "#FFEE00";
      await context.sync();
    });
    const before = userView("Deals", [`${next}3`]);
    const rounds = await cycle(3);
    for (const r of rounds) {
      const skipped = r.setup.skipped.filter((i) => i.kind === "column");
      expect(skipped).toHaveLength(2);
      expect(skipped[0]).toMatchObject({
        reason: "noRoom",
        at: { sheet: "Deals", address: `${next}3` },
      });
    }
    expect(lost(before, userView("Deals", [`${next}3`]))).toBe(0);
    expect(sheetOf("Deals").cells[`${next}3`].fill).toBe("#FFEE00");
  });

  it("sample rows with a merge below crossing the grown table's edge: sample rows skipped, columns added, merge kept", async () => {
    await olderDeals();
    // The table grows to the full width; this merge crosses its new right edge, below it.
    const area = `${lastCol}9:${nextCol}9`;
    await merge("Deals", area);
    const before = userView("Deals", [`${lastCol}9`, `${nextCol}9`]);
    const report = await setUpWorkbook({
      stagePreset: "salesforce",
      language: "en",
      sampleData: true,
    });
    expect(report.created.filter((i) => i.kind === "column")).toHaveLength(2);
    expect(report.skipped).toContainEqual({
      kind: "sampleRows",
      name: "Deals",
      parent: "Deals",
      reason: "mergeInTheWay",
      at: { sheet: "Deals", address: area },
    });
    expect(tableOf("Deals")).toMatchObject({ address: `Deals!A1:${lastCol}3`, rows: 2 });
    expect(lost(before, userView("Deals", [`${lastCol}9`, `${nextCol}9`]))).toBe(0);
    // Other tables got their sample rows.
    expect(report.sampleRows).toBeGreaterThan(0);
  });

  it("a merge where a Settings table goes: that table is skipped (mergeInTheWay), the rest is set up", async () => {
    const { rowIndex, columnIndex } = cellIndexes(STAGES.anchor);
    const at = `${columnLetters(columnIndex)}${rowIndex + 3}:${columnLetters(columnIndex + 1)}${rowIndex + 3}`;
    // A set-up workbook whose Stages table the user deleted, then merged cells where it was.
    await setUpWorkbook({ stagePreset: "salesforce", language: "en", sampleData: false });
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("Stages").delete();
      await context.sync();
    });
    s.setValues("Settings", at.split(":")[0], [["my block"]]);
    await merge("Settings", at);
    const before = userView("Settings", [at.split(":")[0]]);
    const rounds = await cycle(3);
    for (const r of rounds) {
      expect(r.setup.skipped).toContainEqual(
        expect.objectContaining({
          kind: "table",
          name: "Stages",
          reason: "mergeInTheWay",
          at: { sheet: "Settings", address: at },
        })
      );
    }
    expect(lost(before, userView("Settings", [at.split(":")[0]]))).toBe(0);
    expect(tableOf("Stages")).toBeUndefined();
    expect(tableOf("Targets")).toBeDefined();
  });
});

describe("a user's plain sheet with our tab name (not Settings): Setup and the dashboard agree", () => {
  const dashboardProblem = async () => {
    try {
      await buildDashboard({ language: "en" });
      return null;
    } catch (e) {
      if (!isWorkbookError(e, "dashboard")) throw e;
      return e.problems.find((p) => p.params.table === "Deals") ?? null;
    }
  };

  it("a plain range that is not ours: Setup skips the sheet with a free name; the dashboard says it is the user's, not 'run Setup'", async () => {
    s.setValues("Deals", "A1:C3", [
      ["Region", "Quarter", "Revenue"],
      ["North", "Q1", 10],
      ["South", "Q1", 20],
    ]);
    const before = userView("Deals", ["A1", "B2", "C3"]);
    const report = await setUpWorkbook({
      stagePreset: "salesforce",
      language: "en",
      sampleData: false,
    });
    const skipped = report.skipped.find((i) => i.kind === "sheet" && i.name === "Deals");
    expect(skipped).toMatchObject({
      reason: "foreignSheet",
      suggestion: "Deals 2",
      sheetKey: "deals",
    });
    expect(await dashboardProblem()).toEqual({
      code: "foreignSheet",
      params: { table: "Deals", sheet: "Deals" },
    });
    // The suggested name (the pane's "Use the suggested names") sets up ours beside it.
    await setUpWorkbook({
      stagePreset: "salesforce",
      language: "en",
      sampleData: false,
      sheetNameOverrides: { deals: "Deals 2" },
    });
    expect(tableOf("Deals")).toMatchObject({ address: expect.stringMatching(/^'?Deals 2'?!/) });
    const rounds = await cycle(3);
    expect(rounds.every((r) => r.importError === null && r.dashboardError === null)).toBe(true);
    expect(lost(before, userView("Deals", ["A1", "B2", "C3"]))).toBe(0);
  });

  it("a plain range with our headers is converted by Setup, so the dashboard does say 'run Setup'", async () => {
    const headers = DEALS.columns.slice(0, 12).map((c) => c.name);
    s.setValues("Deals", `A1:${columnLetters(headers.length - 1)}2`, [
      headers,
      headers.map((h) => (h === "Deal ID" ? "U-1" : h === "Amount" ? 100 : `${h} 1`)),
    ]);
    expect((await dashboardProblem())?.code).toBe("missingTable");
    const report = await setUpWorkbook({
      stagePreset: "salesforce",
      language: "en",
      sampleData: false,
    });
    expect(report.adopted).toContainEqual(
      expect.objectContaining({ kind: "table", name: "Deals" })
    );
    expect(s.getValue("Deals", "A2")).toBe("U-1");
  });

  it("a blank-looking Deals sheet with a merge where the table goes: skipped with the cells; the dashboard says it is the user's", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("Deals").getRange("B1:C1").merge(false);
      await context.sync();
    });
    const report = await setUpWorkbook({
      stagePreset: "salesforce",
      language: "en",
      sampleData: false,
    });
    expect(report.skipped).toContainEqual(
      expect.objectContaining({
        kind: "table",
        name: "Deals",
        reason: "mergeInTheWay",
        at: { sheet: "Deals", address: "B1:C1" },
      })
    );
    expect(sheetOf("Deals").merges).toEqual(["B1:C1"]);
    expect((await dashboardProblem())?.code).toBe("foreignSheet");
  });
});
