import { AreaCatalogue } from "../i18n/types";

type Key =
  | "appTitle"
  | "appSubtitle"
  | "loading"
  | "outsideExcelTitle"
  | "outsideExcelBody"
  | "errorBoundaryTitle"
  | "errorBoundaryRetry"
  | "statusRegion"
  | "language"
  | "languageEnglish"
  | "languageArabic"
  | "tabs"
  | "tabHome"
  | "tabImport"
  | "tabDashboard"
  | "tabFunctions"
  | "listSeparator";

/** Strings of the task pane shell (header, status area, error boundary). */
export const shell: AreaCatalogue<Key> = {
  en: {
    appTitle: "Sales KPIs",
    appSubtitle: "Set up your sales workbook, import your CRM, build the dashboard.",
    loading: "Loading…",
    outsideExcelTitle: "Open this in Excel",
    outsideExcelBody:
      "This page is an Excel add-in. Open it from Excel's Home tab (Sales KPIs button), or use the local preview (npm run preview) to try it without Excel.",
    errorBoundaryTitle: "Something went wrong in the task pane",
    errorBoundaryRetry: "Try again",
    statusRegion: "Status",
    language: "Language",
    languageEnglish: "English",
    languageArabic: "العربية",
    tabs: "Task pane sections",
    tabHome: "Home",
    tabImport: "Import",
    tabDashboard: "Dashboard",
    tabFunctions: "Functions",
    listSeparator: ", ",
  },
  ar: {
    appTitle: "مؤشرات المبيعات",
    appSubtitle: "جهّز مصنف المبيعات، واستورد بيانات نظام إدارة العملاء، وأنشئ لوحة المعلومات.",
    loading: "جارٍ التحميل…",
    outsideExcelTitle: "افتح هذه الصفحة في Excel",
    outsideExcelBody:
      "هذه الصفحة وظيفة إضافية لبرنامج Excel. افتحها من علامة التبويب الصفحة الرئيسية في Excel (زر مؤشرات المبيعات)، أو استخدم المعاينة المحلية (npm run preview) لتجربتها دون Excel.",
    errorBoundaryTitle: "حدث خطأ في جزء المهام",
    errorBoundaryRetry: "أعد المحاولة",
    statusRegion: "الحالة",
    language: "اللغة",
    languageEnglish: "English",
    languageArabic: "العربية",
    tabs: "أقسام جزء المهام",
    tabHome: "الرئيسية",
    tabImport: "الاستيراد",
    tabDashboard: "لوحة المعلومات",
    tabFunctions: "الدوال",
    listSeparator: "، ",
  },
};
