/**
 * A Deals export made in an Arabic-language CRM (Zoho CRM's layout with its Arabic headers,
 * Arabic-Indic digits and separators, amounts in two Gulf currencies written with their symbols,
 * Arabic owners and stages, Gregorian dates), imported through the stand-in into a workbook set
 * up with another CRM's stages (HubSpot); and the same export on a Hijri calendar, refused with
 * nothing written. Every expected number is computed here from the deals the file was written
 * from.
 */
import { createStandIn, StandIn } from "../../preview/excel";
import { tableRows, TableRow } from "../support/tables";
import { setUpWorkbook } from "../../src/workbook/setup";
import { importRecords, ImportError } from "../../src/workbook/import";
import { prepareImport } from "../../src/engine/csv/prepare";
import { errors } from "../../src/engine/messages";
import { serialOf, TrueDeal, trueDeals } from "../fixtures/foreignExports";

jest.setTimeout(120_000);

/** Zoho's default stages as its Arabic UI could name them: stage, outcome, probability. */
const STAGES: readonly (readonly [string, TrueDeal["outcome"], number])[] = [
  ["التأهيل", "open", 10],
  ["تحليل الاحتياجات", "open", 20],
  ["عرض القيمة", "open", 40],
  ["الاقتراح/عرض السعر", "open", 75],
  ["التفاوض/المراجعة", "open", 90],
  ["مغلقة - ربح", "won", 100],
  ["مغلقة - خسارة", "lost", 0],
];
const deals = trueDeals(
  21,
  STAGES,
  ["سارة العتيبي", "خالد المنصور", "نورة الشمري"],
  ["SAR", "KWD"],
  (i) => String(5725767000000500001n + BigInt(i * 1000))
);

/** The headers of the file, and the column each must map to (null: not ours). */
const HEADERS: readonly (readonly [string, string | null])[] = [
  ["معرّف السجل", "Deal ID"],
  ["مالك الصفقة", "Owner"],
  ["اسم الصفقة", "Deal Name"],
  ["اسم الحساب", "Account"],
  ["اسم جهة الاتصال", null],
  ["المرحلة", "Stage"],
  ["المبلغ", "Amount"],
  ["العملة", "Currency"],
  ["تاريخ الإغلاق", "Expected Close"],
  ["الاحتمالية (%)", "Probability"],
  // Amount × probability: not the deal's amount.
  ["الإيرادات المتوقعة", null],
  ["مصدر العميل المحتمل", "Lead Source"],
  ["النوع", null],
  ["وقت الإنشاء", "Created"],
];

const arDigits = (t: string): string => t.replace(/\d/g, (c) => String.fromCharCode(0x660 + +c));
/** 12,500.50 → ١٢٬٥٠٠٫٥٠ (the Arabic thousands and decimal separators). */
const arNumber = (n: number, decimals: number): string =>
  arDigits(n.toLocaleString("en-US", { minimumFractionDigits: decimals }))
    .replace(/,/g, "٬")
    .replace(/\./g, "٫");
const p2 = (n: number): string => String(n).padStart(2, "0");
const RLM = "\u200f";
const q = (v: string): string => `"${v.replace(/"/g, '""')}"`;

/** The amount cell: the symbol after the number for riyals, before it (glued) for dinars. */
function amountCell(d: TrueDeal): string {
  return d.currency === "SAR"
    ? `${RLM}${arNumber(d.amount, 2)} ر.س${RLM}`
    : `د.ك${arNumber(d.amount, 3)}`;
}
/**
 * The Currency cell: the currency's Arabic name, its ISO code, or blank (the symbol of the amount
 * cell says it), in turn.
 */
function currencyCell(d: TrueDeal, i: number): string {
  if (i % 3 === 1) return d.currency;
  if (i % 3 === 2) return "";
  return d.currency === "SAR" ? "ريال سعودي" : "دينار كويتي";
}
const probability = (d: TrueDeal): number => STAGES.find((s) => s[0] === d.stage)![2];

/** The export: Gregorian dates, or the same rows with Hijri dates (`hijri`). */
function exportText(hijri = false): string {
  const date = (d: readonly [number, number, number], hijriYear: number): string =>
    hijri
      ? arDigits(`${hijriYear}/${p2(d[1])}/${p2(Math.min(d[2], 29))}`)
      : arDigits(`${d[0]}/${p2(d[1])}/${p2(d[2])}`);
  return [
    HEADERS.map(([h]) => q(h)).join(","),
    ...deals.map((d, i) =>
      [
        d.id,
        d.owner,
        d.name,
        d.account,
        "جهة اتصال",
        d.stage,
        amountCell(d),
        currencyCell(d, i),
        date(d.close, 1447),
        arDigits(String(probability(d))),
        arNumber((d.amount * probability(d)) / 100, 2),
        "الموقع الإلكتروني",
        "عمل جديد",
        `${date(d.created, 1446)} ${arDigits(`${p2(9 + (i % 8))}:${p2((i * 7) % 60)}`)}`,
      ]
        .map(q)
        .join(",")
    ),
  ].join("\r\n");
}

