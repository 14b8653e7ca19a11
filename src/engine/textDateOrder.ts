/**
 * Day-first or month-first text dates in a range ("31/03/2026", "03-31-26", "٣١/٠٣/٢٠٢٦"): a CSV
 * from a European CRM opened in a US-locale Excel keeps every date whose day is above 12 as text.
 * Whether "03/04/2026" is 3 April or 4 March cannot be told from one cell, so the order is
 * decided once per range by the import's own evidence rule (csv/dateText `analyzeDateColumn`),
 * and every text date of the range is read that way. Part of the one coercion module: cellDates.ts
 * uses it and cells.ts re-exports what callers need.
 */
import { DateOrderEvidence, NumericDate, analyzeDateColumn, readDateShape } from "./csv/dateText";
import { DayMonthOrder } from "./csv/types";

/**
 * Reads a cell's text as a numeric day/month date shape (`a/b/year`, `a.b.yy`, `a-b-year`, with
 * an optional time; Arabic-Indic digits too), as the import reads it.
 *
 * @param cell a cell value
 * @returns the shape, or null when the cell is not such text
 * @example
 * numericDateText("31/03/2026"); // { kind: "numeric", a: 31, b: 3, year: 2026, time: 0 }
 * numericDateText("2026-03-31"); // null (ISO text is read without an order)
 */
export function numericDateText(cell: unknown): NumericDate | null {
  if (typeof cell !== "string") return null;
  const shape = readDateShape(cell);
  return shape !== null && shape.kind === "numeric" ? shape : null;
}

/** What a range's text dates decide. */
export interface TextDateOrder {
  /** The order to read every text date of the range with; null when the range cannot tell. */
  readonly order: DayMonthOrder | null;
  /** The import's counts: why there is no order (all ambiguous, or both orders proven). */
  readonly evidence: DateOrderEvidence;
  /**
   * When the range contradicts itself: the index (into `shapes`) of the first day-first-only
   * and of the first month-first-only value, to name both cells; null otherwise.
   */
  readonly conflict: { readonly dmy: number; readonly mdy: number } | null;
}

/**
 * Decides a range's day/month order from its text dates alone (serials are not evidence: Excel
 * may already have swapped them). A value with a first part above 12 proves day-first, one with
 * a second part above 12 proves month-first; a range with only values whose parts are equal
 * (04/04/2026) reads the same either way.
 *
 * @param shapes the range's numeric text dates (nulls, for the other cells, are ignored)
 * @returns the order (null when all are ambiguous or they contradict), the evidence, the conflict
 * @example
 * textDateOrder([numericDateText("03/04/2026"), numericDateText("31/03/2026")]).order; // "dmy"
 * textDateOrder([numericDateText("03/04/2026")]).order; // null (ambiguous)
 */
export function textDateOrder(shapes: readonly (NumericDate | null)[]): TextDateOrder {
  const evidence = analyzeDateColumn(shapes);
  if (evidence.order !== null) return { order: evidence.order, evidence, conflict: null };
  if (evidence.mdy > 0 && evidence.dmy > 0) {
    const dmy = shapes.findIndex((s) => s !== null && s.a > 12);
    const mdy = shapes.findIndex((s) => s !== null && s.a <= 12 && s.b > 12);
    return { order: null, evidence, conflict: { dmy, mdy } };
  }
  // Nothing proven and nothing ambiguous: every value is like 04/04/2026, the same either way.
  const order = evidence.ambiguous === 0 ? "mdy" : null;
  return { order, evidence, conflict: null };
}
