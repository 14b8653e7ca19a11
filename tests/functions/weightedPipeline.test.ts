import { weightedPipelineFunction } from "../../src/functions/sales/weightedPipeline";
import { cell, col } from "../setup/excelCalls";

describe("WEIGHTED_PIPELINE", () => {
  const amounts = col(100, "200", 300, 400, 50, 999);
  const stages = col("Demo", "Proposal", "Won", "Lost", "demo", "");
  // open deals only: 100 × 0.2 + 200 × 0.6 + 50 × 0.2 = 150

  it("weights open deals by a two-column stage table of percentages", () => {
    const table = [
      ["Demo", 20],
      ["Proposal", 60],
      ["Closed Won", 100],
    ];
    expect(cell(weightedPipelineFunction, amounts, stages, table)).toBeCloseTo(150);
  });

  it("reads table probabilities as fractions when none exceeds 1, and as numeric text", () => {
    expect(
      cell(weightedPipelineFunction, amounts, stages, [
        ["Demo", 0.2],
        ["Proposal", "60%"],
      ])
    ).toBeCloseTo(150);
  });

  it("skips a header row and blank table rows", () => {
    const table = [
      ["Stage", "Probability"],
      ["Demo", 0.2],
      ["", ""],
      [0, 0],
      ["Proposal", 0.6],
    ];
    expect(cell(weightedPipelineFunction, amounts, stages, table)).toBeCloseTo(150);
  });

  it("weights by one probability per deal when given a column", () => {
    expect(
      cell(weightedPipelineFunction, amounts, stages, col(0.2, 0.6, 1, 0, 0.2, 0.5))
    ).toBeCloseTo(150);
    expect(
      cell(weightedPipelineFunction, amounts, stages, col(20, 60, 100, 0, "20", 50))
    ).toBeCloseTo(150);
  });

  it("counts blank per-deal probabilities and blank amounts as 0", () => {
    expect(
      cell(
        weightedPipelineFunction,
        col(100, "", 300),
        col("Demo", "Demo", "Demo"),
        col(0.5, 0.5, null)
      )
    ).toBe(50);
  });

  it("reads a one-row pair of numbers as per-deal probabilities, not a table", () => {
    expect(
      cell(weightedPipelineFunction, [[100, 200]], [["Demo", "Proposal"]], [[0.5, 0.25]])
    ).toBe(100);
  });

  it("is #N/A naming an open stage missing from the table", () => {
    expect(cell(weightedPipelineFunction, amounts, stages, [["Demo", 20]])).toEqual({
      error: "#N/A",
      message: 'stage "Proposal" is not in the probability table',
    });
  });

  it("rejects probabilities below 0 or above 100", () => {
    expect(cell(weightedPipelineFunction, amounts, stages, col(0.2, -0.1, 1, 0, 0.2, 0.5))).toEqual(
      {
        error: "#VALUE!",
        message: "probabilities must be fractions 0–1 or percentages 0–100; got -0.1",
      }
    );
    expect(
      cell(weightedPipelineFunction, amounts, stages, [
        ["Demo", 120],
        ["Proposal", 60],
      ])
    ).toEqual({
      error: "#VALUE!",
      message: "probabilities must be fractions 0–1 or percentages 0–100; got 120",
    });
  });

  it("names non-numeric probabilities by position", () => {
    expect(
      cell(weightedPipelineFunction, amounts, stages, [
        ["Demo", 20],
        ["Proposal", "high"],
      ])
    ).toEqual({
      error: "#VALUE!",
      message: 'Probability #2 is not a number: "high"',
    });
    expect(
      cell(weightedPipelineFunction, col(1, 2), col("Demo", "Demo"), col(0.5, "high"))
    ).toEqual({
      error: "#VALUE!",
      message: 'Probability #2 is not a number: "high"',
    });
  });

  it("rejects a stage listed twice with different probabilities", () => {
    expect(
      cell(weightedPipelineFunction, amounts, stages, [
        ["Demo", 0.2],
        ["demo", 0.3],
        ["Proposal", 0.6],
      ])
    ).toEqual({
      error: "#VALUE!",
      message: 'probabilities lists "demo" twice',
    });
    expect(
      cell(weightedPipelineFunction, amounts, stages, [
        ["Demo", 0.2],
        ["demo", 0.2],
        ["Proposal", 0.6],
      ])
    ).toBeCloseTo(150);
  });

  it("rejects unequal ranges", () => {
    expect(cell(weightedPipelineFunction, amounts, stages, col(0.5, 0.5))).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(
        /is \d+×\d+ but \w+ is \d+×\d+: the ranges must have the same shape/
      ),
    });
    expect(cell(weightedPipelineFunction, col(1), stages, [["Demo", 1]])).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(
        /is \d+×\d+ but \w+ is \d+×\d+: the ranges must have the same shape/
      ),
    });
  });

  it("is 0 when nothing is open", () => {
    expect(cell(weightedPipelineFunction, col(1, 2), col("Won", "Lost"), [["Demo", 0.5]])).toBe(0);
  });
});
