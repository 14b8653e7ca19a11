/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FunctionsSection } from "../../src/taskpane/gallery/FunctionsSection";
import { LocaleContext, Language, stringsFor } from "../../src/taskpane/i18n";
import { FunctionInfo, LoadFunctions } from "../../src/taskpane/gallery/metadata";
import { FormulaActions, InsertFormulaResult } from "../../src/workbook/insertFormula";

const EN: FunctionInfo[] = [
  {
    id: "GROWTH",
    name: "GROWTH",
    description: "Growth: change of the last value against an earlier one.",
    parameters: [
      {
        name: "values",
        description: "The series in time order.",
        optional: false,
        dimensionality: "matrix",
      },
      {
        name: "lag",
        description: "How many values back.",
        optional: true,
        dimensionality: "matrix",
      },
    ],
    resultDimensionality: "scalar",
  },
  {
    id: "WIN_RATE",
    name: "WIN_RATE",
    description: "Win rate: won ÷ closed deals.",
    parameters: [
      {
        name: "stages",
        description: "Each deal's stage.",
        optional: false,
        dimensionality: "matrix",
      },
    ],
    resultDimensionality: "scalar",
  },
  {
    id: "FUNNEL",
    name: "FUNNEL",
    description: "Stage funnel (spills 3 columns).",
    parameters: [
      {
        name: "stages",
        description: "Each deal's stage.",
        optional: false,
        dimensionality: "matrix",
      },
      {
        name: "stage_order",
        description: "The stages in order.",
        optional: false,
        dimensionality: "matrix",
      },
    ],
    resultDimensionality: "matrix",
  },
];
const AR: FunctionInfo[] = EN.map((f) => ({
  ...f,
  description: {
    GROWTH: "النمو: تغيّر القيمة الأخيرة.",
    WIN_RATE: "نسبة الفوز: الرابحة ÷ المغلقة.",
    FUNNEL: "قمع المراحل.",
  }[f.id]!,
}));

const load: LoadFunctions = async (language) => (language === "ar" ? AR : EN);

function fakeActions(result: InsertFormulaResult | Error): FormulaActions & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    insertFormula: async (formula) => {
      calls.push(formula);
      if (result instanceof Error) throw result;
      return result;
    },
  };
}

function renderSection(
  actions: FormulaActions,
  language: Language = "en",
  loader: LoadFunctions = load
) {
  const value = { language, strings: stringsFor(language), setLanguage: () => undefined };
  return render(
    <LocaleContext.Provider value={value}>
      <FluentProvider theme={webLightTheme} dir={language === "ar" ? "rtl" : "ltr"}>
        <FunctionsSection actions={actions} loadFunctions={loader} />
      </FluentProvider>
    </LocaleContext.Provider>
  );
}

async function openItem(name: RegExp) {
  const header = await screen.findByRole("button", { name });
  fireEvent.click(header);
}

