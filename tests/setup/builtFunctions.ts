/**
 * Loads the built dist/functions.js the way Excel does: the bundle runs in a fresh context with a
 * `CustomFunctions` global and registers its functions through `associate`.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { installCustomFunctionsStub } from "./customFunctionsStub";

/** Where `npm run build` writes the custom functions bundle. */
export const BUNDLE = path.join(__dirname, "..", "..", "dist", "functions.js");

/** `describe`, or `describe.skip` outside CI when nothing has been built yet. */
export const describeBuilt: jest.Describe =
  fs.existsSync(BUNDLE) || process.env.CI ? describe : describe.skip;

/**
 * Runs the built bundle in a fresh context and returns what it registered.
 *
 * @param displayLanguage Office's display language in that context (omitted: no Office global)
 * @returns the registry and the context's globals
 * @example
 * const { registry } = loadBuiltFunctions();
 * registry.get("WIN_RATE")!([["Won"], ["Lost"]]); // 0.5
 */
export function loadBuiltFunctions(displayLanguage?: string) {
  const sandbox: Record<string, unknown> = { console };
  const registry = installCustomFunctionsStub(sandbox);
  if (displayLanguage) sandbox.Office = { context: { displayLanguage } };
  vm.runInNewContext(fs.readFileSync(BUNDLE, "utf8"), sandbox);
  return { registry, sandbox };
}

/** What a cell shows: a value, or an error code with its message. */
export type Shown = unknown;

/**
 * A caller of the built functions by id that returns what the cell shows: the value, or
 * `{ error, message }` for a thrown CustomFunctions.Error (any other exception fails the test).
 *
 * @param displayLanguage as for loadBuiltFunctions
 * @returns call(id, ...args)
 * @example
 * const call = builtCaller();
 * call("GROWTH", [[0], [10]], null); // { error: "#DIV/0!", message: "" }
 */
export function builtCaller(displayLanguage?: string): (id: string, ...args: unknown[]) => Shown {
  const { registry } = loadBuiltFunctions(displayLanguage);
  return (id, ...args) => {
    const fn = registry.get(id);
    if (!fn) throw new Error(`${id} is not registered`);
    try {
      return fn(...args);
    } catch (e) {
      const err = e as { name?: string; code?: string; message?: string };
      if (err.name === "CustomFunctions.Error") return { error: err.code, message: err.message };
      throw new Error(`not a CustomFunctions.Error: ${String(e)}`);
    }
  };
}
