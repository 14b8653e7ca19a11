/**
 * The single source of the names our workbook uses: sheets, tables, columns, their types and
 * the lists that feed dropdowns. Setup, import, the dashboard and the function gallery all read
 * names from here, never from string literals of their own.
 *
 * Table names and column headers are stable identifiers (formulas such as `Deals[Amount]`
 * depend on them and must work in every language); sheet tab names and captions follow the
 * workbook language.
 */

/** Bumped whenever a table or column is added; stored in the workbook to allow upgrades. */
export const SCHEMA_VERSION = 2; // 2: the Rates table and Deals[Reporting Amount] (issue 12)

/** Where the schema version is stored: a workbook setting (ExcelApi 1.4). */
export const SCHEMA_VERSION_SETTING = "salesKpis.schemaVersion";

/** The languages a workbook can be created in. */
export type WorkbookLanguage = "en" | "ar";

/** A text in each workbook language. */
export type Caption = Readonly<Record<WorkbookLanguage, string>>;

/** How a column's cells are typed and formatted. */
export type ColumnType =
  | "text"
  | "id"
  | "date"
  | "datetime"
  | "currency"
  | "number"
  | "integer"
  | "percent"
  | "rate"
  | "flag"
  | "email"
  | "phone";

/** One column of one of our tables. */
export interface ColumnSpec {
  /** The header, a stable identifier used in structured references (`Deals[Amount]`). */
  readonly name: string;
  readonly type: ColumnType;
  /** A caption for people, in each language. */
  readonly caption: Caption;
  /** Column width in points. */
  readonly width: number;
  /** Dropdown values: a fixed list, or a reference to another table's column. */
  readonly list?: readonly string[] | { readonly table: string; readonly column: string };
  /**
   * A derived value: an Excel formula written into the column when the row has no value of its
   * own (e.g. Probability looked up from the Stages table).
   */
  readonly formula?: string;
  /**
   * The column always holds its formula: an import never writes it and no file header maps to it
   * (Deals[Reporting Amount]).
   */
  readonly computed?: boolean;
}

/** One of our tables and the sheet it lives on. */
export interface TableSpec {
  readonly sheetKey: SheetKey;
  /** Excel table name (stable identifier). */
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  /** The column whose value identifies a record (used by import upserts). */
  readonly idColumn?: string;
  /** Cell where the table's header row starts on a new sheet. */
  readonly anchor: string;
}

/** Keys of the sheets setup creates. */
export type SheetKey =
  "leads" | "deals" | "pricing" | "competitors" | "settings" | "dashboard" | "history";

/** One sheet: its tab name per language. */
export interface SheetSpec {
  readonly key: SheetKey;
  readonly name: Caption;
}

/** Our sheets, in tab order. */
export const SHEETS: readonly SheetSpec[] = [
  { key: "dashboard", name: { en: "Dashboard", ar: "لوحة المعلومات" } },
  { key: "leads", name: { en: "Leads", ar: "العملاء المحتملون" } },
  { key: "deals", name: { en: "Deals", ar: "الصفقات" } },
  { key: "pricing", name: { en: "Pricing", ar: "التسعير" } },
  { key: "competitors", name: { en: "Competitors", ar: "المنافسون" } },
  { key: "settings", name: { en: "Settings", ar: "الإعدادات" } },
  // "History" itself is a name Excel reserves for sheets (Track Changes).
  { key: "history", name: { en: "Pipeline History", ar: "سجل خط المبيعات" } },
];

/**
 * The sheet spec for a key.
 *
 * @param key the sheet key
 * @returns its spec
 * @example
 * sheet("deals").name.en; // "Deals"
 */
export function sheet(key: SheetKey): SheetSpec {
  const found = SHEETS.find((s) => s.key === key);
  if (!found) throw new Error(`unknown sheet key ${key}`);
  return found;
}

function c(
  name: string,
  type: ColumnType,
  en: string,
  ar: string,
  width: number,
  extra: Partial<Pick<ColumnSpec, "list" | "formula" | "computed">> = {}
): ColumnSpec {
  return { name, type, caption: { en, ar }, width, ...extra };
}

/** Lead statuses (Salesforce's defaults, which HubSpot's map onto). */
export const LEAD_STATUSES = [
  "Open - Not Contacted",
  "Working - Contacted",
  "Closed - Converted",
  "Closed - Not Converted",
] as const;

/** Lead sources offered in the dropdown. */
export const LEAD_SOURCES = [
  "Web",
  "Organic Search",
  "Paid Search",
  "Social Media",
  "Email",
  "Referral",
  "Event",
  "Partner",
  "Cold Call",
  "Other",
] as const;

