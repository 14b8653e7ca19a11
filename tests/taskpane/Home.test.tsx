/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/shell/App";
import { WorkbookActions } from "../../src/taskpane/actions";
import { nextStep, staleParts } from "../../src/taskpane/home/nextStep";
import { fillNodes } from "../../src/taskpane/i18n/bidi";
import { formatNumber } from "../../src/taskpane/i18n/format";
import type { WorkbookStatus } from "../../src/workbook/status";
import { DashboardError } from "../../src/workbook/dashboard";
import { UP_TO_DATE } from "../../src/workbook/dashboard/staleness";

const FRESH: WorkbookStatus = {
  setUp: false,
  missingTables: ["Leads", "Deals"],
  language: null,
  deals: null,
  leads: null,
  dashboard: null,
  missingRates: [],
};
const SET_UP: WorkbookStatus = {
  setUp: true,
  missingTables: [],
  language: "en",
  deals: { rows: 0, sampleRows: 0, sheet: "Deals", lastImport: null },
  leads: { rows: 0, sampleRows: 0, sheet: "Leads", lastImport: null },
  dashboard: null,
  missingRates: [],
};
const IMPORTED: WorkbookStatus = {
  ...SET_UP,
  deals: {
    rows: 312,
    sampleRows: 0,
    sheet: "Deals",
    lastImport: {
      target: "Deals",
      source: "hubspotDeals",
      added: 12,
      updated: 300,
      at: "2026-12-04T14:02:00Z",
    },
  },
};
const BUILT: WorkbookStatus = {
  ...IMPORTED,
  dashboard: { sheet: "Dashboard", builtAt: "2026-12-04T14:05:00Z", staleness: null },
};

const NOTHING_NEW = UP_TO_DATE;
const STALE: WorkbookStatus = {
  ...BUILT,
  dashboard: {
    sheet: "Dashboard",
    builtAt: "2026-12-04T14:05:00Z",
    staleness: { ...NOTHING_NEW, owners: ["Nadia Haddad", "Omar Said"], stagesTable: true },
  },
};

function fakeActions(status: WorkbookStatus, overrides: Partial<WorkbookActions> = {}) {
  const actions = {
    host: "Excel",
    readWorkbookStatus: jest.fn(async () => status),
    recordImport: jest.fn(async () => undefined),
    goTo: jest.fn(async () => undefined),
    setUp: jest.fn(async () => ({
      created: [{ kind: "sheet", name: "Deals", sheetKey: "deals" }],
      adopted: [],
      skipped: [],
      sampleRows: 0,
      schemaVersion: { found: null, now: 1 },
      syncs: 3,
    })),
    removeSampleData: jest.fn(async () => ({ removed: [], kept: [], syncs: 2 })),
    readDashboardState: jest.fn(async () => ({
      built: status.dashboard !== null,
      sheetName: status.dashboard?.sheet ?? null,
      owners: [],
      filters: null,
      builtAt: null,
    })),
    buildDashboard: jest.fn(async () => {
      throw new DashboardError([{ code: "missingTable", params: { table: "Deals" } }]);
    }),
    shareDashboardCopy: jest.fn(),
    setDashboardFilters: jest.fn(),
    importRecords: jest.fn(),
    insertFormula: jest.fn(),
    ...overrides,
  } as unknown as WorkbookActions;
  return actions;
}

async function renderApp(actions: WorkbookActions, displayLanguage = "en-US") {
  render(<App actions={actions} theme={webLightTheme} displayLanguage={displayLanguage} />);
  await waitFor(() =>
    expect(screen.getByTestId("home-status").getAttribute("data-loading")).toBe("false")
  );
}

