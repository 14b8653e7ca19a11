/**
 * A deal deleted in the CRM disappears from the next export. The import lists the table's IDs the
 * file lacks and, only when the user says the file is the whole export (`removeMissing`), deletes
 * those rows, so the snapshot records them "Removed"; rows without an ID, rows whose file row was
 * skipped for a problem and the user's cells are never touched.
 */
import { createStandIn, StandIn } from "../../preview/excel";
import { toSerial } from "../../src/engine/dates";
import { setUpWorkbook } from "../../src/workbook/setup";
import { importRecords } from "../../src/workbook/import";
import { tableRows } from "../support/tables";

const HEADER = "Deal ID,Deal Name,Stage,Amount,Expected Close";
const line = (id: string, amount: string | number) =>
  `${id},Deal ${id},Proposal/Price Quote,${amount},2026-12-15`;
const file = (rows: readonly string[]) => [HEADER, ...rows].join("\r\n");
const WEEK = [toSerial(2026, 11, 2), toSerial(2026, 11, 9), toSerial(2026, 11, 16)];

async function workbook(): Promise<StandIn> {
  const s = createStandIn({ excelApi: "1.17" });
  s.install(globalThis);
  await setUpWorkbook({ stagePreset: "salesforce", language: "en", sampleData: false } as never);
  await importRecords({
    target: "Deals",
    text: file(["D1", "D2", "D3", "D4"].map((id, i) => line(id, 1000 * (i + 1)))),
    snapshotDate: WEEK[0],
  });
  // A row typed by hand (no ID) and a note of the user's beside the table.
  await Excel.run(async (context) => {
    const table = context.workbook.tables.getItem("Deals");
    const header = table.getHeaderRowRange().load("values");
    await context.sync();
    const row = header.values[0].map((h) =>
      h === "Deal Name" ? "typed by hand" : h === "Amount" ? 500 : ""
    );
    table.rows.add(undefined, [row]);
    await context.sync();
  });
  s.setValues("Deals", "AB3", [["note on D2's line"]]);
  return s;
}

const ids = (s: StandIn) => tableRows(s, "Deals").map((r) => r["Deal ID"] || r["Deal Name"]);

describe("deals the export no longer lists", () => {
  it("are listed and kept by default (a partial export, another CRM's deals)", async () => {
    const s = await workbook();
    const r = await importRecords({
      target: "Deals",
      text: file([line("D2", 2000), line("D4", 4000), line("D5", 5000)]),
      snapshotDate: WEEK[1],
    });
    expect([r.notInFile, r.removed]).toEqual([["D1", "D3"], 0]);
    expect(ids(s)).toEqual(["D1", "D2", "D3", "D4", "typed by hand", "D5"]);
    expect(r.history).toMatchObject({ status: "recorded", added: 1, deals: 5 });
  });

  it("are deleted with removeMissing, and the snapshot records them Removed", async () => {
    const s = await workbook();
    const before = s.getValue("Deals", "AB3");
    s.resetCounters();
    // D3's row has a problem (an amount that is no number): skipped, but D3 is still in the file.
    const r = await importRecords({
      target: "Deals",
      text: file([line("D2", 2500), line("D3", "lots"), line("D5", 5000)]),
      snapshotDate: WEEK[1],
      removeMissing: true,
    });
    expect(r.skipped.map((x) => x.problems[0].code)).toEqual(["notANumber"]);
    expect([r.notInFile, r.removed]).toEqual([["D1", "D4"], 2]);
    expect(ids(s)).toEqual(["D2", "D3", "typed by hand", "D5"]);
    expect(tableRows(s, "Deals").find((x) => x["Deal ID"] === "D2")!.Amount).toBe(2500);
    expect(s.getValue("Deals", "AB3")).toBe(before);
    // find, read, updates, appends, the deletion; then the snapshot's own 4.
    expect(r.syncs).toBe(5 + r.history!.syncs);
    const history = tableRows(s, "History").filter((x) => x.Snapshot === WEEK[1]);
    const removed = history.filter((x) => x.Outcome === "Removed").map((x) => x["Deal ID"]);
    expect(removed.sort()).toEqual(["D1", "D4"]);
    // The same file again next week: nothing left to remove, nothing changed.
    const again = await importRecords({
      target: "Deals",
      text: file([line("D2", 2500), line("D3", "lots"), line("D5", 5000)]),
      snapshotDate: WEEK[2],
      removeMissing: true,
    });
    expect([again.notInFile, again.removed, again.history?.added]).toEqual([[], 0, 0]);
  });

  it("keeps the rows of a filtered table (Excel cannot delete them) and says so", async () => {
    const s = await workbook();
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("Deals");
      table.columns.getItem("Deal Name").filter.applyValuesFilter(["Deal D2", "Deal D4"]);
      await context.sync();
    });
    const r = await importRecords({
      target: "Deals",
      text: file([line("D2", 2500), line("D4", 4000)]),
      snapshotDate: WEEK[1],
      removeMissing: true,
    });
    expect([r.notInFile, r.removed, r.removeFailed]).toEqual([
      ["D1", "D3"],
      0,
      { reason: "filtered" },
    ]);
    expect(ids(s)).toEqual(["D1", "D2", "D3", "D4", "typed by hand"]);
    // The snapshot follows the table: nothing Removed, D2's new amount recorded.
    expect(r.history).toMatchObject({ status: "recorded", added: 1, deals: 4 });
  });

  it("removes nothing when no row of the file could be written", async () => {
    const s = await workbook();
    const r = await importRecords({
      target: "Deals",
      text: file([line("D9", "n/a")]),
      snapshotDate: WEEK[1],
      removeMissing: true,
    });
    expect([r.added + r.updated, r.removed]).toEqual([0, 0]);
    expect(ids(s)).toEqual(["D1", "D2", "D3", "D4", "typed by hand"]);
  });
});
