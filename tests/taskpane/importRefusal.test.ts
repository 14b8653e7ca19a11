/**
 * An import refused before writing (a merge or a table below the Deals table) reads, in English
 * and Arabic, with the sheet, the cells and the fix, and offers Go to those cells.
 */
import { failureView } from "../../src/taskpane/import/text";
import { stringsFor } from "../../src/taskpane/i18n";

describe("import refusals name the cells in the way", () => {
  const params = { table: "Deals", sheet: "Deals", cell: "T12:U12" };

  it.each(["en", "ar"] as const)("mergeInTheWay in %s: sheet, cells, fix, Go to", (language) => {
    const s = stringsFor(language).import;
    const view = failureView(s, "mergeInTheWay", "Deals", language, [], 0, "", [], params);
    expect(view.message).toContain("T12:U12");
    expect(view.message).toContain("Deals");
    expect(view.message).toMatch(language === "en" ? /Unmerge T12:U12 or move it/ : /ألغِ دمج/);
    expect(view.at).toEqual({ sheet: "Deals", address: "T12:U12" });
  });

  it.each(["en", "ar"] as const)("tableInTheWay in %s names the other table", (language) => {
    const s = stringsFor(language).import;
    const view = failureView(s, "tableInTheWay", "Deals", language, [], 0, "", [], {
      ...params,
      other: "MyList",
    });
    expect(view.message).toContain("MyList");
    expect(view.message).not.toContain("{");
    expect(view.at).toEqual({ sheet: "Deals", address: "T12:U12" });
  });

  it.each(["en", "ar"] as const)(
    "tableFiltered (undo) in %s says to clear the filter",
    (language) => {
      const s = stringsFor(language).import;
      const view = failureView(
        s,
        "tableFiltered",
        "Leads",
        language,
        [],
        0,
        "Excel kept 3 rows",
        [],
        {
          table: "Leads",
        }
      );
      expect(view.message).toMatch(
        language === "en"
          ? /^The Leads table has a filter on, .*Clear the filter on the Leads table, then try again\.$/
          : /^على الجدول Leads عامل تصفية.*امسح عامل التصفية من الجدول Leads/
      );
      // Not the generic "Something went wrong" with Excel's English details.
      expect(view.message).not.toContain("Excel kept 3 rows");
    }
  );
});