describe("nextStep", () => {
  it("proposes setup, then import, then build, then the dashboard", () => {
    expect(nextStep(null)).toBeNull();
    expect(nextStep(FRESH)).toBe("setup");
    expect(nextStep({ ...SET_UP, missingTables: ["Pricing"] })).toBe("setup");
    expect(nextStep(SET_UP)).toBe("import");
    // Sample rows alone are not the user's data.
    expect(
      nextStep({ ...SET_UP, deals: { rows: 40, sampleRows: 40, sheet: "Deals", lastImport: null } })
    ).toBe("import");
    expect(nextStep(IMPORTED)).toBe("build");
    expect(nextStep(BUILT)).toBe("review");
    expect(nextStep(STALE)).toBe("rebuild");
    // Unknown (an older registry) or nothing new: not out of date.
    expect(nextStep({ ...BUILT, dashboard: { ...STALE.dashboard!, staleness: NOTHING_NEW } })).toBe(
      "review"
    );
  });

  it("names every kind of change, counts first, the Stages table last", () => {
    const all: WorkbookStatus = {
      ...BUILT,
      dashboard: {
        ...STALE.dashboard!,
        staleness: {
          owners: ["A"],
          competitors: ["B", "C"],
          sources: ["D"],
          lossReasons: ["E", "F", "G"],
          stages: ["closedwon"],
          stagesTable: true,
          noOwner: true,
          noSource: true,
        },
      },
    };
    expect(staleParts(all)).toEqual([
      { key: "staleOwners", count: 1 },
      { key: "staleCompetitors", count: 2 },
      { key: "staleSources", count: 1 },
      { key: "staleLossReasons", count: 3 },
      { key: "staleStages", count: 1 },
      { key: "staleNoOwner" },
      { key: "staleNoSource" },
      { key: "staleStagesTable" },
    ]);
    expect(staleParts(BUILT)).toEqual([]);
  });
});

describe("fillNodes", () => {
  it("isolates every value in a <bdi> and keeps the sentence's text", () => {
    const { container } = render(
      <p>
        {fillNodes("On the sheet “{sheet}”: {tiles} tiles {x}", {
          sheet: "Dashboard",
          tiles: "13",
        })}
      </p>
    );
    expect(container.textContent).toBe("On the sheet “Dashboard”: 13 tiles {x}");
    expect([...container.querySelectorAll("bdi")].map((b) => b.textContent)).toEqual([
      "Dashboard",
      "13",
    ]);
  });
});

