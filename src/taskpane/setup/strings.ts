import { AreaCatalogue } from "../i18n/types";

type Key =
  | "title"
  | "intro"
  | "preset"
  | "presetSalesforce"
  | "presetHubspot"
  | "presetPipedrive"
  | "presetHint"
  | "workbookLanguage"
  | "languageEnglish"
  | "languageArabic"
  | "sampleData"
  | "sampleDataHint"
  | "setUp"
  | "settingUp"
  | "removeSample"
  | "removingSample"
  | "removeSampleNone"
  | "goToDeals"
  | "goToCells"
  | "details"
  | "runSetup"
  | "importNeedsSetup"
  | "progressLabel"
  | "progressReading"
  | "progressWriting"
  | "progressDone"
  | "summaryTitle"
  | "summaryNothing"
  | "created"
  | "adopted"
  | "skipped"
  | "groupSheet"
  | "groupTable"
  | "groupColumn"
  | "groupSetting"
  | "groupName"
  | "groupSampleRows"
  | "groupSchema"
  | "sampleRowsIn"
  | "columnIn"
  | "reasonForeignSheet"
  | "reasonForeignTable"
  | "reasonSheetSkipped"
  | "reasonAnchorOccupied"
  | "reasonNoRoom"
  | "reasonMergeInTheWay"
  | "reasonTableInTheWay"
  | "reasonCommentInTheWay"
  | "whatColumn"
  | "whatTable"
  | "whatSampleRows"
  | "reasonSamplePresent"
  | "reasonNewerSchema"
  | "useSuggestedNames"
  | "removedTitle"
  | "removedRows"
  | "removedNone"
  | "keptTitle"
  | "keptFiltered"
  | "keptNotRemoved"
  | "errorTitle"
  | "errorBody";

/**
 * Strings of the Setup section. Placeholders in braces ({name}, {count}, …) are filled by the
 * section's hook.
 */
