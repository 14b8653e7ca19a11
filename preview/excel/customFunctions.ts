/**
 * The custom functions the stand-in's formula engine runs: their metadata (ids, names,
 * parameter shapes, as custom-functions-metadata generates them from the JSDoc) and a lookup of
 * the shipped implementation by id. In jest the implementations come from the modules under
 * src/functions/sales (see nodeRegistry.ts); in the browser from what dist/functions.js
 * registered with `CustomFunctions.associate`.
 */

/** One parameter, as functions.json describes it. */
export interface CustomFunctionParameter {
  readonly name: string;
  readonly dimensionality?: "scalar" | "matrix";
  readonly optional?: boolean;
  readonly repeating?: boolean;
  readonly type?: string;
}

/** One function, as functions.json describes it. */
export interface CustomFunctionMeta {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly parameters: readonly CustomFunctionParameter[];
  readonly result?: { readonly dimensionality?: "scalar" | "matrix"; readonly type?: string };
}

/** A custom function implementation, called with arguments as Excel passes them. */
export type CustomFunctionImpl = (...args: unknown[]) => unknown;

/** What the formula engine needs: the namespace, the metadata, and the code by id. */
export interface CustomFunctionRegistry {
  /** The namespace that prefixes every name in formulas, e.g. "SALES". */
  readonly namespace: string;
  readonly functions: readonly CustomFunctionMeta[];
  /** The implementation of an id, or undefined while it is not (yet) registered. */
  implementation(id: string): CustomFunctionImpl | undefined;
}

/**
 * A registry over a functions.json document and a map of implementations (office.js's
 * `CustomFunctions._association.m_mappings` in the browser), looked up lazily so that
 * registrations made after the engine starts are found.
 *
 * @param namespace the namespace, e.g. "SALES"
 * @param metadata the parsed functions.json
 * @param mappings returns the current id → function map
 * @returns the registry
 * @example
 * registryFromMappings("SALES", json, () => window.CustomFunctions._association.m_mappings);
 */
export function registryFromMappings(
  namespace: string,
  metadata: { functions: readonly CustomFunctionMeta[] },
  mappings: () => Record<string, CustomFunctionImpl | undefined> | undefined
): CustomFunctionRegistry {
  return {
    namespace,
    functions: metadata.functions,
    implementation(id: string) {
      const all = mappings();
      if (!all) return undefined;
      return all[id] ?? all[id.toUpperCase()] ?? all[id.toLowerCase()];
    },
  };
}
