import { AreaCatalogue } from "../i18n/types";
import type { StalePart } from "./nextStep";

type Key =
  | "title"
  | "loading"
  | "unknown"
  | "readAgain"
  | "setupLabel"
  | "setupNone"
  | "setupDone"
  | "setupDoneUnknownLanguage"
  | "setupPartial"
  | "dealsLabel"
  | "leadsLabel"
  | "rowsNone"
  | "rows"
  | "sampleRows"
  | "lastImport"
  | "importCounts"
  | "noImport"
  | "noExchangeRate"
  | "dashboardLabel"
  | "dashboardNone"
  | "dashboardBuilt"
  | "goTo"
  | "goToLabel"
  | "goToRates"
  | "nextTitle"
  | "nextSetup"
  | "nextImport"
  | "nextImportButton"
  | "nextBuild"
  | "nextBuildButton"
  | "nextReview"
  | "nextReviewButton"
  | "nextRebuild"
  | "nextRebuildButton"
  | StalePart["key"]
  | "importNewer"
  | "setupCard";

/** Strings of the Home view (where the workbook stands and the next step). */
export const home: AreaCatalogue<Key> = {
  en: {
    title: "Your workbook",
    loading: "Reading the workbook…",
    unknown: "The workbook could not be read just now.",
    readAgain: "Read again",
    setupLabel: "Setup",
    setupNone: "Not set up yet.",
    setupDone: "Set up, in {language}.",
    setupDoneUnknownLanguage: "Set up.",
    setupPartial: "Set up, but these tables are missing: {tables}. Set up again to add them.",
    dealsLabel: "Deals",
    leadsLabel: "Leads",
    rowsNone: "No rows yet.",
    rows: "Rows: {count}.",
    sampleRows: "Sample rows among them: {count}.",
    lastImport: "Last import: {source}, {when}.",
    importCounts: "Added: {added}, updated: {updated}.",
    noImport: "Nothing imported yet.",
    noExchangeRate:
      "Deals in {currency} without an exchange rate: {count}. The dashboard's amounts leave them out. Add a rate in Settings › Rates.",
    dashboardLabel: "Dashboard",
    dashboardNone: "Not built yet.",
    dashboardBuilt: "Built {when}.",
    goTo: "Go to",
    goToLabel: "Go to {name}",
    goToRates: "Go to Settings › Rates",
    nextTitle: "Next step",
    nextSetup:
      "Set up the workbook: choose the pipeline stages and the workbook language below, then select Set up.",
    nextImport: "Import what your CRM exports (CSV or Excel) into the Deals table.",
    nextImportButton: "Import data",
    nextBuild: "Build the dashboard over your deals.",
    nextBuildButton: "Build dashboard",
    nextReview:
      "All set. Each week, import the new export: the dashboard's formulas follow the tables.",
    nextReviewButton: "Open the dashboard",
    nextRebuild: "The dashboard is out of date: {changes}.",
    nextRebuildButton: "Rebuild dashboard",
    staleOwners: "new owners ({count})",
    staleCompetitors: "new competitors ({count})",
    staleSources: "new lead sources ({count})",
    staleLossReasons: "new loss reasons ({count})",
    staleStages: "new stage names in the deals ({count})",
    staleNoOwner: "deals without an owner",
    staleNoSource: "leads without a source",
    staleStagesTable: "the Stages table changed",
    importNewer: "Import newer data",
    setupCard: "Setup and sample data",
  },
  ar: {
    title: "مصنفك",
    loading: "جارٍ قراءة المصنف…",
    unknown: "تعذّرت قراءة المصنف الآن.",
    readAgain: "أعد القراءة",
    setupLabel: "التجهيز",
    setupNone: "لم يُجهَّز بعد.",
    setupDone: "مُجهَّز، بلغة: {language}.",
    setupDoneUnknownLanguage: "مُجهَّز.",
    setupPartial: "مُجهَّز، لكن هذه الجداول غير موجودة: {tables}. أعد التجهيز لإضافتها.",
    dealsLabel: "الصفقات",
    leadsLabel: "العملاء المحتملون",
    rowsNone: "لا صفوف بعد.",
    rows: "عدد الصفوف: {count}.",
    sampleRows: "منها صفوف نموذجية: {count}.",
    lastImport: "آخر استيراد: {source}، {when}.",
    importCounts: "أُضيف: {added}، حُدّث: {updated}.",
    noImport: "لم يُستورد شيء بعد.",
    noExchangeRate:
      "الصفقات بعملة {currency} (العدد: {count}) بلا سعر صرف، لذا لا تدخل في مبالغ لوحة المعلومات. أضف سعرًا في الإعدادات › أسعار الصرف.",
    dashboardLabel: "لوحة المعلومات",
    dashboardNone: "لم تُنشأ بعد.",
    dashboardBuilt: "أُنشئت {when}.",
    goTo: "انتقل",
    goToLabel: "انتقل إلى {name}",
    // Short enough for one line in the 350 px pane's detail column (the notice names Settings).
    goToRates: "انتقل إلى أسعار الصرف",
    nextTitle: "الخطوة التالية",
    nextSetup: "جهّز المصنف: اختر مراحل خط المبيعات ولغة المصنف أدناه، ثم اختر تجهيز.",
    nextImport: "استورد ما يصدّره نظام إدارة العملاء (CSV أو Excel) إلى جدول الصفقات.",
    nextImportButton: "استيراد البيانات",
    nextBuild: "أنشئ لوحة المعلومات من صفقاتك.",
    nextBuildButton: "إنشاء لوحة المعلومات",
    nextReview: "كل شيء جاهز. كل أسبوع، استورد الملف الجديد: صيغ لوحة المعلومات تتبع الجداول.",
    nextReviewButton: "افتح لوحة المعلومات",
    nextRebuild: "لوحة المعلومات غير محدَّثة: {changes}.",
    nextRebuildButton: "إعادة إنشاء لوحة المعلومات",
    staleOwners: "مسؤولون جدد ({count})",
    staleCompetitors: "منافسون جدد ({count})",
    staleSources: "مصادر جديدة للعملاء المحتملين ({count})",
    staleLossReasons: "أسباب خسارة جديدة ({count})",
    staleStages: "أسماء مراحل جديدة في الصفقات ({count})",
    staleNoOwner: "صفقات بلا مسؤول",
    staleNoSource: "عملاء محتملون بلا مصدر",
    staleStagesTable: "تغيّر جدول المراحل",
    importNewer: "استيراد بيانات أحدث",
    setupCard: "التجهيز والبيانات النموذجية",
  },
};
