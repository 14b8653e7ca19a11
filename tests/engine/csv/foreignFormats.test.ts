/**
 * The engine rules behind round 4's bug hunt (tests/workbook/importForeignExports.test.ts):
 * currencies as ISO codes, dates in other locales, won/lost stage names in other languages, and
 * the parts of a formatted report sheet.
 */
import { amountCurrency, currencyCode } from "../../../src/engine/csv/currency";
import { readDateShape } from "../../../src/engine/csv/dateText";
import { localizedDateText } from "../../../src/engine/csv/monthNames";
import { importedOutcome } from "../../../src/engine/csv/stageWords";
import { reportRows } from "../../../src/engine/csv/reportRows";
import { prepareImport } from "../../../src/engine/csv/prepare";
import { parseCsv } from "../../../src/engine/csv/parse";
import { describeProblem } from "../../../src/engine/csv/types";
import { Stage } from "../../../src/engine/stages";
import { toSerial } from "../../../src/engine/dates";

describe("currencies", () => {
  it.each([
    ["USD", "USD"],
    ["eur", "EUR"],
    ["US Dollar", "USD"],
    ["Euro", "EUR"],
    ["USD - U.S. Dollar", "USD"],
    ["\u200fريال سعودي\u200f", "SAR"],
    ["€", "EUR"],
    ["ر.س", "SAR"],
    ["", null],
    ["Dollars of Narnia", null],
  ])("the Currency cell %p is %p", (text, code) => expect(currencyCode(text)).toBe(code));

  it.each([
    ["EUR 1,200.00", "EUR"],
    ["(GBP 450.00)", "GBP"],
    ["1.234,56 €", "EUR"],
    ["-1.234,56 €", "EUR"],
    ["R$12,00", "BRL"],
    ["\u200f١٢٬٥٠٠٫٥٠ ر.س\u200f", "SAR"],
    ["$1,200.00", null], // $ is the dollar of many countries: it says nothing
    ["¥5000", null],
    ["1200", null],
    ["12 %", null],
    ["EUR", null], // no number
  ])("the amount %p names %p", (text, code) => expect(amountCurrency(text)).toBe(code));

  const deals = (text: string) => {
    const p = prepareImport(text, { target: "Deals" });
    if (!p.ok) throw new Error("not prepared");
    const { columns, values } = p.value.records;
    return {
      p: p.value,
      currency: values.map((r) => r[columns.indexOf("Currency")]),
      amount: values.map((r) => r[columns.indexOf("Amount")]),
    };
  };

  it("fills the Currency column from the amount cell when the file has none", () => {
    const r = deals(
      "Deal ID,Amount\nD1,EUR 1200\nD2,$5\nD3,1.234,56 €\nD4,(GBP 10)\n".replace(
        "1.234,56 €",
        '"1.234,56 €"'
      )
    );
    expect(r.p.records.columns).toContain("Currency");
    expect(r.currency).toEqual(["EUR", null, "EUR", "GBP"]);
  });

  it("writes names as codes, keeps unknown texts, and rejects a row whose amount names another currency", () => {
    const r = deals(
      "Deal ID,Amount,Currency\nD1,100,US Dollar\nD2,EUR 5,\nD3,7,Bitcoin\nD4,EUR 9,USD\n"
    );
    expect(r.currency.slice(0, 3)).toEqual(["USD", "EUR", "Bitcoin"]);
    const problem = r.p.problems.find((x) => x.code === "currencyMismatch")!;
    expect(problem).toMatchObject({ line: 5, column: "Amount", header: "Amount" });
    expect(describeProblem(problem)).toBe(
      "line 5: the amount and the currency name different currencies (EUR 9 / USD): correct one of them"
    );
    expect(r.p.ready).toBe(3);
  });

  it("leaves a file without currencies as it was, saying which amounts had only a shared symbol", () => {
    const r = deals("Deal ID,Amount\nD1,100\nD2,$5\nD3,($7)\n");
    expect(r.p.records.columns).not.toContain("Currency");
    expect(r.p.records.currencyAssumed).toEqual({ symbol: "$", rows: 2 });
    expect(deals("Deal ID,Amount,Currency\nD1,$5,CAD\n").p.records.currencyAssumed).toBeUndefined();
    expect(deals("Deal ID,Amount\nD1,5\n").p.records.currencyAssumed).toBeUndefined();
  });
});

describe("dates in other locales", () => {
  const serial = (y: number, m: number, d: number) => ({
    kind: "fixed",
    serial: toSerial(y, m, d),
  });
  it.each([
    ["١٥ مارس ٢٠٢٦", [2026, 3, 15]],
    ["\u200f٢٠٢٥/٠٣/١٥\u200f", [2025, 3, 15]],
    ["4 كانون الأول 2026", [2026, 12, 4]],
    ["15. März 2026", [2026, 3, 15]],
    ["4 déc. 2026", [2026, 12, 4]],
    ["15 de marzo de 2026", [2026, 3, 15]],
    ["1 juin 2026", [2026, 6, 1]],
    ["3 Okt 2026", [2026, 10, 3]],
  ])("reads %p", (text, [y, m, d]) => expect(readDateShape(text)).toEqual(serial(y, m, d)));

  it("still refuses words that are not months, and leaves English text alone", () => {
    expect(readDateShape("15 Marble 2026")).toBeNull();
    expect(readDateShape("15 de nada 2026")).toBeNull();
    expect(localizedDateText("Mar 4, 2026")).toBe("Mar 4, 2026");
  });
});

