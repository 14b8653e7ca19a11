/**
 * PERIOD_TOTALS, CLV, CONVERSION_RATE and the cell reading of FORECAST_SALES /
 * FORECAST_SEASONALITY against what a CRM or the textbook computes, on data in real export
 * layouts: a Pipedrive deals export, a Stripe-style invoice-lines export with credit notes, a
 * HubSpot contacts export. Every expected figure is worked out by hand in the comments from the
 * rows, never copied from a function.
 */
import { toSerial } from "../../src/engine/dates";
import { clvFunction } from "../../src/functions/sales/clv";
import { conversionRateFunction } from "../../src/functions/sales/conversionRate";
import { forecastSales, forecastSeasonality } from "../../src/functions/sales/forecastSales";
import { periodTotalsFunction } from "../../src/functions/sales/periodTotals";
import { cell, col } from "../setup/excelCalls";

const d = (y: number, m: number, day: number): number => toSerial(y, m, day);

describe("PERIOD_TOTALS on a Pipedrive deals export (Deal - Value, Deal - Status, Deal - Won time)", () => {
  // Won time as Pipedrive's CSV writes it (`YYYY-MM-DD HH:MM:SS`), blank unless won.
  const DEALS: [value: number | "", status: string, wonTime: string][] = [
    [12000, "won", "2026-01-05 10:12:00"],
    ["", "won", "2026-01-31 23:59:59"], // won, no value entered: 0
    [8000, "won", "2026-02-01 00:00:00"], // a Sunday: ISO week of Monday 26 January
    [0, "won", "2026-02-14 09:00:00"],
    [5000, "lost", ""],
    [7000, "open", ""],
    [3000, "won", "2026-03-31 18:00:00"], // the quarter's last day, in the evening
    [9500, "won", "2026-04-30 17:45:00"],
    [-1500, "won", "2026-04-02 08:00:00"], // a refund booked as a negative won deal
    [4000, "won", "2025-12-31 23:30:00"],
    [6000, "won", ""], // won without a Won time (bad row): no date, not counted
    [2500, "lost", "2026-03-15 12:00:00"], // Pipedrive keeps no Won time for lost deals; a bad row
  ];
  /** Whole columns with their titles, as `Deals[#All]` columns or A:A pass them. */
  const value = col("Deal - Value", ...DEALS.map((r) => r[0]));
  const status = col("Deal - Status", ...DEALS.map((r) => r[1]));
  const wonTime = col("Deal - Won time", ...DEALS.map((r) => r[2]));
  /** PERIOD_TOTALS of the won deals by Won time. */
  const wonTotals = (period: string, from: unknown, to: unknown, fiscalStart: unknown = null) =>
    cell(periodTotalsFunction, wonTime, value, period, from, to, status, null, fiscalStart);

  it("month: Σ won value by month of Won time, empty months 0, a month's last second in it", () => {
    // Dec 2025: 4,000. Jan: 12,000 + 0 (no value). Feb: 8,000 + 0. Mar: 3,000 (31st, 18:00; the
    // lost deal of the 15th does not count). Apr: 9,500 − 1,500 = 8,000.
    expect(wonTotals("month", null, null)).toEqual([
      [d(2025, 12, 1), 4000],
      [d(2026, 1, 1), 12000],
      [d(2026, 2, 1), 8000],
      [d(2026, 3, 1), 3000],
      [d(2026, 4, 1), 8000],
    ]);
  });

  it("from_date / to_date are whole days: to_date 2026-03-31 keeps that evening's deal", () => {
    expect(wonTotals("quarter", "2026-01-01", "2026-03-31")).toEqual([
      [d(2026, 1, 1), 12000 + 8000 + 3000],
    ]);
    const days = wonTotals("day", "2026-03-30", "2026-03-31");
    expect(days).toEqual([
      [d(2026, 3, 30), 0],
      [d(2026, 3, 31), 3000],
    ]);
  });

  it("a from_date inside a month leaves out that month's earlier rows (documented: a partial first period)", () => {
    // From 15 January: the 12,000 of 5 January is left out; 31 January (no value) is 0.
    expect(wonTotals("month", "2026-01-15", "2026-02-28")).toEqual([
      [d(2026, 1, 1), 0],
      [d(2026, 2, 1), 8000],
    ]);
  });

  it("week: ISO weeks from Monday, a Sunday in the week before", () => {
    const weeks = wonTotals("week", "2026-01-26", "2026-02-08");
    // Mon 26 Jan – Sun 1 Feb: 0 (31 Jan) + 8,000 (1 Feb). Mon 2 – Sun 8 Feb: nothing.
    expect(weeks).toEqual([
      [d(2026, 1, 26), 8000],
      [d(2026, 2, 2), 0],
    ]);
  });

  it("fiscal quarters from April: FY2026 Q3 (Oct–Dec), Q4 (Jan–Mar), FY2027 Q1 (Apr–Jun)", () => {
    expect(wonTotals("quarter", null, null, 4)).toEqual([
      [d(2025, 10, 1), 4000],
      [d(2026, 1, 1), 23000],
      [d(2026, 4, 1), 8000],
    ]);
  });

  it("degenerate ranges give a decided value or a message, never NaN", () => {
    for (const blank of [0, null, ""]) {
      // Nothing dated: #N/A "no dated rows"; with both ends given: the window's periods as 0.
      const blanks = col(blank, blank);
      expect(cell(periodTotalsFunction, blanks, blanks)).toEqual({
        error: "#N/A",
        message: "no dated rows",
      });
      expect(
        cell(periodTotalsFunction, blanks, blanks, "month", "2026-01-01", "2026-02-28")
      ).toEqual([
        [d(2026, 1, 1), 0],
        [d(2026, 2, 1), 0],
      ]);
      // One dated row whose amount is blank: one period of 0.
      expect(cell(periodTotalsFunction, col("2026-03-31 18:00:00"), col(blank))).toEqual([
        [d(2026, 3, 1), 0],
      ]);
    }
    // No won deal: nothing counts.
    expect(
      cell(periodTotalsFunction, col("2026-03-15"), col(2500), "month", null, null, col("lost"))
    ).toEqual({ error: "#N/A", message: "no dated rows" });
  });
});

