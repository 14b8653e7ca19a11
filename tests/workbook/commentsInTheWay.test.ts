/**
 * Comments and notes where a table grows (round 4, #14 follow-up). Excel keeps a comment on its
 * cell: rows added through a table push the cells below down and their comments go along, but a
 * column appended at a table's edge, or a new table, takes the cells over with their comments,
 * which would then annotate our header or values. Setup treats such a comment like a value in
 * the way: it names the cell and the fix and writes nothing there; nothing is moved or deleted.
 */
import { createStandIn, StandIn } from "../../preview/excel";
import { setUpWorkbook } from "../../src/workbook/setup";
import { importRecords } from "../../src/workbook/import";
import { blockBlocker, columnGrowth } from "../../src/workbook/setup/growth";
import { DEALS } from "../../src/model/schema";
import { columnLetters, parseRect } from "../../src/model/a1";
import { tableRows } from "../support/tables";

jest.setTimeout(120_000);

let s: StandIn;
beforeEach(() => {
  s = createStandIn({ excelApi: "1.17" });
  s.install(globalThis);
});

const comments = (sheet: string) => s.snapshot().sheets.find((x) => x.name === sheet)!.comments;

async function comment(sheet: string, cell: string, text: string): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).comments.add(cell, text);
    await context.sync();
  });
}

/** A Deals table of an older schema (its last two columns missing) with two deals. */
async function olderDeals(): Promise<string> {
  const headers = DEALS.columns.slice(0, -2).map((c) => c.name);
  const last = columnLetters(headers.length - 1);
  s.setValues("Deals", `A1:${last}3`, [
    headers,
    headers.map((h) => (h === "Deal ID" ? "U-1" : h === "Amount" ? 10 : "")),
    headers.map((h) => (h === "Deal ID" ? "U-2" : h === "Amount" ? 20 : "")),
  ]);
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem("Deals").tables.add(`A1:${last}3`, true).name = "Deals";
    await context.sync();
  });
  return columnLetters(headers.length);
}

const setup = () => setUpWorkbook({ stagePreset: "salesforce", language: "en", sampleData: false });

describe("a comment where Setup appends a column", () => {
  it("right of an older Deals table: the columns are skipped with commentInTheWay, the comment stays ×3, then moving it lets Setup add them", async () => {
    const next = await olderDeals();
    await comment("Deals", `${next}3`, "ask Omar about this deal");
    const before = comments("Deals");
    for (let i = 0; i < 3; i++) {
      const r = await setup();
      const skipped = r.skipped.filter((x) => x.kind === "column");
      expect(skipped.map((x) => [x.name, x.reason, x.at])).toEqual(
        DEALS.columns
          .slice(-2)
          .map((c) => [c.name, "commentInTheWay", { sheet: "Deals", address: `${next}3` }])
      );
      expect(comments("Deals")).toEqual(before);
      expect(s.getValue("Deals", `${next}1`)).toBe("");
    }
    // The fix the message names: the user moves the comment (here: to a cell left of the table's edge).
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Deals");
      ws.comments.getItemByCell(`${next}3`).delete();
      ws.comments.add("B3", "ask Omar about this deal");
      await context.sync();
    });
    const r = await setup();
    expect(r.skipped.filter((x) => x.kind === "column")).toEqual([]);
    expect(tableRows(s, "Deals")).toHaveLength(2);
    expect(comments("Deals")).toEqual([{ address: "B3", content: "ask Omar about this deal" }]);
  });

  it("a comment in the second new column: the first column is added, the second skipped", async () => {
    const next = await olderDeals();
    const after = columnLetters(DEALS.columns.length - 1);
    await comment("Deals", `${after}2`, "mine");
    const r = await setup();
    expect(r.created.filter((x) => x.kind === "column").map((x) => x.name)).toEqual([
      DEALS.columns[DEALS.columns.length - 2].name,
    ]);
    expect(
      r.skipped.filter((x) => x.kind === "column").map((x) => [x.reason, x.at?.address])
    ).toEqual([["commentInTheWay", `${after}2`]]);
    expect(s.getValue("Deals", `${next}1`)).toBe(DEALS.columns[DEALS.columns.length - 2].name);
    expect(comments("Deals")).toEqual([{ address: `${after}2`, content: "mine" }]);
  });
});

describe("a comment where Setup creates a table", () => {
  it("on a user's empty Settings sheet: the table whose block holds the comment is skipped, the comment kept", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("Settings");
      await context.sync();
    });
    await comment("Settings", "B3", "budget notes");
    const r = await setup();
    const skipped = r.skipped.filter((x) => x.reason === "commentInTheWay");
    expect(skipped.map((x) => [x.kind, x.at])).toEqual([
      ["table", { sheet: "Settings", address: "B3" }],
    ]);
    expect(comments("Settings")).toEqual([{ address: "B3", content: "budget notes" }]);
  });
});

