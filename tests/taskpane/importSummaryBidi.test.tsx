/** @jest-environment jsdom */
import { render } from "@testing-library/react";
import { Language } from "../../src/taskpane/i18n";
import { importReport, summaryElement } from "../support/importSummary";
import { ImportReport } from "../../src/workbook/import";
import { Stage } from "../../src/engine/stages";

// A HubSpot export added two stages to a workbook set up in Arabic: one with HubSpot's default
// probability (assumed), one the CRM does not document.
const report: ImportReport = importReport({
  target: "Deals",
  source: "hubspotDeals",
  added: 2,
  updated: 0,
  written: [{ kind: "added", tableRows: [2, 3], lines: [2, 3] }],
  stagesAdded: [
    { name: "Qualified To Buy", probability: 0.4, outcome: Stage.Open, assumed: true, deals: 1 },
    { name: "Demo 2", probability: 0.5, outcome: Stage.Open, assumed: false, deals: 1 },
  ],
});

function stagesLine(language: Language): HTMLElement {
  const { getByTestId } = render(summaryElement(report, language));
  return getByTestId("import-stages-added");
}

describe("import summary: the stages an import added", () => {
  it.each(["en", "ar"] as const)(
    "isolates each stage name (and the assumed probability) in its own <bdi> (%s)",
    (language) => {
      const line = stagesLine(language);
      const isolated = [...line.querySelectorAll("bdi")].map((b) => b.textContent);
      expect(isolated).toContain("Qualified To Buy");
      expect(isolated).toContain("Demo 2");
      expect(isolated).toContain("40%");
      // The names are not left as bare text of the sentence (where an English name reorders an
      // Arabic sentence around it).
      for (const name of ["Qualified To Buy", "Demo 2"]) {
        const holder = [...line.querySelectorAll("bdi")].find((b) => b.textContent === name);
        expect(holder?.children.length).toBe(0);
      }
      expect(line.textContent).toContain(language === "ar" ? "مفترضة" : "assumed");
    }
  );
});
