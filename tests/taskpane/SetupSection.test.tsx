/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { LocaleContext, Language, stringsFor } from "../../src/taskpane/i18n";
import { SetupSection } from "../../src/taskpane/setup/SetupSection";
import type { SetupActions, SetupOptions, SetupReport } from "../../src/workbook/setup";

type OnProgress = Parameters<SetupActions["setUp"]>[1];

const emptyReport: SetupReport = {
  created: [],
  adopted: [],
  skipped: [],
  sampleRows: 0,
  schemaVersion: { found: 1, now: 1 },
  syncs: 2,
};

function fakeActions(overrides: Partial<SetupActions> = {}) {
  const calls: SetupOptions[] = [];
  const actions: SetupActions = {
    setUp: jest.fn(async (options: SetupOptions, onProgress?: OnProgress) => {
      calls.push(options);
      onProgress?.({ phase: "writing", fraction: 0.5 });
      return {
        ...emptyReport,
        created: [
          { kind: "sheet", name: "Deals", sheetKey: "deals" },
          { kind: "table", name: "Deals", parent: "Deals" },
          { kind: "sampleRows", name: "Deals", count: 1234 },
        ],
        adopted: [{ kind: "table", name: "Leads", parent: "Leads" }],
        sampleRows: 1234,
      } as SetupReport;
    }),
    removeSampleData: jest.fn(async () => ({
      removed: [{ table: "Deals", rows: 310 }],
      kept: [],
      syncs: 3,
    })),
    ...overrides,
  };
  return { actions, calls };
}

function renderSection(actions: SetupActions, language: Language = "en") {
  return render(
    <LocaleContext.Provider
      value={{ language, strings: stringsFor(language), setLanguage: () => undefined }}
    >
      <FluentProvider theme={webLightTheme} dir={language === "ar" ? "rtl" : "ltr"}>
        <SetupSection actions={actions} />
      </FluentProvider>
    </LocaleContext.Provider>
  );
}

