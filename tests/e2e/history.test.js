/**
 * Issue 19's path in the real task pane: Set up (Salesforce stages), a fiscal year starting in
 * April, then three weekly versions of one HubSpot deals export (written here, with HubSpot's
 * internal stage and forecast-category values) imported through the pane on three dates (the
 * page's clock is set for each), so each import records a History snapshot. Between the second
 * and the third file: 3 new deals, 2 won, 1 lost, 4 pushed out of the quarter, 2 amount changes
 * (one up, one down) and 3 stage moves. Checked against a computation from the rows here:
 * `SALES.PIPELINE_CHANGES` typed in a cell (last two snapshots and the first two), the
 * dashboard's "what changed" rows and its waterfall bars, and `SALES.FORECAST_CATEGORY` per owner
 * and roll-up in the fiscal year. Importing the third file again changes nothing.
 * Screenshots: the pane's Period filter at 350 px in English and Arabic
 * (tests/e2e/screenshots/dashboard-filters-fiscal-*.png) and the what-changed and forecast-category
 * sections (history-dashboard-*-en.png); docs/images by
 * `npm run screenshots`.
 */
const { test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { buildInPane, previewSuite, publish, screenshot, selectTab, settled } = require("./harness");
const { HUBSPOT_DEALS, csvQuoted } = require("../fixtures/crmLayouts");

const preview = previewSuite();
const SHOTS = path.join(__dirname, "screenshots");
/** Option text without the bidi isolation marks around interpolated names. */
const strip = (t) => t.replace(/[\u2068\u2069]/g, "");

const DAY = 86400000;
const serial = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY) + 25569;
const DATES = ["2026-11-20", "2026-11-27", "2026-12-04"]; // three Fridays, FY2027 Q3 (April start)
const OWNERS = ["Maya Chen", "Omar Said", "Lena Vogel"];
const OPEN = [
  "appointmentscheduled",
  "qualifiedtobuy",
  "presentationscheduled",
  "decisionmakerboughtin",
  "contractsent",
];
const LABEL = {
  appointmentscheduled: "Appointment Scheduled",
  qualifiedtobuy: "Qualified To Buy",
  presentationscheduled: "Presentation Scheduled",
  decisionmakerboughtin: "Decision Maker Bought-In",
  contractsent: "Contract Sent",
  closedwon: "Closed Won",
  closedlost: "Closed Lost",
};
const CATEGORY = {
  COMMIT: "commit",
  BEST_CASE: "best case",
  PIPELINE: "pipeline",
  CLOSED: "closed",
  OMIT: "omitted",
};

/** Week 1: deals 1–15 open, closing in December 2026; 21 and 22 won long ago (FY2026, FY2027 Q1). */
function week1() {
  const deals = new Map();
  for (let i = 1; i <= 15; i++)
    deals.set(i, {
      id: 4400 + i,
      owner: OWNERS[i % 3],
      stage: OPEN[i % 5],
      close: `2026-12-${String(5 + i).padStart(2, "0")}`,
      amount: 1000 * i + 250,
      category: ["PIPELINE", "BEST_CASE", "COMMIT"][i % 3],
    });
  deals.set(21, {
    id: 4421,
    owner: OWNERS[0],
    stage: "closedwon",
    close: "2026-03-20",
    amount: 7000,
    category: "CLOSED",
  });
  deals.set(22, {
    id: 4422,
    owner: OWNERS[1],
    stage: "closedwon",
    close: "2026-06-15",
    amount: 3300,
    category: "CLOSED",
  });
  return deals;
}

/** Week 2: deal 15 won, deal 16 new. */
function week2() {
  const deals = week1();
  deals.set(15, { ...deals.get(15), stage: "closedwon", close: "2026-11-25", category: "CLOSED" });
  deals.set(16, {
    id: 4416,
    owner: OWNERS[1],
    stage: OPEN[0],
    close: "2026-12-28",
    amount: 640,
    category: "PIPELINE",
  });
  return deals;
}

