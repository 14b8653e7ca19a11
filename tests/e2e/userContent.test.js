/**
 * Issue 14 through the real task pane: Set up, import a HubSpot export, build the dashboard;
 * the user then puts notes, a fill, a border and a formula showing "" into the dashboard's empty
 * cells and changes one of its figures; then Set up → Import → Build dashboard three more times.
 * Every one of the user's cells, formats and notes is still there (0 lost), and the report lists
 * the changed figure.
 */
const { test } = require("node:test");
const assert = require("node:assert/strict");
const path = require("path");
const { ROOT, previewSuite, selectTab, settled } = require("./harness");

const FIXTURE = path.join(ROOT, "tests", "fixtures", "csv", "hubspot-deals.csv");
const suite = previewSuite();

/** The user's things on the Dashboard sheet, for comparison. */
function userView(wb, cells) {
  const dash = wb.sheets.find((s) => s.name === "Dashboard");
  return JSON.stringify({
    cells: cells.map((a) => dash.cells[a] ?? null),
    comments: dash.comments,
  });
}

test("setup → import → dashboard three times keeps every cell the user put in the dashboard", async (t) => {
  if (!suite.browser) return t.skip("no browser");
  const { page, pane } = await suite.open({ width: 1400, height: 1000 });

  async function setUp() {
    await selectTab(pane, "Home");
    const setup = pane.getByRole("region", { name: "Set up the workbook" });
    await setup.waitFor({ timeout: 30000 });
    const before = await page.evaluate(() => window.salesPreview.syncCount());
    await setup.getByRole("button", { name: "Set up", exact: true }).click();
    await page.waitForFunction((n) => window.salesPreview.syncCount() > n, before, {
      timeout: 60000,
    });
    await pane.getByTestId("setup-summary").waitFor({ timeout: 120000 });
    await settled(pane);
  }
  async function importFile() {
    await selectTab(pane, "Import");
    const section = pane.getByRole("region", { name: "Import from your CRM" });
    await section.getByTestId("import-file").setInputFiles(FIXTURE);
    await section.getByTestId("import-run").waitFor({ timeout: 30000 });
    await section.getByTestId("import-run").click();
    await section.getByTestId("import-summary").waitFor({ timeout: 60000 });
    await settled(pane);
  }
  async function build() {
    await selectTab(pane, "Dashboard");
    const section = pane.getByRole("region", { name: "Dashboard" });
    await section.getByRole("button", { name: /Build dashboard|Rebuild dashboard/ }).click();
    const report = pane.getByTestId("dashboard-report");
    const failed = pane.getByTestId("dashboard-error");
    await report.or(failed).waitFor({ timeout: 300000 });
    assert.equal(await failed.isVisible(), false, "the build failed");
    await settled(pane);
    return report.textContent();
  }

  await setUp();
  await importFile();
  await build();

  const notes = ["A40", "B44", "M6", "H20", "C30", "K50", "B70"];
  await page.evaluate((cells) => {
    const m = window.salesPreview.standIn.model;
    const sheet = m.findSheet("Dashboard");
    for (const a of cells) m.addComment(m.range(sheet, a), `note in ${a}`);
    m.writeStyle(m.range(sheet, "N9"), (s) => (s.fill = "#FF0000"));
    m.writeInputs(m.range(sheet, "N8"), [['=""']]);
    m.writeInputs(m.range(sheet, "B8"), [[12345]]);
  }, notes);
  const cells = [...notes, "N8", "N9", "B8"];
  const before = userView(await page.evaluate(() => window.salesPreview.workbook()), cells);

  let last = "";
  for (let i = 0; i < 3; i++) {
    await setUp();
    await importFile();
    last = await build();
  }
  const after = userView(await page.evaluate(() => window.salesPreview.workbook()), cells);
  assert.equal(after, before, "the user's cells and notes are unchanged");
  assert.match(last, /B8/);
});
