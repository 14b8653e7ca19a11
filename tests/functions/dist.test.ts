/**
 * Loads the built dist/functions.js with a stub CustomFunctions, so the registration that the
 * metadata plugin generated is what gets tested.
 */
import * as fs from "fs";
import * as path from "path";
import { describeBuilt, loadBuiltFunctions } from "../setup/builtFunctions";

const metadata = path.join(__dirname, "..", "..", "dist", "functions.json");
const maybe = describeBuilt;

maybe("dist/functions.js", () => {
  it("registers every function that functions.json declares", () => {
    const { registry } = loadBuiltFunctions();
    const { functions } = JSON.parse(fs.readFileSync(metadata, "utf8")) as {
      functions: { id: string }[];
    };
    expect([...registry.keys()].sort()).toEqual(functions.map((f) => f.id).sort());
  });

  it("computes WIN_RATE through the built bundle", () => {
    const { registry } = loadBuiltFunctions();
    const winRate = registry.get("WIN_RATE")!;
    expect(winRate([["Won"], ["Lost"], ["Won"], ["Demo"]], null, null, null)).toBeCloseTo(2 / 3);
  });
});

maybe("dist/functions.js: SALES KPI functions", () => {
  const call = (id: string, ...args: unknown[]) => {
    const { registry } = loadBuiltFunctions();
    const fn = registry.get(id);
    if (!fn) throw new Error(`${id} is not registered`);
    return fn(...args);
  };

  it("computes PIPELINE_VALUE and WEIGHTED_PIPELINE through the built bundle", () => {
    const amounts = [[100], [200], [300]];
    const stages = [["Demo"], ["Proposal"], ["Won"]];
    expect(call("PIPELINE_VALUE", amounts, stages, null, null, null)).toBe(300);
    expect(
      call("WEIGHTED_PIPELINE", amounts, stages, [
        ["Demo", 20],
        ["Proposal", 60],
      ])
    ).toBeCloseTo(140);
  });

  it("spills PERIOD_TOTALS and FUNNEL through the built bundle", () => {
    expect(
      call("PERIOD_TOTALS", [[46023], [46085]], [[1], [2]], "month", null, null, null)
    ).toEqual([
      [46023, 1],
      [46054, 0],
      [46082, 2],
    ]);
    expect(call("FUNNEL", [["Demo"], ["Won"]], "Demo, Won")).toEqual([
      ["Demo", 2, 1],
      ["Won", 1, 0.5],
    ]);
  });

  it("throws the bundle's CustomFunctions.Error with Excel's code", () => {
    let thrown: unknown;
    try {
      call("GROWTH", [[5], [0], [10]], null);
    } catch (e) {
      thrown = e;
    }
    expect((thrown as { code: string }).code).toBe("#DIV/0!");
    expect(() => call("CLV", 1000, 0.8, 0.05)).not.toThrow();
  });
});
