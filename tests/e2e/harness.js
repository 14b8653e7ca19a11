/**
 * Shared plumbing of the browser tests: a static server for dist/, Debian's Chromium driven by
 * playwright-core, and office.js served from the @microsoft/office-js package by request
 * routing (the CDN is unreachable here). Without a browser the tests skip loudly; under CI
 * (CI=true) a missing browser is a failure.
 */
const fs = require("fs");
const http = require("http");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..", "..");
const OFFICE_JS_DIR = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const CF_PATCH = path.join(__dirname, "customFunctionsPatch.js");
const SCREENSHOTS = path.join(__dirname, "screenshots");
const CHROMIUM_PATHS = [
  process.env.CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
].filter(Boolean);

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".css": "text/css; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json",
  ".csv": "text/csv; charset=utf-8",
};

/**
 * Serves a folder over http on a free loopback port.
 *
 * @param {string} dir the folder to serve
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
function serve(dir) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    const file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}/`,
        close: () => new Promise((r) => server.close(() => r())),
      })
    )
  );
}

/** @returns {string | null} the Chromium executable, or null when none is installed */
function findChromium() {
  return CHROMIUM_PATHS.find((p) => fs.existsSync(p)) || null;
}

/**
 * Launches headless Chromium with the flags this closed network needs, or reports why not.
 *
 * @returns {Promise<import("playwright-core").Browser | null>} null when skipped (no browser, not CI)
 */
async function launch() {
  const executablePath = findChromium();
  if (!executablePath) {
    const msg = "NO CHROMIUM FOUND: browser tests cannot run (apt-get install -y chromium)";
    if (process.env.CI === "true") throw new Error(msg);
    console.warn(`\n!!! ${msg} — SKIPPING e2e tests !!!\n`);
    return null;
  }
  const { chromium } = require("playwright-core");
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-chromium-"));
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--user-data-dir=${userDataDir}`,
    ].filter((a) => !a.startsWith("--user-data-dir")),
  });
}

/**
 * Opens a page whose office.js requests are answered from the npm package, and whose other
 * outside requests fail fast instead of hanging on the closed network.
 *
 * @param {import("playwright-core").Browser} browser
 * @param {object} [options] extra context options (viewport, locale)
 * @returns {Promise<import("playwright-core").Page>}
 */
async function openPage(browser, options = {}) {
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 420, height: 900 },
    ...options,
  });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(OFFICE_CDN)) {
      const file = path.join(OFFICE_JS_DIR, url.slice(OFFICE_CDN.length).split("?")[0]);
      if (fs.existsSync(file)) {
        let body = fs.readFileSync(file, "utf8");
        if (path.basename(file) === "office.js") body += `\n;${fs.readFileSync(CF_PATCH, "utf8")}`;
        return route.fulfill({ status: 200, contentType: "text/javascript", body });
      }
      return route.fulfill({ status: 404, body: "" });
    }
    if (
      /^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url) ||
      url.startsWith("data:") ||
      url.startsWith("blob:")
    ) {
      return route.continue();
    }
    return route.abort();
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error("[page error]", e.message));
  return page;
}

/**
 * Saves a screenshot under tests/e2e/screenshots (gitignored) and returns its path.
 *
 * @param {import("playwright-core").Page} page
 * @param {string} name file name without extension
 * @returns {Promise<string>}
 */
async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const DOCS_IMAGES = path.join(ROOT, "docs", "images");

/**
 * Copies a screenshot into docs/images for the README, only under `npm run screenshots`
 * (UPDATE_DOCS_IMAGES=1): a plain `npm test` leaves the tracked images, and `git status`, alone.
 *
 * @param {string} file a screenshot written by screenshot() or paneShot()
 * @param {string} [name] the docs file name without extension (default: the screenshot's)
 * @returns {string | null} the docs path written, or null when not updating
 */
function publish(file, name) {
  if (process.env.UPDATE_DOCS_IMAGES !== "1") return null;
  fs.mkdirSync(DOCS_IMAGES, { recursive: true });
  const target = path.join(DOCS_IMAGES, `${name || path.basename(file, ".png")}.png`);
  fs.copyFileSync(file, target);
  return target;
}

/**
 * Saves the whole task pane of the preview at a given width (default 350 px, the narrow end of
 * Excel's pane), as tall as its content, under tests/e2e/screenshots.
 *
 * @param {import("playwright-core").Page} page the preview page
 * @param {string} name file name without extension
 * @param {number} [width] the pane width in CSS pixels
 * @returns {Promise<string>} the file written
 */
async function paneShot(page, name, width = 350) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.addStyleTag({ content: `.pane { width: ${width}px !important; }` });
  const frame = page.frame({ url: /taskpane\.html/ });
  await frame.evaluate(() => window.scrollTo(0, 0));
  const height = await frame.evaluate(() => document.documentElement.scrollHeight);
  const viewport = page.viewportSize();
  await page.setViewportSize({
    width: viewport.width,
    height: Math.max(viewport.height, height + 80),
  });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  const box = await page.locator("#taskpane").boundingBox();
  await page.screenshot({
    path: file,
    clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, height) },
  });
  await page.setViewportSize(viewport);
  return file;
}

/**
 * Opens a tab of the task pane (Home, Import, Dashboard, Functions) and waits for its panel.
 *
 * @param {import("playwright-core").FrameLocator | import("playwright-core").Frame} pane
 * @param {string | RegExp} name the tab's name in the pane's language
 * @returns {Promise<void>}
 */
async function selectTab(pane, name) {
  const tab = pane.getByRole("tab", { name, exact: typeof name === "string" });
  await tab.click();
  const id = await tab.getAttribute("aria-controls");
  await pane.locator(`#${id}`).waitFor({ state: "visible" });
}