describe("Home and tabs", () => {
  beforeEach(() => localStorage.clear());

  it("before setup: Setup is the next step and its button the primary one; nothing to remove", async () => {
    await renderApp(fakeActions(FRESH));
    expect(screen.getByTestId("next-step").getAttribute("data-step")).toBe("setup");
    expect(screen.getByTestId("home-setup").textContent).toBe("Not set up yet.");
    expect(screen.getByRole("button", { name: "Set up" })).toBeTruthy();
    const remove = screen.getByRole("button", { name: "Remove sample data" }) as HTMLButtonElement;
    expect(remove.disabled).toBe(true);
    expect(screen.getByTestId("setup-no-sample").textContent).toMatch(/no sample rows/);
  });

  it("a disabled Build says why and its fix runs Setup on the Home tab", async () => {
    const actions = fakeActions(FRESH);
    await renderApp(actions);
    fireEvent.click(screen.getByRole("tab", { name: "Dashboard" }));
    expect(localStorage.getItem("sales-addin.tab")).toBe("dashboard");
    const build = screen.getByRole("button", { name: "Build dashboard" }) as HTMLButtonElement;
    expect(build.disabled).toBe(true);
    const why = screen.getByTestId("dashboard-needs-setup");
    expect(why.textContent).toMatch(/Set up the workbook first/);
    await act(async () => {
      fireEvent.click(within(why).getByRole("button", { name: "Run Setup" }));
    });
    expect(screen.getByRole("tab", { name: "Home" }).getAttribute("aria-selected")).toBe("true");
    await waitFor(() => expect(actions.setUp).toHaveBeenCalledTimes(1));
    // Setup ends on the Deals sheet.
    await waitFor(() => expect(actions.goTo).toHaveBeenCalledWith({ table: "Deals" }));
  });

  it("the Import tab says why before setup and offers Run Setup", async () => {
    await renderApp(fakeActions(FRESH));
    fireEvent.click(screen.getByRole("tab", { name: "Import" }));
    const why = screen.getByTestId("import-needs-setup");
    expect(why.textContent).toMatch(/Set up the workbook first: an import goes into/);
    expect(within(why).getByRole("button", { name: "Run Setup" })).toBeTruthy();
  });

  it("after an import: shows rows, source and time, and offers Build as the next step", async () => {
    await renderApp(fakeActions(IMPORTED));
    const deals = screen.getByTestId("home-deals");
    expect(deals.textContent).toMatch(/Rows: 312\./);
    expect(deals.textContent).toMatch(/Last import: HubSpot/);
    expect(deals.textContent).toMatch(/Added: 12, updated: 300\./);
    expect(screen.getByTestId("next-step").getAttribute("data-step")).toBe("build");
    expect(screen.getByRole("button", { name: "Build dashboard" })).toBeTruthy();
  });

  it("says which currencies have no exchange rate, with counts, and goes to Settings › Rates", async () => {
    const missingRates = [
      { code: "noExchangeRate" as const, params: { count: 3, currency: "EUR" } },
      { code: "noExchangeRate" as const, params: { count: 1, currency: "GBP" } },
    ];
    const actions = fakeActions({ ...IMPORTED, missingRates });
    await renderApp(actions);
    const notes = screen.getAllByTestId("home-missing-rate");
    expect(notes.map((n) => n.textContent)).toEqual([
      "Deals in EUR without an exchange rate: 3. The dashboard's amounts leave them out. Add a rate in Settings › Rates.",
      "Deals in GBP without an exchange rate: 1. The dashboard's amounts leave them out. Add a rate in Settings › Rates.",
    ]);
    // Values are isolated for bidi.
    expect([...notes[0].querySelectorAll("bdi")].map((b) => b.textContent)).toEqual(["EUR", "3"]);
    fireEvent.click(
      within(screen.getByTestId("home-deals")).getByRole("button", {
        name: "Go to Settings › Rates",
      })
    );
    expect(actions.goTo).toHaveBeenCalledWith({ table: "Rates" });
  });

  it("says it in Arabic too, the code and the count isolated", async () => {
    const missingRates = [
      { code: "noExchangeRate" as const, params: { count: 12, currency: "EUR" } },
    ];
    await renderApp(fakeActions({ ...IMPORTED, missingRates }), "ar-SA");
    const note = screen.getByTestId("home-missing-rate");
    expect(note.textContent).toContain("أضف سعرًا في الإعدادات › أسعار الصرف");
    expect([...note.querySelectorAll("bdi")].map((b) => b.textContent)).toEqual([
      "EUR",
      formatNumber("ar", 12),
    ]);
    // The link is short enough for one line at 350 px (the notice names Settings already).
    expect(
      within(screen.getByTestId("home-deals")).getByRole("button", {
        name: "انتقل إلى أسعار الصرف",
      })
    ).toBeTruthy();
  });

  it("says when the dashboard is out of date; Rebuild runs the Dashboard's build, then the line is gone", async () => {
    let status = STALE;
    const actions = fakeActions(STALE, {
      readWorkbookStatus: jest.fn(async () => status),
      buildDashboard: jest.fn(async () => {
        status = { ...STALE, dashboard: { ...STALE.dashboard!, staleness: NOTHING_NEW } };
        return {
          sheetName: "Dashboard",
          rebuilt: true,
          tiles: 13,
          tables: 10,
          charts: [],
          filters: {
            owner: null,
            period: "thisYear",
            customFrom: null,
            customTo: null,
            staleDays: 14,
          },
          warnings: [],
        };
      }),
    } as Partial<WorkbookActions>);
    await renderApp(actions);
    expect(screen.getByTestId("next-step").getAttribute("data-step")).toBe("rebuild");
    const line = screen.getByTestId("home-stale");
    expect(line.textContent).toBe(
      "The dashboard is out of date: new owners (2), the Stages table changed."
    );
    expect([...line.querySelectorAll("bdi[data-value=count]")].map((b) => b.textContent)).toEqual([
      "2",
    ]);
    const rebuild = screen.getByRole("button", { name: "Rebuild dashboard" });
    // A screen reader hears why with the button.
    expect(rebuild.getAttribute("aria-describedby")).toBe(line.id);
    await act(async () => {
      fireEvent.click(rebuild);
    });
    await waitFor(() => expect(actions.buildDashboard).toHaveBeenCalledTimes(1));
    expect(screen.getByRole("tab", { name: "Dashboard" }).getAttribute("aria-selected")).toBe(
      "true"
    );
    // The build refreshed the status: nothing is out of date any more.
    await waitFor(() => expect(screen.queryByTestId("home-stale")).toBeNull());
    expect(screen.getByTestId("next-step").getAttribute("data-step")).toBe("review");
  });

  it("reads the workbook again when Home is shown again (a Stages table edited meanwhile)", async () => {
    let status: WorkbookStatus = BUILT;
    const actions = fakeActions(BUILT, { readWorkbookStatus: jest.fn(async () => status) });
    await renderApp(actions);
    expect(screen.queryByTestId("home-stale")).toBeNull();
    fireEvent.click(screen.getByRole("tab", { name: "Functions" }));
    status = {
      ...BUILT,
      dashboard: { ...STALE.dashboard!, staleness: { ...NOTHING_NEW, stagesTable: true } },
    };
    await act(async () => {
      fireEvent.click(screen.getByRole("tab", { name: "Home" }));
    });
    expect((await screen.findByTestId("home-stale")).textContent).toBe(
      "The dashboard is out of date: the Stages table changed."
    );
  });

  it("says it in Arabic, the counts isolated and in Arabic digits", async () => {
    const staleness = {
      ...NOTHING_NEW,
      owners: ["A", "B", "C"],
      stages: ["closedwon"],
    };
    await renderApp(
      fakeActions({ ...STALE, dashboard: { ...STALE.dashboard!, staleness } }),
      "ar-SA"
    );
    const line = screen.getByTestId("home-stale");
    expect(line.textContent).toBe(
      `لوحة المعلومات غير محدَّثة: مسؤولون جدد (${formatNumber("ar", 3)})، أسماء مراحل جديدة في الصفقات (${formatNumber("ar", 1)}).`
    );
    expect([...line.querySelectorAll("bdi[data-value=count]")].map((b) => b.textContent)).toEqual([
      formatNumber("ar", 3),
      formatNumber("ar", 1),
    ]);
    expect(screen.getByRole("button", { name: "إعادة إنشاء لوحة المعلومات" })).toBeTruthy();
  });

  it("remembers the tab across sessions", async () => {
    localStorage.setItem("sales-addin.tab", "functions");
    await renderApp(fakeActions(BUILT));
    expect(screen.getByRole("tab", { name: "Functions" }).getAttribute("aria-selected")).toBe(
      "true"
    );
    expect(screen.getByTestId("panel-home").hidden).toBe(true);
    expect(screen.getByTestId("panel-functions").hidden).toBe(false);
  });

  it("switching the pane language keeps the workbook language and re-renders reports", async () => {
    const actions = fakeActions(SET_UP);
    await renderApp(actions);
    const english = screen.getByRole("radio", {
      name: "English",
      hidden: true,
    }) as HTMLInputElement;
    expect(english.checked).toBe(true);
    // A refusal in English…
    fireEvent.click(screen.getByRole("tab", { name: "Dashboard" }));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Build dashboard" }));
    });
    expect((await screen.findByTestId("dashboard-error")).textContent).toMatch(
      /The Deals table is missing/
    );
    // …then the pane switches to Arabic: the message follows, the workbook radio does not.
    fireEvent.click(screen.getByRole("button", { name: "العربية" }));
    expect(screen.getByTestId("dashboard-error").textContent).toMatch(/الجدول Deals غير موجود/);
    expect(
      (screen.getByRole("radio", { name: "English", hidden: true }) as HTMLInputElement).checked
    ).toBe(true);
    expect(
      (screen.getByRole("radio", { name: "العربية", hidden: true }) as HTMLInputElement).checked
    ).toBe(false);
    // The fix is a button.
    expect(
      within(screen.getByTestId("dashboard-error")).getByRole("button", { name: "شغّل التجهيز" })
    ).toBeTruthy();
  });
});
