/**
 * Stage moves follow the stages' probabilities, not the Stages table's row order: a workbook set
 * up with Salesforce's stages imports two weekly HubSpot exports, which append HubSpot's stages
 * ("Appointment Scheduled", 20%) at the END of the Stages table. A deal moving from Appointment
 * Scheduled to Proposal/Price Quote (75%) moved forward, though table order ranks it backward.
 * PIPELINE_CHANGES (given Stages[#All], as the dashboard passes it) and the dashboard's What
 * changed are checked against a computation from the export rows and the Stages table's rows.
 */
import { createStandIn, StandIn } from "../../preview/excel";
import { toSerial } from "../../src/engine/dates";
import { setUpWorkbook } from "../../src/workbook/setup";
import { importRecords } from "../../src/workbook/import";
import { buildDashboard, DashboardRegistry } from "../../src/workbook/dashboard/build";
import { planDashboard } from "../../src/workbook/dashboard/plan";
import { DEFAULT_FILTERS, REGISTRY_SETTING } from "../../src/workbook/dashboard/types";
import { pipelineChangesFunction } from "../../src/functions/sales/pipelineChanges";
import { stuckDealsFunction } from "../../src/functions/sales/stuckDeals";
import { cellAddress, parseRect } from "../../src/model/a1";
import { cell } from "../setup/excelCalls";
import { locateTable } from "../support/tables";
const { HUBSPOT_DEALS, csvQuoted } = require("../fixtures/crmLayouts");

jest.setTimeout(300_000);

const DATES = [toSerial(2026, 11, 27), toSerial(2026, 12, 4)];

interface Row {
  readonly id: number;
  readonly stage: string;
  readonly amount: number;
}
/** HubSpot writes its internal ids for its own stages; a custom stage is written by name. */
const LABEL: Readonly<Record<string, string>> = {
  appointmentscheduled: "Appointment Scheduled",
  qualifiedtobuy: "Qualified To Buy",
  presentationscheduled: "Presentation Scheduled",
};
const WEEK1: readonly Row[] = [
  { id: 501, stage: "appointmentscheduled", amount: 1200 },
  { id: 502, stage: "qualifiedtobuy", amount: 2300 },
  { id: 503, stage: "Negotiation/Review", amount: 3400 },
  { id: 504, stage: "Prospecting", amount: 4500 },
  { id: 505, stage: "presentationscheduled", amount: 5600 },
  { id: 506, stage: "Needs Analysis", amount: 6700 },
];
const MOVES: Readonly<Record<number, string>> = {
  501: "Proposal/Price Quote", // 20% → 75%: forward (table order: backward)
  502: "appointmentscheduled", // 40% → 20%: backward
  503: "appointmentscheduled", // 90% → 20%: backward (table order: forward)
  504: "Qualification", // 10% → 10%: a tie, table order: forward
  505: "Value Proposition", // 60% → 50%: backward
};
const WEEK2 = WEEK1.map((d) => (MOVES[d.id] ? { ...d, stage: MOVES[d.id] } : d));

const csv = (rows: readonly Row[]): string =>
  csvQuoted([
    HUBSPOT_DEALS.slice(0, 8),
    ...rows.map((d) => [
      d.id,
      `Deal ${d.id}`,
      d.stage,
      "2026-12-15 10:30",
      "Maya Chen",
      d.amount,
      "Sales Pipeline",
      "2026-09-01 09:00",
    ]),
  ]);

/** A table as Excel passes `Table[#All]`: header row, then the body. */
function tableValues(s: StandIn, name: string): unknown[][] {
  const t = locateTable(s, name);
  return [[...t.headers], ...t.rows.map((r) => t.headers.map((h) => r[h]))];
}

