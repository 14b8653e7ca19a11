/**
 * Issue 12 follow-up: the dashboard's tiles judge won, lost and open by the Stages table itself
 * (their SALES calls get `Stages[#All]` as `stage_table`), also where the table departs from the
 * built-in labels: a "Won" stage the team calls open, a "Signed" stage it calls won, a HubSpot
 * "Contract Sent" it counts as won while the deals carry HubSpot's internal ids. Every tile is
 * checked against a computation from the Deals and Stages rows done here, for all owners and one.
 *
 * A. Pipedrive stages renamed by the user: setup with Pipedrive's stages, a HubSpot and a
 *    Pipedrive export imported, then "Won" marked open (95%), "Negotiations Started" renamed
 *    "Signed" and marked won, in the table and in the deals.
 * B. HubSpot ids: setup with HubSpot's stages, the HubSpot export imported, "Contract Sent"
 *    marked won, and some deals' stages overwritten with HubSpot's internal ids
 *    (contractsent, closedwon, closedlost, qualifiedtobuy), as pasted from another export.
 */
import { createStandIn, StandIn } from "../../preview/excel";
import { setUpWorkbook } from "../../src/workbook/setup";
import { buildDashboard } from "../../src/workbook/dashboard/build";
import { setDashboardFilters } from "../../src/workbook/dashboard/filters";
import { DashboardFilters, DEFAULT_FILTERS } from "../../src/workbook/dashboard/plan";
import { HUBSPOT } from "../fixtures/multiCrmExports";
import { builtPlan, evaluateIn, setUpAndImport } from "../support/multiCrmWorkbook";
import { TableRow as Row, locateTable, stageKey, stageOutcome } from "../support/tables";

jest.setTimeout(600_000);

let s: StandIn;

const evaluate = (formula: string): unknown => evaluateIn(s, formula);

/** The tiles' values under the filters the sheet shows. */
function tileValues(filters: DashboardFilters): Record<string, unknown> {
  const { registry, plan } = builtPlan(s, filters);
  return Object.fromEntries(
    plan.tiles.map((t) => [t.key, s.getValue(registry.sheetName, t.valueAddress)])
  );
}

const num = (v: unknown): number | null => (typeof v === "number" ? v : null);
const mean = (xs: number[]): number => xs.reduce((a, x) => a + x, 0) / xs.length;
const total = (xs: number[]): number => xs.reduce((a, x) => a + x, 0);

/** The tiles' figures computed from the rows. */
function fromRows(owner: string | null): Record<string, number> {
  const stages = locateTable(s, "Stages").rows;
  const from = Number(evaluate("=DashFrom"));
  const to = Number(evaluate("=DashTo"));
  const asOf = Math.floor(Number(evaluate("=DashAsOf")));
  const staleDays = Number(evaluate("=DashStaleDays"));
  const inPeriod = (v: unknown): boolean => {
    const n = num(v);
    return n !== null && n >= from && n < to + 1;
  };
  const deals = locateTable(s, "Deals").rows.filter(
    (d) => String(d.Stage ?? "").trim() !== "" && (owner === null || d.Owner === owner)
  );
  const of = (d: Row) => stageOutcome(stages, String(d.Stage));
  // Deals without a rate for their currency are left out of amount figures.
  const amount = (d: Row): number | null =>
    num(d["Reporting Amount"]) ?? (d.Amount === "" || d.Amount === null ? 0 : null);
  const closed = deals.filter((d) => inPeriod(d["Closed Date"]));
  const won = closed.filter((d) => of(d) === "won");
  const lost = closed.filter((d) => of(d) === "lost");
  const open = deals.filter((d) => of(d) === "open");
  const openClosing = open.filter((d) => inPeriod(d["Expected Close"]) && amount(d) !== null);
  const probability = (d: Row): number => {
    const p = stages.find((r) => stageKey(r.Stage) === stageKey(d.Stage))!.Probability;
    return typeof p === "number" ? p : 0;
  };
  return {
    wonRevenue: total(won.map((d) => num(d["Reporting Amount"]) ?? 0)),
    winRate: won.length / (won.length + lost.length),
    avgDealSize: mean(won.filter((d) => amount(d) !== null).map((d) => amount(d)!)),
    salesCycle: mean(
      won
        .filter((d) => num(d.Created) !== null)
        .map((d) => Number(d["Closed Date"]) - Number(d.Created))
    ),
    openPipeline: total(openClosing.map((d) => amount(d)!)),
    weightedPipeline: total(openClosing.map((d) => amount(d)! * probability(d))),
    staleDeals: open.filter((d) => {
      const last = num(d["Last Activity"]);
      return last === null || asOf - Math.floor(last) > staleDays;
    }).length,
  };
}

const ALL_TIME: DashboardFilters = { ...DEFAULT_FILTERS, period: "allTime" };

