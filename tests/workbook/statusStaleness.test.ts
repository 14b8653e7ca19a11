/**
 * The Home view's "the dashboard is out of date" against the stand-in: a workbook set up with
 * Salesforce stages and a built dashboard, then a HubSpot deals export (written here, HubSpot's
 * layout: an internal stage id, "Deal owner", read as "Any CSV") that brings a new owner and a won
 * stage spelling ("Closed-Won" beside the table's "Closed Won"; the id `closedwon` is written as
 * the table's name) the dashboard's label lists lack. Every expectation is computed from the
 * table rows. Then a
 * rebuild (not stale) and an edit of the Stages table (stale). Also the status's payload with
 * 20,000 deals, with and without a dashboard to check.
 */
import { createStandIn, StandIn } from "../../preview/excel";
import { setUpWorkbook } from "../../src/workbook/setup";
import { importRecords } from "../../src/workbook/import";
import { buildDashboard } from "../../src/workbook/dashboard/build";
import { readWorkbookStatus } from "../../src/workbook/status";
import { REGISTRY_SETTING } from "../../src/workbook/dashboard/types";
import { UP_TO_DATE } from "../../src/workbook/dashboard/staleness";
import { todaySerial } from "../../src/engine/dates";
import { tableRows, TableRow } from "../support/tables";
import { growDeals } from "../support/bigDeals";

jest.setTimeout(180_000);

const key = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
const lower = (xs: Iterable<unknown>): Set<string> =>
  new Set([...xs].map((x) => String(x).trim().toLowerCase()));

/**
 * HubSpot's "all deals" export: an internal stage id (`closedwon`, written as the Stages table's
 * "Closed Won"), a hyphenated spelling an integration wrote ("Closed-Won", kept as given: it is
 * already the table's stage up to punctuation), owner names, ISO-ish dates.
 */
const HUBSPOT = [
  "Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount,Pipeline,Create Date,Last Activity Date",
  "7700000001,Orbit renewal,closedwon,2026-10-02 10:00,Nadia Haddad,4200,Sales Pipeline,2026-08-01 09:00,2026-10-01 12:00",
  "7700000002,Orbit add-on,Closed-Won,2026-11-12 16:30,Nadia Haddad,1800,Sales Pipeline,2026-09-15 11:00,2026-11-10 08:00",
].join("\r\n");

async function workbook(s: StandIn): Promise<void> {
  s.install(globalThis);
  await setUpWorkbook({
    stagePreset: "salesforce",
    language: "en",
    sampleData: true,
    asOf: todaySerial(),
  });
}

/** Whether a stage name is won by the Stages table's rows (its key and Is Won flag). */
function wonByTable(stages: readonly TableRow[], name: string): boolean {
  const row = stages.find((r) => key(String(r.Stage)) === key(name));
  return row?.["Is Won"] === true;
}

const NOTHING = UP_TO_DATE;

