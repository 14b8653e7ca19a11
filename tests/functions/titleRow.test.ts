/**
 * A column title selected with text-only ranges (`=SALES.CONVERSION_RATE(B:B, …)`,
 * `=SALES.WIN_RATE(D:D)`) is not a record: real CRM export columns with their real titles, sent
 * as Excel sends a whole column (title, data, then blanks as 0, null or ""), give what the same
 * call gives on the data rows alone, and what the test computes from the rows. And the cases
 * where row 1 is data and must stay: a stage the call knows, a single row, a repeated value.
 */
import fs from "fs";
import path from "path";
import { parseCsv } from "../../src/engine/csv/parse";
import { toSerial } from "../../src/engine/dates";
import { DealState } from "../../src/engine/history/snapshot";
import { STAGE_PRESETS } from "../../src/model/stagePresets";
import { conversionRateFunction } from "../../src/functions/sales/conversionRate";
import { funnelFunction } from "../../src/functions/sales/funnel";
import { winRateFunction } from "../../src/functions/sales/winRate";
import { HUBSPOT_STAGE_TABLE, recordedHistory } from "../fixtures/history/hubspotPipeline";
import { cell, col } from "../setup/excelCalls";

const BLANKS: [string, unknown][] = [
  ["0 (desktop)", 0],
  ["null (web)", null],
  ['"" (text)', ""],
];

/** One column of a CRM export fixture: its title as exported and its cells. */
function exportColumn(file: string, header: string): { title: string; values: string[] } {
  const text = fs.readFileSync(path.join(__dirname, "..", "fixtures", "csv", file), "utf8");
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  const at = parsed.csv.headers.indexOf(header);
  if (at < 0) throw new Error(`${file} has no ${header} column`);
  return { title: parsed.csv.headers[at], values: parsed.csv.rows.map((r) => r[at]) };
}

/** The column as a sheet range sends it: an empty cell as `blank`, `extra` blank rows below. */
function sheet(values: readonly string[], blank: unknown, extra = 500): unknown[][] {
  return [...values.map((v) => (v.trim() === "" ? blank : v)), ...new Array(extra).fill(blank)].map(
    (v) => [v]
  );
}

const titled = (title: string, rows: unknown[][]): unknown[][] => [[title], ...rows];
const count = (xs: readonly string[], keep: (x: string) => boolean): number =>
  xs.filter(keep).length;
const filled = (x: string): boolean => x.trim() !== "";

