/**
 * XLSX exports in each CRM's layout, written in the test, read and prepared like CSV: numbers stay
 * numbers (no locale question), dates arrive as serials, and every figure is checked against a
 * computation from the rows written here.
 */
import { readXlsx } from "../../../src/engine/xlsx/read";
import { prepareCsv, Prepared } from "../../../src/engine/csv/prepare";
import { toSerial } from "../../../src/engine/dates";
import { writeXlsx, XlsxCell } from "../../support/xlsxWriter";

const day = (y: number, m: number, d: number, h = 0, mi = 0): { date: number } => ({
  date: toSerial(y, m, d, h, mi, 0),
});

function prepare(rows: XlsxCell[][], sheet = "Export"): Prepared {
  const r = readXlsx(writeXlsx([{ name: sheet, rows }]));
  if (!r.ok) throw new Error(JSON.stringify(r.issue));
  const p = prepareCsv(r.book.grid);
  if (!p.ok) throw new Error(JSON.stringify(p.failure));
  return p.value;
}
const column = (p: Prepared, name: string): unknown[] =>
  p.records.values.map((r) => r[p.records.columns.indexOf(name)]);

describe("readXlsx in each CRM's layout", () => {
  it("HubSpot deals: amounts with decimals, date-times, internal stage ids", () => {
    const deals: XlsxCell[][] = [
      ["9001", "Alpha", "closedwon", day(2024, 3, 1, 14, 30), "Sara", 12500.5, "Sales Pipeline"],
      ["9002", "Beta", "qualifiedtobuy", day(2024, 6, 30), "Omar", 5.125, "Sales Pipeline"],
      ["9003", '=HYPERLINK("x")', "closedlost", day(2024, 2, 2), "Sara", 1000, "Sales Pipeline"],
    ];
    const p = prepare([
      ["Record ID", "Deal Name", "Deal Stage", "Close Date", "Deal owner", "Amount", "Pipeline"],
      ...deals,
    ]);
    expect(p.preset?.id).toBe("hubspotDeals");
    expect(p.records.needsNumberChoice).toBe(false);
    expect(column(p, "Amount")).toEqual(deals.map((d) => d[5]));
    expect(column(p, "Stage")).toEqual(["Closed Won", "Qualified To Buy", "Closed Lost"]);
    const close = deals.map((d) => Math.floor((d[3] as { date: number }).date));
    expect(column(p, "Expected Close")).toEqual(close);
    expect(column(p, "Closed Date")).toEqual([close[0], undefined, close[2]]);
    expect(column(p, "Deal Name")[2]).toBe('=HYPERLINK("x")');
  });

  it("Salesforce opportunities: probability points, 5.000-like amounts read as numbers", () => {
    const rows: XlsxCell[][] = [
      [
        "Opportunity Owner",
        "Account Name",
        "Opportunity Name",
        "Stage",
        "Amount",
        "Probability (%)",
        "Close Date",
        "Forecast Category",
      ],
      ["Sara", "Acme", "Renewal", "Closed Won", 5.0, 100, day(2024, 1, 15), "Closed"],
      ["Omar", "Globex", "Upsell", "Negotiation/Review", 12.5, 90, day(2024, 9, 1), "Commit"],
      ["Sara", "Initech", "New", "Prospecting", 1250000, 10, day(2024, 12, 1), "Pipeline"],
    ];
    const p = prepare(rows);
    expect(p.preset?.id).toBe("salesforceOpportunities");
    expect(column(p, "Amount")).toEqual([5, 12.5, 1250000]);
    expect(column(p, "Probability")).toEqual([1, 0.9, 0.1]);
  });

  it("Pipedrive deals: won/lost status decides, won time is the closed date, 1904 workbook", () => {
    const header = [
      "Deal - ID",
      "Deal - Title",
      "Deal - Value",
      "Deal - Currency",
      "Deal - Owner",
      "Deal - Stage",
      "Deal - Status",
      "Deal - Expected close date",
      "Deal - Won time",
      "Deal - Lost time",
    ];
    const rows: XlsxCell[][] = [
      [
        101,
        "Website",
        1500,
        "EUR",
        "Sara",
        "Proposal Made",
        "won",
        day(2024, 3, 20),
        day(2024, 3, 18, 15, 30),
        null,
      ],
      [
        102,
        "ERP",
        25000,
        "EUR",
        "John",
        "Negotiations Started",
        "lost",
        day(2024, 4, 10),
        null,
        day(2024, 4, 2, 11),
      ],
      [103, "Support", 4800, "USD", "Sara", "Demo Scheduled", "open", day(2024, 5, 15), null, null],
    ];
    const r = readXlsx(writeXlsx([{ name: "Deals", rows: [header, ...rows] }], { date1904: true }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const prep = prepareCsv(r.book.grid);
    if (!prep.ok) throw new Error("not prepared");
    const p = prep.value;
    expect(p.preset?.id).toBe("pipedriveDeals");
    expect(column(p, "Deal ID")).toEqual(["101", "102", "103"]);
    expect(column(p, "Amount")).toEqual([1500, 25000, 4800]);
    expect(column(p, "Stage")).toEqual(["Won", "Lost", "Demo Scheduled"]);
    expect(column(p, "Closed Date")).toEqual([
      Math.floor(day(2024, 3, 18).date),
      Math.floor(day(2024, 4, 2).date),
      null, // blank in the file: an open deal has no closed date
    ]);
    expect(column(p, "Expected Close")).toEqual([
      day(2024, 3, 20).date,
      day(2024, 4, 10).date,
      day(2024, 5, 15).date,
    ]);
  });

  it("Salesforce leads: booleans and dates", () => {
    const p = prepare([
      [
        "Lead Owner",
        "First Name",
        "Last Name",
        "Company / Account",
        "Lead Source",
        "Rating",
        "Lead Status",
        "Create Date",
        "Converted",
      ],
      ["Sara", "Ali", "Hassan", "Acme", "Web", "Hot", "Closed - Converted", day(2024, 2, 1), true],
      [
        "Omar",
        "Jo",
        "Smith",
        "Globex",
        "Trade Show",
        "Cold",
        "Working - Contacted",
        day(2024, 2, 3),
        false,
      ],
    ]);
    expect(p.target).toBe("Leads");
    expect(column(p, "Name")).toEqual(["Ali Hassan", "Jo Smith"]);
    expect(column(p, "Converted")).toEqual([true, false]);
    expect(column(p, "Created")).toEqual([day(2024, 2, 1).date, day(2024, 2, 3).date]);
  });
});

describe("readXlsx", () => {
  const book = writeXlsx([
    { name: "Summary", rows: [["Report"], ["nothing to import"]] },
    {
      name: "Deals & more",
      rows: [
        ["Deal ID", "Amount"],
        ["D1", 7],
      ],
    },
  ]);
  it("lists the sheets and reads the first one by default", () => {
    const r = readXlsx(book);
    expect(r.ok && r.book.sheets).toEqual(["Summary", "Deals & more"]);
    expect(r.ok && r.book.sheet).toBe("Summary");
  });
  it("reads a chosen sheet by name or index, with its row numbers as lines", () => {
    const r = readXlsx(book, "Deals & more");
    expect(r.ok && r.book.grid.rows).toEqual([["D1", "7"]]);
    expect(r.ok && r.book.grid.lines).toEqual([2]);
    expect(readXlsx(book, 1).ok).toBe(true);
  });
  it("says what is wrong with a missing sheet or a file that is not XLSX", () => {
    expect(readXlsx(book, "Nope")).toMatchObject({ ok: false, issue: { code: "noSheet" } });
    const csv = new Uint8Array(Buffer.from("Deal ID,Amount\nD1,5\n"));
    expect(readXlsx(csv)).toMatchObject({ ok: false, issue: { code: "notXlsx" } });
  });
});
