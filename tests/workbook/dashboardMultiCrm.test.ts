/**
 * Issue 12's path on the stand-in: a workbook set up with Salesforce's stages and no sample
 * data, then a HubSpot deals export, a Pipedrive deals export (partly in EUR) and a Salesforce
 * leads report, each written here in the CRM's own layout; build; check every tile and summary
 * table against a computation from the Deals/Leads rows in three filter states; rebuild.
 */
import { createStandIn, StandIn } from "../../preview/excel";
import { importRecords, ImportReport } from "../../src/workbook/import";
import { buildDashboard, DashboardReport } from "../../src/workbook/dashboard/build";
import { setDashboardFilters, readDashboardState } from "../../src/workbook/dashboard/filters";
import { DashboardFilters, DEFAULT_FILTERS } from "../../src/workbook/dashboard/plan";
import { periodRange, inRange, PeriodRange } from "../../src/engine/dashboard/periodWindows";
import { todaySerial } from "../../src/engine/dates";
import { isError } from "../../src/engine/errors";
import { LEADS, PIPEDRIVE } from "../fixtures/multiCrmExports";
import { builtPlan, CRM_DEALS, setUpAndImport } from "../support/multiCrmWorkbook";
import { tableRows } from "../support/tables";

jest.setTimeout(600_000);

type Row = Record<string, unknown>;

const TODAY = todaySerial();
// The files, in each CRM's layout (shared with the browser test).
const pipedrive = PIPEDRIVE;
const leads = LEADS;

const n = (v: unknown): number => (typeof v === "number" ? v : NaN);
const isWonLabel = (s: string): boolean => ["closed won", "won", "closedwon"].includes(s);
const isLostLabel = (s: string): boolean => ["closed lost", "lost", "closedlost"].includes(s);

/** Won/lost/open of a deal by the Stages table's flags, the built-in labels outside it. */
function outcomeOf(stages: Row[], stage: string): "won" | "lost" | "open" | "" {
  if (!stage) return "";
  const row = stages.find((r) => String(r.Stage).toLowerCase() === stage.toLowerCase());
  if (row && (row["Is Won"] === true || row["Is Lost"] === true))
    return row["Is Won"] === true ? "won" : "lost";
  if (row && (row["Is Won"] === false || row["Is Lost"] === false)) return "open";
  const l = stage.toLowerCase();
  return isWonLabel(l) ? "won" : isLostLabel(l) ? "lost" : "open";
}