describe("the status says when the dashboard is out of date", () => {
  it("after a foreign import, names exactly the new owner and won spelling; rebuild clears it; a Stages edit sets it", async () => {
    const s = createStandIn({ excelApi: "1.17" });
    await workbook(s);
    await buildDashboard({ language: "en" });
    const fresh = await readWorkbookStatus();
    expect(fresh.dashboard?.staleness).toEqual(NOTHING);

    const before = tableRows(s, "Deals");
    const ownersBefore = lower([
      ...before.map((d) => d.Owner),
      ...tableRows(s, "Leads").map((l) => l.Owner),
      ...tableRows(s, "Owners").map((o) => o.Owner),
    ]);
    const stagesBefore = lower(before.map((d) => d.Stage));
    const stageRows = tableRows(s, "Stages");

    // Read as "Any CSV" (a HubSpot report export the pane does not recognise, or the user's
    // choice): the internal id is written as the table's name, the hyphenated spelling as given.
    const report = await importRecords({ target: "Deals", text: HUBSPOT, source: null });
    expect(report.added).toBe(2);
    expect(
      tableRows(s, "Deals")
        .filter((d) => String(d["Deal ID"]).startsWith("77000000"))
        .map((d) => d.Stage)
    ).toEqual(["Closed Won", "Closed-Won"]);
    // The import added no stage: the Stages table is the one the dashboard was built from.
    expect(tableRows(s, "Stages")).toEqual(stageRows);

    // Expected from the rows: owners and won spellings that were not there at build time.
    const after = tableRows(s, "Deals");
    const newOwners = [...new Set(after.map((d) => String(d.Owner)))].filter(
      (o) => o && !ownersBefore.has(o.toLowerCase())
    );
    const newWon = [...new Set(after.map((d) => String(d.Stage)))].filter(
      (st) =>
        !stagesBefore.has(st.toLowerCase()) &&
        wonByTable(stageRows, st) &&
        !stageRows.some((r) => String(r.Stage).toLowerCase() === st.toLowerCase())
    );
    expect(newOwners).toEqual(["Nadia Haddad"]);
    expect(newWon).toEqual(["Closed-Won"]);

    const syncs = s.syncCount();
    const stale = await readWorkbookStatus();
    expect(s.syncCount() - syncs).toBeLessThanOrEqual(3);
    expect(stale.dashboard?.staleness).toEqual({ ...NOTHING, owners: newOwners, stages: newWon });

    // The by-owner table indeed lacks the new owner until a rebuild.
    const dashboardText = (): string =>
      JSON.stringify(
        s
          .getValues("Dashboard", "A1:Z200")
          .flat()
          .filter((v) => v !== "")
      );
    expect(dashboardText()).not.toContain("Nadia Haddad");
    await buildDashboard({ language: "en" });
    expect(dashboardText()).toContain("Nadia Haddad");
    expect((await readWorkbookStatus()).dashboard?.staleness).toEqual(NOTHING);

    // The manager marks an open stage won (its Is Won flag): the label lists are out of date.
    const open = tableRows(s, "Stages").findIndex(
      (r) => r["Is Won"] !== true && r["Is Lost"] !== true
    );
    expect(open).toBeGreaterThanOrEqual(0);
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("Stages");
      const headers = table.getHeaderRowRange().load("values");
      await context.sync();
      const at = headers.values[0].indexOf("Is Won");
      table.getDataBodyRange().getCell(open, at).values = [[true]];
      await context.sync();
    });
    expect((await readWorkbookStatus()).dashboard?.staleness).toEqual({
      ...NOTHING,
      stagesTable: true,
    });
  });

  it("reads 20,000 deals' lists in the same round trips (payload measured)", async () => {
    // Without the custom functions the stand-in recalculates 20,000 rows in seconds; the status
    // reads values, not what formulas compute.
    const s = createStandIn({ payloadLimit: "record", customFunctions: null });
    await workbook(s);
    await buildDashboard({ language: "en" });
    // One deal of a new owner, at the end.
    await growDeals(s, 20_000, (h, i) =>
      h === "Owner" && i === 19_999 ? "Late Owner" : undefined
    );

    const measure = async () => {
      s.resetCounters();
      const status = await readWorkbookStatus();
      const response = s.requests().reduce((n, r) => n + r.responseBytes, 0);
      return { status, syncs: s.syncCount(), response };
    };
    const checked = await measure();
    expect(checked.status.dashboard?.staleness?.owners).toEqual(["Late Owner"]);

    // The same workbook without a dashboard to check reads what the status read before.
    await Excel.run(async (context) => {
      context.workbook.settings.getItem(REGISTRY_SETTING).delete();
      await context.sync();
    });
    const plain = await measure();
    expect(plain.status.dashboard).toBeNull();
    expect(plain.status.missingRates).toEqual(checked.status.missingRates);
    const mb = (n: number): string => (n / 1024 / 1024).toFixed(2);
    console.log(
      `status with 20,000 deals: ${plain.syncs} syncs, ${mb(plain.response)} MB without a dashboard; ` +
        `${checked.syncs} syncs, ${mb(checked.response)} MB with the staleness check`
    );
    expect(checked.syncs).toBeLessThanOrEqual(3);
    expect(checked.syncs).toBe(plain.syncs);
    expect(checked.response).toBeLessThan(4 * 1024 * 1024);
  });

  it("past Excel on the web's 5 MB response, reads the status again without the check", async () => {
    const s = createStandIn({ customFunctions: null }); // refuses over 5 MB, as Excel on the web
    await workbook(s);
    await buildDashboard({ language: "en" });
    // Long owner names: the Owner column alone passes 5 MB.
    const long = (i: number): string => `Owner ${i % 40} ${"of a very long team name ".repeat(12)}`;
    await growDeals(s, 20_000, (h, i) => (h === "Owner" ? long(i) : undefined));
    s.resetCounters();
    const status = await readWorkbookStatus();
    const requests = s.requests();
    expect(requests.some((r) => r.overLimit)).toBe(true);
    expect(
      requests.filter((r) => !r.overLimit).every((r) => r.responseBytes < 5 * 1024 * 1024)
    ).toBe(true);
    expect(status.dashboard?.sheet).toBe("Dashboard");
    expect(status.dashboard?.staleness).toBeNull(); // unknown, not stale
    expect(status.deals?.rows).toBe(20_000);
    expect(status.missingRates).toEqual([]); // the sample is all USD
  });
});
