/**
 * The stand-in's inserting and deleting with shifting, tables growing by insertion, Excel's
 * refusals (merges in tables, shifts through a table or a merge, a table over a table), and a
 * table's sort and filters.
 */
import { createStandIn, StandIn } from "../../preview/excel";
import { shiftFormula, shiftRect } from "../../preview/excel/shift";

let standIn: StandIn;

beforeEach(() => {
  standIn = createStandIn();
  standIn.install(globalThis);
});

/** A Deals table on Sheet1!A1:C4 with a note below it and a formula pointing into it. */
function seedDeals(): void {
  standIn.setValues("Sheet1", "A1:C4", [
    ["Deal", "Stage", "Amount"],
    ["D1", "Won", 300],
    ["D2", "Lost", 100],
    ["D3", "Open", 200],
  ]);
  standIn.setValues("Sheet1", "A6", [["note below the table"]]);
  standIn.setFormula("Sheet1", "E1", "=SUM(C2:C4)");
  standIn.setFormula("Sheet1", "E2", "=A6");
}

async function makeTable(address = "A1:C4", name = "Deals"): Promise<void> {
  await Excel.run(async (context) => {
    const t = context.workbook.worksheets.getItem("Sheet1").tables.add(address, true);
    t.name = name;
    await context.sync();
  });
}

async function failure(fn: (context: Excel.RequestContext) => void): Promise<{ code?: string }> {
  try {
    await Excel.run(async (context) => {
      fn(context);
      await context.sync();
    });
  } catch (e) {
    return e as { code?: string };
  }
  throw new Error("expected the batch to fail");
}

describe("shift arithmetic", () => {
  const down = { axis: "rows" as const, at: 3, count: 2, insert: true, lo: 0, hi: 2 };
  const up = { ...down, insert: false };

  it("moves, grows, shrinks and deletes rectangles as Excel adjusts references", () => {
    expect(shiftRect(down, { r0: 4, r1: 4, c0: 0, c1: 0 })).toEqual({ r0: 6, r1: 6, c0: 0, c1: 0 });
    expect(shiftRect(down, { r0: 1, r1: 5, c0: 0, c1: 2 })).toEqual({ r0: 1, r1: 7, c0: 0, c1: 2 });
    expect(shiftRect(down, { r0: 1, r1: 2, c0: 0, c1: 2 })).toEqual({ r0: 1, r1: 2, c0: 0, c1: 2 });
    // Outside the band (column D) nothing moves.
    expect(shiftRect(down, { r0: 4, r1: 4, c0: 3, c1: 3 })).toEqual({ r0: 4, r1: 4, c0: 3, c1: 3 });
    expect(shiftRect(up, { r0: 3, r1: 4, c0: 1, c1: 1 })).toBeNull();
    expect(shiftRect(up, { r0: 1, r1: 9, c0: 0, c1: 0 })).toEqual({ r0: 1, r1: 7, c0: 0, c1: 0 });
  });

  it("rewrites references in formula text, not text in quotes, names or functions", () => {
    const same = (p: string) => p === "Sheet1";
    expect(shiftFormula('=SUM(A1:A5)+B4&"A4"+LOG10(4)', true, same, down)).toBe(
      '=SUM(A1:A7)+B6&"A4"+LOG10(4)'
    );
    expect(shiftFormula("=Sheet1!$A$4+Other!A4", false, same, down)).toBe("=Sheet1!$A$6+Other!A4");
    expect(shiftFormula("=A4+A9", true, same, up)).toBe("=#REF!+A7");
    expect(shiftFormula("=Deals[Q1]+SALES.WIN_RATE(B1:B2)", true, same, down)).toBe(
      "=Deals[Q1]+SALES.WIN_RATE(B1:B2)"
    );
  });
});

