/**
 * Issue 14: setup → import → dashboard, three times over, with the user's content in awkward
 * places; counts the user's cells, formats, merges, notes, sheet settings lost or moved: 0.
 * Also "Remove sample data" with sample rows among the user's rows, in a sorted and in a
 * filtered table.
 */
import * as fs from "fs";
import * as path from "path";
import { createStandIn, StandIn, WorkbookSnapshot } from "../../preview/excel";
import {
  normalizeHeader,
  removeSampleData,
  SAMPLE_KEY_COLUMN,
  setUpWorkbook,
} from "../../src/workbook/setup";
import { isSampleKey } from "../../src/engine/sample/sampleData";
import { importRecords } from "../../src/workbook/import";
import { buildDashboard, DashboardReport } from "../../src/workbook/dashboard/build";
import { asConstant, shareDashboardCopy } from "../../src/workbook/dashboard/share";
import { PlanInput, planDashboard } from "../../src/workbook/dashboard/plan";
import { cellAddress, parseRect } from "../../src/model/a1";

jest.setTimeout(600_000);

const hubspot = fs.readFileSync(
  path.join(__dirname, "..", "fixtures", "csv", "hubspot-deals.csv"),
  "utf8"
);

type SheetSnap = WorkbookSnapshot["sheets"][number];

/** Everything of a sheet's that is the user's, for cell-by-cell comparison. */
function userView(sheet: SheetSnap, cells: readonly string[]): unknown {
  return {
    cells: Object.fromEntries(cells.map((a) => [a, sheet.cells[a] ?? null])),
    merges: sheet.merges,
    comments: sheet.comments,
    tabColor: sheet.tabColor,
    freeze: sheet.freeze,
    validations: sheet.dataValidations,
    conditionalFormats: sheet.conditionalFormats,
  };
}

/** How many of the compared things differ (cells, and each sheet-level item). */
function lost(before: unknown, after: unknown): number {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  let n = 0;
  const cellsA = a.cells as Record<string, unknown>;
  const cellsB = b.cells as Record<string, unknown>;
  for (const k of Object.keys(cellsA))
    if (JSON.stringify(cellsA[k]) !== JSON.stringify(cellsB[k])) n++;
  for (const k of Object.keys(a))
    if (k !== "cells" && JSON.stringify(a[k]) !== JSON.stringify(b[k])) n++;
  return n;
}

async function cycle(times: number): Promise<DashboardReport[]> {
  const reports: DashboardReport[] = [];
  for (let i = 0; i < times; i++) {
    await setUpWorkbook({ stagePreset: "hubspot", language: "en", sampleData: false });
    await importRecords({ target: "Deals", text: hubspot });
    reports.push(await buildDashboard({ language: "en" }));
  }
  return reports;
}

function sheetOf(s: StandIn, name: string): SheetSnap {
  return s.snapshot().sheets.find((x) => x.name === name)!;
}

let s: StandIn;
beforeEach(() => {
  s = createStandIn();
  s.install(globalThis);
});

