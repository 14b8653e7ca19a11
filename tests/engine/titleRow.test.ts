/**
 * withoutTitleRow (a title row told by name in a text-only call), isKnownColumnTitle and
 * callLabels. The functions' results on real export columns are in
 * tests/functions/titleRow.test.ts.
 */
import { callLabels } from "../../src/engine/callLabels";
import { isKnownColumnTitle } from "../../src/engine/columnTitles";
import { autoMap } from "../../src/engine/csv/mapping";
import { presetById } from "../../src/engine/csv/presets";
import { withoutHeaderRow, withoutTitleRow } from "../../src/engine/headerRow";
import { ALL_TABLES } from "../../src/model/schema";

const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
const none = (): boolean => false;

describe("isKnownColumnTitle", () => {
  it.each([
    "Deal Stage", // HubSpot deals
    "Stage", // Salesforce opportunities
    "Lead Status", // HubSpot contacts, Salesforce leads
    "Status",
    "Dealstage", // HubSpot API export
    "dealstage",
    "Deal - Stage", // Pipedrive
    "Deal - Status",
    "Opportunity Stage", // entity prefix
    "hs_lead_status",
    "  LEAD   STATUS ",
    "Stage Name",
    "المرحلة", // Deals[Stage] in Arabic
    "الحالة", // Leads[Status] in Arabic
    "Competitor",
    "Lifecycle Stage", // a HubSpot contacts alias
  ])("%p is a title", (title) => {
    expect(isKnownColumnTitle(title)).toBe(true);
  });

  it.each(["Proposal", "Closed Won", "Working - Contacted", "Demo", "", "  ", "Q3 pipeline", "-"])(
    "%p is not",
    (text) => {
      expect(isKnownColumnTitle(text)).toBe(false);
    }
  );

  it("knows every header of our tables and every header the import maps for a preset", () => {
    for (const table of ALL_TABLES)
      for (const c of table.columns)
        for (const t of [c.name, c.caption.en, c.caption.ar])
          expect([t, isKnownColumnTitle(t)]).toEqual([t, true]);
    const hubspot = ["Record ID", "Deal Name", "Deal Stage", "Amount", "Close Date", "Pipeline"];
    const mapped = autoMap(hubspot, "Deals", presetById("hubspotDeals") ?? null);
    hubspot.forEach((h, i) => expect([h, isKnownColumnTitle(h)]).toEqual([h, mapped[i] !== null]));
  });
});

describe("callLabels", () => {
  it("knows the call's label arguments, whole and split at commas", () => {
    const known = callLabels([[["Status"], ["Signed"]], "Stage, Done", null]);
    for (const t of ["Status", "status", "STATUS", "Signed", "Stage", "Done", "Stage, Done"])
      expect([t, known(t)]).toEqual([t, true]);
    expect(known("Lead Status")).toBe(false);
  });

  it("knows the Stages table's stages, by identity", () => {
    const table = [
      ["Stage", "Probability", "Is Won", "Is Lost"],
      ["Deal Stage", 0.5, false, false],
    ];
    expect(callLabels([], table)("dealstage")).toBe(true);
    expect(callLabels([])("dealstage")).toBe(false);
    // A stage_table that is not one adds nothing (the call reports it).
    expect(callLabels([], [["x", "y", "z", "a", "b", "c", "d"]])("Stage")).toBe(false);
  });

  it("knows the built-in labels", () => {
    const known = callLabels([]);
    for (const t of [
      "closedwon",
      "Closed Lost to Competition",
      "Won",
      "Lost",
      "Lead In",
      "opportunity",
      "NEW",
    ])
      expect([t, known(t)]).toEqual([t, true]);
    for (const t of ["Stage", "Status", "Lead Status", "المرحلة"])
      expect([t, known(t)]).toEqual([t, false]);
  });
});

describe("withoutTitleRow", () => {
  it("reads a known title as blank in a text-only call, keeping the shape", () => {
    const stages = col("Deal - Stage", "Proposal Made", null, 0);
    const [out] = withoutTitleRow<[unknown[][]]>(none, ["text", stages]);
    expect(out).toEqual(col(null, "Proposal Made", null, 0));
    expect(stages[0]).toEqual(["Deal - Stage"]); // the argument is not changed in place
  });

  it("reads row 1 as blank in every text range when each is a title or blank", () => {
    const [a, b, c] = withoutTitleRow<[unknown[][], unknown[][], null]>(
      none,
      ["text", col("Competitor", "Acme")],
      ["text", col("", "Won")],
      ["text", null]
    );
    expect([a, b, c]).toEqual([col(null, "Acme"), col(null, "Won"), null]);
  });

  it("keeps row 1 when any range's row 1 is not a title, or no range has one", () => {
    const stages = col("Stage", "Won");
    const other = col("Acme", "Globex");
    const out = withoutTitleRow<[unknown[][], unknown[][]]>(
      none,
      ["text", other],
      ["text", stages]
    );
    expect(out[0]).toBe(other);
    expect(out[1]).toBe(stages);
    const blank = col(null, "Won");
    expect(withoutTitleRow<[unknown[][]]>(none, ["text", blank])[0]).toBe(blank);
  });

  it("keeps row 1 of one row, of a scalar, of a number, of a known label, of a repeated value", () => {
    for (const grid of [[["Stage"]], "Stage", col(5, "Won"), col("Stage", "Won", "stage")]) {
      expect(withoutTitleRow<[unknown]>(none, ["text", grid])[0]).toBe(grid);
    }
    const stages = col("Status", "Won");
    expect(withoutTitleRow<[unknown[][]]>((t) => t === "Status", ["text", stages])[0]).toBe(stages);
  });

  it("leaves a call with a typed range to withoutHeaderRow, unchanged", () => {
    const cases: [unknown[][], unknown[][]][] = [
      [col("Stage", "Won"), col("Amount", 5)], // a header by type
      [col("Stage", "Won"), col(7, 5)], // a first deal
      [col("Stage", "Won"), col("n/a", 5)], // bad data stays an error
    ];
    for (const [stages, amounts] of cases) {
      const known = jest.fn(() => false);
      expect(withoutTitleRow(known, ["text", stages], ["number", amounts])).toEqual(
        withoutHeaderRow(["text", stages], ["number", amounts])
      );
      expect(known).not.toHaveBeenCalled();
    }
  });
});
