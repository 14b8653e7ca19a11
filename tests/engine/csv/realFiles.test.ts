/**
 * Issue 13's failures, each with an export written here in a real layout and checked against
 * numbers computed in the test.
 */
import { decodeText } from "../../../src/engine/csv/encoding";
import { parseCsv } from "../../../src/engine/csv/parse";
import { prepareImport, Prepared } from "../../../src/engine/csv/prepare";

function prepared(text: string, options: Parameters<typeof prepareImport>[1] = {}): Prepared {
  const p = prepareImport(text, { target: "Deals", ...options });
  if (!p.ok) throw new Error(JSON.stringify(p.failure));
  return p.value;
}
const column = (p: Prepared, name: string): unknown[] =>
  p.records.values.map((r) => r[p.records.columns.indexOf(name)]);

describe("amounts in other locales", () => {
  it("asks about a German file where every amount is 5.000-like, and reads the answer", () => {
    const text = "Deal ID;Deal Name;Amount\nD1;Alpha;5.000\nD2;Beta;12.500\n";
    const p = prepared(text);
    expect(p.records.needsNumberChoice).toBe(true);
    expect(p.records.numbers.find((n) => n.column === "Amount")?.example).toBe("5.000");
    expect(
      prepared(text, { numberMarks: { Amount: "," } }).records.values.map((r) => r[2])
    ).toEqual([5000, 12500]);
  });

  it('decides a German column from one proving value: 1.250.000, "1.200 €", 7,5', () => {
    const rows = [
      ["D1", "5.000", 5000],
      ["D2", "1.250.000", 1250000],
      ["D3", '"1.200 €"', 1200],
      ["D4", "7,5", 7.5],
      ["D5", '"-1.234,56 EUR"', -1234.56],
    ] as const;
    const text = `Deal ID;Amount\n${rows.map((r) => `${r[0]};${r[1]}`).join("\n")}\n`;
    const p = prepared(text);
    expect(p.problems).toEqual([]);
    expect(column(p, "Amount")).toEqual(rows.map((r) => r[2]));
    expect(p.records.decimalComma).toEqual(["Amount"]);
  });

  it("reads French amounts grouped with spaces and no-break spaces", () => {
    const amounts = ["1 234,56", "12\u00a0500", "1\u202f000\u202f000,5 €", "950"];
    const text = `Deal ID;Montant\n${amounts.map((a, i) => `D${i};${a}`).join("\n")}\n`;
    const p = prepared(text, { mapping: ["Deal ID", "Amount"] });
    expect(column(p, "Amount")).toEqual([1234.56, 12500, 1000000.5, 950]);
  });

  it("reads Swiss amounts grouped with apostrophes", () => {
    const text = "Deal ID,Amount\nD1,CHF 1'234.50\nD2,12'500.–\nD3,\"1'000'000\"\n";
    expect(column(prepared(text), "Amount")).toEqual([1234.5, 12500, 1000000]);
  });

  it("reads Arabic-Indic digits with ٫ and ٬", () => {
    const text = "Deal ID,Amount\nD1,١٬٢٣٤٫٥\nD2,٥٠٠ ر.س\nD3,١٢٬٥٠٠\n";
    expect(column(prepared(text), "Amount")).toEqual([1234.5, 500, 12500]);
  });

  it("keeps one scale in a percent column and reports a fraction among points", () => {
    const text = "Deal ID,Probability\nD1,50\nD2,0.5\nD3,90\nD4,25%\n";
    const p = prepared(text);
    expect(column(p, "Probability")).toEqual([0.5, undefined, 0.9, 0.25]);
    expect(p.problems.map((x) => [x.code, x.line, x.value])).toEqual([["percentScale", 3, "0.5"]]);
  });
});

