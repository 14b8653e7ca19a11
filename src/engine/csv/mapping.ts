/**
 * Header mapping: which of our columns each header of the file goes into. A preset's aliases
 * come first; any other header is matched by its normalized name against our column names, their
 * English and Arabic captions and a list of common synonyms, then again without an entity prefix
 * ("Deal - Value" → "value"). Headers that match nothing stay unmapped and are listed for the
 * user, never silently dropped.
 *
 * A mapping is one entry per header of the file (same order): our column name, or null.
 */
import { ColumnSpec, DEALS, LEADS, TableSpec } from "../../model/schema";
import { headerKey, Preset, WON_LOST_STATUS } from "./presets";
import { ImportTarget } from "./types";

/** Our column (or WON_LOST_STATUS) per header of the file, null for an unmapped header. */
export type Mapping = readonly (string | null)[];

/**
 * The table spec of an import target.
 *
 * @param target "Leads" or "Deals"
 * @returns LEADS or DEALS from the schema
 * @example
 * targetSpec("Deals").idColumn; // "Deal ID"
 */
export function targetSpec(target: ImportTarget): TableSpec {
  return target === "Leads" ? LEADS : DEALS;
}

/**
 * The choices a header can be mapped to: the target's columns, plus the won/lost status for
 * Deals.
 *
 * @param target "Leads" or "Deals"
 * @returns column names in table order
 * @example
 * mappingTargets("Deals").includes("Won/Lost Status"); // true
 */
export function mappingTargets(target: ImportTarget): readonly string[] {
  // A computed column (Reporting Amount) always keeps its formula: nothing maps to it.
  const names = targetSpec(target)
    .columns.filter((c: ColumnSpec) => !c.computed)
    .map((c: ColumnSpec) => c.name);
  return target === "Deals" ? [...names, WON_LOST_STATUS] : names;
}