describe("the dashboard on three CRMs' exports (issue 12)", () => {
  let s: StandIn;
  const reports: ImportReport[] = [];
  let built: DashboardReport;

  beforeAll(async () => {
    s = createStandIn();
    s.install(globalThis);
    reports.push(
      ...(await setUpAndImport("salesforce", [...CRM_DEALS, { target: "Leads", text: leads }]))
    );
    built = await buildDashboard({ language: "en" });
  });

  it("imported every row and added the files' stages to the Stages table, saying which were assumed", () => {
    expect(reports.map((r) => [r.source, r.added, r.skipped.length])).toEqual([
      ["hubspotDeals", 18, 0],
      ["pipedriveDeals", 15, 0],
      ["salesforceLeads", 16, 0],
    ]);
    const added = reports.map((r) =>
      (r.stagesAdded ?? []).map((a) => [a.name, a.probability, a.assumed])
    );
    expect(added[0]).toEqual([
      ["Appointment Scheduled", 0.2, true],
      ["Qualified To Buy", 0.4, true],
      ["Contract Sent", 0.9, true],
    ]);
    expect(added[1]).toEqual(
      expect.arrayContaining([
        ["Demo Scheduled", 1, true],
        ["Won", 1, false],
        ["Lost", 0, false],
        ["Proposal Made", 0.6, false],
      ])
    );
    const stages = tableRows(s, "Stages").map((r) => [r.Stage, r["Is Won"], r["Is Lost"]]);
    expect(stages).toEqual(
      expect.arrayContaining([
        ["Won", true, false],
        ["Lost", false, true],
      ])
    );
    expect(stages.filter((r) => r[0] === "Closed Won")).toHaveLength(1);
  });

  it("formats each deal's amount in its own currency", () => {
    const sheet = s.snapshot().sheets.find((x) => x.tables.some((t) => t.name === "Deals"))!;
    const deals = tableRows(s, "Deals");
    const col = String.fromCharCode(65 + Object.keys(deals[0]).indexOf("Amount"));
    const formats = deals.map((d, i) => [d.Currency, sheet.cells[`${col}${i + 2}`]?.numberFormat]);
    expect(formats.filter(([c]) => c === "EUR").every(([, f]) => f === '#,##0.00 "EUR"')).toBe(
      true
    );
    expect(formats.filter(([c]) => c === "USD").every(([, f]) => f === "$#,##0.00")).toBe(true);
    expect(formats.filter(([c]) => c === "EUR").length).toBeGreaterThan(0);
  });

  it("records the EUR deals in History with amount 0 while they have no rate, and says so", () => {
    const deals = tableRows(s, "Deals").filter((d) => d.Stage);
    const eur = deals.filter((d) => d.Currency === "EUR");
    expect(reports[1].history?.unconverted).toEqual([{ code: "EUR", deals: eur.length }]);
    // The build tells the pane too.
    expect(built.warnings).toContainEqual({
      code: "noExchangeRate",
      params: { count: eur.length, currency: "EUR" },
    });
    const last = latestHistory(s);
    for (const d of eur) expect(last.get(String(d["Deal ID"]))).toBe(0);
    for (const d of deals.filter((x) => x.Currency !== "EUR"))
      expect(last.get(String(d["Deal ID"]))).toBe(typeof d.Amount === "number" ? d.Amount : 0);
  });

  const states: [string, DashboardFilters][] = [
    ["all time", { ...DEFAULT_FILTERS, period: "allTime" }],
    ["this year, one owner", { ...DEFAULT_FILTERS, period: "thisYear", owner: "Omar Said" }],
    ["last 12 months", { ...DEFAULT_FILTERS, period: "last12Months" }],
    [
      "a custom quarter of last year",
      {
        ...DEFAULT_FILTERS,
        period: "custom",
        customFrom: TODAY - 500,
        customTo: TODAY - 410,
      },
    ],
  ];

  it.each(states)(
    "adds up in %s: tiles and tables equal a computation from the rows",
    async (_, filters) => {
      await setDashboardFilters(filters);
      check(s, filters);
    }
  );

  it("offers every owner of the data in the filter list and keeps the figures after a rebuild", async () => {
    const state = await readDashboardState();
    expect([...state.owners].sort()).toEqual([
      "Lena Vogel",
      "Maya Chen",
      "Omar Said",
      "Priya Nair",
    ]);
    await setDashboardFilters(states[1][1]);
    const report = await buildDashboard({ language: "en" });
    expect(report.rebuilt).toBe(true);
    expect(report.filters).toEqual(states[1][1]);
    check(s, states[1][1]);
  });

  it("converts the EUR deals once the user adds a rate in Settings › Rates, and drops the note", async () => {
    const before = tableRows(s, "Deals").filter((d) => d.Currency === "EUR");
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((d) => d["Reporting Amount"] === "")).toBe(true);
    // The user types EUR and its rate into the Rates table's empty row.
    await Excel.run(async (context) => {
      const body = context.workbook.tables.getItem("Rates").getDataBodyRange();
      body.values = [["EUR", 1.08]];
      await context.sync();
    });
    const after = tableRows(s, "Deals").filter((d) => d.Currency === "EUR");
    for (const d of after) expect(d["Reporting Amount"]).toBeCloseTo(n(d.Amount) * 1.08, 6);
    const rebuilt = await buildDashboard({ language: "en" });
    expect(rebuilt.warnings.filter((w) => w.code === "noExchangeRate")).toEqual([]);
    for (const [, filters] of states) {
      await setDashboardFilters(filters);
      check(s, filters, { EUR: 1.08 });
    }
    // The next import's snapshot stores the converted amounts.
    const again = await importRecords({ target: "Deals", text: pipedrive });
    expect(again.history?.unconverted).toBeUndefined();
    const last = latestHistory(s);
    for (const d of after)
      expect(last.get(String(d["Deal ID"]))).toBeCloseTo(n(d.Amount) * 1.08, 6);
  });
});

/** Each deal's amount in its latest History row (the later of same-day rows wins). */
function latestHistory(s: StandIn): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const rows = tableRows(s, "History").map((r, i) => ({ r, i }));
  rows.sort((a, b) => n(a.r.Snapshot) - n(b.r.Snapshot) || a.i - b.i);
  for (const { r } of rows) out.set(String(r["Deal ID"]), r.Amount);
  return out;
}

