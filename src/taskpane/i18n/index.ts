/**
 * The merged string catalogue. Components read strings only through `useStrings()`; adding an
 * area means adding its file here. tests/taskpane/i18n.test.ts fails when a key is missing in a
 * language.
 */
import { createContext, useContext } from "react";
import { shell } from "../shell/strings";
import { functions } from "../gallery/strings";
import { setup } from "../setup/strings";
import { dashboard } from "../dashboard/strings";
import { importStrings } from "../import/strings";
import { home } from "../home/strings";
import { AreaCatalogue, Language } from "./types";

export type { Language } from "./types";

/** Every area's catalogue, by area name. */
export const catalogues = {
  shell,
  home,
  setup,
  functions,
  dashboard,
  import: importStrings,
} satisfies Record<string, AreaCatalogue<string>>;

type Catalogues = typeof catalogues;
/** All strings of one language, by area then key. */
export type Strings = { [A in keyof Catalogues]: Catalogues[A]["en"] };

/**
 * The strings of a language.
 *
 * @param language "en" or "ar"
 * @returns the strings by area
 * @example
 * stringsFor("ar").shell.appTitle; // "مؤشرات المبيعات"
 */
export function stringsFor(language: Language): Strings {
  const out: Record<string, Record<string, string>> = {};
  for (const [area, cat] of Object.entries(catalogues)) out[area] = cat[language];
  return out as Strings;
}

/**
 * Picks the add-in language from Office's display language ("ar-SA" → ar, else en).
 *
 * @param displayLanguage e.g. Office.context.displayLanguage
 * @returns the language to show
 * @example
 * languageFromLocale("ar-EG"); // "ar"
 */
export function languageFromLocale(displayLanguage: string | undefined | null): Language {
  return displayLanguage && displayLanguage.toLowerCase().startsWith("ar") ? "ar" : "en";
}

/** The current language and its strings, provided by the App. */
export interface LocaleContextValue {
  readonly language: Language;
  readonly strings: Strings;
  readonly setLanguage: (language: Language) => void;
}

export const LocaleContext = createContext<LocaleContextValue>({
  language: "en",
  strings: stringsFor("en"),
  setLanguage: () => undefined,
});

/**
 * The strings of the current language.
 *
 * @returns strings by area
 * @example
 * const s = useStrings(); s.shell.appTitle;
 */
export function useStrings(): Strings {
  return useContext(LocaleContext).strings;
}

/**
 * The current language and the setter for the language switch.
 *
 * @returns the locale context
 * @example
 * const { language, setLanguage } = useLocale();
 */
export function useLocale(): LocaleContextValue {
  return useContext(LocaleContext);
}
