import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Language } from "../i18n";
import { FunctionInfo, LoadFunctions } from "./metadata";
import { exampleFormula, exampleIds } from "./examples";
import { filterFunctions } from "./search";
import { FormulaActions, InsertFormulaResult } from "../../workbook/insertFormula";

/** A function of the gallery with its ready formula. */
export interface GalleryFunction extends FunctionInfo {
  /** The example formula ("=SALES.…"), or null when none is known (then no Insert). */
  readonly formula: string | null;
}

/** Where the last Insert stands, for the function it was asked for. */
export type InsertState =
  | { readonly id: string; readonly kind: "busy" }
  | {
      readonly id: string;
      readonly kind: "done";
      readonly formula: string;
      readonly result: InsertFormulaResult;
    }
  | { readonly id: string; readonly kind: "failed"; readonly detail: string };

/** State and commands of the Functions section. */
export interface FunctionsState {
  readonly status: "loading" | "ready" | "error";
  /** Why loading failed (technical detail shown inside the localized message). */
  readonly error: string | null;
  /** Every function, in the order of the public API. */
  readonly functions: readonly GalleryFunction[];
  /** The functions matching the query. */
  readonly visible: readonly GalleryFunction[];
  readonly query: string;
  readonly setQuery: (query: string) => void;
  /** Loads the metadata again after a failure. */
  readonly reload: () => void;
  /** Writes a function's example formula into the selected cell. */
  readonly insert: (fn: GalleryFunction) => Promise<void>;
  readonly insertState: InsertState | null;
}

const ORDER = exampleIds();

function rank(id: string): number {
  const i = ORDER.indexOf(id);
  return i === -1 ? ORDER.length : i;
}

/**
 * Logic of the function gallery: loads the metadata of the current language (again when the
 * language changes), filters it by the search query, and inserts example formulas through the
 * injected workbook action.
 *
 * @param language the task pane language (picks functions.json or functions-ar.json)
 * @param load how to load the metadata
 * @param actions the workbook action that writes a formula
 * @returns the gallery state and commands
 * @example
 * const gallery = useFunctions(language, fetchFunctions, actions);
 */
export function useFunctions(
  language: Language,
  load: LoadFunctions,
  actions: FormulaActions
): FunctionsState {
  const [status, setStatus] = useState<FunctionsState["status"]>("loading");
  const [error, setError] = useState<string | null>(null);
  const [all, setAll] = useState<readonly GalleryFunction[]>([]);
  const [query, setQuery] = useState("");
  const [attempt, setAttempt] = useState(0);
  const [insertState, setInsertState] = useState<InsertState | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    let current = true; // a later language or retry supersedes this request
    setStatus("loading");
    setError(null);
    load(language).then(
      (list) => {
        if (!current) return;
        const gallery = list
          .map((f) => ({ ...f, formula: exampleFormula(f.id) }))
          .sort((a, b) => rank(a.id) - rank(b.id));
        setAll(gallery);
        setStatus("ready");
      },
      (e: unknown) => {
        if (!current) return;
        setError(e instanceof Error ? e.message : String(e));
        setStatus("error");
      }
    );
    return () => {
      current = false;
    };
  }, [language, load, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const insert = useCallback(
    async (fn: GalleryFunction) => {
      const formula = fn.formula;
      if (formula === null) return;
      setInsertState({ id: fn.id, kind: "busy" });
      try {
        const result = await actions.insertFormula(formula);
        if (mounted.current) setInsertState({ id: fn.id, kind: "done", formula, result });
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        if (mounted.current) setInsertState({ id: fn.id, kind: "failed", detail });
      }
    },
    [actions]
  );

  const visible = useMemo(
    () => filterFunctions(all, query) as readonly GalleryFunction[],
    [all, query]
  );

  return { status, error, functions: all, visible, query, setQuery, reload, insert, insertState };
}