/** Checks the tiles and summary tables of the built dashboard against the rows. */
function check(s: StandIn, filters: DashboardFilters, rates: Record<string, number> = {}): void {
  const { registry, plan } = builtPlan(s, filters);
  const sheet = registry.sheetName;
  const range = periodRange(filters.period, TODAY, {
    from: filters.customFrom,
    to: filters.customTo,
  });
  if (isError(range)) throw new Error(range.message);
  const stages = tableRows(s, "Stages");
  const deals = tableRows(s, "Deals").filter((d) => d.Stage);
  const leadRows = tableRows(s, "Leads").filter((l) => l.Created !== "" && l.Created !== null);
  const owned = (r: Row): boolean => filters.owner === null || r.Owner === filters.owner;
  const inR = (v: unknown, r: PeriodRange = range): boolean =>
    typeof v === "number" && inRange(v, r);
  // Each deal's amount in USD, computed here from Amount, Currency and the rates the test set:
  // null (left out) for a currency without a rate.
  const conv = (d: Row): number | null =>
    !d.Currency || d.Currency === "USD"
      ? n(d.Amount)
      : rates[String(d.Currency)] !== undefined
        ? n(d.Amount) * rates[String(d.Currency)]
        : null;
  const usd = (d: Row): boolean => conv(d) !== null;
  const out = (d: Row): string => outcomeOf(stages, String(d.Stage));
  const closed = deals.filter((d) => owned(d) && inR(d["Closed Date"]));
  const won = closed.filter((d) => out(d) === "won");
  const lost = closed.filter((d) => out(d) === "lost");
  const open = deals.filter((d) => owned(d) && out(d) === "open" && inR(d["Expected Close"]));
  const sum = (rows: Row[]): number => rows.reduce((a, d) => a + (conv(d) ?? 0), 0);
  const wonRevenue = sum(won.filter(usd));
  const openPipeline = sum(open.filter(usd));
  const newLeads = leadRows.filter((l) => owned(l) && inR(l.Created));
  const converted = newLeads.filter((l) => l.Converted === true);
  expect(won.length + lost.length).toBeGreaterThan(0);

  const tile = (key: string): unknown =>
    s.getValue(sheet, plan.tiles.find((t) => t.key === key)!.valueAddress);
  expect(tile("wonRevenue")).toBeCloseTo(wonRevenue, 6);
  expect(tile("winRate")).toBeCloseTo(won.length / (won.length + lost.length), 6);
  expect(tile("avgDealSize")).toBeCloseTo(wonRevenue / won.filter(usd).length, 6);
  expect(tile("openPipeline")).toBeCloseTo(openPipeline, 6);
  expect(tile("newLeads")).toBe(newLeads.length);
  if (newLeads.length)
    expect(tile("leadConversion")).toBeCloseTo(converted.length / newLeads.length, 6);
  // Weighted pipeline: each open deal's converted amount × its stage's probability (Stages).
  const probability = (d: Row): number => {
    const row = stages.find((r) => String(r.Stage).toLowerCase() === String(d.Stage).toLowerCase());
    return typeof row?.Probability === "number" ? row.Probability : 0;
  };
  const weighted = open.filter(usd).reduce((a, d) => a + (conv(d) ?? 0) * probability(d), 0);
  expect(tile("weightedPipeline")).toBeCloseTo(weighted, 6);

  const column = (key: string, k: number): unknown[] => {
    const sec = plan.sections.find((x) => x.key === key)!;
    const col = String.fromCharCode(66 + k);
    return Array.from({ length: sec.rows }, (_, i) =>
      s.getValue(sheet, `${col}${sec.firstRow + i}`)
    );
  };
  const total = (v: unknown[]): number =>
    v.reduce<number>((a, x) => a + (typeof x === "number" ? x : 0), 0);
  // Pipeline by stage adds up to the Open pipeline tile; so do its deal counts.
  expect(total(column("pipeline", 2))).toBeCloseTo(openPipeline, 6);
  expect(total(column("pipeline", 1))).toBe(open.length);
  // Won revenue by owner adds up to the tile (all owners), or is the tile's row (one owner).
  const owners = column("owners", 0).map(String);
  const byOwner = column("owners", 1);
  if (filters.owner === null) expect(total(byOwner)).toBeCloseTo(wonRevenue, 6);
  else expect(byOwner[owners.indexOf(filters.owner)]).toBeCloseTo(wonRevenue, 6);
  // Leads by source add up to New leads.
  expect(total(column("sources", 1))).toBe(newLeads.length);
  expect(total(column("sources", 2))).toBe(converted.length);

  // No error value anywhere on the Dashboard sheet, and the EUR deals are named in a note.
  const cells = s.snapshot().sheets.find((x) => x.name === sheet)!.cells;
  const errors = Object.entries(cells).filter(
    ([, c]) =>
      c.error !== undefined ||
      (typeof c.value === "string" &&
        /^#(N\/A|NAME\?|VALUE!|REF!|DIV\/0!|NUM!|SPILL!)/.test(c.value))
  );
  expect(errors.map(([a, c]) => `${a}: ${String(c.value)}`)).toEqual([]);
  const eur = deals.filter((d) => d.Currency === "EUR").length;
  if (rates.EUR === undefined) {
    expect(String(cells.B5?.value)).toContain(`${eur} deals in EUR`);
    expect(String(cells.B5?.value)).toContain("Add a rate in Settings › Rates");
  } else expect(String(cells.B5?.value ?? "")).not.toContain("EUR");
  // All time compares with nothing: the previous period says so, and no tile shows a change.
  if (filters.period === "allTime") {
    expect(s.getValue(sheet, "I5")).toBe("no previous period");
    for (const t of plan.tiles.filter((x) => x.changeAddress))
      expect([
        t.key,
        s.getValue(sheet, t.previousAddress!),
        s.getValue(sheet, t.changeAddress!),
      ]).toEqual([t.key, "", ""]);
  }
}
