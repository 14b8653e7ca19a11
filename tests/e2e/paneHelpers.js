/**
 * Helpers of the language and accessibility browser tests: open the built task pane in a given
 * language, run axe-core in the page, and measure layout problems (overflow, clipping, overlap).
 */
const fs = require("fs");
const path = require("path");
const { ROOT, openPage } = require("./harness");

const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_JS = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist", "office.js");
const CF_PATCH = path.join(__dirname, "customFunctionsPatch.js");
const AXE = path.join(ROOT, "node_modules", "axe-core", "axe.min.js");

/**
 * Outside Office, office.js reports no host and the shell shows only its "open this in Excel"
 * notice; tests of the sections need them rendered, so Office.onReady is made to report Excel.
 * (Workbook actions are not called by these tests until the preview's stand-in is present.)
 */
const HOST_PATCH = `
;(function () {
  var original = Office.onReady;
  Office.onReady = function (callback) {
    return original.call(Office).then(function () {
      var info = { host: "Excel", platform: "OfficeOnline" };
      if (callback) callback(info);
      return info;
    });
  };
})();
`;

/**
 * Opens dist/taskpane.html as it runs inside Excel, in a language.
 *
 * @param {import("playwright-core").Browser} browser
 * @param {string} baseUrl the server serving dist/
 * @param {{language?: "en" | "ar", viewport?: {width: number, height: number}}} [options]
 * @returns {Promise<import("playwright-core").Page>}
 */
async function openPane(browser, baseUrl, options = {}) {
  const page = await openPage(browser, options.viewport ? { viewport: options.viewport } : {});
  const language = options.language || "en";
  await page.addInitScript((lang) => {
    try {
      localStorage.setItem("sales-addin.language", lang);
    } catch {
      // storage blocked: the pane falls back to Office's language
    }
  }, language);
  await page.route(`${OFFICE_CDN}**`, (route) => {
    const url = route.request().url();
    if (!url.split("?")[0].endsWith("/office.js")) return route.fallback();
    const body = `${fs.readFileSync(OFFICE_JS, "utf8")}\n;${fs.readFileSync(CF_PATCH, "utf8")}\n${HOST_PATCH}`;
    return route.fulfill({ status: 200, contentType: "text/javascript", body });
  });
  await page.goto(`${baseUrl}taskpane.html`);
  await page.locator("section[aria-labelledby]").first().waitFor({ timeout: 30000 });
  return page;
}

/**
 * Runs axe-core on the page and returns the serious and critical violations.
 *
 * @param {import("playwright-core").Page} page
 * @returns {Promise<Array<{id: string, impact: string, help: string, targets: string[]}>>}
 */
async function seriousViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) {
    await page.addScriptTag({ path: AXE });
  }
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => `${n.target.join(" ")} — ${n.failureSummary}`),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/**
 * Layout problems a user would see: horizontal scrolling, text cut off by its box, and
 * controls drawn over each other.
 *
 * @param {import("playwright-core").Page} page
 * @returns {Promise<{overflow: number, clipped: string[], overlapping: string[]}>}
 */
async function layoutProblems(page) {
  return page.evaluate(() => {
    const overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    const clipped = [];
    for (const el of document.querySelectorAll("body *")) {
      const style = getComputedStyle(el);
      const hides =
        ["hidden", "clip"].includes(style.overflowX) || style.textOverflow === "ellipsis";
      const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (hides && hasText && el.scrollWidth > el.clientWidth + 1 && el.getClientRects().length) {
        clipped.push(`${el.tagName.toLowerCase()}: ${el.textContent.trim().slice(0, 40)}`);
      }
    }
    const controls = [...document.querySelectorAll("button, input, [role=radio], h1, h2, h3")]
      .filter((el) => el.getClientRects().length)
      .map((el) => ({ el, r: el.getBoundingClientRect() }));
    const overlapping = [];
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const a = controls[i];
        const b = controls[j];
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > 2 && h > 2) {
          overlapping.push(
            `${a.el.textContent.trim().slice(0, 30)} / ${b.el.textContent.trim().slice(0, 30)}`
          );
        }
      }
    }
    return { overflow, clipped, overlapping };
  });
}

module.exports = { openPane, seriousViolations, layoutProblems, ROOT };
