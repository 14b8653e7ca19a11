/**
 * The local preview in real headless Chromium: the real task pane beside the Excel stand-in.
 * A user types stage names and =SALES.WIN_RATE(A2:A5) into cells through the formula bar, and
 * the grid shows what the shipped function computes.
 */
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const {
  ROOT,
  launch,
  openPage,
  publish,
  screenshot,
  startPreview,
  typeInto,
} = require("./harness");

let server;
let browser;

before(async () => {
  if (!fs.existsSync(path.join(ROOT, "dist-preview", "preview.html"))) {
    // npm test builds dist/ only; the preview bundle is built here when missing (≈ 1–3 min).
    const cli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
    const r = spawnSync(
      process.execPath,
      [cli, "--config", "webpack.preview.config.js", "--mode", "production"],
      {
        cwd: ROOT,
        stdio: "inherit",
      }
    );
    if (r.status !== 0) throw new Error("building dist-preview/ failed");
  }
  server = await startPreview();
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

test("a user types =SALES.WIN_RATE over stage names and sees it computed", async (t) => {
  if (!browser) return t.skip("no browser");
  const page = await openPage(browser, { viewport: { width: 1400, height: 860 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.url}preview.html`);
  await page.waitForFunction(() => window.salesPreview !== undefined, null, { timeout: 30000 });
  await page.evaluate(() => window.salesPreview.ready);
  // The real task pane renders inside the frame, told it runs in Excel.
  const pane = page.frameLocator("#taskpane");
  await pane.getByRole("heading", { name: "Sales KPIs" }).waitFor({ timeout: 30000 });
  assert.equal(
    await pane.getByTestId("outside-excel").count(),
    0,
    "the pane should believe it is in Excel"
  );

  await typeInto(page, "A1", "Stage");
  for (const [i, stage] of ["Closed Won", "Closed Lost", "Negotiation", "Won"].entries()) {
    await typeInto(page, `A${i + 2}`, stage);
  }
  await typeInto(page, "B1", "=SALES.WIN_RATE(A2:A5)");
  // The SALES functions register when the pane's functions chunk has loaded: wait for a number.
  await page
    .waitForFunction(() => typeof window.salesPreview.getValue("Sheet1", "B1") === "number", null, {
      timeout: 15000,
    })
    .catch(() => {});

  const value = await page.evaluate(() => window.salesPreview.getValue("Sheet1", "B1"));
  assert.ok(Math.abs(value - 2 / 3) < 1e-12, `B1 = ${value}`);
  const shown = await page.locator('td[data-address="B1"]').textContent();
  assert.equal(shown, "0.666666667");
  const snapshot = await page.evaluate(() => window.salesPreview.workbook());
  assert.equal(snapshot.sheets[0].cells.B1.formula, "=SALES.WIN_RATE(A2:A5)");

  // The formula bar shows the formula of the selected cell.
  await page.getByLabel("Selected cell").fill("B1");
  await page.getByLabel("Selected cell").press("Enter");
  assert.equal(await page.getByLabel("Formula").inputValue(), "=SALES.WIN_RATE(A2:A5)");

  // Errors from the shipped code show with their message.
  await typeInto(page, "C1", "=SALES.WIN_RATE(A4:A4)");
  assert.equal(await page.locator('td[data-address="C1"]').textContent(), "#DIV/0!");
  assert.deepEqual(errors, []);
  await page.locator('td[data-address="B1"]').click();
  assert.equal(await page.getByLabel("Formula").inputValue(), "=SALES.WIN_RATE(A2:A5)");
  const file = await screenshot(page, "preview");
  publish(file, "preview");
});

test("Excel.run from the task pane's frame reaches the stand-in and draws charts", async (t) => {
  if (!browser) return t.skip("no browser");
  const page = await openPage(browser, { viewport: { width: 1400, height: 860 } });
  await page.goto(`${server.url}preview.html`);
  await page.waitForFunction(() => window.salesPreview !== undefined, null, { timeout: 30000 });
  await page.evaluate(() => window.salesPreview.ready);
  const frame = page.frame({ url: /taskpane\.html/ });
  await frame.waitForFunction(() => window.Excel && typeof window.Excel.run === "function");
  const before = await page.evaluate(() => window.salesPreview.syncCount());
  await frame.evaluate(() =>
    window.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Dashboard");
      sheet.getRange("A1:B4").values = [
        ["Stage", "Amount"],
        ["Won", 1200],
        ["Lost", 800],
        ["Open", 400],
      ];
      sheet.getRange("B2:B4").numberFormat = [["$#,##0"], ["$#,##0"], ["$#,##0"]];
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:B4"), "Columns");
      chart.title.text = "Amount by stage";
      chart.setPosition("D2", "J16");
      sheet.activate();
      await context.sync();
    })
  );
  assert.equal(await page.evaluate(() => window.salesPreview.syncCount()), before + 1);
  await page.locator('figure[data-chart="Chart 1"] canvas').waitFor({ timeout: 10000 });
  assert.equal(await page.locator('td[data-address="B2"]').textContent(), "$1,200");
  const chart = await page.evaluate(() => window.salesPreview.workbook().sheets[1].charts[0]);
  assert.deepEqual(chart.series[0].values, [1200, 800, 400]);
  await screenshot(page, "preview-chart");
});
