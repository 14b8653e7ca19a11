/**
 * A ready formula for every SALES function, over the tables that Setup creates, so "Insert" in
 * the function gallery gives a formula that computes right away. Table and column names come
 * from the workbook schema (they are the same in every language), and a reference to a column
 * the schema does not have fails when this module loads rather than in a user's cell.
 *
 * Formulas are in Excel's invariant syntax (English function names, `,` separators), which is
 * what `Range.formulas` expects whatever the user's Excel language.
 */
import {
  COMPETITORS,
  DEALS,
  HISTORY,
  LEADS,
  NAMES,
  SNAPSHOTS,
  STAGES,
  TARGETS,
  TableSpec,
} from "../../model/schema";

/** The namespace of our functions, as declared in manifest.xml. */
export const NAMESPACE = "SALES";

function checkColumn(table: TableSpec, column: string): string {
  if (!table.columns.some((c) => c.name === column)) {
    throw new Error(`examples: table ${table.name} has no column "${column}"`);
  }
  return column;
}

/**
 * A structured reference to one column of one of our tables.
 *
 * @param table the table spec from the schema
 * @param column the column header (stable identifier)
 * @returns e.g. `Deals[Closed Date]`
 * @throws Error when the schema has no such column
 * @example
 * ref(DEALS, "Stage"); // "Deals[Stage]"
 */
export function ref(table: TableSpec, column: string): string {
  return `${table.name}[${checkColumn(table, column)}]`;
}

/**
 * A structured reference to adjacent columns of one of our tables.
 *
 * @param table the table spec
 * @param first the first column
 * @param last the last column
 * @returns e.g. `Stages[[Stage]:[Probability]]`
 * @example
 * span(STAGES, "Stage", "Probability"); // "Stages[[Stage]:[Probability]]"
 */
export function span(table: TableSpec, first: string, last: string): string {
  return `${table.name}[[${checkColumn(table, first)}]:[${checkColumn(table, last)}]]`;
}

function call(id: string, ...args: string[]): string {
  return `${NAMESPACE}.${id}(${args.join(", ")})`;
}

const stage = ref(DEALS, "Stage");
const amount = ref(DEALS, "Amount");
const closed = ref(DEALS, "Closed Date");
const quota = `SUM(${ref(TARGETS, "Target")})`;
// The workbook's Stages table: passed last (stage_table), a function judges won, lost and open
// (and, for the weighted pipeline, probabilities) exactly as the dashboard does. "" leaves an
// optional argument empty.
const stageTable = `${STAGES.name}[#All]`;
const wonAmount = `SUMIFS(${amount}, ${stage}, "Closed Won")`;
// Open deals: neither of the default closed stages that Setup writes, and not blank.
const openDeals = `COUNTIFS(${stage}, "<>Closed Won", ${stage}, "<>Closed Lost", ${stage}, "<>")`;
// Won revenue per month, as a column of numbers: the history the forecast functions need.
const monthlyWon = `INDEX(${call("PERIOD_TOTALS", closed, amount, '"month"', "", "", stage, stageTable)}, 0, 2)`;