/** Salesforce forecast categories. */
export const FORECAST_CATEGORIES = [
  "Pipeline",
  "Best Case",
  "Commit",
  "Closed",
  "Omitted",
] as const;

/** Competitor threat levels. */
export const THREAT_LEVELS = ["Low", "Medium", "High"] as const;

/** Competitor price positions. */
export const PRICE_POSITIONS = ["Lower", "Similar", "Higher"] as const;

/** Names of the tables, for structured references. */
export const TABLES = {
  leads: "Leads",
  deals: "Deals",
  pricing: "Pricing",
  competitors: "Competitors",
  stages: "Stages",
  targets: "Targets",
  owners: "Owners",
  history: "History",
  snapshots: "Snapshots",
  rates: "Rates",
} as const;

/** Workbook-level names (named items) we define, e.g. for the dashboard filters. */
export const NAMES = {
  currency: "SalesCurrency",
  fiscalYearStart: "SalesFiscalYearStart",
} as const;

/** The Leads table. */
export const LEADS: TableSpec = {
  sheetKey: "leads",
  name: TABLES.leads,
  anchor: "A1",
  idColumn: "Lead ID",
  columns: [
    c("Lead ID", "id", "Lead ID", "معرّف العميل المحتمل", 90),
    c("Created", "datetime", "Created", "تاريخ الإنشاء", 120),
    c("Name", "text", "Name", "الاسم", 140),
    c("Company", "text", "Company", "الشركة", 140),
    c("Email", "email", "Email", "البريد الإلكتروني", 170),
    c("Phone", "phone", "Phone", "الهاتف", 110),
    c("Source", "text", "Source", "المصدر", 110, { list: LEAD_SOURCES }),
    c("Owner", "text", "Owner", "المسؤول", 110, {
      list: { table: TABLES.owners, column: "Owner" },
    }),
    c("Status", "text", "Status", "الحالة", 150, { list: LEAD_STATUSES }),
    c("First Contact", "datetime", "First contact", "أول تواصل", 120),
    c("Converted", "flag", "Converted", "تم التحويل", 80, { list: ["TRUE", "FALSE"] }),
    c("Converted Date", "date", "Converted date", "تاريخ التحويل", 100),
    c("Country/Region", "text", "Country/Region", "الدولة/المنطقة", 110),
    c("Notes", "text", "Notes", "ملاحظات", 200),
  ],
};

/**
 * Deals[Reporting Amount]: the amount in the reporting currency (Settings, `SalesCurrency`).
 * Blank when Amount is blank (so an empty row stays empty). A deal with no currency or the reporting one keeps its Amount; another currency is multiplied
 * by its rate from the Rates table; with no usable rate (missing, blank, zero or text) the cell
 * is "" so that every amount figure of the dashboard leaves the deal out (SUMIFS ignores text)
 * and the dashboard names it. Currency codes compare case-insensitively, as Excel's `=` and MATCH do.
 */
export const REPORTING_AMOUNT = "Reporting Amount";

/** The formula of Deals[Reporting Amount] (see {@link REPORTING_AMOUNT}). */
export const REPORTING_AMOUNT_FORMULA = ((): string => {
  const code = "TRIM([@Currency])";
  const rate = `INDEX(${TABLES.rates}[Rate],MATCH(${code},${TABLES.rates}[Currency],0))`;
  return (
    `=IF([@Amount]="","",IF(OR(${code}="",${code}=${NAMES.currency}),[@Amount],` +
    `IFERROR(IF(${rate}>0,[@Amount]*${rate},""),"")))`
  );
})();

