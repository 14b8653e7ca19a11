import { createStandIn, StandIn } from "../../preview/excel";

let standIn: StandIn;

beforeEach(() => {
  standIn = createStandIn();
  standIn.install(globalThis);
});

describe("the stand-in's workbook objects", () => {
  it("builds sheets, a table, validation, conditional formats and a chart, as a snapshot shows", async () => {
    await Excel.run(async (context) => {
      const wb = context.workbook;
      const deals = wb.worksheets.add("Deals");
      deals.tabColor = "#1F6FEB";
      deals.freezePanes.freezeRows(1);
      deals.getRange("A1:C3").values = [
        ["Stage", "Close Date", "Amount"],
        ["Won", 45296, 1200],
        ["Lost", 45300, 800],
      ];
      deals.getRange("B2:B3").numberFormat = [["yyyy-mm-dd"], ["yyyy-mm-dd"]];
      deals.getRange("C2:C3").numberFormat = [["$#,##0"], ["$#,##0"]];
      const table = deals.tables.add("A1:C3", true);
      table.name = "Deals";
      table.style = "TableStyleMedium9";
      deals.getRange("A2:A3").dataValidation.rule = {
        list: { source: "Won,Lost,Open", inCellDropDown: true },
      };
      const cf = deals
        .getRange("C2:C3")
        .conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
      cf.cellValue.format.fill.color = "#C6EFCE";
      cf.cellValue.rule = { formula1: "1000", operator: "GreaterThan" };
      const header = deals.getRange("A1:C1");
      header.format.font.bold = true;
      header.format.fill.color = "#DDEBF7";
      deals.getRange("A:C").format.autofitColumns();
      const chart = deals.charts.add(
        "ColumnClustered" as Excel.ChartType,
        deals.getRange("A1:A3").getBoundingRect(deals.getRange("C3")),
        "Columns" as Excel.ChartSeriesBy
      );
      chart.name = "AmountByStage";
      chart.title.text = "Amount by stage";
      chart.axes.valueAxis.numberFormat = "$#,##0";
      chart.axes.categoryAxis.title.text = "Stage";
      chart.legend.position = "Bottom" as Excel.ChartLegendPosition;
      chart.setPosition("E2", "L16");
      wb.settings.add("schemaVersion", 1);
      wb.names.add("TargetRate", "=0.3");
      deals.activate();
      await context.sync();
    });
    const snap = standIn.snapshot();
    const deals = snap.sheets.find((s) => s.name === "Deals")!;
    expect(snap.activeSheet).toBe("Deals");
    expect(deals.tabColor).toBe("#1F6FEB");
    expect(deals.freeze).toEqual({ rows: 1, columns: 0 });
    expect(deals.cells.B2).toMatchObject({
      value: 45296,
      text: "2024-01-05",
      numberFormat: "yyyy-mm-dd",
    });
    expect(deals.cells.C2).toMatchObject({ value: 1200, text: "$1,200" });
    expect(deals.cells.A1).toMatchObject({ value: "Stage", bold: true, fill: "#DDEBF7" });
    expect(deals.columnWidths.A).toBeGreaterThan(0);
    expect(deals.tables).toEqual([
      {
        name: "Deals",
        address: "Deals!A1:C3",
        headers: ["Stage", "Close Date", "Amount"],
        style: "TableStyleMedium9",
        showTotals: false,
        rows: 2,
        showBandedRows: true,
      },
    ]);
    expect(deals.dataValidations[0]).toMatchObject({
      address: "Deals!A2:A3",
      rule: { list: { source: "Won,Lost,Open", inCellDropDown: true } },
    });
    expect(deals.conditionalFormats[0]).toMatchObject({
      type: "CellValue",
      rule: {
        cellValue: {
          rule: { formula1: "1000", operator: "GreaterThan" },
          format: { fill: { color: "#C6EFCE" } },
        },
      },
    });
    const chart = deals.charts[0];
    expect(chart).toMatchObject({
      name: "AmountByStage",
      type: "ColumnClustered",
      title: "Amount by stage",
      legend: { position: "Bottom", visible: true },
      axes: { category: { title: "Stage" }, value: { numberFormat: "$#,##0" } },
    });
    expect(chart.series.map((s) => [s.name, s.values, s.categories])).toEqual([
      ["Close Date", [45296, 45300], ["Won", "Lost"]],
      ["Amount", [1200, 800], ["Won", "Lost"]],
    ]);
    expect(chart.left).toBe(
      4 * 48 +
        (deals.columnWidths.A - 48) +
        (deals.columnWidths.B - 48) +
        (deals.columnWidths.C - 48)
    );
    expect(snap.settings).toEqual({ schemaVersion: 1 });
    expect(snap.names[0]).toMatchObject({ name: "TargetRate", value: 0.3 });
  });

  it("reads formats back uniform or null, as Excel", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").format.font.bold = true;
      const both = sheet.getRange("A1:B1");
      both.format.font.load("bold");
      const one = sheet.getRange("A1");
      one.load("format/font/bold, format/fill/color");
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- loaded through both.format.font.load
      expect(both.format.font.bold).toBeNull();
      expect(one.format.font.bold).toBe(true);
      expect(one.format.fill.color).toBe("#FFFFFF");
    });
  });

  it("adds a series by hand and sets its values and categories", async () => {
    standIn.setValues("Sheet1", "A1:B3", [
      ["Month", "Won"],
      ["Jan", 3],
      ["Feb", 5],
    ]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const chart = sheet.charts.add(
        "Line" as Excel.ChartType,
        sheet.getRange("A1:B3"),
        "Columns" as Excel.ChartSeriesBy
      );
      const target = chart.series.add("Target");
      target.setValues(sheet.getRange("B2:B3"));
      target.setXAxisValues(sheet.getRange("A2:A3"));
      target.chartType = "ColumnClustered" as Excel.ChartType;
      chart.series.load("items/name, items/chartType");
      const found = sheet.charts.getItemOrNullObject("Chart 1");
      const missing = sheet.charts.getItemOrNullObject("Nope");
      await context.sync();
      expect(chart.series.items.map((s) => [s.name, s.chartType])).toEqual([
        ["Won", "Line"],
        ["Target", "ColumnClustered"],
      ]);
      expect(found.isNullObject).toBe(false);
      expect(missing.isNullObject).toBe(true);
    });
    const chart = standIn.snapshot().sheets[0].charts[0];
    expect(chart.series[1]).toMatchObject({
      name: "Target",
      values: [3, 5],
      categories: ["Jan", "Feb"],
      chartType: "ColumnClustered",
    });
  });

  it("gives a header-only table one empty row that rows.add fills first", async () => {
    await Excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem("Sheet1").tables.add("A1:B1", true);
      table.getHeaderRowRange().values = [["Stage", "Stage"]];
      table.rows.add(undefined, [
        ["Won", 1],
        ["Lost", 2],
      ]);
      const body = table.getDataBodyRange();
      body.load("address");
      table.rows.load("count");
      const headers = table.getHeaderRowRange();
      headers.load("values");
      await context.sync();
      expect(body.address).toBe("Sheet1!A2:B3");
      expect(table.rows.count).toBe(2);
      expect(headers.values).toEqual([["Stage", "Stage2"]]);
    });
  });

  it("keeps settings as JSON copies and fails getItem on a missing one", async () => {
    await Excel.run(async (context) => {
      context.workbook.settings.add("mapping", {
        stage: "Deal Stage",
        when: new Date(Date.UTC(2024, 0, 5)),
      });
      const s = context.workbook.settings.getItem("mapping");
      s.load("value");
      await context.sync();
      expect(s.value).toEqual({ stage: "Deal Stage", when: "2024-01-05T00:00:00.000Z" });
    });
    await expect(
      Excel.run(async (context) => {
        context.workbook.settings.getItem("nope").load("value");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("refuses to delete or hide the last visible sheet", async () => {
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").visibility = "Hidden";
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").delete();
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("reports the used range, A1 for an empty sheet and null with OrNullObject", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const empty = sheet.getUsedRange();
      empty.load("address");
      const none = sheet.getUsedRangeOrNullObject(true);
      await context.sync();
      expect(empty.address).toBe("Sheet1!A1");
      expect(none.isNullObject).toBe(true);
      sheet.getRange("B2:C4").values = [
        [1, 2],
        [3, 4],
        [5, ""],
      ];
      sheet.getRange("E9").format.fill.color = "yellow";
      const valuesOnly = sheet.getUsedRange(true);
      const all = sheet.getUsedRange();
      valuesOnly.load("address");
      all.load("address");
      await context.sync();
      expect(valuesOnly.address).toBe("Sheet1!B2:C4");
      expect(all.address).toBe("Sheet1!B2:E9");
    });
  });
});
