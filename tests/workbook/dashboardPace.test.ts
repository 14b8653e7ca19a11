/**
 * The pace beside the quota attainment tile's target: the share of the period's target due by
 * the as-of day by the Targets table (a plan that ramps up through the year, so the share differs
 * from the share of days), ▲ when the attainment is at or ahead of it, ▼ behind. On data that is
 * not ours: a Salesforce opportunity report (US dates, "USD 1,000.00") imported into a workbook
 * set up with HubSpot's stages, monthly targets typed into the Targets table, the sheet's clock
 * set (HyperFormula's TODAY reads Date.now). Every share is the plan's targets summed day by day
 * here, and every attainment it is compared with is won ÷ target summed from the rows below.
 */
import { createStandIn, StandIn } from "../../preview/excel";
import { importRecords } from "../../src/workbook/import";
import { buildDashboard } from "../../src/workbook/dashboard/build";
import { setDashboardFilters } from "../../src/workbook/dashboard/filters";
import { shareDashboardCopy } from "../../src/workbook/dashboard/share";
import {
  DashboardFilters,
  DEFAULT_FILTERS,
  REGISTRY_SETTING,
} from "../../src/workbook/dashboard/plan";
import { setUpWorkbook } from "../../src/workbook/setup";
import { toSerial } from "../../src/engine/dates";
import { builtPlan } from "../support/multiCrmWorkbook";
import { errorsOnDashboard } from "../support/tables";

jest.setTimeout(120_000);

const HEADER = `"Opportunity ID","Opportunity Owner","Account Name","Opportunity Name","Stage","Fiscal Period","Amount","Probability (%)","Expected Revenue","Close Date","Created Date","Age","Next Step","Lead Source","Type","Forecast Category"`;

/** Won (and one lost) opportunities: [owner, stage, amount, close date m/d/yyyy]. */
const DEALS: readonly [string, string, number, string][] = [
  ["Sara Ali", "Closed Won", 300, "2/1/2026"],
  ["John Smith", "Closed Won", 400, "4/20/2026"],
  ["Sara Ali", "Closed Won", 1000, "5/10/2026"],
  ["John Smith", "Closed Lost", 250, "6/1/2026"],
  ["Sara Ali", "Closed Won", 700, "11/30/2026"],
  // Omar Khan has no targets: his owner filter has no pace.
  ["Omar Khan", "Closed Won", 900, "12/1/2026"],
  ["John Smith", "Closed Won", 2000, "12/2/2026"],
  ["Sara Ali", "Closed Won", 3000, "1/20/2028"],
  ["John Smith", "Closed Won", 500, "2/10/2028"],
];

const OPPORTUNITIES = [
  HEADER,
  ...DEALS.map(([owner, stage, amount, close], i) => {
    const money = `USD ${amount.toLocaleString("en-US")}.00`;
    const won = stage === "Closed Won";
    return `"006P${i}","${owner}","Acct ${i}","Deal ${i}","${stage}","","${money}","${won ? 100 : 0}","${won ? money : "USD 0.00"}","${close}","1/2/2026","30","","Web","New Customer","${won ? "Closed" : "Omitted"}"`;
  }),
].join("\r\n");

/**
 * Monthly targets, January 2026 – December 2028: Sara 1,000 and John 500 in January, ramping up
 * by a tenth of that each month (December is 2.1×): the plan is heavier late in the year.
 */
const MONTHLY: Readonly<Record<string, number>> = { "Sara Ali": 1000, "John Smith": 500 };
const monthlyTarget = (owner: string, m: number): number => MONTHLY[owner] * (1 + (m - 1) / 10);

const d = toSerial;

/** Whole days from a to b, both counted. */
const days = (a: number, b: number): number => b - a + 1;

/** Won revenue of an owner (null: all) closed in [from, to], summed from DEALS. */
function won(from: number, to: number, owner: string | null = null): number {
  return DEALS.filter(([o, stage, , close]) => {
    const [m, day, y] = close.split("/").map(Number);
    const at = d(y, m, day);
    return stage === "Closed Won" && at >= from && at <= to && (owner === null || o === owner);
  }).reduce((t, [, , amount]) => t + amount, 0);
}

/** The target over [from, to]: whole months in full, a month partly in the period pro rata by days. */
function target(from: number, to: number, owner: string | null = null): number {
  let sum = 0;
  for (let day = from; day <= to; day++) {
    const { y, m } = ymd(day);
    const inMonth = d(y, m + 1, 1) - d(y, m, 1);
    for (const o of Object.keys(MONTHLY))
      if ((owner === null || o === owner) && y >= 2026 && y <= 2028)
        sum += monthlyTarget(o, m) / inMonth;
  }
  return sum;
}

