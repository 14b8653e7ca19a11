/**
 * Import in the real task pane inside the preview: runs Setup, then chooses a HubSpot deals
 * export with the file input, checks the detected source, mapping and preview, imports it into
 * the preview's Excel stand-in, and imports it again (updates, no duplicates).
 * Screenshot: tests/e2e/screenshots/import.png.
 */
const { test } = require("node:test");
const assert = require("node:assert/strict");
const path = require("path");
const {
  PANE_SYNCS,
  ROOT,
  importFileInPane,
  importSection,
  previewSuite,
  screenshot,
  setUpInPane,
  settled,
} = require("./harness");

const FIXTURE = path.join(ROOT, "tests", "fixtures", "csv", "hubspot-deals.csv");

const suite = previewSuite();

test("a CRM export imports through the task pane, and re-importing updates it", async (t) => {
  if (!suite.browser) return t.skip("no browser");
  const { page, pane } = await suite.open({ width: 1400, height: 1000 });

  // Setup first (without sample data): the import needs the Deals table.
  await setUpInPane(pane);
  const section = await importSection(pane);
  await section.scrollIntoViewIfNeeded();
  await section.getByTestId("import-file").setInputFiles(FIXTURE);
  const detected = section.getByTestId("import-detected");
  await detected.waitFor({ timeout: 30000 });
  assert.match(await detected.textContent(), /HubSpot deals export/);
  assert.match(await detected.textContent(), /6 rows, 12 columns/);
  assert.equal(await section.getByLabel("Deal Stage").inputValue(), "Stage");
  assert.equal(await section.getByLabel("Pipeline", { exact: true }).inputValue(), "");
  const preview = section.getByTestId("import-preview");
  assert.match(await preview.textContent(), /Closed Won/);
  assert.match(await preview.textContent(), /شركة النور - توريد/);

  const before = await page.evaluate(() => window.salesPreview.syncCount());
  await section.getByTestId("import-run").click();
  const summary = section.getByTestId("import-summary");
  await summary.waitFor({ timeout: 60000 });
  assert.match(await summary.textContent(), /Added: 6 · Updated: 0 · Skipped: 0/);
  await settled(pane);
  const extra = PANE_SYNCS.status + PANE_SYNCS.recordImport;
  const syncs = (await page.evaluate(() => window.salesPreview.syncCount())) - before - extra;
  // At most 4 for the import, then 4 for the History snapshot (find, read, History read, write).
  assert.ok(syncs <= 8, `import took ${syncs} syncs (besides the pane's ${extra})`);

  const wb = await page.evaluate(() => window.salesPreview.workbook());
  const deals = wb.sheets.find((s) => s.tables.some((tb) => tb.name === "Deals"));
  const table = deals.tables.find((tb) => tb.name === "Deals");
  assert.equal(table.rows, 6);
  const evil = Object.entries(deals.cells).find(
    ([, c]) => typeof c.value === "string" && c.value.startsWith("=HYPERLINK")
  );
  assert.ok(evil, "the injected formula is in the sheet as text");
  assert.equal(evil[1].formula, undefined, `cell ${evil[0]} must not hold a formula`);

  await page.evaluate(() => window.salesPreview.activate("Deals"));
  await page.waitForTimeout(500);
  await screenshot(page, "import");

  // The same export again: every row updated in place, none added.
  await importFileInPane(pane, section, FIXTURE, "Added: 0 · Updated: 6 · Skipped: 0");
  const again = await page.evaluate(() => window.salesPreview.workbook());
  const table2 = again.sheets.flatMap((s) => s.tables).find((tb) => tb.name === "Deals");
  assert.equal(table2.rows, 6);
  await screenshot(page, "import-again");
});
