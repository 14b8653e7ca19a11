/**
 * The words the Dashboard sheet shows, in each workbook language. These are sheet captions
 * (titles, labels, number-format suffixes), not task pane strings: they are written into cells
 * and charts, so they follow the language the dashboard is built in.
 */
import { Caption } from "../../model/schema";
import { PeriodChoice } from "../../engine/dashboard/periodWindows";

/** Labels of the Period dropdown; the sheet's formulas compare the filter cell to these. */
export const PERIOD_LABELS: Readonly<Record<PeriodChoice, Caption>> = {
  thisMonth: { en: "This month", ar: "هذا الشهر" },
  thisQuarter: { en: "This quarter", ar: "هذا الربع" },
  lastQuarter: { en: "Last quarter", ar: "الربع الماضي" },
  thisYear: { en: "This year", ar: "هذه السنة" },
  lastYear: { en: "Last year", ar: "السنة الماضية" },
  thisFiscalQuarter: { en: "This fiscal quarter", ar: "هذا الربع المالي" },
  lastFiscalQuarter: { en: "Last fiscal quarter", ar: "الربع المالي الماضي" },
  thisFiscalYear: { en: "This fiscal year", ar: "هذه السنة المالية" },
  lastFiscalYear: { en: "Last fiscal year", ar: "السنة المالية الماضية" },
  last12Months: { en: "Last 12 months", ar: "آخر 12 شهرًا" },
  allTime: { en: "All time", ar: "كل الفترات" },
  custom: { en: "Custom (from–to)", ar: "مخصص (من–إلى)" },
};

/** The Owner dropdown's "every owner" entry. */
export const ALL_OWNERS: Caption = { en: "All", ar: "الكل" };

