import { createStandIn, StandIn, WorkbookSnapshot } from "../../../preview/excel";
import {
  MAX_REQUEST_BYTES,
  SetupOptions,
  TABLE_STYLE,
  groupBySize,
  listSource,
  matchHeaders,
  planRemoval,
  removeSampleData,
  setUpWorkbook,
  suggestSheetName,
} from "../../../src/workbook/setup";
import {
  ALL_TABLES,
  DEALS,
  OWNERS,
  SCHEMA_VERSION,
  SCHEMA_VERSION_SETTING,
  SETTINGS_CELLS,
  TableSpec,
  numberFormatFor,
} from "../../../src/model/schema";
import { STAGE_PRESETS } from "../../../src/model/stagePresets";
import {
  cellIndexes,
  columnLetters,
  containsCell,
  indexRect,
  parseRect,
  rectAddress,
} from "../../../src/model/a1";

const AS_OF = 46096; // 2026-03-15
const base: SetupOptions = {
  stagePreset: "salesforce",
  language: "en",
  sampleData: false,
  asOf: AS_OF,
};

function fresh(excelApi = "1.17"): StandIn {
  const standIn = createStandIn({ excelApi });
  standIn.install(globalThis);
  return standIn;
}

function tableOf(snap: WorkbookSnapshot, name: string) {
  for (const sheet of snap.sheets) {
    const t = sheet.tables.find((x) => x.name === name);
    if (t) return { sheet, table: t };
  }
  throw new Error(`no table ${name}`);
}

/** Row/column of a table's first data cell, from its snapshot address ("Deals!A1:T2"). */
function origin(address: string): { row: number; col: number } {
  const { rowIndex, columnIndex } = cellIndexes(address);
  return { row: rowIndex, col: columnIndex };
}

function cellAt(spec: TableSpec, snap: WorkbookSnapshot, column: string, dataRow = 0): string {
  const { table } = tableOf(snap, spec.name);
  const o = origin(table.address);
  const c = table.headers.indexOf(column);
  return `${columnLetters(o.col + c)}${o.row + 2 + dataRow}`;
}

function maxRequest(standIn: StandIn): number {
  return Math.max(0, ...standIn.requests().map((r) => r.bytes));
}

/** A 5,000-row Deals sheet as a CRM export pasted by the user: our headers minus a few, plus one of theirs. */
function userDeals(rows: number): { headers: string[]; values: (string | number)[][] } {
  const headers = DEALS.columns
    .map((c) => c.name)
    .filter((n) => !["Probability", "Competitor", "Last Activity"].includes(n));
  headers.splice(6, 0, "My Rating"); // the user's own column, in the middle
  const stages = STAGE_PRESETS.salesforce.map((s) => s.stage);
  const values = Array.from({ length: rows }, (_, i) =>
    headers.map((h) => {
      switch (h) {
        case "Deal ID":
          return `D-${i + 1}`;
        case "Stage":
          return i % 7 === 0 ? "Verbal yes" : stages[i % stages.length];
        case "Amount":
          return 1000 + i;
        case "Created":
          return 45000 + (i % 500);
        case "My Rating":
          return ["A", "B", "C"][i % 3];
        case "Quantity":
          return 1 + (i % 9);
        default:
          return `${h} ${i + 1}`;
      }
    })
  );
  return { headers, values };
}