export const setup: AreaCatalogue<Key> = {
  en: {
    title: "Set up the workbook",
    intro:
      "Adds the Leads, Deals, Pricing, Competitors and Settings sheets as Excel tables. Sheets and tables you already have are kept; nothing of yours is moved or deleted.",
    preset: "Pipeline stages",
    presetSalesforce: "Salesforce",
    presetHubspot: "HubSpot",
    presetPipedrive: "Pipedrive",
    presetHint: "Fills the Stages table on the Settings sheet; you can edit it afterwards.",
    workbookLanguage: "Workbook language",
    languageEnglish: "English",
    languageArabic: "العربية",
    sampleData: "Add sample data",
    sampleDataHint:
      "Two years of made-up leads and deals to try the dashboard. Every sample row starts with SAMPLE- and can be removed in one click.",
    setUp: "Set up",
    settingUp: "Setting up…",
    removeSample: "Remove sample data",
    removingSample: "Removing sample data…",
    removeSampleNone: "There are no sample rows in this workbook to remove.",
    goToDeals: "Go to the Deals table",
    goToCells: "Go to the cells",
    details: "Details",
    runSetup: "Run Setup",
    importNeedsSetup: "Set up the workbook first: an import goes into its Deals or Leads table.",
    progressLabel: "Setup progress",
    progressReading: "Reading the workbook…",
    progressWriting: "Writing sheets and tables…",
    progressDone: "Done.",
    summaryTitle: "The workbook is set up",
    summaryNothing: "Everything was already in place; nothing was changed.",
    created: "Created",
    adopted: "Kept as they were",
    skipped: "Left alone",
    groupSheet: "Sheets",
    groupTable: "Tables",
    groupColumn: "Columns",
    groupSetting: "Settings",
    groupName: "Names",
    groupSampleRows: "Sample rows",
    groupSchema: "Schema version",
    sampleRowsIn: "{count} in {table}",
    columnIn: "{column} in {table}",
    reasonForeignSheet:
      "The sheet “{name}” already holds other content, so it was not touched. Set up again with the name “{suggestion}” instead.",
    reasonForeignTable:
      "A table named {name} has different columns, so it was not touched. Rename that table and set up again.",
    reasonSheetSkipped: "The table {name} was not created because its sheet was left alone.",
    reasonAnchorOccupied:
      "The table {name} was not created: {cell} on “{sheet}” holds your content (a value or a format) where the table goes. Move or clear it, then set up again.",
    reasonNoRoom:
      "The column {name} was not added to {table}: {cell} on “{sheet}”, right of the table, holds your content (a value or a format). Move it, then set up again.",
    reasonMergeInTheWay:
      "{what} was not added: the merged cells {cell} on “{sheet}” are where the table {table} grows, and Excel does not allow merged cells in a table. Unmerge {cell} or move it, then set up again.",
    reasonCommentInTheWay:
      "{what} was not added: {cell} on “{sheet}” holds your comment or note where the table {table} goes, and it would stay on the cell we fill. Move the comment or note to another cell, then set up again.",
    reasonTableInTheWay:
      "{what} was not added: the table {other} ({cell} on “{sheet}”) crosses the columns below {table}, so Excel cannot add rows to {table}. Move {other}, then set up again.",
    whatColumn: "The column {name}",
    whatTable: "The table {name}",
    whatSampleRows: "Sample rows in {name}",
    reasonSamplePresent: "{name} already holds sample rows; none were added.",
    reasonNewerSchema:
      "This workbook was set up by a newer version of the add-in (schema {name}). It was kept as it is; update the add-in.",
    useSuggestedNames: "Use the suggested names",
    removedTitle: "Sample data removed",
    removedRows: "{count} rows from {table}",
    removedNone: "No sample rows were found. Your own rows were not touched.",
    keptTitle: "Sample rows left in your tables",
    keptFiltered:
      "The {table} table has a filter on, and Excel does not delete rows of a filtered table, so nothing was removed. Clear the filter on the {table} table, then try again.",
    keptNotRemoved:
      "{count} sample rows are still in the {table} table: Excel did not delete them (a filter on the table stops it). Clear the filter on the {table} table, then try again.",
    errorTitle: "Setup did not finish",
    errorBody:
      "{message} Setup is safe to run again: fix the cause (for example, close a cell you are editing) and press Set up.",
  },
  ar: {
    title: "تجهيز المصنف",
    intro:
      "يضيف أوراق العملاء المحتملين والصفقات والتسعير والمنافسين والإعدادات كجداول Excel. تبقى الأوراق والجداول الموجودة لديك كما هي، ولا يُنقل أو يُحذف شيء من بياناتك.",
    preset: "مراحل خط المبيعات",
    presetSalesforce: "Salesforce",
    presetHubspot: "HubSpot",
    presetPipedrive: "Pipedrive",
    presetHint: "تملأ جدول المراحل في ورقة الإعدادات، ويمكنك تعديله لاحقًا.",
    workbookLanguage: "لغة المصنف",
    languageEnglish: "English",
    languageArabic: "العربية",
    sampleData: "إضافة بيانات نموذجية",
    sampleDataHint:
      "عامان من العملاء المحتملين والصفقات الوهمية لتجربة لوحة المعلومات. يبدأ كل صف نموذجي بـ SAMPLE- ويمكن إزالته بنقرة واحدة.",
    setUp: "تجهيز",
    settingUp: "جارٍ التجهيز…",
    removeSample: "إزالة البيانات النموذجية",
    removingSample: "جارٍ إزالة البيانات النموذجية…",
    removeSampleNone: "لا توجد صفوف نموذجية في هذا المصنف لإزالتها.",
    goToDeals: "انتقل إلى جدول الصفقات",
    goToCells: "انتقل إلى الخلايا",
    details: "التفاصيل",
    runSetup: "شغّل التجهيز",
    importNeedsSetup: "جهّز المصنف أولًا: يُستورد الملف إلى جدول الصفقات أو العملاء المحتملين فيه.",
    progressLabel: "تقدم التجهيز",
    progressReading: "جارٍ قراءة المصنف…",
    progressWriting: "جارٍ كتابة الأوراق والجداول…",
    progressDone: "تم.",
    summaryTitle: "تم تجهيز المصنف",
    summaryNothing: "كل شيء موجود مسبقًا؛ لم يتغير شيء.",
    created: "تم الإنشاء",
    adopted: "أُبقي كما هو",
    skipped: "لم يُمس",
    groupSheet: "الأوراق",
    groupTable: "الجداول",
    groupColumn: "الأعمدة",
    groupSetting: "الإعدادات",
    groupName: "الأسماء",
    groupSampleRows: "الصفوف النموذجية",
    groupSchema: "إصدار المخطط",
    sampleRowsIn: "{count} في {table}",
    columnIn: "{column} في {table}",
    reasonForeignSheet:
      "الورقة «{name}» تحتوي على بيانات أخرى، لذا لم تُمس. أعد التجهيز باستخدام الاسم «{suggestion}» بدلًا منها.",
    reasonForeignTable:
      "يوجد جدول باسم {name} بأعمدة مختلفة، لذا لم يُمس. غيّر اسم ذلك الجدول وأعد التجهيز.",
    reasonSheetSkipped: "لم يُنشأ الجدول {name} لأن ورقته لم تُمس.",
    reasonAnchorOccupied:
      "لم يُنشأ الجدول {name}: الخلايا {cell} في «{sheet}» تحتوي على محتواك (قيمة أو تنسيق) حيث يوضع الجدول. انقلها أو امسحها، ثم أعد التجهيز.",
    reasonNoRoom:
      "لم يُضف العمود {name} إلى {table}: الخلايا {cell} في «{sheet}» على يمين الجدول تحتوي على محتواك (قيمة أو تنسيق). انقلها، ثم أعد التجهيز.",
    reasonMergeInTheWay:
      "لم يُضف {what}: الخلايا المدمجة {cell} في «{sheet}» تقع حيث يتوسع الجدول {table}، ولا يسمح Excel بخلايا مدمجة داخل جدول. ألغِ دمج {cell} أو انقلها، ثم أعد التجهيز.",
    reasonCommentInTheWay:
      "لم يُضف {what}: الخلية {cell} في «{sheet}» عليها تعليقك أو ملاحظتك حيث يوضع الجدول {table}، وستبقى على الخلية التي نملؤها. انقل التعليق أو الملاحظة إلى خلية أخرى، ثم أعد التجهيز.",
    reasonTableInTheWay:
      "لم يُضف {what}: الجدول {other} ({cell} في «{sheet}») يتقاطع مع الأعمدة أسفل {table}، لذا لا يستطيع Excel إضافة صفوف إلى {table}. انقل {other}، ثم أعد التجهيز.",
    whatColumn: "العمود {name}",
    whatTable: "الجدول {name}",
    whatSampleRows: "الصفوف النموذجية في {name}",
    reasonSamplePresent: "يحتوي {name} على صفوف نموذجية مسبقًا؛ لم يُضف شيء.",
    reasonNewerSchema:
      "جُهّز هذا المصنف بإصدار أحدث من الوظيفة الإضافية (المخطط {name}). أُبقي كما هو؛ حدّث الوظيفة الإضافية.",
    useSuggestedNames: "استخدم الأسماء المقترحة",
    removedTitle: "أُزيلت البيانات النموذجية",
    removedRows: "{count} صفًا من {table}",
    removedNone: "لم تُعثر على صفوف نموذجية. لم تُمس صفوفك.",
    keptTitle: "بقيت صفوف نموذجية في جداولك",
    keptFiltered:
      "على الجدول {table} عامل تصفية، ولا يحذف Excel صفوف جدول مُصفّى، لذا لم يُحذف شيء. امسح عامل التصفية من الجدول {table}، ثم أعد المحاولة.",
    keptNotRemoved:
      "ما زال {count} من الصفوف النموذجية في الجدول {table}: لم يحذفها Excel (عامل تصفية على الجدول يمنع ذلك). امسح عامل التصفية من الجدول {table}، ثم أعد المحاولة.",
    errorTitle: "لم يكتمل التجهيز",
    errorBody:
      "{message} يمكن تشغيل التجهيز مرة أخرى بأمان: عالج السبب (مثلًا أنهِ تحرير خلية) ثم اضغط تجهيز.",
  },
};
