import { competitorWinRateFunction } from "../../src/functions/sales/competitorWinRate";
import { cell, col } from "../setup/excelCalls";

describe("COMPETITOR_WIN_RATE", () => {
  const competitors = col(
    "Acme",
    "acme; Globex",
    "Globex / Initech",
    "ACME",
    "Acme Corp",
    "",
    "Acme",
    0
  );
  const stages = col(
    "Won",
    "Lost",
    "Won",
    "Demo",
    "Won",
    "Won",
    "Closed Lost to Competition",
    "Lost"
  );

  it("computes the win rate over closed deals naming the competitor", () => {
    // Acme: won, lost, (open skipped), lost → 1/3; "Acme Corp" is another competitor
    expect(cell(competitorWinRateFunction, competitors, stages, "Acme")).toBeCloseTo(1 / 3);
    expect(cell(competitorWinRateFunction, competitors, stages, "GLOBEX")).toBe(0.5);
    expect(cell(competitorWinRateFunction, competitors, stages, [["initech"]])).toBe(1);
  });

  it("computes the rate by value with amounts", () => {
    const amounts = col(100, "300", 50, 1, 1, 1, 100, 7);
    expect(cell(competitorWinRateFunction, competitors, stages, "acme", amounts)).toBeCloseTo(0.2);
  });

  it("is #DIV/0! when no closed deal names the competitor", () => {
    expect(cell(competitorWinRateFunction, competitors, stages, "Umbrella")).toEqual({
      error: "#DIV/0!",
      message: "",
    });
  });

  it("needs a competitor name", () => {
    expect(cell(competitorWinRateFunction, competitors, stages, "")).toEqual({
      error: "#VALUE!",
      message: 'competitor must be text, got ""',
    });
    expect(cell(competitorWinRateFunction, competitors, stages, null)).toEqual({
      error: "#VALUE!",
      message: 'competitor must be text, got ""',
    });
  });

  it("names a bad amount and rejects unequal ranges", () => {
    expect(cell(competitorWinRateFunction, col("Acme"), col("Won"), "Acme", col("big"))).toEqual({
      error: "#VALUE!",
      message: 'Amount #1 is not a number: "big"',
    });
    expect(cell(competitorWinRateFunction, col("Acme", "Acme"), col("Won"), "Acme")).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(
        /is \d+×\d+ but \w+ is \d+×\d+: the ranges must have the same shape/
      ),
    });
  });
});
