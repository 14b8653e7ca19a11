/**
 * The pure staleness verdict: each kind of change the dashboard's build-time lists miss (owners,
 * competitors, sources, loss reasons, stage spellings, the Stages table), no change, and a
 * registry from an older version (no lists stored: unknown). Inputs come from the build's own
 * readers (`planData`, `stagesFromRows`) over columns written here.
 */
import { DataColumns, planData, stagesFromRows } from "../../src/workbook/dashboard/data";
import { DEFAULT_FILTERS, PlanInput } from "../../src/workbook/dashboard/types";
import { UP_TO_DATE, dashboardStaleness, isStale } from "../../src/workbook/dashboard/staleness";

const HEADERS = ["Stage", "Probability", "Is Won", "Is Lost"];
const STAGE_ROWS: unknown[][] = [
  ["Prospecting", 0.1, false, false],
  ["Negotiation", 0.8, false, false],
  ["Closed Won", 1, true, false],
  ["Closed Lost", 0, false, true],
];

const col = (values: readonly unknown[]): unknown[][] => values.map((v) => [v]);

/** Deals (owner, stage, competitor, loss reason) and leads (owner, source). */
function columns(
  deals: readonly (readonly [string, string, string, string])[],
  leads: readonly (readonly [string, string])[] = [["Ann", "Web"]]
): DataColumns {
  return {
    ownersTable: col(["Ann"]),
    competitorsTable: col(["Acme"]),
    dealOwner: col(deals.map((d) => d[0])),
    dealStage: col(deals.map((d) => d[1])),
    dealCompetitor: col(deals.map((d) => d[2])),
    dealLossReason: col(deals.map((d) => d[3])),
    dealCurrency: col(deals.map(() => "USD")),
    dealReportingAmount: col(deals.map(() => 100)),
    leadOwner: col(leads.map((l) => l[0])),
    leadSource: col(leads.map((l) => l[1])),
  };
}

const DEALS: [string, string, string, string][] = [
  ["Ann", "Prospecting", "Acme", ""],
  ["Bo", "Closed Won", "", ""],
  ["Ann", "Closed Lost", "Acme", "Price"],
];

function built(cols: DataColumns, stageRows: unknown[][] = STAGE_ROWS): PlanInput {
  return {
    language: "en",
    currency: "USD",
    stages: stagesFromRows(stageRows, HEADERS),
    data: planData(cols, "USD"),
    owners: 1,
    competitors: 1,
    funnel: true,
    filters: DEFAULT_FILTERS,
  };
}

function now(cols: DataColumns, stageRows: unknown[][] = STAGE_ROWS) {
  return { stages: stagesFromRows(stageRows, HEADERS), data: planData(cols, "USD") };
}

const NOTHING = UP_TO_DATE;

