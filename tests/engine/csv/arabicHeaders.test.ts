import { autoMap, matchHeader } from "../../../src/engine/csv/mapping";
import { headerKey, WON_LOST_STATUS } from "../../../src/engine/csv/presets";
import { DEALS, LEADS } from "../../../src/model/schema";

describe("headerKey on Arabic", () => {
  it.each([
    ["المَبْلَغ", "المبلغ"], // harakat
    ["المـــبلغ", "المبلغ"], // tatweel
    ["تاريخ الاغلاق", "تاريخ الإغلاق"], // alef with or without hamza
    ["آخر نشاط", "اخر نشاط"],
    ["مرحله الصفقه", "مرحلة الصفقة"], // ha for ta marbuta
    ["مبلغ", "المبلغ"], // the article
    ["اسم صفقة", "اسم الصفقة"],
    ["حالة العميل المحتمل", "حالة العميل المحتمَل"],
    ["\u200fالمرحلة\u200f", "المرحلة"], // bidi marks
    ["المستوى", "المستوي"], // alef maqsura
  ])("reads %p and %p as one key", (a, b) => expect(headerKey(a)).toBe(headerKey(b)));

  it("keeps words of three letters or fewer whole ('الاسم' loses its article, 'الم' does not)", () => {
    expect(headerKey("الاسم")).toBe("اسم");
    expect(headerKey("الم")).toBe("الم");
  });

  it("leaves Latin headers as before", () => {
    expect(headerKey("Probability (%)")).toBe("probability");
    expect(headerKey("Deal - Expected close date")).toBe("deal expected close date");
  });

  it("gives no two Arabic captions of one table the same key unless they are one column", () => {
    for (const spec of [DEALS, LEADS]) {
      const seen = new Map<string, string>();
      for (const c of spec.columns) {
        const k = headerKey(c.caption.ar);
        expect([k, seen.get(k) ?? c.name]).toEqual([k, c.name]);
        seen.set(k, c.name);
      }
    }
  });
});

describe("Arabic CRM headers for Deals", () => {
  it.each([
    // Zoho CRM / HubSpot / Salesforce / Dynamics 365 wording, and variants.
    ["رقم الصفقة", "Deal ID"],
    ["معرّف السجل", "Deal ID"],
    ["اسم الصفقة", "Deal Name"],
    ["اسم الفرصة", "Deal Name"],
    ["الموضوع", "Deal Name"],
    ["اسم الحساب", "Account"],
    ["العميل المحتمل", "Account"],
    ["الشركة المرتبطة", "Account"],
    ["مالك الصفقة", "Owner"],
    ["مالك الفرصة", "Owner"],
    ["المالك", "Owner"],
    ["مرحلة الصفقة", "Stage"],
    ["مرحلة المبيعات", "Stage"],
    ["المرحلة", "Stage"],
    ["المبلغ", "Amount"],
    ["مبلغ", "Amount"],
    ["قيمة الصفقة", "Amount"],
    ["الإيرادات المقدّرة", "Amount"],
    ["العملة", "Currency"],
    ["رمز العملة", "Currency"],
    ["الاحتمالية (%)", "Probability"],
    ["الاحتمال", "Probability"],
    ["تاريخ الإنشاء", "Created"],
    ["وقت الإنشاء", "Created"],
    ["تم الإنشاء في", "Created"],
    ["تاريخ الإغلاق المتوقع", "Expected Close"],
    ["تاريخ الإغلاق المقدر", "Expected Close"],
    ["تاريخ الإغلاق", "Expected Close"],
    ["تاريخ الإقفال", "Expected Close"],
    ["تاريخ الإغلاق الفعلي", "Closed Date"],
    ["تاريخ الفوز", "Closed Date"],
    ["مصدر العميل المحتمل", "Lead Source"],
    ["مصدر العميل المتوقع", "Lead Source"],
    ["المصدر", "Lead Source"],
    ["الحالة", WON_LOST_STATUS],
    ["سبب الخسارة", "Loss Reason"],
    ["فئة التوقع", "Forecast Category"],
    // The entity after the field, or before it as Pipedrive writes it.
    ["مصدر الصفقة", "Lead Source"],
    ["الصفقة - المرحلة", "Stage"],
    ["عملة الفرصة", "Currency"],
  ])("maps %p to %p", (header, column) => expect(matchHeader(header, "Deals")).toBe(column));

  it("does not take Zoho's Expected Revenue (amount × probability) for the amount", () => {
    expect(matchHeader("الإيرادات المتوقعة", "Deals")).toBeNull();
  });

  it("gives 'تاريخ الإغلاق' the expected close, or the closed date when another header has it", () => {
    expect(autoMap(["تاريخ الإغلاق", "المبلغ"], "Deals", null)).toEqual([
      "Expected Close",
      "Amount",
    ]);
    // Our own Arabic captions: both dates, in either order.
    expect(autoMap(["تاريخ الإغلاق", "الإغلاق المتوقع"], "Deals", null)).toEqual([
      "Closed Date",
      "Expected Close",
    ]);
    expect(autoMap(["الإغلاق المتوقع", "تاريخ الإغلاق"], "Deals", null)).toEqual([
      "Expected Close",
      "Closed Date",
    ]);
  });
});

describe("Arabic CRM headers for Leads", () => {
  it.each([
    ["معرف السجل", "Lead ID"],
    ["تاريخ الإنشاء", "Created"],
    ["الاسم الكامل", "Name"],
    ["اسم العميل المحتمل", "Name"],
    ["الشركة", "Company"],
    ["اسم الشركة", "Company"],
    ["البريد الإلكتروني", "Email"],
    ["البريد الالكتروني", "Email"],
    ["رقم الهاتف", "Phone"],
    ["الجوال", "Phone"],
    ["مصدر العميل المحتمل", "Source"],
    ["مالك العميل المحتمل", "Owner"],
    ["حالة العميل المحتمل", "Status"],
    ["حالة العميل المتوقع", "Status"],
    ["الحالة", "Status"],
    ["الدولة", "Country/Region"],
    ["الوصف", "Notes"],
  ])("maps %p to %p", (header, column) => expect(matchHeader(header, "Leads")).toBe(column));
});
