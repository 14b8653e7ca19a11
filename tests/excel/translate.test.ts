import { createStandIn, StandIn } from "../../preview/excel";
import { excelIndex, translateFormula } from "../../preview/excel/translate";

/** Excel behaviours HyperFormula lacks, restored by the stand-in's translation layer. */
describe("the stand-in computes what Excel computes", () => {
  let s: StandIn;
  beforeAll(() => {
    s = createStandIn({ customFunctions: null });
    s.setValues("Sheet1", "A1:C4", [
      ["Web", true, 10],
      ["Web", false, 20],
      ["Email", true, 30],
      ["", "", 40],
    ]);
  });
  const value = (formula: string): unknown => {
    s.setFormula("Sheet1", "F1", formula);
    return s.getValue("Sheet1", "F1");
  };

  it("knows the TRUE and FALSE literals (criteria, IF, comparisons)", () => {
    expect(value('=COUNTIFS(A1:A4,"Web",B1:B4,TRUE)')).toBe(1);
    expect(value("=COUNTIFS(B1:B4,FALSE)")).toBe(1);
    expect(value("=IF(TRUE,1,2)")).toBe(1);
    expect(value("=SUMPRODUCT((B1:B4=TRUE)*C1:C4)")).toBe(40);
    expect(value('=IF(A1="TRUE",1,2)')).toBe(2); // text stays text
    expect(translateFormula('="TRUE"&TRUE()&FALSE')).toBe('="TRUE"&TRUE()&FALSE()');
  });

  it("takes INDEX with 0 for a whole column or row, and arrays of positions", () => {
    expect(value("=SUM(INDEX(A1:C4,0,3))")).toBe(100);
    expect(value("=SUM(INDEX(A1:C4,2,0))")).toBe(20);
    expect(value("=INDEX(A1:C4,3,1)")).toBe("Email");
    expect(value("=INDEX(C1:C4,2)")).toBe(20);
    expect(value("=SUM(INDEX(C1:C4,SEQUENCE(2)))")).toBe(30);
    expect(value('=IFERROR(INDEX(SORT(A1:C4,3,-1),SEQUENCE(2),SEQUENCE(1,3)),"")')).toBe("");
    expect(translateFormula('=INDEX(A1:B2,2,1)+INDEX(X(1,0),0,2)&"INDEX(a,0,1)"')).toBe(
      '=INDEX(A1:B2,2,1)+STANDIN.INDEX(X(1,0),0,2)&"INDEX(a,0,1)"'
    );
    s.setFormula("Sheet1", "H1", "=INDEX(A1:C4,0,3)");
    expect(s.getValues("Sheet1", "H1:H4")).toEqual([[10], [20], [30], [40]]);
    expect(
      excelIndex(
        [
          [1, 2],
          [3, 4],
        ],
        [[1], [2]],
        [[2, 1]]
      )
    ).toEqual([
      [2, 1],
      [4, 3],
    ]);
  });

  it('gives #VALUE! for "" in arithmetic, while an empty cell counts as 0', () => {
    expect(value('=""+1')).toBe("#VALUE!");
    s.setFormula("Sheet1", "E1", '=""');
    expect(value("=E1*2")).toBe("#VALUE!");
    expect(value('=IFERROR(E1-1,"none")')).toBe("none");
    expect(value("=E9+1")).toBe(1);
    expect(value("=N(E1)")).toBe(0);
  });

  it("shows serial 1 as 1900-01-01 and serial 59 as 1900-02-28", () => {
    s.setValues("Sheet1", "J1:J3", [[1], [59], [61]]);
    s.setNumberFormat("Sheet1", "J1:J3", [["yyyy-mm-dd"], ["yyyy-mm-dd"], ["yyyy-mm-dd"]]);
    expect(["J1", "J2", "J3"].map((a) => s.getText("Sheet1", a))).toEqual([
      "1900-01-01",
      "1900-02-28",
      "1900-03-01",
    ]);
  });
});