describe("SetupSection", () => {
  it("is a labelled section with a heading", () => {
    renderSection(fakeActions().actions);
    expect(screen.getByRole("region", { name: "Set up the workbook" })).toBeTruthy();
  });

  it("sets up with the chosen preset, the pane language and sample data", async () => {
    const { actions, calls } = fakeActions();
    renderSection(actions);
    fireEvent.click(screen.getByLabelText("HubSpot"));
    fireEvent.click(screen.getByLabelText("Add sample data"));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Set up" }));
    });
    expect(calls).toEqual([
      { stagePreset: "hubspot", language: "en", sampleData: true, sheetNameOverrides: {} },
    ]);
    const summary = await screen.findByTestId("setup-summary");
    expect(summary.textContent).toMatch(/Created/);
    expect(summary.textContent).toMatch(/Sheets:\s*Deals/);
    expect(summary.textContent).toMatch(/1,234 in Deals/);
    expect(summary.textContent).toMatch(/Kept as they were/);
  });

  it("defaults the workbook language to the pane language (Arabic) and lets the user change it", async () => {
    const { actions, calls } = fakeActions();
    renderSection(actions, "ar");
    const arabic = screen.getByRole("radio", { name: "العربية" }) as HTMLInputElement;
    expect(arabic.checked).toBe(true);
    fireEvent.click(screen.getByRole("radio", { name: "English" }));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "تجهيز" }));
    });
    expect(calls[0].language).toBe("en");
    expect(calls[0].sampleData).toBe(false);
    expect(calls[0].stagePreset).toBe("salesforce");
  });

  it("explains a skipped foreign sheet and retries with the suggested name", async () => {
    const { actions, calls } = fakeActions({
      setUp: jest.fn(async (options: SetupOptions) => {
        calls.push(options);
        return {
          ...emptyReport,
          skipped: [
            {
              kind: "sheet",
              name: "Deals",
              reason: "foreignSheet",
              suggestion: "Deals 2",
              sheetKey: "deals",
            },
          ],
        } as SetupReport;
      }),
    });
    renderSection(actions);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Set up" }));
    });
    const skipped = await screen.findByTestId("setup-skipped");
    expect(skipped.textContent).toMatch(/The sheet “Deals” already holds other content/);
    expect(skipped.textContent).toMatch(/“Deals 2”/);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Use the suggested names" }));
    });
    expect(calls[1].sheetNameOverrides).toEqual({ deals: "Deals 2" });
  });

  it("offers Go to the cells for a table or column refused over the user's cells", async () => {
    const goTo = jest.fn(async () => undefined);
    const { actions } = fakeActions({
      setUp: jest.fn(async () => ({
        ...emptyReport,
        skipped: [
          {
            kind: "table",
            name: "Stages",
            parent: "Settings",
            reason: "anchorOccupied",
            at: { sheet: "Settings", address: "A4:E11" },
          },
          { kind: "sheet", name: "Deals", reason: "foreignSheet", sheetKey: "deals" },
        ],
      })) as SetupActions["setUp"],
    });
    render(
      <LocaleContext.Provider
        value={{ language: "ar", strings: stringsFor("ar"), setLanguage: () => undefined }}
      >
        <FluentProvider theme={webLightTheme} dir="rtl">
          <SetupSection actions={{ ...actions, goTo }} />
        </FluentProvider>
      </LocaleContext.Provider>
    );
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "تجهيز" }));
    });
    await screen.findByTestId("setup-skipped");
    // Only the refusal with cells in the way has one.
    const links = screen.getAllByTestId("setup-go-to-cells");
    expect(links.map((l) => l.textContent)).toEqual(["انتقل إلى الخلايا"]);
    await act(async () => {
      fireEvent.click(links[0]);
    });
    expect(goTo).toHaveBeenCalledWith({ sheet: "Settings", address: "A4:E11" });
  });

  it("says so when nothing needed changing", async () => {
    const { actions } = fakeActions({ setUp: jest.fn(async () => emptyReport) });
    renderSection(actions);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Set up" }));
    });
    expect((await screen.findByTestId("setup-summary")).textContent).toMatch(/nothing was changed/);
  });

  it("shows an error that says what to do, and enables the buttons again", async () => {
    const { actions } = fakeActions({
      setUp: jest.fn(async () => {
        throw new Error("The workbook is in cell-edit mode.");
      }),
    });
    renderSection(actions);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Set up" }));
    });
    const error = await screen.findByTestId("setup-error");
    expect(error.textContent).toMatch(/cell-edit mode/);
    expect(error.textContent).toMatch(/safe to run again/);
    expect((screen.getByRole("button", { name: "Set up" }) as HTMLButtonElement).disabled).toBe(
      false
    );
  });

  it("disables the buttons and shows progress while running", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { actions } = fakeActions({
      setUp: jest.fn(async (_o: SetupOptions, onProgress?: OnProgress) => {
        onProgress?.({ phase: "writing", fraction: 0.7 });
        await gate;
        return emptyReport;
      }),
    });
    renderSection(actions);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Set up" }));
    });
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toMatch(/Writing sheets and tables/);
    expect(
      (screen.getByRole("button", { name: "Remove sample data" }) as HTMLButtonElement).disabled
    ).toBe(true);
    await act(async () => release());
    await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
  });

  it("removes sample data and reports the rows removed", async () => {
    const { actions } = fakeActions();
    renderSection(actions);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Remove sample data" }));
    });
    expect(actions.removeSampleData).toHaveBeenCalledTimes(1);
    expect((await screen.findByTestId("setup-removed")).textContent).toMatch(/310 rows from Deals/);
  });

  it("says which table's filter stopped the removal, and that nothing was removed", async () => {
    const kept = [{ table: "Deals", rows: 297, reason: "filtered" as const }];
    for (const [language, button, fix] of [
      ["en", "Remove sample data", "Clear the filter on the Deals table, then try again."],
      ["ar", stringsFor("ar").setup.removeSample, "امسح عامل التصفية من الجدول Deals"],
    ] as const) {
      const { actions } = fakeActions({
        removeSampleData: jest.fn(async () => ({ removed: [], kept, syncs: 3 })),
      });
      const { unmount } = renderSection(actions, language);
      await act(async () => {
        fireEvent.click(screen.getByRole("button", { name: button }));
      });
      const text = (await screen.findByTestId("setup-kept")).textContent ?? "";
      expect(text).toContain(fix);
      expect(text).toContain(language === "en" ? "nothing was removed" : "لم يُحذف شيء");
      // No "removed" success message when nothing was.
      expect(screen.queryByTestId("setup-removed")).toBeNull();
      unmount();
    }
  });

  it("reports rows Excel kept beside the rows it removed", async () => {
    const { actions } = fakeActions({
      removeSampleData: jest.fn(async () => ({
        removed: [{ table: "Leads", rows: 1200 }],
        kept: [{ table: "Deals", rows: 1500, reason: "notRemoved" as const }],
        syncs: 4,
      })),
    });
    renderSection(actions);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Remove sample data" }));
    });
    expect((await screen.findByTestId("setup-removed")).textContent).toMatch(
      /1,200 rows from Leads/
    );
    expect(screen.getByTestId("setup-kept").textContent).toMatch(
      /1,500 sample rows are still in the Deals table.*Clear the filter on the Deals table/
    );
  });

  it("says when there was no sample data to remove", async () => {
    const { actions } = fakeActions({
      removeSampleData: jest.fn(async () => ({ removed: [], kept: [], syncs: 3 })),
    });
    renderSection(actions);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Remove sample data" }));
    });
    expect((await screen.findByTestId("setup-removed")).textContent).toMatch(/No sample rows/);
  });
});