/** The Deals table. */
export const DEALS: TableSpec = {
  sheetKey: "deals",
  name: TABLES.deals,
  anchor: "A1",
  idColumn: "Deal ID",
  columns: [
    c("Deal ID", "id", "Deal ID", "معرّف الصفقة", 90),
    c("Deal Name", "text", "Deal name", "اسم الصفقة", 170),
    c("Account", "text", "Account", "الحساب", 140),
    c("Owner", "text", "Owner", "المسؤول", 110, {
      list: { table: TABLES.owners, column: "Owner" },
    }),
    c("Stage", "text", "Stage", "المرحلة", 150, {
      list: { table: TABLES.stages, column: "Stage" },
    }),
    c("Amount", "currency", "Amount", "القيمة", 100),
    c("Currency", "text", "Currency", "العملة", 70),
    c("Probability", "percent", "Probability", "الاحتمال", 80, {
      formula: '=IFERROR(INDEX(Stages[Probability],MATCH([@Stage],Stages[Stage],0)),"")',
    }),
    c("Forecast Category", "text", "Forecast category", "فئة التوقع", 120, {
      list: FORECAST_CATEGORIES,
    }),
    c("Created", "date", "Created", "تاريخ الإنشاء", 100),
    c("Expected Close", "date", "Expected close", "الإغلاق المتوقع", 100),
    c("Closed Date", "date", "Closed date", "تاريخ الإغلاق", 100),
    c("Lead Source", "text", "Lead source", "مصدر العميل", 110, { list: LEAD_SOURCES }),
    c("Product", "text", "Product", "المنتج", 130),
    c("Quantity", "integer", "Quantity", "الكمية", 70),
    c("List Price", "currency", "List price", "سعر القائمة", 90),
    c("Competitor", "text", "Competitor", "المنافس", 120),
    c("Last Activity", "date", "Last activity", "آخر نشاط", 100),
    c("Loss Reason", "text", "Loss reason", "سبب الخسارة", 140),
    c("Next Step", "text", "Next step", "الخطوة التالية", 160),
    // Last, where Setup appends it to a Deals table made before it existed: old and new alike.
    c(REPORTING_AMOUNT, "currency", "Amount in reporting currency", "القيمة بعملة التقارير", 110, {
      formula: REPORTING_AMOUNT_FORMULA,
      computed: true,
    }),
  ],
};

/** The Pricing table. */
export const PRICING: TableSpec = {
  sheetKey: "pricing",
  name: TABLES.pricing,
  anchor: "A1",
  idColumn: "SKU",
  columns: [
    c("SKU", "id", "SKU", "رمز المنتج", 90),
    c("Product", "text", "Product", "المنتج", 150),
    c("Category", "text", "Category", "الفئة", 110),
    c("List Price", "currency", "List price", "سعر القائمة", 90),
    c("Unit Cost", "currency", "Unit cost", "تكلفة الوحدة", 90),
    c("Minimum Price", "currency", "Minimum price", "الحد الأدنى للسعر", 100),
    c("Currency", "text", "Currency", "العملة", 70),
    c("Effective From", "date", "Effective from", "ساري من", 100),
    c("Notes", "text", "Notes", "ملاحظات", 200),
  ],
};

/** The Competitors table. */
export const COMPETITORS: TableSpec = {
  sheetKey: "competitors",
  name: TABLES.competitors,
  anchor: "A1",
  idColumn: "Competitor",
  columns: [
    c("Competitor", "text", "Competitor", "المنافس", 140),
    c("Segment", "text", "Segment", "الشريحة", 110),
    c("Price Position", "text", "Price position", "موقع السعر", 100, { list: PRICE_POSITIONS }),
    c("Strengths", "text", "Strengths", "نقاط القوة", 200),
    c("Weaknesses", "text", "Weaknesses", "نقاط الضعف", 200),
    c("Threat Level", "text", "Threat level", "مستوى التهديد", 90, { list: THREAT_LEVELS }),
    c("Last Move Date", "date", "Last move date", "تاريخ آخر تحرك", 100),
    c("Last Move", "text", "Last move", "آخر تحرك", 200),
  ],
};

/** The Stages table on the Settings sheet: the pipeline, in order. */
export const STAGES: TableSpec = {
  sheetKey: "settings",
  name: TABLES.stages,
  anchor: "A4",
  columns: [
    c("Stage", "text", "Stage", "المرحلة", 150),
    c("Probability", "percent", "Probability", "الاحتمال", 80),
    c("Forecast Category", "text", "Forecast category", "فئة التوقع", 120, {
      list: FORECAST_CATEGORIES,
    }),
    c("Is Won", "flag", "Is won", "فوز", 60, { list: ["TRUE", "FALSE"] }),
    c("Is Lost", "flag", "Is lost", "خسارة", 60, { list: ["TRUE", "FALSE"] }),
  ],
};

/** The Targets table on the Settings sheet: monthly quota per owner. */
export const TARGETS: TableSpec = {
  sheetKey: "settings",
  name: TABLES.targets,
  anchor: "G4",
  columns: [
    c("Month", "date", "Month", "الشهر", 90),
    c("Owner", "text", "Owner", "المسؤول", 110, {
      list: { table: TABLES.owners, column: "Owner" },
    }),
    c("Target", "currency", "Target", "المستهدف", 100),
  ],
};