describe("Range.insert / Range.delete", () => {
  it("inserts cells and shifts what was there down, formulas following", async () => {
    seedDeals();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const inserted = sheet.getRange("A3:C3").insert("Down" as Excel.InsertShiftDirection);
      inserted.load("address");
      await context.sync();
      expect(inserted.address).toBe("Sheet1!A3:C3");
    });
    expect(standIn.getValues("Sheet1", "A2:C5")).toEqual([
      ["D1", "Won", 300],
      ["", "", ""],
      ["D2", "Lost", 100],
      ["D3", "Open", 200],
    ]);
    expect(standIn.getValue("Sheet1", "A7")).toBe("note below the table");
    expect(standIn.getFormula("Sheet1", "E1")).toBe("=SUM(C2:C5)");
    expect(standIn.getFormula("Sheet1", "E2")).toBe("=A7");
    expect(standIn.getValue("Sheet1", "E1")).toBe(600);
    expect(standIn.getValue("Sheet1", "E2")).toBe("note below the table");
  });

  it("deletes cells and shifts up; references to deleted cells become #REF!", async () => {
    seedDeals();
    standIn.setFormula("Sheet1", "F1", "=A3");
    await Excel.run(async (context) => {
      context.workbook.worksheets
        .getItem("Sheet1")
        .getRange("A3:C3")
        .delete("Up" as Excel.DeleteShiftDirection);
      await context.sync();
    });
    expect(standIn.getValues("Sheet1", "A3:C3")).toEqual([["D3", "Open", 200]]);
    expect(standIn.getValue("Sheet1", "A5")).toBe("note below the table");
    expect(standIn.getFormula("Sheet1", "E1")).toBe("=SUM(C2:C3)");
    expect(standIn.getValue("Sheet1", "E1")).toBe(500);
    expect(standIn.getFormula("Sheet1", "F1")).toBe("=#REF!");
  });

  it("keeps text as text and number formats when cells move", async () => {
    standIn.setValues("Sheet1", "A1:A2", [["'00123"], ["TRUE"]]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").numberFormat = [["@"]];
      sheet.getRange("A3").values = [[0.25]];
      sheet.getRange("A3").numberFormat = [["0%"]];
      await context.sync();
      sheet.getRange("A1").insert("Down" as Excel.InsertShiftDirection);
      await context.sync();
    });
    expect(standIn.getValue("Sheet1", "A2")).toBe("00123");
    expect(standIn.getValue("Sheet1", "A3")).toBe(true);
    expect(standIn.getText("Sheet1", "A4")).toBe("25%");
  });

  it("refuses to shift through part of a table, and through part of a merged area", async () => {
    seedDeals();
    await makeTable();
    const table = await failure((c) =>
      c.workbook.worksheets
        .getItem("Sheet1")
        .getRange("B3")
        .insert("Down" as Excel.InsertShiftDirection)
    );
    expect(table.code).toBe("InvalidOperation");
    standIn.setValues("Sheet1", "H1", [["merged"]]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("H2:I3").merge(false);
      await context.sync();
    });
    const merge = await failure((c) =>
      c.workbook.worksheets
        .getItem("Sheet1")
        .getRange("H1")
        .insert("Down" as Excel.InsertShiftDirection)
    );
    expect(merge.code).toBe("InvalidOperation");
    // Nothing moved.
    expect(standIn.getValue("Sheet1", "A6")).toBe("note below the table");
    expect(standIn.snapshot().sheets[0].merges).toEqual(["H2:I3"]);
  });

  it("moves a merged area wholly inside the moving band", async () => {
    standIn.setValues("Sheet1", "A3", [["kept"]]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A3:B3").merge(false);
      sheet.getRange("A3:B3").format.fill.color = "#FFFF00";
      await context.sync();
      sheet.getRange("A1:B1").insert("Down" as Excel.InsertShiftDirection);
      await context.sync();
    });
    const snap = standIn.snapshot().sheets[0];
    expect(snap.merges).toEqual(["A4:B4"]);
    expect(snap.cells.A4).toMatchObject({ value: "kept", fill: "#FFFF00" });
    expect(snap.cells.A3).toBeUndefined();
  });
});

