/**
 * Issue 13 through the real task pane in the preview: an XLSX export (written here, two sheets)
 * is imported from its chosen sheet, and a sheet of this workbook is imported through the same
 * mapping step; the Deals table then holds typed numbers and dates computed here from the rows.
 * Screenshot: tests/e2e/screenshots/import-xlsx.png.
 */
const { test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { importSection, previewSuite, screenshot, setUpInPane } = require("./harness");

require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
const { writeXlsx } = require("../support/xlsxWriter");

const suite = previewSuite();

/** Excel serial of a date (1900 system). */
const serial = (y, m, d) => Date.UTC(y, m - 1, d) / 86400000 + 25569;

test("an XLSX export and a sheet of this workbook import through the pane", async (t) => {
  if (!suite.browser) return t.skip("no browser");
  const { page, pane } = await suite.open({ width: 1400, height: 1000 });
  await setUpInPane(pane);
  const section = await importSection(pane);

  // A Pipedrive XLSX export: a notes sheet first, the deals on the second sheet.
  const deals = [
    [101, "Website", 1500.5, "EUR", "Sara", "Proposal Made", "won", serial(2024, 3, 20)],
    [102, "ERP", 25000, "EUR", "John", "Negotiations Started", "lost", serial(2024, 4, 10)],
    [103, "Support", 4800, "USD", "Sara", "Demo Scheduled", "open", serial(2024, 5, 15)],
  ];
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "xlsx-")), "pipedrive.xlsx");
  fs.writeFileSync(
    file,
    writeXlsx([
      { name: "Read me", rows: [["Exported from Pipedrive"]] },
      {
        name: "Deals",
        rows: [
          [
            "Deal - ID",
            "Deal - Title",
            "Deal - Value",
            "Deal - Currency",
            "Deal - Owner",
            "Deal - Stage",
            "Deal - Status",
            "Deal - Expected close date",
          ],
          ...deals.map((d) => d.map((v, i) => (i === 7 ? { date: v } : v))),
        ],
      },
    ])
  );
  await section.getByTestId("import-file").setInputFiles(file);
  const sheet = section.getByTestId("import-sheet");
  await sheet.waitFor({ timeout: 30000 });
  await sheet.selectOption("Deals");
  const detected = section.getByTestId("import-detected");
  await section.getByText(/Pipedrive deals export/).waitFor({ timeout: 30000 });
  assert.match(await detected.textContent(), /3 rows, 8 columns/);
  assert.equal(await section.getByTestId("import-number-mark").count(), 0);
  await section.getByTestId("import-run").click();
  const summary = section.getByTestId("import-summary");
  await summary.waitFor({ timeout: 60000 });
  assert.match(await summary.textContent(), /Added: 3 · Updated: 0 · Skipped: 0/);

  const table = async () => {
    const wb = await page.evaluate(() => window.salesPreview.workbook());
    const sheetOf = wb.sheets.find((s) => s.tables.some((tb) => tb.name === "Deals"));
    const tb = sheetOf.tables.find((x) => x.name === "Deals");
    const address = tb.address.split("!").pop().replace(/\$/g, "");
    const values = await page.evaluate(
      ([name, a]) => window.salesPreview.standIn.getValues(name, a),
      [sheetOf.name, address]
    );
    const headers = values[0].map(String);
    return values.slice(1).map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])));
  };
  let rows = await table();
  assert.deepEqual(
    rows.map((r) => [r["Deal ID"], r.Amount, r.Stage, r["Expected Close"]]),
    deals.map((d) => [
      String(d[0]),
      d[2],
      d[6] === "won" ? "Won" : d[6] === "lost" ? "Lost" : d[5],
      d[7],
    ])
  );
  await page.evaluate(() => window.salesPreview.activate("Deals"));
  await page.waitForTimeout(300);
  await screenshot(page, "import-xlsx");

  // A sheet of this workbook: typed values, no parsing; same mapping step.
  await page.evaluate(() =>
    window.salesPreview.standIn.setValues("Raw", "A1:D3", [
      ["Deal ID", "Deal Name", "Amount", "Stage"],
      ["W1", "From the sheet", 5.125, "Prospecting"],
      ["W2", "Second", 12500, "Closed Won"],
    ])
  );
  await section.getByTestId("import-workbook-list").click();
  const choice = section.getByTestId("import-workbook-sheet");
  await choice.waitFor({ timeout: 30000 });
  await choice.selectOption("Raw");
  await section.getByTestId("import-workbook-read").click();
  await section.getByText("2 of 2 rows are ready to import.").waitFor({ timeout: 30000 });
  await section.getByTestId("import-run").click();
  await section.getByText("Added: 2 · Updated: 0 · Skipped: 0").waitFor({ timeout: 60000 });
  rows = await table();
  assert.deepEqual(
    rows.slice(-2).map((r) => [r["Deal ID"], r["Deal Name"], r.Amount, r.Stage]),
    [
      ["W1", "From the sheet", 5.125, "Prospecting"],
      ["W2", "Second", 12500, "Closed Won"],
    ]
  );
});
