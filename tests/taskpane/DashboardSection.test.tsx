/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { LocaleContext, Language, stringsFor } from "../../src/taskpane/i18n";
import { DashboardSection } from "../../src/taskpane/dashboard/DashboardSection";
import {
  isoOfSerial,
  problemMessages,
  serialOfIso,
} from "../../src/taskpane/dashboard/useDashboard";
import type {
  DashboardActions,
  DashboardFilters,
  DashboardReport,
  DashboardState,
} from "../../src/workbook/dashboard";
import { DashboardError } from "../../src/workbook/dashboard";

const report: DashboardReport = {
  sheetName: "Dashboard",
  rebuilt: false,
  tiles: 13,
  tables: 6,
  charts: [
    {
      name: "SalesDashboard.revenue",
      type: "ColumnClustered",
      title: "Won revenue vs target, with forecast",
    },
    { name: "SalesDashboard.pipeline", type: "Funnel", title: "Open pipeline by stage" },
  ],
  filters: { owner: null, period: "thisYear", customFrom: null, customTo: null, staleDays: 14 },
  warnings: [],
};

function fakeActions(
  state: Partial<DashboardState> = {},
  overrides: Partial<DashboardActions> = {}
) {
  const written: DashboardFilters[] = [];
  const actions: DashboardActions = {
    readDashboardState: jest.fn(async () => ({
      built: false,
      sheetName: null,
      owners: ["Amira Haddad", "Daniel Kim"],
      filters: null,
      builtAt: null,
      fiscalStartMonth: 1,
      ...state,
    })),
    buildDashboard: jest.fn(async (_options, onProgress) => {
      onProgress?.({ phase: "writing", fraction: 0.6 });
      return report;
    }),
    shareDashboardCopy: jest.fn(async () => ({
      sheetName: "Dashboard 2026-03-05 09.07",
      asOf: "2026-03-05 09:07",
      charts: 5,
    })),
    setDashboardFilters: jest.fn(async (f: DashboardFilters) => {
      written.push(f);
      return f;
    }),
    ...overrides,
  };
  return { actions, written };
}

function renderSection(actions: DashboardActions, language: Language = "en") {
  return render(
    <LocaleContext.Provider
      value={{ language, strings: stringsFor(language), setLanguage: () => undefined }}
    >
      <FluentProvider theme={webLightTheme} dir={language === "ar" ? "rtl" : "ltr"}>
        <DashboardSection actions={actions} />
      </FluentProvider>
    </LocaleContext.Provider>
  );
}

