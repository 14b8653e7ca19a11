import { toSerial } from "../../../src/engine/dates";
import { generateSampleData } from "../../../src/engine/sample/sampleData";
import { snapshotDates } from "../../../src/engine/history/historyTable";
import { stateAt } from "../../../src/engine/history/snapshot";
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
