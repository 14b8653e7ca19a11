/**
 * Day-first / month-first text dates in a date range (a European CRM's CSV opened in a US-locale
 * Excel): the range's own text dates decide the order, by the import's rule. Every expected
 * serial is computed here from the calendar date the text means (days since 1899-12-30).
 */
import { readDateArg, readDateSerials, readDates } from "../../src/engine/cells";
import { EngineError, isError } from "../../src/engine/errors";

/** The Excel serial of y-m-d (+ hours), computed without the engine. */
const serial = (y: number, m: number, d: number, hours = 0): number =>
  (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000 + hours / 24;
const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
const FIX = "retype it as a date in Excel or write it as year-month-day (2026-03-31)";

/** Both readers give the same serials (null/NaN for a missing date) or the same error. */
function readBoth(grid: unknown[][], label = "Close date"): (number | null)[] | EngineError {
  const list = readDates(grid, label);
  const serials = readDateSerials(grid, label);
  if (isError(list) || isError(serials)) {
    expect(serials).toEqual(list);
    return list as EngineError;
  }
  expect(Array.from(serials, (d) => (d === d ? d : null))).toEqual(list);
  return list;
}

describe("text dates in a range: the range decides the order", () => {
  it("reads a day-first range, ambiguous cells included, day-first", () => {
    expect(readBoth(col("31/03/2026", "01/04/2026", "12.04.2026", "02-05-2026"))).toEqual([
      serial(2026, 3, 31),
      serial(2026, 4, 1),
      serial(2026, 4, 12),
      serial(2026, 5, 2),
    ]);
  });

  it("reads a month-first range month-first", () => {
    expect(readBoth(col("03/31/2026", "04/01/2026", "04/12/2026"))).toEqual([
      serial(2026, 3, 31),
      serial(2026, 4, 1),
      serial(2026, 4, 12),
    ]);
  });

  it("keeps serials as they are and decides from the text alone", () => {
    // 46000 would be a swapped date if Excel converted 05/12/2025 month-first: we cannot know.
    expect(readBoth(col(46000, "31/03/2026", "2026-04-02", 0, "01/04/2026", null, ""))).toEqual([
      46000,
      serial(2026, 3, 31),
      serial(2026, 4, 2),
      null,
      serial(2026, 4, 1),
      null,
      null,
    ]);
  });

  it("reads two-digit years as the import does (00–29 → 2000s, 30–99 → 1900s)", () => {
    expect(readBoth(col("31/03/26", "15/01/99", "01.02.30"))).toEqual([
      serial(2026, 3, 31),
      serial(1999, 1, 15),
      serial(1930, 2, 1),
    ]);
    expect(readBoth(col("03-31-26", "01-02-29"))).toEqual([
      serial(2026, 3, 31),
      serial(2029, 1, 2),
    ]);
  });

  it("reads Arabic-Indic digits and a time of day", () => {
    const read = readBoth(col("٣١/٠٣/٢٠٢٦", "٠١/٠٤/٢٠٢٦", "13/04/2026 14:30")) as number[];
    expect(read.slice(0, 2)).toEqual([serial(2026, 3, 31), serial(2026, 4, 1)]);
    expect(read[2]).toBeCloseTo(serial(2026, 4, 13, 14.5), 9);
  });

  it("reads values whose parts are equal (04/04/2026) alone: either order is the same day", () =>
    expect(readBoth(col("04/04/2026", 46000))).toEqual([serial(2026, 4, 4), 46000]));

  it("reads the same in a block given row by row", () =>
    expect(readBoth([["03/04/2026", "25/12/2026"]])).toEqual([
      serial(2026, 4, 3),
      serial(2026, 12, 25),
    ]));

  it("keeps the #VALUE! naming the first text date when all are ambiguous", () => {
    expect(readBoth(col(46000, "03/04/2026", null, "05/06/2026"))).toEqual(
      new EngineError("value", `Close date #2 is a date kept as text: "03/04/2026"; ${FIX}`)
    );
    const ar = readBoth(col("03/04/2026"));
    expect((ar as EngineError).ar).toContain("تاريخ الإغلاق رقم 1 تاريخ محفوظ نصًا");
  });

  it("refuses a range that proves both orders, naming a cell of each", () => {
    const e = readBoth(col(46000, "31/03/2026", "03/04/2026", "03/31/2026")) as EngineError;
    expect(e).toEqual(
      new EngineError(
        "value",
        'Close date #2 ("31/03/2026") is day-first but Close date #4 ("03/31/2026") is month-first: the text dates of this range mix both orders, so none can be read; retype them as dates in Excel or write them as year-month-day (2026-03-31)'
      )
    );
    expect(e.ar).toContain("تاريخ الإغلاق رقم 2");
    expect(e.ar).toContain("تاريخ الإغلاق رقم 4");
  });

  it("names a day the order does not have, and other text, at their own cell", () => {
    expect(readBoth(col("31/03/2026", "31/02/2026"))).toEqual(
      new EngineError("value", 'Close date #2 is not a date: "31/02/2026"')
    );
    expect(readBoth(col(46000, "soon", "31/03/2026"))).toEqual(
      new EngineError("value", 'Close date #2 is not a date: "soon"')
    );
    expect(readBoth(col("31/03/2026", { code: "#N/A" }))).toMatchObject({
      message: expect.stringMatching(/^Close date #2 holds #N\/A/),
    });
  });
});

describe("text dates with a month name need no order", () => {
  it("reads English, German, Arabic month names and year-first slashes as the import does", () => {
    const march4 = serial(2026, 3, 4);
    expect(
      readBoth(
        col("4 Mar 2026", "March 4, 2026", "4. März 2026", "04-Mar-26", "٤ مارس ٢٠٢٦", "2026/03/04")
      )
    ).toEqual([march4, march4, march4, march4, march4, march4]);
    // Beside day/month text: the month-name cells prove nothing; 31/03 decides day-first.
    expect(readBoth(col("4 Mar 2026", "01/04/2026", "31/03/2026"))).toEqual([
      march4,
      serial(2026, 4, 1),
      serial(2026, 3, 31),
    ]);
    expect(readDateArg("4 Mar 2026", "as_of")).toBe(march4);
    // A month name without a day, or a day that does not exist, is still not a date.
    expect(readBoth(col("Mar 2026"))).toEqual(
      new EngineError("value", 'Close date #1 is not a date: "Mar 2026"')
    );
    expect(readBoth(col("30 Feb 2026"))).toEqual(
      new EngineError("value", 'Close date #1 is not a date: "30 Feb 2026"')
    );
  });
});

describe("a text date argument proves its order alone or is refused", () => {
  it("reads 31/03/2026 and 03/31/2026; refuses 03/04/2026 as before", () => {
    expect(readDateArg("31/03/2026", "as_of")).toBe(serial(2026, 3, 31));
    expect(readDateArg([["03/31/26"]], "as_of")).toBe(serial(2026, 3, 31));
    expect(readDateArg("03/04/2026", "as_of")).toEqual(
      new EngineError("value", `as_of is a date kept as text: "03/04/2026"; ${FIX}`)
    );
    expect(readDateArg("31/02/2026", "as_of")).toEqual(
      new EngineError("value", 'as_of is not a date: "31/02/2026"')
    );
  });
});
