/**
 * Review of every task pane catalogue beyond key completeness (tests/taskpane/i18n.test.ts):
 * Arabic strings are Arabic, English strings are not, placeholders match between languages, and
 * components format numbers and dates with Intl in the pane's language.
 */
import * as fs from "fs";
import * as path from "path";
import { catalogues } from "../../src/taskpane/i18n";

const ARABIC = /[\u0600-\u06FF]/;
/** Proper names and language autonyms, the same in both languages. */
const SAME_IN_BOTH = new Set([
  "English",
  "العربية",
  "Salesforce",
  "HubSpot",
  "Pipedrive",
  "Zoho",
  "CSV",
]);

const entries = Object.entries(catalogues).flatMap(([area, cat]) =>
  Object.keys(cat.en).map((key) => ({
    area,
    key,
    en: (cat.en as Record<string, string>)[key],
    ar: (cat.ar as Record<string, string>)[key],
  }))
);

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("catalogues in both languages", () => {
  it("have Arabic text in Arabic (proper names and separators aside)", () => {
    const notArabic = entries.filter(
      (e) => !SAME_IN_BOTH.has(e.ar) && /\p{L}/u.test(e.ar) && !ARABIC.test(e.ar)
    );
    expect(notArabic.map((e) => `${e.area}.${e.key}: ${e.ar}`)).toEqual([]);
  });

  it("never leave an English string untranslated", () => {
    const same = entries.filter(
      (e) => e.ar === e.en && /\p{L}{3,}/u.test(e.en) && !SAME_IN_BOTH.has(e.en)
    );
    expect(same.map((e) => `${e.area}.${e.key}`)).toEqual([]);
  });

  it("have no Arabic in English strings (except the name of the language)", () => {
    const mixed = entries.filter((e) => ARABIC.test(e.en) && e.en !== "العربية");
    expect(mixed.map((e) => `${e.area}.${e.key}`)).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    // Arabic singular and dual words carry the number ("دالتان" = two functions): those plural
    // forms may leave out {count}.
    const expected = (e: (typeof entries)[number]) =>
      placeholders(e.en).filter((p) => !(p === "count" && /_(zero|one|two)$/.test(e.key)));
    const differ = entries.filter(
      (e) =>
        placeholders(e.ar).join() !== placeholders(e.en).join() &&
        placeholders(e.ar).join() !== expected(e).join()
    );
    expect(
      differ.map((e) => `${e.area}.${e.key}: ${placeholders(e.en)} vs ${placeholders(e.ar)}`)
    ).toEqual([]);
  });
});

describe("number and date formatting in the task pane", () => {
  const root = path.join(__dirname, "..", "..", "src", "taskpane");
  const sources = ["sections", "hooks", "components"].flatMap((dir) =>
    fs.existsSync(path.join(root, dir))
      ? fs.readdirSync(path.join(root, dir)).map((f) => path.join(root, dir, f))
      : []
  );

  it("goes through Intl with the pane's language, never toFixed or a locale-less toLocaleString", () => {
    const offenders = sources.flatMap((file) =>
      fs
        .readFileSync(file, "utf8")
        .split("\n")
        .map((line, i) => ({ line, i }))
        .filter(({ line }) =>
          /\.toFixed\(|\.toLocale(?:Date|Time)?String\(\s*\)|new Intl\.\w+\(\s*\)/.test(line)
        )
        .map(({ line, i }) => `${path.relative(root, file)}:${i + 1}: ${line.trim()}`)
    );
    expect(offenders).toEqual([]);
  });
});