/** Week 3: the changes against week 2. */
function week3() {
  const deals = week2();
  const set = (k, patch) => deals.set(k, { ...deals.get(k), ...patch });
  set(1, { stage: "closedwon", close: "2026-12-03", category: "CLOSED" }); // won
  set(2, { stage: "closedwon", close: "2026-12-02", category: "CLOSED" }); // won
  set(3, { stage: "closedlost", close: "2026-12-01", category: "OMIT" }); // lost
  set(4, { close: "2027-01-20" }); // pushed, still FY2027
  set(5, { close: "2027-02-10" }); // pushed, still FY2027
  set(6, { close: "2027-04-15" }); // pushed into FY2028
  set(7, { close: "2027-05-02" }); // pushed into FY2028
  set(8, { amount: deals.get(8).amount + 500 }); // amount up
  set(9, { amount: deals.get(9).amount - 300 }); // amount down
  set(10, { stage: "contractsent" }); // stage moves (amounts unchanged)
  set(11, { stage: "decisionmakerboughtin" });
  set(12, { stage: "appointmentscheduled" });
  for (const [k, amount] of [
    [17, 2100],
    [18, 950],
    [19, 4700],
  ])
    deals.set(k, {
      id: 4400 + k,
      owner: OWNERS[k % 3],
      stage: OPEN[1],
      close: "2026-12-30",
      amount,
      category: "BEST_CASE",
    });
  return deals;
}

const csv = (deals) =>
  csvQuoted([
    [...HUBSPOT_DEALS.slice(0, 8), "Forecast category"],
    ...[...deals.values()].map((d) => [
      d.id,
      `Deal ${d.id}`,
      d.stage,
      `${d.close} 10:30`,
      d.owner,
      d.amount,
      "Sales Pipeline",
      "2026-09-01 09:00",
      d.category,
    ]),
  ]);

/** What changed between two weeks' rows, for the quarter 2026-10-01 … 2026-12-31 (computed here). */
function expectedChanges(before, after, stageOrder) {
  const from = serial("2026-10-01");
  const to = serial("2026-12-31");
  const inQ = (d) =>
    d && OPEN.includes(d.stage) && serial(d.close) >= from && serial(d.close) <= to;
  const out = {
    start: [0, 0],
    end: [0, 0],
    new: [0, 0],
    won: [0, 0],
    lost: [0, 0],
    pushed: [0, 0],
    up: [0, 0],
    down: [0, 0],
    forward: [0, 0],
    backward: [0, 0],
  };
  const add = (k, amount) => {
    out[k][0]++;
    out[k][1] += amount;
  };
  for (const [k, a] of before) {
    if (!inQ(a)) continue;
    add("start", a.amount);
    const b = after.get(k);
    if (!inQ(b)) {
      add(
        b.stage === "closedwon" ? "won" : b.stage === "closedlost" ? "lost" : "pushed",
        -a.amount
      );
      continue;
    }
    if (b.amount > a.amount) add("up", b.amount - a.amount);
    if (b.amount < a.amount) add("down", b.amount - a.amount);
    const ra = stageOrder.indexOf(LABEL[a.stage].toLowerCase());
    const rb = stageOrder.indexOf(LABEL[b.stage].toLowerCase());
    if (ra !== rb) add(rb > ra ? "forward" : "backward", b.amount);
  }
  for (const [k, b] of after) {
    if (!inQ(b)) continue;
    add("end", b.amount);
    if (!inQ(before.get(k))) add("new", b.amount);
  }
  return out;
}

/** PIPELINE_CHANGES's rows as { label: [deals, amount] }. */
function changeRows(values) {
  return Object.fromEntries(
    values.filter((r) => r[0] !== "" && r[0] !== null).map((r) => [r[0], [r[1], r[2]]])
  );
}

/** The rows a spill shows, read cell by cell from the preview. */
async function spill(page, sheet, cols, firstRow, rows) {
  return page.evaluate(
    ([s, c, r0, n]) =>
      Array.from({ length: n }, (_, i) =>
        c.map((col) => window.salesPreview.getValue(s, `${col}${r0 + i}`))
      ),
    [sheet, cols, firstRow, rows]
  );
}

function assertChanges(got, want, what) {
  const pairs = [
    ["Starting pipeline", want.start],
    ["New", want.new],
    ["Won", want.won],
    ["Lost", want.lost],
    ["Pushed out", want.pushed],
    ["Amount increased", want.up],
    ["Amount decreased", want.down],
    ["Ending pipeline", want.end],
    ["Moved forward", want.forward],
    ["Moved backward", want.backward],
  ];
  for (const [label, [count, amount]] of pairs) {
    assert.ok(got[label], `${what}: no "${label}" row in ${JSON.stringify(got)}`);
    assert.equal(got[label][0], count, `${what}: ${label} deals`);
    assert.ok(
      Math.abs(got[label][1] - amount) < 1e-6,
      `${what}: ${label} amount ${got[label][1]} ≠ ${amount}`
    );
  }
}