describe("a comment below a table moves down with its cell as rows are added (as in Excel)", () => {
  it("an import of 3 deals moves a comment under the Deals table 3 rows down, text intact, nothing refused", async () => {
    await setup();
    const rows = s
      .snapshot()
      .sheets.flatMap((x) => x.tables)
      .find((t) => t.name === "Deals")!.rows;
    await comment("Deals", "B10", "keep me");
    const r = await importRecords({
      target: "Deals",
      text: "Deal ID,Deal Name,Amount\nD1,A,1\nD2,B,2\nD3,C,3\n",
    });
    expect(r.added).toBe(3);
    const grown = s
      .snapshot()
      .sheets.flatMap((x) => x.tables)
      .find((t) => t.name === "Deals")!.rows;
    // Excel's empty body row takes the first deal, so the table grows by 3 - (rows === 1 ? 1 : 0).
    expect(comments("Deals")).toEqual([{ address: `B${10 + grown - rows}`, content: "keep me" }]);
  });
});

describe("the pure checks", () => {
  const rect = (a: string) => parseRect(a)!;
  it("columnGrowth stops at the first column with a comment over the table's rows", () => {
    const right = { used: null, merges: [], comments: [rect("F9"), rect("E4"), rect("D1")] };
    expect(columnGrowth(rect("A1:C5"), 3, right)).toEqual({
      free: 0,
      blocker: { kind: "comment", address: "D1" },
    });
    expect(columnGrowth(rect("A2:C5"), 3, right)).toEqual({
      free: 1,
      blocker: { kind: "comment", address: "E4" },
    });
    // A value before the comment stops first; comments below the table are not in the way.
    expect(columnGrowth(rect("A2:C5"), 3, { ...right, used: rect("D5") })).toEqual({
      free: 0,
      blocker: { kind: "content", address: "D5" },
    });
  });

  it("blockBlocker: merges, then values, then comments", () => {
    const block = rect("A1:C5");
    expect(blockBlocker(block, null, [], [rect("D1"), rect("B4")])).toEqual({
      kind: "comment",
      address: "B4",
    });
    expect(blockBlocker(block, rect("A2"), [], [rect("B4")])).toEqual({
      kind: "content",
      address: "A2",
    });
    expect(blockBlocker(block, null, [], [])).toBeNull();
  });
});

describe("notes (ExcelApi 1.18) where Setup appends a column", () => {
  async function note(sheet: string, cell: string, text: string): Promise<void> {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).notes.add(cell, text);
      await context.sync();
    });
  }

  it("on a 1.18 host a note right of an older Deals table is in the way like a comment, and stays", async () => {
    s = createStandIn({ excelApi: "1.18" });
    s.install(globalThis);
    const next = await olderDeals();
    await note("Deals", `${next}2`, "classic note");
    const r = await setup();
    expect(
      r.skipped.filter((x) => x.kind === "column").map((x) => [x.reason, x.at?.address])
    ).toEqual([
      ["commentInTheWay", `${next}2`],
      ["commentInTheWay", `${next}2`],
    ]);
    expect(comments("Deals")).toEqual([
      { address: `${next}2`, content: "classic note", note: true },
    ]);
  });

  it("the stand-in's notes: one per cell beside a comment, found by cell, moved down with the rows added above them", async () => {
    s = createStandIn({ excelApi: "1.18" });
    s.install(globalThis);
    await setup();
    await note("Deals", "C9", "n");
    await comment("Deals", "C9", "c");
    await expect(note("Deals", "C9", "again")).rejects.toMatchObject({ code: "InvalidOperation" });
    const where = await Excel.run(async (context) => {
      const n = context.workbook.worksheets.getItem("Deals").notes.getItem("C9");
      const at = n.getLocation().load("address");
      n.load("content");
      const none = context.workbook.worksheets.getItem("Deals").notes.getItemOrNullObject("D9");
      await context.sync();
      return [at.address, n.content, none.isNullObject];
    });
    expect(where).toEqual(["Deals!C9", "n", true]);
    await importRecords({ target: "Deals", text: "Deal ID,Amount\nD1,1\nD2,2\nD3,3\n" });
    const moved = comments("Deals").map((c) => c.address);
    expect(new Set(moved).size).toBe(1);
    expect(moved[0]).not.toBe("C9");
  });
});
