/**
 * Helpers of the language and accessibility browser tests: open the built task pane in the
 * preview (beside the Excel stand-in) in a given language, run axe-core in it, and measure
 * layout problems (overflow, clipping, overlap).
 */
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { ROOT, openPage } = require("./harness");

const AXE = path.join(ROOT, "node_modules", "axe-core", "axe.min.js");

/** Builds the preview page (dist-preview/) when missing; npm test builds only dist/. */
function ensurePreviewBuilt() {
  if (fs.existsSync(path.join(ROOT, "dist-preview", "preview.html"))) return;
  const cli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  const r = spawnSync(
    process.execPath,
    [cli, "--config", "webpack.preview.config.js", "--mode", "production"],
    { cwd: ROOT, stdio: "inherit" }
  );
  if (r.status !== 0) throw new Error("building dist-preview/ failed");
}

/**
 * Opens the preview (the built task pane beside the Excel stand-in) with the pane in a
 * language, and waits until the pane's sections and the stand-in's functions are ready.
 *
 * @param {import("playwright-core").Browser} browser
 * @param {string} baseUrl the preview server's URL
 * @param {{language?: "en" | "ar", tab?: "home" | "import" | "dashboard" | "functions",
 *   viewport?: {width: number, height: number}}} [options] tab: the tab the pane opens on (as
 *   remembered from a previous session; Home by default)
 * @returns {Promise<{page: import("playwright-core").Page, pane: import("playwright-core").Frame}>}
 */
async function openPane(browser, baseUrl, options = {}) {
  const page = await openPage(browser, {
    viewport: options.viewport || { width: 1280, height: 900 },
  });
  const language = options.language || "en";
  // Init scripts run in every frame: the task pane frame starts in the requested language.
  await page.addInitScript(
    ([lang, tab]) => {
      try {
        localStorage.setItem("sales-addin.language", lang);
        localStorage.setItem("sales-addin.tab", tab);
      } catch {
        // storage blocked: the pane falls back to Office's language and the Home tab
      }
    },
    [language, options.tab || "home"]
  );
  await page.goto(`${baseUrl}preview.html`);
  await page.waitForFunction(() => window.salesPreview !== undefined, null, { timeout: 30000 });
  await page.evaluate(() => window.salesPreview.ready);
  const pane = page.frame({ url: /taskpane\.html/ });
  if (!pane) throw new Error("the preview has no task pane frame");
  await pane
    .locator("main [role=tabpanel]:not([hidden]) section[aria-labelledby]")
    .first()
    .waitFor({ timeout: 30000 });
  return { page, pane };
}

/**
 * Runs axe-core in a page or frame and returns the serious and critical violations.
 *
 * @param {import("playwright-core").Page | import("playwright-core").Frame} page
 * @returns {Promise<Array<{id: string, impact: string, help: string, targets: string[]}>>}
 */
async function seriousViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) {
    await page.addScriptTag({ path: AXE });
  }
  const violations = await page.evaluate(async () => {
    // Tabster's focus-redirecting dummy inputs (<i data-tabster-dummy aria-hidden tabindex=0>,
    // added by Fluent's TabList) are a known false positive of aria-hidden-focus: Accessibility
    // Insights suppresses them too (microsoft/accessibility-insights-web#7605, fluentui#27517).
    const result = await window.axe.run(
      { include: [document], exclude: [["[data-tabster-dummy]"]] },
      { resultTypes: ["violations"] }
    );
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
 * @param {import("playwright-core").Page | import("playwright-core").Frame} page
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

module.exports = { ensurePreviewBuilt, openPane, seriousViolations, layoutProblems, ROOT };
