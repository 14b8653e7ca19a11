/**
 * A deal deleted in the CRM disappears from the next export. The import lists the table's IDs the
 * file lacks (`notInFile`) and never deletes them: it cannot tell a deleted deal from a partial
 * export, another CRM's deals or a deal typed in. A row the user deletes is Removed in the next
 * snapshot; rows without an ID, rows whose file row was skipped for a problem and the user's cells
 * are never touched.
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
  it("are listed and kept (a partial export, another CRM's deals, a deal typed in)", async () => {
    const s = await workbook();
    const before = s.getValue("Deals", "AB3");
    s.resetCounters();
    // D3's row has a problem (an amount that is no number): skipped, but D3 is still in the file.
    const r = await importRecords({
      target: "Deals",
      text: file([line("D2", 2500), line("D3", "lots"), line("D5", 5000)]),
      snapshotDate: WEEK[1],
    });
    expect(r.skipped.map((x) => x.problems[0].code)).toEqual(["notANumber"]);
    expect(r.notInFile).toEqual(["D1", "D4"]);
    expect(ids(s)).toEqual(["D1", "D2", "D3", "D4", "typed by hand", "D5"]);
    expect(tableRows(s, "Deals").find((x) => x["Deal ID"] === "D2")!.Amount).toBe(2500);
    expect(s.getValue("Deals", "AB3")).toBe(before);
    // find, read, updates, appends; then the snapshot's own syncs: no extra sync for the list.
    expect(r.syncs).toBe(4 + r.history!.syncs);
    const history = tableRows(s, "History").filter((x) => x.Snapshot === WEEK[1]);
    expect(history.filter((x) => x.Outcome === "Removed")).toEqual([]);
  });

  it("once the user deletes a listed row, the next import records it Removed", async () => {
    const s = await workbook();
    const week2 = file([line("D2", 2000), line("D3", 3000), line("D4", 4000)]);
    const r = await importRecords({ target: "Deals", text: week2, snapshotDate: WEEK[1] });
    expect(r.notInFile).toEqual(["D1"]);
    // The manager deletes D1's row, as the summary suggests.
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("Deals").rows.getItemAt(0).delete();
      await context.sync();
    });
    const again = await importRecords({ target: "Deals", text: week2, snapshotDate: WEEK[2] });
    expect(again.notInFile).toEqual([]);
    expect(ids(s)).toEqual(["D2", "D3", "D4", "typed by hand"]);
    const history = tableRows(s, "History").filter((x) => x.Snapshot === WEEK[2]);
    expect(history.filter((x) => x.Outcome === "Removed").map((x) => x["Deal ID"])).toEqual(["D1"]);
  });

  it("lists nothing when the file has no ID column (nothing to match)", async () => {
    const s = await workbook();
    const r = await importRecords({
      target: "Deals",
      text: ["Deal Name,Stage,Amount,Expected Close", "New one,Prospecting,10,2026-12-20"].join(
        "\r\n"
      ),
      snapshotDate: WEEK[1],
    });
    expect(r.notInFile).toEqual([]);
    expect(ids(s)).toEqual(["D1", "D2", "D3", "D4", "typed by hand", "New one"]);
  });
});
