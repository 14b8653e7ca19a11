/**
 * What changed follows the dashboard's Period filter where it is a quarter or a year (fiscal or
 * calendar), and the last snapshot's fiscal quarter otherwise; its title names the period (EN and
 * AR). Two weekly Salesforce exports go into a workbook set up with HubSpot's stages and a fiscal
 * year from April, on 5 December 2026 (the clock is fixed); every line is checked against a
 * computation from the History table's rows for the period each filter state selects.
 */
import { createStandIn, StandIn } from "../../preview/excel";
import { toSerial } from "../../src/engine/dates";
import { setUpWorkbook } from "../../src/workbook/setup";
import { importRecords } from "../../src/workbook/import";
import { buildDashboard, DashboardRegistry } from "../../src/workbook/dashboard/build";
import { setDashboardFilters } from "../../src/workbook/dashboard/filters";
import { planDashboard } from "../../src/workbook/dashboard/plan";
import {
  DEFAULT_FILTERS,
  DashboardFilters,
  REGISTRY_SETTING,
} from "../../src/workbook/dashboard/types";
import { PeriodChoice } from "../../src/engine/dashboard/periodWindows";
import { cellAddress, parseRect } from "../../src/model/a1";
import { WEEKS, salesforceCsv } from "../fixtures/history/weeklyPipeline";
import { TableRow, tableRows } from "../support/tables";
import { fakeDateOnly } from "../support/fakeDate";

jest.setTimeout(300_000);

const DATES = [toSerial(2026, 11, 27), toSerial(2026, 12, 4)];
type Row = TableRow;

/** The section's title and its data rows. */
function changesSection(s: StandIn, filters: DashboardFilters) {
  const registry = JSON.parse(String(s.snapshot().settings[REGISTRY_SETTING])) as DashboardRegistry;
  const sec = planDashboard({ ...registry.input, filters }).sections.find(
    (x) => x.key === "changes"
  )!;
  const rect = parseRect(sec.address.split("!").pop()!)!;
  const rows = s.getValues(
    "Dashboard",
    `${cellAddress(sec.firstRow, rect.col)}:${cellAddress(rect.row + rect.rows - 1, rect.col + 2)}`
  ) as unknown[][];
  return { title: s.getValue("Dashboard", cellAddress(sec.firstRow - 2, rect.col)), rows };
}

/** Each deal's latest History row on or before `date` (History keeps one row per change). */
function stateAt(history: readonly Row[], date: number): Map<string, Row> {
  const out = new Map<string, Row>();
  for (const r of [...history].sort((a, b) => Number(a.Snapshot) - Number(b.Snapshot)))
    if (Number(r.Snapshot) <= date) out.set(String(r["Deal ID"]), r);
  for (const [id, r] of out) if (r.Outcome === "Removed") out.delete(id);
  return out;
}

/** Start, the 8 bars and end (count, amount) for close dates in [from, to], from History rows. */
function expected(history: readonly Row[], from: number, to: number): number[][] {
  const before = stateAt(history, DATES[0]);
  const after = stateAt(history, DATES[1]);
  const open = (r?: Row) => r !== undefined && r.Outcome === "Open";
  const inPipe = (r?: Row) => {
    const close = Number(r?.["Close Date"]);
    return open(r) && close >= from && close <= to;
  };
  const amount = (r?: Row) => Number(r?.["Amount"]);
  const bars: Record<string, [number, number]> = {};
  const add = (k: string, a: number) => {
    bars[k] = [(bars[k]?.[0] ?? 0) + 1, (bars[k]?.[1] ?? 0) + a];
  };
  for (const [id, a] of before) {
    if (!inPipe(a)) continue;
    add("start", amount(a));
    const b = after.get(id);
    if (!inPipe(b))
      add(
        !b ? "removed" : b.Outcome === "Won" ? "won" : b.Outcome === "Lost" ? "lost" : "pushed",
        -amount(a)
      );
    else if (amount(b) !== amount(a))
      add(amount(b) > amount(a) ? "up" : "down", amount(b) - amount(a));
  }
  for (const [id, b] of after) {
    if (!inPipe(b)) continue;
    add("end", amount(b));
    const a = before.get(id);
    if (!inPipe(a)) add(open(a) ? "pulledIn" : "new", amount(b));
  }
  return ["start", "new", "pulledIn", "up", "won", "lost", "pushed", "down", "removed", "end"].map(
    (k) => bars[k] ?? [0, 0]
  );
}

