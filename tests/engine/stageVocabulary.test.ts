import {
  crmDefaultProbability,
  outcomeLabels,
  readStageTable,
  stageKey,
  stagesToAdd,
} from "../../src/engine/stageVocabulary";
import { Stage } from "../../src/engine/stages";

const HEADERS = ["Stage", "Probability", "Forecast Category", "Is Won", "Is Lost"];
const salesforce = readStageTable(HEADERS, [
  ["Prospecting", 0.1, "Pipeline", false, false],
  ["Negotiation/Review", 0.9, "Pipeline", false, false],
  ["Closed Won", 1, "Closed", true, false],
  ["Closed Lost", 0, "Omitted", false, true],
  ["Signed", 1, "Closed", true, false],
  ["", null, "", "", ""],
]);

describe("the stage vocabulary", () => {
  it("reads outcomes from the table's flags, names only where both flags are blank", () => {
    expect(salesforce.map((s) => [s.name, s.outcome, s.probability, s.row])).toEqual([
      ["Prospecting", Stage.Open, 0.1, 1],
      ["Negotiation/Review", Stage.Open, 0.9, 2],
      ["Closed Won", Stage.Won, 1, 3],
      ["Closed Lost", Stage.Lost, 0, 4],
      ["Signed", Stage.Won, 1, 5],
    ]);
    expect(readStageTable(["Stage"], [["Won"], ["Demo"]]).map((s) => s.outcome)).toEqual([
      Stage.Won,
      Stage.Open,
    ]);
    // A flag says open even for a name the built-in labels call won.
    expect(readStageTable(HEADERS, [["Won", 50, "", false, false]])[0]).toMatchObject({
      outcome: Stage.Open,
      probability: 0.5,
    });
  });

  it("treats an internal id and its label as one stage", () => {
    expect(stageKey("closedwon")).toBe(stageKey("Closed Won"));
    expect(stageKey("qualifiedtobuy")).toBe(stageKey("Qualified To Buy"));
    expect(stageKey("Decision Maker Bought-In")).toBe("decisionmakerboughtin");
  });

  it("lists the table's won/lost labels, then built-in spellings the table does not list", () => {
    expect(outcomeLabels(salesforce)).toEqual({
      won: ["Closed Won", "Signed", "won"],
      lost: ["Closed Lost", "lost"],
    });
  });

  it("adds the file's unknown stages: outcome by name, probability from the file or the CRM", () => {
    const added = stagesToAdd(
      salesforce,
      [
        { stage: "Qualified To Buy" },
        { stage: "qualifiedtobuy" },
        { stage: "closedwon" },
        { stage: "Won" },
        { stage: "Lost" },
        { stage: "Demo Scheduled", probability: 40 },
        { stage: "Demo Scheduled", probability: 0.4 },
        { stage: "Demo Scheduled", probability: 0.9 },
        { stage: "" },
        { stage: "Prospecting" },
      ],
      "hubspot"
    );
    expect(added.map((a) => [a.name, a.outcome, a.probability, a.assumed, a.deals])).toEqual([
      ["Qualified To Buy", Stage.Open, 0.4, true, 2],
      ["Won", Stage.Won, 1, false, 1],
      ["Lost", Stage.Lost, 0, false, 1],
      ["Demo Scheduled", Stage.Open, 0.4, false, 3],
    ]);
  });

  it("uses each CRM's documented default probability", () => {
    expect(crmDefaultProbability("Contract Sent", "hubspot")).toBe(0.9);
    expect(crmDefaultProbability("Lead In", "pipedrive")).toBe(1);
    expect(crmDefaultProbability("Id. Decision Makers", "salesforce")).toBe(0.6);
    expect(crmDefaultProbability("Identify Decision Makers", null)).toBe(0.6);
    expect(crmDefaultProbability("Something else", null)).toBe(0.5);
  });
});
