/**
 * The dashboard's summary sections, in sheet order. Each section is one unit in its own file
 * (see `section.ts` for the shape); add a section by writing its file and listing it here.
 */
import { atRisk } from "./atRisk";
import { changedDeals, changes } from "./changes";
import { competitors } from "./competitors";
import { forecastCategories } from "./forecastCategories";
import { lossCompetitors, lossReasons } from "./losses";
import { monthly } from "./monthly";
import { owners } from "./owners";
import { pipeline } from "./pipeline";
import { SectionDef } from "./section";
import { sources } from "./sources";

export { planSections, FIRST_SECTION_DATA_ROW } from "./section";
export type { SectionDef, SectionPlace } from "./section";
export { HISTORY_RANGE } from "./monthly";

/** Every section, top to bottom. */
export const SECTIONS: readonly SectionDef[] = [
  monthly,
  pipeline,
  owners,
  sources,
  competitors,
  atRisk,
  changes,
  changedDeals,
  forecastCategories,
  lossReasons,
  lossCompetitors,
];
