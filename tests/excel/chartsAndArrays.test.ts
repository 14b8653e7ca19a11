/**
 * The stand-in's behaviours the dashboard's history sections rely on (preview/excel/README.md,
 * "Charts: the waterfall"): stacked columns with an invisible base series, refusal of chart
 * types Excel does not have, and Excel's element-wise INDEX over SEQUENCE positions.
 */
import { createStandIn, StandIn } from "../../preview/excel";

let standIn: StandIn;
beforeEach(() => {
  standIn = createStandIn();
  standIn.install(globalThis);
});

describe("charts", () => {
  it("draws stacked columns whose cleared series has no fill", async () => {
    standIn.setValues("Sheet1", "A1:C3", [
      ["", "Base", "Up"],
      ["Start", 0, 10],
      ["New", 10, 5],
    ]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const chart = sheet.charts.add("ColumnStacked", sheet.getRange("B2:B3"), "Columns");
      chart.series.getItemAt(0).format.fill.clear();
      const up = chart.series.add("Up");
      up.setValues(sheet.getRange("C2:C3"));
      up.format.fill.setSolidColor("#2E7D32");
      chart.legend.visible = false;
      await context.sync();
    });
    const chart = standIn.snapshot().sheets[0].charts[0];
    expect(chart.type).toBe("ColumnStacked");
    expect(chart.series.map((s) => [s.color, s.noFill ?? false, s.values])).toEqual([
      [null, true, [0, 10]],
      ["#2E7D32", false, [10, 5]],
    ]);
    expect(chart.legend.visible).toBe(false);
  });

  it("refuses a chart type Excel does not have, as Excel does", async () => {
    await expect(
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.charts.add("WaterfallStacked" as never, sheet.getRange("A1:A2"));
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("INDEX over SEQUENCE positions", () => {
  it("puts #REF! only where a position is out of range, so IFERROR blanks just those", () => {
    standIn.setValues("Sheet1", "A1:B2", [
      ["a", 1],
      ["b", 2],
    ]);
    standIn.setFormula("Sheet1", "D1", '=IFERROR(INDEX(A1:B2,SEQUENCE(3),SEQUENCE(1,2)),"-")');
    expect(standIn.getValues("Sheet1", "D1:E3")).toEqual([
      ["a", 1],
      ["b", 2],
      ["-", "-"],
    ]);
    standIn.setFormula("Sheet1", "G1", "=INDEX(A1:B2,SEQUENCE(3),1)");
    expect(standIn.getValues("Sheet1", "G1:G3")).toEqual([["a"], ["b"], ["#REF!"]]);
  });
});
