/**
 * Share copy: the dashboard's current values (no formulas) on a new sheet stamped with the
 * date and time, with the same formats and with charts pointing at the copied values, so a
 * teammate without the add-in (or on an Excel without custom functions) sees the same numbers.
 * Three round trips: the registry, the values of the owned areas, the writes.
 */
import { REGISTRY_SETTING, planDashboard } from "./plan";
import { addChart, writeBlock } from "./apply";
import { DashboardRegistry, parseRegistry } from "./registry";
import { CAPTIONS } from "./captions";
import { DashboardError } from "./requirements";

/** What the share copy made. */
export interface ShareReport {
  readonly sheetName: string;
  /** Local date-time of the values, "yyyy-mm-dd hh:mm". */
  readonly asOf: string;
  readonly charts: number;
}

/** Excel's limit on sheet-name length. */
const MAX_SHEET_NAME = 31;

/**
 * "yyyy-mm-dd hh:mm" of a local time.
 *
 * @param d the time
 * @returns the stamp
 * @example
 * stamp(new Date(2026, 2, 5, 9, 7)); // "2026-03-05 09:07"
 */
export function stamp(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * A free sheet name for the copy: the dashboard's name and the stamp (":" is not allowed in
 * sheet names), shortened to 31 characters, with " (2)", " (3)"… when taken.
 *
 * @param base the dashboard sheet's name
 * @param when the stamp
 * @param taken existing sheet names
 * @returns the name
 * @example
 * copySheetName("Dashboard", "2026-03-05 09:07", new Set()); // "Dashboard 2026-03-05 09.07"
 */
export function copySheetName(base: string, when: string, taken: ReadonlySet<string>): string {
  const suffix = ` ${when.replace(":", ".")}`;
  const stem = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(stem.toLowerCase())) return stem;
  for (let k = 2; ; k++) {
    const tail = ` (${k})`;
    const name = stem.slice(0, MAX_SHEET_NAME - tail.length) + tail;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/**
 * A value safe to write as a constant, read back exactly as shown: every text gets a leading
 * apostrophe (so it stays text and never becomes a formula, a number or a boolean).
 *
 * @param v a cell value read from the dashboard
 * @returns the value to write
 */
export function asConstant(v: unknown): unknown {
  // Every text keeps its apostrophe: written back plain, Excel would re-read "00123" as 123,
  // "TRUE" as a boolean, "1e5" as 100000, a date-like text as a date and "'x" as x.
  if (typeof v === "string" && v !== "") return `'${v}`;
  return v;
}

/**
 * Writes a values-only, date-stamped copy of the dashboard to a new sheet.
 *
 * @param now the copy's time (injected for tests)
 * @returns the new sheet's name and stamp
 * @throws DashboardError "noDashboard" when nothing has been built yet
 * @example
 * const { sheetName } = await shareDashboardCopy();
 */
export async function shareDashboardCopy(now: Date = new Date()): Promise<ShareReport> {
  return Excel.run(async (context) => {
    const wb = context.workbook;
    const setting = wb.settings.getItemOrNullObject(REGISTRY_SETTING).load("value");
    const sheets = wb.worksheets.load("items/name");
    await context.sync();
    const registry: DashboardRegistry | null = setting.isNullObject
      ? null
      : parseRegistry(setting.value);
    const taken = new Set(sheets.items.map((s) => s.name));
    if (!registry || !taken.has(registry.sheetName))
      throw new DashboardError([{ code: "noDashboard", params: {} }]);

    const source = wb.worksheets.getItem(registry.sheetName);
    const areas = registry.areas.map((a) => ({
      address: a,
      range: source.getRange(a).load("values,numberFormat"),
    }));
    await context.sync();

    const plan = planDashboard(registry.input);
    const when = stamp(now);
    const name = copySheetName(registry.sheetName, when, taken);
    const lang = registry.input.language;
    const copy = wb.worksheets.add(name);
    copy.showGridlines = false;
    for (const w of plan.columnWidths)
      copy.getRange(`${w.column}:${w.column}`).format.columnWidth = w.width;
    for (const h of plan.rowHeights) copy.getRange(`${h.row}:${h.row}`).format.rowHeight = h.height;
    for (const block of plan.blocks) writeBlock(copy, block, null);
    for (const a of areas) {
      // The dashboard's number formats as they are now (the user may have changed some).
      const target = copy.getRange(a.address);
      target.numberFormat = a.range.numberFormat;
      target.values = a.range.values.map((row) => row.map(asConstant));
    }
    const [title, subtitle] = plan.blocks;
    copy.getRange(title.address).getCell(0, 0).values = [[`${CAPTIONS.shareTitle[lang]} ${when})`]];
    copy.getRange(subtitle.address).getCell(0, 0).values = [[CAPTIONS.shareNote[lang]]];
    for (const chart of plan.charts) addChart(copy, chart);
    copy.activate();
    await context.sync();
    return { sheetName: name, asOf: when, charts: plan.charts.length };
  });
}
