/**
 * Round 4's bug hunt on data that is not ours: exports in layouts and locales no other test
 * covers (tests/fixtures/foreignExports.ts), each imported through the stand-in into a workbook
 * set up with a *different* CRM's stages, and every number of the Deals table (rows, owners,
 * won/lost/open by the Stages table, sums per currency, dates) checked against the true deals
 * the file was written from.
 */
import { createStandIn, StandIn } from "../../preview/excel";
import { tableRows, TableRow } from "../support/tables";
import { setUpWorkbook } from "../../src/workbook/setup";
import { importRecords, ImportReport, ImportRequest } from "../../src/workbook/import";
import { decodeText } from "../../src/engine/csv/encoding";
import { readXlsx } from "../../src/engine/xlsx/read";
import { StagePresetId } from "../../src/model/stagePresets";
import { PIPEDRIVE_DEALS } from "../fixtures/crmLayouts";
import {
  ARABIC_CSV,
  arabicDeals,
  CODED_CSV,
  codedDeals,
  DYNAMICS_XLSX,
  dynamicsDeals,
  GERMAN_MAPPING,
  GERMAN_TEXT,
  germanDeals,
  GROUPED_XLSX,
  REPORT_DEALS,
  REPORT_FOOTER,
  SALESFORCE_REPORT_CSV,
  usd,
  groupedDeals,
  serialOf,
  TrueDeal,
  UNICODE_TEXT,
  unicodeTextDeals,
  utf16le,
  windows1252,
  ZOHO_CSV,
  zohoDeals,
} from "../fixtures/foreignExports";

jest.setTimeout(120_000);

type Row = TableRow;

const key = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** Won/lost/open of a stage as the workbook's Stages table says (its flags), computed here. */
function outcomeIn(stages: Row[], stage: string): TrueDeal["outcome"] | "missing" {
  const row = stages.find((r) => key(String(r.Stage)) === key(stage));
  if (!row) return "missing";
  return row["Is Won"] === true ? "won" : row["Is Lost"] === true ? "lost" : "open";
}

interface Summary {
  rows: number;
  won: number;
  lost: number;
  open: number;
  byCurrency: Record<string, number>;
  owners: string[];
}

function summary(
  deals: readonly { outcome: string; amount: number; currency: string; owner: string }[]
): Summary {
  const byCurrency: Record<string, number> = {};
  for (const d of deals)
    byCurrency[d.currency] = Math.round(((byCurrency[d.currency] ?? 0) + d.amount) * 100) / 100;
  return {
    rows: deals.length,
    won: deals.filter((d) => d.outcome === "won").length,
    lost: deals.filter((d) => d.outcome === "lost").length,
    open: deals.filter((d) => d.outcome === "open").length,
    byCurrency,
    owners: [...new Set(deals.map((d) => d.owner))].sort(),
  };
}

async function workbook(stages: StagePresetId, language: "en" | "ar" = "en"): Promise<StandIn> {
  const s = createStandIn({ excelApi: "1.17" });
  s.install(globalThis);
  await setUpWorkbook({ stagePreset: stages, language, sampleData: false });
  return s;
}

/**
 * Checks every deal of the file in the Deals table, then the totals. `reporting` is the
 * workbook's reporting currency: a blank Currency cell means it.
 */
function expectDeals(
  s: StandIn,
  truth: readonly TrueDeal[],
  reporting = "USD",
  by: "id" | "name" = "id"
): void {
  const rows = tableRows(s, "Deals");
  const stages = tableRows(s, "Stages");
  const got = rows.map((r) => ({
    id: String(by === "id" ? r["Deal ID"] : r["Deal Name"]),
    owner: String(r.Owner),
    outcome: outcomeIn(stages, String(r.Stage)),
    amount: r.Amount as number,
    currency: String(r.Currency || reporting).toUpperCase(),
    close: r["Expected Close"],
    closed: r["Closed Date"],
    created: typeof r.Created === "number" ? Math.floor(r.Created) : r.Created,
  }));
  const want = truth.map((d) => ({
    id: by === "id" ? d.id : d.name,
    owner: d.owner,
    outcome: d.outcome,
    amount: d.amount,
    currency: d.currency,
    close: serialOf(d.close),
    closed: d.outcome === "open" ? "" : serialOf(d.close),
    created: serialOf(d.created),
  }));
  const byId = (a: { id: string }, b: { id: string }): number => a.id.localeCompare(b.id);
  expect([...got].sort(byId)).toEqual([...want].sort(byId));
  expect(summary(got)).toEqual(summary(want));
}