describe("tables grow by insertion", () => {
  it("rows.add moves the cells below the table down instead of failing or overwriting", async () => {
    seedDeals();
    await makeTable();
    await Excel.run(async (context) => {
      const t = context.workbook.tables.getItem("Deals");
      t.rows.add(undefined, [
        ["D4", "Won", 50],
        ["D5", "Won", 60],
      ]);
      await context.sync();
    });
    expect(standIn.snapshot().sheets[0].tables[0]).toMatchObject({
      address: "Sheet1!A1:C6",
      rows: 5,
    });
    expect(standIn.getValue("Sheet1", "A8")).toBe("note below the table");
    expect(standIn.getFormula("Sheet1", "E2")).toBe("=A8");
    // A1 references that ended at the table's last row do not grow (Excel grows structured ones).
    expect(standIn.getFormula("Sheet1", "E1")).toBe("=SUM(C2:C4)");
  });

  it("rows.add with an index inserts inside the table", async () => {
    seedDeals();
    await makeTable();
    standIn.setFormula("Sheet1", "G1", "=SUM(Deals[Amount])");
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("Deals").rows.add(1, [["X", "Won", 1000]]);
      await context.sync();
    });
    expect(standIn.getValues("Sheet1", "A2:A5")).toEqual([["D1"], ["X"], ["D2"], ["D3"]]);
    expect(standIn.getValue("Sheet1", "G1")).toBe(1600);
    expect(standIn.getValue("Sheet1", "E1")).toBe(1600);
  });

  it("columns.add at the edge takes the next column when it is empty (nothing moves)", async () => {
    seedDeals();
    await makeTable();
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("Deals").columns.add(undefined, undefined, "Owner");
      await context.sync();
    });
    expect(standIn.getValues("Sheet1", "A1:D1")).toEqual([["Deal", "Stage", "Amount", "Owner"]]);
    expect(standIn.getFormula("Sheet1", "E1")).toBe("=SUM(C2:C4)");
    expect(standIn.snapshot().sheets[0].tables[0]).toMatchObject({ address: "Sheet1!A1:D4" });
  });

  it("columns.add next to a value inserts: the cells of the table's rows move right", async () => {
    seedDeals();
    standIn.setValues("Sheet1", "D3", [["mine"]]);
    await makeTable();
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("Deals").columns.add(undefined, undefined, "Owner");
      await context.sync();
    });
    expect(standIn.getValue("Sheet1", "E3")).toBe("mine");
    expect(standIn.getFormula("Sheet1", "F1")).toBe("=SUM(C2:C4)");
  });

  it("TableRow.delete and TableColumn.delete shift the cells in the table's band", async () => {
    seedDeals();
    standIn.setValues("Sheet1", "E3", [["beside"]]);
    await makeTable();
    await Excel.run(async (context) => {
      const t = context.workbook.tables.getItem("Deals");
      t.rows.getItemAt(0).delete();
      await context.sync();
      t.columns.getItem("Stage").delete();
      await context.sync();
    });
    expect(standIn.getValues("Sheet1", "A1:C3")).toEqual([
      ["Deal", "Amount", ""],
      ["D2", 100, ""],
      ["D3", 200, ""],
    ]);
    expect(standIn.snapshot().sheets[0].tables[0]).toMatchObject({
      address: "Sheet1!A1:B3",
      rows: 2,
    });
    // Rows: only the table's columns moved up (E3 stayed in row 3); columns: the table's rows
    // moved left (E3 → D3), as Excel's Delete Table Rows / Columns.
    expect(standIn.getValue("Sheet1", "D3")).toBe("beside");
    expect(standIn.getValue("Sheet1", "A5")).toBe("note below the table");
  });
});