describe("CLV from a Stripe-style invoice-lines export (textbook: ARPA × gross margin ÷ churn)", () => {
  // Customer, invoice date, net amount; credit notes are negative lines.
  const LINES: [string, number, number][] = [
    ["Acme", d(2026, 1, 3), 1200],
    ["Acme", d(2026, 4, 3), 1200],
    ["Acme", d(2026, 5, 3), 1200],
    ["Acme", d(2026, 6, 3), 1200],
    ["Birch", d(2026, 2, 10), 800],
    ["Birch", d(2026, 4, 10), 800],
    ["Birch", d(2026, 4, 20), -800], // credit note: April refunded in full
    ["Birch", d(2026, 5, 10), 800],
    ["Cedar", d(2026, 3, 1), 500],
    ["Cedar", d(2026, 6, 1), 500],
    ["Dune", d(2026, 1, 15), 300], // last invoice in Q1: churned in Q2
    ["Elm", d(2026, 5, 5), 2000], // one purchase only, new in Q2
  ];
  // Quarterly, Q2 2026 (Apr–Jun):
  //   accounts at the start = customers billed in Q1: Acme, Birch, Cedar, Dune = 4;
  //   lost in Q2 = of those, not billed in Q2: Dune = 1 → churn 1 ÷ 4 = 25% per quarter;
  //   ARPA = Q2 net revenue ÷ accounts billed in Q2 = (3,600 + 800 + 500 + 2,000) ÷ 4 = 1,725.
  //   CLV at a 70% margin = 1,725 × 0.7 ÷ 0.25 = 4,830.
  const q2 = LINES.filter((l) => l[1] >= d(2026, 4, 1) && l[1] <= d(2026, 6, 30));
  const q1 = LINES.filter((l) => l[1] < d(2026, 4, 1));
  const atStart = new Set(q1.map((l) => l[0]));
  const active = new Set(q2.map((l) => l[0]));
  const churn = [...atStart].filter((c) => !active.has(c)).length / atStart.size;
  const arpa = q2.reduce((s, l) => s + l[2], 0) / active.size;

  it("matches the hand computation", () => {
    expect([churn, arpa]).toEqual([0.25, 1725]);
    expect(cell(clvFunction, arpa, 0.7, churn)).toBeCloseTo(4830, 9);
  });

  it("credit notes exceeding revenue: #VALUE! naming avg_revenue, never a negative lifetime value", () => {
    expect(cell(clvFunction, -200, 0.7, 0.25)).toEqual({
      error: "#VALUE!",
      message: "avg_revenue must be 0 or more; got -200",
    });
  });

  it('no churn: #DIV/0!, never Infinity; blanks as 0 / null / "" are 0', () => {
    for (const blank of [0, null, ""]) {
      expect(cell(clvFunction, arpa, 0.7, blank)).toEqual({ error: "#DIV/0!", message: "" });
      expect(cell(clvFunction, blank, 0.7, churn)).toBe(0);
      expect(cell(clvFunction, arpa, blank, churn)).toBe(0);
    }
    // Everyone churns every period: one period's margin.
    expect(cell(clvFunction, arpa, 0.7, 1)).toBeCloseTo(1207.5, 9);
  });
});

