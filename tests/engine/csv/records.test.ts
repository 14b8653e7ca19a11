import { buildRecords, Records } from "../../../src/engine/csv/records";
import { parseCsv, ParsedCsv } from "../../../src/engine/csv/parse";
import { detectSource } from "../../../src/engine/csv/detect";
import { autoMap, Mapping } from "../../../src/engine/csv/mapping";
import { WON_LOST_STATUS } from "../../../src/engine/csv/presets";
import { describeProblem, DayMonthOrder, ImportTarget } from "../../../src/engine/csv/types";
import { toSerial } from "../../../src/engine/dates";
import { fixture } from "./fixtures";

function csvOf(text: string): ParsedCsv {
  const r = parseCsv(text);
  if (!r.ok) throw new Error("malformed");
  return r.csv;
}

function build(
  text: string,
  target: ImportTarget,
  dateOrder?: DayMonthOrder,
  mapping?: Mapping
): Records & { csv: ParsedCsv } {
  const csv = csvOf(text);
  const { preset } = detectSource(csv.headers);
  const m = mapping ?? autoMap(csv.headers, target, preset);
  return { ...buildRecords(csv, target, m, { preset, dateOrder }), csv };
}

/** The converted row as { column: value }. */
function row(r: Records, i: number): Record<string, unknown> {
  return Object.fromEntries(r.columns.map((c, k) => [c, r.values[i][k]]));
}

const day = (y: number, m: number, d: number, h = 0, mi = 0): number => toSerial(y, m, d, h, mi);

describe("buildRecords on a HubSpot deals export", () => {
  const r = build(fixture("hubspot-deals.csv"), "Deals");

  it("turns internal stage ids into labels and amounts into numbers", () => {
    expect(r.values.map((_, i) => row(r, i).Stage)).toEqual([
      "Closed Won",
      "Contract Sent",
      "Appointment Scheduled",
      "Qualified To Buy",
      "Closed Lost",
      "12345678", // a custom pipeline's stage id stays as it is
    ]);
    expect(r.values.map((_, i) => row(r, i).Amount)).toEqual([
      12500, 8000, 45000.5, 950, 3200, 1250.75,
    ]);
  });

  it("reads ISO and M/D/YYYY h:mm AM/PM dates in one file, dates without their time", () => {
    expect(row(r, 0).Created).toBe(day(2024, 1, 4));
    expect(row(r, 1).Created).toBe(day(2024, 2, 1));
    expect(row(r, 1)["Expected Close"]).toBe(day(2024, 4, 30));
    expect(r.needsDateOrder).toBe(false);
    expect(r.dates.find((d) => d.column === "Created")).toMatchObject({
      order: "mdy",
      from: "file",
    });
  });

  it("sets Closed Date from the close date of closed deals only", () => {
    expect(row(r, 0)["Closed Date"]).toBe(day(2024, 3, 15));
    expect(row(r, 4)["Closed Date"]).toBe(day(2024, 2, 28));
    expect(row(r, 1)["Closed Date"]).toBeUndefined();
  });

  it("keeps quoted line breaks, Arabic text and injected formulas as text (planWrites neutralises)", () => {
    expect(row(r, 1)["Deal Name"]).toBe("Globex expansion\n(phase 2)");
    expect(row(r, 2).Owner).toBe("فاطمة الزهراء");
    expect(row(r, 3)["Deal Name"]).toBe(`=HYPERLINK("http://evil.example/x","Click me")`);
  });

  it("keeps numeric record IDs as text and finds no problems", () => {
    expect(r.ids[0]).toBe("9001234501");
    expect(row(r, 0)["Deal ID"]).toBe("9001234501");
    expect(r.problems).toEqual([]);
    expect(r.idMapped).toBe(true);
  });
});

describe("buildRecords on HubSpot contacts", () => {
  it("asks for the day/month order when only ambiguous numeric dates decide it", () => {
    const r = build(fixture("hubspot-contacts.csv"), "Leads");
    expect(r.needsDateOrder).toBe(true);
    expect(r.problems.map(describeProblem)).toEqual([
      'line 5: Created "3/4/2024 8:00 AM" could be day/month or month/day',
    ]);
    expect(r.rejected[3]).toBe(1);
  });

  it("uses the order the user picks", () => {
    const mdy = build(fixture("hubspot-contacts.csv"), "Leads", "mdy");
    const dmy = build(fixture("hubspot-contacts.csv"), "Leads", "dmy");
    expect(mdy.needsDateOrder).toBe(false);
    expect(row(mdy, 3).Created).toBe(day(2024, 3, 4, 8));
    expect(row(dmy, 3).Created).toBe(day(2024, 4, 3, 8));
    expect(mdy.dates[0]).toMatchObject({ order: "mdy", from: "choice", needsChoice: false });
  });

  it("joins first and last names and maps HubSpot's codes", () => {
    const r = build(fixture("hubspot-contacts.csv"), "Leads", "mdy");
    expect(row(r, 0)).toMatchObject({
      Name: "محمد العتيبي",
      Status: "Open - Not Contacted",
      Source: "Organic Search",
      Converted: false,
      Phone: "+966 50 123 4567",
    });
    expect(row(r, 2)).toMatchObject({
      Company: "@SUM(A1:A2)",
      Converted: true,
      Phone: "0501234567",
    });
    expect(row(r, 3).Phone).toBe("-555 0199");
    expect(row(r, 4)).toMatchObject({ Name: "Nguyen", Source: "Web", Owner: null });
  });
});