describe("FunctionsSection", () => {
  it("lists every function in the public API's order with a count", async () => {
    renderSection(fakeActions({ status: "inserted", address: "Sheet1!A1" }));
    const headings = await screen.findAllByRole("heading", { level: 3 });
    expect(headings.map((h) => h.textContent)).toEqual([
      expect.stringContaining("SALES.WIN_RATE"),
      expect.stringContaining("SALES.FUNNEL"),
      expect.stringContaining("SALES.GROWTH"),
    ]);
    expect(screen.getByRole("status").textContent).toBe("3 functions");
    expect(screen.getByRole("region", { name: "Functions" })).toBeTruthy();
  });

  it("filters by words of the id, description or parameters", async () => {
    renderSection(fakeActions({ status: "inserted", address: "Sheet1!A1" }));
    await screen.findAllByRole("heading", { level: 3 });
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "win rate" } });
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual([
      expect.stringContaining("SALES.WIN_RATE"),
    ]);
    expect(screen.getByRole("status").textContent).toBe("1 function");
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "stage_order" } });
    expect(screen.getAllByRole("heading", { level: 3 })).toHaveLength(1);
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "churn" } });
    expect(screen.queryAllByRole("heading", { level: 3 })).toHaveLength(0);
    expect(screen.getByRole("status").textContent).toMatch(/No function matches “churn”/);
  });

  it("shows parameters, marks optional ones, and the example formula from our tables", async () => {
    renderSection(fakeActions({ status: "inserted", address: "Sheet1!A1" }));
    await openItem(/SALES\.GROWTH/);
    expect(screen.getByText("lag").closest("li")!.textContent).toMatch(/optional/);
    expect(screen.getByText("values").closest("li")!.textContent).not.toMatch(/optional/);
    expect(
      screen.getByText(/^=SALES\.GROWTH\(INDEX\(SALES\.PERIOD_TOTALS\(Deals\[Closed Date\]/)
    ).toBeTruthy();
  });

  it("says when a function spills", async () => {
    renderSection(fakeActions({ status: "inserted", address: "Sheet1!A1" }));
    await openItem(/SALES\.FUNNEL/);
    expect(screen.getByText(/Returns several cells/)).toBeTruthy();
  });

  it("inserts the example formula and says where", async () => {
    const actions = fakeActions({ status: "inserted", address: "Sheet1!B2" });
    renderSection(actions);
    await openItem(/SALES\.WIN_RATE/);
    fireEvent.click(
      screen.getByRole("button", { name: "Insert SALES.WIN_RATE into the selected cell" })
    );
    await screen.findByText(/Inserted/);
    expect(actions.calls).toEqual(["=SALES.WIN_RATE(Deals[Stage], , , , Stages[#All])"]);
    expect(screen.getByText(/Inserted/).textContent).toBe(
      "Inserted =SALES.WIN_RATE(Deals[Stage], , , , Stages[#All]) in Sheet1!B2."
    );
  });

  it("asks for an empty cell when the selected one holds data", async () => {
    renderSection(fakeActions({ status: "occupied", address: "Sheet1!C3" }));
    await openItem(/SALES\.WIN_RATE/);
    fireEvent.click(screen.getByRole("button", { name: /Insert SALES\.WIN_RATE/ }));
    expect((await screen.findByText(/is not empty/)).textContent).toMatch(
      /Sheet1!C3 is not empty, so nothing was written\. Select an empty cell/
    );
  });

  it("points to Setup when the workbook lacks the tables", async () => {
    renderSection(fakeActions({ status: "missingTables", tables: ["Deals", "Stages"] }));
    await openItem(/SALES\.FUNNEL/);
    fireEvent.click(screen.getByRole("button", { name: /Insert SALES\.FUNNEL/ }));
    expect((await screen.findByText(/does not have yet/)).textContent).toMatch(
      /uses the Deals, Stages tables, which.*Setup/
    );
  });

  it("names a single missing table in the singular", async () => {
    renderSection(fakeActions({ status: "missingTables", tables: ["Leads"] }));
    await openItem(/SALES\.FUNNEL/);
    fireEvent.click(screen.getByRole("button", { name: /Insert SALES\.FUNNEL/ }));
    expect((await screen.findByText(/does not have yet/)).textContent).toMatch(
      /uses the Leads table, which/
    );
  });

  it("explains an Excel error and what to do", async () => {
    renderSection(fakeActions(new Error("InvalidOperation")));
    await openItem(/SALES\.WIN_RATE/);
    fireEvent.click(screen.getByRole("button", { name: /Insert SALES\.WIN_RATE/ }));
    expect((await screen.findByText(/could not write/)).textContent).toMatch(
      /InvalidOperation.*press Enter or Esc/
    );
  });

  it("reports a metadata failure and loads again on Try again", async () => {
    let fail = true;
    const loader: LoadFunctions = async (language) => {
      if (fail) throw new Error("functions.json: HTTP 404");
      return load(language);
    };
    renderSection(fakeActions({ status: "inserted", address: "A1" }), "en", loader);
    expect((await screen.findByText(/could not be loaded/)).textContent).toMatch(/HTTP 404/);
    fail = false;
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findAllByRole("heading", { level: 3 })).toHaveLength(3);
  });

  it("speaks Arabic: Arabic descriptions, Arabic plural count, Arabic search", async () => {
    const seen: Language[] = [];
    const loader: LoadFunctions = async (language) => {
      seen.push(language);
      return load(language);
    };
    renderSection(fakeActions({ status: "occupied", address: "Sheet1!C3" }), "ar", loader);
    await screen.findByRole("heading", { level: 2, name: "الدوال" });
    await screen.findAllByRole("heading", { level: 3 });
    expect(seen).toEqual(["ar"]);
    expect(screen.getByText("نسبة الفوز: الرابحة ÷ المغلقة.")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("3 دوال");
    // typed without the ta marbuta, as people often do
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "نسبه" } });
    expect(screen.getByRole("status").textContent).toBe("دالة واحدة");
    await openItem(/SALES\.WIN_RATE/);
    fireEvent.click(screen.getByRole("button", { name: "إدراج SALES.WIN_RATE في الخلية المحددة" }));
    expect((await screen.findByText(/ليست فارغة/)).textContent).toMatch(/Sheet1!C3/);
  });

  it("ignores a slow answer for a language the user has left", async () => {
    let release: () => void = () => undefined;
    const loader: LoadFunctions = (language) =>
      language === "en"
        ? new Promise<FunctionInfo[]>((resolve) => (release = () => resolve(EN)))
        : Promise.resolve(AR);
    const actions = fakeActions({ status: "inserted", address: "A1" });
    const view = renderSection(actions, "en", loader);
    const value = {
      language: "ar" as Language,
      strings: stringsFor("ar"),
      setLanguage: () => undefined,
    };
    view.rerender(
      <LocaleContext.Provider value={value}>
        <FluentProvider theme={webLightTheme} dir="rtl">
          <FunctionsSection actions={actions} loadFunctions={loader} />
        </FluentProvider>
      </LocaleContext.Provider>
    );
    await screen.findByText("نسبة الفوز: الرابحة ÷ المغلقة.");
    await act(async () => release());
    await waitFor(() => expect(screen.queryByText("Win rate: won ÷ closed deals.")).toBeNull());
  });
});
