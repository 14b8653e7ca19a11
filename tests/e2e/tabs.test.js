/**
 * The task pane's tabs in English and Arabic, in real Chromium beside the Excel stand-in:
 * - each tab reached and opened from the keyboard alone (arrows in the tab list, Enter), axe
 *   clean in each, the choice remembered;
 * - the Home view's state and its one next step before setup, after setup, after an import and
 *   after a dashboard build;
 * - interpolated values isolated for bidi: in the Arabic pane, an English sheet name next to a
 *   number keeps its logical order ("«Dashboard»: 13", never "13 :Dashboard");
 * - every tab axe clean again once it holds reports (after setup, import and build);
 * - screenshots of every tab at 350 px (docs/images/tab-*.png under `npm run screenshots`).
 */
const { test } = require("node:test");
const assert = require("node:assert/strict");
const path = require("path");
const { ROOT, paneShot, previewSuite, publish, settled } = require("./harness");
const { ensurePreviewBuilt, openPane, seriousViolations } = require("./paneHelpers");

const FIXTURE = path.join(ROOT, "tests", "fixtures", "csv", "hubspot-deals.csv");
const suite = previewSuite({ beforeStart: ensurePreviewBuilt });

const TEXT = {
  en: {
    tabs: ["Home", "Import", "Dashboard", "Functions"],
    next: "ArrowRight",
    notSetUp: "Not set up yet.",
    setUp: "Set up",
    importData: "Import data",
    build: "Build dashboard",
    open: "Open the dashboard",
    english: "English",
  },
  ar: {
    tabs: ["الرئيسية", "الاستيراد", "لوحة المعلومات", "الدوال"],
    next: "ArrowLeft",
    notSetUp: "لم يُجهَّز بعد.",
    setUp: "تجهيز",
    importData: "استيراد البيانات",
    build: "إنشاء لوحة المعلومات",
    open: "افتح لوحة المعلومات",
    english: "English",
  },
};

