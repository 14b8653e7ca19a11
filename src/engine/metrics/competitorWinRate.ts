/**
 * Competitive win rate: win rate over closed deals where a given competitor was logged.
 */
import { LabelIndex, normalizeLabel } from "../cells";
import { Result, finite } from "../errors";
import { errors } from "../messages";
import { Stage } from "../stages";

/** A competitor cell may list several names: "Acme, Globex", "Acme; Globex", "Acme / Globex". */
const SEPARATORS = /[,;/]/;

/**
 * Win rate (by count, or by value with amounts) over won and lost deals whose competitor cell
 * names `competitor`. Names match whole after normalization (case, `-`/`_`, spaces), so "Acme"
 * matches "acme" and "ACME / Globex" but not "Acme Corp". A cell matches when its whole text is
 * the competitor (so a competitor named "Acme/Globex" is found) or when one of the names it
 * lists, separated by , ; or /, is. Each distinct competitor cell is split and matched once. By
 * value only positive amounts count (credit notes are not outcomes), so the rate stays in 0–1.
 *
 * Complexity: O(n + distinct competitor cells).
 *
 * @param competitors the competitor range as a label index (see indexLabels)
 * @param stages one Stage per deal
 * @param competitor the normalized competitor name
 * @param amounts one amount per deal (null for blanks, counted as 0), or null for a count
 * @returns the rate; #VALUE! for unequal lengths or an empty name; #DIV/0! when no closed deal
 *   names the competitor
 * @example
 * // competitors "Acme", "Acme; Globex", "Globex"; stages Won, Lost, Won → vs "acme": 0.5
 */
export function competitorWinRate(
  competitors: LabelIndex,
  stages: ArrayLike<Stage>,
  competitor: string,
  amounts: ArrayLike<number | null> | null
): Result<number> {
  const idx = competitors.index;
  if (idx.length !== stages.length || (amounts && amounts.length !== idx.length))
    return errors.sameSize();
  if (competitor === "") return errors.notText("competitor", "");
  const names = competitors.labels.map(
    (l) =>
      l === competitor || l.split(SEPARATORS).some((part) => normalizeLabel(part) === competitor)
  );
  let won = 0;
  let closed = 0;
  for (let i = 0; i < idx.length; i++) {
    const k = idx[i];
    const s = stages[i];
    if (k < 0 || !names[k] || (s !== Stage.Won && s !== Stage.Lost)) continue;
    const a = amounts ? (amounts[i] ?? 0) : 1;
    const w = a > 0 ? a : 0;
    closed += w;
    if (s === Stage.Won) won += w;
  }
  if (closed === 0) return errors.divByZero("no closed deals against this competitor");
  return finite(won / closed);
}