describe("dashboardStaleness", () => {
  const base = columns(DEALS);
  // Through JSON, as the registry stores it.
  const stored: PlanInput = JSON.parse(JSON.stringify(built(base)));

  it("finds nothing when nothing changed (and the same facts again are not stale)", () => {
    const v = dashboardStaleness(stored, now(base));
    expect(v).toEqual(NOTHING);
    expect(isStale(v)).toBe(false);
  });

  it("is unknown, not stale, for a registry of an older version (no lists stored)", () => {
    const older: PlanInput = { ...stored, data: undefined };
    expect(dashboardStaleness(older, now(columns([...DEALS, ["Zed", "Won", "", ""]])))).toBe(null);
    expect(isStale(null)).toBe(false);
  });

  it("names a new owner (deal or lead), not one spelled in another case, nor a removed one", () => {
    const cols = columns(
      [
        ...DEALS.filter((d) => d[0] !== "Bo"),
        ["ANN", "Prospecting", "", ""],
        ["Nadia", "Prospecting", "", ""],
      ],
      [["Omar", "Web"]]
    );
    const v = dashboardStaleness(stored, now(cols));
    expect(v).toEqual({ ...NOTHING, owners: ["Nadia", "Omar"] });
    expect(isStale(v)).toBe(true);
  });

  it("names new competitors (a deal's list split on ; and ,)", () => {
    const cols = columns([...DEALS, ["Ann", "Prospecting", "Globex; acme, Initech", ""]]);
    expect(dashboardStaleness(stored, now(cols))).toEqual({
      ...NOTHING,
      competitors: ["Globex", "Initech"],
    });
  });

  it("names new lead sources", () => {
    const cols = columns(DEALS, [
      ["Ann", "Web"],
      ["Ann", "Trade Show"],
    ]);
    expect(dashboardStaleness(stored, now(cols))).toEqual({ ...NOTHING, sources: ["Trade Show"] });
  });

  it("names new loss reasons", () => {
    const cols = columns([...DEALS, ["Ann", "Closed Lost", "", "No budget"]]);
    expect(dashboardStaleness(stored, now(cols))).toEqual({
      ...NOTHING,
      lossReasons: ["No budget"],
    });
  });

  it("names a new won or lost spelling the Stages table judges, not a new case of a listed one", () => {
    const cols = columns([
      ...DEALS,
      ["Ann", "closedwon", "", ""], // the table's Closed Won, by its key
      ["Ann", "closed-lost", "", ""],
      ["Ann", "CLOSED WON", "", ""], // Excel's = ignores case: already counted
    ]);
    const v = dashboardStaleness(stored, now(cols));
    expect(v).toEqual({ ...NOTHING, stages: ["closedwon", "closed-lost"] });
  });

  it("names an open stage whose first deals came after the build (the pipeline has no row)", () => {
    const cols = columns([
      ...DEALS,
      ["Ann", "Negotiation", "", ""],
      ["Ann", "prospecting", "", ""],
    ]);
    expect(dashboardStaleness(stored, now(cols))).toEqual({ ...NOTHING, stages: ["Negotiation"] });
  });

  it("sees deals without an owner and leads without a source where there were none", () => {
    const cols = columns(
      [...DEALS, ["", "Prospecting", "", ""]],
      [
        ["Ann", "Web"],
        ["Ann", ""],
      ]
    );
    expect(dashboardStaleness(stored, now(cols))).toEqual({
      ...NOTHING,
      noOwner: true,
      noSource: true,
    });
    // Built with them already: nothing new.
    const rebuilt: PlanInput = JSON.parse(JSON.stringify(built(cols)));
    expect(dashboardStaleness(rebuilt, now(cols))).toEqual(NOTHING);
  });

  it("sees a Stages table that changed: renamed, reordered, a stage marked won", () => {
    const renamed = STAGE_ROWS.map((r) => (r[0] === "Closed Won" ? ["Signed", ...r.slice(1)] : r));
    const reordered = [STAGE_ROWS[1], STAGE_ROWS[0], STAGE_ROWS[2], STAGE_ROWS[3]];
    const markedWon = STAGE_ROWS.map((r) => (r[0] === "Negotiation" ? [r[0], 1, true, false] : r));
    for (const rows of [renamed, reordered, markedWon])
      expect(dashboardStaleness(stored, now(base, rows))).toEqual({
        ...NOTHING,
        stagesTable: true,
      });
    // A probability is read live by the formulas: not a change of the plan.
    const probability = STAGE_ROWS.map((r) =>
      r[0] === "Negotiation" ? [r[0], 0.5, false, false] : r
    );
    expect(dashboardStaleness(stored, now(base, probability))).toEqual(NOTHING);
  });

  it("after a rebuild from the new facts, nothing is left", () => {
    const cols = columns(
      [...DEALS, ["Nadia", "closedwon", "Globex", "No budget"]],
      [["Ann", "Fair"]]
    );
    const rows = STAGE_ROWS.map((r) => (r[0] === "Negotiation" ? [r[0], 1, true, false] : r));
    expect(isStale(dashboardStaleness(stored, now(cols, rows)))).toBe(true);
    const rebuilt: PlanInput = JSON.parse(JSON.stringify(built(cols, rows)));
    expect(dashboardStaleness(rebuilt, now(cols, rows))).toEqual(NOTHING);
  });
});
