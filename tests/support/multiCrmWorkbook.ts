/**
 * The workbook the issue-12 tests share: set up with one CRM's stages and no sample data, other
 * CRMs' exports imported (tests/fixtures/multiCrmExports.js, the CRMs' own layouts), and the
 * built dashboard read back as its plan.
 */
import type { StandIn } from "../../preview/excel";
import { setUpWorkbook } from "../../src/workbook/setup";
import type { StagePresetId } from "../../src/model/stagePresets";
import { importRecords, ImportReport, ImportRequest } from "../../src/workbook/import";
import type { DashboardRegistry } from "../../src/workbook/dashboard/build";
import {
  DashboardFilters,
  DashboardPlan,
  REGISTRY_SETTING,
  planDashboard,
} from "../../src/workbook/dashboard/plan";
import { HUBSPOT, PIPEDRIVE } from "../fixtures/multiCrmExports";

/** The HubSpot then the Pipedrive deals export. */
export const CRM_DEALS: readonly ImportRequest[] = [
  { target: "Deals", text: HUBSPOT },
  { target: "Deals", text: PIPEDRIVE },
];

/**
 * Sets up the installed stand-in's workbook in English with a CRM's stages and no sample data,
 * then imports the files in order.
 *
 * @param stagePreset the CRM whose stages fill the Stages table
 * @param files the imports, in order (default: `CRM_DEALS`)
 * @returns the imports' reports
 * @example
 * await setUpAndImport("salesforce", [...CRM_DEALS, { target: "Leads", text: LEADS }]);
 */
export async function setUpAndImport(
  stagePreset: StagePresetId,
  files: readonly ImportRequest[] = CRM_DEALS
): Promise<ImportReport[]> {
  await setUpWorkbook({ stagePreset, language: "en", sampleData: false });
  const reports: ImportReport[] = [];
  for (const f of files) reports.push(await importRecords(f));
  return reports;
}

/**
 * The built dashboard's registry, and its plan under some filters (where each cell is).
 *
 * @param s the stand-in holding the built dashboard
 * @param filters the filters the sheet shows (default: those of the last build)
 * @returns the registry and the plan
 * @example
 * const { registry, plan } = builtPlan(s, DEFAULT_FILTERS);
 */
export function builtPlan(
  s: StandIn,
  filters?: DashboardFilters
): { registry: DashboardRegistry; plan: DashboardPlan } {
  const registry = JSON.parse(String(s.snapshot().settings[REGISTRY_SETTING])) as DashboardRegistry;
  return {
    registry,
    plan: planDashboard({ ...registry.input, filters: filters ?? registry.input.filters }),
  };
}

/**
 * Writes a formula into Check!A1 (a scratch sheet the test made) and returns its value.
 *
 * @param s the stand-in
 * @param formula the formula, with "="
 * @returns the computed value
 * @example
 * evaluateIn(s, "=SALES.WIN_RATE(Deals[Stage])");
 */
export function evaluateIn(s: StandIn, formula: string): unknown {
  s.setFormula("Check", "A1", formula);
  return s.getValue("Check", "A1");
}
