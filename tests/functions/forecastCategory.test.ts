import { toSerial } from "../../src/engine/dates";
import { forecastCategoryFunction } from "../../src/functions/sales/forecastCategory";
import { CustomFunctionsError } from "../setup/customFunctionsStub";
import { cell, col } from "../setup/excelCalls";

// A fiscal year starting in April: FY2027 = 2026-04-01 … 2027-03-31.
const rows: [string, string, number, number, string][] = [
  // owner, category, amount, close date, stage
  ["Ann", "Closed", 1000, toSerial(2026, 4, 1), "Closed Won"],
  ["Ann", "Commit", 2000, toSerial(2026, 9, 30), "Negotiation/Review"],
  ["Ann", "Best Case", 4000, toSerial(2027, 3, 31), "Proposal/Price Quote"],
  ["Ann", "Pipeline", 8000, toSerial(2026, 12, 1), "Needs Analysis"],
  ["Ann", "Omitted", 16000, toSerial(2026, 6, 1), "Closed Lost"],
  ["Ann", "Commit", 32000, toSerial(2026, 3, 31), "Negotiation/Review"], // FY2026
  ["Bob", "commit", 300, toSerial(2026, 5, 5), "Negotiation/Review"],
  ["Bob", "BEST_CASE", 500, toSerial(2026, 5, 5), "Negotiation/Review"],
  ["Bob", "Closed Won", 700, toSerial(2027, 1, 5), "Closed Won"], // HubSpot's "Closed won"
  ["Bob", "", 900, toSerial(2026, 7, 7), "Value Proposition"], // blank: the stage's default
  ["Bob", "", 1100, toSerial(2026, 7, 7), "Closed Lost"],
  ["Cy", "Pipeline", 50, toSerial(2027, 4, 1), "Qualification"], // FY2028
];
const owners = col(...rows.map((r) => r[0]));
const cats = col(...rows.map((r) => r[1]));
const amounts = col(...rows.map((r) => r[2]));
const closes = col(...rows.map((r) => r[3]));
const stages = col(...rows.map((r) => r[4]));
const stageTable = [
  ["Value Proposition", "Best Case"],
  ["Closed Lost", "Omitted"],
];

const INCLUDES: Record<string, string[]> = {
  Closed: ["closed"],
  Commit: ["commit", "closed"],
  "Best Case": ["best case", "commit", "closed"],
  Pipeline: ["pipeline", "best case", "commit"],
};

/** The expected roll-up, computed from the rows here. */
function expected(rollup: string, owner: string): number {
  const from = toSerial(2026, 4, 1);
  const to = toSerial(2027, 3, 31);
  const category = (r: (typeof rows)[number]) => {
    const c = r[1].toLowerCase().replace(/_/g, " ");
    if (c === "closed won") return "closed";
    if (c !== "") return c;
    return r[4] === "Value Proposition" ? "best case" : "omitted";
  };
  return rows
    .filter((r) => r[0] === owner && r[3] >= from && r[3] <= to)
    .filter((r) => INCLUDES[rollup].includes(category(r)))
    .reduce((s, r) => s + r[2], 0);
}

function rollup(which: string, period: unknown, owner: unknown = null): unknown {
  return cell(
    forecastCategoryFunction,
    cats,
    amounts,
    closes,
    which,
    period,
    4,
    owners,
    owner,
    stages,
    stageTable
  );
}

