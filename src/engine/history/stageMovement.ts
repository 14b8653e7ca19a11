/**
 * Time in stage and stage conversion from real movement between snapshots (not from the stage
 * order alone), and the deals stuck in their stage.
 *
 * A deal's stint in a stage starts at the snapshot where it is first seen in that stage and ends
 * at the first later snapshot showing another stage, a close, or its removal. A stint's start is
 * known to the snapshot when the deal was seen arriving in the stage: moved from another stage,
 * reopened, or new since an earlier snapshot (the first snapshot holds every deal, so a deal first
 * seen later was created in between, in that stage, as a CRM's "date entered stage" counts a new
 * deal's first stage). Only the stints of the first snapshot started at an unknown date before:
 * they are left out of the averages, and for "stuck" their age counts from that snapshot (a lower
 * bound).
 * A snapshot is what its date's last row says (an import repeated on one day amends that day, as
 * in stateAt), so a stage the amended import corrected was never entered. A stage is known by its
 * identity (`stageKey`): a CRM's internal id and its label are one stage.
 */
import { stageKey } from "../stageVocabulary";
import { HistoryRow, dealTimelines } from "./snapshot";
import { stageRanks } from "./stageOrder";

/** What the history says about one stage. */
export interface StageTiming {
  readonly stage: string;
  /** Mean days of the completed stints with a known start, or null when there are none. */
  readonly averageDays: number | null;
  /** Completed stints with a known start (the average's sample size). */
  readonly completed: number;
  /** Deals seen in this stage. */
  readonly entered: number;
  /** Of those, deals later seen in a later stage of the order, or won. */
  readonly movedPast: number;
  /** movedPast ÷ entered, null when no deal was seen in the stage. */
  readonly conversion: number | null;
}

/** An open deal that has been in its stage for more than 1.5× the stage's average. */
export interface StuckDeal {
  readonly id: string;
  readonly stage: string;
  readonly owner: string;
  readonly amount: number;
  /** Days in the stage so far (at least). */
  readonly days: number;
  readonly averageDays: number;
}

/** The factor over the average time in stage that makes a deal stuck (domain reference). */
export const STUCK_FACTOR = 1.5;

interface Stint {
  readonly stage: string;
  readonly start: number;
  readonly known: boolean;
  end: number | null;
}

/**
 * The open-stage stints of one deal, with its rows in date order; a stint starting after
 * `firstSnapshot` (the History's first date) has a known start.
 */
function stints(rows: readonly HistoryRow[], firstSnapshot: number): Stint[] {
  const out: Stint[] = [];
  let current: Stint | null = null;
  for (const r of rows) {
    const open = r.outcome === "open";
    if (current && (!open || stageKey(r.stage) !== stageKey(current.stage))) {
      current.end = r.snapshot;
      current = null;
    }
    if (open && !current) {
      const known = out.length > 0 || r.snapshot > firstSnapshot;
      current = { stage: r.stage, start: r.snapshot, known, end: null };
      out.push(current);
    }
  }
  return out;
}

/**
 * Time in stage and stage conversion for every stage of `stageOrder` (in that order), from the
 * History rows (see the module comment).
 *
 * Complexity: O(n log n) for sorting each deal's rows.
 *
 * @param rows the History rows
 * @param stageOrder the open stages in pipeline order, normalized
 * @returns one entry per stage of the order
 * @example
 * stageTimings(rows, ["qualification", "demo", "proposal"])[1].averageDays; // e.g. 14
 */
export function stageTimings(
  rows: readonly HistoryRow[],
  stageOrder: readonly string[]
): StageTiming[] {
  const rankOf = stageRanks(stageOrder);
  const days = stageOrder.map(() => ({ sum: 0, n: 0 }));
  const entered = stageOrder.map(() => 0);
  const past = stageOrder.map(() => 0);
  let first = Infinity;
  for (const r of rows) if (r.snapshot < first) first = r.snapshot;
  for (const list of dealTimelines(rows).values()) {
    const seen = new Set<number>();
    let furthest = -1;
    for (const s of stints(list, first)) {
      const k = rankOf(s.stage);
      if (k === undefined) continue;
      seen.add(k);
      if (s.known && s.end !== null) {
        days[k].sum += s.end - s.start;
        days[k].n++;
      }
    }
    for (const r of list) {
      if (r.outcome === "won") furthest = stageOrder.length;
      const k = rankOf(r.stage);
      if (r.outcome === "open" && k !== undefined && k > furthest) furthest = k;
    }
    for (const k of seen) {
      entered[k]++;
      // Moved past: a later stage than this one was reached (won counts as past every stage).
      if (furthest > k) past[k]++;
    }
  }
  return stageOrder.map((stage, k) => ({
    stage,
    averageDays: days[k].n ? days[k].sum / days[k].n : null,
    completed: days[k].n,
    entered: entered[k],
    movedPast: past[k],
    conversion: entered[k] ? past[k] / entered[k] : null,
  }));
}

/**
 * Open deals stuck in their stage: in it for more than 1.5× the stage's average time (stages
 * without a known average judge no deal), longest first.
 *
 * @param rows the History rows
 * @param timings the stages' timings from stageTimings
 * @param asOf the date to measure to (the latest snapshot, usually)
 * @returns the stuck deals
 * @example
 * stuckDeals(rows, stageTimings(rows, order), today).map((d) => d.id); // ["D17", "D4"]
 */
export function stuckDeals(
  rows: readonly HistoryRow[],
  timings: readonly StageTiming[],
  asOf: number
): StuckDeal[] {
  const rankOf = stageRanks(timings.map((t) => t.stage));
  const out: StuckDeal[] = [];
  for (const [id, list] of dealTimelines(rows)) {
    const upTo = list.filter((r) => r.snapshot <= asOf);
    const last = upTo[upTo.length - 1];
    if (!last || last.outcome !== "open") continue;
    const stint = stints(upTo, -Infinity).pop();
    const k = rankOf(last.stage);
    const avg = k === undefined ? null : timings[k].averageDays;
    if (!stint || avg === null) continue;
    const daysIn = Math.floor(asOf) - stint.start;
    if (daysIn > STUCK_FACTOR * avg)
      out.push({
        id,
        stage: last.stage,
        owner: last.owner,
        amount: last.amount,
        days: daysIn,
        averageDays: avg,
      });
  }
  return out.sort((a, b) => b.days - a.days || (a.id < b.id ? -1 : 1));
}
