/**
 * The Period filter as sheet formulas: the first and last day of the chosen period and of the
 * period before it, and the fiscal period's name, written from the same shapes
 * (`periodShape`) the task pane's TypeScript path (engine/dashboard/periodWindows.ts) computes
 * with, so the two cannot drift. Every fiscal choice reads the fiscal-year start month from the
 * `DashFiscalStart` helper cell, which follows the Settings sheet live.
 */
import {
  ALL_TIME_FROM,
  ALL_TIME_TO,
  PERIOD_CHOICES,
  PeriodChoice,
  periodShape,
} from "../../engine/dashboard/periodWindows";
import { Caption, NAMES, WorkbookLanguage } from "../../model/schema";
import { CAPTIONS, PERIOD_LABELS } from "./captions";
import { lit } from "./formulas";
import { DASH_NAMES } from "./types";

const N = DASH_NAMES;

/**
 * The fiscal-year start month as the sheet reads it: the Settings value when it is a whole
 * month 1–12, else January (as `normalStart` does).
 *
 * @param hasName whether the workbook defines `SalesFiscalYearStart`
 * @returns the helper cell's formula
 * @example
 * fiscalStartFormula(false); // "=1"
 */
export function fiscalStartFormula(hasName: boolean): string {
  if (!hasName) return "=1";
  const x = NAMES.fiscalYearStart;
  return `=IFERROR(IF(AND(ISNUMBER(${x}),${x}=INT(${x}),${x}>=1,${x}<=12),${x},1),1)`;
}

/** The SWITCH arms of the one-month/quarter/year choices, one expression per choice. */
function arms(
  lang: WorkbookLanguage,
  expr: (months: number, back: number, start: string) => string
) {
  return PERIOD_CHOICES.flatMap((c) => {
    const shape = periodShape(c);
    if (!shape) return [];
    return [
      `${lit(PERIOD_LABELS[c][lang])},${expr(shape.months, shape.back, shape.fiscal ? N.fiscalStart : "1")}`,
    ];
  }).join(",");
}

/**
 * The formulas of the computed filter cells: From, To, Previous from, Previous to. Previous to
 * is the same date one period before the as-of date while the period is under way (capped at
 * From − 1, which it reaches once the period is over), so "prev." compares the same elapsed
 * span (see engine/dashboard/periodWindows.ts); a custom range under way takes as many days
 * from Previous from as have passed. Blank for "all time".
 *
 * @param lang the dashboard's language (the Period cell holds its labels)
 * @param noPrevious what Previous from shows for "all time"
 * @returns the four cell formulas
 * @example
 * periodFormulas("en", "—").from; // "=SWITCH(DashPeriod,\"This month\",DATE(...),...)"
 */
export function periodFormulas(
  lang: WorkbookLanguage,
  noPrevious: string
): {
  readonly from: string;
  readonly to: string;
  readonly prevFrom: string;
  readonly prevTo: string;
} {
  const P = (c: PeriodChoice): string => lit(PERIOD_LABELS[c][lang]);
  const a = N.asOf;
  // Back from this month to the start of the quarter (or year) holding it, in a year starting
  // in month `start`, then whole periods further back; DATE rolls months below 1 into the year before.
  const start = (months: number, back: number, s: string): string =>
    `DATE(YEAR(${a}),MONTH(${a})-MOD(MONTH(${a})-${s},${months})-${months * back},1)`;
  const from =
    `=SWITCH(${N.period},${arms(lang, start)},` +
    `${P("last12Months")},DATE(YEAR(${a}),MONTH(${a})-11,1),` +
    `${P("allTime")},${ALL_TIME_FROM},${N.customFrom})`;
  const to =
    `=SWITCH(${N.period},${arms(lang, (m) => `EDATE(${N.from},${m})-1`)},` +
    `${P("last12Months")},EDATE(${N.from},12)-1,${P("allTime")},${ALL_TIME_TO},${N.customTo})`;
  const prevFrom =
    `=SWITCH(${N.period},${arms(lang, (m) => `EDATE(${N.from},-${m})`)},` +
    `${P("last12Months")},EDATE(${N.from},-12),${P("allTime")},${lit(noPrevious)},` +
    `2*${N.from}-${N.to}-1)`;
  const f = N.from;
  const prevTo =
    `=IF(ISNUMBER(${N.prevFrom}),SWITCH(${N.period},` +
    `${arms(lang, (m) => `MIN(${f}-1,EDATE(${a},-${m}))`)},` +
    `${P("last12Months")},MIN(${f}-1,EDATE(${a},-12)),` +
    `IF(AND(${a}>=${f},${a}<${N.to}),${a}-(${N.to}-${f}+1),${f}-1)),"")`;
  return { from, to, prevFrom, prevTo };
}

