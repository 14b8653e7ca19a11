/**
 * The one catalogue of error messages the SALES functions show, in English and Arabic. Every
 * `EngineError` is built here, so wording stays consistent and can be reviewed (and translated)
 * in one place.
 *
 * Kinds follow what Excel can display: Excel shows a message only on #VALUE! and #N/A, so every
 * problem with an argument is #VALUE! naming the argument, the value and what is accepted;
 * #DIV/0! is kept for a real division by zero (an empty denominator) and #NUM! for a result that
 * overflows.
 */
import { EngineError, ErrorKind } from "./errors";

/** Shortens a cell's raw content for quoting in a message; numbers are shown as numbers. */
function quote(raw: unknown): string {
  if (typeof raw === "number") return String(raw);
  const text = typeof raw === "string" ? raw : String(raw);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);
}

/** Arabic names of the range labels the adapters pass (argument names stay as in the formula). */
const AR_LABELS: Record<string, string> = {
  Amount: "المبلغ",
  History: "السجل",
  Value: "القيمة",
  Date: "التاريخ",
  Created: "تاريخ الإنشاء",
  Closed: "تاريخ الإغلاق",
  "Close date": "تاريخ الإغلاق",
  "First contact": "أول تواصل",
  "Last activity": "آخر نشاط",
  Timeline: "الخط الزمني",
  Probability: "الاحتمال",
  "Net price": "السعر الصافي",
  "List price": "سعر القائمة",
  Quantity: "الكمية",
  Lead: "العميل المحتمل",
  Deal: "الصفقة",
  "first contact": "أول تواصل",
  created: "الإنشاء",
  closed: "الإغلاق",
};
const ar = (label: string): string => AR_LABELS[label] ?? label;

/** A shape as rows×columns, e.g. "2×2". */
export interface Shape {
  readonly rows: number;
  readonly columns: number;
}
const shapeText = (s: Shape): string => `${s.rows}×${s.columns}`;

const make = (kind: ErrorKind, en: string, arabic: string): EngineError =>
  new EngineError(kind, en, arabic);

/**
 * Builders for every engine error. Positions are 1-based, counted row by row through the range.
 *
 * @example
 * errors.notANumber("Amount", 7, "abc").message; // 'Amount #7 is not a number: "abc"'
 */
