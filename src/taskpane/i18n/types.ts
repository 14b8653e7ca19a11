/**
 * Task pane localization types. Each area of the task pane owns one catalogue file
 * (`i18n/<area>.ts`) exporting `{ en, ar }` with the same keys; `i18n/index.ts` merges them.
 */

/** The languages the add-in speaks. */
export type Language = "en" | "ar";

/** A catalogue of one area: the same keys in every language. */
export type AreaCatalogue<K extends string> = Record<Language, Record<K, string>>;