describe("won and lost stage names in other languages", () => {
  it.each([
    ["Gewonnen", Stage.Won],
    ["Abgeschlossen - gewonnen", Stage.Won],
    ["Fermée gagnée", Stage.Won],
    ["Cerrada perdida", Stage.Lost],
    ["مغلقة - ربح", Stage.Won],
    ["مغلقة - خسارة", Stage.Lost],
    ["Closed-Lost to Competition", Stage.Lost],
    ["closedwon", Stage.Won],
    ["Angebot", Stage.Open],
    ["عرض السعر", Stage.Open],
  ])("%p is %p", (name, outcome) => expect(importedOutcome(name)).toBe(outcome));

  it("gives a generic file's closed deal in such a stage its close date as closed date", () => {
    const p = prepareImport(
      "Deal ID;Phase;Abschlussdatum\nD1;Gewonnen;15.03.2026\nD2;Angebot;16.03.2026\n",
      {
        target: "Deals",
        mapping: ["Deal ID", "Stage", "Expected Close"],
      }
    );
    if (!p.ok) throw new Error("not prepared");
    const { columns, values } = p.value.records;
    expect(values.map((r) => r[columns.indexOf("Closed Date")])).toEqual([
      toSerial(2026, 3, 15),
      undefined,
    ]);
  });
});

describe("a formatted report's rows", () => {
  const no = (): boolean => false;
  it("drops title rows, subtotals, the grand total and the footer, and fills grouped cells", () => {
    const rows = [
      ["Opportunities by Owner"],
      ["Filtered By:"],
      ["Owner", "Deal", "Amount"],
      ["Ann", "A1", "5"],
      ["", "A2", "7"],
      ["Subtotal", "", "12"],
      ["Bob", "B1", "1"],
      ["Total (3 records)", "", "13"],
      ["Confidential Information - Do Not Distribute"],
    ];
    const num = (r: number, c: number): boolean => c === 2 && r > 2;
    const shape = reportRows(rows, num);
    expect(shape.header).toBe(2);
    expect(shape.data).toEqual([3, 4, 6]);
    expect([...shape.fill]).toEqual([[4, [[0, 3]]]]);
    expect(shape.dropped).toEqual([
      "Opportunities by Owner",
      "Filtered By:",
      "Subtotal 12",
      "Total (3 records) 13",
      "Confidential Information - Do Not Distribute",
    ]);
  });

  it("keeps a plain sheet as it is: header first, blanks not filled without subtotals, a deal named Total kept", () => {
    const rows = [
      ["Owner", "Deal", "Amount"],
      ["Ann", "A1", "5"],
      ["", "Total", "7"],
      ["Total", "Big deal", "9"],
    ];
    const shape = reportRows(rows, no);
    expect([shape.header, shape.data, shape.dropped, shape.fill.size]).toEqual([
      0,
      [1, 2, 3],
      [],
      0,
    ]);
  });

  it("keeps a one-column sheet's rows", () => {
    const shape = reportRows([["Deal ID"], ["D1"], ["D2"]], no);
    expect([shape.header, shape.data]).toEqual([0, [1, 2]]);
  });
});

describe("a CSV report's totals rows", () => {
  const csv = (lines: string[]) => {
    const p = parseCsv(lines.join("\r\n"));
    if (!p.ok) throw new Error(JSON.stringify(p.issues));
    return p.csv;
  };
  it("drops subtotals and a grand total right under the data, and still finds the footer", () => {
    const c = csv([
      "Owner,Deal,Amount",
      "Ann,A1,5",
      "Subtotal,,5",
      "Bob,B1,$7.00",
      '"Grand Totals (2 records)",,"$12.00"',
      "",
      "Confidential Information - Do Not Distribute",
    ]);
    expect(c.rows).toEqual([
      ["Ann", "A1", "5"],
      ["Bob", "B1", "$7.00"],
    ]);
    expect(c.lines).toEqual([2, 4]);
    expect(c.footer).toEqual([
      "Subtotal 5",
      "Grand Totals (2 records) $12.00",
      "Confidential Information - Do Not Distribute",
    ]);
  });

  it("keeps a deal called Total, and a one-column file's rows", () => {
    expect(csv(["Deal,Stage,Amount", "Total,Closed Won,5"]).rows).toEqual([
      ["Total", "Closed Won", "5"],
    ]);
    expect(csv(["Deal ID", "Total", "D2"]).rows).toEqual([["Total"], ["D2"]]);
  });
});
