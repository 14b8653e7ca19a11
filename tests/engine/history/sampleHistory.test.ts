import { toSerial } from "../../../src/engine/dates";
import { generateSampleData } from "../../../src/engine/sample/sampleData";
import { snapshotDates } from "../../../src/engine/history/historyTable";
import { dealState, stateAt } from "../../../src/engine/history/snapshot";
import { dealStates, stageInfo } from "../../../src/engine/history/snapshotPlan";
import { pipelineChanges } from "../../../src/engine/history/changes";
import { stagePreset } from "../../../src/model/stagePresets";

describe("sample history", () => {
  const asOf = toSerial(2026, 12, 4);
  const stages = stagePreset("salesforce");
  const data = generateSampleData({ asOf, stages });

  it("has four weekly snapshots ending in the sample deals as they are", () => {
    expect(snapshotDates(data.history)).toEqual([asOf - 21, asOf - 14, asOf - 7, asOf]);
    const last = stateAt(data.history, asOf);
    expect(last.size).toBe(data.deals.length);
    for (const d of data.deals) {
      const s = last.get(d.dealId)!;
      expect([s.stage, s.amount, s.owner]).toEqual([d.stage, d.amount, d.owner]);
    }
  });

  it("shows changes every week, and every row is a sample row", () => {
    const order = stages.filter((s) => !s.isWon && !s.isLost).map((s) => s.stage.toLowerCase());
    const all = { from: null, to: null, label: "All" };
    for (const w of [1, 2, 3]) {
      const c = pipelineChanges(
        stateAt(data.history, asOf - 7 * (4 - w)),
        stateAt(data.history, asOf - 7 * (3 - w)),
        all,
        order
      );
      const moved = Object.values(c.bars).reduce((n, b) => n + b.count, 0);
      expect(moved).toBeGreaterThan(0);
    }
    expect(data.history.every((r) => r.id.startsWith("SAMPLE-"))).toBe(true);
    expect(generateSampleData({ asOf, stages }).history).toEqual(data.history);
  });
});

describe("one deal-state rule for sample and imported deals", () => {
  const facts = {
    id: "D1",
    stage: "Closed Won",
    outcome: "won" as const,
    amount: 500,
    expectedClose: 46000.75,
    closedDate: null,
    owner: "Ann",
    category: null,
    stageCategory: null,
  };

  it("closes on the closed date, else the expected close, as a whole day; category by default", () => {
    expect(dealState(facts)).toEqual({
      id: "D1",
      stage: "Closed Won",
      outcome: "won",
      amount: 500,
      closeDate: 46000,
      owner: "Ann",
      category: "closed",
    });
    expect(dealState({ ...facts, closedDate: 45990 }).closeDate).toBe(45990);
    expect(dealState({ ...facts, outcome: "open", closedDate: 45990 }).closeDate).toBe(46000);
    expect(dealState({ ...facts, stageCategory: "commit" }).category).toBe("commit");
    expect(dealState({ ...facts, category: "best case", stageCategory: "commit" }).category).toBe(
      "best case"
    );
  });

  it("gives the sample's last snapshot exactly what a snapshot of its Deals rows gives", () => {
    const asOf = toSerial(2026, 12, 4);
    const stages = stagePreset("hubspot");
    const data = generateSampleData({ asOf, stages });
    const col = <K extends keyof (typeof data.deals)[number]>(k: K) => data.deals.map((d) => d[k]);
    const read = dealStates(
      {
        id: col("dealId"),
        stage: col("stage"),
        amount: col("amount"),
        expectedClose: col("expectedClose"),
        closedDate: col("closedDate"),
        owner: col("owner"),
        category: col("forecastCategory"),
      },
      stageInfo(
        stages.map((s) => s.stage),
        stages.map((s) => s.isWon),
        stages.map((s) => s.isLost),
        stages.map((s) => s.forecastCategory)
      )
    );
    const last = stateAt(data.history, asOf);
    expect(read.states.length).toBe(last.size);
    for (const s of read.states) expect(last.get(s.id)).toMatchObject(s);
  });
});