describe("buildRecords on Salesforce and Pipedrive exports", () => {
  it("reads Salesforce's Probability (%) as points", () => {
    const r = build(fixture("salesforce-opportunities.csv"), "Deals");
    expect(r.values.map((_, i) => row(r, i).Probability)).toEqual([1, 0.9, 0.1, 0]);
    expect(r.percentPoints).toEqual(["Probability"]);
    expect(row(r, 0).Amount).toBe(24000);
  });

  it("proves day/month from a European lead report", () => {
    const r = build(fixture("salesforce-leads.csv"), "Leads");
    expect(r.needsDateOrder).toBe(false);
    expect(row(r, 1).Created).toBe(day(2024, 3, 4));
    expect(row(r, 1)["Converted Date"]).toBe(day(2024, 3, 20));
    expect(row(r, 1).Converted).toBe(true);
    expect(row(r, 2).Phone).toBe("=1+2");
  });

  it("sets Stage from Pipedrive's won/lost status and Closed Date from won or lost time", () => {
    const r = build(fixture("pipedrive-deals.csv"), "Deals");
    expect(r.values.map((_, i) => row(r, i).Stage)).toEqual([
      "Won",
      "Lost",
      "Demo Scheduled",
      "Contact Made",
    ]);
    expect(row(r, 0)["Closed Date"]).toBe(day(2024, 3, 18)); // a date column drops the time
    expect(row(r, 1)["Closed Date"]).toBe(day(2024, 4, 2));
    expect(row(r, 2)["Closed Date"]).toBeNull();
    expect(row(r, 1)["Loss Reason"]).toBe("-2+3+cmd|' /C calc'!A0");
  });

  it("leaves Stage of open deals alone when only the status is mapped", () => {
    const text = "Deal - ID,Deal - Status\n1,won\n2,open\n";
    const r = build(text, "Deals", undefined, ["Deal ID", WON_LOST_STATUS]);
    expect(r.columns).toEqual(["Deal ID", "Stage"]);
    expect(row(r, 0).Stage).toBe("Won");
    expect(row(r, 1).Stage).toBeUndefined();
  });
});

describe("buildRecords problems", () => {
  const text = [
    "Deal ID,Amount,Quantity,Created,Forecast Category",
    "D1,12abc,2,2024-01-01,Commit",
    "D2,5,2.5,yesterday,Pipeline",
    ",5,1,2024-01-01,Pipeline",
    "D4,,,,",
  ].join("\n");
  const r = build(text, "Deals");

  it("skips every row with a cell it cannot read, naming line, column and value", () => {
    expect(r.problems.map(describeProblem)).toEqual([
      'line 2: Amount "12abc" is not a number',
      'line 3: Created "yesterday" is not a date',
      'line 3: Quantity "2.5" is not a whole number',
      "line 4: no Deal ID",
    ]);
    expect([...r.rejected]).toEqual([1, 1, 1, 0]);
  });

  it("keeps blanks as null (to clear the cell)", () => {
    expect(row(r, 3)).toEqual({
      "Deal ID": "D4",
      Amount: null,
      Quantity: null,
      Created: null,
      "Forecast Category": null,
    });
  });

  it("reports a flag it cannot read", () => {
    const f = build("Lead ID,Converted\nL1,perhaps\n", "Leads");
    expect(f.problems.map(describeProblem)).toEqual(['line 2: Converted "perhaps" is not yes/no']);
  });

  it("adds every row when the file has no ID column", () => {
    const f = build("Deal Name,Amount\nA,1\n", "Deals");
    expect(f.idMapped).toBe(false);
    expect(f.ids).toEqual([null]);
    expect(f.problems).toEqual([]);
  });

  it("reads a column with a decimal comma", () => {
    const f = build("Deal ID;Amount\nA;1.234,50\nB;99\nC;1.000\n", "Deals");
    expect(f.values.map((v) => v[1])).toEqual([1234.5, 99, 1000]);
    expect(f.decimalComma).toEqual(["Amount"]);
  });

  it("takes a column's order from another date column of the file", () => {
    const f = build("Deal ID,Created,Expected Close\nA,03/04/2024,25/04/2024\n", "Deals");
    expect(f.dates.map((d) => [d.column, d.order, d.from])).toEqual([
      ["Created", "dmy", "file"],
      ["Expected Close", "dmy", "column"],
    ]);
    expect(row(f, 0).Created).toBe(day(2024, 4, 3));
  });

  it("refuses to guess for a column that contradicts itself, then flags the rows that do not fit the choice", () => {
    const f = build("Deal ID,Created\nA,25/04/2024\nB,4/26/2024\n", "Deals");
    expect(f.needsDateOrder).toBe(true);
    const chosen = build("Deal ID,Created\nA,25/04/2024\nB,4/26/2024\n", "Deals", "dmy");
    expect(chosen.problems.map(describeProblem)).toEqual([
      'line 3: Created "4/26/2024" is not a date',
    ]);
  });

  it("handles a file with a header only", () => {
    const f = build("Deal ID,Amount\n", "Deals");
    expect(f.values).toEqual([]);
    expect(f.problems).toEqual([]);
  });
});
