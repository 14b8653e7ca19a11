import {
  SAMPLE_MARKER,
  SAMPLE_PREFIX,
  generateSampleData,
  isSampleKey,
} from "../../../src/engine/sample/sampleData";
import { fromSerial, toSerial } from "../../../src/engine/dates";
import { STAGE_PRESETS, stagePreset } from "../../../src/model/stagePresets";

const asOf = toSerial(2026, 3, 15);
const data = generateSampleData({ asOf, stages: stagePreset("salesforce") });

describe("generateSampleData", () => {
  it("is deterministic: the same options give the same records", () => {
    const again = generateSampleData({ asOf, stages: stagePreset("salesforce") });
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
  });

  it("changes with the seed", () => {
    const other = generateSampleData({ asOf, stages: stagePreset("salesforce"), seed: 7 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(data));
  });

  it("makes a few hundred leads and deals", () => {
    expect(data.leads.length).toBeGreaterThanOrEqual(300);
    expect(data.leads.length).toBeLessThanOrEqual(800);
    expect(data.deals.length).toBeGreaterThanOrEqual(200);
    expect(data.deals.length).toBeLessThanOrEqual(800);
  });

  it("marks every record: keys start with SAMPLE- and notes with the marker", () => {
    for (const l of data.leads) {
      expect(isSampleKey(l.leadId)).toBe(true);
      expect(isSampleKey(l.owner)).toBe(true);
      expect(l.notes.startsWith(SAMPLE_MARKER)).toBe(true);
    }
    for (const d of data.deals) {
      expect(isSampleKey(d.dealId)).toBe(true);
      expect(d.nextStep.startsWith(SAMPLE_MARKER)).toBe(true);
    }
    for (const p of data.pricing) expect(isSampleKey(p.sku)).toBe(true);
    for (const c of data.competitors) expect(isSampleKey(c.competitor)).toBe(true);
    for (const o of data.owners) expect(isSampleKey(o.owner)).toBe(true);
    for (const t of data.targets) expect(isSampleKey(t.owner)).toBe(true);
  });

  it("has unique keys", () => {
    expect(new Set(data.leads.map((l) => l.leadId)).size).toBe(data.leads.length);
    expect(new Set(data.deals.map((d) => d.dealId)).size).toBe(data.deals.length);
    expect(data.deals[0].dealId).toBe(`${SAMPLE_PREFIX}D-0001`);
  });

  it("covers the 24 months up to the given date and nothing after it", () => {
    const first = fromSerial(Math.min(...data.leads.map((l) => l.created)));
    expect([first.year, first.month]).toEqual([2024, 4]);
    for (const l of data.leads) expect(Math.floor(l.created)).toBeLessThanOrEqual(asOf);
    for (const d of data.deals) {
      expect(d.created).toBeLessThanOrEqual(asOf);
      if (d.closedDate !== null) expect(d.closedDate).toBeLessThanOrEqual(asOf);
      expect(d.lastActivity).toBeLessThanOrEqual(asOf);
      expect(d.lastActivity).toBeGreaterThanOrEqual(d.created);
    }
  });

  it("gives won and lost deals a Closed Date and open deals an Expected Close", () => {
    const stages = stagePreset("salesforce");
    const open = new Set(stages.filter((s) => !s.isWon && !s.isLost).map((s) => s.stage));
    let won = 0;
    let lost = 0;
    let openCount = 0;
    for (const d of data.deals) {
      if (d.stage === "Closed Won" || d.stage === "Closed Lost") {
        expect(d.closedDate).not.toBeNull();
        expect(d.expectedClose).toBeNull();
        if (d.stage === "Closed Won") won++;
        else {
          lost++;
          expect(d.lossReason).not.toBeNull();
        }
      } else {
        expect(open.has(d.stage)).toBe(true);
        expect(d.closedDate).toBeNull();
        expect(d.expectedClose).not.toBeNull();
        openCount++;
      }
    }
    const winRate = won / (won + lost);
    expect(winRate).toBeGreaterThan(0.25);
    expect(winRate).toBeLessThan(0.6);
    expect(openCount / data.deals.length).toBeGreaterThan(0.1);
  });

  it("prices deals from the price list, never below the minimum price", () => {
    const byProduct = new Map(data.pricing.map((p) => [p.product, p]));
    for (const d of data.deals) {
      const p = byProduct.get(d.product)!;
      expect(d.listPrice).toBe(p.listPrice);
      expect(d.amount).toBeLessThanOrEqual(d.quantity * d.listPrice + 1e-9);
      expect(d.amount).toBeGreaterThanOrEqual(d.quantity * p.minimumPrice - 0.01);
    }
  });

  it("logs a competitor on some deals, not all, from the competitor list", () => {
    const names = new Set(data.competitors.map((c) => c.competitor));
    const withCompetitor = data.deals.filter((d) => d.competitor !== null);
    expect(withCompetitor.length / data.deals.length).toBeGreaterThan(0.25);
    expect(withCompetitor.length / data.deals.length).toBeLessThan(0.7);
    for (const d of withCompetitor) expect(names.has(d.competitor!)).toBe(true);
  });

  it("gives leads a first contact after creation and converted leads a converted date", () => {
    for (const l of data.leads) {
      if (l.firstContact !== null) expect(l.firstContact).toBeGreaterThan(l.created);
      expect(l.converted).toBe(l.convertedDate !== null);
      if (l.converted) expect(l.status).toBe("Closed - Converted");
    }
    expect(data.leads.some((l) => l.firstContact === null)).toBe(true);
  });

  it("shows a growth trend: the last 12 months have more leads than the first 12", () => {
    const mid = toSerial(2025, 4, 1);
    const early = data.leads.filter((l) => l.created < mid).length;
    const late = data.leads.filter((l) => l.created >= mid).length;
    expect(late).toBeGreaterThan(early * 1.15);
  });

  it("shows seasonality: August is quieter than November", () => {
    const inMonth = (m: number) =>
      data.leads.filter((l) => fromSerial(l.created).month === m).length;
    expect(inMonth(8)).toBeLessThan(inMonth(11));
  });

  it("sets a monthly target per owner for every month, three months ahead included", () => {
    expect(data.targets.length).toBe(27 * data.owners.length);
    for (const t of data.targets) {
      expect(fromSerial(t.month).day).toBe(1);
      expect(t.target).toBeGreaterThan(0);
    }
  });

  it.each(Object.keys(STAGE_PRESETS))("uses the stages of the %s preset", (id) => {
    const stages = STAGE_PRESETS[id as keyof typeof STAGE_PRESETS];
    const d = generateSampleData({ asOf, stages });
    const names = new Set(stages.map((s) => s.stage));
    for (const deal of d.deals) expect(names.has(deal.stage)).toBe(true);
  });

  it("rejects a pipeline without a won or lost stage", () => {
    const stages = stagePreset("salesforce").filter((s) => !s.isLost);
    expect(() => generateSampleData({ asOf, stages })).toThrow(/won and lost/);
  });

  it("makes no leads when asked for none; only expansion deals remain", () => {
    const d = generateSampleData({ asOf, stages: stagePreset("salesforce"), leads: 0 });
    expect(d.leads).toHaveLength(0);
    expect(d.deals.length).toBeGreaterThan(50);
    for (const x of d.deals) expect(["Referral", "Partner", "Email"]).toContain(x.leadSource);
  });
});

describe("isSampleKey", () => {
  it("matches only the exact SAMPLE- prefix on text", () => {
    expect(isSampleKey("SAMPLE-D-0001")).toBe(true);
    expect(isSampleKey("Sample-D-0001")).toBe(false);
    expect(isSampleKey("D-SAMPLE-1")).toBe(false);
    expect(isSampleKey(42)).toBe(false);
    expect(isSampleKey(null)).toBe(false);
  });
});