/** Fixed captions of the sheet. */
export const CAPTIONS = {
  title: { en: "Sales dashboard", ar: "لوحة معلومات المبيعات" },
  subtitle: {
    en: "Live formulas over the Deals, Leads and Settings tables. Change the filters below; rebuild from the task pane after adding owners, stages or competitors.",
    ar: "صيغ حية على جداول الصفقات والعملاء المحتملين والإعدادات. غيّر عوامل التصفية أدناه، وأعد الإنشاء من جزء المهام بعد إضافة مسؤولين أو مراحل أو منافسين.",
  },
  owner: { en: "Owner", ar: "المسؤول" },
  period: { en: "Period", ar: "الفترة" },
  customFrom: { en: "Custom from", ar: "من (مخصص)" },
  customTo: { en: "Custom to", ar: "إلى (مخصص)" },
  staleDays: { en: "Stale after (days)", ar: "راكدة بعد (أيام)" },
  from: { en: "From", ar: "من" },
  to: { en: "To", ar: "إلى" },
  previousFrom: { en: "Previous from", ar: "السابقة من" },
  previousTo: { en: "Previous to", ar: "السابقة إلى" },
  asOf: { en: "As of", ar: "حتى تاريخ" },
  fiscalPeriod: { en: "Fiscal period", ar: "الفترة المالية" },
  /** A fiscal year's name ({y}: the calendar year it ends in) and a fiscal quarter's ({q}: 1–4). */
  fiscalYearName: { en: "FY{y}", ar: "السنة المالية {y}" },
  fiscalQuarterName: { en: "FY{y} Q{q}", ar: "الربع {q} من السنة المالية {y}" },
  fiscalStart: { en: "Fiscal year starts", ar: "بداية السنة المالية" },
  lists: { en: "Filter lists", ar: "قوائم التصفية" },
  ownerCriteria: { en: "Owner criteria", ar: "معيار المسؤول" },
  // Section titles and headers.
  monthly: {
    en: "Won revenue by month, target and forecast",
    ar: "الإيراد المحقق شهريًا والمستهدف والتوقع",
  },
  month: { en: "Month", ar: "الشهر" },
  wonRevenue: { en: "Won revenue", ar: "الإيراد المحقق" },
  target: { en: "Target", ar: "المستهدف" },
  forecast: { en: "Forecast", ar: "التوقع" },
  attainment: { en: "Attainment", ar: "نسبة التحقيق" },
  pipelineByStage: {
    en: "Open pipeline by stage (closing in the period)",
    ar: "خط المبيعات المفتوح حسب المرحلة (يُغلق في الفترة)",
  },
  stage: { en: "Stage", ar: "المرحلة" },
  deals: { en: "Deals", ar: "الصفقات" },
  amount: { en: "Amount", ar: "القيمة" },
  weighted: { en: "Weighted", ar: "المرجّح" },
  byOwner: {
    en: "Win rate and won revenue by owner",
    ar: "معدل الفوز والإيراد المحقق حسب المسؤول",
  },
  winRate: { en: "Win rate", ar: "معدل الفوز" },
  bySource: { en: "Leads and conversion by source", ar: "العملاء المحتملون والتحويل حسب المصدر" },
  source: { en: "Source", ar: "المصدر" },
  leads: { en: "Leads", ar: "العملاء المحتملون" },
  converted: { en: "Converted", ar: "المحوَّلون" },
  conversion: { en: "Conversion", ar: "التحويل" },
  byCompetitor: { en: "Wins and losses by competitor", ar: "الفوز والخسارة حسب المنافس" },
  competitor: { en: "Competitor", ar: "المنافس" },
  wins: { en: "Wins", ar: "فوز" },
  losses: { en: "Losses", ar: "خسارة" },
  whatChanged: {
    en: "What changed since the previous import",
    ar: "ما الذي تغيّر منذ الاستيراد السابق",
  },
  /** What changed's title with its period's name ({p}: "FY2027 Q3", "Q4 2026", "2026"). */
  whatChangedIn: {
    en: "What changed since the previous import: {p} pipeline",
    ar: "ما الذي تغيّر منذ الاستيراد السابق: خط مبيعات {p}",
  },
  calendarQuarterName: { en: "Q{q} {y}", ar: "الربع {q} من {y}" },
  calendarYearName: { en: "{y}", ar: "{y}" },
  change: { en: "Change", ar: "التغيير" },
  chartChanges: {
    en: "From the starting to the ending pipeline",
    ar: "من خط المبيعات الأولي إلى الختامي",
  },
  startPipeline: { en: "Starting pipeline", ar: "خط المبيعات الأولي" },
  changeNew: { en: "New", ar: "جديدة" },
  changePulledIn: { en: "Pulled in", ar: "قُدِّم موعدها" },
  changeAmountUp: { en: "Amount increased", ar: "زادت القيمة" },
  changeWon: { en: "Won", ar: "فازت" },
  changeLost: { en: "Lost", ar: "خسرت" },
  changePushed: { en: "Pushed out", ar: "أُجِّل موعدها" },
  changeAmountDown: { en: "Amount decreased", ar: "نقصت القيمة" },
  changeRemoved: { en: "Removed", ar: "حُذفت" },
  endPipeline: { en: "Ending pipeline", ar: "خط المبيعات الختامي" },
  movedForward: { en: "Moved forward", ar: "تقدّمت مرحلةً" },
  movedBackward: { en: "Moved backward", ar: "تراجعت مرحلةً" },
  emptyChanges: {
    en: "Import again next week to see what changed",
    ar: "استورد مرة أخرى الأسبوع القادم لترى ما الذي تغيّر",
  },
  waterfallBase: { en: "Base", ar: "الأساس" },
  increase: { en: "Increase", ar: "زيادة" },
  decrease: { en: "Decrease", ar: "نقص" },
  total: { en: "Total", ar: "الإجمالي" },
  changedDeals: {
    en: "Deals behind each bar (the 3 largest changes)",
    ar: "الصفقات وراء كل عمود (أكبر 3 تغييرات)",
  },
  amountChange: { en: "Amount change", ar: "تغيّر القيمة" },
  forecastCategories: {
    en: "Forecast categories by owner (closing in the period)",
    ar: "فئات التوقع حسب المسؤول (تُغلق في الفترة)",
  },
  categoryClosed: { en: "Closed", ar: "مغلقة" },
  categoryCommit: { en: "Commit", ar: "ملتزم بها" },
  categoryBestCase: { en: "Best case", ar: "أفضل حالة" },
  categoryPipeline: { en: "Pipeline", ar: "خط المبيعات" },
  statisticalForecast: { en: "Statistical forecast", ar: "التوقع الإحصائي" },
  chartForecastCategories: {
    en: "Commit and best case against target",
    ar: "الملتزم بها وأفضل حالة مقابل المستهدف",
  },
  emptyForecast: {
    en: "No deals closing in the period yet",
    ar: "لا توجد صفقات تُغلق في الفترة بعد",
  },
  lossReasons: {
    en: "Why deals are lost: by loss reason",
    ar: "لماذا نخسر الصفقات: حسب سبب الخسارة",
  },
  lossCompetitors: {
    en: "Why deals are lost: by competitor",
    ar: "لماذا نخسر الصفقات: حسب المنافس",
  },
  reason: { en: "Loss reason", ar: "سبب الخسارة" },
  lostDeals: { en: "Lost deals", ar: "الصفقات الخاسرة" },
  lostAmount: { en: "Lost amount", ar: "القيمة الخاسرة" },
  noReason: { en: "(no reason given)", ar: "(بلا سبب)" },
  emptyLossReasons: {
    en: "No loss reasons yet: import deals with a loss reason column",
    ar: "لا توجد أسباب خسارة بعد: استورد صفقات فيها عمود سبب الخسارة",
  },
  chartLossReasons: { en: "Lost amount by reason", ar: "القيمة الخاسرة حسب السبب" },
  chartLossCompetitors: {
    en: "Lost amount by competitor",
    ar: "القيمة الخاسرة حسب المنافس",
  },
  stuck: { en: "Stuck in stage", ar: "عالقة في مرحلتها" },
  atRisk: {
    en: "Top open deals at risk (stale, past expected close or stuck in stage)",
    ar: "أكبر الصفقات المفتوحة المعرضة للخطر (راكدة أو تجاوزت الإغلاق المتوقع أو عالقة في مرحلتها)",
  },
  deal: { en: "Deal", ar: "الصفقة" },
  account: { en: "Account", ar: "الحساب" },
  expectedClose: { en: "Expected close", ar: "الإغلاق المتوقع" },
  lastActivity: { en: "Last activity", ar: "آخر نشاط" },
  risk: { en: "Risk", ar: "الخطر" },
  stale: { en: "Stale", ar: "راكدة" },
  overdue: { en: "Overdue", ar: "متأخرة" },
  // Rows for data without a value, and empty states.
  noOwner: { en: "(no owner)", ar: "(بلا مسؤول)" },
  noSource: { en: "(no source)", ar: "(بلا مصدر)" },
  otherStages: { en: "Other stages", ar: "مراحل أخرى" },
  emptyPipeline: {
    en: "No open stages in the Stages table yet",
    ar: "لا توجد مراحل مفتوحة في جدول المراحل بعد",
  },
  emptyOwners: {
    en: "No owners yet: import deals or fill the Owners table",
    ar: "لا يوجد مسؤولون بعد: استورد الصفقات أو املأ جدول المسؤولين",
  },
  emptySources: { en: "No leads yet", ar: "لا يوجد عملاء محتملون بعد" },
  emptyCompetitors: { en: "No competitor data yet", ar: "لا توجد بيانات منافسين بعد" },
  currencyNote: {
    en: "Not in amount figures ({reporting}): {list}, no exchange rate. Add a rate in Settings › Rates.",
    ar: "غير محسوبة في المبالغ ({reporting}): {list}، لا يوجد سعر صرف. أضف سعرًا في الإعدادات › أسعار الصرف.",
  },
  currencyDeals: { en: "{n} deals in {code}", ar: "الصفقات بعملة {code} (العدد: {n})" },
  setTargetsHint: { en: "set targets in Settings", ar: "حدّد المستهدفات في الإعدادات" },
  noPrevious: { en: "no previous period", ar: "لا توجد فترة سابقة" },
  setTargets: { en: "no targets set", ar: "لا مستهدفات" },
  noClosed: { en: "no closed deals", ar: "لا صفقات مغلقة" },
  noWon: { en: "no won deals", ar: "لا صفقات رابحة" },
  setProbabilities: { en: "no probabilities", ar: "لا احتمالات" },
  noLeads: { en: "no leads", ar: "لا عملاء" },
  noContacted: { en: "none contacted", ar: "لا تواصل بعد" },
  quotaMet: { en: "target met", ar: "تحقق المستهدف" },
  periodOver: { en: "period over", ar: "انتهت الفترة" },
  shortHistory: { en: "short history", ar: "سجل قصير" },
  // Charts.
  chartRevenue: {
    en: "Won revenue vs target, with forecast",
    ar: "الإيراد المحقق مقابل المستهدف مع التوقع",
  },
  chartPipeline: { en: "Open pipeline by stage", ar: "خط المبيعات المفتوح حسب المرحلة" },
  chartOwners: { en: "Win rate by owner", ar: "معدل الفوز حسب المسؤول" },
  chartSources: { en: "Leads by source", ar: "العملاء المحتملون حسب المصدر" },
  chartCompetitors: { en: "Wins and losses by competitor", ar: "الفوز والخسارة حسب المنافس" },
  // Number-format words.
  previousShort: { en: "prev.", ar: "السابق" },
  vsPrevious: { en: "vs prev.", ar: "عن السابق" },
  points: { en: "pts", ar: "نقطة" },
  days: { en: "days", ar: "يوم" },
  hours: { en: "h", ar: "ساعة" },
  // Share copy.
  shareTitle: { en: "Sales dashboard (values as of", ar: "لوحة معلومات المبيعات (القيم حتى" },
  shareNote: {
    en: "A values-only copy: no formulas, so it reads the same in any Excel. The filters below show what it was filtered by.",
    ar: "نسخة بالقيم فقط دون صيغ، فتظهر كما هي في أي إصدار من Excel. تُظهر عوامل التصفية أدناه ما صُفّيت به.",
  },
} as const satisfies Record<string, Caption>;