/** The share of [from, to]'s target due by asOf, by the plan (day by day, as `target`). */
function due(from: number, to: number, asOf: number, owner: string | null = null): number {
  return target(from, asOf, owner) / target(from, to, owner);
}

function ymd(serial: number): { y: number; m: number } {
  const date = new Date(Date.UTC(1899, 11, 30) + serial * 86400000);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1 };
}

/** Sets the sheet's clock to noon of a local calendar day. */
function clock(y: number, m: number, day: number): void {
  jest.spyOn(Date, "now").mockReturnValue(new Date(y, m - 1, day, 12).getTime());
}

async function workbook(language: "en" | "ar"): Promise<{ s: StandIn; settings: string }> {
  const s = createStandIn();
  s.install(globalThis);
  await setUpWorkbook({ stagePreset: "hubspot", language, sampleData: false });
  await importRecords({ target: "Deals", text: OPPORTUNITIES });
  const rows: (string | number)[][] = [];
  for (let y = 2026; y <= 2028; y++)
    for (let m = 1; m <= 12; m++)
      for (const owner of Object.keys(MONTHLY))
        rows.push([d(y, m, 1), owner, monthlyTarget(owner, m)]);
  const settings = await Excel.run(async (context) => {
    const table = context.workbook.tables.getItem("Targets");
    table.rows.add(undefined, rows);
    const sheet = table.worksheet.load("name");
    await context.sync();
    return sheet.name;
  });
  return { s, settings };
}

/** The quota tile's cells: the attainment, the target note and the pace beside it. */
function quotaTile(s: StandIn) {
  const { registry, plan } = builtPlan(s);
  const t = plan.tiles.find((x) => x.key === "quotaAttainment")!;
  const sheet = registry.sheetName;
  const targetAddress = `${t.valueAddress.replace(/\d+$/, "")}${Number(/\d+$/.exec(t.valueAddress)![0]) + 1}`;
  return {
    sheet,
    value: s.getValue(sheet, t.valueAddress),
    targetText: s.getText(sheet, targetAddress),
    pace: s.getValue(sheet, t.paceAddress!),
    paceText: s.getText(sheet, t.paceAddress!),
  };
}

