import { formatValue } from "../../preview/excel";
import { formatAddress, parseAddress } from "../../preview/excel/address";

describe("number formats in the stand-in", () => {
  it.each([
    [2 / 3, "General", "0.666666667"],
    [-2 / 3, "General", "-0.66666667"],
    [1234.5, "General", "1234.5"],
    [0.256, "0.0%", "25.6%"],
    [0.25, "0%", "25%"],
    [1234567.891, "#,##0.00", "1,234,567.89"],
    [1200, "$#,##0", "$1,200"],
    [-1200, "$#,##0;($#,##0)", "($1,200)"],
    [45296, "yyyy-mm-dd", "2024-01-05"],
    [45296, "m/d/yyyy", "1/5/2024"],
    [45296, "mmm yyyy", "Jan 2024"],
    [45296, "d-mmm-yy", "5-Jan-24"],
    [45296.75, "h:mm", "18:00"],
    [0.5, "0.00", "0.50"],
    ["Won", "0.00", "Won"],
    [true, "General", "TRUE"],
    ["", "0%", ""],
  ])("shows %p under %p as %p", (value, format, text) => {
    expect(formatValue(value, format)).toBe(text);
  });
});

describe("A1 addresses in the stand-in", () => {
  it("round-trips addresses", () => {
    expect(parseAddress("'Deal List'!B2:A1")).toEqual({
      sheet: "Deal List",
      r0: 0,
      c0: 0,
      r1: 1,
      c1: 1,
    });
    expect(formatAddress(parseAddress("C:C"), "Deals")).toBe("Deals!C:C");
    expect(formatAddress(parseAddress("2:3"))).toBe("2:3");
  });

  it.each(["A0", "XFE1", "A1048577", "1A", "", "A1:B2:C3", "Sheet1!"])(
    "rejects %p with InvalidArgument",
    (address) => {
      expect(() => parseAddress(address)).toThrow(
        expect.objectContaining({ code: "InvalidArgument" })
      );
    }
  );
});
