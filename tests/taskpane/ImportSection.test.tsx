/** @jest-environment jsdom */
import * as React from "react";
import * as fs from "fs";
import * as path from "path";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { LocaleContext, Language, stringsFor } from "../../src/taskpane/i18n";
import { ImportSection } from "../../src/taskpane/import/ImportSection";
import { ImportActions, ImportError, ImportReport, ImportRequest } from "../../src/workbook/import";
import { writeXlsx } from "../support/xlsxWriter";
import { importReport, summaryElement } from "../support/importSummary";
import { encodeCodePage } from "../support/codePages";

type OnProgress = Parameters<ImportActions["importRecords"]>[1];

const fixture = (name: string): string =>
  fs.readFileSync(path.join(__dirname, "..", "fixtures", "csv", name), "utf8");

const report: ImportReport = importReport({
  target: "Deals",
  source: "pipedriveDeals",
  added: 3,
  updated: 1,
  skipped: [
    {
      line: 9,
      problems: [{ code: "notANumber", row: 7, line: 9, column: "Amount", value: "abc" }],
    },
  ],
  written: [
    { kind: "updated", tableRows: [2, 2], lines: [3] },
    { kind: "added", tableRows: [5, 7], lines: [2, 4, 5] },
  ],
});

function fakeActions(impl?: ImportActions["importRecords"]) {
  const calls: ImportRequest[] = [];
  const actions: ImportActions = {
    importRecords: jest.fn(async (request: ImportRequest, onProgress?: OnProgress) => {
      calls.push(request);
      onProgress?.({ phase: "writing", done: 2, total: 4 });
      return impl ? impl(request, onProgress) : report;
    }),
    undoAdded: jest.fn(async () => 0),
    listSheets: jest.fn(async () => ({ sheets: ["Sheet1"], selection: null })),
    readSheet: jest.fn(async () => {
      throw new Error("not used");
    }),
  };
  return { actions, calls };
}

function renderSection(actions: ImportActions, language: Language = "en") {
  return render(
    <LocaleContext.Provider
      value={{ language, strings: stringsFor(language), setLanguage: () => undefined }}
    >
      <FluentProvider theme={webLightTheme} dir={language === "ar" ? "rtl" : "ltr"}>
        <ImportSection actions={actions} />
      </FluentProvider>
    </LocaleContext.Provider>
  );
}

async function chooseFile(name: string, text = fixture(name)) {
  const input = screen.getByTestId("import-file") as HTMLInputElement;
  const file = new File([text], name, { type: "text/csv" });
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
  await waitFor(() => expect(screen.getByTestId("import-detected")).toBeTruthy());
}

function paste(text: string) {
  fireEvent.change(
    screen.getByTestId("import-paste").querySelector("textarea") ??
      screen.getByTestId("import-paste"),
    {
      target: { value: text },
    }
  );
  fireEvent.click(screen.getByText("Use pasted text"));
}