/** Captions of the KPI tiles: label and the note under snapshot tiles. */
export const TILE_CAPTIONS = {
  wonRevenue: { en: "Won revenue", ar: "الإيراد المحقق" },
  quotaAttainment: { en: "Quota attainment", ar: "تحقيق الحصة" },
  winRate: { en: "Win rate", ar: "معدل الفوز" },
  avgDealSize: { en: "Average deal size", ar: "متوسط حجم الصفقة" },
  salesCycle: { en: "Sales cycle", ar: "دورة البيع" },
  openPipeline: { en: "Open pipeline", ar: "خط المبيعات المفتوح" },
  weightedPipeline: { en: "Weighted pipeline", ar: "خط المبيعات المرجّح" },
  pipelineCoverage: { en: "Pipeline coverage", ar: "تغطية خط المبيعات" },
  newLeads: { en: "New leads", ar: "عملاء محتملون جدد" },
  leadConversion: { en: "Lead conversion", ar: "تحويل العملاء المحتملين" },
  responseTime: { en: "Median lead response", ar: "وسيط زمن الاستجابة" },
  staleDeals: { en: "Stale deals", ar: "صفقات راكدة" },
  forecast: { en: "Forecast, next month", ar: "توقع الشهر القادم" },
} as const satisfies Record<string, Caption>;

/** Notes shown under tiles that have no previous period to compare with. */
export const TILE_NOTES = {
  quotaTarget: { en: "target", ar: "المستهدف" },
  /**
   * Beside the target while the period is under way: the share of the period elapsed ({p}), the
   * share of the target due by today were it earned evenly. The value is isolated for bidi.
   */
  dueByToday: { en: "due by today {p}", ar: "المستحق الآن \u2068{p}\u2069" },
  closingInPeriod: { en: "closing in the period", ar: "يُغلق في الفترة" },
  coverageHint: { en: "pipeline ÷ quota left", ar: "خط المبيعات ÷ المتبقي من الحصة" },
  staleHint: { en: "open, no recent activity", ar: "مفتوحة بلا نشاط حديث" },
  forecastHint: { en: "24-month trend", ar: "اتجاه 24 شهرًا" },
} as const satisfies Record<string, Caption>;