function describeViolations(violations) {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.targets.join("\n    ")}`);
}

/** The active sheet, as the add-in would read it. */
function activeSheet(pane) {
  return pane.evaluate(() =>
    Excel.run(async (context) => {
      const s = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      return s.name;
    })
  );
}

/** The Home view's next step and the primary button it offers (null when none). */
async function nextStep(pane) {
  await settled(pane);
  const next = pane.locator("[data-testid=next-step]");
  return {
    step: await next.getAttribute("data-step"),
    buttons: await next.getByRole("button").allTextContents(),
  };
}

for (const language of ["en", "ar"]) {
  const t_ = TEXT[language];

  test(`tabs by keyboard, Home state and next step, bidi, screenshots (${language})`, async (t) => {
    if (!suite.browser) return t.skip("no browser");
    const { page, pane } = await openPane(suite.browser, suite.url, { language });
    const errors = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));

    // Before setup: the Setup card is the next step.
    assert.deepEqual(await nextStep(pane), { step: "setup", buttons: [] });
    assert.equal(await pane.getByTestId("home-setup").textContent(), t_.notSetUp);

    // Keyboard: focus the selected tab, then arrows (mirrored in Arabic) and Enter.
    await pane.getByRole("tab", { selected: true }).focus();
    for (let i = 0; i < t_.tabs.length; i++) {
      if (i > 0) {
        await page.keyboard.press(t_.next);
        await page.keyboard.press("Enter");
      }
      const tab = pane.getByRole("tab", { name: t_.tabs[i], exact: true });
      assert.equal(await tab.getAttribute("aria-selected"), "true", `tab ${t_.tabs[i]} selected`);
      assert.equal(
        await pane.evaluate(() => document.activeElement.getAttribute("role")),
        "tab",
        "focus stays on the tab list"
      );
      const panel = pane.locator(`#${await tab.getAttribute("aria-controls")}`);
      assert.ok(await panel.isVisible(), `panel of ${t_.tabs[i]} visible`);
      await pane.waitForFunction(() =>
        document.getAnimations().every((a) => a.playState !== "running")
      );
      const violations = await seriousViolations(pane);
      assert.deepEqual(violations, [], describeViolations(violations).join("\n"));
    }
    assert.equal(
      await pane.evaluate(() => localStorage.getItem("sales-addin.tab")),
      "functions",
      "the tab is remembered"
    );

    // Setup, in English even in the Arabic pane: English names inside Arabic sentences.
    await pane.getByRole("tab", { name: t_.tabs[0], exact: true }).click();
    const english = pane.getByRole("radio", { name: t_.english });
    await english.check();
    await pane.getByRole("button", { name: t_.setUp, exact: true }).click();
    await pane.getByTestId("setup-summary").waitFor({ timeout: 120000 });
    assert.deepEqual(await nextStep(pane), { step: "import", buttons: [t_.importData] });
    assert.ok(await english.isChecked(), "the workbook language stays English");
    // Setup ends on the Deals sheet.
    assert.equal(await activeSheet(pane), "Deals");

    // The next step opens the Import tab; import a HubSpot export there.
    await pane.getByRole("button", { name: t_.importData }).click();
    const importPanel = pane.locator("#panel-import");
    await importPanel.waitFor({ state: "visible" });
    await importPanel.getByTestId("import-file").setInputFiles(FIXTURE);
    await importPanel.getByTestId("import-run").click();
    await importPanel.getByTestId("import-summary").waitFor({ timeout: 60000 });
    await pane.getByRole("tab", { name: t_.tabs[0], exact: true }).click();
    assert.deepEqual(await nextStep(pane), { step: "build", buttons: [t_.build] });
    const deals = pane.getByTestId("home-deals");
    assert.match(await deals.textContent(), /HubSpot/);
    assert.ok(
      (await deals.locator("bdi[data-value=source]").textContent()).includes("HubSpot"),
      "the source is isolated"
    );

    // The next step builds the dashboard on the Dashboard tab.
    await pane.getByRole("button", { name: t_.build }).click();
    const report = pane.getByTestId("dashboard-report");
    await report.or(pane.getByTestId("dashboard-error")).waitFor({ timeout: 300000 });
    assert.ok(await report.isVisible(), "the dashboard was built");
    // Logical order of "«{sheet}»: {tiles}": in RTL the sheet name sits right of the count.
    const order = await report.evaluate((el) => {
      const box = (k) => el.querySelector(`bdi[data-value=${k}]`).getBoundingClientRect();
      const sheet = box("sheet");
      const tiles = box("tiles");
      return {
        sheetText: el.querySelector("bdi[data-value=sheet]").textContent,
        sameLine: Math.abs(sheet.top - tiles.top) < 4,
        sheetFirst:
          getComputedStyle(el).direction === "rtl"
            ? sheet.left >= tiles.right
            : sheet.right <= tiles.left,
      };
    });
    assert.equal(order.sheetText, "Dashboard");
    if (order.sameLine) assert.ok(order.sheetFirst, "the sheet name comes before the count");
    await pane.getByRole("tab", { name: t_.tabs[0], exact: true }).click();
    assert.deepEqual(await nextStep(pane), {
      step: "review",
      buttons: [t_.open, language === "en" ? "Import newer data" : "استيراد بيانات أحدث"],
    });

    // Screenshots of every tab at 350 px.
    for (const [i, id] of ["home", "import", "dashboard", "functions"].entries()) {
      await pane.getByRole("tab", { name: t_.tabs[i], exact: true }).click();
      await pane.locator(`#panel-${id}`).waitFor({ state: "visible" });
      await pane.waitForFunction(() =>
        document.getAnimations().every((a) => a.playState !== "running")
      );
      const violations = await seriousViolations(pane);
      assert.deepEqual(violations, [], describeViolations(violations).join("\n"));
      publish(await paneShot(page, `tab-${id}-${language}`), `tab-${id}-${language}`);
    }
    assert.deepEqual(errors, [], "no console errors");
  });
}
