import { createStandIn, StandIn } from "../../preview/excel";

let standIn: StandIn;

beforeEach(() => {
  standIn = createStandIn();
  standIn.install(globalThis);
  standIn.setValues("Deals", "A1:C5", [
    ["Deal ID", "Stage", "Amount"],
    ["D1", "Closed Won", 100],
    ["D2", "Closed Lost", 50],
    ["D3", "Demo", 10],
    ["D4", "Won", 30],
  ]);
});

async function makeTable(): Promise<void> {
  await Excel.run(async (context) => {
    const table = context.workbook.worksheets.getItem("Deals").tables.add("A1:C5", true);
    table.name = "Deals";
    await context.sync();
  });
}

describe("the stand-in's formulas", () => {
  it("computes SALES.WIN_RATE in a cell with the shipped code", () => {
    standIn.setFormula("Sheet1", "B2", "=SALES.WIN_RATE(Deals!B2:B5)");
    expect(standIn.getValue("Sheet1", "B2")).toBeCloseTo(2 / 3, 12);
    expect(standIn.getFormula("Sheet1", "B2")).toBe("=SALES.WIN_RATE(Deals!B2:B5)");
  });

  it("passes optional arguments and reports the function's errors with their messages", () => {
    standIn.setFormula("Sheet1", "A1", "=SALES.WIN_RATE(Deals!B2:B5, Deals!C2:C5)");
    expect(standIn.getValue("Sheet1", "A1")).toBeCloseTo(130 / 180, 12);
    standIn.setFormula("Sheet1", "A2", "=SALES.WIN_RATE(Deals!B4:B4)");
    expect(standIn.getValue("Sheet1", "A2")).toBe("#DIV/0!");
    standIn.setFormula("Sheet1", "A3", "=SALES.WIN_RATE(Deals!B2:B5, Deals!C2:C3)");
    expect(standIn.getValue("Sheet1", "A3")).toMatch(/^#/);
    standIn.setFormula("Sheet1", "A4", '=SALES.WIN_RATE("Won")');
    expect(standIn.getValue("Sheet1", "A4")).toBe(1);
  });

  it("returns computed values for formula cells through Range.values and the text through formulas", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Deals").getRange("E1:E2");
      range.formulas = [["=SUM(C2:C5)"], ["=E1*2"]];
      range.load("values, formulas, text");
      await context.sync();
      expect(range.values).toEqual([[190], [380]]);
      expect(range.formulas).toEqual([["=SUM(C2:C5)"], ["=E1*2"]]);
    });
  });

  it("computes structured references and follows the table as it grows", async () => {
    await makeTable();
    standIn.setFormula("Sheet1", "A1", "=SUM(Deals[Amount])");
    standIn.setFormula("Sheet1", "A2", "=SUM(Deals[[#Data],[Amount]])");
    standIn.setFormula("Sheet1", "A3", "=ROWS(Deals[#All])");
    standIn.setFormula("Sheet1", "A4", "=SALES.WIN_RATE(Deals[Stage])");
    standIn.setFormula("Sheet1", "A5", "=COUNTA(Deals[#Headers])");
    expect(standIn.getValues("Sheet1", "A1:A5")).toEqual([[190], [190], [5], [2 / 3], [3]]);
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("Deals").rows.add(undefined, [["D5", "Won", 1000]]);
      await context.sync();
    });
    expect(standIn.getValues("Sheet1", "A1:A4")).toEqual([[1190], [1190], [6], [0.75]]);
    expect(standIn.getFormula("Sheet1", "A1")).toBe("=SUM(Deals[Amount])");
  });

  it("computes this-row references inside a table", async () => {
    await makeTable();
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("Deals");
      table.columns.add(undefined, undefined, "Double");
      await context.sync();
      table.columns.getItem("Double").getDataBodyRange().formulas = [
        ["=[@Amount]*2"],
        ["=Deals[@Amount]*2"],
        ["=[@Amount]*2"],
        ["=[@Amount]*2"],
      ];
      await context.sync();
    });
    expect(standIn.getValues("Deals", "D2:D5")).toEqual([[200], [100], [20], [60]]);
  });

  it("renames formula references when a table or sheet is renamed", async () => {
    await makeTable();
    standIn.setFormula("Sheet1", "A1", "=SUM(Deals[Amount])+Deals!C2");
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("Deals").name = "Pipeline";
      context.workbook.worksheets.getItem("Deals").name = "Deal List";
      await context.sync();
    });
    expect(standIn.getFormula("Sheet1", "A1")).toBe("=SUM(Pipeline[Amount])+'Deal List'!C2");
    expect(standIn.getValue("Sheet1", "A1")).toBe(290);
  });

  it("parses typed text like Excel and keeps text-formatted cells as text", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A4").values = [["2024-01-05"], ["12%"], ["'=1+1"], ["0042"]];
      const text = sheet.getRange("B1");
      text.numberFormat = [["@"]];
      text.values = [["=1+1"]];
      await context.sync();
    });
    expect(standIn.getValues("Sheet1", "A1:B4")).toEqual([
      [45296, "=1+1"],
      [0.12, ""],
      ["=1+1", ""],
      [42, ""],
    ]);
    expect(standIn.getText("Sheet1", "A1")).toBe("1/5/2024");
    expect(standIn.getText("Sheet1", "A2")).toBe("12%");
  });

  it("computes Excel functions the dashboard uses (SUMIFS, COUNTIFS, EOMONTH, TEXT)", () => {
    standIn.setFormula("Sheet1", "A1", '=SUMIFS(Deals!C2:C5, Deals!B2:B5, "*Won")');
    standIn.setFormula("Sheet1", "A2", '=COUNTIFS(Deals!B2:B5, "Closed*")');
    standIn.setFormula("Sheet1", "A3", "=EOMONTH(DATE(2024,1,15),0)");
    standIn.setFormula("Sheet1", "A4", '=TEXT(1234.5,"0.00")');
    expect(standIn.getValues("Sheet1", "A1:A4")).toEqual([[130], [2], [45322], ["1234.50"]]);
  });

  it("evaluates named ranges in formulas", async () => {
    await Excel.run(async (context) => {
      context.workbook.names.add(
        "Amounts",
        context.workbook.worksheets.getItem("Deals").getRange("C2:C5")
      );
      const n = context.workbook.names.getItem("Amounts");
      n.load("value, type, formula");
      await context.sync();
      expect(n.value).toBe("Deals!$C$2:$C$5");
      expect(n.type).toBe("Range");
      expect(n.formula).toBe("=Deals!$C$2:$C$5");
    });
    standIn.setFormula("Sheet1", "A1", "=SUM(Amounts)");
    expect(standIn.getValue("Sheet1", "A1")).toBe(190);
  });

  it("handles sheets far beyond HyperFormula's default 40,000 rows", () => {
    standIn.setValues("Sheet1", "A1048576", [[5]]);
    standIn.setFormula("Sheet1", "B1", "=SUM(A1048000:A1048576)");
    expect(standIn.getValue("Sheet1", "B1")).toBe(5);
  });
});
