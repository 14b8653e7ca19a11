import { toSerial } from "../../../src/engine/dates";
import { isError } from "../../../src/engine/errors";
import {
  fiscalPosition,
  fiscalRange,
  fiscalStartMonth,
  inFiscalRange,
  parseFiscalPeriod,
} from "../../../src/engine/history/fiscal";

const d = toSerial;

describe("fiscal periods", () => {
  it("names a fiscal year by the calendar year it ends in", () => {
    expect(fiscalPosition(d(2026, 4, 1), 4)).toEqual({ year: 2027, quarter: 1 });
    expect(fiscalPosition(d(2026, 3, 31), 4)).toEqual({ year: 2026, quarter: 4 });
    expect(fiscalPosition(d(2026, 12, 4), 4)).toEqual({ year: 2027, quarter: 3 });
    expect(fiscalPosition(d(2026, 12, 4), 1)).toEqual({ year: 2026, quarter: 4 });
    expect(fiscalPosition(d(2026, 12, 4), 12)).toEqual({ year: 2027, quarter: 1 });
  });

  it("gives a fiscal year's and a quarter's days", () => {
    expect(fiscalRange(2027, 4)).toEqual({
      from: d(2026, 4, 1),
      to: d(2027, 3, 31),
      label: "FY2027",
    });
    expect(fiscalRange(2027, 4, 4)).toEqual({
      from: d(2027, 1, 1),
      to: d(2027, 3, 31),
      label: "FY2027 Q4",
    });
    expect(fiscalRange(2026, 1, 1)).toEqual({
      from: d(2026, 1, 1),
      to: d(2026, 3, 31),
      label: "FY2026 Q1",
    });
    expect(fiscalRange(2027, 11, 1).from).toBe(d(2026, 11, 1));
  });

  it("reads period names relative to the as-of date", () => {
    const asOf = d(2026, 12, 4);
    const label = (name: string, start = 4) => {
      const r = parseFiscalPeriod(name, start, asOf);
      return isError(r) ? r.message : r.label;
    };
    expect(label("This fiscal quarter")).toBe("FY2027 Q3");
    expect(label("last fiscal quarter")).toBe("FY2027 Q2");
    expect(label("next  fiscal quarter")).toBe("FY2027 Q4");
    expect(label("Next fiscal quarter", 1)).toBe("FY2027 Q1");
    expect(label("this fiscal year")).toBe("FY2027");
    expect(label("last fiscal year")).toBe("FY2026");
    expect(label("fy2028")).toBe("FY2028");
    expect(label("Q2 FY2027")).toBe("FY2027 Q2");
    expect(label("FY 2027 Q2")).toBe("FY2027 Q2");
    expect(label("All")).toBe("All");
    expect(label("this fortnight")).toMatch(/period "this fortnight" is not one of/);
  });

  it("treats a missing close date as inside only 'all'", () => {
    expect(inFiscalRange(null, { from: null, to: null, label: "All" })).toBe(true);
    expect(inFiscalRange(null, fiscalRange(2027, 4))).toBe(false);
    expect(inFiscalRange(d(2027, 3, 31) + 0.9, fiscalRange(2027, 4))).toBe(true);
    expect(inFiscalRange(d(2027, 4, 1), fiscalRange(2027, 4))).toBe(false);
  });

  it("accepts start months 1 to 12 only", () => {
    expect(fiscalStartMonth(12)).toBe(12);
    expect(isError(fiscalStartMonth(0))).toBe(true);
    expect(isError(fiscalStartMonth(13))).toBe(true);
    expect(isError(fiscalStartMonth(4.5))).toBe(true);
  });
});
