import { spawnSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";

/**
 * The layering rules in eslint.config.mjs, proven: fixture files with upward imports are linted
 * through ESLint's Node API as if they lived in src/, with the project's own config. ESLint loads
 * that config as an ES module, which Jest's module sandbox cannot, so the lint runs in one child
 * Node process for all fixtures.
 */
const ROOT = join(__dirname, "..", "..");
const FIXTURES = join(ROOT, "tests", "fixtures", "layering");

/** Fixture → the src/ path it is linted as (its first line says the same). */
const CASES: Record<string, string> = {
  "engine-imports-workbook.ts": "src/engine/fixture.ts",
  "engine-imports-taskpane.ts": "src/engine/metrics/fixture.ts",
  "model-imports-engine.ts": "src/model/fixture.ts",
  "functions-imports-workbook.ts": "src/functions/sales/fixture.ts",
  "workbook-imports-taskpane.ts": "src/workbook/dashboard/fixture.ts",
  "engine-imports-model.ts": "src/engine/csv/fixture.ts",
  "workbook-imports-down.ts": "src/workbook/fixture.ts",
};

type Found = Record<string, { rule: string | null; message: string }[]>;

function lintAll(): Found {
  const inputs = Object.entries(CASES).map(([file, filePath]) => ({
    file,
    filePath,
    code: readFileSync(join(FIXTURES, file), "utf8"),
  }));
  const script = `
    const { ESLint } = await import("eslint");
    const inputs = JSON.parse(process.env.LAYERING_INPUTS);
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = {};
    for (const { file, filePath, code } of inputs) {
      const [result] = await eslint.lintText(code, { filePath });
      out[file] = result.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: ROOT,
    env: { ...process.env, LAYERING_INPUTS: JSON.stringify(inputs) },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`eslint failed to run: ${run.stderr}`);
  return JSON.parse(run.stdout) as Found;
}

describe("layering lint rules", () => {
  let found: Found;
  beforeAll(() => {
    found = lintAll();
  });

  const restricted = (file: string): string[] =>
    found[file].filter((m) => m.rule === "no-restricted-imports").map((m) => m.message);

  it.each([
    ["engine-imports-workbook.ts", "src/engine imports only src/model"],
    ["engine-imports-taskpane.ts", "src/engine imports only src/model"],
    ["model-imports-engine.ts", "src/model is pure names"],
    ["functions-imports-workbook.ts", "src/functions imports only src/engine and src/model"],
    ["workbook-imports-taskpane.ts", "src/workbook does not import the task pane"],
  ])("fails lint on the upward import in %s", (file, message) => {
    expect(restricted(file)).toEqual([expect.stringContaining(message)]);
  });

  it.each(["engine-imports-model.ts", "workbook-imports-down.ts"])(
    "lets %s import downwards",
    (file) => {
      expect(found[file]).toEqual([]);
    }
  );
});