const imported = (r: ImportReport): unknown => ({
  added: r.added,
  skipped: r.skipped.map((x) => [x.line, x.problems.map((p) => p.code)]),
});

describe("exports that are not ours, into another CRM's stages", () => {
  it("Zoho CRM deals (19-digit ids, Closed-Lost to Competition) into Pipedrive stages", async () => {
    const s = await workbook("pipedrive");
    const r = await importRecords({ target: "Deals", text: ZOHO_CSV });
    expect(imported(r)).toEqual({ added: zohoDeals.length, skipped: [] });
    expectDeals(s, zohoDeals);
    // A second import of the same file changes nothing (the long ids matched exactly).
    const again = await importRecords({ target: "Deals", text: ZOHO_CSV });
    expect([again.added, again.updated]).toEqual([0, zohoDeals.length]);
  });

  it("Dynamics 365 Export to Excel (XLSX, revenue as text, currency names) into HubSpot stages", async () => {
    const s = await workbook("hubspot");
    const book = readXlsx(DYNAMICS_XLSX());
    if (!book.ok) throw new Error("not read");
    const r = await importRecords({ target: "Deals", grid: book.book.grid });
    expect(imported(r)).toEqual({ added: dynamicsDeals.length, skipped: [] });
    expectDeals(s, dynamicsDeals);
  });

  it("German Excel CSV in Windows-1252 (1.234,56 €, dd.mm.yy) into Salesforce stages", async () => {
    const s = await workbook("salesforce");
    const decoded = decodeText(windows1252(GERMAN_TEXT));
    expect(decoded.encoding).toBe("windows-1252");
    const r = await importRecords({
      target: "Deals",
      text: decoded.text,
      mapping: GERMAN_MAPPING,
    } as ImportRequest);
    expect(imported(r)).toEqual({ added: germanDeals.length, skipped: [] });
    expectDeals(s, germanDeals);
  });

  it("an Arabic-locale export (Arabic-Indic digits, month names, RLM marks) into Salesforce stages", async () => {
    const s = await workbook("salesforce", "ar");
    const r = await importRecords({ target: "Deals", text: ARABIC_CSV });
    expect(imported(r)).toEqual({ added: arabicDeals.length, skipped: [] });
    expectDeals(s, arabicDeals);
  });

  it("a Salesforce report saved as Unicode Text (UTF-16LE, tabs, ($1,200.00), m/d/yy) into Pipedrive stages", async () => {
    const s = await workbook("pipedrive");
    const decoded = decodeText(utf16le(UNICODE_TEXT));
    expect(decoded.encoding).toBe("utf-16le");
    const r = await importRecords({ target: "Deals", text: decoded.text });
    expect(imported(r)).toEqual({ added: unicodeTextDeals.length, skipped: [] });
    // "$" is the dollar of many countries: counted in the reporting currency, and said so.
    expect(r.currencyAssumed).toEqual({ symbol: "$", rows: unicodeTextDeals.length });
    expectDeals(s, unicodeTextDeals);
  });

  it("a Salesforce formatted report XLSX (title rows, groups, subtotals) into HubSpot stages", async () => {
    const s = await workbook("hubspot");
    const book = readXlsx(GROUPED_XLSX());
    if (!book.ok) throw new Error("not read");
    const r = await importRecords({ target: "Deals", grid: book.book.grid });
    expect(imported(r)).toEqual({ added: groupedDeals.length, skipped: [] });
    // What was dropped is said: 4 title rows, 3 subtotals, the grand total, 2 footer lines.
    expect(r.footer).toHaveLength(10);
    expect(r.footer).toContain(
      `Total (${groupedDeals.length} records) ${groupedDeals.reduce((s, d) => s + d.amount, 0)}`
    );
    expectDeals(s, groupedDeals);
  });

  it("a Salesforce report CSV with a grand total right under the data, then the footer, into Pipedrive stages", async () => {
    const s = await workbook("pipedrive");
    const total = REPORT_DEALS.reduce((a, d) => a + d.amount, 0);
    const r = await importRecords({ target: "Deals", text: SALESFORCE_REPORT_CSV });
    expect(imported(r)).toEqual({ added: REPORT_DEALS.length, skipped: [] });
    expect(r.footer[0]).toBe(`Grand Totals (${REPORT_DEALS.length} records) ${usd(total)}`);
    expect(r.footer.slice(1)).toEqual(REPORT_FOOTER);
    expectDeals(s, REPORT_DEALS, "USD", "name");
  });

  it("a sep=; CSV with the currency code in the amount cell into Pipedrive stages", async () => {
    const s = await workbook("pipedrive");
    const r = await importRecords({ target: "Deals", text: CODED_CSV });
    expect(imported(r)).toEqual({ added: codedDeals.length, skipped: [] });
    expectDeals(s, codedDeals);
  });
});

