import { OMITTED_SHARE, openDealCategory } from "../../../src/engine/sample/openCategory";
import { generateSampleData } from "../../../src/engine/sample/sampleData";
import { toSerial } from "../../../src/engine/dates";
import { stagePreset } from "../../../src/model/stagePresets";

const pipeline = (probability: number) => ({ probability, forecastCategory: "Pipeline" });

describe("openDealCategory", () => {
  it("moves late deals to Commit, mid-stage ones to Best Case, leaves early ones in Pipeline", () => {
    expect(openDealCategory(pipeline(0.9), 0.5)).toBe("Commit");
    expect(openDealCategory(pipeline(0.75), 0.99)).toBe("Best Case");
    expect(openDealCategory(pipeline(0.6), 0.5)).toBe("Best Case");
    expect(openDealCategory(pipeline(0.5), 0.07)).toBe("Commit");
    expect(openDealCategory(pipeline(0.5), 0.99)).toBe("Pipeline");
    expect(openDealCategory(pipeline(0.2), 0.99)).toBe("Pipeline");
  });

  it("omits a few deals at any stage", () => {
    expect(openDealCategory(pipeline(0.9), OMITTED_SHARE / 2)).toBe("Omitted");
    expect(openDealCategory(pipeline(0.1), 0)).toBe("Omitted");
  });

  it("keeps a stage's own mapping (HubSpot and Pipedrive take the category from the stage)", () => {
    expect(openDealCategory({ probability: 0.8, forecastCategory: "Best Case" }, 0.01)).toBe(
      "Best Case"
    );
    expect(openDealCategory({ probability: 0.9, forecastCategory: "Commit" }, 0.99)).toBe("Commit");
    expect(openDealCategory(pipeline(0.2), 0.01, true)).toBe("Pipeline");
  });
});

describe("sample deals' forecast categories", () => {
  const asOf = toSerial(2026, 3, 15);

  it("give Salesforce's open deals a mix by stage, the same on every run", () => {
    const stages = stagePreset("salesforce");
    const data = generateSampleData({ asOf, stages });
    const again = generateSampleData({ asOf, stages });
    const open = data.deals.filter((d) => d.closedDate === null);
    expect(open.map((d) => d.forecastCategory)).toEqual(
      again.deals.filter((d) => d.closedDate === null).map((d) => d.forecastCategory)
    );
    const count = (c: string) => open.filter((d) => d.forecastCategory === c).length;
    for (const c of ["Commit", "Best Case", "Pipeline", "Omitted"])
      expect([c, count(c)]).toEqual([c, expect.any(Number)]);
    expect(count("Commit")).toBeGreaterThan(0);
    expect(count("Best Case")).toBeGreaterThan(0);
    expect(count("Pipeline")).toBeGreaterThan(0);
    expect(count("Omitted")).toBeGreaterThan(0);
    expect(count("Omitted")).toBeLessThan(open.length * 0.2);
    const probability = new Map(stages.map((s) => [s.stage, s.probability]));
    for (const d of open) {
      if (d.forecastCategory === "Commit" || d.forecastCategory === "Best Case")
        expect([d.stage, probability.get(d.stage)! >= 0.5]).toEqual([d.stage, true]);
    }
    // Closed deals keep their stage's category.
    for (const d of data.deals.filter((x) => x.closedDate !== null))
      expect(["Closed", "Omitted"]).toContain(d.forecastCategory);
  });

  it("follow a preset's own stage mapping (HubSpot)", () => {
    const stages = stagePreset("hubspot");
    const byStage = new Map(stages.map((s) => [s.stage, s.forecastCategory]));
    const open = generateSampleData({ asOf, stages }).deals.filter((d) => d.closedDate === null);
    expect(open.length).toBeGreaterThan(10);
    for (const d of open)
      expect([d.stage, d.forecastCategory]).toEqual([d.stage, byStage.get(d.stage)]);
  });
});