describe("What changed follows the Period filter", () => {
  let s: StandIn;
  beforeAll(async () => {
    fakeDateOnly(new Date(2026, 11, 5, 10, 0));
    s = createStandIn({ excelApi: "1.17" });
    s.install(globalThis);
    await setUpWorkbook({ stagePreset: "hubspot", language: "en", sampleData: false } as never);
    s.setValues("Settings", "B2", [[4]]);
    await importRecords({ target: "Deals", text: salesforceCsv(WEEKS[1]), snapshotDate: DATES[0] });
    await importRecords({ target: "Deals", text: salesforceCsv(WEEKS[2]), snapshotDate: DATES[1] });
    await buildDashboard({ language: "en" });
  });
  afterAll(() => jest.useRealTimers());

  const d = toSerial;
  const STATES: readonly [PeriodChoice, string, number, number][] = [
    ["thisFiscalQuarter", "FY2027 Q3", d(2026, 10, 1), d(2026, 12, 31)],
    ["thisFiscalYear", "FY2027", d(2026, 4, 1), d(2027, 3, 31)],
    ["lastFiscalQuarter", "FY2027 Q2", d(2026, 7, 1), d(2026, 9, 30)],
    ["thisQuarter", "Q4 2026", d(2026, 10, 1), d(2026, 12, 31)],
    ["thisYear", "2026", d(2026, 1, 1), d(2026, 12, 31)],
    // Not a quarter or a year: the fiscal quarter of the last snapshot.
    ["thisMonth", "FY2027 Q3", d(2026, 10, 1), d(2026, 12, 31)],
    ["allTime", "FY2027 Q3", d(2026, 10, 1), d(2026, 12, 31)],
  ];

  it.each(STATES)(
    "%s: the %s pipeline, as the History rows say",
    async (period, name, from, to) => {
      const filters = { ...DEFAULT_FILTERS, period };
      await setDashboardFilters(filters);
      const { title, rows } = changesSection(s, filters);
      expect(title).toBe(`What changed since the previous import: ${name} pipeline`);
      const want = expected(tableRows(s, "History"), from, to);
      expect(rows.slice(0, 10).map((r) => r.slice(1))).toEqual(want);
    }
  );

  it("tells the fiscal quarter from the fiscal year (4 deals pushed out of Q3 stay in FY2027)", async () => {
    const history = tableRows(s, "History");
    const quarter = expected(history, d(2026, 10, 1), d(2026, 12, 31));
    const year = expected(history, d(2026, 4, 1), d(2027, 3, 31));
    expect([quarter[6][0], year[6][0]]).toEqual([4, 0]);
  });

  it("names the period in Arabic", async () => {
    await buildDashboard({ language: "ar" });
    const filters = { ...DEFAULT_FILTERS, period: "thisFiscalQuarter" as const };
    await setDashboardFilters(filters);
    expect(changesSection(s, filters).title).toBe(
      "ما الذي تغيّر منذ الاستيراد السابق: خط مبيعات الربع 3 من السنة المالية 2027"
    );
    const calendar = { ...DEFAULT_FILTERS, period: "thisQuarter" as const };
    await setDashboardFilters(calendar);
    expect(changesSection(s, calendar).title).toBe(
      "ما الذي تغيّر منذ الاستيراد السابق: خط مبيعات الربع 4 من 2026"
    );
  });
});

describe("section titles fit", () => {
  it("merges every title over the table band (B..F) and keeps a user's value there", async () => {
    const s = createStandIn({ excelApi: "1.17" });
    s.install(globalThis);
    await setUpWorkbook({ stagePreset: "salesforce", language: "en", sampleData: true } as never);
    await buildDashboard({ language: "en" });
    const registry = JSON.parse(
      String(s.snapshot().settings[REGISTRY_SETTING])
    ) as DashboardRegistry;
    const plan = planDashboard({ ...registry.input, filters: DEFAULT_FILTERS });
    const titles = plan.blocks.filter((b) => b.style === "sectionTitle");
    expect(titles.length).toBe(plan.sections.length);
    for (const b of titles)
      expect([b.address, b.merge, b.rect.cols >= 5]).toEqual([b.address, true, true]);
    // A user's note in the title row of What changed (right of its 3 columns) stays on a rebuild.
    const changes = plan.sections.find((x) => x.key === "changes")!;
    const note = cellAddress(
      changes.firstRow - 2,
      parseRect(changes.address.split("!").pop()!)!.col + 4
    );
    s.setValues("Dashboard", note, [["my note"]]);
    await buildDashboard({ language: "en" });
    expect(s.getValue("Dashboard", note)).toBe("my note");
  });
});
