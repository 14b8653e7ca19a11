/**
 * Helpers to turn catalogue templates into text: placeholders, plural forms and numbers, all
 * through `Intl` for the current language so digits, separators and plural rules are right in
 * Arabic (which has six plural forms) as well as English.
 */
import { Language } from "./types";

/**
 * Fills `{name}` placeholders of a catalogue template.
 *
 * @param template e.g. "Inserted {formula} in {address}."
 * @param values the placeholder values (numbers should be formatted first with formatNumber)
 * @returns the text; unknown placeholders stay as they are so a gap is visible, not silent
 * @example
 * fill("{count} functions", { count: "19" }); // "19 functions"
 */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(values, key) ? values[key] : whole
  );
}

/**
 * Formats a number for the current language.
 *
 * @param language the task pane language
 * @param value the number
 * @param options Intl.NumberFormat options (e.g. { style: "percent" })
 * @returns the formatted number
 * @example
 * formatNumber("en", 1234.5); // "1,234.5"
 */
export function formatNumber(
  language: Language,
  value: number,
  options?: Intl.NumberFormatOptions
): string {
  return new Intl.NumberFormat(language, options).format(value);
}

/** CLDR plural categories; Arabic uses all six, English "one" and "other". */
export type PluralCategory = "zero" | "one" | "two" | "few" | "many" | "other";

/**
 * The plural category of a count in a language, for picking `<key>_<category>` strings.
 * English "zero" is reported as "zero" too, so catalogues can say "No functions" for 0.
 *
 * @param language the task pane language
 * @param count the count
 * @returns the category
 * @example
 * pluralCategory("ar", 3); // "few"
 */
export function pluralCategory(language: Language, count: number): PluralCategory {
  if (count === 0) return "zero";
  return new Intl.PluralRules(language).select(count) as PluralCategory;
}
