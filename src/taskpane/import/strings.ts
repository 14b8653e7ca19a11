import { AreaCatalogue } from "../i18n/types";

type Key =
  | "title"
  | "intro"
  | "chooseFile"
  | "browseFile"
  | "fileHint"
  | "fileChosen"
  | "pasteLabel"
  | "pasteHint"
  | "usePasted"
  | "target"
  | "targetLeads"
  | "targetDeals"
  | "detected"
  | "sourceHubspotDeals"
  | "sourceHubspotContacts"
  | "sourceSalesforceOpportunities"
  | "sourceSalesforceLeads"
  | "sourcePipedriveDeals"
  | "sourceZohoDeals"
  | "sourceGeneric"
  | "fileStats"
  | "footerDropped"
  | "mappingTitle"
  | "mappingHint"
  | "notImported"
  | "wonLostStatus"
  | "unmappedNote"
  | "noIdNote"
  | "previewTitle"
  | "previewLine"
  | "previewCaption"
  | "problemsTitle"
  | "problemsMore"
  | "readyCount"
  | "dateOrderTitle"
  | "dateOrderHint"
  | "dateOrderDmy"
  | "dateOrderMdy"
  | "numberMarkTitle"
  | "errorForeignTable"
  | "errorCellTooLong"
  | "cellTooLongLine"
  | "truncateLong"
  | "errorRowTooLarge"
  | "rowTooLargeLine"
  | "errorSheetFull"
  | "errorTableChanged"
  | "errorTableFiltered"
  | "errorMergeInTheWay"
  | "errorTableInTheWay"
  | "goToCells"
  | "encodingLabel"
  | "encodingHint"
  | "encodingUtf8"
  | "encodingWindows1252"
  | "encodingWindows1256"
  | "encodingUtf16le"
  | "encodingUtf16be"
  | "delimiterLabel"
  | "delimiterComma"
  | "delimiterSemicolon"
  | "delimiterTab"
  | "delimiterPipe"
  | "sheetLabel"
  | "fromWorkbook"
  | "fromWorkbookButton"
  | "workbookSheetLabel"
  | "workbookSelection"
  | "readSheetButton"
  | "undoButton"
  | "undoDone"
  | "xlsxError"
  | "truncatedNote"
  | "currencyAssumed"
  | "sourceWorkbook"
  | "numberMarkHint"
  | "numberMarkDot"
  | "numberMarkComma"
  | "errorNeedsNumberFormat"
  | "importButton"
  | "importing"
  | "progressLabel"
  | "progressReading"
  | "progressWriting"
  | "progressDone"
  | "summaryTitle"
  | "summaryAdded"
  | "summaryUpdated"
  | "summarySkipped"
  | "summaryWritten"
  | "summaryStagesAdded"
  | "summaryStageAssumed"
  | "summaryStagesNamed"
  | "summaryStageNamedItem"
  | "summaryNoRate"
  | "summaryNoRateItem"
  | "summaryMissingColumns"
  | "summaryTableDuplicates"
  | "summaryNotInFile"
  | "failureTitle"
  | "failureBody"
  | "errorTitle"
  | "errorMalformed"
  | "errorNoTable"
  | "errorNoIdColumn"
  | "errorNeedsDateOrder"
  | "errorNothingMapped"
  | "errorBadMapping"
  | "errorUnexpected"
  | "errorReadFile"
  | "issueEmpty"
  | "issueUnterminatedQuote"
  | "issueBadQuote"
  | "issueFieldCount"
  | "issuesMore"
  | "problemNotADate"
  | "problemAmbiguousDate"
  | "problemNotANumber"
  | "problemAmbiguousNumber"
  | "problemPercentScale"
  | "problemNotAWholeNumber"
  | "problemNotAFlag"
  | "problemMissingId"
  | "problemDuplicateId"
  | "problemCurrencyMismatch"
  | "yes"
  | "no";