describe("setup → import → dashboard ×3 never loses the user's content", () => {
  it('a user\'s own Dashboard sheet: formulas showing "", fills, a merge, tab colour, frozen rows', async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Dashboard");
      sheet.getRange("Z101").values = [[5000]];
      sheet.getRange("B8:D8").formulas = [['=IF(Z101>10000,Z101,"")', '=""', "=Z101/2"]];
      sheet.getRange("B2:L2").format.fill.color = "#FFEEAA";
      sheet.getRange("B12:E13").merge(false);
      sheet.getRange("B12").values = [["my merged note"]];
      sheet.getRange("C20").format.borders.getItem("EdgeBottom").style = "Continuous";
      sheet.tabColor = "#00AA00";
      sheet.freezePanes.freezeRows(2);
      await context.sync();
    });
    const cells = ["Z101", "B8", "C8", "D8", "B2", "L2", "B12", "C12", "C20"];
    const before = userView(sheetOf(s, "Dashboard"), cells);
    const reports = await cycle(3);
    expect(lost(before, userView(sheetOf(s, "Dashboard"), cells))).toBe(0);
    expect(reports.map((r) => r.sheetName)).toEqual(["Dashboard 2", "Dashboard 2", "Dashboard 2"]);
    expect(reports[0].insteadOf).toBe("Dashboard");
    expect(reports.slice(1).every((r) => r.rebuilt)).toBe(true);
  });

  it("notes, fills, borders, merges and formulas put into a built dashboard's empty cells", async () => {
    await cycle(1);
    // Cells of the dashboard's areas that it left empty and unformatted, spread over the sheet.
    const sheet0 = sheetOf(s, "Dashboard");
    const charts = sheet0.charts.length;
    const registry = JSON.parse(String(s.snapshot().settings["salesKpis.dashboard"])) as {
      areas: string[];
    };
    const empties: string[] = [];
    for (const area of registry.areas) {
      const r = parseRect(area)!;
      for (let i = 0; i < r.rows; i++)
        for (let j = 0; j < r.cols; j++) {
          const a = cellAddress(r.row + i, r.col + j);
          if (sheet0.cells[a] === undefined) empties.push(a);
        }
    }
    const step = Math.max(1, Math.floor(empties.length / 10));
    const picked = empties.filter((_, i) => i % step === 0).slice(0, 10);
    expect(picked).toHaveLength(10);
    const notes = picked.slice(0, 7);
    const [formulaCell, fillCell, borderCell] = picked.slice(7);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Dashboard");
      for (const a of notes) sheet.comments.add(a, `note in ${a}`);
      sheet.getRange(formulaCell).formulas = [['=""']];
      sheet.getRange(fillCell).format.fill.color = "#FF0000";
      sheet.getRange(borderCell).format.borders.getItem("EdgeTop").style = "Continuous";
      await context.sync();
    });
    const cells = picked;
    const before = userView(sheetOf(s, "Dashboard"), cells);
    const reports = await cycle(3);
    const after = sheetOf(s, "Dashboard");
    expect(lost(before, userView(after, cells))).toBe(0);
    expect(after.comments).toHaveLength(7);
    expect(after.charts).toHaveLength(charts);
    // The dashboard's own cells are rebuilt, not kept.
    expect(after.cells.B8.formula).toContain("SUMIFS(");
    // The user's cells inside the dashboard's areas are reported as kept, each time.
    for (const r of reports) expect([...(r.kept ?? [])].sort()).toEqual([...picked].sort());
  });

  it("a cell of the dashboard the user changed is kept on rebuild and listed", async () => {
    await cycle(1);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Dashboard");
      sheet.getRange("B8").values = [[12345]];
      sheet.getRange("D8").format.fill.color = "#00FF00";
      await context.sync();
    });
    const reports = await cycle(3);
    for (const r of reports) expect(r.kept).toEqual(["B8", "D8"]);
    expect(reports[2].warnings).toContainEqual({
      code: "cellsKept",
      params: { count: 2, cells: ["B8", "D8"] },
    });
    expect(s.getValue("Dashboard", "B8")).toBe(12345);
    expect(sheetOf(s, "Dashboard").cells.D8.fill).toBe("#00FF00");
  });

  it("an untouched dashboard rebuilds with nothing kept", async () => {
    const reports = await cycle(3);
    expect(reports.map((r) => r.kept)).toEqual([[], [], []]);
  });

  it("a note below the Deals table moves down as the table grows (as in Excel)", async () => {
    await setUpWorkbook({ stagePreset: "hubspot", language: "en", sampleData: false });
    const deals = sheetOf(s, "Deals").tables.find((t) => t.name === "Deals")!;
    const lastRow = Number(/(\d+)$/.exec(deals.address)![1]);
    s.setValues("Deals", `A${lastRow + 2}`, [["a note below the table"]]);
    const report = await importRecords({ target: "Deals", text: hubspot });
    expect(report.failure).toBeUndefined();
    const grown = sheetOf(s, "Deals").tables.find((t) => t.name === "Deals")!;
    const newLast = Number(/(\d+)$/.exec(grown.address)![1]);
    expect(s.getValue("Deals", `A${newLast + 2}`)).toBe("a note below the table");
  });
});

