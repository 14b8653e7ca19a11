import {
  analyzeDateColumn,
  readDateShape,
  resolveDate,
  NumericDate,
} from "../../../src/engine/csv/dateText";
import { toSerial } from "../../../src/engine/dates";

const at = (y: number, m: number, d: number, h = 0, mi = 0, s = 0): number =>
  toSerial(y, m, d, h, mi, s);

describe("readDateShape", () => {
  it.each([
    ["2024-03-04", at(2024, 3, 4)],
    ["2024-03-04 14:30", at(2024, 3, 4, 14, 30)],
    ["2024-03-04 14:30:15", at(2024, 3, 4, 14, 30, 15)],
    ["2024-03-04T14:30:00Z", at(2024, 3, 4, 14, 30)],
    ["2024-03-04T14:30:00.000+03:00", at(2024, 3, 4, 14, 30)],
    ["2024/3/4", at(2024, 3, 4)],
    ["45355", 45355],
    ["45355.5", 45355.5],
    ["4 Mar 2024", at(2024, 3, 4)],
    ["04-Mar-24", at(2024, 3, 4)],
    ["March 4, 2024", at(2024, 3, 4)],
    ["Sept 30, 2024 5:00 PM", at(2024, 9, 30, 17)],
  ])("reads %s without needing an order", (text, serial) => {
    expect(readDateShape(text)).toEqual({ kind: "fixed", serial });
  });

  it.each([
    ["3/4/2024", 3, 4, 2024, 0],
    ["3/4/2024 2:30 PM", 3, 4, 2024, 14 * 3600 + 30 * 60],
    ["3/4/2024 12:05 AM", 3, 4, 2024, 5 * 60],
    ["04.03.2024 09:15", 4, 3, 2024, 9 * 3600 + 15 * 60],
    ["25-12-2024", 25, 12, 2024, 0],
    ["3/4/24", 3, 4, 2024, 0],
    ["3/4/95", 3, 4, 1995, 0],
  ])("reads %s as a numeric date", (text, a, b, year, time) => {
    const s = readDateShape(text) as NumericDate;
    expect(s.kind).toBe("numeric");
    expect([s.a, s.b, s.year]).toEqual([a, b, year]);
    expect(s.time).toBe(time);
  });

  it.each([
    "",
    "soon",
    "2024-02-30",
    "13/13/2024",
    "2024-03-04 25:00",
    "3/4/2024 13:00 PM",
    "0",
    "99999999",
    "Marble 4, 2024",
    "1899-12-31",
  ])("refuses %j", (text) => expect(readDateShape(text)).toBeNull());
});

describe("resolveDate", () => {
  const shape: NumericDate = { kind: "numeric", a: 3, b: 4, year: 2024, time: 12 * 3600 };
  it("reads month/day or day/month as told", () => {
    expect(resolveDate(shape, "mdy")).toBe(at(2024, 3, 4, 12));
    expect(resolveDate(shape, "dmy")).toBe(at(2024, 4, 3, 12));
  });
  it("refuses a day that does not exist in that order", () => {
    expect(
      resolveDate({ kind: "numeric", a: 2, b: 30, year: 2024, time: 0 }, "dmy")
    ).toBeUndefined();
  });
});

describe("analyzeDateColumn", () => {
  const col = (...texts: string[]) => analyzeDateColumn(texts.map(readDateShape));
  it("proves day/month from one value with a first number above 12", () => {
    expect(col("03/04/2024", "25/04/2024").order).toBe("dmy");
  });
  it("proves month/day from one value with a second number above 12", () => {
    expect(col("03/04/2024", "4/25/2024").order).toBe("mdy");
  });
  it("proves nothing when every value fits both orders", () => {
    expect(col("03/04/2024", "05/06/2024", "2024-01-31")).toEqual({
      order: null,
      mdy: 0,
      dmy: 0,
      ambiguous: 2,
    });
  });
  it("proves nothing when the column contradicts itself", () => {
    expect(col("25/04/2024", "4/25/2024").order).toBeNull();
  });
  it("does not count 04/04 as ambiguous", () => {
    expect(col("04/04/2024").ambiguous).toBe(0);
  });
});
