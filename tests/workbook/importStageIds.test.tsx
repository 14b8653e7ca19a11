/**
 * A HubSpot API-style export (internal property names as headers, stage ids in dealstage, as an
 * integration pulls deals through HubSpot's API) imported with the columns the user maps in the
 * pane: each stage id the Stages table lists under a label is written as the table's name, so
 * the Deals table holds one spelling per stage beside the rows of a UI export.
 *
 * A. Workbook set up with HubSpot's stages.
 * B. Workbook set up with Salesforce's stages, HubSpot's labels added by a UI export imported first.
 * C. An identity two table stages share ("Closed-Won" beside "Closed Won"): written as given.
 * Every cell of Deals[Stage], the summary line (EN, AR), the History snapshot, a re-import, and
 * the dashboard, FUNNEL and WIN_RATE against a computation from the rows done here.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { createStandIn, StandIn } from "../../preview/excel";
import { setUpWorkbook } from "../../src/workbook/setup";
import { importRecords, ImportReport, ImportRequest } from "../../src/workbook/import";
import { buildDashboard } from "../../src/workbook/dashboard/build";
import { setDashboardFilters } from "../../src/workbook/dashboard/filters";
import { DashboardFilters, DEFAULT_FILTERS } from "../../src/workbook/dashboard/plan";
import { Language } from "../../src/taskpane/i18n";
import { todaySerial } from "../../src/engine/dates";
import { HUBSPOT } from "../fixtures/multiCrmExports";
import { builtPlan, evaluateIn } from "../support/multiCrmWorkbook";
import { summaryElement } from "../support/importSummary";
import { locateTable, stageKey, stageOutcome, tableRows, TableRow } from "../support/tables";

jest.setTimeout(600_000);

const DAY = 86400000;
const TODAY = todaySerial();
/** An API timestamp `days` from today (HubSpot's API gives UTC ISO with milliseconds). */
const apiDate = (days: number): string =>
  new Date(Date.UTC(1899, 11, 30) + (TODAY + days) * DAY).toISOString();

/** The file's stages in row order: HubSpot ids, one label, one custom id the table lacks. */
const STAGES = [
  "appointmentscheduled",
  "contractsent",
  "closedwon",
  "closedlost",
  "contractsent",
  "closedwon",
  "verbalcommit",
  "appointmentscheduled",
  "closedwon",
  "Qualified To Buy",
  "closedlost",
  "contractsent",
];
const HEADERS = [
  "hs_object_id",
  "dealname",
  "dealstage",
  "pipeline",
  "amount",
  "closedate",
  "createdate",
  "hs_lastmodifieddate",
];
const API_EXPORT = [
  HEADERS.join(","),
  ...STAGES.map((stage, i) =>
    [
      String(18240011 + i * 7),
      `API deal ${i}`,
      stage,
      "default",
      String(1500 * (i + 2)),
      apiDate(-90 + i * 15),
      apiDate(-150 + i * 15),
      apiDate(-2),
    ].join(",")
  ),
].join("\r\n");
/** The columns a user maps in the pane (the headers are HubSpot's internal property names). */
const REQUEST: ImportRequest = {
  target: "Deals",
  text: API_EXPORT,
  source: null,
  mapping: ["Deal ID", "Deal Name", "Stage", null, "Amount", "Expected Close", "Created", null],
};

/** What the Stage cells must say: the table's names; the label and the unknown id as given. */
const EXPECTED_STAGE: Record<string, string> = {
  appointmentscheduled: "Appointment Scheduled",
  contractsent: "Contract Sent",
  closedwon: "Closed Won",
  closedlost: "Closed Lost",
  verbalcommit: "verbalcommit",
  "Qualified To Buy": "Qualified To Buy",
};
const COUNT = STAGES.filter((x) => EXPECTED_STAGE[x] !== x).length;

let s: StandIn;

beforeEach(() => {
  s = createStandIn();
  s.install(globalThis);
});

/** The Deals rows this file wrote, by Deal ID, in file order. */
function fileRows(): TableRow[] {
  const deals = tableRows(s, "Deals");
  return STAGES.map((_, i) =>
    deals.find((d) => String(d["Deal ID"]) === String(18240011 + i * 7))!
  );
}

function expectStagesAsTableNames(): void {
  const rows = fileRows();
  STAGES.forEach((stage, i) => expect([i, rows[i].Stage]).toEqual([i, EXPECTED_STAGE[stage]]));
}

