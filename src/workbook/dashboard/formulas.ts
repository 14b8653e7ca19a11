/**
 * Formula pieces shared by the tiles and the sections: the owner and date masks, the won/lost
 * vocabulary of the Stages table, and the SUMIFS/COUNTIFS criteria every figure filters with.
 */
import { VocabularyStage, outcomeLabels, vocabularyClassifier } from "../../engine/stageVocabulary";
import { Stage } from "../../engine/stages";
import { REPORTING_AMOUNT, TABLES } from "../../model/schema";
import { ALL_OWNERS } from "./captions";
import { DASH_NAMES, PlanInput, StageInfo } from "./types";

/**
 * The plan's Stages rows as the stage vocabulary reads them: outcome only (the formulas read
 * probabilities from the live table).
 *
 * @param stages the plan's stages
 * @returns the vocabulary
 * @example
 * vocabularyClassifier(planVocabulary(input.stages))("closedwon"); // Stage.Won
 */
export function planVocabulary(stages: readonly StageInfo[]): VocabularyStage[] {
  return stages.map((s) => ({
    name: s.name,
    probability: null,
    outcome: s.stage === Stage.Won ? Stage.Won : s.stage === Stage.Lost ? Stage.Lost : Stage.Open,
  }));
}

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
    // One vocabulary: the Stages table's outcomes, the built-in spellings it does not list, and
    // every spelling the deals use that the table's rules judge won or lost (an id such as
    // "closedwon" next to the table's "Closed Won"), so the SUMIFS/COUNTIFS figures count the
    // deals the SALES functions count when given the table.
    const stages = planVocabulary(input.stages);
    const labels = outcomeLabels(stages);
    const judge = vocabularyClassifier(stages);
    const withSpellings = (listed: readonly string[], outcome: Stage): string[] => {
      const out = [...listed];
      // Excel's = ignores case, so one spelling per case-insensitive text is enough.
      const seen = new Set(out.map((l) => l.toLowerCase()));
      for (const name of input.data?.stageNames ?? [])
        if (judge(name) === outcome && !seen.has(name.toLowerCase())) {
          out.push(name);
          seen.add(name.toLowerCase());
        }
      return out;
    };
    this.won = withSpellings(labels.won, Stage.Won);
    this.lost = withSpellings(labels.lost, Stage.Lost);
  }

  /**
   * The Stages table as the SALES functions' `stage_table` argument, headers included, so
   * every SALES figure judges won, lost and open (and reads probabilities) by the live table.
   */
  get stageTable(): string {
    return `${TABLES.stages}[#All]`;
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

  /**
   * The stage argument of a SALES function for the deals inside `mask`: the Deals[Stage] cells,
   * blank outside the mask. The call passes {@link stageTable} as well, which judges them.
   *
   * @param mask a 0/1 (or more) array expression
   * @returns the argument
   */
  stagesIn(mask: string): string {
    return `IF(${mask},${TABLES.deals}[Stage],"")`;
  }

  /** The Owner filter as one owner's name, "" for all owners (SALES.PIPELINE_CHANGES's `owner`). */
  get ownerName(): string {
    return `IF(${DASH_NAMES.owner}=${this.all},"",${DASH_NAMES.owner})`;
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