/**
 * The formula of the pace cell beside the period's target: the share of the period's target due
 * by the as-of day by the Targets table itself (the target from From to As of, pro rata within a
 * month as the period's target is, ÷ the period's target), so a plan heavier in December expects
 * less by June than an even one; with equal monthly targets it is close to the share of days.
 * Signed by whether the quota attainment is at or ahead of it (+) or behind it (−), so the number
 * format can colour and arrow it as the "prev." change cells are. Blank when there is no pace to
 * keep: the period is over or not begun, "all time", no targets (for the owner chosen), or the
 * attainment is not a number. Live over DashFrom/DashTo/DashAsOf: right tomorrow without a rebuild.
 *
 * @param lang the dashboard's language (the Period cell holds its labels)
 * @param attainment the quota attainment tile's value (its named item)
 * @param dueByAsOf the target from the period's start to the as-of day (`Formulas.target`)
 * @returns the cell formula
 * @example
 * paceFormula("en", "DashQuotaAttainment", f.target(N.from, N.asOf)); // '=IFERROR(IF(AND(N(DashTarget)>0,…'
 */
export function paceFormula(lang: WorkbookLanguage, attainment: string, dueByAsOf: string): string {
  const { from, to, asOf, target, period } = N;
  const share = `(${dueByAsOf})/${target}`;
  const known =
    `AND(N(${target})>0,${period}<>${lit(PERIOD_LABELS.allTime[lang])},` +
    `ISNUMBER(${from}),ISNUMBER(${to}),ISNUMBER(${asOf}),ISNUMBER(${attainment}))`;
  const underWay = `AND(${from}<=${asOf},${asOf}<=${to})`;
  return `=IFERROR(IF(${known},IF(${underWay},IF(${attainment}>=${share},1,-1)*${share},""),""),"")`;
}

/**
 * A caption template with {y} and {q} as a formula concatenation.
 *
 * @param template the caption text
 * @param y the fiscal year expression
 * @param q the quarter expression
 * @returns the formula expression
 * @example
 * named("FY{y} Q{q}", "A1", "A2"); // '"FY"&A1&" Q"&A2'
 */
export function named(template: string, y: string, q: string): string {
  const parts = template.split(/(\{y\}|\{q\})/).filter((p) => p !== "");
  return parts.map((p) => (p === "{y}" ? y : p === "{q}" ? q : lit(p))).join("&");
}

/**
 * The formula of the cell naming the fiscal period the filter selects ("FY2027 Q3"), blank for
 * the other choices. The fiscal year is named by the calendar year it ends in.
 *
 * @param lang the dashboard's language
 * @param t the caption picker
 * @returns the cell formula
 * @example
 * fiscalNameFormula("en", (c) => c.en); // '=IF(OR(DashPeriod="This fiscal quarter",...),"FY"&...,...)'
 */
export function fiscalNameFormula(lang: WorkbookLanguage, t: (c: Caption) => string): string {
  const S = N.fiscalStart;
  const from = N.from;
  const fy = `(YEAR(${from})+IF(AND(${S}>1,MONTH(${from})>=${S}),1,0))`;
  const q = `(INT(MOD(MONTH(${from})-${S},12)/3)+1)`;
  const is = (months: number): string =>
    `OR(${PERIOD_CHOICES.filter((c) => periodShape(c)?.fiscal && periodShape(c)?.months === months)
      .map((c) => `${N.period}=${lit(PERIOD_LABELS[c][lang])}`)
      .join(",")})`;
  return (
    `=IF(${is(3)},${named(t(CAPTIONS.fiscalQuarterName), fy, q)},` +
    `IF(${is(12)},${named(t(CAPTIONS.fiscalYearName), fy, q)},""))`
  );
}
