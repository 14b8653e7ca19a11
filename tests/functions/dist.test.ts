/**
 * Loads the built dist/functions.js with a stub CustomFunctions, so the registration that the
 * metadata plugin generated is what gets tested.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { installCustomFunctionsStub } from "../setup/customFunctionsStub";

const bundle = path.join(__dirname, "..", "..", "dist", "functions.js");
const metadata = path.join(__dirname, "..", "..", "dist", "functions.json");
const maybe = fs.existsSync(bundle) ? describe : describe.skip;

/**
 * Runs the built bundle in a fresh context and returns what it registered.
 *
 * @returns the registry and the error constructor of that context
 */
export function loadBuiltFunctions() {
  const sandbox: Record<string, unknown> = { console };
  const registry = installCustomFunctionsStub(sandbox);
  vm.runInNewContext(fs.readFileSync(bundle, "utf8"), sandbox);
  return { registry, sandbox };
}

maybe("dist/functions.js", () => {
  it("registers every function that functions.json declares", () => {
    const { registry } = loadBuiltFunctions();
    const { functions } = JSON.parse(fs.readFileSync(metadata, "utf8")) as { functions: { id: string }[] };
    expect([...registry.keys()].sort()).toEqual(functions.map((f) => f.id).sort());
  });

  it("computes WIN_RATE through the built bundle", () => {
    const { registry } = loadBuiltFunctions();
    const winRate = registry.get("WIN_RATE")!;
    expect(winRate([["Won"], ["Lost"], ["Won"], ["Demo"]], null, null, null)).toBeCloseTo(2 / 3);
  });
});