describe("encodings and delimiters", () => {
  it("imports a Windows-1252 file with the accents and the euro sign intact", () => {
    const text = "Deal ID;Deal Name;Owner;Amount\r\nD1;Café Noël;José García;1.200,50 €\r\n";
    const bytes = new Uint8Array(
      [...text].map((c) => ({ é: 0xe9, ë: 0xeb, í: 0xed, "€": 0x80 })[c] ?? c.charCodeAt(0))
    );
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe("windows-1252");
    const p = prepared(decoded.text);
    expect([column(p, "Deal Name"), column(p, "Owner"), column(p, "Amount")]).toEqual([
      ["Café Noël"],
      ["José García"],
      [1200.5],
    ]);
  });

  it("imports a UTF-16LE tab-delimited file (Excel's Unicode Text)", () => {
    const text = "Deal ID\tDeal Name\tAmount\tStage\tOwner\r\nD1\tشركة النور\t1500\tWon\tSara\r\n";
    const bytes = new Uint8Array(Buffer.from(`\ufeff${text}`, "utf16le"));
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe("utf-16le");
    const p = prepared(decoded.text);
    expect([column(p, "Deal ID"), column(p, "Deal Name"), column(p, "Amount")]).toEqual([
      ["D1"],
      ["شركة النور"],
      [1500],
    ]);
  });

  it("reads a pipe-delimited file", () => {
    const r = parseCsv("Deal ID|Deal Name|Amount\nD1|Alpha, Inc|100\nD2|Beta|200\n");
    expect(r.ok && r.csv.delimiter).toBe("|");
    expect(r.ok && r.csv.rows).toEqual([
      ["D1", "Alpha, Inc", "100"],
      ["D2", "Beta", "200"],
    ]);
  });
});

describe("footers", () => {
  it("reports short rows after a blank line as errors when they do not look like a footer", () => {
    const r = parseCsv(
      "Deal ID,Deal Name,Amount,Stage\nD1,Alpha,100,Won\n\nD2,Beta,200\nD3,Gamma\n"
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toEqual([
        { code: "fieldCount", line: 4, expected: 4, got: 3 },
        { code: "fieldCount", line: 5, expected: 4, got: 2 },
      ]);
  });

  it("drops a totals and copyright footer", () => {
    const r = parseCsv(
      'Deal ID,Amount,Stage\nD1,100,Won\nD2,200,Lost\n\nTotal,300,\n"Copyright (c) Acme"\n'
    );
    expect(r.ok && r.csv.rows.length).toBe(2);
    expect(r.ok && r.csv.footer).toEqual(["Total 300", "Copyright (c) Acme"]);
  });

  it("does not drop a single trailing value that says nothing of a footer", () => {
    const r = parseCsv("Deal ID,Amount\nD1,100\n\nD2\n");
    expect(r.ok).toBe(false);
  });
});

describe("closed dates for every source (issue 12)", () => {
  it("gives a generic file's closed deals their close date as Closed Date", () => {
    const text =
      "Deal ID,Stage,Amount,Close Date\nD1,Closed Won,100,2024-03-01\nD2,Closed Lost,50,2024-03-05\nD3,Negotiation/Review,70,2024-06-30\n";
    const p = prepared(text, { preset: null });
    expect(column(p, "Expected Close")).toEqual([45352, 45356, 45473]);
    expect(column(p, "Closed Date")).toEqual([45352, 45356, undefined]);
  });

  it("keeps a separate won/lost time column and lets Pipedrive's status decide the outcome", () => {
    const text = [
      "Deal - ID,Deal - Title,Deal - Value,Deal - Stage,Deal - Status,Deal - Owner,Deal - Expected close date,Deal - Won time,Deal - Lost time",
      "1,A,100,Proposal Made,won,Sara,2024-03-20,2024-03-18 15:30:00,",
      "2,B,200,Contact Made,lost,Sara,2024-04-10,,2024-04-02 11:00:00",
      "3,C,300,Demo Scheduled,open,Sara,2024-05-15,,",
    ].join("\n");
    const p = prepared(text);
    expect(p.preset?.id).toBe("pipedriveDeals");
    expect(column(p, "Stage")).toEqual(["Won", "Lost", "Demo Scheduled"]);
    const closed = column(p, "Closed Date") as (number | null)[];
    expect(closed[0]).toBe(45369); // the won time, floored to its day, not the expected close
    expect(closed[1]).toBe(45384);
    expect(closed[2] ?? null).toBe(null);
  });
});
