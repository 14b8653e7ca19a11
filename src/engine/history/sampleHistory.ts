/**
 * A few weeks of plausible pipeline history for the sample data, ending in the sample deals as
 * they are: walking back week by week, deals not yet created disappear, deals closed later were
 * still open (one stage further back for every two weeks before today), some close dates were
 * three weeks earlier (they have been pushed since) and some amounts 10% lower. Deterministic:
 * every choice comes from a hash of the deal ID.
 */
import { normalizeLabel } from "../cells";
import { fnv1a } from "../textHash";
import {
  DealState,
  ForecastCategory,
  HistoryRow,
  categoryOrDefault,
  dealState,
  forecastCategory,
  snapshotRows,
  stateAt,
} from "./snapshot";

/** What the rewind needs of a sample deal. */
export interface RewindDeal {
  readonly dealId: string;
  readonly owner: string;
  readonly stage: string;
  readonly amount: number;
  readonly forecastCategory: string;
  readonly created: number;
  readonly expectedClose: number | null;
  readonly closedDate: number | null;
}

/** What the rewind needs of a stage. */
export interface RewindStage {
  readonly stage: string;
  readonly forecastCategory: string;
  readonly isWon: boolean;
  readonly isLost: boolean;
}

function category(text: string | undefined): ForecastCategory | null {
  return text ? forecastCategory(normalizeLabel(text)) : null;
}

/**
 * The History rows of `weeks` weekly snapshots ending on `asOf` (the last one is the deals as
 * given).
 *
 * @param deals the sample deals
 * @param stages the pipeline (open stages in order, won and lost stages)
 * @param asOf the last snapshot's date
 * @param weeks how many weekly snapshots (default 4)
 * @returns the rows, oldest snapshot first
 * @example
 * sampleHistory(data.deals, stages, today).length; // deals in the first snapshot + changes
 */
export function sampleHistory(
  deals: readonly RewindDeal[],
  stages: readonly RewindStage[],
  asOf: number,
  weeks = 4
): HistoryRow[] {
  const open = stages.filter((s) => !s.isWon && !s.isLost);
  const byName = new Map(stages.map((s) => [normalizeLabel(s.stage), s]));
  let rows: HistoryRow[] = [];
  for (let w = 0; w < weeks; w++) {
    const date = Math.floor(asOf) - 7 * (weeks - 1 - w);
    const back = Math.floor((Math.floor(asOf) - date) / 14);
    const states: DealState[] = [];
    for (const d of deals) {
      if (d.created > date) continue;
      const h = fnv1a(d.dealId);
      const s = byName.get(normalizeLabel(d.stage));
      const closedBy = d.closedDate !== null && d.closedDate <= date;
      if (closedBy || (!s?.isWon && !s?.isLost && back === 0)) {
        states.push(
          dealState({
            id: d.dealId,
            stage: d.stage,
            outcome: s?.isWon ? "won" : s?.isLost ? "lost" : "open",
            amount: d.amount,
            expectedClose: d.expectedClose,
            closedDate: d.closedDate,
            owner: d.owner,
            category: category(d.forecastCategory),
            stageCategory: category(s?.forecastCategory),
          })
        );
        continue;
      }
      // Still open on `date`: an earlier stage, perhaps an earlier close date and a lower amount.
      const now = open.findIndex((o) => normalizeLabel(o.stage) === normalizeLabel(d.stage));
      const k = Math.max(0, (now >= 0 ? now : open.length - 1) - back - (h % 3 === 0 ? 1 : 0));
      const stage = open[k];
      const close = d.expectedClose ?? d.closedDate;
      const pushed = h % 5 === 0 && w < weeks - 2;
      states.push({
        id: d.dealId,
        stage: stage.stage,
        outcome: "open",
        amount: h % 7 === 0 && w < weeks - 1 ? Math.round(d.amount * 0.9) : d.amount,
        closeDate: close === null ? null : pushed ? close - 21 : close,
        owner: d.owner,
        category: categoryOrDefault(null, category(stage.forecastCategory), "open"),
      });
    }
    rows = rows.concat(snapshotRows(stateAt(rows, date), states, date));
  }
  return rows;
}
