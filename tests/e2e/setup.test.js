/**
 * Setup in the real task pane inside the preview: clicks Set up (with sample data) in the built
 * pane, which runs against the preview's Excel stand-in, and checks the workbook it produced.
 * Screenshot: tests/e2e/screenshots/setup.png (docs/images/setup.png under `npm run screenshots`).
 */
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { PANE_SYNCS, previewSuite, publish, screenshot, settled } = require("./harness");

const preview = previewSuite();

test("Set up in the task pane creates the sales workbook in the preview", async (t) => {
  if (!preview.browser) return t.skip("no browser");
  const { page, pane } = await preview.open({ width: 1400, height: 900 });
  const section = pane.getByRole("region", { name: "Set up the workbook" });
  await section.waitFor({ timeout: 30000 });

  await section.getByLabel("Add sample data").check();
  const before = await page.evaluate(() => window.salesPreview.syncCount());
  await section.getByRole("button", { name: "Set up", exact: true }).click();
  await pane.getByTestId("setup-summary").waitFor({ timeout: 60000 });
  await settled(pane);
  const pane_ = PANE_SYNCS.status + PANE_SYNCS.goTo;
  const syncs = (await page.evaluate(() => window.salesPreview.syncCount())) - before - pane_;
  assert.ok(syncs <= 6, `setup took ${syncs} syncs (besides the pane's ${pane_} status reads)`);

  const wb = await page.evaluate(() => window.salesPreview.workbook());
  const tables = Object.fromEntries(
    wb.sheets.flatMap((s) => s.tables.map((tb) => [tb.name, { ...tb, sheet: s.name }]))
  );
  for (const name of ["Leads", "Deals", "Pricing", "Competitors", "Stages", "Targets", "Owners"]) {
    assert.ok(tables[name], `table ${name} exists`);
    assert.equal(tables[name].style, "TableStyleMedium2");
  }
  assert.equal(tables.Deals.sheet, "Deals");
  assert.equal(tables.Stages.sheet, "Settings");
  assert.ok(tables.Deals.rows > 200, `sample deals: ${tables.Deals.rows}`);
  assert.ok(tables.Leads.rows > 300, `sample leads: ${tables.Leads.rows}`);
  assert.equal(tables.Deals.headers[7], "Probability");
  assert.equal(wb.settings["salesKpis.schemaVersion"], 2);
  const requests = await page.evaluate(() => window.salesPreview.requests());
  const largest = Math.max(...requests.map((r) => r.bytes));
  assert.ok(largest <= 4 * 1024 * 1024, `largest request ${largest} bytes`);
  console.log(`setup in the preview: ${syncs} syncs, largest request ${largest} bytes`);

  const summary = await pane.getByTestId("setup-summary").textContent();
  assert.match(summary, /Created/);
  assert.match(summary, /Deals/);

  await page.evaluate(() => window.salesPreview.activate("Deals"));
  await page.waitForTimeout(500);
  const file = await screenshot(page, "setup");
  publish(file, "setup");

  // A second click changes nothing and says so.
  const snapshot = JSON.stringify(await page.evaluate(() => window.salesPreview.workbook()));
  await pane.getByRole("button", { name: "Set up", exact: true }).click();
  await pane
    .getByText("Everything was already in place; nothing was changed.")
    .waitFor({ timeout: 60000 });
  const after = JSON.stringify(await page.evaluate(() => window.salesPreview.workbook()));
  assert.ok(after === snapshot, "the second setup changed the workbook");
});
