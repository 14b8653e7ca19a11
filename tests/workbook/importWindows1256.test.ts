/**
 * An Arabic Windows's CSV end to end: a Zoho CRM deals export whose owners, accounts, deal names
 * and stages are Arabic, written as Windows-1256 bytes (tests/support/codePages.ts), read by the
 * pane's decoder with nothing forced, and imported into a workbook set up with another CRM's
 * stages. Every cell and the open pipeline per owner (SALES.PIPELINE_VALUE over the Stages
 * table, as a manager would write it) are checked against the true deals the file was written
 * from; read as Windows-1252, as before, none of the names would have matched.
 */
import { createStandIn, StandIn } from "../../preview/excel";
import { setUpWorkbook } from "../../src/workbook/setup";
import { importRecords } from "../../src/workbook/import";
import { decodeText } from "../../src/engine/csv/encoding";
import { StagePresetId } from "../../src/model/stagePresets";
import { encodeCodePage } from "../support/codePages";
import { tableRows, TableRow } from "../support/tables";
import { evaluateIn } from "../support/multiCrmWorkbook";
import { serialOf, TrueDeal, trueDeals } from "../fixtures/foreignExports";

jest.setTimeout(120_000);

/** The company's own Zoho stages, in Arabic: stage, outcome, probability (points). */
const STAGES = [
  ["مؤهل", "open", 10],
  ["عرض سعر", "open", 50],
  ["تفاوض", "open", 80],
  ["مغلق - فوز", "won", 100],
  ["مغلق - خسارة", "lost", 0],
] as const;
const OWNERS = ["أحمد الشمري", "فاطمة الزهراء", "عبدالله الحربي"];
const ACCOUNTS = [
  "شركة النور للتجارة",
  "مؤسسة الأفق",
  "مجموعة الخليج القابضة",
  "مصنع الرواد",
  "Société Générale Maroc",
];
const CITIES = ["الرياض", "جدة", "الدمام", "الدار البيضاء"];

const deals: TrueDeal[] = trueDeals(
  16,
  STAGES.map(([s, o, p]) => [s, o, p] as const),
  OWNERS,
  ["SAR"],
  (i) => String(5725767000000512001n + BigInt(i * 1000))
)
  .map((d, i) => ({ ...d, name: `توريد ${i + 1} - ${CITIES[i % CITIES.length]}` }))
  .map((d, i) => ({ ...d, account: ACCOUNTS[i % ACCOUNTS.length] }));

const p2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const iso = (d: readonly [number, number, number]): string => `${d[0]}-${p2(d[1])}-${p2(d[2])}`;
const q = (v: string | number): string => `"${String(v).replace(/"/g, '""')}"`;

/** The export's text, in Zoho's layout (every field quoted, English headers, Arabic data). */
const TEXT = [
  [
    "Record Id",
    "Deal Owner",
    "Deal Name",
    "Account Name",
    "Stage",
    "Amount",
    "Currency",
    "Closing Date",
    "Probability (%)",
    "Created Time",
  ]
    .map(q)
    .join(","),
  ...deals.map((d) =>
    [
      d.id,
      d.owner,
      d.name,
      d.account,
      d.stage,
      d.amount.toFixed(2),
      d.currency,
      iso(d.close),
      STAGES.find((s) => s[0] === d.stage)![2],
      `${iso(d.created)} 10:04:31`,
    ]
      .map(q)
      .join(",")
  ),
].join("\r\n");

async function workbook(stages: StagePresetId, language: "en" | "ar"): Promise<StandIn> {
  const s = createStandIn({ excelApi: "1.17" });
  s.install(globalThis);
  await setUpWorkbook({ stagePreset: stages, language, sampleData: false });
  return s;
}

describe("a Windows-1256 (Arabic Windows) Zoho export into another CRM's stages", () => {
  for (const [preset, language] of [
    ["hubspot", "en"],
    ["salesforce", "ar"],
  ] as const) {
    it(`keeps every Arabic name and each owner's open pipeline (${preset}, ${language})`, async () => {
      const s = await workbook(preset, language);
      const bytes = encodeCodePage(TEXT, "windows-1256");
      const decoded = decodeText(bytes);
      expect([decoded.encoding, decoded.detected, decoded.text === TEXT]).toEqual([
        "windows-1256",
        true,
        true,
      ]);

      // What the import read before: Latin mojibake ("ÃÍãÏ" for "أحمد"), no Arabic at all.
      const western = decodeText(bytes, "windows-1252").text;
      expect([/[\u0600-\u06ff]/.test(western), western.includes("ÃÍãÏ")]).toEqual([false, true]);

      const r = await importRecords({ target: "Deals", text: decoded.text });
      expect([r.added, r.skipped]).toEqual([deals.length, []]);

      // Every deal's text cells hold the Arabic the CRM held, its numbers and dates typed.
      const rows = tableRows(s, "Deals");
      const byId = new Map(rows.map((row) => [String(row["Deal ID"]), row]));
      expect(rows).toHaveLength(deals.length);
      for (const d of deals) {
        const row = byId.get(d.id) as TableRow;
        expect([d.id, row.Owner, row.Account, row["Deal Name"], row.Stage]).toEqual([
          d.id,
          d.owner,
          d.account,
          d.name,
          d.stage,
        ]);
        expect([d.id, row.Amount, row["Expected Close"]]).toEqual([
          d.id,
          d.amount,
          serialOf(d.close),
        ]);
      }

      // The Arabic stages were added to the Stages table with the outcome their words say.
      const stageRows = tableRows(s, "Stages");
      const outcome = (stage: string): string => {
        const row = stageRows.find((x) => x.Stage === stage);
        if (!row) return "missing";
        return row["Is Won"] === true ? "won" : row["Is Lost"] === true ? "lost" : "open";
      };
      expect(STAGES.map(([stage]) => [stage, outcome(stage)])).toEqual(
        STAGES.map(([stage, o]) => [stage, o])
      );

      // Each owner's open pipeline: from the true deals, from the table's rows, and as the
      // SALES function computes it over the Stages table in the workbook.
      const owners = [...new Set(deals.map((d) => d.owner))];
      expect(owners).toHaveLength(OWNERS.length);
      let everyOwnerHasPipeline = true;
      for (const owner of owners) {
        const truth = deals
          .filter((d) => d.owner === owner && d.outcome === "open")
          .reduce((a, d) => a + d.amount, 0);
        everyOwnerHasPipeline &&= truth > 0;
        const fromRows = rows
          .filter((row) => row.Owner === owner && outcome(String(row.Stage)) === "open")
          .reduce((a, row) => a + Number(row.Amount), 0);
        const formula =
          `=SALES.PIPELINE_VALUE(Deals[Amount],` +
          `IF(Deals[Owner]=${JSON.stringify(owner)},Deals[Stage],""),,,,Stages[#All])`;
        const shown = evaluateIn(s, formula);
        expect([owner, fromRows]).toEqual([owner, expect.closeTo(truth, 6)]);
        expect([owner, shown]).toEqual([owner, expect.closeTo(truth, 6)]);
      }
      expect(everyOwnerHasPipeline).toBe(true);
    });
  }
});
