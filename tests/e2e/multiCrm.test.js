/**
 * Issue 12's path in the real task pane: Set up with Salesforce's stages and no sample data;
 * import a HubSpot deals export, a Pipedrive deals export (partly in EUR) and a Salesforce lead
 * report, each written here in the CRM's own layout; build the dashboard; apply All time and two
 * other filter states in the pane; rebuild; and check every checked tile and summary table
 * against a computation from the Deals/Leads rows of the preview's workbook, no error value on
 * the Dashboard sheet, the data's owners in the Owner filter and the currency note.
 * Screenshot: tests/e2e/screenshots/dashboard-multi-crm.png (docs/images by `npm run screenshots`).
 */
const { test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const os = require("os");
const path = require("path");
const {
  buildInPane,
  importFileInPane,
  importSection,
  paneShot,
  previewSuite,
  publish,
  screenshot,
  selectTab,
  setUpInPane,
  typeInto,
} = require("./harness");

const preview = previewSuite();
const { FILES, today, DAY } = require("../fixtures/multiCrmExports");
const { HUBSPOT_DEALS, csvQuoted } = require("../fixtures/crmLayouts");
const { seriousViolations } = require("./paneHelpers");

/** A table's rows (objects by header) from the preview's workbook snapshot. */
function rowsOf(wb, table) {
  for (const sheet of wb.sheets) {
    const t = sheet.tables.find((x) => x.name === table);
    if (!t) continue;
    const [start, end] = t.address.replace(/\$/g, "").replace(/^.*!/, "").split(":");
    const col = (a) => a.match(/[A-Z]+/)[0];
    const row = (a) => Number(a.match(/\d+/)[0]);
    const letters = (n) =>
      (n > 26 ? letters(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));
    const num = (c) => [...c].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0);
    const cols = Array.from({ length: num(col(end)) - num(col(start)) + 1 }, (_, i) =>
      letters(num(col(start)) + i)
    );
    const value = (c, r) => sheet.cells[`${c}${r}`]?.value ?? "";
    const headers = cols.map((c) => value(c, row(start)));
    const out = [];
    for (let r = row(start) + 1; r <= row(end); r++)
      out.push(Object.fromEntries(cols.map((c, i) => [headers[i], value(c, r)])));
    return out;
  }
  throw new Error(`no table ${table}`);
}

const serialOf = (d) => Math.round(d.getTime() / DAY) + 25569;

/** The period as whole serial days, as the sheet computes it. */
function rangeOf(period) {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  if (period === "allTime") return [1, 2958465];
  if (period === "thisYear")
    return [serialOf(new Date(Date.UTC(y, 0, 1))), serialOf(new Date(Date.UTC(y + 1, 0, 1))) - 1];
  return [
    serialOf(new Date(Date.UTC(y, m - 11, 1))),
    serialOf(new Date(Date.UTC(y, m + 1, 1))) - 1,
  ];
}

