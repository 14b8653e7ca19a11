/**
 * The task pane in Arabic and English in real Chromium: right-to-left direction, translated
 * labels and function help, a mirrored layout without clipped, overflowing or overlapping text,
 * and screenshots of both languages (copied to docs/images by `npm run screenshots`), with the
 * Arabic dashboard's tiles (dashboard-tiles-ar.png).
 */
const { test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const path = require("path");
const {
  buildInPane,
  paneShot,
  previewSuite,
  publish,
  screenshot,
  selectTab,
  setUpInPane,
} = require("./harness");
const { ensurePreviewBuilt, openPane, layoutProblems, ROOT } = require("./paneHelpers");

const SCREENSHOTS = path.join(ROOT, "tests", "e2e", "screenshots");
const ARABIC = /[\u0600-\u06FF]/;

const suite = previewSuite({ beforeStart: ensurePreviewBuilt });

/** Saves the task pane as a user first sees it (its top); docs/images under `npm run screenshots`. */
async function docsImage(page, pane, name) {
  await pane.evaluate(() => window.scrollTo(0, 0));
  const file = path.join(SCREENSHOTS, `${name}-top.png`);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.locator("#taskpane").screenshot({ path: file });
  publish(file, name);
}

async function geometry(pane) {
  return pane.evaluate(() => {
    const box = (el) => el && el.getBoundingClientRect().toJSON();
    return {
      width: document.documentElement.clientWidth,
      dir: document.querySelector(".fui-FluentProvider").getAttribute("dir"),
      lang: document.querySelector(".fui-FluentProvider").getAttribute("lang"),
      title: box(document.querySelector("h1")),
      languages: box(document.querySelector("header [role=group]")),
      search: box(document.querySelector("input[type=search]")),
      searchIcon: box(document.querySelector(".fui-SearchBox__contentBefore")),
    };
  });
}

test("English: left-to-right, English labels, nothing clipped or overlapping", async (t) => {
  if (!suite.browser) return t.skip("no browser");
  const { page, pane } = await openPane(suite.browser, suite.url, {
    language: "en",
    tab: "functions",
  });
  await pane.locator("[data-testid=functions-section] h3").first().waitFor();
  const g = await geometry(pane);
  assert.equal(g.dir, "ltr");
  assert.equal(g.lang, "en");
  assert.equal(await pane.locator("h1").textContent(), "Sales KPIs");
  await pane.getByRole("heading", { level: 2, name: "Functions" }).waitFor();
  assert.ok(g.title.left < g.width / 4, "the title starts on the left");
  assert.ok(g.languages.right > (g.width * 3) / 4, "the language switch sits on the right");
  assert.ok(g.searchIcon.left < g.search.left, "the search icon comes first, on the left");
  const problems = await layoutProblems(pane);
  assert.deepEqual(problems, { overflow: 0, clipped: [], overlapping: [] });
  await screenshot(page, "taskpane-en");
  await docsImage(page, pane, "taskpane-en");
});

test("Arabic: dir=rtl, Arabic labels and function help, mirrored layout", async (t) => {
  if (!suite.browser) return t.skip("no browser");
  const { page, pane } = await openPane(suite.browser, suite.url, {
    language: "ar",
    tab: "functions",
  });
  await pane.locator("[data-testid=functions-section] h3").first().waitFor();
  const g = await geometry(pane);
  assert.equal(g.dir, "rtl");
  assert.equal(g.lang, "ar");
  assert.equal(await pane.locator("h1").textContent(), "مؤشرات المبيعات");
  await pane.getByRole("heading", { level: 2, name: "الدوال" }).waitFor();
  for (const h2 of await pane.locator("main h2").allTextContents()) {
    assert.match(h2, ARABIC, `section heading not translated: ${h2}`);
  }
  assert.match(await pane.getByRole("searchbox").getAttribute("placeholder"), ARABIC);
  assert.match(
    await pane.getByRole("status").filter({ hasText: /دال/ }).textContent(),
    /\d+ دالة|دوال/
  );
  // Function help comes from functions-ar.json: Arabic descriptions, ids unchanged.
  const first = pane.locator("[data-testid=functions-section] h3").first();
  assert.match(await first.textContent(), /^SALES\.WIN_RATE/);
  assert.match(await first.textContent(), /نسبة الفوز/);
  // Mirrored: title on the right, language switch on the left, search icon on the right.
  assert.ok(
    g.title.right > (g.width * 3) / 4,
    `the title ends on the right (${g.title.right}/${g.width})`
  );
  assert.ok(g.languages.left < g.width / 4, "the language switch sits on the left");
  assert.ok(g.searchIcon.left > g.search.left, "the search icon comes first, on the right");
  // Formulas keep their left-to-right order inside Arabic text.
  await first.locator("button").click();
  const formula = pane
    .locator("[data-testid=functions-section] code[dir=ltr]")
    .filter({ hasText: "=SALES." })
    .first();
  assert.equal(await formula.textContent(), "=SALES.WIN_RATE(Deals[Stage], , , , Stages[#All])");
  await first.locator("button").click();
  // Measure once the panel has finished collapsing.
  await pane.getByRole("button", { name: /^إدراج SALES\.WIN_RATE/ }).waitFor({ state: "detached" });
  const problems = await layoutProblems(pane);
  assert.deepEqual(problems, { overflow: 0, clipped: [], overlapping: [] });
  await screenshot(page, "taskpane-ar");
  await docsImage(page, pane, "taskpane-ar");
});

test("switching language in the header flips direction and reloads the function help", async (t) => {
  if (!suite.browser) return t.skip("no browser");
  const { pane } = await openPane(suite.browser, suite.url, { language: "en", tab: "functions" });
  await pane
    .locator("[data-testid=functions-section] h3")
    .first()
    .filter({ hasText: "Win rate" })
    .waitFor();
  await pane.getByRole("button", { name: "العربية" }).click();
  await pane
    .locator("[data-testid=functions-section] h3")
    .first()
    .filter({ hasText: "نسبة الفوز" })
    .waitFor();
  assert.equal((await geometry(pane)).dir, "rtl");
  assert.equal(await pane.evaluate(() => localStorage.getItem("sales-addin.language")), "ar");
  await pane.getByRole("button", { name: "English" }).click();
  await pane
    .locator("[data-testid=functions-section] h3")
    .first()
    .filter({ hasText: "Win rate" })
    .waitFor();
  assert.equal((await geometry(pane)).dir, "ltr");
});

/**
 * Opens the Arabic pane, sets up the workbook (with or without sample data) and builds the
 * dashboard through the pane.
 *
 * @param {{ sampleData: boolean }} options
 * @returns {Promise<{ page: import("playwright-core").Page, pane: import("playwright-core").Frame, report: import("playwright-core").Locator }>}
 */
async function arabicDashboard({ sampleData }) {
  const { page, pane } = await openPane(suite.browser, suite.url, { language: "ar", tab: "home" });
  await setUpInPane(pane, { sampleData, language: "ar" });
  await selectTab(pane, "لوحة المعلومات");
  const report = await buildInPane(
    pane,
    pane.getByRole("button", { name: "إنشاء لوحة المعلومات" })
  );
  return { page, pane, report };
}

test("Arabic: the dashboard's warnings are Arabic sentences with isolated values, at 350 px", async (t) => {
  if (!suite.browser) return t.skip("no browser");
  // Setup without sample data: the Owners and Competitors tables are empty, so their charts
  // are left out and the report says so.
  const { page, pane, report } = await arabicDashboard({ sampleData: false });
  const warnings = report.getByTestId("dashboard-warning");
  const texts = await warnings.allTextContents();
  assert.ok(texts.length >= 2, `warnings: ${JSON.stringify(texts)}`);
  for (const w of texts) {
    assert.match(w, ARABIC, `an English warning in the Arabic pane: ${w}`);
    assert.doesNotMatch(w, /[{}]|is empty|left out|Only the first/, w);
  }
  const tables = await report
    .locator("[data-testid=dashboard-warning] bdi[data-value=table]")
    .allTextContents();
  assert.ok(tables.includes("Competitors"), `isolated table names: ${tables}`);
  await page.addStyleTag({ content: ".pane { width: 350px !important; }" });
  // Measured from the top: scrolled, the sticky tab bar covers the section heading by design.
  await pane.evaluate(() => window.scrollTo(0, 0));
  const problems = await layoutProblems(pane);
  assert.deepEqual(problems, { overflow: 0, clipped: [], overlapping: [] });
  await paneShot(page, "dashboard-warnings-ar", 350);
});

test("Arabic workbook with sample data: the what-changed and forecast-category sections in Arabic", async (t) => {
  if (!suite.browser) return t.skip("no browser");
  // The sample data ships with weeks of history, so "what changed" has something to show.
  const { page } = await arabicDashboard({ sampleData: true });
  const wb = await page.evaluate(() => window.salesPreview.workbook());
  const dash = wb.sheets.find((s) => /لوحة|Dashboard/.test(s.name));
  await page.evaluate((n) => window.salesPreview.activate(n), dash.name);
  for (const [part, title] of [
    // The title names the Period filter's period (this year by default): "…: خط مبيعات 2026".
    ["changes", /^ما الذي تغيّر منذ الاستيراد السابق: خط مبيعات \S/],
    ["forecast", "فئات التوقع حسب المسؤول (تُغلق في الفترة)"],
  ]) {
    const found = Object.entries(dash.cells).find(([, c]) =>
      title instanceof RegExp ? title.test(String(c.value)) : c.value === title
    );
    assert.ok(found, `the Arabic section title ${title}`);
    const errors = Object.values(dash.cells).filter((c) => /^#[A-Z/0!?]+/.test(String(c.value)));
    assert.deepEqual(errors, [], "no error value on the Arabic dashboard");
    await page.evaluate((a) => {
      const td = document.querySelector(`td[data-address="${a}"]`);
      document.getElementById("grid-wrap").scrollTop = td.offsetTop - 30;
    }, found[0]);
    await page.waitForTimeout(300);
    publish(await screenshot(page, `history-dashboard-${part}-ar`));
  }
  // The quota tile's pace beside its target, in Arabic (This year is under way).
  assert.match(dash.cells.E9.text, /^المستحق الآن \u2068\d+%\u2069 [▲▼]$/);
  await page.evaluate(() => (document.getElementById("grid-wrap").scrollTop = 0));
  await page.waitForTimeout(300);
  publish(await screenshot(page, "dashboard-tiles-ar"));
});