/**
 * Round trips the pane adds around a workbook action: after every action that changes the
 * workbook it re-reads the Home view's status (src/workbook/status.ts: at most 3 syncs); setup
 * then selects the Deals table (1) and an import remembers its source (1). Tests that bound an
 * action's syncs add these explicitly, after waiting for the pane to settle.
 */
const PANE_SYNCS = { status: 3, goTo: 1, recordImport: 1 };

/**
 * Waits until the pane has finished re-reading the workbook status (after an action).
 *
 * @param {import("playwright-core").FrameLocator | import("playwright-core").Frame} pane
 * @returns {Promise<void>}
 */
async function settled(pane) {
  await pane.locator("[data-testid=home-status][data-loading=false]").waitFor({
    state: "attached",
    timeout: 60000,
  });
}

/**
 * Clicks the pane's build (or rebuild) button and waits for the build to finish; throws with
 * the pane's error text when the build failed.
 *
 * @param {import("playwright-core").Frame} pane the task pane frame
 * @param {import("playwright-core").Locator} button the Build / Rebuild dashboard button
 * @returns {Promise<import("playwright-core").Locator>} the build report
 */
async function buildInPane(pane, button) {
  await button.click();
  const report = pane.getByTestId("dashboard-report");
  const failed = pane.getByTestId("dashboard-error");
  await report.or(failed).waitFor({ timeout: 300000 });
  if (await failed.isVisible()) throw new Error(`the build failed: ${await failed.textContent()}`);
  return report;
}

/** The Setup section's labels in the pane's languages (src/taskpane/setup/strings.ts). */
const SETUP_LABELS = {
  en: { region: "Set up the workbook", sampleData: "Add sample data", button: "Set up" },
  ar: { region: "تجهيز المصنف", sampleData: "إضافة بيانات نموذجية", button: "تجهيز" },
};

/**
 * Runs Setup from the Home tab (Salesforce stages) and waits until the pane has re-read the
 * workbook.
 *
 * @param {import("playwright-core").Frame} pane the task pane frame
 * @param {{sampleData?: boolean, language?: "en" | "ar"}} [options] sampleData: tick "Add
 *   sample data" first; language: the pane's language (default English)
 * @returns {Promise<import("playwright-core").Locator>} the setup summary
 */
async function setUpInPane(pane, options = {}) {
  const labels = SETUP_LABELS[options.language ?? "en"];
  const setup = pane.getByRole("region", { name: labels.region });
  await setup.waitFor({ timeout: 30000 });
  if (options.sampleData) await setup.getByLabel(labels.sampleData).check();
  await setup.getByRole("button", { name: labels.button, exact: true }).click();
  const summary = pane.getByTestId("setup-summary");
  await summary.waitFor({ timeout: 120000 });
  await settled(pane);
  return summary;
}

