import { catalogues, languageFromLocale } from "../../src/taskpane/i18n";

describe("string catalogues", () => {
  for (const [area, cat] of Object.entries(catalogues)) {
    it(`${area}: every key exists, non-empty, in English and Arabic`, () => {
      const en = Object.keys(cat.en).sort();
      const ar = Object.keys(cat.ar).sort();
      expect(ar).toEqual(en);
      for (const lang of ["en", "ar"] as const) {
        for (const [key, value] of Object.entries(cat[lang] as Record<string, string>)) {
          expect({ key, ok: typeof value === "string" && value.trim().length > 0 }).toEqual({
            key,
            ok: true,
          });
        }
      }
    });
  }

  it("picks Arabic for any Arabic locale", () => {
    expect(languageFromLocale("ar-SA")).toBe("ar");
    expect(languageFromLocale("en-GB")).toBe("en");
    expect(languageFromLocale(undefined)).toBe("en");
  });
});