describe("DashboardSection", () => {
  it("is a labelled section; filters and sharing wait until a dashboard exists", async () => {
    const { actions } = fakeActions();
    renderSection(actions);
    expect(screen.getByRole("region", { name: "Dashboard" })).toBeTruthy();
    await waitFor(() => expect(actions.readDashboardState).toHaveBeenCalled());
    expect(screen.getByText("Build the dashboard first to set its filters.")).toBeTruthy();
    expect(
      (screen.getByRole("button", { name: "Share a copy" }) as HTMLButtonElement).disabled
    ).toBe(true);
    expect(
      (screen.getByRole("button", { name: "Apply filters" }) as HTMLButtonElement).disabled
    ).toBe(true);
  });

  it("builds in the pane's language and says what was built", async () => {
    const { actions } = fakeActions();
    renderSection(actions);
    fireEvent.click(screen.getByRole("button", { name: "Build dashboard" }));
    const done = await screen.findByTestId("dashboard-report");
    expect(actions.buildDashboard).toHaveBeenCalledWith(
      { language: "en", followWorkbook: true },
      expect.any(Function)
    );
    expect(done.textContent).toContain(
      "On the sheet “Dashboard”: 13 KPI tiles, 6 summary tables and 2 charts."
    );
    expect(done.textContent).toContain("Open pipeline by stage");
    expect(await screen.findByRole("button", { name: "Share a copy" })).toBeTruthy();
  });

  it("shows every missing table and column with what to do", async () => {
    const { actions } = fakeActions(
      {},
      {
        buildDashboard: jest.fn(async () => {
          throw new DashboardError([
            { code: "missingColumn", params: { table: "Deals", column: "Amount" } },
            { code: "missingTable", params: { table: "Leads" } },
          ]);
        }),
      }
    );
    renderSection(actions);
    fireEvent.click(screen.getByRole("button", { name: "Build dashboard" }));
    const error = await screen.findByTestId("dashboard-error");
    expect(error.textContent).toContain(
      "The Deals table is missing the Amount column — run Setup."
    );
    expect(error.textContent).toContain("The Leads table is missing — run Setup");
  });

  it("offers Run Setup for a missing table, which Setup creates", async () => {
    const { actions } = fakeActions(
      {},
      {
        buildDashboard: jest.fn(async () => {
          throw new DashboardError([{ code: "missingTable", params: { table: "Leads" } }]);
        }),
      }
    );
    renderSection(actions);
    fireEvent.click(screen.getByRole("button", { name: "Build dashboard" }));
    await screen.findByTestId("dashboard-error");
    expect(screen.getByRole("button", { name: "Run Setup" })).toBeTruthy();
  });

  const foreign = () =>
    new DashboardError([
      {
        code: "foreignTable",
        params: { table: "Deals", sheet: "Q3 Pipeline", columns: ["Stage", "Amount"] },
      },
      { code: "foreignSheet", params: { table: "Stages", sheet: "Settings" } },
    ]);

  it("names the user's own table and sheet, says why and to rename them, without Run Setup", async () => {
    const { actions } = fakeActions(
      {},
      { buildDashboard: jest.fn(async () => Promise.reject(foreign())) }
    );
    renderSection(actions);
    fireEvent.click(screen.getByRole("button", { name: "Build dashboard" }));
    const error = await screen.findByTestId("dashboard-error");
    expect(error.textContent).toContain(
      "The Deals table on the sheet “Q3 Pipeline” is your own table, not ours: it lacks the columns Stage, Amount. Rename your table so Setup can create ours, then run Setup."
    );
    expect(error.textContent).toContain(
      "The Stages table is missing because the sheet “Settings” is your own sheet, not ours, so Setup leaves it alone. Rename your sheet so Setup can create ours, then run Setup."
    );
    expect(screen.queryByRole("button", { name: "Run Setup" })).toBeNull();
    expect(screen.getByRole("button", { name: /^Go to \W?Q3 Pipeline\W?$/ })).toBeTruthy();
  });

  it("says the same in Arabic, without Run Setup", async () => {
    const { actions } = fakeActions(
      {},
      { buildDashboard: jest.fn(async () => Promise.reject(foreign())) }
    );
    renderSection(actions, "ar");
    fireEvent.click(screen.getByRole("button", { name: "إنشاء لوحة المعلومات" }));
    const error = await screen.findByTestId("dashboard-error");
    expect(error.textContent).toContain(
      "الجدول Deals في الورقة «Q3 Pipeline» جدولك أنت وليس جدولنا: تنقصه الأعمدة Stage، Amount. أعد تسمية جدولك ليتمكن التجهيز من إنشاء جدولنا، ثم شغّل التجهيز."
    );
    expect(error.textContent).toContain(
      "الجدول Stages غير موجود لأن الورقة «Settings» ورقتك أنت وليست ورقتنا، فيتركها التجهيز كما هي. أعد تسمية ورقتك ليتمكن التجهيز من إنشاء ورقتنا، ثم شغّل التجهيز."
    );
    expect(screen.queryByRole("button", { name: "شغّل التجهيز" })).toBeNull();
  });

  it("writes the chosen filters into the dashboard, with custom dates", async () => {
    const { actions, written } = fakeActions({
      built: true,
      sheetName: "Dashboard",
      filters: { owner: null, period: "thisYear", customFrom: null, customTo: null, staleDays: 14 },
    });
    renderSection(actions);
    await screen.findByText(
      "Written into the filter cells at the top of the Dashboard sheet; every figure follows them."
    );
    fireEvent.change(screen.getByLabelText("Owner"), { target: { value: "Daniel Kim" } });
    fireEvent.change(screen.getByLabelText("Period"), { target: { value: "custom" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply filters" }));
    expect((await screen.findByTestId("dashboard-error")).textContent).toContain(
      "Enter both custom dates"
    );
    fireEvent.change(screen.getByLabelText("From"), { target: { value: "2026-01-01" } });
    fireEvent.change(screen.getByLabelText("To"), { target: { value: "2026-03-31" } });
    fireEvent.change(screen.getByLabelText("Stale after (days without activity)"), {
      target: { value: "30" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Apply filters" }));
    await screen.findByText("Filters applied to the Dashboard sheet.");
    expect(written).toEqual([
      { owner: "Daniel Kim", period: "custom", customFrom: 46023, customTo: 46112, staleDays: 30 },
    ]);
  });

  it("shares a copy and names the new sheet", async () => {
    const { actions } = fakeActions({ built: true, sheetName: "Dashboard" });
    renderSection(actions);
    const share = await screen.findByRole("button", { name: "Share a copy" });
    await waitFor(() => expect((share as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(share);
    expect((await screen.findByTestId("dashboard-shared")).textContent).toContain(
      "Values as of 2026-03-05 09:07 are on the new sheet “Dashboard 2026-03-05 09.07”."
    );
  });

  it("shows the build's warnings in Arabic in the Arabic pane, each value isolated", async () => {
    const warned: DashboardReport = {
      ...report,
      sheetName: "لوحة المعلومات 2",
      warnings: [
        { code: "emptyTable", params: { table: "Competitors" } },
        { code: "sheetKept", params: { sheet: "لوحة المعلومات", dashboard: "لوحة المعلومات 2" } },
      ],
    };
    const { actions } = fakeActions({}, { buildDashboard: jest.fn(async () => warned) });
    renderSection(actions, "ar");
    fireEvent.click(screen.getByRole("button", { name: "إنشاء لوحة المعلومات" }));
    const items = await waitFor(() => {
      const found = screen.getAllByTestId("dashboard-warning");
      expect(found).toHaveLength(2);
      return found;
    });
    expect(items[0].textContent).toBe("الجدول Competitors فارغ، لذا لم يُضف مخططه.");
    expect(items[0].querySelector("bdi[data-value=table]")?.textContent).toBe("Competitors");
    expect(items[1].querySelector("bdi[data-value=dashboard]")?.textContent).toBe(
      "لوحة المعلومات 2"
    );
    expect(screen.getByTestId("dashboard-report").textContent).not.toMatch(/is empty|left out/);
  });

  it("speaks Arabic", async () => {
    const { actions } = fakeActions();
    renderSection(actions, "ar");
    expect(screen.getByRole("region", { name: "لوحة المعلومات" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "إنشاء لوحة المعلومات" })).toBeTruthy();
    await waitFor(() => expect(actions.readDashboardState).toHaveBeenCalled());
  });
});

describe("dashboard pane helpers", () => {
  it("converts date inputs to serials and back", () => {
    expect(serialOfIso("2026-01-01")).toBe(46023);
    expect(serialOfIso("")).toBeNull();
    expect(serialOfIso("01/02/2026")).toBeNull();
    expect(isoOfSerial(46023)).toBe("2026-01-01");
    expect(isoOfSerial(null)).toBe("");
  });

  it("turns unexpected errors into a sentence that says what to do", () => {
    const [m] = problemMessages(new Error("boom"), stringsFor("en").dashboard, "en");
    expect(m).toBe(
      "Something went wrong: boom. Try again; if it keeps happening, run Setup to repair the workbook."
    );
    expect(
      problemMessages(
        new DashboardError([{ code: "noDashboard", params: {} }]),
        stringsFor("ar").dashboard,
        "ar"
      )
    ).toEqual(["لا توجد لوحة معلومات بعد — اختر إنشاء لوحة المعلومات أولًا."]);
  });
});
