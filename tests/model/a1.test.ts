import {
  cellAddress,
  cellIndexes,
  columnIndex,
  columnLetters,
  containsCell,
  indexRect,
  overlaps,
  parseRect,
  rectAddress,
} from "../../src/model/a1";

describe("A1 addressing", () => {
  it("prints column letters of 0-based column indexes", () => {
    expect(columnLetters(0)).toBe("A");
    expect(columnLetters(25)).toBe("Z");
    expect(columnLetters(26)).toBe("AA");
    expect(columnLetters(16383)).toBe("XFD");
  });

  it("reads column letters back to the same indexes", () => {
    expect(columnIndex("AB")).toBe(27);
    for (const i of [0, 1, 25, 26, 51, 52, 701, 702, 16383]) {
      expect(columnIndex(columnLetters(i))).toBe(i);
    }
    expect(columnIndex("xfd")).toBe(16383);
  });

  it("prints cells and rectangles from 1-based row/col numbers", () => {
    expect(cellAddress(7, 2)).toBe("B7");
    expect(rectAddress({ row: 7, col: 2, rows: 3, cols: 2 })).toBe("B7:C9");
    expect(rectAddress({ row: 1, col: 1, rows: 1, cols: 1 })).toBe("A1");
  });

  it("converts the Excel API's 0-based indexes", () => {
    expect(rectAddress(indexRect(0, 0, 1, 1))).toBe("A1");
    expect(rectAddress(indexRect(3, 6, 2, 3))).toBe("G4:I5");
    expect(rectAddress(indexRect(4, 27))).toBe("AB5");
    expect(cellIndexes("B7")).toEqual({ rowIndex: 6, columnIndex: 1 });
    expect(cellIndexes("Deals!$AB$5:$AC$9")).toEqual({ rowIndex: 4, columnIndex: 27 });
    expect(() => cellIndexes("not an address")).toThrow("not a cell address");
  });

  it("parses what it prints, with sheet prefixes and $ signs", () => {
    expect(parseRect("Dashboard!$B$7:$C$9")).toEqual({ row: 7, col: 2, rows: 3, cols: 2 });
    expect(parseRect("C9:B7")).toEqual({ row: 7, col: 2, rows: 3, cols: 2 });
    expect(parseRect("'My Sheet'!AA10")).toEqual({ row: 10, col: 27, rows: 1, cols: 1 });
    expect(parseRect("Deals[Stage]")).toBeNull();
    const rect = { row: 3, col: 28, rows: 4, cols: 2 };
    expect(parseRect(rectAddress(rect))).toEqual(rect);
  });

  it("tells whether rectangles overlap and cells lie inside", () => {
    expect(overlaps(parseRect("B2:C3")!, parseRect("C3:D4")!)).toBe(true);
    expect(overlaps(parseRect("B2:C3")!, parseRect("D2:E3")!)).toBe(false);
    expect(containsCell(parseRect("B2:C3")!, 3, 3)).toBe(true);
    expect(containsCell(parseRect("B2:C3")!, 4, 3)).toBe(false);
  });
});
