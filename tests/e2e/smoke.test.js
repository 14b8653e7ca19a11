/**
 * Smoke test of the built add-in in real headless Chromium: the task pane renders, and the
 * custom functions that the functions bundle registers are callable.
 */
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const path = require("path");
const { ROOT, serve, launch, openPage, screenshot } = require("./harness");

let server;
let browser;

before(async () => {
  server = await serve(path.join(ROOT, "dist"));
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

test("the task pane renders and says it is outside Excel", async (t) => {
  if (!browser) return t.skip("no browser");
  const page = await openPage(browser);
  await page.goto(`${server.url}taskpane.html`);
  await page.getByRole("heading", { name: "Sales KPIs" }).waitFor({ timeout: 30000 });
  const notice = await page.getByTestId("outside-excel").textContent();
  assert.match(notice, /Open this in Excel/);
  await screenshot(page, "smoke-taskpane");
});

test("the functions bundle registers SALES functions that compute", async (t) => {
  if (!browser) return t.skip("no browser");
  const page = await openPage(browser);
  await page.goto(`${server.url}taskpane.html`);
  // Outside Excel, office.js keeps what CustomFunctions.associate registered in its association
  // table: these are the bundle's own functions, called with ranges as Excel passes them.
  await page.waitForFunction(
    () => window.CustomFunctions?._association?.m_mappings?.WIN_RATE !== undefined,
    null,
    {
      timeout: 30000,
      polling: 100,
    }
  );
  const result = await page.evaluate(() =>
    window.CustomFunctions._association.m_mappings.WIN_RATE(
      [["Won"], ["Lost"], ["Won"], ["Demo"]],
      null,
      null,
      null
    )
  );
  assert.ok(Math.abs(result - 2 / 3) < 1e-12);
  const error = await page.evaluate(() => {
    try {
      window.CustomFunctions._association.m_mappings.WIN_RATE([["Demo"]], null, null, null);
      return null;
    } catch (e) {
      return e instanceof window.CustomFunctions.Error
        ? e.code
        : `not a CustomFunctions.Error: ${e}`;
    }
  });
  assert.equal(error, "#DIV/0!");
});
