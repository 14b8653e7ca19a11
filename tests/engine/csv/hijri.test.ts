import { isHijriDate } from "../../../src/engine/csv/hijri";
import { prepareImport } from "../../../src/engine/csv/prepare";
import { errors } from "../../../src/engine/messages";

const arDigits = (t: string): string => t.replace(/\d/g, (c) => String.fromCharCode(0x660 + +c));

describe("isHijriDate", () => {
  it.each([
    "1448/06/15",
    "1448-06-15",
    "15/06/1448",
    "15.06.1448",
    "1447/09/30 10:30",
    arDigits("1448/06/15"),
    `\u200f${arDigits("15/06/1448")}\u200f`,
    "15/06/48 هـ",
    `${arDigits("1448/06/15")} هـ`,
    "1448هـ 06 15",
    "15 جمادى الآخرة 1448",
    "١٥ جُمادى الأولى ١٤٤٨",
    "1 محرم 1448",
    "29 ذو الحجة 1447",
    "29 ذي القعدة 1447",
    "3 ربيع الأول 1448",
    "12 رمضان 1447",
    "15 Jumada al-Akhirah 1448",
    "1 Ramadan 1447",
    "10 Dhu al-Hijjah 1447",
  ])("reads %p as Hijri", (text) => expect(isHijriDate(text)).toBe(true));

  it.each([
    "2026-06-15",
    "15/06/2026",
    "06/15/2026",
    "15 يونيو 2026",
    arDigits("15 مارس 2026"),
    "45000",
    "1448", // a number alone is no date
    "صفر", // "zero", with no date around it
    "",
    "2026-13-45",
    "1448/13/01", // no 13th month
    "1448/06/31", // Hijri months have at most 30 days
    "1299/06/15",
    "1501/06/15",
  ])("does not read %p as Hijri", (text) => expect(isHijriDate(text)).toBe(false));
});

describe("a Hijri date column in an import", () => {
  const text = [
    "رقم الصفقة,اسم الصفقة,المبلغ,تاريخ الإغلاق,تاريخ الإنشاء",
    "D-1,أ,100,2026-06-15,2026-01-02",
    "D-2,ب,200,1448/06/15,1447/07/01",
    "D-3,ج,300,1448/07/01,1447/08/01",
    "D-4,د,400,,1447/08/03",
  ].join("\n");

  it("is refused with the catalogue's message naming the column, the first line and the fix", () => {
    const p = prepareImport(text, { target: "Deals" });
    if (!p.ok) throw new Error("not prepared");
    const hijri = p.value.records.hijri ?? [];
    // The file's lines: header = 1, so D-2 is line 3; counts are computed from the rows above.
    const rows = text.split("\n").slice(1);
    const count = (col: number): number =>
      rows.filter((r) => /^1[34]\d\d\//.test(r.split(",")[col])).length;
    // In table order: Created comes before Expected Close in Deals.
    expect(hijri.map((h) => [h.column, h.header, h.line, h.value, h.count])).toEqual([
      ["Created", "تاريخ الإنشاء", 3, "1447/07/01", count(4)],
      ["Expected Close", "تاريخ الإغلاق", 3, "1448/06/15", count(3)],
    ]);
    const e = hijri.find((h) => h.column === "Expected Close")!.error;
    expect(e).toEqual(errors.hijriDates("تاريخ الإغلاق", 3, "1448/06/15", count(3)));
    expect(e.message).toContain('column "تاريخ الإغلاق" holds Hijri dates');
    expect(e.message).toContain("line 3");
    expect(e.message).toContain("Export the file again with Gregorian dates");
    expect(e.ar).toContain("تواريخ هجرية");
    expect(e.ar).toContain("السطر 3");
    expect(e.ar).toContain("بالتواريخ الميلادية");
  });

  it("says nothing of a Gregorian file", () => {
    const p = prepareImport(text.split("\n").slice(0, 2).join("\n"), { target: "Deals" });
    if (!p.ok) throw new Error("not prepared");
    expect(p.value.records.hijri).toEqual([]);
  });
});
