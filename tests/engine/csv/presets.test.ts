import { detectSource } from "../../../src/engine/csv/detect";
import {
  autoMap,
  checkMapping,
  matchHeader,
  mappingTargets,
  unmappedHeaders,
} from "../../../src/engine/csv/mapping";
import { parseCsv } from "../../../src/engine/csv/parse";
import { headerKey, PRESETS, presetById, WON_LOST_STATUS } from "../../../src/engine/csv/presets";
import { DEALS, LEADS } from "../../../src/model/schema";
import { fixture } from "./fixtures";
import { ZOHO_CSV } from "../../fixtures/foreignExports";

function headersOf(name: string): string[] {
  const r = parseCsv(fixture(name));
  if (!r.ok) throw new Error(name);
  return [...r.csv.headers];
}

describe("detectSource", () => {
  it.each([
    ["hubspot-deals.csv", "hubspotDeals", "Deals"],
    ["hubspot-contacts.csv", "hubspotContacts", "Leads"],
    ["salesforce-opportunities.csv", "salesforceOpportunities", "Deals"],
    ["salesforce-leads.csv", "salesforceLeads", "Leads"],
    ["pipedrive-deals.csv", "pipedriveDeals", "Deals"],
  ])("recognises %s as %s", (file, id, target) => {
    const d = detectSource(headersOf(file));
    expect(d.preset?.id).toBe(id);
    expect(d.target).toBe(target);
  });

  it("takes any other CSV as generic and picks the table its headers fit", () => {
    expect(detectSource(headersOf("generic-ambiguous-dates.txt"))).toEqual({
      preset: null,
      matched: 0,
      target: "Deals",
    });
    expect(detectSource(["Name", "Email", "Phone", "Company"]).target).toBe("Leads");
  });

  it("recognises a Zoho CRM deals export as Zoho's, not HubSpot's (half of whose signature it has)", () => {
    const zoho = ZOHO_CSV.split("\r\n")[0]
      .split(",")
      .map((h) => h.replace(/"/g, ""));
    const d = detectSource(zoho);
    expect([d.preset?.id, d.target]).toEqual(["zohoDeals", "Deals"]);
    const m = autoMap(zoho, "Deals", d.preset);
    expect(m[zoho.indexOf("Record Id")]).toBe("Deal ID");
    expect(m[zoho.indexOf("Closing Date")]).toBe("Expected Close");
    expect(m[zoho.indexOf("Account Name")]).toBe("Account");
    // Expected Revenue is amount × probability: never the Amount.
    expect(m[zoho.indexOf("Expected Revenue")]).not.toBe("Amount");
    expect(m[zoho.indexOf("Amount")]).toBe("Amount");
    // HubSpot's and Salesforce's own exports still go to their presets.
    expect(detectSource(headersOf("hubspot-deals.csv")).preset?.id).toBe("hubspotDeals");
    expect(detectSource(headersOf("salesforce-opportunities.csv")).preset?.id).toBe(
      "salesforceOpportunities"
    );
  });

  it("needs at least three signature headers", () => {
    expect(detectSource(["Record ID", "Deal Name"]).preset).toBeNull();
  });
});

describe("autoMap with presets", () => {
  const mapped = (file: string, target: "Leads" | "Deals") => {
    const headers = headersOf(file);
    const d = detectSource(headers);
    const mapping = autoMap(headers, target, d.preset);
    return Object.fromEntries(headers.map((h, i) => [h, mapping[i]]));
  };

  it("maps HubSpot deals, leaving pipeline and association ids out", () => {
    expect(mapped("hubspot-deals.csv", "Deals")).toEqual({
      "Record ID": "Deal ID",
      "Deal Name": "Deal Name",
      "Deal Stage": "Stage",
      "Close Date": "Expected Close",
      "Deal owner": "Owner",
      Amount: "Amount",
      Pipeline: null,
      "Create Date": "Created",
      "Last Activity Date": "Last Activity",
      "Associated Company": "Account",
      "Associated Company IDs": null,
      'Date entered "Closed Won (Sales Pipeline)"': null,
    });
  });

  it("maps HubSpot contacts, First and Last Name both into Name", () => {
    const m = mapped("hubspot-contacts.csv", "Leads");
    expect(m["First Name"]).toBe("Name");
    expect(m["Last Name"]).toBe("Name");
    expect(m["Lead Status"]).toBe("Status");
    expect(m["Lifecycle Stage"]).toBe("Converted");
    expect(m["Original Source"]).toBe("Source");
    expect(m["Contact owner"]).toBe("Owner");
    expect(m["Job Title"]).toBeNull();
  });

  it("maps a Salesforce opportunity report", () => {
    const m = mapped("salesforce-opportunities.csv", "Deals");
    expect(m).toMatchObject({
      "Opportunity ID": "Deal ID",
      "Opportunity Owner": "Owner",
      "Account Name": "Account",
      "Opportunity Name": "Deal Name",
      Stage: "Stage",
      "Probability (%)": "Probability",
      "Close Date": "Expected Close",
      "Created Date": "Created",
      "Forecast Category": "Forecast Category",
      "Fiscal Period": null,
      "Expected Revenue": null,
    });
  });

  it("maps a Salesforce lead report", () => {
    expect(mapped("salesforce-leads.csv", "Leads")).toMatchObject({
      "Lead Owner": "Owner",
      "Company / Account": "Company",
      "Lead Status": "Status",
      Converted: "Converted",
      "Converted Date": "Converted Date",
      Rating: null,
    });
  });

  it("maps Pipedrive's status to the won/lost pseudo column and both close times to Closed Date", () => {
    expect(mapped("pipedrive-deals.csv", "Deals")).toMatchObject({
      "Deal - Status": WON_LOST_STATUS,
      "Deal - Won time": "Closed Date",
      "Deal - Lost time": "Closed Date",
      "Deal - Value": "Amount",
      "Deal - Contact person": null,
    });
  });

  it('maps Pipedrive\'s "Currency of Value" to Currency, with the preset and without', () => {
    // Pipedrive writes a monetary field's currency as "Currency of <field>": without it every EUR
    // deal of the export would count as the reporting currency.
    const headers = ["Deal - ID", "Deal - Title", "Deal - Value", "Deal - Currency of Value"];
    const all = [...headers, "Deal - Stage", "Deal - Status", "Deal - Owner"];
    expect(detectSource(all).preset?.id).toBe("pipedriveDeals");
    expect(autoMap(headers, "Deals", presetById("pipedriveDeals")!)[3]).toBe("Currency");
    expect(autoMap(headers, "Deals", null)[3]).toBe("Currency");
    expect(matchHeader("Currency of Value", "Deals")).toBe("Currency");
  });

  it("ignores a preset made for the other table", () => {
    const headers = headersOf("hubspot-contacts.csv");
    const m = autoMap(headers, "Deals", presetById("hubspotContacts")!);
    expect(m[headers.indexOf("First Name")]).toBeNull();
  });

  it("every alias and value map points at a real column", () => {
    for (const p of PRESETS) {
      const allowed = new Set(mappingTargets(p.target));
      for (const column of Object.values(p.aliases)) expect(allowed.has(column)).toBe(true);
      for (const column of Object.keys(p.values ?? {})) expect(allowed.has(column)).toBe(true);
    }
  });
});

describe("matchHeader (any CSV)", () => {
  it.each([
    ["Deal ID", "Deals", "Deal ID"],
    ["closing_date", "Deals", "Expected Close"],
    ["Deal - Value", "Deals", "Amount"],
    ["Organization", "Deals", "Account"],
    ["القيمة", "Deals", "Amount"],
    ["Status", "Deals", WON_LOST_STATUS],
    ["Status", "Leads", "Status"],
    ["E-mail", "Leads", "Email"],
    ["Favourite colour", "Deals", null],
  ] as const)("matches %j in %s to %j", (header, target, column) =>
    expect(matchHeader(header, target)).toBe(column)
  );

  it("maps HubSpot's internal property names (API-based exports), leaving owner ids unmapped", () => {
    expect(
      autoMap(
        [
          "hs_object_id",
          "dealname",
          "dealstage",
          "amount",
          "closedate",
          "createdate",
          "notes_last_updated",
          "closed_lost_reason",
          "hubspot_owner_id",
          "hs_lastmodifieddate",
        ],
        "Deals",
        null
      )
    ).toEqual([
      "Deal ID",
      "Deal Name",
      "Stage",
      "Amount",
      "Expected Close",
      "Created",
      "Last Activity",
      "Loss Reason",
      null,
      null,
    ]);
    expect(
      autoMap(
        ["hs_object_id", "email", "createdate", "hs_lead_status", "hs_analytics_source"],
        "Leads",
        null
      )
    ).toEqual(["Lead ID", "Email", "Created", "Status", "Source"]);
  });

  it("gives a column to the first header that claims it", () => {
    expect(autoMap(["Amount", "Value"], "Deals", null)).toEqual(["Amount", null]);
  });
});

describe("mapping helpers", () => {
  it("lists unmapped headers", () => {
    expect(unmappedHeaders(["A", "Amount", "B"], [null, "Amount", null])).toEqual([
      { index: 0, header: "A" },
      { index: 2, header: "B" },
    ]);
  });
  it("checks a mapping from outside", () => {
    expect(checkMapping(["Amount", null], 2, "Deals")).toBeNull();
    expect(checkMapping(["Amount"], 2, "Deals")).toMatch(/1 entries, the file has 2/);
    expect(checkMapping(["Email"], 1, "Deals")).toMatch(/not a column of Deals/);
    expect(checkMapping([WON_LOST_STATUS], 1, "Leads")).toMatch(/not a column of Leads/);
  });
  it("offers every column of the table but a computed one (Reporting Amount keeps its formula)", () => {
    expect(mappingTargets("Leads")).toEqual(LEADS.columns.map((c) => c.name));
    expect(mappingTargets("Deals")).toEqual([
      ...DEALS.columns.filter((c) => c.name !== "Reporting Amount").map((c) => c.name),
      WON_LOST_STATUS,
    ]);
    expect(matchHeader("Reporting Amount", "Deals")).toBeNull();
  });
  it("keys headers across case, punctuation and scripts", () => {
    expect(headerKey("  Probability (%) ")).toBe("probability");
    // Arabic without the article and hamza, so spelling variants share the key.
    expect(headerKey("تاريخ الإنشاء")).toBe("تاريخ انشاء");
  });
});
