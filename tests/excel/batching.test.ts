import { createStandIn, StandIn, PAYLOAD_LIMIT } from "../../preview/excel";

let standIn: StandIn;

beforeEach(() => {
  standIn = createStandIn();
  standIn.install(globalThis);
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "no error";
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

describe("the stand-in's batching", () => {
  it("throws PropertyNotLoaded when a property is read before load and sync", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      let error: unknown = null;
      try {
        // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- reading too early on purpose
        void range.values;
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(OfficeExtension.Error);
      expect((error as OfficeExtension.Error).code).toBe("PropertyNotLoaded");
      range.load("values");
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- reading too early on purpose
      expect(() => range.values).toThrow(/not available/); // loaded, but not yet synced
      await context.sync();
      expect(range.values).toEqual([
        ["", ""],
        ["", ""],
      ]);
      // eslint-disable-next-line office-addins/load-object-before-read -- reading too early on purpose
      expect(() => range.address).toThrow(/The property 'address' is not available/);
    });
  });

  it("applies writes only at sync", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.values = [[42]];
      expect(standIn.getValue("Sheet1", "A1")).toBe("");
      await context.sync();
      expect(standIn.getValue("Sheet1", "A1")).toBe(42);
    });
  });

  it("reports null objects after a sync and skips operations on them", async () => {
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("Sheet1");
      // eslint-disable-next-line office-addins/call-sync-before-read -- reading too early on purpose
      expect(() => missing.isNullObject).toThrow(/not available/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      const table = context.workbook.tables.getItemOrNullObject("Deals");
      const setting = context.workbook.settings.getItemOrNullObject("schema");
      await context.sync();
      expect(table.isNullObject).toBe(true);
      expect(setting.isNullObject).toBe(true);
    });
  });

  it("fails the sync with ItemNotFound for a missing sheet, keeping earlier writes", async () => {
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["kept"]];
        context.workbook.worksheets.getItem("Missing").getRange("A1").values = [["x"]];
        context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [["dropped"]];
        await context.sync();
      })
    );
    expect(code).toBe("ItemNotFound");
    expect(standIn.getValue("Sheet1", "A1")).toBe("kept");
    expect(standIn.getValue("Sheet1", "A2")).toBe("");
  });

  it("rejects a bad address with InvalidArgument", async () => {
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A0:ZZZZ1").load("values");
        await context.sync();
      })
    );
    expect(code).toBe("InvalidArgument");
  });

  it("rejects a 2-D array whose shape differs from the range's", async () => {
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2, 3]];
        await context.sync();
      })
    );
    expect(code).toBe("InvalidArgument");
    // A single value fills the range, as Excel does.
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = 7 as never;
      await context.sync();
    });
    expect(standIn.getValues("Sheet1", "A1:B2")).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });

  it("refuses duplicate sheet and table names", async () => {
    expect(
      await codeOf(
        Excel.run(async (context) => {
          context.workbook.worksheets.add("sheet1");
          await context.sync();
        })
      )
    ).toBe("ItemAlreadyExists");
    standIn.setValues("Sheet1", "A1:B2", [
      ["Stage", "Amount"],
      ["Won", 1],
    ]);
    standIn.setValues("Sheet1", "D1:E2", [
      ["Stage", "Amount"],
      ["Won", 1],
    ]);
    expect(
      await codeOf(
        Excel.run(async (context) => {
          const sheet = context.workbook.worksheets.getItem("Sheet1");
          sheet.tables.add("A1:B2", true).name = "Deals";
          sheet.tables.add("D1:E2", true).name = "deals";
          await context.sync();
        })
      )
    ).toBe("ItemAlreadyExists");
    expect(
      await codeOf(
        Excel.run(async (context) => {
          context.workbook.worksheets.getItem("Sheet1").tables.add("B2:C3", true);
          await context.sync();
        })
      )
    ).toBe("InvalidOperation");
  });

  it("counts syncs, including the final flush of Excel.run", async () => {
    standIn.resetCounters();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [[1]];
      await context.sync();
      sheet.getRange("A2").values = [[2]];
    });
    expect(standIn.syncCount()).toBe(2);
    expect(standIn.requests().map((r) => r.operations)).toEqual([1, 1]);
  });

  it("measures request bytes and refuses requests over 5 MB like Excel on the web", async () => {
    standIn.resetCounters();
    const rows = Array.from({ length: 1000 }, (_, i) => [`deal-${i}`, i]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1000").values = rows;
      await context.sync();
    });
    const [request] = standIn.requests();
    expect(request.bytes).toBeGreaterThan(JSON.stringify(rows).length);
    expect(request.bytes).toBeLessThan(JSON.stringify(rows).length + 500);
    expect(request.overLimit).toBe(false);

    const big = Array.from({ length: 100000 }, (_, i) => [
      `a fairly long text value number ${i} for the payload`,
      i,
    ]);
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B100000").values = big;
        await context.sync();
      })
    );
    expect(code).toBe("RequestPayloadSizeLimitExceeded");
    const last = standIn.requests()[standIn.requests().length - 1];
    expect(last.bytes).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(last.overLimit).toBe(true);
    expect(standIn.getValue("Sheet1", "A2000")).toBe("");
  });

  it("records instead of throwing when asked to", async () => {
    const lenient = createStandIn({ payloadLimit: "record", customFunctions: null });
    lenient.install(globalThis);
    const big = Array.from({ length: 100000 }, (_, i) => [
      `a fairly long text value number ${i} for the payload`,
    ]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A100000").values = big;
      await context.sync();
    });
    expect(lenient.requests()[0].overLimit).toBe(true);
  });

  it("fails loudly on members it does not implement", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets
        .getItem("Sheet1")
        .getRange("A1") as unknown as Record<string, () => void>;
      expect(() => range.getSpillingToRange()).toThrow(
        "not implemented in the stand-in: Range.getSpillingToRange"
      );
    });
  });

  it("refuses proxies used after their Excel.run ended", async () => {
    let range: Excel.Range | null = null;
    await Excel.run(async (context) => {
      range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      await context.sync();
    });
    expect(() => range!.load("values")).toThrow(/isn't working/);
  });

  it("loads collections with item properties and toJSON", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("Deals");
      const sheets = context.workbook.worksheets;
      sheets.load("items/name, items/position");
      const count = sheets.getCount();
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "Deals"]);
      // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult needs no load
      expect(count.value).toBe(2);
      expect(sheets.toJSON()).toEqual({
        items: [
          { name: "Sheet1", position: 0 },
          { name: "Deals", position: 1 },
        ],
      });
    });
  });

  it("reports requirement sets up to the configured ExcelApi version", () => {
    const old = createStandIn({ excelApi: "1.7", customFunctions: null });
    old.install(globalThis);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(false);
  });
});