/** Synonyms seen in CRM and spreadsheet exports beyond our own names and captions. */
const SYNONYMS: Readonly<Record<ImportTarget, Readonly<Record<string, readonly string[]>>>> = {
  Deals: {
    // "(Do Not Modify) Opportunity": the hidden id column of a Dynamics 365 export.
    "Deal ID": [
      "record id",
      "id",
      "opportunity id",
      "deal number",
      "do not modify opportunity",
      "رقم الصفقة",
      // HubSpot's internal property names, the headers of its API-based exports.
      "hs object id",
      "معرف السجل",
      "رقم السجل",
      "معرف الفرصة",
      "رقم الفرصة",
    ],
    "Deal Name": [
      "name",
      "title",
      "deal title",
      "dealname",
      "opportunity name",
      "opportunity",
      "deal",
      "topic",
      "اسم الفرصة",
      "اسم الفرصة البيعية",
      "الموضوع",
      "الصفقة",
      "الفرصة",
      "الاسم",
    ],
    Account: [
      "account name",
      "company",
      "company name",
      "organization",
      "organisation",
      "associated company",
      "customer",
      "client",
      "potential customer",
      "اسم الحساب",
      "الشركة",
      "اسم الشركة",
      "الشركة المرتبطة",
      "المؤسسة",
      "العميل",
      "اسم العميل",
      "العميل المحتمل",
    ],
    Owner: [
      "deal owner",
      "opportunity owner",
      "sales rep",
      "salesperson",
      "assigned to",
      "owner name",
      "مالك الصفقة",
      "مالك الفرصة",
      "المالك",
      "مندوب المبيعات",
      "موظف المبيعات",
      "مسؤول المبيعات",
      "البائع",
      "مسند إلى",
    ],
    Stage: [
      "deal stage",
      "dealstage",
      "pipeline stage",
      "sales stage",
      "stage name",
      "pipeline phase",
      "مرحلة الصفقة",
      "مرحلة المبيعات",
      "مرحلة البيع",
      "مرحلة المسار",
    ],
    Amount: [
      "value",
      "deal value",
      "deal amount",
      "total",
      "revenue",
      "est revenue",
      "estimated revenue",
      "المبلغ",
      "مبلغ الصفقة",
      "قيمة الصفقة",
      "الإيرادات",
      "الإيراد",
      // Dynamics 365's "Est. Revenue" is the deal's amount; Zoho's and Salesforce's "Expected
      // Revenue" (الإيرادات المتوقعة) is amount × probability, so it is not listed, as in English.
      "الإيرادات المقدرة",
      "الإيراد المقدر",
    ],
    Currency: [
      "currency code",
      "deal currency code",
      "currency of value",
      "رمز العملة",
      "عملة الصفقة",
      "عملة الفرصة",
    ],
    Probability: [
      "win probability",
      "probability %",
      "الاحتمالية",
      "احتمالية الفوز",
      "احتمال الفوز",
      "نسبة الاحتمال",
      "النسبة المئوية للإقفال",
    ],
    "Forecast Category": ["forecast", "فئة التنبؤ", "التوقع"],
    Created: [
      "create date",
      "created date",
      "created at",
      "creation date",
      "date created",
      "deal created",
      "created on",
      "created time",
      "createdate",
      "وقت الإنشاء",
      "تم الإنشاء في",
      "تاريخ إنشاء الصفقة",
    ],
    "Expected Close": [
      "close date",
      "closing date",
      "expected close date",
      "estimated close date",
      "est close date",
      "closedate",
      "تاريخ الإغلاق المتوقع",
      "تاريخ الإغلاق المقدر",
      "تاريخ الإقفال المتوقع",
    ],
    "Closed Date": [
      "won time",
      "actual close date",
      "date closed",
      "closed at",
      "won date",
      "تاريخ الإغلاق الفعلي",
      "تاريخ الإقفال الفعلي",
      "تاريخ الفوز",
      "وقت الفوز",
    ],
    "Lead Source": [
      "source",
      "original source",
      "مصدر العميل المحتمل",
      "مصدر العميل المتوقع",
      "المصدر",
      "المصدر الأصلي",
    ],
    Competitor: ["competitors", "primary competitor", "المنافسون", "المنافس الرئيسي"],
    "Last Activity": [
      "last activity date",
      "last contacted",
      "notes last updated",
      "تاريخ آخر نشاط",
      "آخر اتصال",
    ],
    "Loss Reason": ["lost reason", "closed lost reason", "reason lost", "سبب الفقدان"],
    [WON_LOST_STATUS]: ["status", "deal status", "won lost", "outcome", "الحالة", "حالة الصفقة"],
  },
  Leads: {
    "Lead ID": [
      "record id",
      "id",
      "contact id",
      "hs object id",
      "معرف السجل",
      "رقم السجل",
      "معرف جهة الاتصال",
      "معرف العميل المتوقع",
    ],
    Created: [
      "create date",
      "created date",
      "created at",
      "date created",
      "created on",
      "createdate",
      "وقت الإنشاء",
      "تم الإنشاء في",
    ],
    Name: [
      "full name",
      "contact name",
      "lead name",
      "الاسم الكامل",
      "اسم جهة الاتصال",
      "اسم العميل المحتمل",
      "اسم العميل المتوقع",
    ],
    Company: [
      "company name",
      "account",
      "account name",
      "organization",
      "associated company",
      "company account",
      "اسم الشركة",
      "الحساب",
      "اسم الحساب",
      "المؤسسة",
      "الشركة المرتبطة",
    ],
    Email: ["email address", "e mail", "عنوان البريد الإلكتروني", "البريد", "الإيميل"],
    Phone: [
      "phone number",
      "mobile",
      "mobile phone number",
      "telephone",
      "رقم الهاتف",
      "الجوال",
      "رقم الجوال",
      "الهاتف المحمول",
      "الموبايل",
    ],
    Source: [
      "lead source",
      "original source",
      "channel",
      "hs analytics source",
      "مصدر العميل المحتمل",
      "مصدر العميل المتوقع",
      "مصدر العميل",
      "المصدر الأصلي",
      "القناة",
    ],
    Owner: [
      "lead owner",
      "contact owner",
      "assigned to",
      "sales rep",
      "مالك العميل المحتمل",
      "مالك العميل المتوقع",
      "مالك جهة الاتصال",
      "المالك",
      "مسند إلى",
      "مندوب المبيعات",
    ],
    Status: [
      "lead status",
      "hs lead status",
      "حالة العميل المحتمل",
      "حالة العميل المتوقع",
      "حالة العميل",
      "سبب الحالة",
    ],
    "First Contact": ["first contacted", "first outreach", "first response", "أول اتصال"],
    Converted: ["is converted", "محول"],
    "Converted Date": ["conversion date"],
    "Country/Region": ["country", "region", "الدولة", "البلد", "المنطقة"],
    Notes: ["description", "comments", "note", "الوصف", "التعليقات", "ملاحظة"],
  },
};

