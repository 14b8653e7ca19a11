/**
 * The dashboard's "prev." comparisons on data that is not ours: a workbook set up with HubSpot's
 * stages, a Salesforce opportunity report (US dates, "USD 1,000.00") and a Salesforce lead report
 * (semicolons, day-first dates, 1/0 flags) imported, the sheet's clock set to 4 Dec 2026
 * (HyperFormula's TODAY reads Date.now). Every expected figure is counted by hand from the rows
 * below, not computed by the code under test.
 */
import { createStandIn, StandIn } from "../../preview/excel";
import { importRecords } from "../../src/workbook/import";
import { buildDashboard } from "../../src/workbook/dashboard/build";
import { setDashboardFilters } from "../../src/workbook/dashboard/filters";
import { DEFAULT_FILTERS, TileKey } from "../../src/workbook/dashboard/plan";
import { setUpWorkbook } from "../../src/workbook/setup";
import { toSerial } from "../../src/engine/dates";
import { builtPlan } from "../support/multiCrmWorkbook";
import { tableRows } from "../support/tables";

jest.setTimeout(120_000);

const OPPORTUNITIES = [
  `"Opportunity ID","Opportunity Owner","Account Name","Opportunity Name","Stage","Fiscal Period","Amount","Probability (%)","Expected Revenue","Close Date","Created Date","Age","Next Step","Lead Source","Type","Forecast Category"`,
  // Last year: won 1 Mar and on 4 Dec (the last day of the comparable span), won 20 Dec (after it).
  `"006A1","Sara Ali","Acme","Acme 1","Closed Won","Q1-2025","USD 100.00","100","USD 100.00","3/1/2025","1/15/2025","45","","Web","New Customer","Closed"`,
  `"006A2","Sara Ali","Globex","Globex 1","Closed Won","Q4-2025","USD 400.00","100","USD 400.00","12/4/2025","10/1/2025","64","","Web","New Customer","Closed"`,
  `"006A3","John Smith","Initech","Initech 1","Closed Won","Q4-2025","USD 1,000.00","100","USD 1,000.00","12/20/2025","11/1/2025","49","","Web","New Customer","Closed"`,
  // Last year: lost 1 Jun (inside the span) and 15 Dec (after it).
  `"006A4","John Smith","Umbrella","Umbrella 1","Closed Lost","Q2-2025","USD 250.00","0","USD 0.00","6/1/2025","4/1/2025","61","","Web","New Customer","Omitted"`,
  `"006A5","John Smith","Hooli","Hooli 1","Closed Lost","Q4-2025","USD 250.00","0","USD 0.00","12/15/2025","11/1/2025","44","","Web","New Customer","Omitted"`,
  // This year so far: won 1 Feb and 30 Nov.
  `"006A6","Sara Ali","Acme","Acme 2","Closed Won","Q1-2026","USD 300.00","100","USD 300.00","2/1/2026","1/5/2026","27","","Web","New Customer","Closed"`,
  `"006A7","Sara Ali","Globex","Globex 2","Closed Won","Q4-2026","USD 700.00","100","USD 700.00","11/30/2026","9/1/2026","90","","Web","New Customer","Closed"`,
].join("\r\n");

