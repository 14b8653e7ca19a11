/** @jest-environment jsdom */
/**
 * The workbook's language is its Deals tab name (src/workbook/status.ts): after the user renames
 * the tab, the pane's next rebuild builds in the new language, whether or not the pane has read
 * the workbook again since (round 3 noticed it did not). The build takes the language from the
 * Deals tab's name it reads anyway (no extra round trip). Real workbook actions, the stand-in.
 */
import "../support/textEncoding";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { createStandIn } from "../../preview/excel";
import { App } from "../../src/taskpane/shell/App";
import { workbookActions, WorkbookActions } from "../../src/taskpane/actions";
import { setUpWorkbook } from "../../src/workbook/setup";
import { buildDashboard } from "../../src/workbook/dashboard/build";

jest.setTimeout(120_000);

async function renameDeals(to: string): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.tables.getItem("Deals").worksheet.name = to;
    await context.sync();
  });
}

async function setUpAndBuild(): Promise<{ asked: string[] }> {
  const s = createStandIn({ excelApi: "1.17" });
  s.install(globalThis);
  await setUpWorkbook({ stagePreset: "salesforce", language: "en", sampleData: true });
  await buildDashboard({ language: "en" });
  const real = workbookActions("Excel");
  // What the pane asks for: the language it last read (stale after a rename).
  const asked: string[] = [];
  const actions: WorkbookActions = {
    ...real,
    buildDashboard: (options, onProgress) => {
      asked.push(options.language);
      return real.buildDashboard(options, onProgress);
    },
  };
  localStorage.setItem("sales-addin.tab", "home");
  render(<App actions={actions} theme={webLightTheme} displayLanguage="en-US" />);
  await waitFor(() =>
    expect(screen.getByTestId("home-status").getAttribute("data-loading")).toBe("false")
  );
  return { asked };
}

/** The language of the dashboard's title cell (Arabic letters or not). */
async function dashboardTitleLanguage(): Promise<"ar" | "en"> {
  return Excel.run(async (context) => {
    const r = context.workbook.worksheets.getItem("Dashboard").getRange("A1:D2").load("values");
    await context.sync();
    return /[\u0600-\u06ff]/.test(JSON.stringify(r.values)) ? "ar" : "en";
  });
}

async function rebuild(): Promise<void> {
  fireEvent.click(screen.getByRole("tab", { name: "Dashboard" }));
  const button = await screen.findByRole("button", { name: /Rebuild dashboard|Build dashboard/ });
  await act(async () => {
    fireEvent.click(button);
  });
  await screen.findByTestId("dashboard-report", {}, { timeout: 60_000 });
}

describe("the rebuild follows the Deals tab's language", () => {
  it("renamed to Arabic after the pane opened: the next rebuild is Arabic, without a Home refresh", async () => {
    const { asked } = await setUpAndBuild();
    await renameDeals("الصفقات");
    await rebuild();
    expect(asked).toEqual(["en"]); // the pane had not read the rename…
    expect(await dashboardTitleLanguage()).toBe("ar"); // …the dashboard follows it all the same
  });

  it("renamed to Arabic and back to English, visiting Home in between: Arabic, then English", async () => {
    await setUpAndBuild();
    await renameDeals("الصفقات");
    await rebuild();
    expect(await dashboardTitleLanguage()).toBe("ar");
    await renameDeals("Deals");
    fireEvent.click(screen.getByRole("tab", { name: "Home" }));
    await rebuild();
    expect(await dashboardTitleLanguage()).toBe("en");
  });
});
