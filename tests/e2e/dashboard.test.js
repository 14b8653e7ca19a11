/**
 * The dashboard in the real task pane inside the preview: Set up with sample data, click Build
 * dashboard, and check the Dashboard sheet the preview's Excel stand-in now holds (live tiles,
 * five native charts, few round trips). Screenshot: tests/e2e/screenshots/dashboard.png (copied to
 * docs/images/dashboard.png by `npm run screenshots`).
 */
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { PANE_SYNCS, previewSuite, publish, screenshot, selectTab, settled } = require("./harness");

const preview = previewSuite();

test("Build dashboard in the task pane makes a live dashboard in the preview", async (t) => {
  if (!preview.browser) return t.skip("no browser");
  const { page, pane } = await preview.open({ width: 1600, height: 1000 });
  page.on("console", (m) => m.type() === "error" && console.error("[console]", m.text()));

  const setup = pane.getByRole("region", { name: "Set up the workbook" });
  await setup.waitFor({ timeout: 30000 });
  await setup.getByLabel("Add sample data").check();
  await setup.getByRole("button", { name: "Set up", exact: true }).click();
  await pane.getByTestId("setup-summary").waitFor({ timeout: 120000 });

  await settled(pane);
  await selectTab(pane, "Dashboard");
  const section = pane.getByRole("region", { name: "Dashboard" });
  const before = await page.evaluate(() => window.salesPreview.syncCount());
  await section.getByRole("button", { name: "Build dashboard" }).click();
  const report = pane.getByTestId("dashboard-report");
  const failed = pane.getByTestId("dashboard-error");
  await report.or(failed).waitFor({ timeout: 300000 });
  if (await failed.isVisible()) {
    await screenshot(page, "dashboard-error");
    assert.fail(`the build failed: ${await failed.textContent()}`);
  }
  await settled(pane);
  const syncs =
    (await page.evaluate(() => window.salesPreview.syncCount())) - before - PANE_SYNCS.status;
  assert.match(await report.textContent(), /13 KPI tiles, 11 summary tables and 9 charts/);

  const wb = await page.evaluate(() => window.salesPreview.workbook());
  const dash = wb.sheets.find((s) => s.name === "Dashboard");
  assert.ok(dash, "the Dashboard sheet exists");
  assert.equal(dash.position, 0);
  // Funnel where the host reports ExcelApi 1.9; the preview frame's office.js may not expose
  // Office.context.requirements, and then the pipeline is a clustered bar chart.
  const types = Object.fromEntries(dash.charts.map((c) => [c.name, c.type]));
  assert.deepEqual(
    { ...types, "SalesDashboard.pipeline": "?" },
    {
      "SalesDashboard.revenue": "ColumnClustered",
      "SalesDashboard.pipeline": "?",
      "SalesDashboard.owners": "BarClustered",
      "SalesDashboard.sources": "Doughnut",
      "SalesDashboard.competitors": "BarStacked",
      "SalesDashboard.changes": "ColumnStacked",
      "SalesDashboard.forecastCategories": "ColumnClustered",
      "SalesDashboard.lossReasons": "BarClustered",
      "SalesDashboard.lossCompetitors": "BarClustered",
    }
  );
  const requirements = await page
    .frame({ url: /taskpane\.html/ })
    .evaluate(() => Boolean(window.Office?.context?.requirements));
  assert.equal(types["SalesDashboard.pipeline"], requirements ? "Funnel" : "BarClustered");
  const tile = dash.cells.B8;
  assert.ok(tile.formula && tile.formula.includes("SUMIFS(Deals[Reporting Amount]"), tile.formula);
  assert.equal(typeof tile.value, "number");
  assert.ok(tile.value > 0, `won revenue ${tile.value}`);
  const winRate = dash.cells.F8;
  assert.ok(winRate.formula.includes("SALES.WIN_RATE("), winRate.formula);
  assert.ok(winRate.value > 0 && winRate.value < 1, `win rate ${winRate.value}`);
  // This year is under way and the sample data has targets: beside the target, the pace (the
  // share of the year's target due by As of, counted here from the monthly table's Month and
  // Target columns and the sheet's From/To/As of dates, a month pro rata by its days).
  const [from, to, asOf] = ["I4", "J4", "K4"].map((a) => dash.cells[a].value);
  const serialDate = (v) => new Date(Date.UTC(1899, 11, 30) + v * 86400000);
  let dueSum = 0;
  let yearSum = 0;
  for (let r = 21; dash.cells[`B${r}`] && typeof dash.cells[`B${r}`].value === "number"; r++) {
    const start = dash.cells[`B${r}`].value;
    const first = serialDate(start);
    const daysIn = new Date(
      Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)
    ).getUTCDate();
    const monthStart = start - first.getUTCDate() + 1;
    const monthEnd = monthStart + daysIn - 1;
    const part = (a, b) =>
      Math.max(0, Math.min(b, monthEnd) - Math.max(a, monthStart) + 1) / daysIn;
    const target = Number(dash.cells[`D${r}`].value) || 0;
    dueSum += target * part(from, asOf);
    yearSum += target * part(from, to);
  }
  const share = dueSum / yearSum;
  assert.ok(yearSum > 0 && share > 0 && share <= 1, `due ${dueSum} of ${yearSum}`);
  const pace = dash.cells.E9;
  assert.ok(Math.abs(Math.abs(pace.value) - share) < 1e-9, `pace ${pace.value}, share ${share}`);
  const arrow = dash.cells.D8.value >= share ? "▲" : "▼";
  assert.equal(pace.text, `due by today ${Math.round(share * 100)}% ${arrow}`);
  const requests = await page.evaluate(() => window.salesPreview.requests());
  const largest = Math.max(...requests.slice(-(syncs + PANE_SYNCS.status)).map((r) => r.bytes));
  console.log(
    `dashboard in the preview: ${syncs} syncs (3 to build, 2 for the pane re-reading the filters, besides the status reads), largest request ${largest} bytes`
  );
  assert.ok(syncs <= 6, `the build took ${syncs} syncs`);

  await page.evaluate(() => window.salesPreview.activate("Dashboard"));
  // The preview grid's `table-layout: fixed` only applies with a table width; without one, long
  // texts (deal names) widen their column and the charts, placed by Excel points, overlap cells.
  // Until the preview sets it, the screenshot sets it, so it shows the layout Excel shows.
  await page.addStyleTag({ content: ".grid { width: 1px; }" });
  await pane.getByTestId("dashboard-report").scrollIntoViewIfNeeded();
  await page.waitForTimeout(1500);
  const file = await screenshot(page, "dashboard");
  publish(file, "dashboard");

  // Filters chosen in the pane land in the sheet's filter cells, and the figures follow.
  await section.getByLabel("Period").selectOption("allTime");
  await section.getByRole("button", { name: "Apply filters" }).click();
  await pane.getByText("Filters applied to the Dashboard sheet.").waitFor({ timeout: 60000 });
  const after = await page.evaluate(() => window.salesPreview.workbook());
  const d2 = after.sheets.find((s) => s.name === "Dashboard");
  assert.equal(d2.cells.D4.value, "All time");
  assert.ok(d2.cells.B8.value >= tile.value, "all-time won revenue is at least this year's");
});