describe("ImportSection", () => {
  it("detects the source of a chosen file, shows the mapping and a preview, then imports", async () => {
    const { actions, calls } = fakeActions();
    renderSection(actions);
    await chooseFile("pipedrive-deals.csv");
    expect(screen.getByTestId("import-detected").textContent).toMatch(/Pipedrive deals export/);
    expect(screen.getByTestId("import-detected").textContent).toMatch(/4 rows, 18 columns/);
    const status = screen.getByLabelText("Deal - Status") as HTMLSelectElement;
    expect(status.value).toBe("Won/Lost Status");
    expect((screen.getByLabelText("Deal - Contact person") as HTMLSelectElement).value).toBe("");
    expect(screen.getByTestId("import-unmapped").textContent).toMatch(/Deal - Contact person/);
    const preview = screen.getByTestId("import-preview");
    expect(preview.textContent).toMatch(/Website redesign/);
    expect(preview.textContent).toMatch(/مؤسسة الأمل/);
    // "25,000" alone reads as 25 or 25,000: the pane asks, with both readings, before importing.
    expect(screen.getByTestId("import-ready").textContent).toBe("3 of 4 rows are ready to import.");
    const question = screen.getByTestId("import-number-mark");
    expect(question.textContent).toMatch(/Decimal comma: 25,000 is 25/);
    expect(question.textContent).toMatch(/Decimal point: 25,000 is 25,000/);
    expect((screen.getByTestId("import-run") as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByLabelText(/Decimal point/));
    expect(screen.getByTestId("import-ready").textContent).toBe("4 of 4 rows are ready to import.");

    await act(async () => {
      fireEvent.click(screen.getByTestId("import-run"));
    });
    await waitFor(() => expect(screen.getByTestId("import-summary")).toBeTruthy());
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      target: "Deals",
      source: "pipedriveDeals",
      dateOrder: undefined,
      numberMarks: { Amount: "." },
    });
    expect(calls[0].mapping?.[9]).toBe("Won/Lost Status");
    const summary = screen.getByTestId("import-summary").textContent ?? "";
    expect(summary).toMatch(/Added: 3 · Updated: 1 · Skipped: 1/);
    expect(summary).toMatch(/Rows written: 2, 5–7/);
    expect(summary).toMatch(/Line 9: Amount “abc” is not a number/);
  });

  it("lists the deals the file does not have, keeps them, and offers no deletion", async () => {
    const kept = importReport({ ...report, notInFile: ["104", "2048"] });
    const { actions, calls } = fakeActions(async () => kept);
    renderSection(actions);
    await chooseFile("pipedrive-deals.csv");
    fireEvent.click(screen.getByLabelText(/Decimal point/));
    // Nothing in the pane deletes rows: a deal missing from one file may be another CRM's.
    expect(screen.queryByLabelText(/whole export/)).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByTestId("import-run"));
    });
    expect(Object.keys(calls[0])).not.toContain("removeMissing");
    expect(screen.getByTestId("import-not-in-file").textContent).toMatch(
      /2 deals of the Deals table are not in this file and were left as they are: 104, 2048\. If a deal was deleted in your CRM, delete its row/
    );
    for (const [language, text] of [
      ["en", /2 deals of the Deals table are not in this file .*: 104, 2048\./],
      ["ar", /2 صفقة في جدول الصفقات ليست في هذا الملف وبقيت كما هي: 104, 2048\. .*فاحذف صفها/],
    ] as const) {
      const view = render(summaryElement(kept, language));
      const note = view.container.querySelector('[data-testid="import-not-in-file"]');
      expect(note?.textContent).toMatch(text);
      view.unmount();
    }
    // A leads import says nothing about deals.
    const leads = render(summaryElement({ ...kept, target: "Leads" }, "en"));
    expect(leads.container.querySelector('[data-testid="import-not-in-file"]')).toBeNull();
    leads.unmount();
  });

  it("sends the mapping the user edits", async () => {
    const { actions, calls } = fakeActions();
    renderSection(actions);
    await chooseFile("pipedrive-deals.csv");
    fireEvent.change(screen.getByLabelText("Deal - Contact person"), {
      target: { value: "Next Step" },
    });
    fireEvent.change(screen.getByLabelText("Deal - Lost reason"), { target: { value: "" } });
    fireEvent.click(screen.getByLabelText(/Decimal point/));
    await act(async () => {
      fireEvent.click(screen.getByTestId("import-run"));
    });
    expect(calls[0].mapping?.[5]).toBe("Next Step");
    expect(calls[0].mapping?.[15]).toBeNull();
  });

  it("asks for the day/month order when dates are ambiguous and imports only once answered", async () => {
    const { actions, calls } = fakeActions();
    renderSection(actions);
    paste(fixture("generic-ambiguous-dates.txt"));
    await waitFor(() => expect(screen.getByTestId("import-date-order")).toBeTruthy());
    expect(screen.getByTestId("import-date-order").textContent).toMatch(/03\/04\/2024/);
    const run = screen.getByTestId("import-run") as HTMLButtonElement;
    expect(run.disabled).toBe(true);
    expect(
      screen.getByTestId("import-preview").querySelector("[data-problem='ambiguousDate']")
    ).not.toBeNull();
    fireEvent.click(screen.getByLabelText("Day/month (31/12/2024)"));
    expect(run.disabled).toBe(false);
    expect(screen.getByTestId("import-preview").querySelector("[data-problem]")).toBeNull();
    await act(async () => {
      fireEvent.click(run);
    });
    expect(calls[0]).toMatchObject({ target: "Deals", dateOrder: "dmy", source: null });
  });

  it("lists the lines of a malformed file and offers no import", async () => {
    const { actions } = fakeActions();
    renderSection(actions);
    paste(fixture("malformed.csv"));
    const error = await screen.findByTestId("import-file-error");
    expect(error.textContent).toMatch(/Line 3: 3 values, but the header has 4/);
    expect(error.textContent).toMatch(/Line 4: a quoted value never ends/);
    expect((screen.getByTestId("import-run") as HTMLButtonElement).disabled).toBe(true);
    expect(actions.importRecords).not.toHaveBeenCalled();
  });

  it("says to run Setup first when the table is missing", async () => {
    const { actions } = fakeActions(async () => {
      throw new ImportError("noTable", "there is no Deals table: run Setup first");
    });
    renderSection(actions);
    await chooseFile("hubspot-deals.csv");
    await act(async () => {
      fireEvent.click(screen.getByTestId("import-run"));
    });
    const error = await screen.findByTestId("import-error");
    expect(error.textContent).toMatch(/There is no Deals table in this workbook\. Run Setup first/);
  });

  it("re-maps when the target changes and marks rows that cannot be imported", async () => {
    const { actions } = fakeActions();
    renderSection(actions);
    paste("Deal ID,Amount,Email\nD1,12abc,a@x.com\nD2,5,b@x.com\n");
    await waitFor(() => expect(screen.getByTestId("import-problems")).toBeTruthy());
    expect(screen.getByTestId("import-problems").textContent).toMatch(
      /Line 2: Amount “12abc” is not a number/
    );
    expect(
      screen.getByTestId("import-preview").querySelector("[data-problem='notANumber']")?.textContent
    ).toBe("12abc");
    fireEvent.click(screen.getByLabelText("Leads"));
    expect((screen.getByLabelText("Email") as HTMLSelectElement).value).toBe("Email");
    expect((screen.getByLabelText("Amount") as HTMLSelectElement).value).toBe("");
  });

  it("speaks Arabic", async () => {
    const { actions } = fakeActions();
    renderSection(actions, "ar");
    expect(screen.getByRole("heading").textContent).toBe("الاستيراد من نظام إدارة العملاء");
    await chooseFile("salesforce-leads.csv");
    expect(screen.getByTestId("import-detected").textContent).toMatch(
      /تقرير العملاء المحتملين في Salesforce/
    );
    expect(screen.getByTestId("import-detected").textContent).toMatch(/تذييل التقرير/);
  });
});