describe("Remove sample data among the user's rows", () => {
  async function withUserRows(): Promise<{ user: string[] }> {
    await setUpWorkbook({ stagePreset: "hubspot", language: "en", sampleData: true });
    await importRecords({ target: "Deals", text: hubspot });
    const deals = sheetOf(s, "Deals").tables.find((t) => t.name === "Deals")!;
    const ids = s
      .getValues("Deals", deals.address)
      .slice(1)
      .map((r) => String(r[0]));
    return { user: ids.filter((id) => !id.startsWith("SAMPLE-")) };
  }

  function dealIds(): string[] {
    const deals = sheetOf(s, "Deals").tables.find((t) => t.name === "Deals")!;
    return s
      .getValues("Deals", deals.address)
      .slice(1)
      .map((r) => String(r[0]))
      .filter((id) => id !== "");
  }

  it("in a table sorted so that sample rows lie between the user's", async () => {
    const { user } = await withUserRows();
    expect(user.length).toBeGreaterThan(0);
    await Excel.run(async (context) => {
      const t = context.workbook.tables.getItem("Deals");
      const headers = t.getHeaderRowRange().load("values");
      await context.sync();
      const amount = headers.values[0].indexOf("Amount");
      t.sort.apply([{ key: amount, ascending: true }]);
      await context.sync();
    });
    const mixed = dealIds();
    const firstUser = mixed.findIndex((id) => user.includes(id));
    const lastUser = mixed.length - 1 - [...mixed].reverse().findIndex((id) => user.includes(id));
    expect(mixed.slice(firstUser, lastUser).some((id) => id.startsWith("SAMPLE-"))).toBe(true);
    const report = await removeSampleData();
    expect(report.removed.find((r) => r.table === "Deals")!.rows).toBeGreaterThan(0);
    expect(dealIds().sort()).toEqual([...user].sort());
  });

  /** Sample rows per table of ours, counted from the sheets (the key column of each). */
  function sampleCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const sheet of s.snapshot().sheets) {
      for (const t of sheet.tables) {
        const key = SAMPLE_KEY_COLUMN[t.name];
        if (!key) continue;
        const [header, ...rows] = s.getValues(sheet.name, t.address);
        const at = header.findIndex((h) => normalizeHeader(h) === normalizeHeader(key));
        out[t.name] = rows.filter((r) => isSampleKey(r[at])).length;
      }
    }
    return out;
  }

  /** Puts a filter on the Deals table's Stage column; returns how many body rows it hides. */
  async function filterDeals(criterion: string): Promise<number> {
    return Excel.run(async (context) => {
      const t = context.workbook.tables.getItem("Deals");
      t.columns.getItem("Stage").filter.applyCustomFilter(criterion);
      const all = t.getDataBodyRange().load("rowCount");
      const visible = t.getDataBodyRange().getVisibleView().load("rowCount");
      await context.sync();
      return all.rowCount - visible.rowCount;
    });
  }

  async function dealsFilter(): Promise<{ filtered: boolean; hidden: number }> {
    return Excel.run(async (context) => {
      const t = context.workbook.tables.getItem("Deals");
      const f = t.autoFilter.load("isDataFiltered");
      const all = t.getDataBodyRange().load("rowCount");
      const visible = t.getDataBodyRange().getVisibleView().load("rowCount");
      await context.sync();
      return { filtered: f.isDataFiltered, hidden: all.rowCount - visible.rowCount };
    });
  }

  it("in a filtered table: nothing is removed from any table, the report names it, the filter stays", async () => {
    const { user } = await withUserRows();
    const before = sampleCounts();
    const ids = dealIds();
    const hidden = await filterDeals("<>Closed Won");
    expect(hidden).toBeGreaterThan(0);
    const report = await removeSampleData();
    expect(report.removed).toEqual([]);
    expect(report.kept).toEqual([{ table: "Deals", rows: before.Deals, reason: "filtered" }]);
    // Nothing half-removed: every table keeps every row, in the same order.
    expect(sampleCounts()).toEqual(before);
    expect(dealIds()).toEqual(ids);
    expect(await dealsFilter()).toEqual({ filtered: true, hidden });
    // The user clears the filter and presses the button again: everything goes.
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("Deals").clearFilters();
      await context.sync();
    });
    const again = await removeSampleData();
    expect(again.kept).toEqual([]);
    expect(Object.fromEntries(again.removed.map((r) => [r.table, r.rows]))).toEqual(
      Object.fromEntries(Object.entries(before).filter(([, n]) => n > 0))
    );
    expect(dealIds().sort()).toEqual([...user].sort());
  });

  it("a filtered table without sample rows does not stop the removal elsewhere", async () => {
    await withUserRows();
    const before = sampleCounts();
    await Excel.run(async (context) => {
      // Only the user's rows left in Deals: the filter there is no reason to refuse.
      const t = context.workbook.tables.getItem("Deals");
      const keys = t.columns.getItem("Deal ID").getDataBodyRange().load("values");
      await context.sync();
      const sample = keys.values.map((r, i) => [String(r[0]), i] as const);
      for (const [, i] of sample.filter(([id]) => id.startsWith("SAMPLE-")).reverse())
        t.rows.getItemAt(i).delete();
      await context.sync();
    });
    await filterDeals("<>Closed Won");
    const report = await removeSampleData();
    expect(report.kept).toEqual([]);
    const expected = Object.entries(before).filter(([t, n]) => t !== "Deals" && n > 0);
    expect(Object.fromEntries(report.removed.map((r) => [r.table, r.rows]))).toEqual(
      Object.fromEntries(expected)
    );
    expect(Object.values(sampleCounts()).every((n) => n === 0)).toBe(true);
  });

  describe("where the host cannot say whether a table is filtered (ExcelApi 1.8)", () => {
    beforeEach(() => {
      s = createStandIn({ excelApi: "1.8" });
      s.install(globalThis);
    });

    it("hidden rows count as a filter: nothing is removed, the report names the table", async () => {
      await withUserRows();
      const before = sampleCounts();
      const ids = dealIds();
      expect(await filterDeals("<>Closed Won")).toBeGreaterThan(0);
      const report = await removeSampleData();
      expect(report.removed).toEqual([]);
      expect(report.kept).toEqual([{ table: "Deals", rows: before.Deals, reason: "filtered" }]);
      expect(sampleCounts()).toEqual(before);
      expect(dealIds()).toEqual(ids);
    });

    it("a filter hiding nothing: rows Excel kept are read back and reported, never counted", async () => {
      await withUserRows();
      const before = sampleCounts();
      const ids = dealIds();
      // Criteria that hide no row: nothing tells the add-in the table is filtered, and Excel
      // ignores TableRow.delete() there (without Table.resize, ExcelApi 1.13, every sample row
      // is a TableRow deletion).
      expect(await filterDeals("<>no such stage")).toBe(0);
      const report = await removeSampleData();
      expect(sampleCounts().Deals).toBe(before.Deals);
      expect(dealIds()).toEqual(ids);
      expect(report.kept).toEqual([{ table: "Deals", rows: before.Deals, reason: "notRemoved" }]);
      const others = Object.entries(before).filter(([t, n]) => t !== "Deals" && n > 0);
      expect(Object.fromEntries(report.removed.map((r) => [r.table, r.rows]))).toEqual(
        Object.fromEntries(others)
      );
      expect(others.every(([t]) => sampleCounts()[t] === 0)).toBe(true);
      expect(report.syncs).toBe(4);
    });
  });
});

