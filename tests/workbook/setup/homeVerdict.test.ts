/**
 * The dashboard's "is that sheet the user's?" follows Setup's own decision: for each kind of
 * sheet bearing our tab name, homeSheetVerdict agrees with what decide() plans for it.
 */
import { DEALS, SETTINGS_CELLS, STAGES } from "../../../src/model/schema";
import { homeSheetVerdict } from "../../../src/workbook/setup";
import { SetupOptionsAt, decide } from "../../../src/workbook/setup/decide";
import type { SetupSnapshot } from "../../../src/workbook/setup/inventory";
import { parseRect } from "../../../src/model/a1";

const options: SetupOptionsAt = {
  stagePreset: "salesforce",
  language: "en",
  sampleData: false,
  asOf: 46096,
};

function snapshotWith(
  sheet: string,
  used: { rows: number; cols: number } | null,
  tableCount: number,
  headerRow: unknown[],
  blockUsed: string | null
): SetupSnapshot {
  const key = sheet === "Settings" ? "settings" : "deals";
  return {
    sheetNames: [sheet],
    names: new Set(),
    schemaVersion: null,
    tables: new Map(),
    candidates: new Map([
      [
        sheet.toLowerCase(),
        {
          name: sheet,
          used: used
            ? { rowIndex: 0, columnIndex: 0, rowCount: used.rows, columnCount: used.cols }
            : null,
          tableCount,
          merges: [],
        },
      ],
    ]),
    headerRows:
      used && tableCount === 0 && key !== "settings" ? new Map([[key, headerRow]]) : new Map(),
    sampleKeys: new Map(),
    stagesBody: null,
    loneRows: new Map(),
    settingsCells: null,
    anchorsUsed: new Map(
      blockUsed ? [[key === "settings" ? STAGES.name : DEALS.name, parseRect(blockUsed)]] : []
    ),
    convertRight: new Map(),
    placed: [],
  };
}

/** What decide plans for the table on that sheet: created/converted ("setup") or not ("user"). */
function planned(snap: SetupSnapshot, table: string): "setup" | "user" {
  const plan = decide(snap, options);
  const made = plan.writes.some(
    (w) =>
      (w.kind === "createTable" && w.spec.name === table) ||
      (w.kind === "convertRange" && w.table === table)
  );
  return made ? "setup" : "user";
}

const cases: [
  string,
  string,
  { rows: number; cols: number } | null,
  number,
  unknown[],
  string | null,
][] = [
  [
    "plain range, foreign headers",
    "Deals",
    { rows: 3, cols: 3 },
    0,
    ["Region", "Quarter", "Revenue"],
    null,
  ],
  [
    "plain range, our headers",
    "Deals",
    { rows: 2, cols: 4 },
    0,
    DEALS.columns.slice(0, 12).map((c) => c.name),
    null,
  ],
  [
    "plain range, a blank header",
    "Deals",
    { rows: 2, cols: 4 },
    0,
    DEALS.columns.slice(0, 12).map((c, i) => (i === 1 ? "" : c.name)),
    null,
  ],
  ["a table of the user's", "Deals", { rows: 3, cols: 3 }, 1, ["Region"], null],
  ["blank sheet", "Deals", null, 0, [""], null],
  ["blank-looking sheet, a fill where the table goes", "Deals", null, 0, [""], "B1"],
  ["Settings with values", "Settings", { rows: 1, cols: 2 }, 0, ["Currency", "USD"], null],
  ["blank Settings", "Settings", null, 0, [""], null],
];

describe("homeSheetVerdict agrees with decide", () => {
  it.each(cases)("%s", (_label, sheet, used, tableCount, headerRow, blockUsed) => {
    const spec = sheet === "Settings" ? STAGES : DEALS;
    const verdict = homeSheetVerdict(spec, {
      hasValues: used !== null,
      tableCount,
      headerRow,
      blockTaken: blockUsed !== null,
    });
    expect(verdict).toBe(
      planned(snapshotWith(sheet, used, tableCount, headerRow, blockUsed), spec.name)
    );
  });

  it("covers both verdicts", () => {
    const verdicts = cases.map(([, sheet, used, tableCount, headerRow, blockUsed]) =>
      homeSheetVerdict(sheet === "Settings" ? STAGES : DEALS, {
        hasValues: used !== null,
        tableCount,
        headerRow,
        blockTaken: blockUsed !== null,
      })
    );
    expect(new Set(verdicts)).toEqual(new Set(["setup", "user"]));
    expect(SETTINGS_CELLS.currency.address).toBeTruthy();
  });
});
