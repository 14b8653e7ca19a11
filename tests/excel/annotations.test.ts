/**
 * What the stand-in reports about a cell besides its value: comments (and Clear All removing
 * them), per-cell properties (fill, borders) and merged areas.
 */
// ClientResult values (getCount, getCellProperties) are read after sync; the rule only knows load().
/* eslint-disable office-addins/load-object-before-read */
import { createStandIn, StandIn } from "../../preview/excel";

let standIn: StandIn;

beforeEach(() => {
  standIn = createStandIn();
  standIn.install(globalThis);
});

describe("comments", () => {
  it("adds, finds by cell, moves with shifted cells; Clear All removes them, Contents keeps them", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.comments.add("B2", "check this");
      context.workbook.comments.add("Sheet1!C3", "and this");
      await context.sync();
      const c = sheet.comments.getItemByCell("B2").load("content");
      const where = c.getLocation().load("address");
      const none = sheet.comments.getItemOrNullObject("nope");
      const count = context.workbook.comments.getCount();
      await context.sync();
      expect(c.content).toBe("check this");
      expect(where.address).toBe("Sheet1!B2");
      expect(none.isNullObject).toBe(true);
      expect(count.value).toBe(2);
      sheet.getRange("A1:C1").insert("Down" as Excel.InsertShiftDirection);
      sheet.getRange("B3").clear("Contents");
      await context.sync();
    });
    expect(standIn.snapshot().sheets[0].comments).toEqual([
      { address: "B3", content: "check this" },
      { address: "C4", content: "and this" },
    ]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:C3").clear("All");
      await context.sync();
    });
    expect(standIn.snapshot().sheets[0].comments).toEqual([{ address: "C4", content: "and this" }]);
  });

  it("refuses a second comment on the same cell", async () => {
    await expect(
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.comments.add("A1", "one");
        sheet.comments.add("A1", "two");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});

describe("per-cell properties and merged areas", () => {
  it("returns each cell's fill and borders, and the merged areas of a range", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B1").format.fill.color = "#FFFF00";
      sheet.getRange("A2").format.borders.getItem("EdgeBottom").style = "Continuous";
      sheet.getRange("C3:D3").merge(false);
      await context.sync();
      const props = sheet.getRange("A1:B2").getCellProperties({
        address: true,
        format: { fill: { color: true }, borders: { style: true } },
      });
      const merged = sheet.getRange("A1:C3").getMergedAreasOrNullObject().load("address,areaCount");
      const noMerge = sheet.getRange("A1:B2").getMergedAreasOrNullObject().load("address");
      await context.sync();
      expect(props.value[0][1]).toMatchObject({
        address: "Sheet1!B1",
        format: { fill: { color: "#FFFF00" } },
      });
      expect(props.value[0][0]).toMatchObject({ format: { fill: { color: "#FFFFFF" } } });
      expect(
        (props.value[1][0].format as { borders: Record<string, { style: string }> }).borders.bottom
          .style
      ).toBe("Continuous");
      expect(merged.address).toBe("Sheet1!C3:D3");
      expect(merged.areaCount).toBe(1);
      expect(noMerge.isNullObject).toBe(true);
    });
  });
});