describe("the share copy is the same content", () => {
  it("texts stay texts: 00123, TRUE, 'quoted, 1e5, a date-like text", async () => {
    const texts = ["00123", "TRUE", "'quoted", "1e5", "3/4/2025", "=1+1", "-5"];
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:G1").values = [
        texts.map(asConstant),
      ];
      await context.sync();
    });
    expect(s.getValues("Sheet1", "A1:G1")).toEqual([texts]);
  });

  it("shows every cell of the dashboard's areas as the dashboard shows it", async () => {
    await cycle(1);
    const report = await shareDashboardCopy(new Date(2026, 11, 4, 18, 0));
    const registry = JSON.parse(String(s.snapshot().settings["salesKpis.dashboard"])) as {
      areas: string[];
      input: PlanInput;
    };
    const [title, note] = planDashboard(registry.input).blocks.map((b) => b.rect);
    let compared = 0;
    const differ: string[] = [];
    for (const area of registry.areas) {
      const dash = s.getValues("Dashboard", area);
      const copy = s.getValues(report.sheetName, area);
      const dashText = textOf("Dashboard", area);
      const copyText = textOf(report.sheetName, area);
      dash.forEach((row, i) =>
        row.forEach((v, j) => {
          const at = parseRect(area)!;
          const row = at.row + i;
          const col = at.col + j;
          // The title and note lines say that this is a copy and when it was made.
          if ([title, note].some((b) => b.row === row && b.col === col)) return;
          compared++;
          if (copyText[i][j] !== dashText[i][j] || typeof copy[i][j] !== typeof v)
            differ.push(`${area}[${i},${j}] ${String(dashText[i][j])} → ${String(copyText[i][j])}`);
        })
      );
    }
    expect(differ).toEqual([]);
    expect(compared).toBeGreaterThan(300);
  });
});

/** Range.text of an area, cell by cell. */
function textOf(sheet: string, area: string): string[][] {
  const [a, b] = area.split(":");
  const first = /^([A-Z]+)(\d+)$/.exec(a)!;
  const last = /^([A-Z]+)(\d+)$/.exec(b ?? a)!;
  const col = (l: string) => l.split("").reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const out: string[][] = [];
  for (let r = Number(first[2]); r <= Number(last[2]); r++) {
    const row: string[] = [];
    for (let c = col(first[1]); c <= col(last[1]); c++) {
      let letters = "";
      for (let n = c; n > 0; n = Math.floor((n - 1) / 26))
        letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
      row.push(s.getText(sheet, `${letters}${r}`));
    }
    out.push(row);
  }
  return out;
}
