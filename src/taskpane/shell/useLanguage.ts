import { useCallback, useMemo, useState } from "react";
import { Language, LocaleContextValue, languageFromLocale, stringsFor } from "../i18n";

const STORAGE_KEY = "sales-addin.language";

function readStored(): Language | null {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === "en" || v === "ar" ? v : null;
  } catch {
    return null; // storage can be blocked in some Office webviews
  }
}

/**
 * The task pane language: the user's remembered choice, else Office's display language.
 *
 * @param displayLanguage Office.context.displayLanguage, when known
 * @returns the locale context value (language, strings, setter that remembers the choice)
 * @example
 * const locale = useLanguage(Office.context.displayLanguage);
 */
export function useLanguage(displayLanguage: string | null | undefined): LocaleContextValue {
  const [language, setState] = useState<Language>(
    () => readStored() ?? languageFromLocale(displayLanguage)
  );
  const setLanguage = useCallback((next: Language) => {
    setState(next);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered; the choice still applies for this session
    }
  }, []);
  return useMemo(
    () => ({ language, strings: stringsFor(language), setLanguage }),
    [language, setLanguage]
  );
}