describe("CONVERSION_RATE on a HubSpot contacts export (Lifecycle Stage)", () => {
  const STAGES = [
    "subscriber",
    "lead",
    "lead",
    "marketingqualifiedlead",
    "salesqualifiedlead",
    "opportunity",
    "opportunity",
    "customer",
    "customer",
    "customer",
    "evangelist", // a customer who became an advocate: converted too
    "",
    "other",
  ];
  const stages = col("Lifecycle Stage", ...STAGES);
  // Lead → customer: converted = customer + evangelist = 4; leads = every contact that reached
  // lead or later = lead 2, MQL 1, SQL 1, opportunity 2, customer 3, evangelist 1 = 10 (not the
  // subscriber, "other" or the blank). 4 ÷ 10 = 40%.
  const converted = col("customer", "evangelist");

  it("a base listing every stage from lead on: 40%", () => {
    const base = col(
      "lead",
      "marketingqualifiedlead",
      "salesqualifiedlead",
      "opportunity",
      "customer",
      "evangelist"
    );
    expect(cell(conversionRateFunction, stages, converted, base)).toBeCloseTo(4 / 10, 12);
  });

  it("a base that leaves out the converted stages still gives 40% (was 4 ÷ 6 = 67%)", () => {
    // The manager listed the stages a contact converts FROM.
    const before = col("lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity");
    expect(cell(conversionRateFunction, stages, converted, before)).toBeCloseTo(4 / 10, 12);
    // Opportunity → customer, base "opportunity": 4 converted of 2 + 4 = 6 (was 4 ÷ 2 = 200%).
    expect(cell(conversionRateFunction, stages, converted, "opportunity")).toBeCloseTo(4 / 6, 12);
  });

  it("without base: converted ÷ every non-blank contact; a selected title row is not a contact", () => {
    expect(cell(conversionRateFunction, stages.slice(1), converted)).toBeCloseTo(4 / 12, 12);
    // "Lifecycle Stage" is a HubSpot contacts header the import knows, and no status of the call:
    // B:B reads it as blank (round 8; it was a 13th contact, 4 ÷ 13).
    expect(cell(conversionRateFunction, stages, converted)).toBeCloseTo(4 / 12, 12);
  });
});

describe("FORECAST_SALES / FORECAST_SEASONALITY read PERIOD_TOTALS' spill as their history", () => {
  // Two years of monthly won revenue with refunds in quiet months, then a to_date at the year's end
  // that adds future months as 0 (PERIOD_TOTALS spills them; the forecast leaves them out).
  const months = Array.from({ length: 22 }, (_, i) => i);
  const revenue = months.map(
    (i) => 10000 + 400 * i + (i % 12 === 11 ? 6000 : 0) - (i % 12 === 6 ? 2500 : 0)
  );
  const dates = months.map((i) => [toSerial(2025 + Math.floor(i / 12), 1 + (i % 12), 1)]);

  it("values with their timeline, the period dates, or the values alone read as one series", () => {
    const spill = cell(
      periodTotalsFunction,
      dates.map((r) => [r[0] + 0.5]),
      revenue.map((v) => [v]),
      "month",
      null,
      "2026-12-31"
    ) as number[][];
    expect(spill).toHaveLength(24);
    expect(spill.slice(22)).toEqual([
      [d(2026, 11, 1), 0],
      [d(2026, 12, 1), 0],
    ]);
    const values = spill.map((r) => [r[1]]);
    const timeline = spill.map((r) => [r[0]]);
    const alone = cell(
      forecastSales,
      revenue.map((v) => [v]),
      3,
      0
    ) as number[][];
    expect(alone).toHaveLength(3);
    for (const v of alone.flat()) expect(Number.isFinite(v)).toBe(true);
    expect(cell(forecastSales, values, 3, 0)).toEqual(alone);
    expect(cell(forecastSales, values, 3, 0, null, timeline)).toEqual(alone);
    expect(cell(forecastSeasonality, values, timeline)).toBe(
      cell(
        forecastSeasonality,
        revenue.map((v) => [v])
      )
    );
  });
});
