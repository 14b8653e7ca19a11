/**
 * The stage_table argument's reader and the vocabulary's judge: one rule with the dashboard's
 * label lists (outcomeLabels), every decided shape and degenerate case.
 */
import { readStageTableArg, stageJudge } from "../../src/engine/stageTableArg";
import {
  outcomeLabels,
  readStageTable,
  vocabularyClassifier,
} from "../../src/engine/stageVocabulary";
import { DEFAULT_STAGE_RULES, Stage, StageJudge, classifyStages } from "../../src/engine/stages";
import { isError } from "../../src/engine/errors";

const HEAD = ["Stage", "Probability", "Forecast Category", "Is Won", "Is Lost"];
const BODY = [
  ["Demo", 0.4, "Pipeline", false, false],
  ["Signed", 1, "Closed", true, false],
  ["Closed Lost", 0, "Omitted", false, true],
  ["Won", 0.5, "Pipeline", false, false], // a built-in label the user calls open
  ["Parked", "", "Pipeline", "", ""], // flags blank: the built-in labels decide (open)
];

function table(grid: unknown) {
  const t = readStageTableArg(grid);
  if (isError(t) || t === null) throw new Error(`not a table: ${JSON.stringify(t)}`);
  return t;
}

describe("the stage_table argument", () => {
  it("is omitted when null, undefined or one blank cell (the built-in labels, as before)", () => {
    for (const g of [null, undefined, [[null]], [[""]], [[0]]])
      expect(readStageTableArg(g)).toBe(null);
    const judge = stageJudge(null, [["Won"]]) as StageJudge;
    expect(typeof judge).toBe("object");
    expect(classifyStages([["Won"], ["Signed"]], judge)).toEqual(
      Uint8Array.of(Stage.Won, Stage.Open)
    );
  });

  it("judges by the table's row (ids and labels alike), else the built-in labels", () => {
    const t = table([HEAD, ...BODY]);
    expect(
      [
        "signed",
        "Signed",
        "closed-lost",
        "closedlost",
        "Won",
        "won",
        "Parked",
        "Closed Won",
        "Lost",
        "Mystery",
      ].map(t.classify)
    ).toEqual([
      Stage.Won,
      Stage.Won,
      Stage.Lost,
      Stage.Lost,
      Stage.Open,
      Stage.Open,
      Stage.Open,
      Stage.Won,
      Stage.Lost,
      Stage.Open,
    ]);
    expect(["Demo", "demo", "Parked", "Mystery"].map(t.probability)).toEqual([
      0.4,
      0.4,
      0,
      undefined,
    ]);
    expect(t.hasProbabilities).toBe(true);
  });

  it("is the rule the dashboard's label lists write out", () => {
    const stages = readStageTable(HEAD, BODY);
    const judge = vocabularyClassifier(stages);
    const labels = outcomeLabels(stages);
    for (const w of labels.won) expect([w, judge(w)]).toEqual([w, Stage.Won]);
    for (const l of labels.lost) expect([l, judge(l)]).toEqual([l, Stage.Lost]);
    // A built-in label the table calls open is in neither list, and open here.
    expect([...labels.won, ...labels.lost].map((x) => x.toLowerCase())).not.toContain("won");
    expect(judge("won")).toBe(Stage.Open);
    expect(DEFAULT_STAGE_RULES.won.has("won")).toBe(true);
  });

  it("reads the same table with or without headers, and with only some columns", () => {
    const all = table([HEAD, ...BODY]);
    const data = table(BODY);
    const flagsOnly = table([
      ["Is Lost", "Stage", "Is Won"],
      ...BODY.map((r) => [r[4], r[0], r[3]]),
    ]);
    const names = ["Demo", "Signed", "Closed Lost", "Won", "Parked", "Lost"];
    expect(names.map(data.classify)).toEqual(names.map(all.classify));
    expect(names.map(flagsOnly.classify)).toEqual(names.map(all.classify));
    expect(flagsOnly.hasProbabilities).toBe(false);
    const probsOnly = table(BODY.map((r) => [r[0], r[1]]));
    expect(probsOnly.classify("Signed")).toBe(Stage.Open); // no flags: the built-in labels decide
    expect(probsOnly.probability("Signed")).toBe(1);
  });

  it("reads points above 1 as a percentage and a table without stages as none", () => {
    expect(table([HEAD, ["Demo", 40, "", false, false]]).probability("demo")).toBe(0.4);
    const empty = table([HEAD]);
    expect(empty.stages).toEqual([]);
    expect(empty.classify("closedwon")).toBe(Stage.Won);
  });

  it("lets one stage appear twice when both rows agree", () => {
    const t = table([HEAD, ["Closed Won", 1, "", true, false], ["closedwon", 1, "", true, false]]);
    expect(t.stages).toHaveLength(2);
    expect(t.classify("closed_won")).toBe(Stage.Won);
  });

  it("refuses a non-table scalar and label arguments beside a table", () => {
    expect(readStageTableArg("Stages")).toMatchObject({ kind: "value" });
    expect(readStageTableArg(42)).toMatchObject({ kind: "value" });
    expect(stageJudge([HEAD, ...BODY], [["x"]], "Signed")).toMatchObject({
      kind: "value",
      message: expect.stringContaining("won_labels"),
    });
    expect(stageJudge([HEAD, ...BODY], [["x"]], null, "")).toEqual(expect.any(Function));
  });
});
