/**
 * A European CRM's dates (day/month/year) typed or pasted into a US-locale workbook: Excel makes
 * a date of every value whose day is 12 or less (month and day swapped) and keeps the others as
 * text. SALES_CYCLE and STALE_DEALS computed in the stand-in with the shipped code read the text
 * day-first, as the column's text proves, and keep the converted dates as Excel made them. Every
 * expected figure is computed here from the rows.
 */
import { createStandIn, StandIn } from "../../preview/excel";

/** Days since 1899-12-30 of y-m-d, without the add-in. */
const serialOf = (y: number, m: number, d: number): number =>
  (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
const pad = (n: number): string => String(n).padStart(2, "0");
type Ymd = [number, number, number];
const dmyText = ([y, m, d]: Ymd): string => `${pad(d)}/${pad(m)}/${y}`;
/** What a US-locale Excel holds after the text is typed: a swapped date, or the text itself. */
const held = ([y, m, d]: Ymd): number | string =>
  d <= 12 ? serialOf(y, d, m) : dmyText([y, m, d]);

const DEALS: { created: Ymd; closed: Ymd; activity: Ymd; stage: string }[] = [
  { created: [2026, 1, 15], closed: [2026, 3, 31], activity: [2026, 3, 28], stage: "Closed Won" },
  { created: [2026, 1, 20], closed: [2026, 2, 14], activity: [2026, 2, 13], stage: "Closed Won" },
  { created: [2026, 2, 2], closed: [2026, 4, 1], activity: [2026, 3, 30], stage: "Closed Lost" },
  { created: [2026, 2, 17], closed: [2026, 5, 28], activity: [2026, 3, 3], stage: "Demo" },
  { created: [2026, 3, 13], closed: [2026, 4, 10], activity: [2026, 4, 9], stage: "Closed Won" },
  { created: [2026, 3, 3], closed: [2026, 6, 9], activity: [2026, 3, 30], stage: "Proposal" },
];

let standIn: StandIn;

beforeEach(() => {
  standIn = createStandIn();
  standIn.install(globalThis);
});

async function typeDeals(): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    const range = sheet.getRange(`A1:D${DEALS.length + 1}`);
    range.values = [
      ["Created", "Closed", "Last Activity", "Stage"],
      ...DEALS.map((r) => [dmyText(r.created), dmyText(r.closed), dmyText(r.activity), r.stage]),
    ];
    await context.sync();
  });
}

describe("day-first text dates in a US-locale workbook", () => {
  it("holds what Excel holds: swapped dates for days up to 12, text for the others", async () => {
    await typeDeals();
    DEALS.forEach((r, i) => {
      expect(standIn.getValue("Sheet1", `A${i + 2}`)).toBe(held(r.created));
      expect(standIn.getValue("Sheet1", `B${i + 2}`)).toBe(held(r.closed));
    });
  });

  it("SALES_CYCLE reads the text day-first and keeps the converted dates", async () => {
    await typeDeals();
    const n = DEALS.length + 1;
    standIn.setFormula("Sheet1", "F1", `=SALES.SALES_CYCLE(A2:A${n}, B2:B${n}, D2:D${n})`);
    const asRead = (v: number | string): number => {
      if (typeof v === "number") return v;
      const [d, m, y] = v.split("/").map(Number);
      return serialOf(y, m, d);
    };
    const won = DEALS.filter((r) => r.stage === "Closed Won");
    const days = won.map((r) => asRead(held(r.closed)) - asRead(held(r.created)));
    expect(standIn.getValue("Sheet1", "F1")).toBeCloseTo(
      days.reduce((a, b) => a + b, 0) / days.length,
      12
    );
  });

  it("STALE_DEALS with a whole column of text (cells formatted as Text) reads every date day-first", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange(`A1:B${DEALS.length}`);
      range.numberFormat = DEALS.map(() => ["@", "@"]);
      range.values = DEALS.map((r) => [dmyText(r.activity), r.stage]);
      await context.sync();
    });
    expect(standIn.getValue("Sheet1", "A1")).toBe(dmyText(DEALS[0].activity));
    const asOf = serialOf(2026, 4, 10);
    standIn.setFormula(
      "Sheet1",
      "D1",
      `=SALES.STALE_DEALS(A1:A${DEALS.length}, B1:B${DEALS.length}, 14, ${asOf})`
    );
    const open = DEALS.filter((r) => !r.stage.startsWith("Closed"));
    const stale = open.filter((r) => asOf - serialOf(...r.activity) > 14).length;
    expect(stale).toBeGreaterThan(0);
    expect(standIn.getValue("Sheet1", "D1")).toBe(stale);
  });
});
