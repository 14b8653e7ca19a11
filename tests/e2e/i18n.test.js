/**
 * The task pane in Arabic and English in real Chromium: right-to-left direction, translated
 * labels and function help, a mirrored layout without clipped, overflowing or overlapping text,
 * and screenshots of both languages (copies in docs/images for the README).
 */
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const path = require("path");
const { serve, launch, screenshot } = require("./harness");
const { openPane, layoutProblems, ROOT } = require("./paneHelpers");

const DOCS_IMAGES = path.join(ROOT, "docs", "images");
const ARABIC = /[\u0600-\u06FF]/;

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

/** Saves the visible part of the pane (what a user sees first) for the docs. */
async function docsImage(page, name) {
  fs.mkdirSync(DOCS_IMAGES, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(DOCS_IMAGES, `${name}.png`) });
}

async function geometry(page) {
  return page.evaluate(() => {
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
  if (!browser) return t.skip("no browser");
  const page = await openPane(browser, server.url, { language: "en" });
  await page.locator("[data-testid=functions-section] h3").first().waitFor();
  const g = await geometry(page);
  assert.equal(g.dir, "ltr");
  assert.equal(g.lang, "en");
  assert.equal(await page.locator("h1").textContent(), "Sales KPIs");
  await page.getByRole("heading", { level: 2, name: "Functions" }).waitFor();
  assert.ok(g.title.left < g.width / 4, "the title starts on the left");
  assert.ok(g.languages.right > (g.width * 3) / 4, "the language switch sits on the right");
  assert.ok(g.searchIcon.left < g.search.left, "the search icon comes first, on the left");
  const problems = await layoutProblems(page);
  assert.deepEqual(problems, { overflow: 0, clipped: [], overlapping: [] });
  await screenshot(page, "taskpane-en");
  await docsImage(page, "taskpane-en");
});

test("Arabic: dir=rtl, Arabic labels and function help, mirrored layout", async (t) => {
  if (!browser) return t.skip("no browser");
  const page = await openPane(browser, server.url, { language: "ar" });
  await page.locator("[data-testid=functions-section] h3").first().waitFor();
  const g = await geometry(page);
  assert.equal(g.dir, "rtl");
  assert.equal(g.lang, "ar");
  assert.equal(await page.locator("h1").textContent(), "مؤشرات المبيعات");
  await page.getByRole("heading", { level: 2, name: "الدوال" }).waitFor();
  for (const h2 of await page.locator("main h2").allTextContents()) {
    assert.match(h2, ARABIC, `section heading not translated: ${h2}`);
  }
  assert.match(await page.getByRole("searchbox").getAttribute("placeholder"), ARABIC);
  assert.match(
    await page.getByRole("status").filter({ hasText: /دال/ }).textContent(),
    /\d+ دالة|دوال/
  );
  // Function help comes from functions-ar.json: Arabic descriptions, ids unchanged.
  const first = page.locator("[data-testid=functions-section] h3").first();
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
  const formula = page
    .locator("[data-testid=functions-section] code[dir=ltr]")
    .filter({ hasText: "=SALES." })
    .first();
  assert.equal(await formula.textContent(), "=SALES.WIN_RATE(Deals[Stage])");
  await first.locator("button").click();
  const problems = await layoutProblems(page);
  assert.deepEqual(problems, { overflow: 0, clipped: [], overlapping: [] });
  await screenshot(page, "taskpane-ar");
  await docsImage(page, "taskpane-ar");
});

test("switching language in the header flips direction and reloads the function help", async (t) => {
  if (!browser) return t.skip("no browser");
  const page = await openPane(browser, server.url, { language: "en" });
  await page
    .locator("[data-testid=functions-section] h3")
    .first()
    .filter({ hasText: "Win rate" })
    .waitFor();
  await page.getByRole("button", { name: "العربية" }).click();
  await page
    .locator("[data-testid=functions-section] h3")
    .first()
    .filter({ hasText: "نسبة الفوز" })
    .waitFor();
  assert.equal((await geometry(page)).dir, "rtl");
  assert.equal(await page.evaluate(() => localStorage.getItem("sales-addin.language")), "ar");
  await page.getByRole("button", { name: "English" }).click();
  await page
    .locator("[data-testid=functions-section] h3")
    .first()
    .filter({ hasText: "Win rate" })
    .waitFor();
  assert.equal((await geometry(page)).dir, "ltr");
});
