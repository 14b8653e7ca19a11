import { indexLabels, readOrderedLabels } from "../../../src/engine/cells";
import { EngineError, isError } from "../../../src/engine/errors";
import { competitorWinRate } from "../../../src/engine/metrics/competitorWinRate";
import { conversionByFlags, conversionByLabels } from "../../../src/engine/metrics/conversionRate";
import { funnel } from "../../../src/engine/metrics/funnel";
import { readProbabilities, weightedPipeline } from "../../../src/engine/metrics/weightedPipeline";
import { st } from "./helpers";

describe("conversionByLabels", () => {
  it("divides converted by non-blank", () =>
    expect(conversionByLabels(["a", "b", null, "a"], new Set(["a"]), null)).toBeCloseTo(2 / 3));
  it("divides converted by base", () =>
    expect(conversionByLabels(["a", "b", "c"], new Set(["a"]), new Set(["a", "b"]))).toBe(0.5));
  it("counts converted values in the base even when base leaves them out", () =>
    expect(conversionByLabels(["a", "b", "b", "c"], new Set(["a"]), new Set(["b"]))).toBeCloseTo(
      1 / 3
    ));
  it("is div0 for an empty base", () =>
    expect((conversionByLabels(["b"], new Set(["a"]), new Set(["z"])) as EngineError).kind).toBe(
      "div0"
    ));
});

describe("conversionByFlags", () => {
  it("is the share of true flags among non-blank ones", () =>
    expect(conversionByFlags([true, false, null, true])).toBeCloseTo(2 / 3));
  it("is div0 when all are blank", () =>
    expect((conversionByFlags([null]) as EngineError).kind).toBe("div0"));
});

describe("funnel", () => {
  it("counts reach and conversion", () => {
    const rows = funnel(
      indexLabels([["a"], ["b"], ["b"], ["lost"], ["x"]]),
      readOrderedLabels("A, B")
    );
    expect(rows).toEqual([
      ["A", 5, 1],
      ["B", 2, 0.4],
    ]);
  });
  it("puts a div0 error in a cell after an empty row", () => {
    const rows = funnel(indexLabels([["a"]]), readOrderedLabels("A, B, C"));
    expect(isError(rows)).toBe(false);
    expect((rows as unknown[][])[2][2]).toBeInstanceOf(EngineError);
  });
});

describe("weightedPipeline", () => {
  const deals = indexLabels([["Demo"], ["Proposal"], ["Won"], [""]]);
  it("uses a stage table once per distinct stage", () => {
    const table = readProbabilities([
      ["Demo", 10],
      ["Proposal", 50],
    ]);
    expect(weightedPipeline([100, 200, 300, 400], deals, table as never)).toBeCloseTo(110);
  });
  it("uses per-deal probabilities", () => {
    const perDeal = readProbabilities([[0.1], [0.5], [1], [1]]);
    expect(weightedPipeline([100, 200, 300, 400], deals, perDeal as never)).toBeCloseTo(110);
  });
  it("detects percentages when a value exceeds 1", () => {
    expect(readProbabilities([[50], [1]])).toEqual({
      kind: "perDeal",
      values: Float64Array.of(0.5, 0.01),
    });
  });
  it("is na for an open stage missing from the table", () => {
    const table = readProbabilities([["Demo", 10]]);
    expect(weightedPipeline([1, 2, 3, 4], deals, table as never)).toEqual(
      new EngineError("na", 'stage "Proposal" is not in the probability table')
    );
  });
});

describe("competitorWinRate", () => {
  it("matches any name listed in a cell", () => {
    const competitors = indexLabels([["Acme/Globex"], ["globex"], ["Acme Corp"]]);
    expect(competitorWinRate(competitors, st("WLW"), "globex", null)).toBe(0.5);
    expect(competitorWinRate(competitors, st("WLW"), "acme", null)).toBe(1);
  });
  it("is div0 when nothing closed names the competitor", () =>
    expect(
      (competitorWinRate(indexLabels([["Acme"]]), st("O"), "acme", null) as EngineError).kind
    ).toBe("div0"));
});