/** The Owners table on the Settings sheet: the sales reps, feeding the Owner dropdowns. */
export const OWNERS: TableSpec = {
  sheetKey: "settings",
  name: TABLES.owners,
  anchor: "K4",
  columns: [c("Owner", "text", "Owner", "المسؤول", 130), c("Team", "text", "Team", "الفريق", 110)],
};

/**
 * The Rates table on the Settings sheet: one row per currency, how many units of the reporting
 * currency one unit of it is worth (EUR 1.08 with USD reporting). Empty until the user fills it.
 */
export const RATES: TableSpec = {
  sheetKey: "settings",
  name: TABLES.rates,
  anchor: "N4",
  columns: [
    c("Currency", "text", "Currency", "العملة", 70),
    c("Rate", "rate", "Rate to reporting currency", "السعر بعملة التقارير", 90),
  ],
};

/** Outcomes a History row records (see src/engine/history/snapshot.ts). */
export const OUTCOMES = ["Open", "Won", "Lost", "Removed"] as const;

/**
 * The History table: the deals that changed at each snapshot (every deal in the first one), one
 * row each, appended by every deals import. Headers match HISTORY_COLUMNS of the engine.
 */
export const HISTORY: TableSpec = {
  sheetKey: "history",
  name: TABLES.history,
  anchor: "A1",
  columns: [
    c("Snapshot", "date", "Snapshot", "اللقطة", 100),
    c("Deal ID", "id", "Deal ID", "معرّف الصفقة", 90),
    c("Stage", "text", "Stage", "المرحلة", 150),
    c("Outcome", "text", "Outcome", "النتيجة", 80, { list: OUTCOMES }),
    c("Amount", "currency", "Amount", "القيمة", 100),
    c("Close Date", "date", "Close date", "تاريخ الإغلاق", 100),
    c("Owner", "text", "Owner", "المسؤول", 110),
    c("Forecast Category", "text", "Forecast category", "فئة التوقع", 120, {
      list: FORECAST_CATEGORIES,
    }),
  ],
};

/** The snapshot index beside History: one row per snapshot date, even one with no change. */
export const SNAPSHOTS: TableSpec = {
  sheetKey: "history",
  name: TABLES.snapshots,
  anchor: "K1",
  columns: [
    c("Snapshot", "date", "Snapshot", "اللقطة", 100),
    c("Deals", "integer", "Deals", "الصفقات", 70),
    c("Open Pipeline", "currency", "Open pipeline", "خط المبيعات المفتوح", 120),
    c("Changes", "integer", "Changes", "التغييرات", 80),
  ],
};

/** Every table setup creates, in creation order (lookup tables before the tables that use them). */
export const ALL_TABLES: readonly TableSpec[] = [
  STAGES,
  TARGETS,
  OWNERS,
  RATES,
  LEADS,
  DEALS,
  PRICING,
  COMPETITORS,
  HISTORY,
  SNAPSHOTS,
];

/** Single settings cells on the Settings sheet (label in column A, value in column B). */
export const SETTINGS_CELLS = {
  currency: { label: { en: "Currency", ar: "العملة" }, address: "B1", default: "USD" },
  fiscalYearStart: {
    label: { en: "Fiscal year starts in month", ar: "بداية السنة المالية (الشهر)" },
    address: "B2",
    default: 1,
  },
} as const;

/**
 * Finds a table spec by table name.
 *
 * @param name the Excel table name
 * @returns the spec, or undefined for a table that is not ours
 * @example
 * tableSpec("Deals")?.idColumn; // "Deal ID"
 */
export function tableSpec(name: string): TableSpec | undefined {
  return ALL_TABLES.find((t) => t.name.toLowerCase() === name.toLowerCase());
}

/**
 * Excel number format for a column type. Formats use Excel's invariant codes, which Excel shows
 * in the user's locale.
 *
 * @param type the column type
 * @param currency ISO currency code for currency columns
 * @returns the number format, or "@" for text, or "General"
 * @example
 * numberFormatFor("percent"); // "0%"
 */
export function numberFormatFor(type: ColumnType, currency = "USD"): string {
  switch (type) {
    case "date":
      return "yyyy-mm-dd";
    case "datetime":
      return "yyyy-mm-dd hh:mm";
    case "currency":
      return currency === "USD" ? "$#,##0.00" : `#,##0.00 "${currency}"`;
    case "percent":
      return "0%";
    case "integer":
      return "#,##0";
    case "rate":
      // Rates span orders of magnitude (JPY 0.0067, KWD 3.25): up to six decimals.
      return "0.00####";
    case "number":
      return "#,##0.00";
    case "id":
    case "text":
    case "email":
    case "phone":
      return "@";
    case "flag":
    default:
      return "General";
  }
}