describe("won and lost beyond the built-in English names", () => {
  it("a closed deal in a stage only the workbook's Stages table marks won or lost gets its closed date", async () => {
    const s = await workbook("salesforce");
    // The user renamed the closed stages in Settings › Stages.
    const sheet = s.snapshot().sheets.find((x) => x.tables.some((t) => t.name === "Stages"))!;
    const address = sheet.tables.find((t) => t.name === "Stages")!.address.replace(/\$/g, "");
    const values = s.getValues(sheet.name, address);
    const renamed = values.map((r) =>
      r.map((v) => (v === "Closed Won" ? "Signed" : v === "Closed Lost" ? "Declined" : v))
    );
    s.setValues(sheet.name, address, renamed);
    const deals = [
      ["S1", "Signed", 100, [2026, 3, 15]],
      ["S2", "Declined", 50, [2026, 3, 16]],
      ["S3", "Prospecting", 70, [2026, 4, 1]],
    ] as const;
    const text = `Deal ID,Stage,Amount,Close Date\n${deals
      .map(
        ([id, stage, amount, [y, m, d]]) =>
          `${id},${stage},${amount},${y}-0${m}-${d < 10 ? "0" : ""}${d}`
      )
      .join("\n")}\n`;
    const r = await importRecords({ target: "Deals", text });
    expect([r.added, r.stagesAdded ?? []]).toEqual([3, []]);
    const rows = tableRows(s, "Deals");
    const stages = tableRows(s, "Stages");
    expect(
      rows.map((x) => [x["Deal ID"], outcomeIn(stages, String(x.Stage)), x["Closed Date"]])
    ).toEqual(
      deals.map(([id, stage, , date]) => [
        id,
        stage === "Signed" ? "won" : stage === "Declined" ? "lost" : "open",
        stage === "Prospecting" ? "" : serialOf(date),
      ])
    );
  });

  it("a Pipedrive export from a German account (Status Gewonnen/Verloren/Offen) into HubSpot stages", async () => {
    const s = await workbook("hubspot");
    const status = ["Gewonnen", "Verloren", "Offen", "Gewonnen", "Offen"];
    const lines = status.map(
      (st, i) =>
        `${i + 1},Deal ${i},${(i + 1) * 1000},EUR,Org,Jörg Müller,Angebot,Pipeline,${st},,2026-0${i + 1}-15,2026-01-0${i + 1} 08:00:00,${st === "Gewonnen" ? `2026-0${i + 1}-14 09:00:00` : ""},${st === "Verloren" ? `2026-0${i + 1}-13 09:00:00` : ""}`
    );
    const r = await importRecords({
      target: "Deals",
      text: `${PIPEDRIVE_DEALS.join(",")}\n${lines.join("\n")}\n`,
    });
    expect([r.source, r.added]).toEqual(["pipedriveDeals", 5]);
    const stages = tableRows(s, "Stages");
    const rows = tableRows(s, "Deals");
    expect(rows.map((x) => outcomeIn(stages, String(x.Stage)))).toEqual([
      "won",
      "lost",
      "open",
      "won",
      "open",
    ]);
    expect(rows.map((x) => x["Closed Date"])).toEqual([
      serialOf([2026, 1, 14]),
      serialOf([2026, 2, 13]),
      "",
      serialOf([2026, 4, 14]),
      "",
    ]);
  });
});
