/** @jest-environment jsdom */
/**
 * The workbook's language is its Deals tab name (src/workbook/status.ts): after the user renames
 * the tab, the pane's next rebuild builds in the new language, whether or not Home was refreshed
 * in between (round 3 noticed it did not). Real workbook actions over the stand-in.
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

async function setUpAndBuild(): Promise<{ actions: WorkbookActions; built: string[] }> {
  const s = createStandIn({ excelApi: "1.17" });
  s.install(globalThis);
  await setUpWorkbook({ stagePreset: "salesforce", language: "en", sampleData: true });
  await buildDashboard({ language: "en" });
  const real = workbookActions("Excel");
  const built: string[] = [];
  const actions: WorkbookActions = {
    ...real,
    buildDashboard: (options, onProgress) => {
      built.push(options.language);
      return real.buildDashboard(options, onProgress);
    },
  };
  localStorage.setItem("sales-addin.tab", "home");
  render(<App actions={actions} theme={webLightTheme} displayLanguage="en-US" />);
  await waitFor(() =>
    expect(screen.getByTestId("home-status").getAttribute("data-loading")).toBe("false")
  );
  return { actions, built };
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
    const { built } = await setUpAndBuild();
    await renameDeals("الصفقات");
    await rebuild();
    expect(built).toEqual(["ar"]);
    expect(await dashboardTitleLanguage()).toBe("ar");
  });

  it("renamed to Arabic and back to English, visiting Home in between: ar, then en", async () => {
    const { built } = await setUpAndBuild();
    await renameDeals("الصفقات");
    await rebuild();
    await renameDeals("Deals");
    fireEvent.click(screen.getByRole("tab", { name: "Home" }));
    await rebuild();
    expect(built).toEqual(["ar", "en"]);
    // The dashboard itself was rebuilt in each language (its sheet keeps the name it has).
    expect(await dashboardTitleLanguage()).toBe("en");
  });
});
