import {
  ALL_TABLES,
  DEALS,
  LEADS,
  OWNERS,
  SCHEMA_VERSION,
  SETTINGS_CELLS,
  STAGES,
  TABLES,
  TARGETS,
} from "../../../src/model/schema";
import { STAGE_PRESETS } from "../../../src/model/stagePresets";
import {
  SetupOptionsAt,
  anchorRowCounts,
  candidateNames,
  decide,
  decideSheets,
} from "../../../src/workbook/setup/decide";
import type {
  CandidateSheet,
  FoundTable,
  SetupSnapshot,
} from "../../../src/workbook/setup/inventory";
import { SetupWrite } from "../../../src/workbook/setup/plan";
import { generateSampleData } from "../../../src/engine/sample/sampleData";
import {
  cellIndexes,
  columnLetters,
  indexRect,
  parseRect,
  rectAddress,
} from "../../../src/model/a1";

/** The plan is decided from plain data: these snapshots stand for workbooks, no Excel involved. */
const options: SetupOptionsAt = {
  stagePreset: "salesforce",
  language: "en",
  sampleData: false,
  asOf: 46096, // 2026-03-15
};

function snapshot(over: Partial<SetupSnapshot> = {}): SetupSnapshot {
  return {
    sheetNames: [],
    names: new Set(),
    schemaVersion: null,
    tables: new Map(),
    candidates: new Map(),
    headerRows: new Map(),
    sampleKeys: new Map(),
    stagesBody: null,
    loneRows: new Map(),
    settingsCells: null,
    anchorsUsed: new Map(),
    convertRight: new Map(),
    placed: [],
    ...over,
  };
}

/** One of our tables as the inventory reports it, at A1 of its sheet. */
function table(name: string, sheet: string, headers: string[], bodyRows = 1): FoundTable {
  return {
    name,
    sheet,
    headers,
    range: { rowIndex: 0, columnIndex: 0, rowCount: 1 + bodyRows, columnCount: headers.length },
    bodyRows,
    right: { used: null, merges: [] },
  };
}

function candidate(name: string, used: CandidateSheet["used"], tableCount = 0): CandidateSheet {
  return { name, used, tableCount, merges: [] };
}

const kinds = (writes: readonly SetupWrite[]) => writes.map((w) => w.kind);
const ofKind = <K extends SetupWrite["kind"]>(writes: readonly SetupWrite[], kind: K) =>
  writes.filter((w): w is Extract<SetupWrite, { kind: K }> => w.kind === kind);

