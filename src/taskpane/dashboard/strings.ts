import { AreaCatalogue } from "../i18n/types";

type Key =
  | "title"
  | "intro"
  | "build"
  | "rebuild"
  | "building"
  | "share"
  | "sharing"
  | "shareHint"
  | "filtersTitle"
  | "filtersHint"
  | "filtersNeedBuild"
  | "owner"
  | "allOwners"
  | "period"
  | "periodThisMonth"
  | "periodThisQuarter"
  | "periodThisYear"
  | "periodLastQuarter"
  | "periodLastYear"
  | "periodThisFiscalQuarter"
  | "periodLastFiscalQuarter"
  | "periodThisFiscalYear"
  | "periodLastFiscalYear"
  | "fiscalYearName"
  | "fiscalQuarterName"
  | "periodLast12Months"
  | "periodAllTime"
  | "periodCustom"
  | "customFrom"
  | "customTo"
  | "staleDays"
  | "applyFilters"
  | "applying"
  | "filtersApplied"
  | "customInvalid"
  | "progressLabel"
  | "progressReading"
  | "progressChecking"
  | "progressWriting"
  | "progressDone"
  | "builtTitle"
  | "rebuiltTitle"
  | "builtBody"
  | "chartsLine"
  | "sharedTitle"
  | "sharedBody"
  | "errorTitle"
  | "missingTable"
  | "missingColumn"
  | "foreignTable"
  | "foreignSheet"
  | "noDashboard"
  | "warnOwnersCapped"
  | "warnCompetitorsCapped"
  | "warnLossReasonsCapped"
  | "warnStagesCapped"
  | "warnEmptyTable"
  | "warnNoOpenStages"
  | "warnNoExchangeRate"
  | "warnStageTable"
  | "warnSheetKept"
  | "warnCellsKept"
  | "errorBody"
  | "lastBuilt"
  | "needsSetup"
  | "fixSetup"
  | "shareNeedsBuild"
  | "goToCells"
  | "goToSheet";