/** Every tile against the rows, for all owners and for one. */
async function expectTilesFollowTable(owner: string): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  for (const filters of [ALL_TIME, { ...ALL_TIME, owner }]) {
    await setDashboardFilters(filters);
    const tiles = tileValues(filters);
    const rows = fromRows(filters.owner);
    for (const [k, want] of Object.entries(rows)) {
      expect([k, typeof tiles[k]]).toEqual([k, "number"]);
      expect([k, tiles[k]]).toEqual([k, expect.closeTo(want, 6)]);
      if (filters.owner === null) figures[k] = want;
    }
  }
  return figures;
}

/** Sets cells of a table's rows that pass a test. */
function edit(
  table: string,
  pick: (r: Row, i: number) => Record<string, unknown> | undefined
): number {
  const t = locateTable(s, table);
  let n = 0;
  t.rows.forEach((r, i) => {
    const change = pick(r, i);
    if (!change) return;
    for (const [column, value] of Object.entries(change))
      s.setValues(t.sheet, t.cell(i, column), [[value]]);
    n++;
  });
  return n;
}

describe("dashboard tiles judge stages by the Stages table (issue 12)", () => {
  beforeEach(() => {
    s = createStandIn();
    s.install(globalThis);
  });

  it("A. Pipedrive stages renamed by the user: 'Won' open, 'Signed' won", async () => {
    await setUpAndImport("pipedrive");
    s.setValues("Check", "A1", [[""]]);
    // The team's "Won" means verbally agreed (still open, 95%); the signed contract is won.
    expect(
      edit("Stages", (r) =>
        r.Stage === "Won"
          ? { "Is Won": false, Probability: 0.95 }
          : r.Stage === "Negotiations Started"
            ? { Stage: "Signed", Probability: 1, "Is Won": true }
            : undefined
      )
    ).toBe(2);
    expect(
      edit("Deals", (d) => (d.Stage === "Negotiations Started" ? { Stage: "Signed" } : undefined))
    ).toBeGreaterThan(1);
    const deals = locateTable(s, "Deals").rows;
    expect(deals.filter((d) => d.Stage === "Won").length).toBeGreaterThan(1);
    await buildDashboard({ language: "en" });
    const figures = await expectTilesFollowTable("Omar Said");
    expect(figures.winRate).toBeGreaterThan(0);
    expect(figures.openPipeline).toBeGreaterThan(0);
  });

  it("B. HubSpot ids in Deals, 'Contract Sent' counted as won", async () => {
    await setUpAndImport("hubspot", [{ target: "Deals", text: HUBSPOT }]);
    s.setValues("Check", "A1", [[""]]);
    expect(
      edit("Stages", (r) =>
        r.Stage === "Contract Sent" ? { Probability: 1, "Is Won": true } : undefined
      )
    ).toBe(1);
    const ids: Record<string, string> = {
      "Contract Sent": "contractsent",
      "Closed Won": "closedwon",
      "Closed Lost": "closedlost",
      "Qualified To Buy": "qualifiedtobuy",
    };
    // Signed contracts are dated: the date the contract went out is their Closed Date.
    const pasted = edit("Deals", (d, i) => {
      const dated = d.Stage === "Contract Sent" ? { "Closed Date": d["Expected Close"] } : {};
      const id = i % 2 === 0 ? ids[String(d.Stage)] : undefined;
      return id ? { ...dated, Stage: id } : d.Stage === "Contract Sent" ? dated : undefined;
    });
    expect(pasted).toBeGreaterThan(4);
    const deals = locateTable(s, "Deals").rows;
    expect(deals.some((d) => d.Stage === "contractsent" && d["Closed Date"] !== "")).toBe(true);
    await buildDashboard({ language: "en" });
    const figures = await expectTilesFollowTable("Omar Said");
    expect(figures.winRate).toBeGreaterThan(0);
    expect(figures.wonRevenue).toBeGreaterThan(0);
  });

  it("C. a Stages table the functions refuse: the build says why, in English and Arabic", async () => {
    await setUpWorkbook({ stagePreset: "salesforce", language: "en", sampleData: true });
    const clean = await buildDashboard({ language: "en" });
    expect(clean.warnings.filter((w) => w.code === "stageTableProblem")).toEqual([]);
    expect(
      edit("Stages", (r) => (r.Stage === "Closed Won" ? { "Is Won": "maybe" } : undefined))
    ).toBe(1);
    const row = locateTable(s, "Stages").rows.findIndex((r) => r.Stage === "Closed Won") + 1;
    const report = await buildDashboard({ language: "en" });
    const [w] = report.warnings.filter((x) => x.code === "stageTableProblem");
    expect(String(w.params.en)).toBe(
      `stage_table row ${row}, Is Won: "maybe" is not TRUE or FALSE; correct it in the Stages table on Settings`
    );
    expect(String(w.params.ar)).toMatch(/صحّحها في جدول المراحل/);
    // What the warning explains: the tiles that pass the table cannot compute.
    const winRate = builtPlan(s).plan.tiles.find((t) => t.key === "winRate")!;
    expect(evaluate(`=${winRate.formula}`)).toBe("#VALUE!");
    edit("Stages", (r) => (r.Stage === "Closed Won" ? { "Is Won": true } : undefined));
    const fixed = await buildDashboard({ language: "en" });
    expect(fixed.warnings.filter((x) => x.code === "stageTableProblem")).toEqual([]);
  });
});