describe("a title selected with text-only ranges is not a record", () => {
  describe.each(BLANKS)("blank cells sent as %s", (_, blank) => {
    it("HubSpot contacts: Lead Status with its title, CONVERSION_RATE by status", () => {
      const { title, values } = exportColumn("hubspot-contacts.csv", "Lead Status");
      expect(title).toBe("Lead Status");
      const data = sheet(values, blank);
      const expected = count(values, (v) => v === "OPEN_DEAL") / count(values, filled);
      expect(cell(conversionRateFunction, titled(title, data), "OPEN_DEAL")).toBeCloseTo(
        expected,
        12
      );
      expect(cell(conversionRateFunction, titled(title, data), "OPEN_DEAL")).toBe(
        cell(conversionRateFunction, data, "OPEN_DEAL")
      );
    });

    it("Salesforce leads (semicolon CSV): Lead Status, CONVERSION_RATE with and without base", () => {
      const { title, values } = exportColumn("salesforce-leads.csv", "Lead Status");
      const data = sheet(values, blank);
      const conv = count(values, (v) => v === "Closed - Converted");
      expect(cell(conversionRateFunction, titled(title, data), "Closed - Converted")).toBeCloseTo(
        conv / count(values, filled),
        12
      );
      const base = "Closed - Converted, Closed - Not Converted";
      const closed = count(values, (v) => v.startsWith("Closed - "));
      expect(
        cell(conversionRateFunction, titled(title, data), "Closed - Converted", base)
      ).toBeCloseTo(conv / closed, 12);
    });

    it("Salesforce opportunities report: Stage, WIN_RATE by count and the share won", () => {
      const { title, values } = exportColumn("salesforce-opportunities.csv", "Stage");
      expect(title).toBe("Stage");
      const data = sheet(values, blank);
      const won = count(values, (v) => v === "Closed Won");
      const lost = count(values, (v) => v === "Closed Lost");
      expect(cell(winRateFunction, titled(title, data))).toBeCloseTo(won / (won + lost), 12);
      expect(cell(winRateFunction, titled(title, data))).toBe(cell(winRateFunction, data));
      // Won share of every opportunity in the report (open ones included).
      expect(cell(conversionRateFunction, titled(title, data), "Closed Won")).toBeCloseTo(
        won / count(values, filled),
        12
      );
    });

    it("Pipedrive deals: Deal - Stage and Deal - Status with their titles", () => {
      const stage = exportColumn("pipedrive-deals.csv", "Deal - Stage");
      const late = ["Proposal Made", "Negotiations Started"];
      const stageData = sheet(stage.values, blank);
      expect(
        cell(conversionRateFunction, titled(stage.title, stageData), late.join(", "))
      ).toBeCloseTo(count(stage.values, (v) => late.includes(v)) / count(stage.values, filled), 12);
      const status = exportColumn("pipedrive-deals.csv", "Deal - Status");
      const statusData = sheet(status.values, blank);
      const won = count(status.values, (v) => v === "won");
      const lost = count(status.values, (v) => v === "lost");
      expect(cell(winRateFunction, titled(status.title, statusData))).toBeCloseTo(
        won / (won + lost),
        12
      );
      expect(cell(conversionRateFunction, titled(status.title, statusData), "won")).toBeCloseTo(
        won / count(status.values, filled),
        12
      );
    });
  });

  it("Salesforce opportunities report: FUNNEL over Stage with its title", () => {
    const { title, values } = exportColumn("salesforce-opportunities.csv", "Stage");
    const order = STAGE_PRESETS.salesforce.map((s) => s.stage).filter((s) => s !== "Closed Lost");
    const data = sheet(values, null);
    const out = cell(funnelFunction, titled(title, data), order.join(", ")) as unknown[][];
    expect(out).toEqual(cell(funnelFunction, data, order.join(", ")));
    // Every deal reached the first stage: the report's opportunities, not one more.
    expect(out[0]).toEqual([order[0], count(values, filled), 1]);
    expect(out[out.length - 1][1]).toBe(count(values, (v) => v === "Closed Won"));
  });

  it("HubSpot deals: FUNNEL with History, the stages and Record IDs selected with their titles", () => {
    const [AS, QTB, PS] = ["Appointment Scheduled", "Qualified To Buy", "Presentation Scheduled"];
    const deal = (id: number, stage: string): DealState => ({
      id: String(id),
      stage,
      outcome: stage === "Closed Lost" ? "lost" : "open",
      amount: 1000,
      closeDate: toSerial(2026, 6, 30),
      owner: "Ana",
      category: null,
    });
    const history = recordedHistory([
      [toSerial(2026, 5, 4), [deal(501, QTB), deal(502, AS), deal(503, PS)]],
      [toSerial(2026, 5, 11), [deal(501, "Closed Lost"), deal(502, QTB), deal(503, PS)]],
    ]);
    const ids = [501, 502, 503];
    const stages = ["Closed Lost", QTB, PS];
    const order = [AS, QTB, PS].join(", ");
    const table = HUBSPOT_STAGE_TABLE as unknown[][];
    const withTitles = cell(
      funnelFunction,
      titled("Deal Stage", [...col(...stages), ...col(...new Array(300).fill(0))]),
      order,
      table,
      history,
      titled("Record ID", [...col(...ids), ...col(...new Array(300).fill(0))])
    );
    // 501 lost after Qualified To Buy, 502 moved to it, 503 in Presentation: 3, 3, 1.
    expect((withTitles as unknown[][]).map((r) => r[1])).toEqual([3, 3, 1]);
    expect(withTitles).toEqual(
      cell(funnelFunction, col(...stages), order, table, history, col(...ids))
    );
  });

  // Ten leads, three converted: the title must not make it 3 of 11.
  const LEADS = [
    "Closed - Converted",
    "Working - Contacted",
    "Closed - Not Converted",
    "Closed - Converted",
    "Open - Not Contacted",
    "Working - Contacted",
    "Closed - Not Converted",
    "Closed - Converted",
    "Open - Not Contacted",
    "Working - Contacted",
  ];
  const converted = count(LEADS, (v) => v === "Closed - Converted");

  it.each(["Status", "Lead Status", "الحالة", "LEAD_STATUS", "hs_lead_status", "Lead - Status"])(
    "our Leads table or a CRM titles the column %p: 3 of 10",
    (title) => {
      const data = sheet(LEADS, null, 1000);
      expect(cell(conversionRateFunction, titled(title, data), "Closed - Converted")).toBe(
        converted / LEADS.length
      );
    }
  );

  it("a whole column (1,048,576 rows) from the HubSpot export", () => {
    const { title, values } = exportColumn("hubspot-contacts.csv", "Lead Status");
    const rows = titled(title, sheet(values, 0, 1_048_575 - values.length));
    expect(rows.length).toBe(1_048_576);
    expect(cell(conversionRateFunction, rows, "OPEN_DEAL, CONNECTED")).toBeCloseTo(
      count(values, (v) => v === "OPEN_DEAL" || v === "CONNECTED") / count(values, filled),
      12
    );
  });

  it("an Arabic workbook: المرحلة over the stages, judged by the Stages table", () => {
    const table = [
      ["المرحلة", "الاحتمال", "فوز", "خسارة"],
      ["تفاوض", 0.8, false, false],
      ["تم الفوز", 1, true, false],
      ["خسارة الصفقة", 0, false, true],
    ];
    const stages = ["تم الفوز", "تفاوض", "خسارة الصفقة", "تم الفوز", "", "تفاوض"];
    const data = sheet(stages, "");
    const won = count(stages, (v) => v === "تم الفوز");
    const lost = count(stages, (v) => v === "خسارة الصفقة");
    expect(cell(winRateFunction, titled("المرحلة", data), null, null, null, table)).toBeCloseTo(
      won / (won + lost),
      12
    );
    expect(cell(conversionRateFunction, titled("المرحلة", data), "تم الفوز")).toBeCloseTo(
      won / count(stages, filled),
      12
    );
  });
});