const LEAD_REPORT = [
  `"Lead ID";"Lead Owner";"First Name";"Last Name";"Title";"Company / Account";"Lead Source";"Rating";"Lead Status";"Email";"Phone";"Create Date";"Converted";"Converted Date"`,
  // Last year, inside 1 Jan – 4 Dec: converted 5 Jun; converted with no date (when is unknown:
  // it counts); not converted; created 30 Nov and converted 10 Dec, after the comparable day.
  `"00Q1";"Sara Ali";"A";"One";"";"Co1";"Web";"Hot";"Closed - Converted";"a@example.com";"";"01/06/2025";"1";"05/06/2025"`,
  `"00Q2";"Sara Ali";"B";"Two";"";"Co2";"Web";"Hot";"Closed - Converted";"b@example.com";"";"01/07/2025";"1";""`,
  `"00Q3";"John Smith";"C";"Three";"";"Co3";"Web";"Cold";"Closed - Not Converted";"c@example.com";"";"01/08/2025";"0";""`,
  `"00Q4";"John Smith";"D";"Four";"";"Co4";"Web";"Warm";"Closed - Converted";"d@example.com";"";"30/11/2025";"1";"10/12/2025"`,
  // Last year after the span: not counted at all.
  `"00Q5";"John Smith";"E";"Five";"";"Co5";"Web";"Warm";"Closed - Converted";"e@example.com";"";"20/12/2025";"1";"22/12/2025"`,
  // This year.
  `"00Q6";"Sara Ali";"F";"Six";"";"Co6";"Web";"Hot";"Closed - Converted";"f@example.com";"";"01/02/2026";"1";"10/02/2026"`,
  `"00Q7";"Sara Ali";"G";"Seven";"";"Co7";"Web";"Cold";"Working - Contacted";"g@example.com";"";"01/11/2026";"0";""`,
].join("\r\n");

describe("dashboard comparisons on a Salesforce export in a HubSpot-staged workbook", () => {
  let s: StandIn;
  beforeAll(async () => {
    s = createStandIn();
    s.install(globalThis);
    await setUpWorkbook({ stagePreset: "hubspot", language: "en", sampleData: false });
    await importRecords({ target: "Deals", text: OPPORTUNITIES });
    await importRecords({ target: "Leads", text: LEAD_REPORT });
    jest.spyOn(Date, "now").mockReturnValue(new Date(2026, 11, 4, 12).getTime());
    await buildDashboard({ language: "en" });
    await setDashboardFilters(DEFAULT_FILTERS);
  });
  afterAll(() => jest.restoreAllMocks());

  const tile = (key: TileKey) => {
    const { registry, plan } = builtPlan(s, DEFAULT_FILTERS);
    const t = plan.tiles.find((x) => x.key === key)!;
    const at = (a: string | undefined) => (a ? s.getValue(registry.sheetName, a) : undefined);
    return { value: at(t.valueAddress), prev: at(t.previousAddress), change: at(t.changeAddress) };
  };

  it("imported every row", () => {
    expect(tableRows(s, "Deals").filter((d) => d.Stage).length).toBe(7);
    expect(tableRows(s, "Leads").filter((l) => l.Created).length).toBe(7);
  });

  it("compares This year on 4 Dec 2026 with 1 Jan – 4 Dec 2025", () => {
    const sheet = builtPlan(s).registry.sheetName;
    expect(["I5", "J5"].map((a) => s.getValue(sheet, a))).toEqual([
      toSerial(2025, 1, 1),
      toSerial(2025, 12, 4),
    ]);
  });

  it("won revenue: $1,000 against $500 (not the whole of 2025's $1,500): +100%", () => {
    const t = tile("wonRevenue");
    expect(t.value).toBe(1000);
    expect(t.prev).toBe(500);
    expect(t.change).toBeCloseTo(1, 9);
  });

  it("win rate: 2 won of 2 against 2 won of 3 (the 20 Dec win and 15 Dec loss left out)", () => {
    const t = tile("winRate");
    expect(t.value).toBe(1);
    expect(t.prev).toBeCloseTo(2 / 3, 9);
  });

  it("new leads and lead conversion: a conversion after 4 Dec 2025 had not happened yet", () => {
    const leads = tile("newLeads");
    expect([leads.value, leads.prev]).toEqual([2, 4]);
    // 2025: converted 5 Jun, converted undated, not converted, converted 10 Dec (not yet): 2 of 4.
    const conversion = tile("leadConversion");
    expect(conversion.value).toBeCloseTo(1 / 2, 9);
    expect(conversion.prev).toBeCloseTo(2 / 4, 9);
  });
});