describe("Excel's refusals", () => {
  it("a table cannot contain merged cells: merging inside one, or a table over a merge", async () => {
    seedDeals();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("H1:I1").merge(false);
      await context.sync();
    });
    const over = await failure((c) =>
      c.workbook.worksheets.getItem("Sheet1").tables.add("G1:I3", true)
    );
    expect(over.code).toBe("InvalidOperation");
    await makeTable();
    const inside = await failure((c) =>
      c.workbook.worksheets.getItem("Sheet1").getRange("A2:B2").merge(false)
    );
    expect(inside.code).toBe("InvalidOperation");
  });

  it("a table cannot grow over a merge that straddles its columns", async () => {
    seedDeals();
    await makeTable();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C8:D8").merge(false);
      await context.sync();
    });
    const e = await failure((c) =>
      c.workbook.tables.getItem("Deals").rows.add(undefined, [["D4", "Won", 1]])
    );
    expect(e.code).toBe("InvalidOperation");
    expect(standIn.snapshot().sheets[0].tables[0]).toMatchObject({ address: "Sheet1!A1:C4" });
  });

  it("a table cannot take a merged cell next to it (columns.add at the edge)", async () => {
    seedDeals();
    await makeTable();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("D3:D4").merge(false);
      await context.sync();
    });
    const e = await failure((c) =>
      c.workbook.tables.getItem("Deals").columns.add(undefined, undefined, "Owner")
    );
    expect(e.code).toBe("InvalidOperation");
    expect(standIn.snapshot().sheets[0].tables[0]).toMatchObject({ address: "Sheet1!A1:C4" });
    expect(standIn.snapshot().sheets[0].merges).toEqual(["D3:D4"]);
  });

  it("rows cannot be added through a table when another table below crosses its columns", async () => {
    seedDeals();
    await makeTable();
    await makeTable("B8:D9", "Below");
    const e = await failure((c) =>
      c.workbook.tables.getItem("Deals").rows.add(undefined, [["D4", "Won", 1]])
    );
    expect(e.code).toBe("InvalidOperation");
    expect(standIn.snapshot().sheets[0].tables[0]).toMatchObject({ address: "Sheet1!A1:C4" });
  });

  it("a table cannot overlap another table", async () => {
    seedDeals();
    await makeTable();
    const e = await failure((c) =>
      c.workbook.worksheets.getItem("Sheet1").tables.add("C2:D5", true)
    );
    expect(e.code).toBe("InvalidOperation");
  });

  it("a value written into a spill range blocks the spill (#SPILL!), as in Excel", async () => {
    standIn.setFormula("Sheet1", "A1", "=SEQUENCE(3)");
    expect(standIn.getValue("Sheet1", "A3")).toBe(3);
    standIn.setValues("Sheet1", "A2", [["mine"]]);
    expect(standIn.getValue("Sheet1", "A2")).toBe("mine");
    expect(standIn.getValue("Sheet1", "A1")).toBe("#SPILL!");
  });
});

describe("sort and filter on a table", () => {
  it("sort.apply reorders the rows; values return the sorted order", async () => {
    seedDeals();
    await makeTable();
    await Excel.run(async (context) => {
      const t = context.workbook.tables.getItem("Deals");
      t.sort.apply([{ key: 2, ascending: false }]);
      await context.sync();
    });
    expect(standIn.getValues("Sheet1", "A2:C4")).toEqual([
      ["D1", "Won", 300],
      ["D3", "Open", 200],
      ["D2", "Lost", 100],
    ]);
  });

  it("a filter hides rows; values still return every row, the visible view only the shown", async () => {
    seedDeals();
    await makeTable();
    await Excel.run(async (context) => {
      const t = context.workbook.tables.getItem("Deals");
      t.columns.getItem("Stage").filter.applyValuesFilter(["Won", "Open"]);
      await context.sync();
      const body = t.getDataBodyRange();
      const all = body.load("values");
      const visible = body.getVisibleView().load("values,rowCount");
      const hidden = t.getDataBodyRange().getRow(1).load("rowHidden");
      // Some rows hidden, some shown: Excel answers null for the whole body.
      const mixed = t.getDataBodyRange().load("rowHidden");
      const shown = t.getDataBodyRange().getRow(0).load("rowHidden");
      await context.sync();
      expect(mixed.rowHidden).toBeNull();
      expect(shown.rowHidden).toBe(false);
      expect(all.values).toHaveLength(3);
      expect(visible.rowCount).toBe(2);
      expect(visible.values.map((r) => r[0])).toEqual(["D1", "D3"]);
      expect(hidden.rowHidden).toBe(true);
      t.clearFilters();
      const again = t.getDataBodyRange().getRow(1).load("rowHidden");
      await context.sync();
      expect(again.rowHidden).toBe(false);
    });
  });
});