/**
 * Arabic's "Close Date" (تاريخ الإغلاق, تاريخ الإقفال) is our Deals caption for Closed Date, but in
 * a CRM's export it is the close date of every deal, expected while open (as "Close Date" is in
 * English): it goes to Expected Close, and to Closed Date only when another header of the file
 * already gives Expected Close (a file made from our own Arabic captions).
 */
const TWO_CHOICES: Readonly<
  Record<ImportTarget, Readonly<Record<string, readonly [first: string, second: string]>>>
> = {
  Deals: {
    "تاريخ الإغلاق": ["Expected Close", "Closed Date"],
    "تاريخ الإقفال": ["Expected Close", "Closed Date"],
  },
  Leads: {},
};

/** Prefixes of "Entity - Field" headers (Pipedrive and others). */
const ENTITY_PREFIX = /^(?:deal|lead|opportunity|contact|person|organization|account) /;
/**
 * The entity in Arabic, after the field ("مرحلة الصفقة" = deal stage) or before it as Pipedrive
 * writes it ("الصفقة - القيمة"), as header keys (see headerKey: no article, ة as ه).
 */
const ARABIC_ENTITY = "(?:صفقه|فرصه(?: بيعيه)?|عميل (?:محتمل|متوقع)|جهه اتصال)";
const ARABIC_ENTITY_SUFFIX = new RegExp(` ${ARABIC_ENTITY}$`);
const ARABIC_ENTITY_PREFIX = new RegExp(`^${ARABIC_ENTITY} `);

const keyIndex = new Map<ImportTarget, Map<string, string>>();

/** Header key → our column for a target: names and captions first, then synonyms. */
function index(target: ImportTarget): Map<string, string> {
  let map = keyIndex.get(target);
  if (map) return map;
  map = new Map<string, string>();
  const put = (key: string, column: string): void => {
    if (key !== "" && !map!.has(key)) map!.set(key, column);
  };
  for (const [key, [first]] of Object.entries(TWO_CHOICES[target])) put(headerKey(key), first);
  for (const c of targetSpec(target).columns.filter((s) => !s.computed)) {
    put(headerKey(c.name), c.name);
    put(headerKey(c.caption.en), c.name);
    put(headerKey(c.caption.ar), c.name);
  }
  if (target === "Deals") put(headerKey(WON_LOST_STATUS), WON_LOST_STATUS);
  for (const [column, words] of Object.entries(SYNONYMS[target])) {
    for (const w of words) put(headerKey(w), column);
  }
  keyIndex.set(target, map);
  return map;
}

/**
 * The column a header matches by name alone (no preset), or null.
 *
 * @param header the header text
 * @param target "Leads" or "Deals"
 * @returns our column name, or null
 * @example
 * matchHeader("Closing Date", "Deals"); // "Expected Close"
 * matchHeader("Deal - Value", "Deals"); // "Amount"
 */