/** The summary's stage-ids line as the pane renders it (tags dropped, entities decoded). */
function summaryText(report: ImportReport, language: Language): string {
  const html = renderToStaticMarkup(summaryElement(report, language));
  const line =
    /<span[^>]*data-testid="import-stages-named"[^>]*>(.*?)<\/span>(?=<span|<ul|<\/div)/s.exec(
      html
    );
  if (!line) throw new Error(`no stage-ids line in ${html}`);
  // Each id and name isolated in its own element (bidi), so the list takes the sentence's direction.
  expect(line[1]).toContain('<bdi data-value="id">closedwon</bdi>');
  expect(line[1]).toContain('<bdi data-value="name">Closed Won</bdi>');
  return line[1]
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

const PAIRS =
  "appointmentscheduled:Appointment Scheduled,contractsent:Contract Sent,closedwon:Closed Won,closedlost:Closed Lost";

function expectSummary(report: ImportReport): void {
  expect(report.stagesNamed).toEqual(
    PAIRS.split(",").map((p) => {
      const [from, to] = p.split(":");
      return { from, to, deals: STAGES.filter((x) => x === from).length };
    })
  );
  const list = (sep: string): string =>
    PAIRS.split(",")
      .map((p) => p.split(":").join(sep))
      .join(", ");
  expect(summaryText(report, "en")).toBe(
    `${COUNT} stage ids written as the Stages table's names (${list(" → ")}), so each stage has one spelling in Deals.`
  );
  expect(summaryText(report, "ar")).toBe(
    `كُتبت ${COUNT} من معرّفات المراحل بأسمائها في جدول المراحل (${list(" باسم ")})، لتبقى لكل مرحلة كتابة واحدة في جدول الصفقات.`
  );
}

/** The latest History snapshot's Stage by Deal ID. */
function latestHistoryStages(): Map<string, unknown> {
  const rows = tableRows(s, "History");
  const last = Math.max(...rows.map((r) => Number(r.Snapshot)));
  return new Map(
    rows.filter((r) => Number(r.Snapshot) === last).map((r) => [String(r["Deal ID"]), r.Stage])
  );
}

/** Imports the file again: the Deals and Stages tables stay identical. */
async function expectReimportIdentical(): Promise<void> {
  const deals = tableRows(s, "Deals");
  const stages = tableRows(s, "Stages");
  const again = await importRecords(REQUEST);
  expect(again).toMatchObject({ added: 0, updated: STAGES.length, stagesAdded: [] });
  expect(tableRows(s, "Deals")).toEqual(deals);
  expect(tableRows(s, "Stages")).toEqual(stages);
  const spellings = new Map<string, Set<string>>();
  for (const d of deals) {
    const k = stageKey(d.Stage);
    spellings.set(k, (spellings.get(k) ?? new Set()).add(String(d.Stage)));
  }
  expect([...spellings.values()].filter((v) => v.size > 1)).toEqual([]);
}

const ALL_TIME: DashboardFilters = { ...DEFAULT_FILTERS, period: "allTime" };

/** Dashboard tiles, FUNNEL and WIN_RATE against the rows. */
async function expectFiguresFromRows(): Promise<void> {
  s.setValues("Check", "A1", [[""]]);
  await buildDashboard({ language: "en" });
  await setDashboardFilters(ALL_TIME);
  const stages = tableRows(s, "Stages");
  const deals = tableRows(s, "Deals").filter((d) => String(d.Stage ?? "").trim() !== "");
  const of = (d: TableRow) => stageOutcome(stages, String(d.Stage));
  const n = (v: unknown): number => (typeof v === "number" ? v : 0);
  const sum = (xs: number[]): number => xs.reduce((a, x) => a + x, 0);
  const won = deals.filter((d) => of(d) === "won" && typeof d["Closed Date"] === "number");
  const lost = deals.filter((d) => of(d) === "lost" && typeof d["Closed Date"] === "number");
  const open = deals.filter((d) => of(d) === "open" && typeof d["Expected Close"] === "number");
  const probability = (d: TableRow): number =>
    n(stages.find((r) => stageKey(r.Stage) === stageKey(d.Stage))!.Probability);
  const want: Record<string, number> = {
    winRate: won.length / (won.length + lost.length),
    wonRevenue: sum(won.map((d) => n(d["Reporting Amount"]))),
    openPipeline: sum(open.map((d) => n(d["Reporting Amount"]))),
    weightedPipeline: sum(open.map((d) => n(d["Reporting Amount"]) * probability(d))),
  };
  expect(won.length).toBeGreaterThan(2);
  expect(lost.length).toBeGreaterThan(1);
  const { registry, plan } = builtPlan(s, ALL_TIME);
  for (const [key, value] of Object.entries(want)) {
    const tile = plan.tiles.find((t) => t.key === key)!;
    expect([key, s.getValue(registry.sheetName, tile.valueAddress)]).toEqual([
      key,
      expect.closeTo(value, 6),
    ]);
  }
  // WIN_RATE by the built-in labels: Closed Won / (Closed Won + Closed Lost), all rows.
  const label = (d: TableRow): string => String(d.Stage).toLowerCase();
  const w = deals.filter((d) => label(d) === "closed won").length;
  const l = deals.filter((d) => label(d) === "closed lost").length;
  expect(evaluateIn(s, "=SALES.WIN_RATE(Deals[Stage])")).toBeCloseTo(w / (w + l), 9);
  // FUNNEL: a deal reaches every stage up to its own; won deals all; others the first only.
  const order = ["Appointment Scheduled", "Qualified To Buy", "Contract Sent", "Closed Won"];
  s.setFormula("Check", "A1", `=SALES.FUNNEL(Deals[Stage], "${order.join(", ")}")`);
  const got = s.getValues("Check", "A1:C4");
  const reached = order.map(
    (_, j) =>
      deals.filter((d) => {
        const at = order.indexOf(String(d.Stage));
        return label(d) === "closed won" || at >= j || (j === 0 && at === -1);
      }).length
  );
  expect(got.map((r) => r[0])).toEqual(order);
  expect(got.map((r) => r[1])).toEqual(reached);
  got.forEach((r, j) => expect(r[2]).toBeCloseTo(j === 0 ? 1 : reached[j] / reached[j - 1], 9));
}

/** Sets cells of the Stages row of a stage. */
function editStage(stage: string, change: Record<string, unknown>): void {
  const t = locateTable(s, "Stages");
  const i = t.rows.findIndex((r) => r.Stage === stage);
  expect(i).toBeGreaterThan(-1);
  for (const [column, value] of Object.entries(change))
    s.setValues(t.sheet, t.cell(i, column), [[value]]);
}

describe("stage ids written as the Stages table's names", () => {
  it("A. HubSpot's stages: ids become labels, the unknown id is added as given", async () => {
    await setUpWorkbook({ stagePreset: "hubspot", language: "en", sampleData: false });
    const stagesBefore = tableRows(s, "Stages").map((r) => r.Stage);
    const report = await importRecords({ ...REQUEST, snapshotDate: TODAY });
    expect(report).toMatchObject({ added: STAGES.length, skipped: [] });
    expectStagesAsTableNames();
    expect((report.stagesAdded ?? []).map((a) => a.name)).toEqual(["verbalcommit"]);
    expect(tableRows(s, "Stages").map((r) => r.Stage)).toEqual([...stagesBefore, "verbalcommit"]);
    expectSummary(report);
    const history = latestHistoryStages();
    fileRows().forEach((d) => expect(history.get(String(d["Deal ID"]))).toBe(d.Stage));
    expect([...history.values()]).toContain("Contract Sent");
    expect([...history.values()]).not.toContain("contractsent");
    await expectReimportIdentical();
    await expectFiguresFromRows();
  });

  it("B. Salesforce's stages plus HubSpot's added by a UI export: the same cells", async () => {
    await setUpWorkbook({ stagePreset: "salesforce", language: "en", sampleData: false });
    await importRecords({ target: "Deals", text: HUBSPOT });
    const names = tableRows(s, "Stages").map((r) => String(r.Stage));
    expect(names).toEqual(
      expect.arrayContaining([
        "Closed Won",
        "Closed Lost",
        "Appointment Scheduled",
        "Contract Sent",
      ])
    );
    const report = await importRecords(REQUEST);
    expectStagesAsTableNames();
    expectSummary(report);
    expect(tableRows(s, "Stages").map((r) => r.Stage)).toEqual([...names, "verbalcommit"]);
    await expectReimportIdentical();
    await expectFiguresFromRows();
  });

  it("C. an identity two table stages share is written as the file gives it", async () => {
    await setUpWorkbook({ stagePreset: "hubspot", language: "en", sampleData: false });
    editStage("Presentation Scheduled", {
      Stage: "Closed-Won",
      Probability: 1,
      "Is Won": true,
      "Is Lost": false,
    });
    const report = await importRecords(REQUEST);
    const rows = fileRows();
    STAGES.forEach((stage, i) =>
      expect([i, rows[i].Stage]).toEqual([
        i,
        stage === "closedwon" ? "closedwon" : EXPECTED_STAGE[stage],
      ])
    );
    expect((report.stagesNamed ?? []).map((r) => r.from)).toEqual([
      "appointmentscheduled",
      "contractsent",
      "closedlost",
    ]);
    // Known by identity: not added to the table.
    expect((report.stagesAdded ?? []).map((a) => a.name)).toEqual(["verbalcommit"]);
  });
});