describe("deleting rows of a filtered table (refused as in Excel)", () => {
  /** The seeded Deals body, read back (what every refusal must leave as it is). */
  const body = (): unknown[][] => standIn.getValues("Sheet1", "A2:C4");

  async function filtered(): Promise<unknown[][]> {
    seedDeals();
    await makeTable();
    await Excel.run(async (context) => {
      context.workbook.tables
        .getItem("Deals")
        .columns.getItem("Stage")
        .filter.applyValuesFilter(["Won", "Open"]);
      await context.sync();
    });
    return body();
  }

  it("TableRow.delete() leaves the table unchanged, without an error (office-js #994)", async () => {
    const before = await filtered();
    const rows = await Excel.run(async (context) => {
      const t = context.workbook.tables.getItem("Deals");
      t.rows.getItemAt(2).delete();
      t.rows.getItemAt(1).delete();
      const count = t.rows.load("count");
      await context.sync();
      return count.count;
    });
    expect(rows).toBe(before.length);
    expect(body()).toEqual(before);
    expect(standIn.getValue("Sheet1", "A6")).toBe("note below the table");
  });

  it("after clearFilters the same TableRow.delete() removes the row", async () => {
    const before = await filtered();
    await Excel.run(async (context) => {
      const t = context.workbook.tables.getItem("Deals");
      t.clearFilters();
      t.rows.getItemAt(1).delete();
      await context.sync();
    });
    const expected = before.filter((_, i) => i !== 1);
    expect(standIn.getValues("Sheet1", "A2:C3")).toEqual(expected);
    // The note below the table moved up with the table's cells.
    expect(standIn.getValue("Sheet1", `A${6 - 1}`)).toBe("note below the table");
  });

  it("Range.delete that would move the table's cells fails with FilteredRangeConflict", async () => {
    const before = await filtered();
    for (const address of ["A3:C3", "A2:A2", "3:3", "A1:C1"]) {
      const e = await failure((context) =>
        context.workbook.worksheets.getItem("Sheet1").getRange(address).delete("Up")
      );
      expect(e.code).toBe("FilteredRangeConflict");
    }
    const left = await failure((context) =>
      context.workbook.worksheets.getItem("Sheet1").getRange("A2:A4").delete("Left")
    );
    expect(left.code).toBe("FilteredRangeConflict");
    expect(body()).toEqual(before);
  });

  it("Range.delete beside the table (outside its columns or below it) still works", async () => {
    const before = await filtered();
    standIn.setValues("Sheet1", "G2:G3", [["x"], ["y"]]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("G2").delete("Up");
      sheet.getRange("A6").delete("Up");
      await context.sync();
    });
    expect(standIn.getValues("Sheet1", "G2:G3")).toEqual([["y"], [""]]);
    expect(standIn.getValue("Sheet1", "A6")).toBe("");
    expect(body()).toEqual(before);
  });

  it("rows.deleteRows / deleteRowsAt fail with InsertDeleteConflict; unfiltered they delete", async () => {
    const before = await filtered();
    for (const call of [
      (t: Excel.Table) => t.rows.deleteRows([0, 2]),
      (t: Excel.Table) => t.rows.deleteRowsAt(1, 2),
    ]) {
      const e = await failure((context) => call(context.workbook.tables.getItem("Deals")));
      expect(e.code).toBe("InsertDeleteConflict");
      expect(body()).toEqual(before);
    }
    await Excel.run(async (context) => {
      const t = context.workbook.tables.getItem("Deals");
      t.clearFilters();
      t.rows.deleteRows([2, 0]);
      await context.sync();
    });
    expect(standIn.getValues("Sheet1", "A2:C2")).toEqual([before[1]]);
    const e = await failure((context) =>
      context.workbook.tables.getItem("Deals").rows.deleteRowsAt(0, 2)
    );
    expect(e.code).toBe("InvalidArgument");
  });
});

describe("Table.delete", () => {
  it("removes the table and its cells, leaving no Column1… header behind", async () => {
    seedDeals();
    await makeTable();
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("Deals").delete();
      await context.sync();
    });
    expect(standIn.getValues("Sheet1", "A1:C2")).toEqual([
      ["", "", ""],
      ["", "", ""],
    ]);
    expect(standIn.snapshot().sheets[0].tables).toEqual([]);
  });
});