describe("stage moves follow the stages' probabilities", () => {
  let s: StandIn;
  beforeAll(async () => {
    s = createStandIn({ excelApi: "1.17" });
    s.install(globalThis);
    await setUpWorkbook({ stagePreset: "salesforce", language: "en", sampleData: false } as never);
    await importRecords({ target: "Deals", text: csv(WEEK1), snapshotDate: DATES[0] });
    await importRecords({ target: "Deals", text: csv(WEEK2), snapshotDate: DATES[1] });
    await buildDashboard({ language: "en" });
  });

  it("counts Appointment Scheduled → Proposal as forward, as the probabilities say", () => {
    const stages = tableValues(s, "Stages");
    const head = stages[0].map(String);
    const at = (h: string) => head.indexOf(h);
    const body = stages.slice(1).map((r) => ({
      name: String(r[at("Stage")]).toLowerCase(),
      p: Number(r[at("Probability")]),
      open: r[at("Is Won")] !== true && r[at("Is Lost")] !== true,
    }));
    const names = body.map((b) => b.name);
    // The import appended HubSpot's stage at the end: table order would rank it last.
    expect(names.indexOf("appointment scheduled")).toBeGreaterThan(
      names.indexOf("proposal/price quote")
    );
    const byProbability = body
      .map((b, i) => ({ ...b, i }))
      .filter((b) => b.open)
      .sort((a, b) => a.p - b.p || a.i - b.i)
      .map((b) => b.name);
    const name = (stage: string) => (LABEL[stage] ?? stage).toLowerCase();
    const moved = { forward: [] as Row[], backward: [] as Row[] };
    for (const d of WEEK1) {
      const after = WEEK2.find((x) => x.id === d.id)!;
      const from = byProbability.indexOf(name(d.stage));
      const to = byProbability.indexOf(name(after.stage));
      expect([d.id, from >= 0, to >= 0]).toEqual([d.id, true, true]);
      if (from !== to) moved[to > from ? "forward" : "backward"].push(after);
    }
    expect(moved.forward.map((d) => d.id).sort()).toEqual([501, 504]);
    expect(moved.backward.map((d) => d.id).sort()).toEqual([502, 503, 505]);
    const sum = (rows: Row[]) => rows.reduce((t, d) => t + d.amount, 0);

    const history = tableValues(s, "History");
    const summary = pipelineChangesFunction(history, stages, "This fiscal quarter", 1);
    const line = (label: string) => summary.find((r) => r[0] === label)!.slice(1);
    expect(line("Moved forward")).toEqual([2, sum(moved.forward)]);
    expect(line("Moved backward")).toEqual([3, sum(moved.backward)]);
    const listed = pipelineChangesFunction(history, stages, "", 1, null, null, "moved forward");
    expect(listed.map((r) => r[0]).sort()).toEqual(["501", "504"]);

    // The dashboard passes Stages[#All]: its What changed shows the same.
    const registry = JSON.parse(
      String(s.snapshot().settings[REGISTRY_SETTING])
    ) as DashboardRegistry;
    const plan = planDashboard({ ...registry.input, filters: DEFAULT_FILTERS });
    const sec = plan.sections.find((x) => x.key === "changes")!;
    const rect = parseRect(sec.address.split("!").pop()!)!;
    const rows = s.getValues(
      "Dashboard",
      `${cellAddress(sec.firstRow, rect.col)}:${cellAddress(rect.row + rect.rows - 1, rect.col + 2)}`
    ) as unknown[][];
    const shown = (label: string) => rows.find((r) => r[0] === label)!.slice(1);
    expect(shown("Moved forward")).toEqual([2, sum(moved.forward)]);
    expect(shown("Moved backward")).toEqual([3, sum(moved.backward)]);
  });

  it("reads a list of names in the order given, as before", () => {
    const history = tableValues(s, "History");
    const column = tableValues(s, "Stages").map((r) => [r[0]]);
    const summary = pipelineChangesFunction(history, column, "This fiscal quarter", 1);
    // Table order: 501 (appended stage → Proposal) and 505 (appended → Value Proposition) back.
    expect(summary.find((r) => r[0] === "Moved backward")![1]).toBe(3);
    expect(
      pipelineChangesFunction(history, column, "", 1, null, null, "moved backward")
        .map((r) => r[0])
        .sort()
    ).toEqual(["501", "502", "505"]);
  });

  it("refuses a Stages table with a bad probability, naming the row, in both history functions", () => {
    const history = tableValues(s, "History");
    const stages = tableValues(s, "Stages").map((r) => [...r]);
    stages[2][stages[0].indexOf("Probability")] = "high";
    for (const fn of [pipelineChangesFunction, stuckDealsFunction])
      expect(cell(fn, history, stages)).toEqual({
        error: "#VALUE!",
        message: expect.stringMatching(/row 2, Probability: "high"/),
      });
  });
});
