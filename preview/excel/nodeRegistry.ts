/**
 * Node-only: builds the SALES.* registry from the shipped sources, so jest runs the same code
 * the add-in ships. custom-functions-metadata reads the JSDoc of src/functions/sales/*.ts (as
 * the webpack plugin does) and says which exported function implements which id.
 */
import * as fs from "fs";
import * as path from "path";
import { CustomFunctionImpl, CustomFunctionMeta, CustomFunctionRegistry } from "./customFunctions";

const SALES_DIR = path.join(__dirname, "..", "..", "src", "functions", "sales");

let cached: CustomFunctionRegistry | null = null;

/**
 * Reads the JSDoc of every file in src/functions/sales and requires the modules. Synchronous,
 * so `createStandIn()` can be: it uses custom-functions-metadata's `parseTree`, the per-file
 * step of `generateCustomFunctionsMetadata` (which is only async by signature), so ids, names
 * and parameter shapes are exactly what the build writes to functions.json. Cached per process.
 *
 * @param dir the folder of custom-function adapters (default src/functions/sales)
 * @returns the registry with namespace "SALES"
 * @example
 * const standIn = createStandIn({ customFunctions: salesRegistry() });
 */
export function salesRegistry(dir: string = SALES_DIR): CustomFunctionRegistry {
  if (cached && dir === SALES_DIR) return cached;
  const result = build(dir);
  if (dir === SALES_DIR) cached = result;
  return result;
}

interface ParseTreeResult {
  functions: CustomFunctionMeta[];
  associate: { sourceFileName: string; functionName: string; id: string }[];
  extras: { errors: string[] }[];
}

function build(dir: string): CustomFunctionRegistry {
  const { parseTree } = require("custom-functions-metadata/lib/parseTree") as {
    parseTree(sourceCode: string, sourceFileName: string): ParseTreeResult;
  };
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((f) => path.join(dir, f));
  const functions: CustomFunctionMeta[] = [];
  const impls = new Map<string, CustomFunctionImpl>();
  for (const file of files) {
    const parsed = parseTree(fs.readFileSync(file, "utf8"), file);
    const errors = parsed.extras.flatMap((e) => e.errors);
    if (errors.length)
      throw new Error(`custom-functions-metadata errors in ${file}:\n${errors.join("\n")}`);
    functions.push(...parsed.functions);

    const mod = require(file) as Record<string, unknown>;
    for (const a of parsed.associate) {
      const fn = mod[a.functionName];
      if (typeof fn !== "function")
        throw new Error(`${file} does not export ${a.functionName} (id ${a.id})`);
      impls.set(a.id.toUpperCase(), fn as CustomFunctionImpl);
    }
  }
  return {
    namespace: "SALES",
    functions,
    implementation: (id) => impls.get(id.toUpperCase()),
  };
}
