/**
 * Accessibility of the built task pane in real Chromium: axe-core finds no serious or critical
 * violation in any section, in English and Arabic, with the function gallery expanded too; and a
 * keyboard-only walk through Setup reaches and operates every control with a visible focus.
 */
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { previewSuite, screenshot } = require("./harness");
const { ensurePreviewBuilt, openPane, seriousViolations } = require("./paneHelpers");

const suite = previewSuite({ beforeStart: ensurePreviewBuilt });

function describeViolations(violations) {
  return violations
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.targets.join("\n    ")}`)
    .join("\n");
}

for (const language of ["en", "ar"]) {
  test(`axe: no serious or critical violations in any section (${language})`, async (t) => {
    if (!suite.browser) return t.skip("no browser");
    const { page, pane } = await openPane(suite.browser, suite.url, { language, tab: "functions" });
    const sections = await pane.locator("main section[aria-labelledby]").count();
    assert.ok(sections >= 2, `expected the task pane sections, found ${sections}`);
    await pane.locator("[data-testid=functions-section] h3").first().waitFor();

    const closed = await seriousViolations(pane);
    assert.deepEqual(closed, [], describeViolations(closed));

    // Everything the gallery can show: every function expanded, then a search without results.
    const headers = pane.locator("[data-testid=functions-section] h3 button");
    const n = await headers.count();
    assert.ok(n >= 17, `expected every SALES function in the gallery, found ${n}`);
    for (let i = 0; i < n; i++) await headers.nth(i).click();
    await pane
      .getByRole("button", { name: /^Insert SALES\.WIN_RATE|^إدراج SALES\.WIN_RATE/ })
      .waitFor();
    // Panels fade in: scan the settled page, not colours halfway through a transition.
    await pane.waitForFunction(() =>
      document.getAnimations().every((a) => a.playState !== "running")
    );
    const expanded = await seriousViolations(pane);
    assert.deepEqual(expanded, [], describeViolations(expanded));
    await screenshot(page, `a11y-functions-expanded-${language}`);

    await pane.getByRole("searchbox").fill("zzzz");
    await pane.getByRole("status").filter({ hasText: /zzzz/ }).waitFor();
    const empty = await seriousViolations(pane);
    assert.deepEqual(empty, [], describeViolations(empty));
  });
}

/** What has focus, and whether a focus indicator is drawn around it. */
async function focused(pane) {
  return pane.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const visible = (node) => {
      for (const pseudo of [null, "::before", "::after"]) {
        const s = getComputedStyle(node, pseudo);
        if (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) return true;
        if (
          pseudo &&
          s.content !== "none" &&
          s.borderTopStyle !== "none" &&
          parseFloat(s.borderTopWidth) > 0
        ) {
          return true;
        }
        if (!pseudo && s.boxShadow !== "none" && node.matches(":focus-visible")) return true;
      }
      return false;
    };
    let indicator = false;
    for (let node = el, i = 0; node && i < 4 && !indicator; node = node.parentElement, i++) {
      indicator = visible(node);
    }
    const label =
      el.getAttribute("aria-label") ||
      (el.labels && el.labels[0] && el.labels[0].textContent) ||
      el.textContent ||
      el.getAttribute("placeholder") ||
      "";
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute("type"),
      role: el.getAttribute("role"),
      label: label.trim(),
      inSetup: Boolean(el.closest("[data-testid=setup-section]")),
      checked: el.checked === true,
      indicator,
    };
  });
}

test("keyboard only: Tab reaches every Setup control with visible focus; Space and arrows operate them", async (t) => {
  if (!suite.browser) return t.skip("no browser");
  const { page, pane } = await openPane(suite.browser, suite.url, { language: "en" });
  const setup = pane.locator("[data-testid=setup-section]");
  await setup.waitFor();

  // The controls a user must reach: one stop per radio group (arrows move inside), each checkbox and button.
  const expected = await setup.evaluate((root) => {
    const groups = new Set();
    let stops = 0;
    for (const el of root.querySelectorAll("button, input, select, textarea, [tabindex]")) {
      if (el.disabled || el.getAttribute("tabindex") === "-1" || !el.getClientRects().length)
        continue;
      if (el.type === "radio") {
        if (groups.has(el.name)) continue;
        groups.add(el.name);
      }
      stops++;
    }
    return stops;
  });

  const stops = [];
  // Start at the first control of the pane (the language switch), as a user tabbing into it.
  await pane.getByRole("button", { name: "English" }).focus();
  for (let i = 0; i < 40 && stops.filter((s) => s.inSetup).length < expected; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(pane);
    if (f) stops.push(f);
  }
  const inSetup = stops.filter((s) => s.inSetup);
  assert.equal(
    inSetup.length,
    expected,
    `Tab reached ${JSON.stringify(inSetup.map((s) => s.label))}`
  );
  for (const s of inSetup)
    assert.ok(s.indicator, `no visible focus indicator on ${s.tag} "${s.label}"`);
  await screenshot(page, "a11y-setup-keyboard-focus");

  // Operate each kind of control from the keyboard alone.
  const firstRadio = setup.locator("input[type=radio]").first();
  await firstRadio.focus();
  await page.keyboard.press("ArrowDown");
  const preset = await focused(pane);
  assert.equal(preset.type, "radio");
  assert.equal(preset.checked, true, "ArrowDown selects the next pipeline preset");
  assert.notEqual(
    preset.label,
    (await firstRadio.evaluate((el) => el.labels[0].textContent)).trim()
  );

  const checkbox = setup.locator("input[type=checkbox]").first();
  const before = await checkbox.isChecked();
  await checkbox.focus();
  await page.keyboard.press("Space");
  assert.equal(await checkbox.isChecked(), !before, "Space toggles the sample-data checkbox");

  // Enter on "Set up" builds the workbook in the stand-in; the result is announced, focus stays.
  if (!(await checkbox.isChecked())) {
    await checkbox.focus();
    await page.keyboard.press("Space");
  }
  const setUp = setup.getByRole("button", { name: "Set up", exact: true });
  await setUp.focus();
  await page.keyboard.press("Enter");
  await pane.getByTestId("setup-summary").waitFor({ timeout: 120000 });
  const tables = await page.evaluate(() =>
    window.salesPreview.workbook().sheets.flatMap((sh) => sh.tables.map((tb) => tb.name))
  );
  assert.ok(tables.includes("Deals") && tables.includes("Stages"), `tables: ${tables}`);
  assert.equal(await pane.evaluate(() => document.activeElement.textContent.trim()), "Set up");

  // The language switch in the header works from the keyboard too, and focus stays put.
  const arabic = pane.getByRole("button", { name: "العربية" });
  await arabic.focus();
  await page.keyboard.press("Enter");
  await pane.getByRole("heading", { level: 1, name: "مؤشرات المبيعات" }).waitFor();
  assert.equal(await pane.evaluate(() => document.activeElement.textContent.trim()), "العربية");
});

test("keyboard only: the function gallery opens, searches and inserts without a mouse", async (t) => {
  if (!suite.browser) return t.skip("no browser");
  const { page, pane } = await openPane(suite.browser, suite.url, {
    language: "en",
    tab: "functions",
  });
  const search = pane.getByRole("searchbox");
  await search.focus();
  await page.keyboard.type("pipeline value");
  // Name matches come first, so the function itself is the first result.
  await pane
    .locator("[data-testid=functions-section] h3")
    .first()
    .filter({ hasText: "SALES.PIPELINE_VALUE" })
    .waitFor();
  await page.keyboard.press("Tab");
  const header = await focused(pane);
  assert.match(header.label, /SALES\.PIPELINE_VALUE/);
  assert.ok(header.indicator, "the accordion header shows focus");
  await page.keyboard.press("Enter");
  const insert = pane.getByRole("button", {
    name: "Insert SALES.PIPELINE_VALUE into the selected cell",
  });
  await insert.waitFor();
  // Focus does not jump into the panel on its own: the user moves it.
  assert.match((await focused(pane)).label, /SALES\.PIPELINE_VALUE/);
  for (let i = 0; i < 5 && !/^Insert SALES/.test((await focused(pane)).label); i++) {
    await page.keyboard.press("Tab");
  }
  const f = await focused(pane);
  assert.equal(f.label, "Insert SALES.PIPELINE_VALUE into the selected cell");
  assert.ok(f.indicator, "the Insert button shows focus");

  // A fresh workbook has no Deals table: Insert says so and writes nothing.
  await page.keyboard.press("Enter");
  const warning = pane.getByText(/does not have yet/);
  await warning.waitFor();
  assert.match(await warning.textContent(), /uses the Deals, Stages tables/);
  assert.equal(await page.evaluate(() => window.salesPreview.getValue("Sheet1", "A1")), "");

  // SALES.CLV needs no table: Space on Insert writes it into the selected cell (C3). The
  // preview's grid does not pass its selection to the stand-in, so C3 is selected through the
  // Excel API, as Excel itself would report it.
  await pane.evaluate(() =>
    Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("C3").select();
      await context.sync();
    })
  );
  await search.focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("clv");
  await pane
    .locator("[data-testid=functions-section] h3")
    .first()
    .filter({ hasText: "SALES.CLV" })
    .waitFor();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  const insertClv = pane.getByRole("button", { name: "Insert SALES.CLV into the selected cell" });
  await insertClv.waitFor();
  for (let i = 0; i < 5 && !/^Insert SALES\.CLV/.test((await focused(pane)).label); i++) {
    await page.keyboard.press("Tab");
  }
  await page.keyboard.press("Space");
  await pane.getByText(/^Inserted/).waitFor();
  assert.equal(
    await pane.getByText(/^Inserted/).textContent(),
    "Inserted =SALES.CLV(1200, 0.7, 0.05) in Sheet1!C3."
  );
  const value = await page.evaluate(() => window.salesPreview.getValue("Sheet1", "C3"));
  assert.ok(Math.abs(value - 16800) < 1e-9, `C3 = ${value}`);
  await screenshot(page, "a11y-functions-inserted");
});
