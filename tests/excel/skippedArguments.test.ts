/**
 * An argument left empty between commas (`=NS.F(A1:A2,,B1)`) reaches a custom function as null,
 * as Excel documents for an optional parameter given no value ("Custom functions parameter
 * options": Excel assigns null), whether the parameter takes a range or one value. An empty
 * cell given by reference is a value, not a skipped argument.
 */
import { createStandIn, StandIn } from "../../preview/excel";
import { CustomFunctionRegistry } from "../../preview/excel/customFunctions";

const seen: unknown[][] = [];
const registry: CustomFunctionRegistry = {
  namespace: "T",
  functions: [
    {
      id: "ARGS",
      name: "ARGS",
      parameters: [
        { name: "a", dimensionality: "matrix" },
        { name: "b", dimensionality: "matrix", optional: true },
        { name: "c", optional: true },
        { name: "d", dimensionality: "matrix", optional: true },
      ],
      result: { dimensionality: "scalar" },
    },
  ],
  implementation:
    () =>
    (...args: unknown[]) => {
      seen.push(args);
      return args.length;
    },
};

describe("skipped arguments reach custom functions as null", () => {
  let s: StandIn;
  beforeAll(() => {
    s = createStandIn({ customFunctions: registry });
    s.setValues("Sheet1", "A1:B2", [
      [1, "x"],
      [2, ""],
    ]);
  });
  const args = (formula: string): unknown[] => {
    seen.length = 0;
    s.setFormula("Sheet1", "D1", formula);
    expect(s.getValue("Sheet1", "D1")).toBe(4);
    return seen[seen.length - 1];
  };

  it("passes null for a skipped range or scalar parameter, and for omitted trailing ones", () => {
    expect(args("=T.ARGS(A1:A2,,,B1)")).toEqual([[[1], [2]], null, null, [["x"]]]);
    expect(args("=T.ARGS(A1:A2)")).toEqual([[[1], [2]], null, null, null]);
  });

  it("still passes an empty cell given by reference as a value", () => {
    const [, b] = args("=T.ARGS(A1:A2,B2)");
    expect(b).not.toBeNull();
    expect(Array.isArray(b)).toBe(true);
  });
});