function check(wb, filters, rates = {}) {
  const dash = wb.sheets.find((s) => s.name === "Dashboard");
  const cell = (a) => dash.cells[a]?.value ?? "";
  const [from, to] = rangeOf(filters.period);
  const inR = (v) => typeof v === "number" && v >= from && v < to + 1;
  const owned = (r) => filters.owner === null || r.Owner === filters.owner;
  const stages = rowsOf(wb, "Stages");
  const outcome = (stage) => {
    const row = stages.find((r) => String(r.Stage).toLowerCase() === String(stage).toLowerCase());
    if (row) return row["Is Won"] === true ? "won" : row["Is Lost"] === true ? "lost" : "open";
    const l = String(stage).toLowerCase();
    return ["closed won", "won", "closedwon"].includes(l)
      ? "won"
      : ["closed lost", "lost", "closedlost"].includes(l)
        ? "lost"
        : "open";
  };
  const deals = rowsOf(wb, "Deals").filter((d) => d.Stage);
  // Each deal's amount in USD from Amount, Currency and the rates the test typed (null: no rate).
  const conv = (d) =>
    !d.Currency || d.Currency === "USD"
      ? d.Amount
      : rates[d.Currency] !== undefined
        ? d.Amount * rates[d.Currency]
        : null;
  const usd = (d) => conv(d) !== null;
  const sum = (rs) => rs.reduce((a, d) => a + (conv(d) ?? 0), 0);
  const closed = deals.filter((d) => owned(d) && inR(d["Closed Date"]));
  const won = closed.filter((d) => outcome(d.Stage) === "won");
  const lost = closed.filter((d) => outcome(d.Stage) === "lost");
  const open = deals.filter(
    (d) => owned(d) && outcome(d.Stage) === "open" && inR(d["Expected Close"])
  );
  const leads = rowsOf(wb, "Leads").filter(
    (l) => typeof l.Created === "number" && owned(l) && inR(l.Created)
  );
  const close = (a, b, what) => assert.ok(Math.abs(a - b) < 1e-6, `${what}: sheet ${a}, rows ${b}`);
  close(cell("B8"), sum(won.filter(usd)), "won revenue");
  close(cell("F8"), won.length / (won.length + lost.length), "win rate");
  close(cell("B12"), sum(open.filter(usd)), "open pipeline");
  assert.equal(cell("H12"), leads.length, "new leads");
  // Summary tables add up: pipeline by stage (D52:D63), won revenue by owner (C72:C91), leads by
  // source (C96:C105), all read from the sheet.
  const col = (c, r0, r1) => Array.from({ length: r1 - r0 + 1 }, (_, i) => cell(`${c}${r0 + i}`));
  const total = (v) => v.reduce((a, x) => a + (typeof x === "number" ? x : 0), 0);
  close(total(col("D", 52, 63)), sum(open.filter(usd)), "pipeline by stage");
  const owners = col("B", 72, 91);
  const byOwner = col("C", 72, 91);
  if (filters.owner === null) close(total(byOwner), sum(won.filter(usd)), "won revenue by owner");
  else close(byOwner[owners.indexOf(filters.owner)], sum(won.filter(usd)), "owner's row");
  assert.equal(total(col("C", 96, 105)), leads.length, "leads by source");
  const errors = Object.entries(dash.cells).filter(
    ([, c]) =>
      c.error !== undefined ||
      (typeof c.value === "string" &&
        /^#(N\/A|NAME\?|VALUE!|REF!|DIV\/0!|NUM!|SPILL!)/.test(c.value))
  );
  assert.deepEqual(
    errors.map(([a, c]) => `${a}: ${c.value}`),
    [],
    "no error value on the Dashboard sheet"
  );
  const eur = deals.filter((d) => d.Currency === "EUR").length;
  if (rates.EUR === undefined) {
    assert.match(String(cell("B5")), new RegExp(`${eur} deals in EUR`));
    assert.match(String(cell("B5")), /Add a rate in Settings › Rates/);
  } else assert.doesNotMatch(String(cell("B5")), /EUR/, "the currency note is gone");
  return {
    wonRevenue: cell("B8"),
    winRate: cell("F8"),
    openPipeline: cell("B12"),
    newLeads: cell("H12"),
  };
}

test("three CRMs' exports on Salesforce stages: the dashboard adds up in every filter state", async (t) => {
  if (!preview.browser) return t.skip("no browser");
  const { page, pane } = await preview.open({ width: 1600, height: 1000 });
  page.on("console", (m) => m.type() === "error" && console.error("[console]", m.text()));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "multi-crm-"));
  for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, name), text);

  await setUpInPane(pane);

  const imp = await importSection(pane);
  const expected = [
    ["hubspot-crm-exports-all-deals-2026-12-04.csv", /Added: 18/],
    ["pipedrive-deals.csv", /Added: 15/],
    ["salesforce-leads-report.csv", /Added: 16/, "Leads"],
  ];
  for (const [name, added, target] of expected) {
    await importFileInPane(pane, imp, path.join(dir, name), added, { target });
    if (name.startsWith("hubspot"))
      assert.match(
        await imp.getByTestId("import-stages-added").textContent(),
        /Qualified To Buy \(40%, assumed/
      );
  }

  await selectTab(pane, "Dashboard");
  const section = pane.getByRole("region", { name: "Dashboard" });
  await buildInPane(pane, section.getByRole("button", { name: "Build dashboard" }));
  assert.match(
    await pane.getByTestId("dashboard-report").textContent(),
    /deals in EUR have no exchange rate.*Add a rate in Settings › Rates/
  );
  // Home says it too, with the count from the rows, in English and Arabic, at 350 px.
  const eurDeals = rowsOf(
    await page.evaluate(() => window.salesPreview.workbook()),
    "Deals"
  ).filter((d) => d.Currency === "EUR").length; // every row with a currency (the rule of Home and the build)
  assert.ok(eurDeals > 0);
  await selectTab(pane, "Home");
  const home = pane.getByTestId("home-missing-rate");
  await home.waitFor({ timeout: 30000 });
  assert.equal(
    await home.textContent(),
    `Deals in EUR without an exchange rate: ${eurDeals}. The dashboard's amounts leave them out. Add a rate in Settings › Rates.`
  );
  await paneShot(page, "home-missing-rate-en", 350);
  await pane.getByRole("button", { name: "العربية" }).click();
  await home.filter({ hasText: "أسعار الصرف" }).waitFor();
  assert.deepEqual(await home.locator("bdi").allTextContents(), ["EUR", String(eurDeals)]);
  await paneShot(page, "home-missing-rate-ar", 350);
  await pane.getByRole("button", { name: "English" }).click();
  await selectTab(pane, "Dashboard");

  const ownerChoices = await section.getByLabel("Owner").locator("option").allTextContents();
  for (const o of ["Lena Vogel", "Maya Chen", "Omar Said", "Priya Nair"])
    assert.ok(ownerChoices.includes(o), `${o} in ${ownerChoices}`);

  const states = [
    { owner: null, period: "allTime" },
    { owner: "Omar Said", period: "thisYear" },
    { owner: null, period: "last12Months" },
  ];
  const figures = [];
  for (const f of states) {
    await section.getByLabel("Owner").selectOption(f.owner ?? "");
    await section.getByLabel("Period").selectOption(f.period);
    await section.getByRole("button", { name: "Apply filters" }).click();
    await pane.getByText("Filters applied to the Dashboard sheet.").waitFor({ timeout: 60000 });
    figures.push([f, check(await page.evaluate(() => window.salesPreview.workbook()), f)]);
    if (f.period === "allTime") {
      // The README's picture: the first build, all time, all owners.
      await page.evaluate(() => window.salesPreview.activate("Dashboard"));
      await page.addStyleTag({ content: ".grid { width: 1px; }" });
      await page.waitForTimeout(1500);
      publish(await screenshot(page, "dashboard-multi-crm"));
    }
  }
  console.log(`multi-CRM dashboard: ${JSON.stringify(figures)}`);

  // Rebuild keeps the last filters and the same figures.
  await buildInPane(
    pane,
    section.getByRole("button", { name: /Rebuild dashboard|Build dashboard/ })
  );
  assert.deepEqual(
    check(await page.evaluate(() => window.salesPreview.workbook()), states[2]),
    figures[2][1]
  );

  // The user adds a EUR rate in Settings › Rates (typed into the table's empty row), rebuilds:
  // the EUR deals are converted in every tile and table, and the note is gone.
  await page.evaluate(() => window.salesPreview.activate("Settings"));
  await typeInto(page, "N5", "EUR");
  await typeInto(page, "O5", "1.08");
  await buildInPane(
    pane,
    section.getByRole("button", { name: /Rebuild dashboard|Build dashboard/ })
  );
  assert.doesNotMatch(await pane.getByTestId("dashboard-report").textContent(), /exchange rate/);
  const converted = check(await page.evaluate(() => window.salesPreview.workbook()), states[2], {
    EUR: 1.08,
  });
  assert.ok(converted.wonRevenue > figures[2][1].wonRevenue, "won revenue includes the EUR wins");
  console.log(`multi-CRM dashboard with EUR at 1.08: ${JSON.stringify(converted)}`);
  await page.evaluate(() => window.salesPreview.activate("Dashboard"));
  await page.waitForTimeout(1000);
  publish(await screenshot(page, "dashboard-multi-crm-converted"));

  // Next week's HubSpot export brings a deal of a new owner: Home says the dashboard is out of
  // date (its by-owner rows were read at build time) and its Rebuild brings the owner in.
  const ownersOf = (wb) =>
    new Set([...rowsOf(wb, "Deals"), ...rowsOf(wb, "Leads")].map((r) => String(r.Owner)));
  const ownersBefore = ownersOf(await page.evaluate(() => window.salesPreview.workbook()));
  const week = path.join(dir, "hubspot-crm-exports-all-deals-next-week.csv");
  const day = new Date(today.getTime() - 2 * DAY).toISOString().slice(0, 10);
  fs.writeFileSync(
    week,
    csvQuoted([
      HUBSPOT_DEALS.slice(0, 10),
      [
        9200000,
        "HS deal next week",
        "closedwon",
        `${day} 11:00`,
        "Nadia Haddad",
        2500,
        "Sales Pipeline",
        `${day} 09:00`,
        `${day} 11:00`,
        "Account N",
      ],
    ])
  );
  await importFileInPane(pane, await importSection(pane), week, /Added: 1/);
  const newOwners = [...ownersOf(await page.evaluate(() => window.salesPreview.workbook()))].filter(
    (o) => !ownersBefore.has(o)
  );
  assert.deepEqual(newOwners, ["Nadia Haddad"]);
  await selectTab(pane, "Home");
  const stale = pane.getByTestId("home-stale");
  await stale.waitFor({ timeout: 60000 });
  assert.equal(
    await stale.textContent(),
    `The dashboard is out of date: new owners (${newOwners.length}).`
  );
  await paneShot(page, "home-stale-en", 350);
  assert.deepEqual(await seriousViolations(page.frame({ url: /taskpane\.html/ })), []);
  await pane.getByRole("button", { name: "العربية" }).click();
  await stale.filter({ hasText: "لوحة المعلومات غير محدَّثة" }).waitFor();
  assert.deepEqual(await stale.locator("bdi[data-value=count]").allTextContents(), [
    new Intl.NumberFormat("ar").format(newOwners.length),
  ]);
  await paneShot(page, "home-stale-ar", 350);
  assert.deepEqual(await seriousViolations(page.frame({ url: /taskpane\.html/ })), []);
  await pane.getByRole("button", { name: "English" }).click();
  await pane.getByTestId("home-rebuild").click();
  await pane
    .locator("[data-testid=next-step][data-step=review]")
    .waitFor({ state: "attached", timeout: 300000 });
  assert.equal(await pane.getByTestId("home-stale").count(), 0);
  const byOwner = await page.evaluate(() =>
    JSON.stringify(window.salesPreview.workbook().sheets.find((x) => x.name === "Dashboard").cells)
  );
  assert.ok(byOwner.includes("Nadia Haddad"), "the rebuilt by-owner table lists the new owner");
});