describe("decide (setup plan)", () => {
  it("plans every sheet, table, setting, name and the schema version for an empty workbook", () => {
    const plan = decide(snapshot(), options);
    expect(ofKind(plan.writes, "addSheet").map((w) => [w.name, w.freezeRows])).toEqual([
      ["Leads", 1],
      ["Deals", 1],
      ["Pricing", 1],
      ["Competitors", 1],
      ["Settings", 4],
      ["Pipeline History", 1],
    ]);
    expect(ofKind(plan.writes, "createTable").map((w) => w.spec.name)).toEqual(
      ALL_TABLES.map((t) => t.name)
    );
    const stages = ofKind(plan.writes, "createTable").find((w) => w.spec.name === TABLES.stages)!;
    expect(stages.rows.map((r) => r[0])).toEqual(STAGE_PRESETS.salesforce.map((s) => s.stage));
    expect(ofKind(plan.writes, "addName").map((w) => w.formula)).toEqual([
      "='Settings'!$B$1",
      "='Settings'!$B$2",
    ]);
    expect(ofKind(plan.writes, "setting").map((w) => [w.address, w.value])).toEqual(
      Object.values(SETTINGS_CELLS).map((c) => [c.address, c.default])
    );
    expect(ofKind(plan.writes, "schemaVersion")).toEqual([
      { kind: "schemaVersion", setting: expect.any(String), version: SCHEMA_VERSION },
    ]);
    expect(plan.skipped).toEqual([]);
    expect(plan.sampleRows).toBe(0);
    expect(plan.schemaVersion).toEqual({ found: null, now: SCHEMA_VERSION });
  });

  it("titles the Settings tables in the row above their anchors, in the workbook language", () => {
    const plan = decide(snapshot(), { ...options, language: "ar" });
    expect(ofKind(plan.writes, "caption").slice(0, 3)).toEqual([
      { kind: "caption", key: "settings", address: "A3", text: "مراحل خط المبيعات" },
      { kind: "caption", key: "settings", address: "G3", text: "المستهدفات الشهرية" },
      { kind: "caption", key: "settings", address: "K3", text: "مندوبو المبيعات" },
    ]);
  });

  it("writes nothing when everything is in place", () => {
    const tables = new Map(
      ALL_TABLES.map((t) => [
        t.name,
        table(
          t.name,
          t.sheetKey,
          t.columns.map((c) => c.name)
        ),
      ])
    );
    const settingsCells = [
      ["Currency", "EUR"],
      ["Fiscal year starts in month", 4],
    ];
    const plan = decide(
      snapshot({
        tables,
        settingsCells,
        names: new Set(["salescurrency", "salesfiscalyearstart"]),
        schemaVersion: SCHEMA_VERSION,
      }),
      options
    );
    expect(plan.writes.every((w) => w.kind === "useSheet" && w.freezeRows === null)).toBe(true);
    expect(plan.created).toEqual([]);
    expect(plan.skipped).toEqual([]);
    expect(plan.currency).toBe("EUR");
  });

  it("adopts an empty sheet bearing the other language's tab name and freezes its header", () => {
    const plan = decide(
      snapshot({
        sheetNames: ["Deals"],
        candidates: new Map([["deals", candidate("Deals", null)]]),
      }),
      { ...options, language: "ar" }
    );
    expect(ofKind(plan.writes, "useSheet")).toEqual([
      { kind: "useSheet", key: "deals", name: "Deals", freezeRows: 1 },
    ]);
    expect(plan.adopted).toContainEqual({ kind: "sheet", name: "Deals", sheetKey: "deals" });
  });

  it("skips a tab name taken by foreign content, suggests a free name, and skips its tables", () => {
    const used = { rowIndex: 0, columnIndex: 0, rowCount: 5, columnCount: 3 };
    const plan = decide(
      snapshot({
        sheetNames: ["Deals", "Deals 2"],
        candidates: new Map([["deals", candidate("Deals", used, 1)]]),
      }),
      options
    );
    expect(plan.skipped).toEqual([
      {
        kind: "sheet",
        name: "Deals",
        reason: "foreignSheet",
        suggestion: "Deals 3",
        sheetKey: "deals",
      },
      { kind: "table", name: DEALS.name, parent: "Deals", reason: "sheetSkipped" },
    ]);
    expect(ofKind(plan.writes, "createTable").map((w) => w.spec.name)).not.toContain(DEALS.name);
  });

  it("uses the caller's tab name override instead of ours", () => {
    expect(
      candidateNames("deals", { ...options, sheetNameOverrides: { deals: "Deals 2" } })
    ).toEqual(["Deals 2"]);
    const plan = decide(snapshot(), { ...options, sheetNameOverrides: { deals: "Deals 2" } });
    expect(ofKind(plan.writes, "addSheet").map((w) => w.name)).toContain("Deals 2");
  });

  it("makes a plain range with our headers our table and appends the columns it lacks", () => {
    const used = { rowIndex: 2, columnIndex: 1, rowCount: 11, columnCount: 3 };
    const inv = snapshot({
      sheetNames: ["Leads"],
      candidates: new Map([["leads", candidate("Leads", used)]]),
      headerRows: new Map([["leads", LEADS.columns.slice(0, 12).map((c) => c.name)]]),
    });
    expect([...decideSheets(inv, options).convertible.keys()]).toEqual(["leads"]);
    const plan = decide(inv, options);
    expect(ofKind(plan.writes, "convertRange")).toEqual([
      { kind: "convertRange", sheet: "Leads", address: "B3:D13", table: LEADS.name },
    ]);
    expect(plan.adopted).toContainEqual({
      kind: "table",
      name: LEADS.name,
      parent: "Leads",
      count: 10,
    });
    expect(
      ofKind(plan.writes, "appendColumn")
        .filter((w) => w.table === LEADS.name)
        .map((w) => [w.column.name, w.bodyRows])
    ).toEqual(LEADS.columns.slice(12).map((c) => [c.name, 10]));
  });

  it("leaves a plain range alone when Excel would rename a blank header", () => {
    const used = { rowIndex: 0, columnIndex: 0, rowCount: 4, columnCount: 3 };
    const headers = LEADS.columns.map((c) => c.name);
    headers[3] = "";
    const plan = decide(
      snapshot({
        sheetNames: ["Leads"],
        candidates: new Map([["leads", candidate("Leads", used)]]),
        headerRows: new Map([["leads", headers]]),
      }),
      options
    );
    expect(ofKind(plan.writes, "convertRange")).toEqual([]);
    expect(plan.skipped[0]).toMatchObject({ kind: "sheet", name: "Leads", reason: "foreignSheet" });
  });

  it("skips a table with foreign columns, and the sheet through it", () => {
    const plan = decide(
      snapshot({ tables: new Map([[DEALS.name, table("Deals", "Mine", ["A", "B", "C"])]]) }),
      options
    );
    expect(
      decideSheets(
        snapshot({ tables: new Map([[DEALS.name, table("Deals", "Mine", ["A"])]]) }),
        options
      ).decisions.get("deals")
    ).toEqual({
      action: "skip",
      name: "Mine",
      reason: "foreignTable",
    });
    expect(plan.skipped).toEqual([
      { kind: "table", name: "Deals", parent: "Mine", reason: "foreignTable" },
    ]);
  });

  it("appends a missing column only where the cells to the table's right are empty", () => {
    const headers = DEALS.columns.slice(0, -2).map((c) => c.name);
    const roomForOne = {
      ...table(DEALS.name, "Deals", headers, 5),
      // A format (or value) in the second column right of the table, row 3.
      right: { used: parseRect(`${columnLetters(headers.length + 1)}3`), merges: [] },
    };
    const plan = decide(snapshot({ tables: new Map([[DEALS.name, roomForOne]]) }), options);
    const [second, last] = DEALS.columns.slice(-2);
    expect(ofKind(plan.writes, "appendColumn")).toEqual([
      { kind: "appendColumn", table: DEALS.name, column: second, bodyRows: 5 },
    ]);
    expect(plan.skipped).toEqual([
      {
        kind: "column",
        name: last.name,
        parent: DEALS.name,
        reason: "noRoom",
        at: { sheet: "Deals", address: `${columnLetters(headers.length + 1)}3` },
      },
    ]);
  });

  it("does not add sample rows twice, and fills Excel's empty row first", () => {
    const owners = table(OWNERS.name, "Settings", ["Owner", "Team"], 1);
    const deals = table(
      DEALS.name,
      "Deals",
      DEALS.columns.map((c) => c.name),
      3
    );
    const plan = decide(
      snapshot({
        tables: new Map([
          [DEALS.name, deals],
          [OWNERS.name, { ...owners, range: { ...owners.range, rowIndex: 3, columnIndex: 10 } }],
        ]),
        sampleKeys: new Map([
          [DEALS.name, [["D-1"], ["SAMPLE-D-0001"], ["D-2"]]],
          [OWNERS.name, [[""]]],
        ]),
        loneRows: new Map([[OWNERS.name, ["", ""]]]),
      }),
      { ...options, sampleData: true }
    );
    expect(plan.skipped).toContainEqual({
      kind: "sampleRows",
      name: DEALS.name,
      reason: "samplePresent",
    });
    const sample = generateSampleData({ asOf: options.asOf, stages: STAGE_PRESETS.salesforce });
    const fill = ofKind(plan.writes, "fillEmptyRow");
    expect(fill).toEqual([
      { kind: "fillEmptyRow", table: OWNERS.name, address: "K5:L5", values: expect.any(Array) },
    ]);
    const added = ofKind(plan.writes, "addRows").find((w) => w.table === OWNERS.name)!;
    expect([fill[0].values, ...added.rows].map((r) => r[0])).toEqual(
      sample.owners.map((o) => o.owner)
    );
    expect(plan.created).toContainEqual({
      kind: "sampleRows",
      name: OWNERS.name,
      count: sample.owners.length,
    });
  });

  it("does not put a table where the Settings sheet already has content", () => {
    const { rowIndex, columnIndex } = cellIndexes(STAGES.anchor);
    const stagesAnchorCell = indexRect(rowIndex + 2, columnIndex + 1);
    const targets = table(
      TARGETS.name,
      "Settings",
      TARGETS.columns.map((c) => c.name),
      2
    );
    const plan = decide(
      snapshot({
        sheetNames: ["Settings"],
        tables: new Map([[TARGETS.name, targets]]),
        settingsCells: [["Currency", "SAR"]],
        anchorsUsed: new Map([
          [STAGES.name, stagesAnchorCell],
          [OWNERS.name, null],
        ]),
      }),
      options
    );
    expect(plan.skipped).toContainEqual({
      kind: "table",
      name: STAGES.name,
      parent: "Settings",
      reason: "anchorOccupied",
      at: { sheet: "Settings", address: rectAddress(stagesAnchorCell) },
    });
    expect(ofKind(plan.writes, "createTable").map((w) => w.spec.name)).toContain(OWNERS.name);
    expect(ofKind(plan.writes, "createTable").map((w) => w.spec.name)).not.toContain(STAGES.name);
    expect(plan.currency).toBe("SAR");
    expect(plan.adopted).toContainEqual({ kind: "setting", name: "Currency" });
  });

  it("keeps a newer schema version and writes none", () => {
    const plan = decide(snapshot({ schemaVersion: SCHEMA_VERSION + 1 }), options);
    expect(kinds(plan.writes)).not.toContain("schemaVersion");
    expect(plan.skipped).toEqual([
      { kind: "schema", name: String(SCHEMA_VERSION + 1), reason: "newerSchema" },
    ]);
    expect(plan.schemaVersion).toEqual({ found: SCHEMA_VERSION + 1, now: SCHEMA_VERSION + 1 });
  });

  it("sizes the Settings blocks it checks by the preset and the sample rows", () => {
    const sample = generateSampleData({ asOf: options.asOf, stages: STAGE_PRESETS.hubspot });
    const plain = anchorRowCounts({ ...options, stagePreset: "hubspot" });
    expect(plain.get(STAGES.name)).toBe(1 + STAGE_PRESETS.hubspot.length);
    expect(plain.get(OWNERS.name)).toBe(2);
    const withSample = anchorRowCounts({ ...options, stagePreset: "hubspot", sampleData: true });
    expect(withSample.get(OWNERS.name)).toBe(1 + sample.owners.length);
    expect(withSample.get(TABLES.targets)).toBe(1 + sample.targets.length);
  });
});