/** The example formula of each function id (without the leading "="). */
const EXAMPLES: Readonly<Record<string, string>> = {
  WIN_RATE: call("WIN_RATE", stage, "", "", "", stageTable),
  CONVERSION_RATE: call("CONVERSION_RATE", ref(LEADS, "Converted")),
  // With the History, a lost or moved-back deal counts up to the furthest stage it reached.
  FUNNEL: call(
    "FUNNEL",
    stage,
    ref(STAGES, "Stage"),
    stageTable,
    `${HISTORY.name}[#All]`,
    ref(DEALS, "Deal ID")
  ),
  AVG_DEAL_SIZE: call("AVG_DEAL_SIZE", amount, stage, "", stageTable),
  SALES_CYCLE: call("SALES_CYCLE", ref(DEALS, "Created"), closed, stage, "", stageTable),
  PIPELINE_VALUE: call("PIPELINE_VALUE", amount, stage, "", "", "", stageTable),
  WEIGHTED_PIPELINE: call("WEIGHTED_PIPELINE", amount, stage, "", stageTable),
  SALES_VELOCITY: call(
    "SALES_VELOCITY",
    openDeals,
    call("WIN_RATE", stage, "", "", "", stageTable),
    call("AVG_DEAL_SIZE", amount, stage, "", stageTable),
    call("SALES_CYCLE", ref(DEALS, "Created"), closed, stage, "", stageTable)
  ),
  QUOTA_ATTAINMENT: call("QUOTA_ATTAINMENT", amount, stage, closed, quota, "", "", stageTable),
  PIPELINE_COVERAGE: call(
    "PIPELINE_COVERAGE",
    call("PIPELINE_VALUE", amount, stage, "", "", "", stageTable),
    quota,
    wonAmount
  ),
  LEAD_RESPONSE_TIME: call(
    "LEAD_RESPONSE_TIME",
    ref(LEADS, "Created"),
    ref(LEADS, "First Contact")
  ),
  PERIOD_TOTALS: call("PERIOD_TOTALS", closed, amount, '"month"', "", "", stage, stageTable),
  GROWTH: call("GROWTH", monthlyWon),
  COMPETITOR_WIN_RATE: call(
    "COMPETITOR_WIN_RATE",
    ref(DEALS, "Competitor"),
    stage,
    `INDEX(${ref(COMPETITORS, "Competitor")}, 1)`,
    "",
    stageTable
  ),
  // Amount is a deal's net total and List Price a unit price: compare totals, quantity 1 each.
  PRICE_REALIZATION: call(
    "PRICE_REALIZATION",
    amount,
    `${ref(DEALS, "List Price")}*${ref(DEALS, "Quantity")}`
  ),
  STALE_DEALS: call("STALE_DEALS", ref(DEALS, "Last Activity"), stage, "14", "", stageTable),
  // No table holds revenue per account or churn: a worked example with typed-in values.
  CLV: call("CLV", "1200", "0.7", "0.05"),
  FORECAST_SALES: call("FORECAST_SALES", monthlyWon, "6"),
  FORECAST_SEASONALITY: call("FORECAST_SEASONALITY", monthlyWon),
  // The last two snapshots, this fiscal quarter's pipeline; the index counts quiet weeks too.
  PIPELINE_CHANGES: call(
    "PIPELINE_CHANGES",
    `${HISTORY.name}[#All]`,
    stageTable,
    '"This fiscal quarter"',
    NAMES.fiscalYearStart,
    "",
    "",
    "",
    ref(SNAPSHOTS, "Snapshot")
  ),
  // Stuck: in the stage for more than 1.5× its average time, from the snapshots' real movement.
  STUCK_DEALS: call("STUCK_DEALS", `${HISTORY.name}[#All]`, stageTable),
  FORECAST_CATEGORY: call(
    "FORECAST_CATEGORY",
    ref(DEALS, "Forecast Category"),
    amount,
    ref(DEALS, "Expected Close"),
    '"Commit"',
    '"This fiscal quarter"',
    NAMES.fiscalYearStart,
    "",
    "",
    stage,
    span(STAGES, "Stage", "Forecast Category")
  ),
};

/**
 * The ready formula for a function, starting with "=".
 *
 * @param id the function id (e.g. "WIN_RATE")
 * @returns the formula, or null when the function has no example
 * @example
 * exampleFormula("WIN_RATE"); // "=SALES.WIN_RATE(Deals[Stage], , , , Stages[#All])"
 */
export function exampleFormula(id: string): string | null {
  const body = EXAMPLES[id];
  return body === undefined ? null : `=${body}`;
}

/**
 * The ids that have an example, for tests and checks.
 *
 * @returns the ids
 * @example
 * exampleIds().includes("FUNNEL"); // true
 */
export function exampleIds(): string[] {
  return Object.keys(EXAMPLES);
}
