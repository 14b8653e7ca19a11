import { periodOptions } from "../../src/taskpane/dashboard/useDashboard";
import { stringsFor } from "../../src/taskpane/i18n";
import { toSerial } from "../../src/engine/dates";

const asOf = toSerial(2026, 12, 4);
const strip = (t: string): string => t.replace(/[\u2068\u2069]/g, "");

describe("the pane's Period options", () => {
  it("names the fiscal choices by their fiscal period (April start), each choice once", () => {
    const opts = periodOptions(stringsFor("en").dashboard, 4, asOf, "en");
    const label = (v: string) => strip(opts.find((o) => o.value === v)!.label);
    expect(label("thisFiscalYear")).toBe("This fiscal year (FY2027)");
    expect(label("lastFiscalYear")).toBe("Last fiscal year (FY2026)");
    expect(label("thisFiscalQuarter")).toBe("This fiscal quarter (FY2027 Q3)");
    expect(label("lastFiscalQuarter")).toBe("Last fiscal quarter (FY2027 Q2)");
    expect(new Set(opts.map((o) => o.label)).size).toBe(opts.length);
    // The fiscal name is isolated, so it keeps its direction inside an Arabic sentence.
    expect(opts.find((o) => o.value === "thisFiscalYear")!.label).toContain("\u2068FY2027\u2069");
  });

  it("shows the calendar choices only with a January start", () => {
    const opts = periodOptions(stringsFor("en").dashboard, 1, asOf, "en");
    expect(opts.map((o) => o.label)).toEqual([
      "This month",
      "This quarter",
      "Last quarter",
      "This year",
      "Last year",
      "Last 12 months",
      "All time",
      "Custom dates",
    ]);
  });

  it("speaks Arabic, with the pane's digits", () => {
    const opts = periodOptions(stringsFor("ar").dashboard, 10, asOf, "ar");
    const year = new Intl.NumberFormat("ar", { useGrouping: false }).format(2027);
    const q = new Intl.NumberFormat("ar").format(1);
    expect(strip(opts.find((o) => o.value === "thisFiscalQuarter")!.label)).toBe(
      `هذا الربع المالي (الربع ${q} من ${year})`
    );
    expect(strip(opts.find((o) => o.value === "thisFiscalYear")!.label)).toBe(
      `هذه السنة المالية (عام ${year})`
    );
  });
});