export function matchHeader(header: string, target: ImportTarget): string | null {
  const map = index(target);
  const key = headerKey(header);
  const direct = map.get(key);
  if (direct) return direct;
  for (const entity of [ENTITY_PREFIX, ARABIC_ENTITY_PREFIX, ARABIC_ENTITY_SUFFIX]) {
    const bare = key.replace(entity, "");
    if (bare !== key && bare !== "" && map.has(bare)) return map.get(bare)!;
  }
  return null;
}

/** The column a header goes to when its first choice is taken by another header, or null. */
function secondChoice(header: string, target: ImportTarget): string | null {
  const key = headerKey(header);
  for (const [k, [, second]] of Object.entries(TWO_CHOICES[target])) {
    if (headerKey(k) === key) return second;
  }
  return null;
}

/**
 * Maps every header of a file to one of our columns. A preset's aliases may send several headers
 * to one column (First Name + Last Name → Name); matching by name gives each column to the first
 * header that claims it, and later claimants stay unmapped.
 *
 * @param headers the file's headers
 * @param target "Leads" or "Deals"
 * @param preset the detected export, used only when it fills the same target
 * @returns one column name or null per header
 * @example
 * autoMap(["Record ID", "Deal Stage", "Color"], "Deals", presetById("hubspotDeals") ?? null);
 * // ["Deal ID", "Stage", null]
 */
export function autoMap(
  headers: readonly string[],
  target: ImportTarget,
  preset: Preset | null
): Mapping {
  const usePreset = preset !== null && preset.target === target;
  const out: (string | null)[] = headers.map(() => null);
  const claimed = new Set<string>();
  if (usePreset) {
    headers.forEach((h, i) => {
      const column = preset.aliases[headerKey(h)];
      if (column) {
        out[i] = column;
        claimed.add(column);
      }
    });
  }
  // Headers with a second choice wait until every other header has claimed its column.
  const deferred: number[] = [];
  headers.forEach((h, i) => {
    if (out[i] !== null) return;
    if (secondChoice(h, target) !== null) {
      deferred.push(i);
      return;
    }
    const column = matchHeader(h, target);
    if (column && !claimed.has(column)) {
      out[i] = column;
      claimed.add(column);
    }
  });
  for (const i of deferred) {
    const first = matchHeader(headers[i], target);
    const column = first && !claimed.has(first) ? first : secondChoice(headers[i], target);
    if (column && !claimed.has(column)) {
      out[i] = column;
      claimed.add(column);
    }
  }
  return out;
}

/**
 * The headers a mapping leaves out, to show the user.
 *
 * @param headers the file's headers
 * @param mapping the mapping
 * @returns the unmapped headers with their 0-based index
 * @example
 * unmappedHeaders(["A", "Amount"], [null, "Amount"]); // [{ index: 0, header: "A" }]
 */
export function unmappedHeaders(
  headers: readonly string[],
  mapping: Mapping
): { readonly index: number; readonly header: string }[] {
  const out: { index: number; header: string }[] = [];
  headers.forEach((header, index) => {
    if (!mapping[index]) out.push({ index, header });
  });
  return out;
}

/**
 * Checks a mapping handed in from outside (the task pane): one entry per header, each null or a
 * column of the target.
 *
 * @param mapping the mapping
 * @param headerCount the number of headers in the file
 * @param target "Leads" or "Deals"
 * @returns null when valid, else the first wrong entry as English text
 * @example
 * checkMapping(["Amount"], 1, "Deals"); // null
 * checkMapping(["Colour"], 1, "Deals"); // 'header 1 is mapped to "Colour", not a column of Deals'
 */
export function checkMapping(
  mapping: Mapping,
  headerCount: number,
  target: ImportTarget
): string | null {
  if (mapping.length !== headerCount) {
    return `the mapping has ${mapping.length} entries, the file has ${headerCount} headers`;
  }
  const allowed = new Set(mappingTargets(target));
  for (let i = 0; i < mapping.length; i++) {
    const m = mapping[i];
    if (m !== null && !allowed.has(m)) {
      return `header ${i + 1} is mapped to ${JSON.stringify(m)}, not a column of ${target}`;
    }
  }
  return null;
}
