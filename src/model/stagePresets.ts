/**
 * Default pipelines the Settings sheet's Stages table can be prefilled with: Salesforce's
 * opportunity stages (the default), HubSpot's default deal pipeline, and Pipedrive's default
 * pipeline. Probabilities are fractions (0.1 = 10%) because the Probability column is formatted
 * as a percentage.
 */
import { FORECAST_CATEGORIES } from "./schema";

/** The CRMs whose default pipeline we offer. */
export type StagePresetId = "salesforce" | "hubspot" | "pipedrive";

/** Every preset id, default first (the order the task pane lists them in). */
export const STAGE_PRESET_IDS: readonly StagePresetId[] = ["salesforce", "hubspot", "pipedrive"];

/** One row of the Stages table. */
export interface StageRow {
  readonly stage: string;
  /** 0–1 (the column shows it as a percentage). */
  readonly probability: number;
  readonly forecastCategory: (typeof FORECAST_CATEGORIES)[number];
  readonly isWon: boolean;
  readonly isLost: boolean;
}

function open(
  stage: string,
  probability: number,
  forecastCategory: StageRow["forecastCategory"] = "Pipeline"
): StageRow {
  return { stage, probability, forecastCategory, isWon: false, isLost: false };
}

const won = (stage: string): StageRow => ({
  stage,
  probability: 1,
  forecastCategory: "Closed",
  isWon: true,
  isLost: false,
});

const lost = (stage: string): StageRow => ({
  stage,
  probability: 0,
  forecastCategory: "Omitted",
  isWon: false,
  isLost: true,
});

/**
 * The presets, in pipeline order (open stages first, then won, then lost).
 *
 * - Salesforce: the standard opportunity stages with their default probabilities and forecast
 *   categories.
 * - HubSpot: the default "Sales Pipeline" with HubSpot's default probabilities. HubSpot's own
 *   categories (Pipeline, Best case, Commit, Closed won) are mapped onto Salesforce's names so one
 *   Forecast Category dropdown serves every preset.
 * - Pipedrive: its five default stages plus "Won" and "Lost" rows, because Pipedrive keeps
 *   won/lost as a deal status rather than a stage (its export has a Status column, which import
 *   maps onto these rows). Pipedrive defaults every stage to 100%, which would make the weighted
 *   pipeline equal the pipeline, so we prefill a rising ramp the user can edit.
 */
export const STAGE_PRESETS: Readonly<Record<StagePresetId, readonly StageRow[]>> = {
  salesforce: [
    open("Prospecting", 0.1),
    open("Qualification", 0.1),
    open("Needs Analysis", 0.2),
    open("Value Proposition", 0.5),
    open("Id. Decision Makers", 0.6),
    open("Perception Analysis", 0.7),
    open("Proposal/Price Quote", 0.75),
    open("Negotiation/Review", 0.9),
    won("Closed Won"),
    lost("Closed Lost"),
  ],
  hubspot: [
    open("Appointment Scheduled", 0.2),
    open("Qualified To Buy", 0.4),
    open("Presentation Scheduled", 0.6, "Best Case"),
    open("Decision Maker Bought-In", 0.8, "Best Case"),
    open("Contract Sent", 0.9, "Commit"),
    won("Closed Won"),
    lost("Closed Lost"),
  ],
  pipedrive: [
    open("Lead In", 0.1),
    open("Contact Made", 0.2),
    open("Demo Scheduled", 0.4),
    open("Proposal Made", 0.6, "Best Case"),
    open("Negotiations Started", 0.8, "Commit"),
    won("Won"),
    lost("Lost"),
  ],
};

/**
 * The stages of a preset.
 *
 * @param id the preset (unknown ids fall back to Salesforce, the default)
 * @returns the Stages table rows, in pipeline order
 * @example
 * stagePreset("pipedrive").map((s) => s.stage).at(-1); // "Lost"
 */
export function stagePreset(id: StagePresetId): readonly StageRow[] {
  return STAGE_PRESETS[id] ?? STAGE_PRESETS.salesforce;
}