describe("the pace beside the quota target (Salesforce report, HubSpot stages, targets typed)", () => {
  let s: StandIn;
  let settings: string;
  beforeAll(async () => {
    ({ s, settings } = await workbook("en"));
    clock(2026, 12, 5);
    await buildDashboard({ language: "en" });
  });
  afterEach(() => {
    s.setValues(settings, "B2", [[1]]);
    jest.restoreAllMocks();
  });

  const custom = (from: number, to: number): DashboardFilters => ({
    ...DEFAULT_FILTERS,
    period: "custom",
    customFrom: from,
    customTo: to,
  });

  const underWay: {
    name: string;
    today: [number, number, number];
    filters: DashboardFilters;
    fiscal?: number;
    from: number;
    to: number;
  }[] = [
    {
      name: "this month on its last day (30 Nov 2026) (day 30 of 30)",
      today: [2026, 11, 30],
      filters: { ...DEFAULT_FILTERS, period: "thisMonth" },
      from: d(2026, 11, 1),
      to: d(2026, 11, 30),
    },
    {
      name: "this quarter at January's end (31 Jan 2026) (day 31 of 90)",
      today: [2026, 1, 31],
      filters: { ...DEFAULT_FILTERS, period: "thisQuarter" },
      from: d(2026, 1, 1),
      to: d(2026, 3, 31),
    },
    {
      name: "this year on the leap day 2028 (day 60 of 366)",
      today: [2028, 2, 29],
      filters: DEFAULT_FILTERS,
      from: d(2028, 1, 1),
      to: d(2028, 12, 31),
    },
    {
      name: "this year on the leap day 2028, John Smith only (behind where the team is ahead)",
      today: [2028, 2, 29],
      filters: { ...DEFAULT_FILTERS, owner: "John Smith" },
      from: d(2028, 1, 1),
      to: d(2028, 12, 31),
    },
    {
      name: "this fiscal year starting April, as of 5 Dec 2026 (day 249 of 365)",
      today: [2026, 12, 5],
      filters: { ...DEFAULT_FILTERS, period: "thisFiscalYear" },
      fiscal: 4,
      from: d(2026, 4, 1),
      to: d(2027, 3, 31),
    },
    {
      name: "last 12 months as of 5 Dec 2026 (day 339 of 365)",
      today: [2026, 12, 5],
      filters: { ...DEFAULT_FILTERS, period: "last12Months" },
      from: d(2026, 1, 1),
      to: d(2026, 12, 31),
    },
    {
      name: "a custom 15 Nov 2026 – 14 Jan 2027 as of 5 Dec 2026 (day 21 of 61)",
      today: [2026, 12, 5],
      filters: custom(d(2026, 11, 15), d(2027, 1, 14)),
      from: d(2026, 11, 15),
      to: d(2027, 1, 14),
    },
    {
      name: "a custom range ending today (6 Nov – 5 Dec 2026): all of it due",
      today: [2026, 12, 5],
      filters: custom(d(2026, 11, 6), d(2026, 12, 5)),
      from: d(2026, 11, 6),
      to: d(2026, 12, 5),
    },
  ];

  for (const c of underWay) {
    it(`shows the pace for ${c.name}`, async () => {
      s.setValues(settings, "B2", [[c.fiscal ?? 1]]);
      clock(...c.today);
      await setDashboardFilters(c.filters);
      const asOf = d(...c.today);
      const share = due(c.from, c.to, asOf, c.filters.owner);
      // The plan ramps up, so what is due differs from the share of days (except at the end).
      if (asOf < c.to)
        expect(Math.abs(share - days(c.from, asOf) / days(c.from, c.to))).toBeGreaterThan(0.005);
      const attainment = won(c.from, c.to, c.filters.owner) / target(c.from, c.to, c.filters.owner);
      // No case sits near the line, so the arrow cannot hang on rounding.
      expect(Math.abs(attainment - share)).toBeGreaterThan(0.01);
      const ahead = attainment >= share;
      const tile = quotaTile(s);
      expect(tile.value as number).toBeCloseTo(attainment, 9);
      expect(tile.pace as number).toBeCloseTo(ahead ? share : -share, 12);
      expect(tile.paceText).toBe(`due by today ${Math.round(share * 100)}% ${ahead ? "▲" : "▼"}`);
      expect(tile.targetText).toBe(
        `target $${Math.round(target(c.from, c.to, c.filters.owner)).toLocaleString("en-US")}`
      );
      expect(errorsOnDashboard(s, tile.sheet)).toEqual([]);
    });
  }

  it("shows both arrows across the cases (ahead and behind are both exercised)", () => {
    const arrows = underWay.map((c) => {
      const asOf = d(...c.today);
      const share = due(c.from, c.to, asOf, c.filters.owner);
      return won(c.from, c.to, c.filters.owner) / target(c.from, c.to, c.filters.owner) >= share;
    });
    expect(arrows).toContain(true);
    expect(arrows).toContain(false);
  });

  const noPace: { name: string; today: [number, number, number]; filters: DashboardFilters }[] = [
    {
      name: "last quarter (over)",
      today: [2026, 12, 5],
      filters: { ...DEFAULT_FILTERS, period: "lastQuarter" },
    },
    {
      name: "last year (2026, over, with targets) as of 1 Jun 2027",
      today: [2027, 6, 1],
      filters: { ...DEFAULT_FILTERS, period: "lastYear" },
    },
    {
      name: "a custom range that ended yesterday",
      today: [2026, 12, 5],
      filters: custom(d(2026, 11, 5), d(2026, 12, 4)),
    },
    {
      name: "a custom range not begun (Jan – Mar 2027)",
      today: [2026, 12, 5],
      filters: custom(d(2027, 1, 1), d(2027, 3, 31)),
    },
    { name: "all time", today: [2026, 12, 5], filters: { ...DEFAULT_FILTERS, period: "allTime" } },
    {
      name: "an owner without targets",
      today: [2026, 12, 5],
      filters: { ...DEFAULT_FILTERS, owner: "Omar Khan" },
    },
    { name: "a year without targets (2030)", today: [2030, 6, 1], filters: DEFAULT_FILTERS },
  ];

  for (const c of noPace) {
    it(`shows no pace for ${c.name}, the tile as before`, async () => {
      clock(...c.today);
      await setDashboardFilters(c.filters);
      const tile = quotaTile(s);
      expect([tile.pace, tile.paceText]).toEqual(["", ""]);
      // The note under the tile is the target as before (or "no targets set" above it).
      expect(tile.targetText).toMatch(/^target \$[\d,]+$/);
      if (tile.targetText === "target $0") expect(tile.value).toBe("no targets set");
      expect(errorsOnDashboard(s, tile.sheet)).toEqual([]);
    });
  }

  it("stays right the next day without a rebuild (a live formula)", async () => {
    clock(2026, 12, 5);
    const [from, to] = [d(2026, 11, 15), d(2027, 1, 14)];
    await setDashboardFilters(custom(from, to));
    expect(quotaTile(s).pace as number).toBeCloseTo(due(from, to, d(2026, 12, 5)), 12);
    clock(2026, 12, 6);
    const { registry } = builtPlan(s);
    s.setValues(registry.sheetName, registry.filterCells.staleDays, [[DEFAULT_FILTERS.staleDays]]);
    const next = due(from, to, d(2026, 12, 6));
    expect(quotaTile(s).pace as number).toBeCloseTo(next, 12);
    expect(quotaTile(s).paceText).toBe(`due by today ${Math.round(next * 100)}% ▲`);
  });
});