export const errors = {
  notANumber: (label: string, position: number, raw: unknown): EngineError =>
    make(
      "value",
      `${label} #${position} is not a number: ${quote(raw)}`,
      `${ar(label)} رقم ${position} ليس عددًا: ${quote(raw)}`
    ),
  notADate: (label: string, position: number, raw: unknown): EngineError =>
    make(
      "value",
      `${label} #${position} is not a date: ${quote(raw)}`,
      `${ar(label)} رقم ${position} ليس تاريخًا: ${quote(raw)}`
    ),
  /** A date kept as text in a locale's order (31/03/2026): day or month first cannot be told. */
  dateAsText: (label: string, position: number | null, raw: unknown): EngineError => {
    const where = position === null ? label : `${label} #${position}`;
    const whereAr = position === null ? `الوسيطة ${label}` : `${ar(label)} رقم ${position}`;
    return make(
      "value",
      `${where} is a date kept as text: ${quote(raw)}; retype it as a date in Excel or write it as year-month-day (2026-03-31)`,
      `${whereAr} تاريخ محفوظ نصًا: ${quote(raw)}؛ أعد كتابته تاريخًا في Excel أو اكتبه بالصيغة سنة-شهر-يوم (2026-03-31)`
    );
  },
  /**
   * A range whose text dates prove both orders (31/03/2026 and 03/31/2026): neither can be used,
   * so none of its text dates is read. Names the first cell proving each order.
   */
  dateOrderConflict: (
    label: string,
    dayFirst: readonly [position: number, raw: unknown],
    monthFirst: readonly [position: number, raw: unknown]
  ): EngineError =>
    make(
      "value",
      `${label} #${dayFirst[0]} (${quote(dayFirst[1])}) is day-first but ${label} #${monthFirst[0]} (${quote(monthFirst[1])}) is month-first: the text dates of this range mix both orders, so none can be read; retype them as dates in Excel or write them as year-month-day (2026-03-31)`,
      `${ar(label)} رقم ${dayFirst[0]} (${quote(dayFirst[1])}) يبدأ باليوم لكن ${ar(label)} رقم ${monthFirst[0]} (${quote(monthFirst[1])}) يبدأ بالشهر: التواريخ النصية في هذا النطاق تخلط الترتيبين فلا يُقرأ أي منها؛ أعد كتابتها تواريخ في Excel أو اكتبها بالصيغة سنة-شهر-يوم (2026-03-31)`
    ),
  /**
   * A date column of an imported file written in the Hijri calendar (1448/06/15): refused, as
   * converting it exactly needs the Umm al-Qura tables (engine/csv/hijri.ts). Names the file's
   * column header and the line of its first Hijri date.
   */
  hijriDates: (header: string, line: number, raw: unknown, count: number): EngineError =>
    make(
      "value",
      `column ${quote(header)} holds Hijri dates (${count} ${count === 1 ? "cell" : "cells"}, the first on line ${line}: ${quote(raw)}): the import reads Gregorian dates only, and converting Hijri dates would move some by a day or two. Export the file again with Gregorian dates (in the CRM, set the calendar of your personal or locale settings to Gregorian), then import it; nothing was imported`,
      `العمود ${quote(header)} فيه تواريخ هجرية (${count} خلية، أولها في السطر ${line}: ${quote(raw)}): يقرأ الاستيراد التواريخ الميلادية فقط، وتحويل التواريخ الهجرية قد يزيح بعضها يومًا أو يومين. صدّر الملف مرة أخرى بالتواريخ الميلادية (في نظام CRM اجعل التقويم في إعداداتك الشخصية أو إعدادات اللغة والمنطقة ميلاديًا)، ثم استورده؛ لم يُستورد شيء`
    ),
  /** A range cell holding a Hijri date as text (1448/06/15): read nowhere near its real day. */
  hijriDateCell: (label: string, position: number, raw: unknown): EngineError =>
    make(
      "value",
      `${label} #${position} is a Hijri date: ${quote(raw)}; the functions read Gregorian dates only: enter it as a Gregorian date (a date cell can still show the Hijri calendar through its number format), or export the data again with Gregorian dates`,
      `${ar(label)} رقم ${position} تاريخ هجري: ${quote(raw)}؛ تقرأ الدوال التواريخ الميلادية فقط: أدخله تاريخًا ميلاديًا (يمكن أن تعرض خلية التاريخ التقويم الهجري عبر تنسيق الأرقام)، أو صدّر البيانات مرة أخرى بالتواريخ الميلادية`
    ),
  notAFlag: (label: string, position: number, raw: unknown): EngineError =>
    make(
      "value",
      `${label} #${position} is not a yes/no value: ${quote(raw)}`,
      `${ar(label)} رقم ${position} ليس قيمة نعم/لا: ${quote(raw)}`
    ),
  /** A range cell holding an Excel error value: the function shows the same error (as SUM does). */
  errorInRange: (kind: ErrorKind, label: string, position: number, code: string): EngineError =>
    make(
      kind,
      `${label} #${position} holds ${code}: fix or clear that cell (an error in a range is the result, as in SUM)`,
      `${ar(label)} رقم ${position} فيه الخطأ ${code}: صحّح الخلية أو امسحها (الخطأ في نطاق هو النتيجة، كما في SUM)`
    ),
  notText: (label: string, raw: unknown): EngineError =>
    make(
      "value",
      `${label} must be text, got ${quote(raw)}`,
      `يجب أن يكون ${label} نصًا؛ القيمة ${quote(raw)}`
    ),
  /** Parallel ranges of different lengths (engine-level check, when shapes are unknown). */
  sameSize: (): EngineError =>
    make("value", "ranges must be the same size", "يجب أن تكون النطاقات بالحجم نفسه"),
  /** Parallel ranges of different shapes, as Excel's SUMIFS/AVERAGEIFS refuse them. */
  shapeMismatch: (name: string, shape: Shape, other: string, otherShape: Shape): EngineError =>
    make(
      "value",
      `${other} is ${shapeText(otherShape)} but ${name} is ${shapeText(shape)}: the ranges must have the same shape`,
      `النطاق ${other} بحجم ${shapeText(otherShape)} لكن ${name} بحجم ${shapeText(shape)}: يجب أن يكون للنطاقين الشكل نفسه`
    ),
  argNotANumber: (name: string, raw: unknown): EngineError =>
    make(
      "value",
      `${name} is not a number: ${quote(raw)}`,
      `الوسيطة ${name} ليست عددًا: ${quote(raw)}`
    ),
  argNotADate: (name: string, raw: unknown): EngineError =>
    make(
      "value",
      `${name} is not a date: ${quote(raw)}`,
      `الوسيطة ${name} ليست تاريخًا: ${quote(raw)}`
    ),
  /**
   * An argument outside its accepted range: #VALUE! naming the argument, the rule and the value.
   * `rule` and `ruleAr` complete "must be …".
   */
  argOutOfRange: (name: string, rule: string, got?: unknown, ruleAr?: string): EngineError =>
    make(
      "value",
      got === undefined ? `${name} must be ${rule}` : `${name} must be ${rule}; got ${quote(got)}`,
      got === undefined
        ? `يجب أن تكون ${name} ${ruleAr ?? rule}`
        : `يجب أن تكون ${name} ${ruleAr ?? rule}؛ القيمة المُدخلة ${quote(got)}`
    ),
  unknownOption: (name: string, raw: unknown, allowed: readonly string[]): EngineError =>
    make(
      "value",
      `${name} ${quote(raw)} is not one of: ${allowed.join(", ")}`,
      `القيمة ${quote(raw)} للوسيطة ${name} ليست من: ${allowed.join("، ")}`
    ),
  divByZero: (what: string, whatAr?: string): EngineError => new EngineError("div0", what, whatAr),
  notAvailable: (what: string, whatAr?: string): EngineError => new EngineError("na", what, whatAr),
  dateOrder: (label: string, position: number, later: string, earlier: string): EngineError =>
    make(
      "value",
      `${label} #${position}: ${later} is before ${earlier}`,
      `${ar(label)} رقم ${position}: ${ar(later)} قبل ${ar(earlier)}`
    ),
  tooLarge: (): EngineError =>
    make("num", "the result is too large to represent", "النتيجة أكبر من أن تُمثَّل"),
  forecastTooFewValues: (count: number): EngineError =>
    make(
      "value",
      `the history needs at least 3 numbers, it has ${count}`,
      `يحتاج السجل إلى 3 أعداد على الأقل، وفيه ${count}`
    ),
  forecastTooManyMissing: (missing: number, total: number): EngineError =>
    make(
      "value",
      `the history is missing ${missing} of ${total} values; at most 30% can be filled in`,
      `ينقص السجل ${missing} من ${total} قيمة؛ ولا يمكن إكمال أكثر من 30%`
    ),
  needsArgument: (name: string, needed: string): EngineError =>
    make("value", `${name} needs ${needed}`, `الوسيطة ${name} تحتاج إلى ${needed}`),
  emptyArgument: (name: string): EngineError =>
    make("value", `${name} is empty`, `الوسيطة ${name} فارغة`),
  duplicateLabel: (name: string, raw: unknown): EngineError =>
    make("value", `${name} lists ${quote(raw)} twice`, `الوسيطة ${name} تذكر ${quote(raw)} مرتين`),
  stageNotInTable: (raw: unknown): EngineError =>
    make(
      "na",
      `stage ${quote(raw)} is not in the probability table`,
      `المرحلة ${quote(raw)} ليست في جدول الاحتمالات`
    ),
  tooFewValues: (needed: number, got: number): EngineError =>
    make(
      "na",
      `needs at least ${needed} values, got ${got}`,
      `يلزم ${needed} قيم على الأقل، والموجود ${got}`
    ),
  tooManyRows: (rows: number, max: number): EngineError =>
    make(
      "num",
      `${rows} rows do not fit on a sheet (at most ${max})`,
      `${rows} صفًا لا تتسع لها ورقة (الحد ${max})`
    ),
  /** PERIOD_TOTALS would spill more periods than its documented cap. */
  tooManyPeriods: (count: number, max: number, period: string): EngineError =>
    make(
      "value",
      `the dates span ${count} periods of one ${period}; at most ${max} can be listed: choose a longer period or set from_date/to_date`,
      `تمتد التواريخ على ${count} فترة (${period})؛ والحد ${max}: اختر فترة أطول أو حدّد from_date وto_date`
    ),
  quotaMet: (): EngineError => make("na", "quota already met", "تحققت الحصة بالفعل"),
  noDatedRows: (): EngineError => make("na", "no dated rows", "لا توجد صفوف مؤرخة"),
  /** The history holds nothing but zeros and blanks (on Excel desktop blanks arrive as 0). */
  onlyZeros: (label: string): EngineError =>
    make(
      "value",
      `${label} has no value other than 0 or blank`,
      `لا يحتوي ${ar(label)} على أي قيمة غير الصفر أو الفراغ`
    ),
  duplicateDate: (raw: number): EngineError =>
    make(
      "value",
      `timeline lists the date ${raw} twice; each period may appear once`,
      `الخط الزمني يذكر التاريخ ${raw} مرتين؛ يجب أن تظهر كل فترة مرة واحدة`
    ),
  unevenTimeline: (): EngineError =>
    make(
      "value",
      "timeline dates are not evenly spaced (same number of days, or same day of every month/quarter/year)",
      "تواريخ الخط الزمني ليست متباعدة بانتظام (عدد الأيام نفسه، أو اليوم نفسه من كل شهر/ربع/سنة)"
    ),
  negativeNotAllowed: (
    label: string,
    position: number,
    raw: unknown,
    hint: string,
    hintAr: string
  ): EngineError =>
    make(
      "value",
      `${label} #${position} is negative (${quote(raw)}); ${hint}`,
      `${ar(label)} رقم ${position} سالب (${quote(raw)})؛ ${hintAr}`
    ),
  negativeTotal: (what: string, whatAr: string): EngineError => make("value", what, whatAr),
  missingColumn: (table: string, column: string): EngineError =>
    make(
      "value",
      `${table} needs its header row with a "${column}" column`,
      `يحتاج ${table} إلى صف العناوين وفيه العمود "${column}"`
    ),
  badTableCell: (
    table: string,
    row: number,
    column: string,
    raw: unknown,
    what: string
  ): EngineError =>
    make(
      "value",
      `${table} row ${row}, ${column}: ${quote(raw)} is not ${what}`,
      `${table}، الصف ${row}، ${column}: القيمة ${quote(raw)} ليست ${what}`
    ),
  tooFewSnapshots: (got: number): EngineError =>
    make(
      "na",
      `needs at least 2 snapshots, the history has ${got}: import the deals again next week`,
      `يلزم لقطتان على الأقل، وفي السجل ${got}: استورد الصفقات مرة أخرى الأسبوع القادم`
    ),
  tooFewSnapshotsBy: (got: number): EngineError =>
    make(
      "na",
      `needs at least 2 snapshots up to as_of, the history has ${got} by then: choose a later as_of`,
      `يلزم لقطتان على الأقل حتى التاريخ as_of، وفي السجل ${got} حتى ذلك التاريخ: اختر تاريخًا لاحقًا`
    ),
  notASnapshot: (name: string, raw: unknown): EngineError =>
    make(
      "na",
      `${name} ${quote(raw)} is not a snapshot date of the history`,
      `القيمة ${quote(raw)} للوسيطة ${name} ليست تاريخ لقطة في السجل`
    ),
  /** FUNNEL's `history` needs each deal's ID to find the deal's rows. */
  historyNeedsIds: (): EngineError =>
    make(
      "value",
      "history needs deal_ids: give each deal's ID in the same order as stages, e.g. Deals[Deal ID] with Deals[Stage], or leave history empty",
      "الوسيطة history تحتاج إلى deal_ids: أعطِ معرّف كل صفقة بترتيب stages نفسه، مثل Deals[Deal ID] مع Deals[Stage]، أو اترك history فارغة"
    ),
  /** FUNNEL's `deal_ids` without `history` would change nothing. */
  idsNeedHistory: (): EngineError =>
    make(
      "value",
      "deal_ids needs history: give the History table with its header row, e.g. History[#All], or leave deal_ids empty",
      "الوسيطة deal_ids تحتاج إلى history: أعطِ جدول السجل مع صف العناوين، مثل History[#All]، أو اترك deal_ids فارغة"
    ),
  /** FUNNEL's `deal_ids` and `stages` must pair cell by cell. */
  idsMisaligned: (ids: number, stages: number): EngineError =>
    make(
      "value",
      `deal_ids has ${ids} cells but stages has ${stages}: give one ID per deal, aligned with stages (Deals[Deal ID] with Deals[Stage]; filter both the same way)`,
      `في deal_ids ‏${ids} خلية لكن في stages ‏${stages}: أعطِ معرّفًا واحدًا لكل صفقة بمحاذاة stages ‏(Deals[Deal ID] مع Deals[Stage]؛ وصفِّ النطاقين بالطريقة نفسها)`
    ),
  /** The stage_table argument is not a Stages table (see engine/stageTableArg). */
  stageTableShape: (): EngineError =>
    make(
      "value",
      "stage_table must be the Stages table: its Stage column and its Is Won/Is Lost or Probability columns, e.g. Stages[#All] or Settings!Stages[#Data]",
      "يجب أن تكون الوسيطة stage_table جدول المراحل: عمود Stage مع عمودي Is Won وIs Lost أو عمود Probability، مثل Stages[#All] أو Settings!Stages[#Data]"
    ),
  stageTableTooWide: (columns: number, max: number): EngineError =>
    make(
      "value",
      `stage_table has ${columns} columns and no header row (the Stages table has ${max}): pass Stages[#All], with its headers, so each column is found by name`,
      `في الوسيطة stage_table ‏${columns} أعمدة دون صف عناوين (في جدول المراحل ${max}): مرّر Stages[#All] بعناوينه ليُعرف كل عمود باسمه`
    ),
  stageTableCell: (row: number, column: string, raw: unknown, kind: "flag" | "probability") =>
    make(
      "value",
      `stage_table row ${row}, ${column}: ${quote(raw)} is not ${kind === "flag" ? "TRUE or FALSE" : "a probability from 0% to 100%"}; correct it in the Stages table on Settings`,
      `الوسيطة stage_table، الصف ${row}، ${column}: القيمة ${quote(raw)} ليست ${kind === "flag" ? "TRUE أو FALSE" : "احتمالًا بين 0% و100%"}؛ صحّحها في جدول المراحل في ورقة الإعدادات`
    ),
  stageTableBothOutcomes: (row: number, stage: unknown): EngineError =>
    make(
      "value",
      `stage_table row ${row}: stage ${quote(stage)} is marked both won and lost; clear Is Won or Is Lost in the Stages table on Settings`,
      `الوسيطة stage_table، الصف ${row}: المرحلة ${quote(stage)} معلّمة فوزًا وخسارة معًا؛ امسح Is Won أو Is Lost في جدول المراحل في ورقة الإعدادات`
    ),
  stageTableConflict: (row: number, stage: unknown, firstRow: number, first: unknown) =>
    make(
      "value",
      `stage_table rows ${firstRow} and ${row} (${quote(first)}, ${quote(stage)}) are one stage with different outcomes or probabilities; keep one row in the Stages table on Settings`,
      `الصفان ${firstRow} و${row} في الوسيطة stage_table ‏(${quote(first)}، ${quote(stage)}) مرحلة واحدة بنتيجتين أو احتمالين مختلفين؛ أبقِ صفًا واحدًا في جدول المراحل في ورقة الإعدادات`
    ),
  stageTableWithLabels: (name: string): EngineError =>
    make(
      "value",
      `give ${name} or stage_table, not both: the Stages table already says which stages are won and lost; leave ${name} empty`,
      `أعطِ ${name} أو stage_table لا كليهما: جدول المراحل يحدد المراحل الرابحة والخاسرة؛ اترك ${name} فارغة`
    ),
  stageNotInStageTable: (raw: unknown): EngineError =>
    make(
      "na",
      `stage ${quote(raw)} is not in stage_table: add it with its probability to the Stages table on Settings (importing the file adds it)`,
      `المرحلة ${quote(raw)} ليست في الوسيطة stage_table: أضفها مع احتمالها إلى جدول المراحل في ورقة الإعدادات (استيراد الملف يضيفها)`
    ),
  noProbabilities: (): EngineError =>
    make(
      "value",
      "probabilities is empty: give Stages[[Stage]:[Probability]], one probability per deal, or the Stages table as stage_table",
      "الوسيطة probabilities فارغة: أعطِ Stages[[Stage]:[Probability]] أو احتمالًا لكل صفقة أو جدول المراحل في الوسيطة stage_table"
    ),
};