describe("setUpWorkbook on an empty workbook", () => {
  let standIn: StandIn;
  let snap: WorkbookSnapshot;
  let report: Awaited<ReturnType<typeof setUpWorkbook>>;

  beforeAll(async () => {
    standIn = fresh();
    standIn.resetCounters();
    report = await setUpWorkbook(base);
    snap = standIn.snapshot();
  });

  it("stays within 6 syncs and 4 MB per request", () => {
    expect(standIn.syncCount()).toBeLessThanOrEqual(6);
    expect(report.syncs).toBe(standIn.syncCount());
    expect(maxRequest(standIn)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
  });

  it("creates every sheet, in English, and reports it", () => {
    const names = snap.sheets.map((s) => s.name);
    expect(names).toEqual([
      "Sheet1",
      "Leads",
      "Deals",
      "Pricing",
      "Competitors",
      "Settings",
      "Pipeline History",
    ]);
    expect(report.created.filter((i) => i.kind === "sheet").map((i) => i.name)).toEqual(
      names.slice(1)
    );
    expect(report.skipped).toEqual([]);
    expect(report.adopted).toEqual([]);
  });

  it.each(ALL_TABLES.map((t) => [t.name, t] as const))(
    "creates the %s table with every column, style and number format",
    (_name, spec) => {
      const { sheet, table } = tableOf(snap, spec.name);
      expect(table.headers).toEqual(spec.columns.map((c) => c.name));
      expect(table.style).toBe(TABLE_STYLE);
      const o = origin(table.address);
      expect(rectAddress(indexRect(o.row, o.col, 1, 1))).toBe(spec.anchor);
      spec.columns.forEach((col) => {
        const address = cellAt(spec, snap, col.name);
        expect([col.name, numberFormatOf(sheet, address)]).toEqual([
          col.name,
          numberFormatFor(col.type),
        ]);
        expect(sheet.columnWidths[address.replace(/\d+/, "")]).toBe(col.width);
      });
    }
  );

  it.each(ALL_TABLES.map((t) => [t.name, t] as const))(
    "gives every list column of %s a dropdown that warns instead of rejecting",
    (_name, spec) => {
      const { sheet } = tableOf(snap, spec.name);
      for (const col of spec.columns.filter((c) => c.list)) {
        const address = cellAt(spec, snap, col.name);
        const dv = sheet.dataValidations.find((v) => covers(v.address, address));
        expect(dv).toBeDefined();
        expect(dv!.rule).toEqual({ list: { inCellDropDown: true, source: listSource(col.list!) } });
        expect(dv!.errorAlert).toMatchObject({ showAlert: true, style: "Warning" });
      }
    }
  );

  it("fills Deals[Probability] with the lookup formula", () => {
    const address = cellAt(DEALS, snap, "Probability");
    expect(standIn.getFormula("Deals", address)).toBe(
      DEALS.columns.find((c) => c.name === "Probability")!.formula
    );
  });

  it("prefills Stages with the Salesforce preset", () => {
    const values = standIn.getValues("Settings", "A5:E14");
    expect(values).toEqual(
      STAGE_PRESETS.salesforce.map((s) => [
        s.stage,
        s.probability,
        s.forecastCategory,
        s.isWon,
        s.isLost,
      ])
    );
  });

  it("freezes header rows and colours tabs", () => {
    for (const s of snap.sheets.slice(1)) {
      expect(s.freeze.rows).toBe(s.name === "Settings" ? 4 : 1);
      expect(s.tabColor).toMatch(/^#/);
    }
  });

  it("writes the settings cells with labels, names for them, and the schema version", () => {
    expect(standIn.getValues("Settings", "A1:B2")).toEqual([
      [SETTINGS_CELLS.currency.label.en, "USD"],
      [SETTINGS_CELLS.fiscalYearStart.label.en, 1],
    ]);
    expect(snap.names.map((n) => [n.name, n.formula])).toEqual([
      ["SalesCurrency", "=Settings!$B$1"],
      ["SalesFiscalYearStart", "=Settings!$B$2"],
    ]);
    expect(snap.settings[SCHEMA_VERSION_SETTING]).toBe(SCHEMA_VERSION);
    expect(report.schemaVersion).toEqual({ found: null, now: SCHEMA_VERSION });
    const month = snap.sheets
      .find((s) => s.name === "Settings")!
      .dataValidations.find((v) => v.address.endsWith("B2"));
    expect(month?.rule).toEqual({
      wholeNumber: { formula1: 1, formula2: 12, operator: "Between" },
    });
  });
});

function numberFormatOf(sheet: WorkbookSnapshot["sheets"][number], address: string): string {
  return sheet.cells[address]?.numberFormat ?? "General";
}

function covers(range: string, cell: string): boolean {
  const [a, b = a] = range.split("!").pop()!.replace(/\$/g, "").split(":");
  const p = origin(cell);
  const s = origin(a);
  const e = origin(b);
  return p.row >= s.row && p.row <= e.row && p.col >= s.col && p.col <= e.col;
}

describe("setUpWorkbook with sample data", () => {
  it("adds marked sample rows whose Probability comes from the Stages table", async () => {
    const standIn = fresh();
    const report = await setUpWorkbook({ ...base, sampleData: true });
    const snap = standIn.snapshot();
    const deals = tableOf(snap, "Deals").table;
    expect(deals.rows).toBeGreaterThan(200);
    expect(report.sampleRows).toBeGreaterThan(700);
    expect(standIn.syncCount()).toBeLessThanOrEqual(6);
    expect(maxRequest(standIn)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    const ids = standIn.getValues("Deals", `A2:A${deals.rows + 1}`).map((r) => r[0]);
    expect(ids.every((id) => String(id).startsWith("SAMPLE-"))).toBe(true);
    const stages = standIn.getValues("Deals", `E2:E${deals.rows + 1}`).map((r) => r[0]);
    const probs = standIn.getValues("Deals", `H2:H${deals.rows + 1}`).map((r) => r[0]);
    const preset = new Map(STAGE_PRESETS.salesforce.map((s) => [s.stage, s.probability]));
    stages.forEach((s, i) => expect(probs[i]).toBe(preset.get(String(s))));
    expect(standIn.getText("Deals", "J2")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("uses the chosen preset's stages (Pipedrive, with Won and Lost rows)", async () => {
    const standIn = fresh();
    await setUpWorkbook({ ...base, stagePreset: "pipedrive", sampleData: true });
    const stages = standIn.getValues("Settings", "A5:A11").map((r) => r[0]);
    expect(stages).toEqual([
      "Lead In",
      "Contact Made",
      "Demo Scheduled",
      "Proposal Made",
      "Negotiations Started",
      "Won",
      "Lost",
    ]);
    const rows = tableOf(standIn.snapshot(), "Deals").table.rows;
    const dealStages = new Set(standIn.getValues("Deals", `E2:E${rows + 1}`).map((r) => r[0]));
    for (const s of dealStages) expect(stages).toContain(s);
  });
});

describe("setUpWorkbook run again", () => {
  it("changes nothing on the second and third run, not even a user's cell", async () => {
    const standIn = fresh();
    standIn.setValues("Sheet1", "A1:B2", [
      ["My notes", 42],
      ["=1+1", "keep"],
    ]);
    const options = { ...base, sampleData: true };
    await setUpWorkbook(options);
    const first = JSON.stringify(standIn.snapshot());
    standIn.resetCounters();
    const second = await setUpWorkbook(options);
    expect(JSON.stringify(standIn.snapshot())).toBe(first);
    const third = await setUpWorkbook(options);
    expect(JSON.stringify(standIn.snapshot())).toBe(first);
    for (const r of [second, third]) {
      expect(r.created).toEqual([]);
      expect(r.skipped.every((i) => i.reason === "samplePresent")).toBe(true);
    }
    // A re-run only reads: three round trips, no write request.
    expect(standIn.syncCount()).toBe(6);
    expect(standIn.getValues("Sheet1", "A1:B2")).toEqual([
      ["My notes", 42],
      [2, "keep"],
    ]);
  });

  it("recognises Arabic sheets from an English run by their tables", async () => {
    const standIn = fresh();
    const ar = await setUpWorkbook({ ...base, language: "ar" });
    expect(ar.created.filter((i) => i.kind === "sheet").map((i) => i.name)).toEqual([
      "العملاء المحتملون",
      "الصفقات",
      "التسعير",
      "المنافسون",
      "الإعدادات",
      "سجل خط المبيعات",
    ]);
    expect(standIn.getValue("الإعدادات", "A1")).toBe(SETTINGS_CELLS.currency.label.ar);
    const before = JSON.stringify(standIn.snapshot());
    const en = await setUpWorkbook(base);
    expect(en.created).toEqual([]);
    expect(JSON.stringify(standIn.snapshot())).toBe(before);
  });
});

describe("setUpWorkbook on a Deals sheet with 5,000 user rows", () => {
  const { headers, values } = userDeals(5000);
  const lastCol = columnLetters(headers.length - 1);

  it("turns the range into the Deals table, keeps every cell and appends missing columns at the end", async () => {
    const standIn = fresh();
    standIn.setValues("Deals", `A1:${lastCol}5001`, [headers, ...values]);
    const before = standIn.getValues("Deals", `A1:${lastCol}5001`);
    standIn.resetCounters();
    const report = await setUpWorkbook(base);
    expect(standIn.syncCount()).toBeLessThanOrEqual(6);
    expect(maxRequest(standIn)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(standIn.getValues("Deals", `A1:${lastCol}5001`)).toEqual(before);
    const snap = standIn.snapshot();
    const { table } = tableOf(snap, "Deals");
    expect(table.rows).toBe(5000);
    expect(table.headers).toEqual([...headers, "Probability", "Competitor", "Last Activity"]);
    expect(report.adopted).toContainEqual({
      kind: "table",
      name: "Deals",
      parent: "Deals",
      count: 5000,
    });
    expect(report.created.filter((i) => i.kind === "column").map((i) => i.name)).toEqual([
      "Probability",
      "Competitor",
      "Last Activity",
    ]);
    // The appended Probability is live: row 2 holds stage "Verbal yes" (not in Stages), row 3 "Qualification".
    const p = columnLetters(headers.length);
    expect(standIn.getValue("Deals", `${p}2`)).toBe("");
    expect(standIn.getValue("Deals", `${p}3`)).toBe(0.1);
    // No dropdown on the user's own columns: their existing values are never flagged.
    const dealsSheet = snap.sheets.find((s) => s.name === "Deals")!;
    const stageCol = columnLetters(headers.indexOf("Stage"));
    expect(dealsSheet.dataValidations.some((v) => covers(v.address, `${stageCol}3`))).toBe(false);
    expect(report.created.some((i) => i.kind === "sheet" && i.name === "Deals")).toBe(false);
  });

  it("adopts a user table named Deals, adds sample rows after the user's and removes only those", async () => {
    // Fewer rows here: the 5,000-row case is above, and the stand-in recalculates slowly.
    const standIn = fresh();
    const { headers, values } = userDeals(400);
    standIn.setValues("Deals", `A1:${lastCol}401`, [headers, ...values]);
    await Excel.run(async (context) => {
      const t = context.workbook.worksheets.getItem("Deals").tables.add(`A1:${lastCol}401`, true);
      t.name = "Deals";
      await context.sync();
    });
    const before = standIn.getValues("Deals", `A1:${lastCol}401`);
    standIn.resetCounters();
    const report = await setUpWorkbook({ ...base, sampleData: true });
    expect(standIn.syncCount()).toBeLessThanOrEqual(6);
    expect(maxRequest(standIn)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    const sampleCount = report.created.find(
      (i) => i.kind === "sampleRows" && i.name === "Deals"
    )!.count!;
    expect(tableOf(standIn.snapshot(), "Deals").table.rows).toBe(400 + sampleCount);
    expect(standIn.getValues("Deals", `A1:${lastCol}401`)).toEqual(before);

    standIn.resetCounters();
    const removed = await removeSampleData();
    expect(standIn.syncCount()).toBeLessThanOrEqual(4);
    expect(removed.removed).toContainEqual({ table: "Deals", rows: sampleCount });
    const snap = standIn.snapshot();
    expect(tableOf(snap, "Deals").table.rows).toBe(400);
    expect(standIn.getValues("Deals", `A1:${lastCol}401`)).toEqual(before);
    expect(standIn.getValue("Deals", "A402")).toBe("");
    for (const name of ["Leads", "Owners", "Targets", "Pricing", "Competitors"]) {
      const t = tableOf(snap, name);
      expect([name, t.table.rows]).toEqual([name, 1]);
    }
  });
});

describe("setUpWorkbook next to foreign content", () => {
  it("leaves a foreign sheet named Deals untouched, says so and suggests another name", async () => {
    const standIn = fresh();
    standIn.setValues("Deals", "A1:C3", [
      ["Budget 2026", "", ""],
      ["Q1", 100, 200],
      ["Q2", 150, 250],
    ]);
    const foreign = () => JSON.stringify(standIn.snapshot().sheets.find((s) => s.name === "Deals"));
    const before = foreign();
    const report = await setUpWorkbook(base);
    expect(foreign()).toBe(before);
    expect(report.skipped).toContainEqual({
      kind: "sheet",
      name: "Deals",
      reason: "foreignSheet",
      suggestion: "Deals 2",
      sheetKey: "deals",
    });
    expect(report.skipped).toContainEqual({
      kind: "table",
      name: "Deals",
      parent: "Deals",
      reason: "sheetSkipped",
    });
    expect(() => tableOf(standIn.snapshot(), "Deals")).toThrow();
    expect(tableOf(standIn.snapshot(), "Leads").sheet.name).toBe("Leads");

    // With the suggested name the Deals table goes there; later runs find it by its table.
    const second = await setUpWorkbook({ ...base, sheetNameOverrides: { deals: "Deals 2" } });
    expect(second.skipped).toEqual([]);
    expect(tableOf(standIn.snapshot(), "Deals").sheet.name).toBe("Deals 2");
    const third = await setUpWorkbook(base);
    expect(third.skipped).toEqual([]);
    expect(third.created).toEqual([]);
    expect(foreign()).toBe(before);
  });

  it("does not put a table over the user's cells on their Settings sheet, and says where they are", async () => {
    const standIn = fresh();
    await setUpWorkbook(base);
    // The user removed the Stages table and wrote a note where it went.
    await Excel.run(async (context) => {
      const stages = context.workbook.tables.getItem("Stages");
      stages.delete();
      context.workbook.worksheets.getItem("Settings").getRange("A4:E14").clear("All");
      await context.sync();
    });
    standIn.setValues("Settings", "B7:B7", [["my note"]]);
    const report = await setUpWorkbook(base);
    const skipped = report.skipped.find((i) => i.reason === "anchorOccupied")!;
    expect([skipped.name, skipped.parent, skipped.at?.sheet]).toEqual([
      "Stages",
      "Settings",
      "Settings",
    ]);
    expect(containsCell(parseRect(skipped.at!.address)!, 7, 2)).toBe(true);
    expect(standIn.getValue("Settings", "B7")).toBe("my note");
  });

  it("does not touch a table named Deals with unrelated columns", async () => {
    const standIn = fresh();
    standIn.setValues("Sheet1", "A1:B2", [
      ["Client", "Value"],
      ["X", 1],
    ]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").tables.add("A1:B2", true).name = "Deals";
      await context.sync();
    });
    const report = await setUpWorkbook(base);
    expect(report.skipped).toContainEqual({
      kind: "table",
      name: "Deals",
      parent: "Sheet1",
      reason: "foreignTable",
    });
    expect(standIn.snapshot().sheets.map((s) => s.name)).not.toContain("Deals");
    expect(standIn.getValues("Sheet1", "A1:B2")).toEqual([
      ["Client", "Value"],
      ["X", 1],
    ]);
  });

  it("does not append a column over the user's cells right of the table", async () => {
    const standIn = fresh();
    const cols = DEALS.columns.slice(0, 12).map((c) => c.name);
    const last = columnLetters(cols.length - 1);
    standIn.setValues("Deals", `A1:${last}2`, [
      cols,
      cols.map((c) => (c === "Amount" ? 5 : `${c} 1`)),
    ]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Deals").tables.add(`A1:${last}2`, true).name = "Deals";
      await context.sync();
    });
    const next = columnLetters(cols.length);
    standIn.setValues("Deals", `${next}2:${next}2`, [["my note"]]);
    const report = await setUpWorkbook(base);
    expect(report.skipped.filter((i) => i.reason === "noRoom").map((i) => i.name)).toEqual(
      DEALS.columns.slice(12).map((c) => c.name)
    );
    // Each says where the cells in the way are, for the pane's "Go to the cells".
    const at = report.skipped.filter((i) => i.reason === "noRoom").map((i) => i.at!);
    expect(new Set(at.map((a) => `${a.sheet}!${a.address}`)).size).toBe(1);
    const rect = parseRect(at[0].address)!;
    expect([at[0].sheet, containsCell(rect, 2, cols.length + 1)]).toEqual(["Deals", true]);
    expect(rect.col).toBe(cols.length + 1);
    expect(standIn.getValue("Deals", `${next}2`)).toBe("my note");
    expect(tableOf(standIn.snapshot(), "Deals").table.headers).toEqual(cols);
  });
});

describe("setUpWorkbook upgrades", () => {
  it("adds the columns an older schema lacked, keeping the data, and records the new version", async () => {
    const standIn = fresh();
    const old = DEALS.columns
      .map((c) => c.name)
      .filter((n) => !["Probability", "Competitor", "Last Activity"].includes(n));
    const last = columnLetters(old.length - 1);
    const row = (id: string, stage: string) =>
      old.map((h) => (h === "Deal ID" ? id : h === "Stage" ? stage : h === "Amount" ? 100 : ""));
    standIn.setValues("Deals", `A1:${last}3`, [
      old,
      row("D-1", "Negotiation/Review"),
      row("D-2", "Closed Won"),
    ]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Deals").tables.add(`A1:${last}3`, true).name = "Deals";
      context.workbook.settings.add(SCHEMA_VERSION_SETTING, 0);
      await context.sync();
    });
    const before = standIn.getValues("Deals", `A1:${last}3`);
    const report = await setUpWorkbook(base);
    expect(report.schemaVersion).toEqual({ found: 0, now: SCHEMA_VERSION });
    expect(standIn.snapshot().settings[SCHEMA_VERSION_SETTING]).toBe(SCHEMA_VERSION);
    expect(tableOf(standIn.snapshot(), "Deals").table.headers).toEqual([
      ...old,
      "Probability",
      "Competitor",
      "Last Activity",
    ]);
    expect(standIn.getValues("Deals", `A1:${last}3`)).toEqual(before);
    const p = columnLetters(old.length);
    expect([standIn.getValue("Deals", `${p}2`), standIn.getValue("Deals", `${p}3`)]).toEqual([
      0.9, 1,
    ]);
  });

  it("keeps a newer schema version and says so", async () => {
    const standIn = fresh();
    await Excel.run(async (context) => {
      context.workbook.settings.add(SCHEMA_VERSION_SETTING, SCHEMA_VERSION + 1);
      await context.sync();
    });
    const report = await setUpWorkbook(base);
    expect(report.skipped).toContainEqual({
      kind: "schema",
      name: String(SCHEMA_VERSION + 1),
      reason: "newerSchema",
    });
    expect(standIn.snapshot().settings[SCHEMA_VERSION_SETTING]).toBe(SCHEMA_VERSION + 1);
  });
});

describe("removeSampleData", () => {
  it("returns a sample-only workbook to the state of a setup without sample data", async () => {
    const withSample = fresh();
    await setUpWorkbook({ ...base, sampleData: true });
    const report = await removeSampleData();
    expect(report.kept).toEqual([]);
    const removed = withSample.snapshot();
    const plainStandIn = fresh();
    await setUpWorkbook(base);
    const plain = plainStandIn.snapshot();
    // Dropdowns stay on the cells the table gave back (so re-added rows get them): compare the
    // rules and where they start, everything else exactly.
    const rules = (snap: WorkbookSnapshot) =>
      snap.sheets.map((sh) =>
        sh.dataValidations.map((v) => [v.address.split(":")[0], v.rule, v.errorAlert])
      );
    expect(rules(removed)).toEqual(
      rules(plain).map((sheet) =>
        sheet.map(([a, r, e]) => [(a as string).replace(/\$/g, ""), r, e])
      )
    );
    const strip = (snap: WorkbookSnapshot) => ({
      ...snap,
      sheets: snap.sheets.map((sh) => ({ ...sh, dataValidations: [] })),
    });
    expect(strip(removed)).toEqual(strip(plain));
  });

  it("finds nothing to remove in a workbook without sample rows", async () => {
    fresh();
    await setUpWorkbook(base);
    expect((await removeSampleData()).removed).toEqual([]);
  });

  it("runs on ExcelApi 1.8 hosts (setup without the 1.9+ calls)", async () => {
    const standIn = fresh("1.8");
    await setUpWorkbook({ ...base, sampleData: true });
    expect(tableOf(standIn.snapshot(), "Deals").table.rows).toBeGreaterThan(200);
  });
});

describe("setup helpers", () => {
  it("matches headers case- and space-insensitively and lists what is missing", () => {
    const m = matchHeaders(OWNERS, [" owner "]);
    expect(m.compatible).toBe(true);
    expect(m.missing.map((c) => c.name)).toEqual(["Team"]);
    expect(matchHeaders(DEALS, ["Client", "Value"]).compatible).toBe(false);
    expect(matchHeaders(OWNERS, []).compatible).toBe(false);
  });

  it("suggests a free sheet name within Excel's 31 characters", () => {
    expect(suggestSheetName("Deals", ["Deals"])).toBe("Deals 2");
    expect(suggestSheetName("Deals", ["deals", "DEALS 2"])).toBe("Deals 3");
    expect(suggestSheetName("x".repeat(31), []).length).toBe(31);
  });

  it("builds list sources", () => {
    expect(listSource(["A", "B"])).toBe("A,B");
    expect(listSource({ table: "Stages", column: "Stage" })).toBe('=INDIRECT("Stages[Stage]")');
  });

  it("groups writes into requests under the size limit", () => {
    expect(groupBySize([3, 3, 3], 6)).toEqual([2, 1]);
    expect(groupBySize([10, 1], 6)).toEqual([1, 1]);
    expect(groupBySize([], 6)).toEqual([]);
  });

  it("plans the removal of sample rows: cut the trailing run, delete the others", () => {
    expect(planRemoval([false, true, false, true, true], true)).toEqual({
      shrinkTo: 3,
      clearFirst: false,
      deletes: [1],
    });
    expect(planRemoval([true, true], true)).toEqual({ shrinkTo: 1, clearFirst: true, deletes: [] });
    expect(planRemoval([false, false], true)).toEqual({
      shrinkTo: null,
      clearFirst: false,
      deletes: [],
    });
    expect(planRemoval([true, false, true], false)).toEqual({
      shrinkTo: null,
      clearFirst: false,
      deletes: [2, 0],
    });
  });
});