describe("the pace in a shared copy", () => {
  it("is the value and format shown, without the formula", async () => {
    const { s } = await workbook("en");
    clock(2026, 12, 5);
    await buildDashboard({ language: "en" });
    await setDashboardFilters({
      ...DEFAULT_FILTERS,
      period: "custom",
      customFrom: d(2026, 11, 15),
      customTo: d(2027, 1, 14),
    });
    const share = due(d(2026, 11, 15), d(2027, 1, 14), d(2026, 12, 5));
    const shown = quotaTile(s).paceText;
    expect(shown).toBe(`due by today ${Math.round(share * 100)}% ▲`);
    const { sheetName } = await shareDashboardCopy(new Date(2026, 11, 5, 9, 0));
    const at = builtPlan(s).plan.tiles.find((x) => x.key === "quotaAttainment")!.paceAddress!;
    expect(s.getText(sheetName, at)).toBe(shown);
    expect(String(s.getFormula(sheetName, at))).not.toMatch(/^=/);
    expect(s.getValue(sheetName, at) as number).toBeCloseTo(share, 12);
    jest.restoreAllMocks();
  });
});

describe("the pace on an Arabic dashboard", () => {
  it("says it in Arabic, the percentage isolated", async () => {
    const { s } = await workbook("ar");
    clock(2028, 2, 29);
    await buildDashboard({ language: "ar" });
    await setDashboardFilters(DEFAULT_FILTERS);
    const tile = quotaTile(s);
    const share = due(d(2028, 1, 1), d(2028, 12, 31), d(2028, 2, 29));
    const year = target(d(2028, 1, 1), d(2028, 12, 31));
    expect(won(d(2028, 1, 1), d(2028, 12, 31)) / year).toBeGreaterThan(share);
    expect(tile.pace as number).toBeCloseTo(share, 12);
    expect(tile.paceText).toBe(`المستحق الآن \u2068${Math.round(share * 100)}%\u2069 ▲`);
    expect(tile.targetText).toBe(`المستهدف $${Math.round(year).toLocaleString("en-US")}`);
    expect(errorsOnDashboard(s, tile.sheet)).toEqual([]);
    jest.restoreAllMocks();
  });
});

describe("rebuilding a dashboard built before the pace (its target note merged over D9:E9)", () => {
  /** Merges the quota tile's note row as builds before the pace did; optionally ages the registry. */
  async function mergeNote(olderVersion: boolean): Promise<string> {
    return Excel.run(async (context) => {
      const setting = context.workbook.settings.getItem(REGISTRY_SETTING).load("value");
      await context.sync();
      const registry = JSON.parse(String(setting.value)) as { sheetName: string };
      context.workbook.worksheets.getItem(registry.sheetName).getRange("D9:E9").merge(false);
      // An earlier version's registry: its fingerprint is not the current plan's.
      if (olderVersion)
        context.workbook.settings.add(
          REGISTRY_SETTING,
          JSON.stringify({ ...registry, fingerprint: "0badf00d" })
        );
      await context.sync();
      return registry.sheetName;
    });
  }

  const merges = (s: StandIn, sheet: string): readonly string[] =>
    s.snapshot().sheets.find((x) => x.name === sheet)!.merges;

  it("unmerges the old note as its own and writes the target and the pace, keeping nothing", async () => {
    const { s } = await workbook("en");
    clock(2026, 12, 5);
    await buildDashboard({ language: "en" });
    const sheet = await mergeNote(true);
    expect(merges(s, sheet)).toContain("D9:E9");
    const report = await buildDashboard({ language: "en" });
    expect(report.kept ?? []).toEqual([]);
    expect(merges(s, sheet)).not.toContain("D9:E9");
    // This year as of 5 Dec 2026: the plan's target to 5 Dec over the year's; 5,300 won is behind.
    const [from, to] = [d(2026, 1, 1), d(2026, 12, 31)];
    const share = due(from, to, d(2026, 12, 5));
    expect(won(from, to) / target(from, to)).toBeLessThan(share);
    expect(quotaTile(s).pace as number).toBeCloseTo(-share, 12);
    expect(quotaTile(s).targetText).toBe(
      `target $${Math.round(target(from, to)).toLocaleString("en-US")}`
    );
    jest.restoreAllMocks();
  });

  it("keeps the same merge as the user's when this version built the dashboard", async () => {
    const { s } = await workbook("en");
    clock(2026, 12, 5);
    await buildDashboard({ language: "en" });
    const sheet = await mergeNote(false);
    const report = await buildDashboard({ language: "en" });
    expect(report.kept).toEqual(expect.arrayContaining(["D9", "E9"]));
    expect(merges(s, sheet)).toContain("D9:E9");
    jest.restoreAllMocks();
  });
});
