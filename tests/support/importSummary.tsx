/**
 * The import summary as the pane shows it after an import, for tests that check its sentences
 * (language, bidi isolation) without the rest of the pane.
 */
import * as React from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { LocaleContext, Language, stringsFor } from "../../src/taskpane/i18n";
import { Summary } from "../../src/taskpane/import/Summary";
import { ImportReport } from "../../src/workbook/import";

/**
 * The Summary element for a report, in a language's locale and direction.
 *
 * @param report what the import returned
 * @param language the pane's language
 * @returns the element to render (render, or renderToStaticMarkup)
 * @example
 * render(summaryElement(report, "ar")).getByTestId("import-stages-added");
 */
export function summaryElement(report: ImportReport, language: Language): React.ReactElement {
  return (
    <LocaleContext.Provider
      value={{ language, strings: stringsFor(language), setLanguage: () => undefined }}
    >
      <FluentProvider theme={webLightTheme} dir={language === "ar" ? "rtl" : "ltr"}>
        <Summary
          report={report}
          language={language}
          onUndo={async () => undefined}
          undone={null}
          busy={false}
        />
      </FluentProvider>
    </LocaleContext.Provider>
  );
}

/**
 * An import's report with nothing skipped, unmapped, missing or truncated: the fields a test
 * states are its own, every list left empty otherwise.
 *
 * @param fields the report's target, counts and what the test is about
 * @returns the whole report
 * @example
 * importReport({ target: "Deals", source: "hubspotDeals", added: 2, updated: 0 });
 */
export function importReport(
  fields: Pick<ImportReport, "target" | "source" | "added" | "updated"> & Partial<ImportReport>
): ImportReport {
  return {
    skipped: [],
    written: [],
    unmapped: [],
    missingColumns: [],
    footer: [],
    upserted: true,
    tableDuplicateIds: [],
    truncated: [],
    syncs: 4,
    ...fields,
  };
}
