/**
 * Formula pieces shared by the tiles and the sections: the owner and date masks, the won/lost
 * vocabulary of the Stages table, and the SUMIFS/COUNTIFS criteria every figure filters with.
 */
import { Stage } from "../../engine/stages";
import { TABLES } from "../../model/schema";
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
    const won = input.stages.filter((s) => s.stage === Stage.Won).map((s) => s.name);
    const lost = input.stages.filter((s) => s.stage === Stage.Lost).map((s) => s.name);
    this.won = won.length ? won : ["Closed Won"];
    this.lost = lost.length ? lost : ["Closed Lost"];
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
          `SUMIFS(${TABLES.deals}[Amount],${TABLES.deals}[Stage],${lit(w)},${TABLES.deals}[Owner],${owner},${this.dateCriteria(`${TABLES.deals}[Closed Date]`, from, to)})`
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

  /** Target of the Targets table in [from, to] for an owner criterion. */
  target(from: string, to: string, owner: string = DASH_NAMES.ownerCriteria): string {
    return `SUMIFS(${TABLES.targets}[Target],${TABLES.targets}[Owner],${owner},${this.dateCriteria(`${TABLES.targets}[Month]`, from, to)})`;
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