describe("FORECAST_CATEGORY", () => {
  it("matches a computation from the rows for each owner in FY2027 (April start)", () => {
    for (const owner of ["Ann", "Bob", "Cy"]) {
      for (const r of Object.keys(INCLUDES)) {
        expect([owner, r, rollup(r, "FY2027", owner)]).toEqual([owner, r, expected(r, owner)]);
      }
    }
    expect(rollup("Commit", "FY2027", "Ann")).toBe(3000);
    expect(rollup("Best Case", "FY2027", "Bob")).toBe(2400);
  });

  it("reads the title row of whole-column references (Deals!A:A) as no deal", () => {
    const titled = (title: string, grid: unknown[][]) => [[title], ...grid];
    for (const owner of ["Ann", "Bob"]) {
      const withTitles = cell(
        forecastCategoryFunction,
        titled("Forecast Category", cats),
        titled("Amount", amounts),
        titled("Expected Close", closes),
        "Best Case",
        "FY2027",
        4,
        titled("Owner", owners),
        owner,
        titled("Stage", stages),
        stageTable
      );
      expect(withTitles).toBe(expected("Best Case", owner));
    }
  });

  it("names the range and cell of an error value in a text range", () => {
    const na = new CustomFunctionsError("#N/A");
    const broken = (grid: unknown[][], at: number) => grid.map((r, i) => (i === at ? [na] : r));
    const call = (c: unknown[][], o: unknown[][], s: unknown[][]) =>
      cell(
        forecastCategoryFunction,
        c,
        amounts,
        closes,
        "Commit",
        "FY2027",
        4,
        o,
        null,
        s,
        stageTable
      );
    const message = (label: string) =>
      `${label} holds #N/A: fix or clear that cell (an error in a range is the result, as in SUM)`;
    expect(call(broken(cats, 2), owners, stages)).toEqual({
      error: "#N/A",
      message: message("Forecast category #3"),
    });
    expect(call(cats, broken(owners, 4), stages)).toEqual({
      error: "#N/A",
      message: message("Owner #5"),
    });
    expect(call(cats, owners, broken(stages, 0))).toEqual({
      error: "#N/A",
      message: message("Stage #1"),
    });
  });

  it("totals every owner when owner is omitted", () => {
    expect(rollup("Commit", "FY2027")).toBe(expected("Commit", "Ann") + expected("Commit", "Bob"));
  });

  it("reads 'This fiscal quarter' from as_of with the fiscal start", () => {
    // 2026-05-10 is in FY2027 Q1 (April–June): Ann closed 1000; Bob commit 300.
    const q = cell(
      forecastCategoryFunction,
      cats,
      amounts,
      closes,
      "Commit",
      null,
      4,
      null,
      null,
      stages,
      stageTable,
      toSerial(2026, 5, 10)
    );
    expect(q).toBe(1300);
    // With a February start the quarter is May–July: only Bob's commit of May 5.
    const feb = cell(
      forecastCategoryFunction,
      cats,
      amounts,
      closes,
      "Commit",
      "this fiscal quarter",
      2,
      null,
      null,
      null,
      null,
      toSerial(2026, 5, 10)
    );
    expect(feb).toBe(300);
  });

  it("rejects an unknown roll-up, category, period or fiscal start with a message", () => {
    expect(rollup("Maybe", "FY2027")).toMatchObject({ error: "#VALUE!" });
    expect(rollup("", "FY2027")).toMatchObject({
      error: "#VALUE!",
      message: expect.stringMatching(/rollup needs/),
    });
    expect(rollup("Commit", "next decade")).toMatchObject({ error: "#VALUE!" });
    expect(
      cell(
        forecastCategoryFunction,
        col("Sure thing"),
        col(1),
        col(toSerial(2026, 5, 5)),
        "Commit",
        "All"
      )
    ).toMatchObject({
      error: "#VALUE!",
      message: expect.stringMatching(/Forecast category #1 "Sure thing"/),
    });
    expect(cell(forecastCategoryFunction, cats, amounts, closes, "Commit", "All", 13)).toEqual({
      error: "#VALUE!",
      message: "fiscal_year_start must be a month number from 1 to 12",
    });
    expect(cell(forecastCategoryFunction, cats, col(1), closes, "Commit", "All")).toMatchObject({
      error: "#VALUE!",
    });
    expect(
      cell(forecastCategoryFunction, cats, amounts, closes, "Commit", "All", 4, null, "Ann")
    ).toMatchObject({ error: "#VALUE!" });
  });

  it("gives 0 when nothing counts and treats blank categories without stages by outcome", () => {
    expect(rollup("Closed", "FY2030")).toBe(0);
    expect(
      cell(
        forecastCategoryFunction,
        col("", ""),
        col(5, 7),
        col(toSerial(2026, 5, 5), toSerial(2026, 5, 5)),
        "Pipeline",
        "All"
      )
    ).toBe(12);
  });
});