test("three weekly imports through the pane: what changed, the waterfall and forecast categories", async (t) => {
  if (!preview.browser) return t.skip("no browser");
  const { page, pane } = await preview.open({ width: 1600, height: 1000 });
  page.on("console", (m) => m.type() === "error" && console.error("[console]", m.text()));
  // The snapshot date of an import is the day it runs: the page's clock says which.
  const at = (iso) => page.clock.setFixedTime(new Date(`${iso}T10:00:00`));
  await at(DATES[0]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "history-"));
  const weeks = [week1(), week2(), week3()];
  const files = weeks.map((w, i) => {
    const file = path.join(dir, `hubspot-crm-exports-all-deals-${DATES[i]}.csv`);
    fs.writeFileSync(file, csv(w));
    return file;
  });

  const setup = pane.getByRole("region", { name: "Set up the workbook" });
  await setup.waitFor({ timeout: 30000 });
  await setup.getByRole("button", { name: "Set up", exact: true }).click();
  await pane.getByTestId("setup-summary").waitFor({ timeout: 120000 });
  await settled(pane);
  // A fiscal year starting in April (Settings!B2, the SalesFiscalYearStart name).
  await page.evaluate(() => window.salesPreview.setCell("Settings", "B2", "4"));

  await selectTab(pane, "Import");
  const imp = pane.getByRole("region", { name: "Import from your CRM" });
  const importFile = async (file, summary) => {
    await imp.getByTestId("import-file").setInputFiles(file);
    await imp.getByTestId("import-detected").waitFor({ timeout: 30000 });
    await imp.getByTestId("import-run").click();
    await imp.getByTestId("import-summary").getByText(summary).waitFor({ timeout: 60000 });
    await settled(pane);
  };
  await importFile(files[0], /Added: 17 · Updated: 0/);
  await at(DATES[1]);
  await importFile(files[1], /Added: 1 · Updated: 17/);
  await at(DATES[2]);
  await importFile(files[2], /Added: 3 · Updated: 18/);

  const rowsOf = async () => {
    const wb = await page.evaluate(() => window.salesPreview.workbook());
    const table = (name) => wb.sheets.flatMap((s) => s.tables).find((x) => x.name === name);
    return { history: table("History").rows, snapshots: table("Snapshots").rows, wb };
  };
  const counts = await rowsOf();
  assert.equal(counts.snapshots, 3, "three snapshots");

  // The stage order PIPELINE_CHANGES reads (the Stages table, HubSpot's stages added by import).
  const stagesTable = counts.wb.sheets.flatMap((s) => s.tables).find((x) => x.name === "Stages");
  const stageSheet = counts.wb.sheets.find((s) => s.tables.includes(stagesTable));
  const [, firstCell, lastCell] = /([A-Z]+\d+):([A-Z]+\d+)/.exec(
    stagesTable.address.replace(/\$/g, "")
  );
  // Open stages ranked by probability, table order for ties (the import appends HubSpot's
  // stages at the end of the table in the order the file first shows them).
  const letters = [];
  for (let c = firstCell.charCodeAt(0); c <= lastCell.charCodeAt(0); c++)
    letters.push(String.fromCharCode(c));
  const top = Number(firstCell.match(/\d+/)[0]);
  const value = (l, r) => stageSheet.cells[`${l}${r}`]?.value;
  const colOf = (h) => letters.find((l) => value(l, top) === h);
  const stageRows = [];
  for (let r = top + 1; r <= Number(lastCell.match(/\d+/)[0]); r++)
    stageRows.push({
      name: String(value(colOf("Stage"), r) ?? "").toLowerCase(),
      p: Number(value(colOf("Probability"), r) ?? 0),
      closed: value(colOf("Is Won"), r) === true || value(colOf("Is Lost"), r) === true,
      i: r,
    });
  const stageOrder = stageRows
    .filter((x) => !x.closed && x.name)
    .sort((a, b) => a.p - b.p || a.i - b.i)
    .map((x) => x.name);
  // Table order would rank Appointment Scheduled (added last) after Contract Sent.
  assert.ok(
    stageRows.findIndex((x) => x.name === "appointment scheduled") >
      stageRows.findIndex((x) => x.name === "qualified to buy"),
    "the import appended Appointment Scheduled after Qualified To Buy"
  );
  for (const s of OPEN)
    assert.ok(stageOrder.includes(LABEL[s].toLowerCase()), `${s} in the Stages table`);

  const want = expectedChanges(weeks[1], weeks[2], stageOrder);
  // The changes, by construction of week 3.
  assert.deepEqual(
    [
      want.new[0],
      want.won[0],
      want.lost[0],
      want.pushed[0],
      want.up[0] + want.down[0],
      want.forward[0] + want.backward[0],
    ],
    [3, 2, 1, 4, 2, 3]
  );
  const formula = (extra) =>
    `=SALES.PIPELINE_CHANGES(History[#All],Stages[#All],"This fiscal quarter",SalesFiscalYearStart${extra},,Snapshots[Snapshot])`;
  await page.evaluate(
    ([f1, f2]) => {
      window.salesPreview.setCell("Settings", "Z1", f1);
      window.salesPreview.setCell("Settings", "Z20", f2);
    },
    [formula(",,"), formula(`,${serial(DATES[0])},${serial(DATES[1])}`)]
  );
  const last = changeRows(await spill(page, "Settings", ["Z", "AA", "AB"], 1, 12));
  assertChanges(last, want, "PIPELINE_CHANGES, last two snapshots");
  const first = changeRows(await spill(page, "Settings", ["Z", "AA", "AB"], 20, 12));
  assertChanges(
    first,
    expectedChanges(weeks[0], weeks[1], stageOrder),
    "PIPELINE_CHANGES, first two"
  );
  assert.deepEqual([first.Won[0], first.New[0]], [1, 1]);

  // Forecast categories per owner and roll-up in FY2027 (2026-04-01 … 2027-03-31), from week 3's rows.
  const INCLUDES = {
    Closed: ["closed"],
    Commit: ["commit", "closed"],
    "Best Case": ["best case", "commit", "closed"],
    Pipeline: ["pipeline", "best case", "commit"],
  };
  const fy = [serial("2026-04-01"), serial("2027-03-31")];
  const rollups = Object.keys(INCLUDES);
  const cells = [];
  OWNERS.forEach((owner, i) =>
    rollups.forEach((rollup, j) => {
      const address = `Z${40 + i * 4 + j}`;
      cells.push([
        address,
        `=SALES.FORECAST_CATEGORY(Deals[Forecast Category],Deals[Amount],Deals[Expected Close],"${rollup}","This fiscal year",SalesFiscalYearStart,Deals[Owner],"${owner}")`,
        [...weeks[2].values()]
          .filter((d) => d.owner === owner && INCLUDES[rollup].includes(CATEGORY[d.category]))
          .filter((d) => serial(d.close) >= fy[0] && serial(d.close) <= fy[1])
          .reduce((a, d) => a + d.amount, 0),
      ]);
    })
  );
  await page.evaluate(
    (cs) => cs.forEach(([a, f]) => window.salesPreview.setCell("Settings", a, f)),
    cells
  );
  for (const [address, , expected] of cells) {
    const got = await page.evaluate((a) => window.salesPreview.getValue("Settings", a), address);
    assert.ok(
      Math.abs(got - expected) < 1e-6,
      `FORECAST_CATEGORY ${address}: ${got} ≠ ${expected}`
    );
  }
  assert.ok(cells.some(([, , v]) => v > 0) && new Set(cells.map((c) => c[2])).size > 4);

  // The dashboard's "what changed" rows and waterfall bars show the same.
  await selectTab(pane, "Dashboard");
  const section = pane.getByRole("region", { name: "Dashboard" });
  await buildInPane(pane, section.getByRole("button", { name: "Build dashboard" }));
  const wb = await page.evaluate(() => window.salesPreview.workbook());
  const dash = wb.sheets.find((s) => s.name === "Dashboard");
  const startCell = Object.entries(dash.cells).find(([, c]) => c.value === "Starting pipeline");
  assert.ok(startCell, "the what-changed section starts with the starting pipeline");
  const [, letter, row] = /^([A-Z]+)(\d+)$/.exec(startCell[0]);
  const next = (c, k) => String.fromCharCode(c.charCodeAt(0) + k);
  const section19 = changeRows(
    await spill(page, "Dashboard", [letter, next(letter, 1), next(letter, 2)], Number(row), 12)
  );
  assertChanges(section19, want, "the dashboard's what-changed rows");
  const chart = dash.charts.find((c) => c.name === "SalesDashboard.changes");
  assert.ok(chart, "the what-changed chart");
  // Stacked columns over an invisible base: a bar's signed amount is increase − decrease; the
  // starting and ending pipeline are the total series.
  const [, up, down, total] = chart.series.map((s) => s.values.map((v) => Number(v) || 0));
  const bars = Object.fromEntries(
    chart.series[0].categories.map((c, i) => [c, total[i] + up[i] - down[i]])
  );
  for (const [label, [, amount]] of Object.entries(last).filter(([l]) => !/^Moved/.test(l)))
    assert.ok(
      Math.abs(bars[label] - amount) < 1e-6,
      `waterfall bar ${label}: ${bars[label]} ≠ ${amount}`
    );

  // The third file again, the same day: nothing changes.
  const before = await rowsOf();
  await selectTab(pane, "Import");
  await importFile(files[2], /Added: 0 · Updated: 21/);
  const after = await rowsOf();
  assert.deepEqual([after.history, after.snapshots], [before.history, before.snapshots]);
  assert.deepEqual(changeRows(await spill(page, "Settings", ["Z", "AA", "AB"], 1, 12)), last);
  // The pane's Period filter in an April fiscal year at 350 px, in English and Arabic.
  await selectTab(pane, "Dashboard");
  await page.addStyleTag({ content: ".pane { width: 350px !important; }" });
  const period = section.getByLabel("Period");
  const labels = (await period.locator("option").allTextContents()).map(strip);
  for (const l of [
    "This fiscal quarter (FY2027 Q3)",
    "Last fiscal quarter (FY2027 Q2)",
    "This fiscal year (FY2027)",
    "Last fiscal year (FY2026)",
    "This quarter",
    "This year",
  ])
    assert.ok(labels.includes(l), `${l} in ${labels}`);
  assert.equal(new Set(labels).size, labels.length, "no period twice");
  await period.selectOption("thisFiscalQuarter");
  await section.getByRole("button", { name: "Apply filters" }).click();
  await pane.getByText("Filters applied to the Dashboard sheet.").waitFor({ timeout: 60000 });
  assert.equal(
    await page.evaluate(() => window.salesPreview.getValue("Dashboard", "E4")),
    "FY2027 Q3"
  );
  fs.mkdirSync(SHOTS, { recursive: true });
  const filters = section.locator("fieldset");
  await filters.screenshot({ path: path.join(SHOTS, "dashboard-filters-fiscal-en.png") });
  publish(path.join(SHOTS, "dashboard-filters-fiscal-en.png"));
  await pane.getByRole("button", { name: "العربية" }).click();
  const arSection = pane.getByRole("region", { name: "لوحة المعلومات" });
  const arPeriod = arSection.getByLabel("الفترة");
  await arPeriod.waitFor();
  const arLabels = (await arPeriod.locator("option").allTextContents()).map(strip);
  assert.ok(
    arLabels.some((l) => l.startsWith("هذا الربع المالي (الربع")),
    arLabels.join(" | ")
  );
  await arSection
    .locator("fieldset")
    .screenshot({ path: path.join(SHOTS, "dashboard-filters-fiscal-ar.png") });
  publish(path.join(SHOTS, "dashboard-filters-fiscal-ar.png"));
  await pane.getByRole("button", { name: "English" }).click();

  // The new sections in the grid, for the README (the Arabic ones: tests/e2e/i18n.test.js).
  const sectionShots = async (lang, titles) => {
    await page.evaluate(() => window.salesPreview.activate("Dashboard"));
    await page.waitForFunction(
      (t) =>
        Object.values(
          window.salesPreview.workbook().sheets.find((s) => s.name === "Dashboard").cells
        ).some((c) => c.value === t),
      Object.values(titles)[0],
      { timeout: 300000 }
    );
    const cells = (await page.evaluate(() => window.salesPreview.workbook())).sheets.find(
      (s) => s.name === "Dashboard"
    ).cells;
    for (const [part, title] of Object.entries(titles)) {
      const found = Object.entries(cells).find(([, c]) => c.value === title);
      assert.ok(found, `the section titled ${title}`);
      await page.evaluate((a) => {
        const td = document.querySelector(`td[data-address="${a}"]`);
        document.getElementById("grid-wrap").scrollTop = td.offsetTop - 30;
      }, found[0]);
      await page.waitForTimeout(300);
      publish(await screenshot(page, `history-dashboard-${part}-${lang}`));
    }
  };
  await sectionShots("en", {
    changes: "What changed since the previous import: FY2027 Q3 pipeline",
    forecast: "Forecast categories by owner (closing in the period)",
  });
  console.log(
    `history e2e: History ${after.history} rows, ${after.snapshots} snapshots; last week ${JSON.stringify(last)}`
  );
});