describe("row 1 that is data is never dropped", () => {
  it('a stage named "Status" that the Stages table lists as won', () => {
    const table = [
      ["Stage", "Probability", "Is Won", "Is Lost"],
      ["Status", 1, true, false],
      ["Closed Lost", 0, false, true],
    ];
    // 1 won of 2 closed; dropping row 1 would make it 0 of 1.
    const stages = col("Status", "Closed Lost", "Negotiation", null);
    expect(cell(winRateFunction, stages, null, null, null, table)).toBe(0.5);
  });

  it('a stage named "Stage" given as won_labels or lost_labels', () => {
    expect(cell(winRateFunction, col("Stage", "Lost", "Demo"), null, "Stage")).toBe(0.5);
    expect(cell(winRateFunction, col("Stage", "Won", "Won"), null, null, "Stage, Lost")).toBe(
      2 / 3
    );
  });

  it('a status named "Status" given as converted, or "Stage" in base', () => {
    expect(cell(conversionRateFunction, col("Status", "Open", "Open"), "Status")).toBeCloseTo(
      1 / 3,
      12
    );
    expect(
      cell(conversionRateFunction, col("Stage", "Converted", "Open"), "Converted", "Stage, Open")
    ).toBeCloseTo(1 / 3, 12);
  });

  it("a value the product knows that is also a title: HubSpot's lifecycle stage opportunity", () => {
    // "Opportunity" titles a deal's name in some exports, and is a HubSpot lifecycle stage.
    const lifecycle = col("opportunity", "lead", "customer", "lead", null);
    expect(cell(conversionRateFunction, lifecycle, "customer")).toBe(0.25);
    expect(cell(conversionRateFunction, col("Customer", "lead", "lead"), "opportunity")).toBe(0);
  });

  it('a stage named "Stage" that FUNNEL\'s stage_order lists', () => {
    const out = cell(
      funnelFunction,
      col("Stage", "Demo", "Won"),
      "Stage, Demo, Won"
    ) as unknown[][];
    expect(out.map((r) => r[1])).toEqual([3, 2, 1]);
  });

  it("a single-row range: the one record counts", () => {
    expect(cell(conversionRateFunction, [["Lead Status"]], "Closed - Converted")).toBe(0);
    expect(cell(conversionRateFunction, [["Status"]], "Status")).toBe(1);
  });

  it("a title-like value that occurs again below row 1 is data", () => {
    // "Status" twice: a stage of this workbook, not a title (2 of 4 converted, not 1 of 3).
    const values = col("Status", "Status", "Closed - Converted", "Open");
    expect(cell(conversionRateFunction, values, "Status, Closed - Converted")).toBe(0.75);
    expect(cell(conversionRateFunction, values, "Closed - Converted")).toBe(0.25);
  });

  it("text that is no known title stays a stage", () => {
    expect(cell(conversionRateFunction, col("Pipeline Q3", "Won", "Lost"), "Won")).toBeCloseTo(
      1 / 3,
      12
    );
  });

  it("a typed range present: the existing rule decides (amounts titled, or a first amount)", () => {
    const stages = col("Stage", "Closed Won", "Closed Lost", "Demo");
    expect(cell(winRateFunction, stages, col("Amount", 300, 100, 50))).toBe(0.75);
    // Row 1 of amounts is a value: row 1 is a deal ("Stage" is then an open deal, excluded).
    expect(cell(winRateFunction, stages, col(999, 300, 100, 50))).toBe(0.75);
    // CONVERSION_RATE by yes/no flags keeps its type rule.
    expect(cell(conversionRateFunction, col("Converted", true, false, "yes"))).toBeCloseTo(
      2 / 3,
      12
    );
  });
});
