import {
  cellLabel,
  column,
  errorInRanges,
  flatten,
  isBlankText,
  optionalRange,
  readAmounts,
  readDateArg,
  readDateSerials,
  readOption,
} from "../../engine/cells";
import { todaySerial } from "../../engine/dates";
import { Result, isError } from "../../engine/errors";
import { withoutHeaderRow } from "../../engine/headerRow";
import { errors } from "../../engine/messages";
import { readFiscalPeriod, readFiscalStart } from "../../engine/history/args";
import { CategorizedDeal, ROLLUPS, forecastRollup } from "../../engine/history/forecastCategories";
import {
  ForecastCategory,
  Outcome,
  categoryOrDefault,
  forecastCategory,
} from "../../engine/history/snapshot";
import { DEFAULT_STAGE_RULES, Stage, classifyLabel } from "../../engine/stages";
import { excel } from "../adapter";

const CATEGORY_NAMES = ["Pipeline", "Best Case", "Commit", "Closed", "Omitted"];

/** An omitted range argument: null, or one blank cell (how some hosts pass a skipped argument). */
function omitted(arg: unknown): boolean {
  if (arg === null || arg === undefined) return true;
  const cells = flatten(arg);
  return cells.length === 1 && isBlankText(cells[0]);
}

function text(cell: unknown): string {
  return isBlankText(cell) ? "" : String(cell).trim();
}

/** Stage → default category from a two-column Stage | Forecast Category range. */
function stageDefaults(table: unknown): Map<string, ForecastCategory> {
  const out = new Map<string, ForecastCategory>();
  if (!Array.isArray(table)) return out;
  for (const row of table as unknown[][]) {
    if (!Array.isArray(row) || row.length < 2) continue;
    const stage = cellLabel(row[0]);
    const category = forecastCategory(cellLabel(row[row.length - 1]));
    if (stage !== null && category !== null && !out.has(stage)) out.set(stage, category);
  }
  return out;
}

function outcomeOf(stage: string | null): Outcome {
  if (stage === null) return "open";
  const s = classifyLabel(stage, DEFAULT_STAGE_RULES);
  return s === Stage.Won ? "won" : s === Stage.Lost ? "lost" : "open";
}

/**
 * Forecast category roll-up, as Salesforce's forecasts: "Closed"; "Commit" = Commit + Closed; "Best Case" = Best Case + Commit + Closed; "Pipeline" = Pipeline + Best Case + Commit (open pipeline). Omitted deals never count. Sums the amounts of the deals closing in the period.
 * @customfunction FORECAST_CATEGORY
 * @param categories Each deal's forecast category, e.g. Deals[Forecast Category] (Salesforce or HubSpot spelling). A blank one takes its stage's category from stage_categories.
 * @param amounts Each deal's amount, same size.
 * @param close_dates Each deal's close date, same size.
 * @param rollup "Commit", "Best Case", "Closed" or "Pipeline".
 * @param [period] "This fiscal quarter" (default), "Last fiscal quarter", "Next fiscal quarter", "This fiscal year", "FY2027", "FY2027 Q2" or "All".
 * @param [fiscal_year_start] The month the fiscal year starts in, 1–12 (default 1), e.g. SalesFiscalYearStart. FY2027 is the fiscal year ending in 2027.
 * @param [owners] Each deal's owner, same size, to total one owner's deals.
 * @param [owner] The owner to total (default: everyone).
 * @param [stages] Each deal's stage, same size, for deals without a category; a won stage makes a deal Closed and a lost one Omitted, whatever its category says.
 * @param [stage_categories] The stages and their default categories, e.g. Stages[[Stage]:[Forecast Category]]. Without it a blank category is Closed for won, Omitted for lost, Pipeline for open deals.
 * @param [as_of] The date "this" periods refer to (default: today when calculated).
 * @returns The roll-up's amount (0 when no deal counts).
 * @example =SALES.FORECAST_CATEGORY(Deals[Forecast Category], Deals[Amount], Deals[Expected Close], "Commit", "This fiscal quarter", SalesFiscalYearStart)
 */
export function forecastCategoryFunction(
  categories: any[][],
  amounts: any[][],
  close_dates: any[][],
  rollup: any,
  period?: any,
  fiscal_year_start?: any,
  owners?: any[][],
  owner?: any,
  stages?: any[][],
  stage_categories?: any[][],
  as_of?: any
): number {
  return excel((): Result<number> => {
    const which = readOption(rollup, "rollup", ["", ...ROLLUPS] as const);
    if (isError(which)) return which;
    if (which === "")
      return errors.needsArgument("rollup", '"Commit", "Best Case", "Closed" or "Pipeline"');
    owners = optionalRange(owners, categories);
    stages = optionalRange(stages, categories);
    [categories, amounts, close_dates, owners, stages] = withoutHeaderRow(
      ["text", categories],
      ["number", amounts],
      ["date", close_dates],
      ["text", owners],
      ["text", stages]
    );
    // The text ranges have no per-cell reader that names them: an error value in one is the
    // result, naming its range and cell, as in the other functions.
    const bad = errorInRanges(
      ["Forecast category", categories],
      ["Owner", owners],
      ["Stage", stages]
    );
    if (bad) return bad;
    const cats = column(categories);
    const money = readAmounts(amounts, "Amount");
    if (isError(money)) return money;
    const dates = readDateSerials(close_dates, "Close date");
    if (isError(dates)) return dates;
    const who = omitted(owners) ? null : column(owners);
    const stageCells = omitted(stages) ? null : column(stages);
    const sizes = [cats.length, money.length, dates.length, who?.length, stageCells?.length];
    if (sizes.some((n) => n !== undefined && n !== cats.length)) return errors.sameSize();
    const asOf = readDateArg(as_of, "as_of");
    if (isError(asOf)) return asOf;
    const fy = readFiscalStart(fiscal_year_start);
    if (isError(fy)) return fy;
    const range = readFiscalPeriod(period, fy, asOf ?? todaySerial(), "this fiscal quarter");
    if (isError(range)) return range;
    const defaults = stageDefaults(stage_categories);
    const deals: CategorizedDeal[] = [];
    for (let i = 0; i < cats.length; i++) {
      const stage = stageCells ? cellLabel(stageCells[i]) : null;
      const label = cellLabel(cats[i]);
      const given = forecastCategory(label);
      if (label !== null && given === null)
        return errors.unknownOption(`Forecast category #${i + 1}`, cats[i], CATEGORY_NAMES);
      const outcome = outcomeOf(stage);
      // A closed stage decides, as Salesforce ties Closed Won to Closed and Closed Lost to
      // Omitted: a lost deal whose category was left at Commit is not in the commit forecast.
      const category =
        outcome === "won"
          ? "closed"
          : outcome === "lost"
            ? "omitted"
            : categoryOrDefault(
                given,
                stage === null ? null : (defaults.get(stage) ?? null),
                outcome
              );
      const d = dates[i];
      deals.push({
        owner: who ? text(who[i]) : "",
        category,
        amount: money[i],
        closeDate: d === d ? d : null,
      });
    }
    const ownerCell = Array.isArray(owner) ? flatten(owner)[0] : owner;
    const only = isBlankText(ownerCell) ? null : String(ownerCell);
    if (only !== null && who === null) return errors.needsArgument("owner", "the owners range too");
    return forecastRollup(deals, which, range, only);
  });
}
