/**
 * The gallery's data: an example formula for every function Excel registers, whose arguments
 * fit the function's parameters and whose structured references exist in the schema; metadata
 * parsing; search that forgives Arabic spelling variants.
 */
import * as fs from "fs";
import * as path from "path";
import { exampleFormula, exampleIds, ref, span } from "../../src/taskpane/gallery/examples";
import { parseFunctionMetadata, FunctionInfo } from "../../src/taskpane/gallery/metadata";
import { filterFunctions, normalizeSearchText } from "../../src/taskpane/gallery/search";
import { ALL_TABLES, DEALS, STAGES } from "../../src/model/schema";

const root = path.join(__dirname, "..", "..");
const built = path.join(root, "dist", "functions.json");
const table = JSON.parse(
  fs.readFileSync(path.join(root, "src/functions/i18n/ar.json"), "utf8")
) as Record<string, { parameters: Record<string, string> }>;

/** Top-level arguments of the outermost call in a formula, e.g. "=F(a, G(b, c), )" → ["a", "G(b, c)", ""]. */
function topLevelArgs(formula: string): string[] {
  const open = formula.indexOf("(");
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const ch of formula.slice(open + 1, formula.lastIndexOf(")"))) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === "(" || ch === "{" || ch === "[")) depth++;
    if (!quoted && (ch === ")" || ch === "}" || ch === "]")) depth--;
    if (!quoted && depth === 0 && ch === ",") {
      args.push(current.trim());
      current = "";
    } else current += ch;
  }
  args.push(current.trim());
  return args;
}

describe("example formulas", () => {
  const builtIds: string[] = fs.existsSync(built)
    ? JSON.parse(fs.readFileSync(built, "utf8")).functions.map((f: { id: string }) => f.id)
    : [];
  if (builtIds.length === 0) console.warn("dist/functions.json missing: run `npm run build` first");

  it("exist for every function in the built functions.json", () => {
    const missing = builtIds.filter((id) => exampleFormula(id) === null);
    expect(missing).toEqual([]);
  });

  it("exist for every function of the public API (the Arabic table lists them all)", () => {
    expect(Object.keys(table).filter((id) => exampleFormula(id) === null)).toEqual([]);
    expect(exampleIds().filter((id) => !(id in table))).toEqual([]);
  });

  it("call their own function with no more arguments than it has, all required ones given", () => {
    for (const id of exampleIds()) {
      const formula = exampleFormula(id)!;
      expect(formula.startsWith(`=SALES.${id}(`)).toBe(true);
      const args = topLevelArgs(formula);
      const params = Object.keys(table[id].parameters);
      expect({ id, fits: args.length <= params.length }).toEqual({ id, fits: true });
      // Required parameters come first; an example never leaves one of them empty.
      const optional = fs.existsSync(built)
        ? JSON.parse(fs.readFileSync(built, "utf8")).functions.find(
            (f: { id: string }) => f.id === id
          )
        : undefined;
      if (optional) {
        const required = (optional.parameters as { optional?: boolean }[]).filter(
          (p) => !p.optional
        ).length;
        expect({
          id,
          given: args.slice(0, required).every((a) => a !== "") && args.length >= required,
        }).toEqual({
          id,
          given: true,
        });
      }
    }
  });

  it("refer only to tables and columns of the schema", () => {
    for (const id of exampleIds()) {
      const formula = exampleFormula(id)!.replace(/"[^"]*"/g, '""');
      for (const m of formula.matchAll(/([A-Za-z_]\w*)\[(\[?[^\]]+\]?(?::\[[^\]]+\])?)\]/g)) {
        const spec = ALL_TABLES.find((t) => t.name === m[1]);
        expect({ id, table: m[1], known: Boolean(spec) }).toEqual({ id, table: m[1], known: true });
        // Special items (History[#All]) name parts of a table, not columns.
        const cols = m[2]
          .replace(/^\[|\]$/g, "")
          .split(/\]:\[/)
          .filter((c) => !c.startsWith("#"));
        for (const col of cols) {
          expect({ id, col, known: spec!.columns.some((c) => c.name === col) }).toEqual({
            id,
            col,
            known: true,
          });
        }
      }
    }
  });

  it("build references from the schema and refuse unknown columns", () => {
    expect(ref(DEALS, "Closed Date")).toBe("Deals[Closed Date]");
    expect(span(STAGES, "Stage", "Probability")).toBe("Stages[[Stage]:[Probability]]");
    expect(() => ref(DEALS, "Close Date")).toThrow(/Deals has no column "Close Date"/);
  });

  // Issue 12: examples pass the Stages table last, so Insert gives the dashboard's figure.
  it("give WIN_RATE and PIPELINE_VALUE the formulas of the issue, judged by the Stages table", () => {
    expect(exampleFormula("WIN_RATE")).toBe("=SALES.WIN_RATE(Deals[Stage], , , , Stages[#All])");
    expect(exampleFormula("PIPELINE_VALUE")).toBe(
      "=SALES.PIPELINE_VALUE(Deals[Amount], Deals[Stage], , , , Stages[#All])"
    );
    expect(exampleFormula("WEIGHTED_PIPELINE")).toBe(
      "=SALES.WEIGHTED_PIPELINE(Deals[Amount], Deals[Stage], , Stages[#All])"
    );
    expect(exampleFormula("NO_SUCH")).toBeNull();
  });
});