describe("ImportSection sources (issue 13)", () => {
  async function chooseBytes(name: string, bytes: Uint8Array, type: string) {
    const input = screen.getByTestId("import-file") as HTMLInputElement;
    const file = new File([bytes as Uint8Array<ArrayBuffer>], name, { type });
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
    });
    await waitFor(() => expect(screen.getByTestId("import-detected")).toBeTruthy());
  }

  it("reads a Windows-1252 file, shows the encoding and lets the user change it", async () => {
    const { actions, calls } = fakeActions();
    renderSection(actions);
    const text = "Deal ID;Deal Name;Amount\r\nD1;Café Noël;1.200,50 €\r\n";
    const bytes = new Uint8Array(
      [...text].map((c) => ({ é: 0xe9, ë: 0xeb, "€": 0x80 })[c] ?? c.charCodeAt(0))
    );
    await chooseBytes("deals.csv", bytes, "text/csv");
    const encoding = screen.getByTestId("import-encoding") as HTMLSelectElement;
    expect(encoding.value).toBe("windows-1252");
    expect((screen.getByTestId("import-delimiter") as HTMLSelectElement).value).toBe(";");
    expect(screen.getByTestId("import-preview").textContent).toMatch(/Café Noël/);
    expect(screen.getByTestId("import-preview").textContent).toMatch(/1,200\.5/);
    fireEvent.change(encoding, { target: { value: "utf-8" } });
    expect(screen.getByTestId("import-preview").textContent).toMatch(/Caf\ufffd/);
    fireEvent.change(screen.getByTestId("import-encoding"), { target: { value: "windows-1252" } });
    await act(async () => {
      fireEvent.click(screen.getByTestId("import-run"));
    });
    expect(calls[0].text).toContain("Café Noël");
  });

  for (const language of ["en", "ar"] as const) {
    it(`reads a Windows-1256 Arabic export and names the encoding in the menu (${language})`, async () => {
      const { actions, calls } = fakeActions();
      renderSection(actions, language);
      const text =
        "Deal ID,Deal Name,Deal Owner,Stage,Amount\r\nD1,توريد أجهزة,أحمد الشمري,مؤهل,12500\r\n" +
        "D2,عقد صيانة,فاطمة الزهراء,عرض سعر,8300\r\n";
      await chooseBytes("deals.csv", encodeCodePage(text, "windows-1256"), "text/csv");
      const encoding = screen.getByTestId("import-encoding") as HTMLSelectElement;
      expect(encoding.value).toBe("windows-1256");
      const label = stringsFor(language).import.encodingWindows1256;
      expect(encoding.selectedOptions[0].textContent).toBe(label);
      expect(label).toMatch(language === "ar" ? /عربي/ : /Arabic/);
      // Every encoding has its own label in the pane's language.
      const labels = [...encoding.options].map((o) => o.textContent);
      expect(new Set(labels).size).toBe(labels.length);
      expect(screen.getByTestId("import-preview").textContent).toMatch(/أحمد الشمري/);
      // Forced to Western, the names turn to the mojibake users reported; back to Arabic, fixed.
      fireEvent.change(encoding, { target: { value: "windows-1252" } });
      expect(screen.getByTestId("import-preview").textContent).toMatch(/ÃÍãÏ/);
      fireEvent.change(screen.getByTestId("import-encoding"), {
        target: { value: "windows-1256" },
      });
      await act(async () => {
        fireEvent.click(screen.getByTestId("import-run"));
      });
      expect(calls[0].text).toContain("فاطمة الزهراء");
      expect(calls[0].text).toContain("عرض سعر");
    });
  }

  it("imports an XLSX workbook's chosen sheet as typed cells", async () => {
    const { actions, calls } = fakeActions();
    renderSection(actions);
    const bytes = writeXlsx([
      { name: "Notes", rows: [["Title"], ["Q1 export"]] },
      {
        name: "Deals",
        rows: [
          ["Deal ID", "Deal Name", "Amount", "Stage"],
          ["D1", "Alpha", 5.125, "Closed Won"],
          ["D2", "Beta", 12500, "Prospecting"],
        ],
      },
    ]);
    await chooseBytes(
      "export.xlsx",
      bytes,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    const sheet = screen.getByTestId("import-sheet") as HTMLSelectElement;
    expect(sheet.value).toBe("Notes");
    await act(async () => {
      fireEvent.change(sheet, { target: { value: "Deals" } });
    });
    await waitFor(() =>
      expect(screen.getByTestId("import-ready").textContent).toBe(
        "2 of 2 rows are ready to import."
      )
    );
    expect(screen.queryByTestId("import-number-mark")).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByTestId("import-run"));
    });
    expect(calls[0].grid?.rows).toEqual([
      ["D1", "Alpha", "5.125", "Closed Won"],
      ["D2", "Beta", "12500", "Prospecting"],
    ]);
    expect(calls[0].text).toBeUndefined();
  });

  it("imports a sheet (or the selection) of this workbook through the same mapping step", async () => {
    const { actions, calls } = fakeActions();
    const grid = {
      headers: ["Deal ID", "Amount"],
      rows: [["D1", "5000"]],
      lines: [4],
      delimiter: "",
      footer: [],
      kinds: new Uint8Array([0, 1]),
    };
    actions.listSheets = jest.fn(async () => ({
      sheets: ["Sheet1", "Raw"],
      selection: "Raw!A3:B4",
    }));
    const readSheet = jest.fn(async () => grid);
    actions.readSheet = readSheet;
    renderSection(actions);
    await act(async () => {
      fireEvent.click(screen.getByTestId("import-workbook-list"));
    });
    const select = screen.getByTestId("import-workbook-sheet") as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      "The selection (Raw!A3:B4)",
      "Sheet1",
      "Raw",
    ]);
    await act(async () => {
      fireEvent.click(screen.getByTestId("import-workbook-read"));
    });
    expect(readSheet).toHaveBeenCalledWith("Raw", "Raw!A3:B4");
    await waitFor(() => expect(screen.getByTestId("import-detected")).toBeTruthy());
    await act(async () => {
      fireEvent.click(screen.getByTestId("import-run"));
    });
    expect(calls[0].grid).toBe(grid);
  });

  it("offers to remove the rows an interrupted import added", async () => {
    const undo = {
      target: "Deals" as const,
      startRow: 4,
      count: 3,
      tableRows: 7,
      ids: ["a", "b", "c"],
    };
    const { actions } = fakeActions(async () => ({
      ...report,
      failure: { message: "RequestPayloadSizeLimitExceeded", rowsNotWritten: 25, undo },
    }));
    renderSection(actions);
    await chooseFile("hubspot-deals.csv");
    await act(async () => {
      fireEvent.click(screen.getByTestId("import-run"));
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId("import-undo"));
    });
    expect(actions.undoAdded).toHaveBeenCalledWith(undo);
    expect(screen.getByTestId("import-summary").textContent).toMatch(/Removed the 0 rows/);
  });
});

describe("the import summary names amounts whose currency was assumed", () => {
  it.each([
    ["en" as Language, /3 amounts are written with \$ and the file has no currency column/],
    ["ar" as Language, /3 من المبالغ مكتوبة بالرمز \$/],
  ])("in %s", async (language, text) => {
    const { actions } = fakeActions(async () => ({
      ...report,
      currencyAssumed: { symbol: "$", rows: 3 },
    }));
    renderSection(actions, language);
    await chooseFile("dollars.csv", "Deal ID,Amount\nD1,$1\nD2,$2\nD3,$3\n");
    await act(async () => {
      fireEvent.click(screen.getByTestId("import-run"));
    });
    const note = await screen.findByTestId("import-currency-assumed");
    expect(note.textContent).toMatch(text);
    expect(note.querySelector("bdi")?.textContent).toBe("3");
  });
});
