/**
 * A file with Hijri dates is refused in the pane's language with the engine catalogue's message.
 */
import { failureView } from "../../src/taskpane/import/text";
import { stringsFor } from "../../src/taskpane/i18n";
import { errors } from "../../src/engine/messages";

describe("hijriDates refusal", () => {
  const e = errors.hijriDates("تاريخ الإغلاق", 3, "1448/06/15", 2);
  const params = { en: e.message, ar: e.ar ?? "" };

  it.each(["en", "ar"] as const)("reads in %s with the column, line and fix", (language) => {
    const s = stringsFor(language).import;
    const view = failureView(s, "hijriDates", "Deals", language, [], 0, e.message, [], params);
    expect(view.message).toBe(language === "en" ? e.message : e.ar);
    expect(view.message).toContain("تاريخ الإغلاق");
    expect(view.message).toMatch(language === "en" ? /line 3.*Gregorian/ : /السطر 3.*الميلادية/);
  });
});
