import { funnelFunction } from "../../src/functions/sales/funnel";
import { CustomFunctionsError } from "../setup/customFunctionsStub";
import { cell, col } from "../setup/excelCalls";

describe("FUNNEL", () => {
  const order = col("Prospecting", "Demo", "Proposal", "Closed Won");
  const stages = col(
    "Prospecting",
    "prospecting",
    "Demo",
    "Proposal",
    "Proposal",
    "Closed_Won",
    "Closed Lost",
    "Lost",
    "Other",
    0,
    "",
    null
  );

  it("counts deals that reached each stage and the conversion from the row above", () => {
    // reached: Closed Won 1; Proposal 1+2 = 3; Demo 3+1 = 4; Prospecting 4+2 + 2 lost + 1 unknown = 9
    expect(cell(funnelFunction, stages, order)).toEqual([
      ["Prospecting", 9, 1],
      ["Demo", 4, 4 / 9],
      ["Proposal", 3, 3 / 4],
      ["Closed Won", 1, 1 / 3],
    ]);
  });

  it("accepts stage_order as comma-separated text and keeps its spelling", () => {
    const r = cell(
      funnelFunction,
      stages,
      "prospecting, DEMO, Proposal, closed won"
    ) as unknown[][];
    expect(r.map((row) => row[0])).toEqual(["prospecting", "DEMO", "Proposal", "closed won"]);
    expect(r.map((row) => row[1])).toEqual([9, 4, 3, 1]);
  });

  it("counts lost deals at the first stage even when a lost label is in stage_order", () => {
    const r = cell(funnelFunction, col("Lost", "Won"), "Demo, Lost, Won") as unknown[][];
    expect(r.map((row) => row[1])).toEqual([2, 1, 1]);
  });

  it("shows #DIV/0! in a conversion cell whose previous row has no deals, 0 when only this row is empty", () => {
    const r = cell(funnelFunction, col("A", "A"), "A, B, C") as unknown[][];
    expect(r[0]).toEqual(["A", 2, 1]);
    expect(r[1]).toEqual(["B", 0, 0]);
    expect(r[2][0]).toBe("C");
    expect(r[2][1]).toBe(0);
    expect(r[2][2]).toBeInstanceOf(CustomFunctionsError);
    expect((r[2][2] as CustomFunctionsError).code).toBe("#DIV/0!");
  });

  it("spills zero counts when every stage is blank", () => {
    const r = cell(funnelFunction, col("", 0, null), "A, B") as unknown[][];
    expect(r[0]).toEqual(["A", 0, 1]);
    expect((r[1][2] as CustomFunctionsError).code).toBe("#DIV/0!");
  });

  it("reads numbers in stages as their text", () => {
    expect(cell(funnelFunction, col(1, 2, 2), "1, 2")).toEqual([
      ["1", 3, 1],
      ["2", 2, 2 / 3],
    ]);
  });

  it("rejects an empty or repeating stage_order", () => {
    expect(cell(funnelFunction, stages, [[""]])).toEqual({
      error: "#VALUE!",
      message: "stage_order is empty",
    });
    expect(cell(funnelFunction, stages, "Demo, demo")).toEqual({
      error: "#VALUE!",
      message: 'stage_order lists "demo" twice',
    });
  });
});