/** Strings of the Dashboard section. */
export const dashboard: AreaCatalogue<Key> = {
  en: {
    title: "Dashboard",
    intro:
      "Builds a live dashboard on the Dashboard sheet: KPI tiles, summary tables and native Excel charts over your Deals and Leads tables. Building again replaces only the dashboard's own cells and charts.",
    build: "Build dashboard",
    rebuild: "Rebuild dashboard",
    building: "Building…",
    share: "Share a copy",
    sharing: "Copying…",
    shareHint:
      "Writes the current numbers and charts, without formulas, to a new date-stamped sheet that anyone can open.",
    filtersTitle: "Filters",
    filtersHint:
      "Written into the filter cells at the top of the Dashboard sheet; every figure follows them.",
    filtersNeedBuild: "Build the dashboard first to set its filters.",
    owner: "Owner",
    allOwners: "All owners",
    period: "Period",
    periodThisMonth: "This month",
    periodThisQuarter: "This quarter",
    periodThisYear: "This year",
    periodLastQuarter: "Last quarter",
    periodLastYear: "Last year",
    periodThisFiscalQuarter: "This fiscal quarter ({name})",
    periodLastFiscalQuarter: "Last fiscal quarter ({name})",
    periodThisFiscalYear: "This fiscal year ({name})",
    periodLastFiscalYear: "Last fiscal year ({name})",
    fiscalYearName: "FY{y}",
    fiscalQuarterName: "FY{y} Q{q}",
    periodLast12Months: "Last 12 months",
    periodAllTime: "All time",
    periodCustom: "Custom dates",
    customFrom: "From",
    customTo: "To",
    staleDays: "Stale after (days without activity)",
    applyFilters: "Apply filters",
    applying: "Applying…",
    filtersApplied: "Filters applied to the Dashboard sheet.",
    customInvalid: "Enter both custom dates, the second on or after the first.",
    progressLabel: "Dashboard progress",
    progressReading: "Reading the workbook…",
    progressChecking: "Checking tables and columns…",
    progressWriting: "Writing formulas and charts…",
    progressDone: "Done.",
    builtTitle: "Dashboard built",
    rebuiltTitle: "Dashboard rebuilt",
    builtBody:
      "On the sheet “{sheet}”: {tiles} KPI tiles, {tables} summary tables and {charts} charts.",
    chartsLine: "Charts: {list}.",
    sharedTitle: "Copy shared",
    sharedBody: "Values as of {asOf} are on the new sheet “{sheet}”.",
    errorTitle: "The dashboard was not built",
    missingTable:
      "The {table} table is missing — run Setup (or rename your table back to {table}).",
    missingColumn: "The {table} table is missing the {column} column — run Setup.",
    foreignTable:
      "The {table} table on the sheet “{sheet}” is your own table, not ours: it lacks the columns {columns}. Rename your table so Setup can create ours, then run Setup.",
    foreignSheet:
      "The {table} table is missing because the sheet “{sheet}” is your own sheet, not ours, so Setup leaves it alone. Rename your sheet so Setup can create ours, then run Setup.",
    noDashboard: "There is no dashboard yet — select Build dashboard first.",
    warnOwnersCapped: "Only the first {count} owners are listed.",
    warnCompetitorsCapped: "Only the first {count} competitors are listed.",
    warnLossReasonsCapped: "Only the first {count} loss reasons are listed.",
    warnStagesCapped:
      "Only the first {count} open stages are charted; the rest are summed as “{other}”.",
    warnEmptyTable: "The {table} table is empty, so its chart is left out.",
    warnNoOpenStages: "The {table} table has no open stages, so the pipeline chart is left out.",
    warnNoExchangeRate:
      "{count} deals in {currency} have no exchange rate, so every amount leaves them out. Add a rate in Settings › Rates, then rebuild.",
    warnStageTable:
      "The Stages table has a problem, so win rate, deal size, sales cycle, pipeline and stale deals cannot be computed until it is fixed: {problem}.",
    warnSheetKept: "Your sheet “{sheet}” was left as it is; the dashboard is on “{dashboard}”.",
    warnCellsKept:
      "{count} of your cells inside the dashboard's area were left as they are: {cells}. Move or clear them, then build again to fill those places.",
    errorBody:
      "Something went wrong: {message} Try again; if it keeps happening, run Setup to repair the workbook.",
    lastBuilt: "Last built {when}.",
    needsSetup:
      "Set up the workbook first: the dashboard is built over its Deals and Leads tables.",
    fixSetup: "Run Setup",
    shareNeedsBuild: "Build the dashboard first: the shared copy holds its numbers and charts.",
    goToCells: "Go to the cells",
    goToSheet: "Go to {sheet}",
  },
  ar: {
    title: "لوحة المعلومات",
    intro:
      "تُنشئ لوحة معلومات حية في ورقة لوحة المعلومات: بطاقات مؤشرات وجداول ملخصة ومخططات Excel أصلية من جدولي الصفقات والعملاء المحتملين. إعادة الإنشاء تستبدل خلايا اللوحة ومخططاتها فقط.",
    build: "إنشاء لوحة المعلومات",
    rebuild: "إعادة إنشاء لوحة المعلومات",
    building: "جارٍ الإنشاء…",
    share: "مشاركة نسخة",
    sharing: "جارٍ النسخ…",
    shareHint: "تكتب الأرقام والمخططات الحالية دون صيغ في ورقة جديدة مؤرخة يمكن لأي شخص فتحها.",
    filtersTitle: "عوامل التصفية",
    filtersHint: "تُكتب في خلايا التصفية أعلى ورقة لوحة المعلومات، وتتبعها كل الأرقام.",
    filtersNeedBuild: "أنشئ لوحة المعلومات أولًا لضبط عوامل التصفية.",
    owner: "المسؤول",
    allOwners: "كل المسؤولين",
    period: "الفترة",
    periodThisMonth: "هذا الشهر",
    periodThisQuarter: "هذا الربع",
    periodThisYear: "هذه السنة",
    periodLastQuarter: "الربع الماضي",
    periodLastYear: "السنة الماضية",
    periodThisFiscalQuarter: "هذا الربع المالي ({name})",
    periodLastFiscalQuarter: "الربع المالي الماضي ({name})",
    periodThisFiscalYear: "هذه السنة المالية ({name})",
    periodLastFiscalYear: "السنة المالية الماضية ({name})",
    fiscalYearName: "عام {y}",
    fiscalQuarterName: "الربع {q} من {y}",
    periodLast12Months: "آخر 12 شهرًا",
    periodAllTime: "كل الفترات",
    periodCustom: "تواريخ مخصصة",
    customFrom: "من",
    customTo: "إلى",
    staleDays: "راكدة بعد (أيام بلا نشاط)",
    applyFilters: "تطبيق عوامل التصفية",
    applying: "جارٍ التطبيق…",
    filtersApplied: "طُبّقت عوامل التصفية على ورقة لوحة المعلومات.",
    customInvalid: "أدخل التاريخين المخصصين، على أن يكون الثاني في يوم الأول أو بعده.",
    progressLabel: "تقدم لوحة المعلومات",
    progressReading: "جارٍ قراءة المصنف…",
    progressChecking: "جارٍ التحقق من الجداول والأعمدة…",
    progressWriting: "جارٍ كتابة الصيغ والمخططات…",
    progressDone: "تم.",
    builtTitle: "أُنشئت لوحة المعلومات",
    rebuiltTitle: "أُعيد إنشاء لوحة المعلومات",
    builtBody: "في الورقة «{sheet}»: {tiles} بطاقة مؤشرات و{tables} جداول ملخصة و{charts} مخططات.",
    chartsLine: "المخططات: {list}.",
    sharedTitle: "شُوركت نسخة",
    sharedBody: "القيم حتى {asOf} موجودة في الورقة الجديدة «{sheet}».",
    errorTitle: "لم تُنشأ لوحة المعلومات",
    missingTable: "الجدول {table} غير موجود — شغّل الإعداد (أو أعد تسمية جدولك إلى {table}).",
    missingColumn: "ينقص الجدول {table} العمود {column} — شغّل الإعداد.",
    foreignTable:
      "الجدول {table} في الورقة «{sheet}» جدولك أنت وليس جدولنا: تنقصه الأعمدة {columns}. أعد تسمية جدولك ليتمكن التجهيز من إنشاء جدولنا، ثم شغّل التجهيز.",
    foreignSheet:
      "الجدول {table} غير موجود لأن الورقة «{sheet}» ورقتك أنت وليست ورقتنا، فيتركها التجهيز كما هي. أعد تسمية ورقتك ليتمكن التجهيز من إنشاء ورقتنا، ثم شغّل التجهيز.",
    noDashboard: "لا توجد لوحة معلومات بعد — اختر إنشاء لوحة المعلومات أولًا.",
    warnOwnersCapped: "تُعرض أول {count} من المسؤولين فقط.",
    warnCompetitorsCapped: "يُعرض أول {count} من المنافسين فقط.",
    warnLossReasonsCapped: "يُعرض أول {count} من أسباب الخسارة فقط.",
    warnStagesCapped: "يعرض المخطط أول {count} من المراحل المفتوحة فقط، وتُجمع البقية في «{other}».",
    warnEmptyTable: "الجدول {table} فارغ، لذا لم يُضف مخططه.",
    warnNoOpenStages: "لا توجد مراحل مفتوحة في الجدول {table}، لذا لم يُضف مخطط خط المبيعات.",
    warnNoExchangeRate:
      "الصفقات بعملة {currency} (العدد: {count}) بلا سعر صرف، لذا لا تدخل في أي مبلغ. أضف سعرًا في الإعدادات › أسعار الصرف ثم أعد البناء.",
    warnStageTable:
      "في جدول المراحل مشكلة، لذا لا يمكن حساب نسبة الفوز وحجم الصفقة ودورة البيع وخط المبيعات والصفقات الراكدة حتى تُصحَّح: {problem}.",
    warnSheetKept: "بقيت ورقتك «{sheet}» كما هي؛ لوحة المعلومات في الورقة «{dashboard}».",
    warnCellsKept:
      "بقيت {count} من خلاياك داخل منطقة لوحة المعلومات كما هي: {cells}. انقلها أو امسحها ثم أعد الإنشاء لملء تلك الأماكن.",
    errorBody: "حدث خطأ: {message} أعد المحاولة، وإن تكرر فشغّل الإعداد لإصلاح المصنف.",
    lastBuilt: "آخر إنشاء {when}.",
    needsSetup: "جهّز المصنف أولًا: تُبنى لوحة المعلومات على جدولي الصفقات والعملاء المحتملين.",
    fixSetup: "شغّل التجهيز",
    shareNeedsBuild: "أنشئ لوحة المعلومات أولًا: النسخة المشتركة تحمل أرقامها ومخططاتها.",
    goToCells: "انتقل إلى الخلايا",
    goToSheet: "انتقل إلى {sheet}",
  },
};
