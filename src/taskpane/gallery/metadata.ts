/**
 * The custom-function metadata the gallery shows, read at run time from the files the build
 * generates (`functions.json`, and `functions-ar.json` for Arabic) so the gallery can never
 * disagree with what Excel shows in autocomplete.
 */
import { Language } from "../i18n";

/** One parameter of a custom function, as the metadata describes it. */
export interface FunctionParameter {
  readonly name: string;
  readonly description: string;
  readonly optional: boolean;
  /** "matrix" for ranges, "scalar" for single values. */
  readonly dimensionality: string;
}

/** One SALES.* function, as the metadata describes it. */
export interface FunctionInfo {
  readonly id: string;
  /** The name users type after the namespace (same in every language). */
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly FunctionParameter[];
  /** "matrix" when the result spills. */
  readonly resultDimensionality: string;
}

/** Loads the function list for a language (injected so tests and the preview can supply theirs). */
export type LoadFunctions = (language: Language) => Promise<readonly FunctionInfo[]>;

/** The metadata file of each language, relative to taskpane.html. */
export const METADATA_FILES: Readonly<Record<Language, string>> = {
  en: "functions.json",
  ar: "functions-ar.json",
};

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/**
 * Reads the `functions` array of a functions.json document, keeping only what the gallery needs
 * and rejecting a document that is not custom-function metadata.
 *
 * @param json the parsed functions.json
 * @returns the functions, in file order
 * @throws Error when `json.functions` is not an array of objects with an id
 * @example
 * parseFunctionMetadata({ functions: [{ id: "GROWTH", name: "GROWTH", parameters: [] }] })[0].id; // "GROWTH"
 */
export function parseFunctionMetadata(json: unknown): FunctionInfo[] {
  const functions = (json as { functions?: unknown } | null)?.functions;
  if (!Array.isArray(functions)) throw new Error("no functions array in the metadata");
  return functions.map((raw: unknown): FunctionInfo => {
    const f = raw as Record<string, unknown>;
    if (!f || typeof f.id !== "string") throw new Error("a function in the metadata has no id");
    const params = Array.isArray(f.parameters) ? (f.parameters as Record<string, unknown>[]) : [];
    const result = (f.result ?? {}) as Record<string, unknown>;
    return {
      id: f.id,
      name: text(f.name) || f.id,
      description: text(f.description),
      parameters: params.map((p) => ({
        name: text(p.name),
        description: text(p.description),
        optional: p.optional === true,
        dimensionality: text(p.dimensionality) || "scalar",
      })),
      resultDimensionality: text(result.dimensionality) || "scalar",
    };
  });
}

/**
 * Fetches the metadata of a language from beside the task pane page.
 *
 * @param language the gallery language
 * @param base the page URL the files are relative to (document.baseURI by default)
 * @returns the functions
 * @throws Error with the HTTP status when the file cannot be fetched
 * @example
 * const functions = await fetchFunctions("ar"); // reads functions-ar.json
 */
export async function fetchFunctions(
  language: Language,
  base: string = document.baseURI
): Promise<FunctionInfo[]> {
  const url = new URL(METADATA_FILES[language], base).toString();
  const response = await fetch(url, { cache: "no-cache" });
  if (!response.ok) throw new Error(`${METADATA_FILES[language]}: HTTP ${response.status}`);
  return parseFunctionMetadata(await response.json());
}