async function hubspotWorkbook(): Promise<StandIn> {
  const s = createStandIn({ excelApi: "1.17" });
  s.install(globalThis);
  await setUpWorkbook({ stagePreset: "hubspot", language: "ar", sampleData: false });
  return s;
}

const normal = (t: string): string => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
/** Won/lost/open of a stage as the workbook's Stages table flags it. */
function outcomeIn(stages: readonly TableRow[], stage: string): string {
  const row = stages.find((r) => normal(String(r.Stage)) === normal(stage));
  if (!row) return "missing";
  return row["Is Won"] === true ? "won" : row["Is Lost"] === true ? "lost" : "open";
}

/** Open pipeline per currency, rounded to the cent. */
function pipeline(
  rows: readonly { outcome: string; currency: string; amount: number }[]
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) {
    if (r.outcome !== "open") continue;
    out[r.currency] = Math.round(((out[r.currency] ?? 0) + r.amount) * 1000) / 1000;
  }
  return out;
}

describe("a Zoho CRM deals export in Arabic, into a workbook with HubSpot's stages", () => {
  it("maps every column of ours from its Arabic header", () => {
    const p = prepareImport(exportText(), { target: "Deals" });
    if (!p.ok) throw new Error(p.failure.code);
    expect(p.value.mapping).toEqual(HEADERS.map(([, column]) => column));
    expect(p.value.unmapped.map((u) => u.header)).toEqual(
      HEADERS.filter(([, c]) => c === null).map(([h]) => h)
    );
  });

  it("writes every deal as it is, and the pipeline per currency adds up", async () => {
    const s = await hubspotWorkbook();
    const report = await importRecords({ target: "Deals", text: exportText() });
    expect([report.added, report.updated, report.skipped]).toEqual([deals.length, 0, []]);

    const stages = tableRows(s, "Stages");
    const rows = tableRows(s, "Deals").map((r) => ({
      id: String(r["Deal ID"]),
      name: r["Deal Name"],
      account: r.Account,
      owner: r.Owner,
      outcome: outcomeIn(stages, String(r.Stage)),
      amount: r.Amount as number,
      currency: String(r.Currency),
      probability: r.Probability,
      close: r["Expected Close"],
      closed: r["Closed Date"],
      created: Math.floor(r.Created as number),
    }));
    const want = deals.map((d) => ({
      id: d.id,
      name: d.name,
      account: d.account,
      owner: d.owner,
      outcome: d.outcome,
      amount: d.amount,
      currency: d.currency,
      probability: probability(d) / 100,
      close: serialOf(d.close),
      closed: d.outcome === "open" ? "" : serialOf(d.close),
      created: serialOf(d.created),
    }));
    const byId = (a: { id: string }, b: { id: string }): number => a.id.localeCompare(b.id);
    expect([...rows].sort(byId)).toEqual([...want].sort(byId));

    // The figures a manager reads first, from the workbook's cells and from the deals.
    const open = want.filter((d) => d.outcome === "open");
    expect(pipeline(rows)).toEqual(pipeline(want));
    expect(Object.keys(pipeline(want)).sort()).toEqual(["KWD", "SAR"]);
    expect(rows.filter((r) => r.outcome === "open")).toHaveLength(open.length);
    expect(rows.filter((r) => r.outcome === "won")).toHaveLength(
      deals.filter((d) => d.outcome === "won").length
    );
    expect([...new Set(rows.map((r) => r.owner))].sort()).toEqual(
      [...new Set(deals.map((d) => d.owner))].sort()
    );
  });
});

describe("the same export on a Hijri calendar", () => {
  it("is refused with the catalogue's message, and nothing is written", async () => {
    const s = await hubspotWorkbook();
    const before = s.snapshot();
    const text = exportText(true);
    let thrown: unknown = null;
    try {
      await importRecords({ target: "Deals", text });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ImportError);
    const e = thrown as ImportError;
    expect(e.code).toBe("hijriDates");
    // Created comes before Expected Close in the Deals table: it is named first. Its first
    // Hijri date is the first data row's (line 2), and every row has one.
    const line = 2;
    const created = exportText(true).split("\r\n")[1].split('","').at(-1)!.replace(/"$/, "");
    const want = errors.hijriDates("وقت الإنشاء", line, created, deals.length);
    expect(e.problems[0].params).toEqual({ en: want.message, ar: want.ar });
    expect(e.details.map((d) => [d.column, d.header, d.line, d.count])).toEqual([
      ["Created", "وقت الإنشاء", line, deals.length],
      ["Expected Close", "تاريخ الإغلاق", line, deals.length],
    ]);
    expect(want.message).toMatch(/Hijri dates .* line 2: .*Export the file again with Gregorian/);
    expect(s.snapshot()).toEqual(before);
  });
});
