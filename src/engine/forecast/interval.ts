/**
 * The prediction interval's factor checked against the history's own recent errors (round 9's
 * interval protocol, docs/forecast.md): the combination's voices were refitted on the history
 * minus its last v values to weigh them, so how far their errors there went beyond the
 * uncertainty they stated is known at no extra cost.
 */

/** A voice's latest hold-out: its errors and the standard deviations it stated for those steps. */
export interface HoldOutCheck {
  /** Actual minus forecast, one per step ahead (1 … v). */
  readonly errors: readonly number[];
  /** The voice's own error standard deviations at those steps, fitted on the whole history. */
  readonly sd: readonly number[];
}

/**
 * The interval's factor weighed against the voices' hold-out evidence: √((κ·f² + v·r²)/(κ + v)),
 * r² the mean over the v hold-out steps of the combined error squared (the voices' errors
 * weighted as their forecasts are) divided by the combined stated variance. A factor the data
 * cannot check (a voice not validated, hold-outs of different lengths, none at all) stays f.
 *
 * @param factor f, the rule's own factor
 * @param voices the combined voices
 * @param weights their weights (null: equal)
 * @param kappa κ ≥ 0, the weight of f in values
 * @returns the calibrated factor
 * @example
 * calibrated(1.3, [{ mean: [1], sd: [1], check: { errors: [2, 2], sd: [1, 1] } }], null, 2);
 * // √((2·1.69 + 2·4)/4) ≈ 1.69
 */
export function calibrated(
  factor: number,
  voices: readonly { readonly check?: HoldOutCheck }[],
  weights: readonly number[] | null,
  kappa: number
): number {
  const v = voices[0]?.check?.errors.length ?? 0;
  if (v === 0 || voices.some((p) => p.check?.errors.length !== v)) return factor;
  let ratio = 0;
  for (let j = 0; j < v; j++) {
    let e = 0;
    let variance = 0;
    voices.forEach((p, k) => {
      const w = weights ? weights[k] : 1 / voices.length;
      const check = p.check as HoldOutCheck;
      e += w * check.errors[j];
      variance += w * check.sd[j] * check.sd[j];
    });
    // A voice that claimed no uncertainty and erred: no ratio to learn from this step.
    if (!(variance > 0)) return factor;
    ratio += (e * e) / variance / v;
  }
  if (!Number.isFinite(ratio)) return factor;
  return Math.sqrt((kappa * factor * factor + v * ratio) / (kappa + v));
}