describe("parseFunctionMetadata", () => {
  it("keeps ids, descriptions, parameters, optionality and spilling", () => {
    const [f] = parseFunctionMetadata({
      functions: [
        {
          id: "FUNNEL",
          name: "FUNNEL",
          description: "Funnel.",
          parameters: [
            { name: "stages", description: "S.", dimensionality: "matrix", type: "any" },
            { name: "x", optional: true },
          ],
          result: { dimensionality: "matrix" },
        },
      ],
    });
    expect(f).toEqual({
      id: "FUNNEL",
      name: "FUNNEL",
      description: "Funnel.",
      parameters: [
        { name: "stages", description: "S.", optional: false, dimensionality: "matrix" },
        { name: "x", description: "", optional: true, dimensionality: "scalar" },
      ],
      resultDimensionality: "matrix",
    });
  });

  it("rejects a document that is not function metadata", () => {
    expect(() => parseFunctionMetadata({})).toThrow(/no functions array/);
    expect(() => parseFunctionMetadata(null)).toThrow(/no functions array/);
    expect(() => parseFunctionMetadata({ functions: [{ name: "X" }] })).toThrow(/no id/);
  });

  const maybe = fs.existsSync(built) ? it : it.skip;
  maybe("reads the built functions.json and functions-ar.json", () => {
    const en = parseFunctionMetadata(JSON.parse(fs.readFileSync(built, "utf8")));
    const ar = parseFunctionMetadata(
      JSON.parse(fs.readFileSync(path.join(root, "dist", "functions-ar.json"), "utf8"))
    );
    expect(ar.map((f) => f.id)).toEqual(en.map((f) => f.id));
    expect(en.find((f) => f.id === "FUNNEL")?.resultDimensionality).toBe("matrix");
  });
});

describe("search", () => {
  const fns: FunctionInfo[] = [
    {
      id: "WIN_RATE",
      name: "WIN_RATE",
      description: "نسبة الفوز: الصفقات الرابحة",
      parameters: [],
      resultDimensionality: "scalar",
    },
    {
      id: "CLV",
      name: "CLV",
      description: "القيمة الدائمة للعميل",
      parameters: [
        {
          name: "churn_rate",
          description: "معدل فقدان العملاء",
          optional: false,
          dimensionality: "scalar",
        },
      ],
      resultDimensionality: "scalar",
    },
  ];

  it("normalizes ids, case and Arabic letter variants", () => {
    expect(normalizeSearchText("SALES.WIN_RATE")).toBe("sales win rate");
    expect(normalizeSearchText("نِسْبَة  الفَوْز")).toBe("نسبه الفوز");
    expect(normalizeSearchText("إجمالي")).toBe("اجمالي");
  });

  it("matches every word, anywhere, in any order", () => {
    expect(filterFunctions(fns, "rate win").map((f) => f.id)).toEqual(["WIN_RATE"]);
    expect(filterFunctions(fns, "sales.clv").map((f) => f.id)).toEqual(["CLV"]);
    expect(filterFunctions(fns, "churn").map((f) => f.id)).toEqual(["CLV"]);
    expect(filterFunctions(fns, "نسبه").map((f) => f.id)).toEqual(["WIN_RATE"]);
    expect(filterFunctions(fns, "rate").map((f) => f.id)).toEqual(["WIN_RATE", "CLV"]);
    expect(filterFunctions(fns, "  ")).toBe(fns);
    expect(filterFunctions(fns, "forecast")).toEqual([]);
  });
});

describe("search ranking", () => {
  const fn = (id: string, description: string, param = ""): FunctionInfo => ({
    id,
    name: id,
    description,
    parameters: [{ name: "x", description: param, optional: false, dimensionality: "matrix" }],
    resultDimensionality: "scalar",
  });
  const fns = [
    fn("PIPELINE_COVERAGE", "Open pipeline ÷ quota.", "e.g. SALES.PIPELINE_VALUE(...)"),
    fn("WEIGHTED_PIPELINE", "Amount × probability: a weighted pipeline value."),
    fn("PIPELINE_VALUE", "Total amount of open deals."),
  ];

  it("puts name matches first, then description matches, then parameter matches", () => {
    expect(filterFunctions(fns, "pipeline value").map((f) => f.id)).toEqual([
      "PIPELINE_VALUE",
      "WEIGHTED_PIPELINE",
      "PIPELINE_COVERAGE",
    ]);
    expect(filterFunctions(fns, "pipeline").map((f) => f.id)).toEqual([
      "PIPELINE_COVERAGE",
      "WEIGHTED_PIPELINE",
      "PIPELINE_VALUE",
    ]);
  });
});
