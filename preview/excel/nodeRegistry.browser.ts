/**
 * Browser build of nodeRegistry: the sources are not readable in a page, so the preview passes
 * `registryFromMappings(...)` over what dist/functions.js registered instead.
 */
import { CustomFunctionRegistry } from "./customFunctions";

/**
 * Not available in the browser.
 *
 * @returns never
 */
export function salesRegistry(): CustomFunctionRegistry {
  throw new Error(
    "salesRegistry() reads src/ and runs in Node only; pass customFunctions in the browser"
  );
}