/**
 * Opens the Import tab and returns its section.
 *
 * @param {import("playwright-core").Frame} pane the task pane frame
 * @returns {Promise<import("playwright-core").Locator>} the "Import from your CRM" region
 */
async function importSection(pane) {
  await selectTab(pane, "Import");
  return pane.getByRole("region", { name: "Import from your CRM" });
}

/**
 * Chooses a file in the Import section, runs the import and waits for its summary and for the
 * pane to re-read the workbook.
 *
 * @param {import("playwright-core").Frame} pane the task pane frame
 * @param {import("playwright-core").Locator} section the Import section
 * @param {string} file the file's path
 * @param {string | RegExp} summary text the summary must show ("Added: 6 · Updated: 0 …")
 * @param {{target?: string}} [options] target: the table to import into ("Leads"), chosen
 *   after the file is read (default: the one the pane detects)
 * @returns {Promise<import("playwright-core").Locator>} the import summary
 */
async function importFileInPane(pane, section, file, summary, options = {}) {
  await section.getByTestId("import-file").setInputFiles(file);
  await section.getByTestId("import-detected").waitFor({ timeout: 30000 });
  if (options.target) await section.getByLabel(options.target, { exact: true }).check();
  await section.getByTestId("import-run").click();
  const done = section.getByTestId("import-summary");
  await done.getByText(summary).waitFor({ timeout: 60000 });
  await settled(pane);
  return done;
}

/**
 * Selects a cell with the preview's name box and types into its formula bar, as a user does.
 *
 * @param {import("playwright-core").Page} page the preview page
 * @param {string} address the cell, e.g. "N5"
 * @param {string} text a value or formula
 * @returns {Promise<void>}
 */
async function typeInto(page, address, text) {
  const nameBox = page.getByLabel("Selected cell");
  await nameBox.fill(address);
  await nameBox.press("Enter");
  const bar = page.getByLabel("Formula");
  await bar.fill(text);
  await bar.press("Enter");
}

module.exports = {
  buildInPane,
  setUpInPane,
  importSection,
  importFileInPane,
  PANE_SYNCS,
  settled,
  ROOT,
  serve,
  launch,
  openPage,
  screenshot,
  findChromium,
  publish,
  paneShot,
  selectTab,
  typeInto,
};

/**
 * Starts the preview server (preview/server.js) on a free port over http, serving dist/ and
 * dist-preview/ (build both first: `npm run build` and
 * `webpack --config webpack.preview.config.js`).
 *
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
async function startPreview() {
  const { startPreviewServer } = require("../../preview/server");
  return startPreviewServer({ port: 0, host: "127.0.0.1", https: false });
}

module.exports.startPreview = startPreview;

/**
 * Registers node:test hooks that launch Chromium and start the preview server for one test
 * file, and returns how to open the preview with the real task pane loaded.
 *
 * @param {{ beforeStart?: () => void }} [options] e.g. build what the server needs first
 * @returns {{ readonly browser: import("playwright-core").Browser | null, readonly url: string,
 *   open: (viewport: {width: number, height: number}) => Promise<{page: import("playwright-core").Page,
 *   pane: import("playwright-core").FrameLocator}> }}
 * @example
 * const preview = previewSuite();
 * test("…", async (t) => { if (!preview.browser) return t.skip("no browser"); const { page, pane } = await preview.open({ width: 1400, height: 900 }); });
 */
function previewSuite(options = {}) {
  const { before, after } = require("node:test");
  const state = { browser: null, server: null };
  before(async () => {
    state.browser = await launch();
    if (!state.browser) return;
    if (options.beforeStart) options.beforeStart();
    state.server = await startPreview();
  });
  after(async () => {
    if (state.browser) await state.browser.close();
    if (state.server) await state.server.close();
  });
  return {
    get browser() {
      return state.browser;
    },
    get url() {
      return state.server.url;
    },
    async open(viewport) {
      const page = await openPage(state.browser, { viewport });
      await page.goto(`${state.server.url}preview.html`);
      await page.waitForFunction(() => window.salesPreview !== undefined, null, { timeout: 30000 });
      await page.evaluate(() => window.salesPreview.ready);
      return { page, pane: page.frameLocator("#taskpane") };
    },
  };
}

module.exports.previewSuite = previewSuite;
