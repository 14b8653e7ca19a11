import { readDates } from "../../src/engine/cells";
import { errors } from "../../src/engine/messages";
import { toSerial } from "../../src/engine/dates";

describe("a Hijri date in a SALES function's date range", () => {
  it.each([
    ["1448/06/15", 2],
    ["15/06/1448", 2],
    ["١٥ رمضان ١٤٤٧ هـ", 3],
  ])("%p is named as a Hijri date with the fix, in English and Arabic", (raw, position) => {
    const cells = [["2026-01-01"], ["31/01/2026"], ["2026-02-01"]];
    cells[position - 1] = [raw];
    const got = readDates(cells, "Created");
    const want = errors.hijriDateCell("Created", position, raw);
    expect(got).toEqual(want);
    expect(want.message).toMatch(/^Created #\d is a Hijri date: .*Gregorian/);
    expect(want.ar).toMatch(/^تاريخ الإنشاء رقم \d تاريخ هجري: .*الميلادية/);
  });

  it("still reads Gregorian text dates", () => {
    expect(readDates([["2026-01-01"], ["31/01/2026"]], "Created")).toEqual([
      toSerial(2026, 1, 1),
      toSerial(2026, 1, 31),
    ]);
  });
});
