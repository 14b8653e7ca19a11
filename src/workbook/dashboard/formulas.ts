/**
 * Formula pieces shared by the tiles and the sections: the owner and date masks, the won/lost
 * vocabulary of the Stages table, and the SUMIFS/COUNTIFS criteria every figure filters with.
 */
import { outcomeLabels } from "../../engine/stageVocabulary";
import { DEFAULT_STAGE_RULES, Stage, classifyLabel } from "../../engine/stages";
import { normalizeLabel } from "../../engine/cells";
import { REPORTING_AMOUNT, TABLES } from "../../model/schema";
import { ALL_OWNERS } from "./captions";
import { DASH_NAMES, PlanInput } from "./types";

/**
 * Quotes a text for a formula string literal.
 *
 * @param text any text
 * @returns the literal
 * @example
 * lit('say "hi"'); // '"say ""hi"""'
 */
export function lit(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Formula pieces shared by the tiles and tables. */
export class Formulas {
  readonly all: string;
  readonly won: readonly string[];
  readonly lost: readonly string[];

  constructor(readonly input: PlanInput) {
    this.all = lit(ALL_OWNERS[input.language]);
    // One vocabulary: the Stages table's outcomes, then the built-in spellings it does not list.
    const labels = outcomeLabels(
      input.stages.map((s) => ({
        name: s.name,
        probability: null,
        outcome:
          s.stage === Stage.Won ? Stage.Won : s.stage === Stage.Lost ? Stage.Lost : Stage.Open,
      }))
    );
    this.won = labels.won;
    this.lost = labels.lost;
    // The SALES functions know only the built-in labels: when the table calls something else won
    // or lost (or calls a built-in label open), their stage argument is translated first.
    const builtIn = (label: string): Stage =>
      classifyLabel(normalizeLabel(label), DEFAULT_STAGE_RULES);
    this.translate =
      this.won.some((l) => builtIn(l) !== Stage.Won) ||
      this.lost.some((l) => builtIn(l) !== Stage.Lost);
  }

  /**
   * The deal amounts every amount figure sums: Deals[Reporting Amount], each deal's amount in the
   * reporting currency, "" for a deal whose currency has no rate in the Rates table (SUMIFS and
   * SUM skip text, so such deals drop out; {@link amountMask} keeps them from counting as 0).
   */
  get amount(): string {
    return `${TABLES.deals}[${REPORTING_AMOUNT}]`;
  }

  /**
   * A mask for amount figures: `mask`, times 1 (or more) for deals whose amount converts to the
   * reporting currency: a Reporting Amount, or no Amount at all (a blank amount counts as 0, as
   * the SALES functions document).
   *
   * @param mask a 0/1 array expression
   * @returns the mask with the conversion condition
   */
  amountMask(mask: string): string {
    return `${mask}*((${this.amount}<>"")+(${TABLES.deals}[Amount]=""))`;
  }

  /** Whether stage names are translated to "Won"/"Lost" before reaching SALES functions. */
  readonly translate: boolean;

  /** 1 (or more) for deals whose stage is one of `labels`. */
  private anyOf(labels: readonly string[]): string {
    return `(${labels.map((l) => `(${TABLES.deals}[Stage]=${lit(l)})`).join("+")})`;
  }

  /**
   * The stage argument of a SALES function for the deals inside `mask`: the Deals[Stage] cells,
   * blank outside the mask, judged by the Stages table (won → "Won", lost → "Lost").
   *
   * @param mask a 0/1 (or more) array expression
   * @returns the argument
   */
  stagesIn(mask: string): string {
    const D = TABLES.deals;
    if (!this.translate) return `IF(${mask},${D}[Stage],"")`;
    const lost = `IF(${this.anyOf(this.lost)}>0,"Lost",${D}[Stage])`;
    return `IF(${mask},IF(${this.anyOf(this.won)}>0,"Won",${lost}),"")`;
  }

  /** 1 (or more) for deal rows inside the Owner filter. */
  get dealOwnerMask(): string {
    return `((${TABLES.deals}[Owner]=${DASH_NAMES.owner})+(${DASH_NAMES.owner}=${this.all}))`;
  }

  /** 1 (or more) for lead rows inside the Owner filter. */
  get leadOwnerMask(): string {
    return `((${TABLES.leads}[Owner]=${DASH_NAMES.owner})+(${DASH_NAMES.owner}=${this.all}))`;
  }

  /** 1 for rows whose date column falls in [from, to] by whole days. */
  dateIn(column: string, from: string, to: string): string {
    return `(${column}>=${from})*(${column}<${to}+1)`;
  }

  closedIn(from: string, to: string): string {
    return this.dateIn(`${TABLES.deals}[Closed Date]`, from, to);
  }

  expectedIn(from: string, to: string): string {
    return this.dateIn(`${TABLES.deals}[Expected Close]`, from, to);
  }

  createdIn(from: string, to: string): string {
    return this.dateIn(`${TABLES.leads}[Created]`, from, to);
  }

  /** SUMIFS/COUNTIFS criteria pairs for a date column inside [from, to]. */
  dateCriteria(column: string, from: string, to: string): string {
    return `${column},">="&${from},${column},"<"&${to}+1`;
  }

  /** Sum of won amounts closed in [from, to] for an owner criterion (one SUMIFS per won label). */
  wonRevenue(from: string, to: string, owner: string = DASH_NAMES.ownerCriteria): string {
    return this.won
      .map(
        (w) =>
          `SUMIFS(${this.amount},${TABLES.deals}[Stage],${lit(w)},${TABLES.deals}[Owner],${owner},${this.dateCriteria(`${TABLES.deals}[Closed Date]`, from, to)})`
      )
      .join("+");
  }

  /** Count of deals with one of `labels` closed in the period, naming a competitor. */
  competitorCount(labels: readonly string[], competitorCell: string): string {
    return labels
      .map(
        (label) =>
          `COUNTIFS(${TABLES.deals}[Competitor],"*"&${competitorCell}&"*",${TABLES.deals}[Stage],${lit(label)},${TABLES.deals}[Owner],${DASH_NAMES.ownerCriteria},${this.dateCriteria(`${TABLES.deals}[Closed Date]`, DASH_NAMES.from, DASH_NAMES.to)})`
      )
      .join("+");
  }

  /** 1 for open deals (stage not blank, not won, not lost). */
  get openMask(): string {
    const closed = [...this.won, ...this.lost].map((l) => `(${TABLES.deals}[Stage]<>${lit(l)})`);
    return `(${TABLES.deals}[Stage]<>"")*${closed.join("*")}`;
  }

  /**
   * Target of the Targets table in [from, to] for an owner criterion. Targets are monthly (a
   * row's Month is any day of its month): whole months inside the period count in full, and a
   * month the period covers only partly counts pro rata by days (a custom 15 Apr–14 May takes
   * half of April's and of May's target), so one-month, quarter and year periods (fiscal or
   * not) sum their months exactly.
   */
  target(from: string, to: string, owner: string = DASH_NAMES.ownerCriteria): string {
    const T = TABLES.targets;
    const sum = (lo: string, hi: string): string =>
      `SUMIFS(${T}[Target],${T}[Owner],${owner},${this.dateCriteria(`${T}[Month]`, lo, hi)})`;
    const headEnd = `EOMONTH(${from},0)`;
    const tailStart = `DATE(YEAR(${to}),MONTH(${to}),1)`;
    const tailEnd = `EOMONTH(${to},0)`;
    // The first month's share (the whole period when it ends in the same month) …
    const head = `${sum(`DATE(YEAR(${from}),MONTH(${from}),1)`, headEnd)}*(MIN(${to},${headEnd})-${from}+1)/DAY(${headEnd})`;
    // … then, when it runs on, the whole months between and the last month's share.
    const rest = `${sum(`${headEnd}+1`, `${tailStart}-1`)}+${sum(tailStart, tailEnd)}*(${to}-${tailStart}+1)/DAY(${tailEnd})`;
    return `(${head}+IF(${headEnd}<${to},${rest},0))`;
  }
}

/**
 * Wraps a figure so an empty period shows a dash instead of an error.
 *
 * @param formula the readable formula
 * @param fallback what to show instead of an error
 * @returns the cell formula
 */
export function shown(formula: string, fallback = '"—"'): string {
  return `=IFERROR(${formula},${fallback})`;
}
