/**
 * Preview speed after an import (issue 17; `npm run bench -- recalc`): importing 1,000 deals (a
 * HubSpot export) into a workbook with a built dashboard, against the same import into a workbook
 * without one, on the stand-in, in the same run. The dashboard's formulas (SUMIFS tiles, SALES
 * functions over whole table columns) recalculate once per sync, not once per write.
 *
 * Target: ≤ 2 s for the import with a dashboard on this machine; printed as wall time and as a
 * ratio to the plain import (the steadier figure on a shared machine).
 * `BENCH_ROWS=5000 npm run bench -- recalc` runs another size.
 */
import { createStandIn } from "../preview/excel";
import { setUpWorkbook } from "../src/workbook/setup";
import { buildDashboard } from "../src/workbook/dashboard/build";
import { importRecords } from "../src/workbook/import";
import { hubspotDealsExport } from "../tests/fixtures/hubspotExport";

const ROWS = Number(process.env.BENCH_ROWS ?? 1000);
const TARGET_MS = 2000;

async function importInto(withDashboard: boolean, text: string, rows = ROWS): Promise<number> {
  const s = createStandIn();
  s.install(globalThis);
  await setUpWorkbook({ stagePreset: "hubspot", language: "en", sampleData: false });
  if (withDashboard) await buildDashboard({ language: "en" });
  const t0 = process.hrtime.bigint();
  const report = await importRecords({ target: "Deals", text });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (report.added < rows * 0.9) throw new Error(`only ${report.added} rows were imported`);
  // Reading a tile forces nothing more: the sync already recalculated.
  if (withDashboard) s.getValue("Dashboard", "B8");
  return ms;
}

async function main(): Promise<void> {
  const text = hubspotDealsExport(ROWS);
  await importInto(false, hubspotDealsExport(50), 50); // warm-up (SALES sources parsed once)
  const plain: number[] = [];
  const dash: number[] = [];
  for (let i = 0; i < 2; i++) {
    plain.push(await importInto(false, text));
    dash.push(await importInto(true, text));
  }
  const best = (xs: number[]): number => Math.min(...xs);
  const ratio = best(dash) / best(plain);
  console.log(`rows ${ROWS}`);
  console.log("import into                   | best ms | ratio");
  console.log(`a workbook without dashboard  | ${best(plain).toFixed(0).padStart(7)} | 1.00`);
  console.log(
    `a workbook with the dashboard | ${best(dash).toFixed(0).padStart(7)} | ${ratio.toFixed(2)}`
  );
  console.log(
    `target ≤ ${TARGET_MS} ms with the dashboard: ${best(dash) <= TARGET_MS ? "met" : "NOT met"}`
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
