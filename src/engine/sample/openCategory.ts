/**
 * The forecast category a sales rep gives an open sample deal. Salesforce starts every open
 * stage at "Pipeline" and reps move their deals: late, likely deals to Commit, mid-stage ones to
 * Best Case, a few parked deals to Omitted (see shared/domain.md, forecast categories). A
 * pipeline that maps open stages to other categories itself (the HubSpot and Pipedrive presets)
 * keeps its mapping for every deal, as those CRMs take the category from the stage.
 */

/** Share of open deals a rep leaves out of the forecast (parked, on hold). */
export const OMITTED_SHARE = 0.06;

/**
 * The category of one open deal.
 *
 * @param stage the deal's stage: its probability (0–1) and the category the Stages table maps it to
 * @param u a uniform draw in [0, 1), one per deal (the caller's own deterministic stream)
 * @param stagesMapCategories whether some open stage of the pipeline maps to a category other
 *   than Pipeline (then the stage decides)
 * @returns "Commit", "Best Case", "Pipeline" or "Omitted"
 * @example
 * openDealCategory({ probability: 0.9, forecastCategory: "Pipeline" }, 0.5); // "Commit"
 * openDealCategory({ probability: 0.6, forecastCategory: "Pipeline" }, 0.5); // "Best Case"
 * openDealCategory({ probability: 0.2, forecastCategory: "Pipeline" }, 0.5); // "Pipeline"
 * openDealCategory({ probability: 0.2, forecastCategory: "Pipeline" }, 0.01, true); // "Pipeline" (the table's mapping)
 */
export function openDealCategory(
  stage: { readonly probability: number; readonly forecastCategory: string },
  u: number,
  stagesMapCategories = false
): string {
  if (stagesMapCategories || stage.forecastCategory !== "Pipeline") return stage.forecastCategory;
  if (u < OMITTED_SHARE) return "Omitted";
  // The rest of the draw, rescaled to [0, 1), picks within the stage's band.
  const v = (u - OMITTED_SHARE) / (1 - OMITTED_SHARE);
  if (stage.probability >= 0.75) return v < 0.8 ? "Commit" : "Best Case";
  if (stage.probability >= 0.5) return v < 0.1 ? "Commit" : v < 0.75 ? "Best Case" : "Pipeline";
  return "Pipeline";
}