/** Strings of the Import section. */
export const importStrings: AreaCatalogue<Key> = {
  en: {
    title: "Import from your CRM",
    intro:
      "Bring a HubSpot, Salesforce or Pipedrive export (or any CSV) into the Leads or Deals table. Importing the next export again updates the same rows and adds new ones.",
    chooseFile: "Choose a CSV or Excel file",
    browseFile: "Choose file…",
    fileHint:
      "CSV or text export (comma, semicolon, tab or pipe separated), or an Excel workbook (.xlsx).",
    fileChosen: "File: {name}",
    pasteLabel: "Or paste the CSV text",
    pasteHint: "Copy the rows from the export, header included.",
    usePasted: "Use pasted text",
    target: "Import into",
    targetLeads: "Leads",
    targetDeals: "Deals",
    detected: "Detected source: {source}",
    sourceHubspotDeals: "HubSpot deals export",
    sourceHubspotContacts: "HubSpot contacts export",
    sourceSalesforceOpportunities: "Salesforce opportunity report",
    sourceSalesforceLeads: "Salesforce lead report",
    sourcePipedriveDeals: "Pipedrive deals export",
    sourceZohoDeals: "Zoho CRM deals export",
    sourceGeneric: "a CSV file (no CRM recognised)",
    fileStats: "{rows} rows, {columns} columns",
    footerDropped: "The report footer, titles and totals ({count} lines) are left out.",
    mappingTitle: "Columns",
    mappingHint: "Each column of the file and the table column it goes into.",
    notImported: "— not imported —",
    wonLostStatus: "Won/lost status (sets Stage)",
    unmappedNote: "Not imported: {headers}",
    noIdNote:
      "No ID column is mapped: every row will be added, and importing the file again will add it again.",
    previewTitle: "Preview",
    previewLine: "Line",
    previewCaption: "The first rows as they will be imported; cells with a problem are marked.",
    problemsTitle: "Rows that will be skipped",
    problemsMore: "…and {count} more.",
    readyCount: "{ready} of {rows} rows are ready to import.",
    dateOrderTitle: "How are dates written in this file?",
    dateOrderHint:
      "Dates such as {example} could be read either way. Pick the order your CRM uses.",
    dateOrderDmy: "Day/month (31/12/2024)",
    dateOrderMdy: "Month/day (12/31/2024)",
    errorForeignTable:
      "The {table} table in this workbook is not one Setup made, so the import leaves it alone. Rename that table (or its sheet) and run Setup again, or import into a new workbook.",
    errorCellTooLong:
      "Some values are longer than a cell can hold (32,767 characters). Nothing was written.",
    cellTooLongLine: "Line {line}: {column} has {count} characters.",
    truncateLong: "Cut these values to 32,767 characters and import",
    errorRowTooLarge:
      "A row is too large to send to Excel in one request (4 MB). Nothing was written.",
    rowTooLargeLine: "Line {line} is too large.",
    errorSheetFull:
      "The rows would not fit on the sheet: {count} rows past Excel's last row. Nothing was written.",
    errorTableChanged: "The {table} table changed since the import, so nothing was removed.",
    errorTableFiltered:
      "The {table} table has a filter on, and Excel does not delete rows of a filtered table, so nothing was removed. Clear the filter on the {table} table, then try again.",
    errorMergeInTheWay:
      "Nothing was imported: the merged cells {cell} on “{sheet}” cross the columns below the {table} table, and Excel cannot move part of a merge as rows are added. Unmerge {cell} or move it, then import again.",
    errorTableInTheWay:
      "Nothing was imported: the table {other} ({cell} on “{sheet}”) crosses the columns below the {table} table, so Excel cannot add rows to {table}. Move {other}, then import again.",
    goToCells: "Go to {cell}",
    encodingLabel: "Encoding",
    encodingHint: "Change it if letters look wrong (é, ü, €, Arabic letters).",
    encodingUtf8: "UTF-8 (Unicode)",
    encodingWindows1252: "Windows-1252 (Western)",
    encodingWindows1256: "Windows-1256 (Arabic)",
    encodingUtf16le: "UTF-16 LE (Unicode)",
    encodingUtf16be: "UTF-16 BE (Unicode)",
    delimiterLabel: "Separator",
    delimiterComma: "Comma (,)",
    delimiterSemicolon: "Semicolon (;)",
    delimiterTab: "Tab",
    delimiterPipe: "Pipe (|)",
    sheetLabel: "Sheet",
    fromWorkbook: "Or import a sheet of this workbook",
    fromWorkbookButton: "Choose a sheet",
    workbookSheetLabel: "Sheet or selection",
    workbookSelection: "The selection ({address})",
    readSheetButton: "Use this sheet",
    undoButton: "Remove the {count} rows this import added",
    undoDone: "Removed the {count} rows this import added.",
    xlsxError: "This file cannot be read as an Excel workbook (.xlsx).",
    truncatedNote: "{count} values were cut to 32,767 characters.",
    currencyAssumed:
      "{count} amounts are written with {symbol} and the file has no currency column: they count in your reporting currency (Settings). If they are in another currency, add a Currency column to the file and import it again.",
    sourceWorkbook: "Sheet {sheet}",
    numberMarkTitle: "How are numbers written in {column}?",
    numberMarkHint: "“{example}” can be read two ways. Choose how your system writes numbers.",
    numberMarkDot: "Decimal point: {example} is {value}",
    numberMarkComma: "Decimal comma: {example} is {value}",
    errorNeedsNumberFormat: "Choose how numbers are written in this file (above) before importing.",
    importButton: "Import",
    importing: "Importing…",
    progressLabel: "Import progress",
    progressReading: "Reading the table…",
    progressWriting: "Writing rows: {done} of {total}",
    progressDone: "Import finished.",
    summaryTitle: "Import finished",
    summaryAdded: "Added: {count}",
    summaryUpdated: "Updated: {count}",
    summarySkipped: "Skipped: {count}",
    summaryWritten: "Rows written: {ranges}",
    summaryStagesAdded:
      "Stages added to the Stages table in Settings: {stages}. Check their probabilities there.",
    summaryStageAssumed: "{stage} ({probability}, assumed: the CRM's default)",
    summaryStagesNamed:
      "{count} stage ids written as the Stages table's names ({list}), so each stage has one spelling in Deals.",
    summaryStageNamedItem: "{id} → {name}",
    summaryNoRate:
      "No exchange rate for {list}: their amounts are left out of the dashboard and recorded as 0 in the pipeline history. Add a rate in Settings › Rates.",
    summaryNoRateItem: "{count} deals in {code}",
    summaryMissingColumns:
      "The table has no column {columns}: those values were not imported. Run Setup to add it.",
    summaryTableDuplicates:
      "These IDs appear more than once in the table; only the first row was updated: {ids}",
    summaryNotInFile:
      "{count} deals of the Deals table are not in this file and were left as they are: {ids}. If a deal was deleted in your CRM, delete its row in the Deals table: the next import records it as Removed.",
    failureTitle: "The import stopped part-way",
    failureBody:
      "{written} rows were written; {rest} were not ({message}). The table is consistent: run the import again to finish.",
    errorTitle: "Nothing was imported",
    errorMalformed: "The file is not a valid CSV. Fix these lines and choose it again:",
    errorNoTable: "There is no {table} table in this workbook. Run Setup first, then import.",
    errorNoIdColumn: "The {table} table has no ID column any more. Run Setup to restore it.",
    errorNeedsDateOrder: "Choose how dates are written in this file, then import.",
    errorNothingMapped: "No column of the file is mapped. Pick a table column for at least one.",
    errorBadMapping: "The column mapping does not fit this file. Choose the file again.",
    errorUnexpected: "Something went wrong: {message}",
    errorReadFile: "The file could not be read. Check that it is a text (CSV) file.",
    issueEmpty: "The file is empty.",
    issueUnterminatedQuote: 'Line {line}: a quoted value never ends (a " is missing).',
    issueBadQuote: "Line {line}: a quote inside a quoted value is not doubled.",
    issueFieldCount: "Line {line}: {got} values, but the header has {expected}.",
    issuesMore: "…and {count} more lines.",
    problemNotADate: "Line {line}: {column} “{value}” is not a date.",
    problemAmbiguousDate: "Line {line}: {column} “{value}” could be day/month or month/day.",
    problemNotANumber: "Line {line}: {column} “{value}” is not a number.",
    problemAmbiguousNumber:
      "Line {line}: {column} “{value}” reads differently with a decimal point or a decimal comma: choose one above.",
    problemPercentScale:
      "Line {line}: {column} “{value}” is a fraction in a column of percent points: write it as points (50) or with % (0.5%).",
    problemNotAWholeNumber: "Line {line}: {column} “{value}” is not a whole number.",
    problemNotAFlag: "Line {line}: {column} “{value}” is not yes or no.",
    problemMissingId: "Line {line}: no {column}.",
    problemDuplicateId:
      "Line {line}: ID “{value}” appears again on line {keptLine}, which is imported instead.",
    problemCurrencyMismatch:
      "Line {line}: the amount and the currency name different currencies ({value}). Correct one of them in the file.",
    yes: "Yes",
    no: "No",
  },
  ar: {
    title: "الاستيراد من نظام إدارة العملاء",
    intro:
      "استورد ملف تصدير من HubSpot أو Salesforce أو Pipedrive (أو أي ملف CSV) إلى جدول العملاء المحتملين أو الصفقات. استيراد التصدير التالي يحدّث الصفوف نفسها ويضيف الجديدة.",
    chooseFile: "اختر ملف CSV أو Excel",
    browseFile: "اختر ملفًا…",
    fileHint:
      "ملف CSV أو نصي (مفصول بفواصل أو فواصل منقوطة أو علامات جدولة أو خطوط عمودية)، أو مصنف Excel ‏(.xlsx).",
    fileChosen: "الملف: {name}",
    pasteLabel: "أو الصق نص CSV",
    pasteHint: "انسخ الصفوف من ملف التصدير مع صف العناوين.",
    usePasted: "استخدم النص الملصق",
    target: "الاستيراد إلى",
    targetLeads: "العملاء المحتملون",
    targetDeals: "الصفقات",
    detected: "المصدر المكتشف: {source}",
    sourceHubspotDeals: "تصدير صفقات HubSpot",
    sourceHubspotContacts: "تصدير جهات اتصال HubSpot",
    sourceSalesforceOpportunities: "تقرير فرص Salesforce",
    sourceSalesforceLeads: "تقرير العملاء المحتملين في Salesforce",
    sourcePipedriveDeals: "تصدير صفقات Pipedrive",
    sourceZohoDeals: "تصدير صفقات Zoho CRM",
    sourceGeneric: "ملف CSV (لم يُتعرّف على نظام إدارة العملاء)",
    fileStats: "{rows} صف، {columns} عمود",
    footerDropped: "تم تجاهل تذييل التقرير وعناوينه ومجاميعه ({count} أسطر).",
    mappingTitle: "الأعمدة",
    mappingHint: "كل عمود في الملف وعمود الجدول الذي يذهب إليه.",
    notImported: "— لا يُستورد —",
    wonLostStatus: "حالة الفوز/الخسارة (تحدد المرحلة)",
    unmappedNote: "لن يُستورد: {headers}",
    noIdNote: "لم يُربط عمود المعرّف: ستُضاف كل الصفوف، وإعادة استيراد الملف ستضيفها مرة أخرى.",
    previewTitle: "معاينة",
    previewLine: "السطر",
    previewCaption: "الصفوف الأولى كما ستُستورد؛ الخلايا التي فيها مشكلة معلَّمة.",
    problemsTitle: "صفوف لن تُستورد",
    problemsMore: "…و{count} غيرها.",
    readyCount: "{ready} من {rows} صف جاهزة للاستيراد.",
    dateOrderTitle: "كيف كُتبت التواريخ في هذا الملف؟",
    dateOrderHint: "تواريخ مثل {example} يمكن قراءتها بطريقتين. اختر الترتيب الذي يستخدمه نظامك.",
    dateOrderDmy: "يوم/شهر (31/12/2024)",
    dateOrderMdy: "شهر/يوم (12/31/2024)",
    errorForeignTable:
      "الجدول {table} في هذا المصنف لم يُنشئه الإعداد، لذا لا يكتب فيه الاستيراد. أعد تسمية ذلك الجدول (أو ورقته) ثم شغّل الإعداد من جديد، أو استورد في مصنف جديد.",
    errorCellTooLong: "بعض القيم أطول مما تتسع له الخلية (32767 حرفًا). لم يُكتب شيء.",
    cellTooLongLine: "السطر {line}: في {column} عدد {count} من الأحرف.",
    truncateLong: "اقتطع هذه القيم إلى 32767 حرفًا ثم استورد",
    errorRowTooLarge: "أحد الصفوف أكبر من أن يُرسل إلى Excel في طلب واحد (4 ميغابايت). لم يُكتب شيء.",
    rowTooLargeLine: "السطر {line} كبير جدًا.",
    errorSheetFull: "لن تتسع الصفوف في الورقة: {count} صفًا بعد آخر صف في Excel. لم يُكتب شيء.",
    errorTableChanged: "تغيّر الجدول {table} بعد الاستيراد، لذا لم يُحذف شيء.",
    errorTableFiltered:
      "على الجدول {table} عامل تصفية، ولا يحذف Excel صفوف جدول مُصفّى، لذا لم يُحذف شيء. امسح عامل التصفية من الجدول {table}، ثم أعد المحاولة.",
    errorMergeInTheWay:
      "لم يُستورد شيء: الخلايا المدمجة {cell} في «{sheet}» تتقاطع مع الأعمدة أسفل الجدول {table}، ولا يستطيع Excel نقل جزء من خلايا مدمجة عند إضافة صفوف. ألغِ دمج {cell} أو انقلها، ثم استورد مجددًا.",
    errorTableInTheWay:
      "لم يُستورد شيء: الجدول {other} ({cell} في «{sheet}») يتقاطع مع الأعمدة أسفل الجدول {table}، لذا لا يستطيع Excel إضافة صفوف إلى {table}. انقل {other}، ثم استورد مجددًا.",
    goToCells: "انتقل إلى {cell}",
    encodingLabel: "الترميز",
    encodingHint: "غيّره إذا ظهرت الحروف بشكل خاطئ (é أو ü أو ع).",
    encodingUtf8: "UTF-8 (يونيكود)",
    encodingWindows1252: "Windows-1252 (غربي)",
    encodingWindows1256: "Windows-1256 (عربي)",
    encodingUtf16le: "UTF-16 LE (يونيكود)",
    encodingUtf16be: "UTF-16 BE (يونيكود)",
    delimiterLabel: "الفاصل",
    delimiterComma: "فاصلة (,)",
    delimiterSemicolon: "فاصلة منقوطة (;)",
    delimiterTab: "علامة جدولة",
    delimiterPipe: "خط عمودي (|)",
    sheetLabel: "الورقة",
    fromWorkbook: "أو استورد ورقة من هذا المصنف",
    fromWorkbookButton: "اختر ورقة",
    workbookSheetLabel: "الورقة أو التحديد",
    workbookSelection: "التحديد ({address})",
    readSheetButton: "استخدم هذه الورقة",
    undoButton: "احذف الصفوف الـ{count} التي أضافها هذا الاستيراد",
    undoDone: "حُذفت الصفوف الـ{count} التي أضافها هذا الاستيراد.",
    xlsxError: "لا يمكن قراءة هذا الملف كمصنف Excel ‏(.xlsx).",
    truncatedNote: "اقتُطعت {count} من القيم إلى 32767 حرفًا.",
    currencyAssumed:
      "{count} من المبالغ مكتوبة بالرمز {symbol} ولا يوجد في الملف عمود للعملة: تُحتسب بعملة التقارير (الإعدادات). إن كانت بعملة أخرى، أضف عمود Currency إلى الملف ثم استورده مجددًا.",
    sourceWorkbook: "الورقة {sheet}",
    numberMarkTitle: "كيف كُتبت الأرقام في {column}؟",
    numberMarkHint: "يمكن قراءة «{example}» بطريقتين. اختر طريقة نظامك في كتابة الأرقام.",
    numberMarkDot: "النقطة فاصلة عشرية: {example} تساوي {value}",
    numberMarkComma: "الفاصلة فاصلة عشرية: {example} تساوي {value}",
    errorNeedsNumberFormat: "اختر طريقة كتابة الأرقام في هذا الملف (أعلاه) قبل الاستيراد.",
    importButton: "استيراد",
    importing: "جارٍ الاستيراد…",
    progressLabel: "تقدم الاستيراد",
    progressReading: "جارٍ قراءة الجدول…",
    progressWriting: "كتابة الصفوف: {done} من {total}",
    progressDone: "اكتمل الاستيراد.",
    summaryTitle: "اكتمل الاستيراد",
    summaryAdded: "أُضيف: {count}",
    summaryUpdated: "حُدّث: {count}",
    summarySkipped: "تُخطّي: {count}",
    summaryWritten: "الصفوف المكتوبة: {ranges}",
    summaryStagesAdded:
      "مراحل أُضيفت إلى جدول المراحل في الإعدادات: {stages}. راجع احتمالاتها هناك.",
    summaryStageAssumed: "{stage} ({probability}، مفترضة: القيمة الافتراضية لنظام CRM)",
    summaryStagesNamed:
      "كُتبت {count} من معرّفات المراحل بأسمائها في جدول المراحل ({list})، لتبقى لكل مرحلة كتابة واحدة في جدول الصفقات.",
    summaryStageNamedItem: "{id} باسم {name}",
    summaryNoRate:
      "لا يوجد سعر صرف لـ {list}: مبالغها غير محسوبة في لوحة المعلومات ومسجّلة صفرًا في سجل خط المبيعات. أضف سعرًا في الإعدادات › أسعار الصرف.",
    summaryNoRateItem: "الصفقات بعملة {code} (العدد: {count})",
    summaryMissingColumns:
      "لا يحتوي الجدول على العمود {columns}: لم تُستورد قيمه. شغّل الإعداد لإضافته.",
    summaryTableDuplicates: "هذه المعرّفات مكررة في الجدول؛ حُدّث الصف الأول فقط: {ids}",
    summaryNotInFile:
      "{count} صفقة في جدول الصفقات ليست في هذا الملف وبقيت كما هي: {ids}. إن حُذفت صفقة في نظام CRM فاحذف صفها من جدول الصفقات: يسجّلها الاستيراد التالي «محذوفة».",
    failureTitle: "توقف الاستيراد قبل اكتماله",
    failureBody:
      "كُتب {written} صف؛ ولم يُكتب {rest} ({message}). الجدول سليم: أعد الاستيراد لإكماله.",
    errorTitle: "لم يُستورد شيء",
    errorMalformed: "الملف ليس CSV صالحًا. أصلح هذه الأسطر ثم اختره مرة أخرى:",
    errorNoTable: "لا يوجد جدول {table} في هذا المصنف. شغّل الإعداد أولًا ثم استورد.",
    errorNoIdColumn: "لم يعد في جدول {table} عمود المعرّف. شغّل الإعداد لاستعادته.",
    errorNeedsDateOrder: "اختر طريقة كتابة التواريخ في هذا الملف، ثم استورد.",
    errorNothingMapped: "لم يُربط أي عمود من الملف. اختر عمودًا من الجدول لعمود واحد على الأقل.",
    errorBadMapping: "ربط الأعمدة لا يناسب هذا الملف. اختر الملف مرة أخرى.",
    errorUnexpected: "حدث خطأ: {message}",
    errorReadFile: "تعذرت قراءة الملف. تأكد أنه ملف نصي (CSV).",
    issueEmpty: "الملف فارغ.",
    issueUnterminatedQuote: 'السطر {line}: قيمة بين علامتي تنصيص لا تنتهي (تنقص علامة ").',
    issueBadQuote: "السطر {line}: علامة تنصيص داخل قيمة مقتبسة غير مضاعفة.",
    issueFieldCount: "السطر {line}: {got} قيم، بينما في صف العناوين {expected}.",
    issuesMore: "…و{count} أسطر أخرى.",
    problemNotADate: "السطر {line}: {column} «{value}» ليس تاريخًا.",
    problemAmbiguousDate: "السطر {line}: {column} «{value}» قد يكون يوم/شهر أو شهر/يوم.",
    problemNotANumber: "السطر {line}: {column} «{value}» ليس رقمًا.",
    problemAmbiguousNumber:
      "السطر {line}: {column} «{value}» يُقرأ بطريقتين بحسب الفاصلة العشرية: اختر إحداهما أعلاه.",
    problemPercentScale:
      "السطر {line}: {column} «{value}» كسر في عمود نسب مكتوبة بالنقاط: اكتبه نقاطًا (50) أو مع % (0.5%).",
    problemNotAWholeNumber: "السطر {line}: {column} «{value}» ليس عددًا صحيحًا.",
    problemNotAFlag: "السطر {line}: {column} «{value}» ليس نعم أو لا.",
    problemMissingId: "السطر {line}: لا يوجد {column}.",
    problemDuplicateId:
      "السطر {line}: المعرّف «{value}» يتكرر في السطر {keptLine}، وهو الذي سيُستورد.",
    problemCurrencyMismatch:
      "السطر {line}: القيمة والعملة تذكران عملتين مختلفتين ({value}). صحّح إحداهما في الملف.",
    yes: "نعم",
    no: "لا",
  },
};
