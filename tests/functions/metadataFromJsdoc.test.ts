/**
 * functions.json is generated from the JSDoc by the build, never written by hand, and the public
 * API it describes (ids, parameter names and order, stored in users' workbooks) only grows by
 * optional parameters at the end.
 */
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { describeBuilt } from "../setup/builtFunctions";

const ROOT = path.join(__dirname, "..", "..");
const SALES = path.join(ROOT, "src", "functions", "sales");
/** The files the build reads, as webpack.config.js lists them. */
const FILES = fs
  .readdirSync(SALES)
  .filter((f) => f.endsWith(".ts"))
  .sort()
  .map((f) => path.join(SALES, f));

interface Meta {
  functions: {
    id: string;
    name: string;
    description?: string;
    parameters: { name: string; optional?: boolean; description?: string }[];
  }[];
}

/** The released API (round 4): a parameter marked `?` is optional. */
const RELEASED: Record<string, string[]> = {
  AVG_DEAL_SIZE: ["amounts", "stages", "won_labels?", "stage_table?"],
  CLV: ["avg_revenue", "gross_margin", "churn_rate"],
  COMPETITOR_WIN_RATE: ["competitors", "stages", "competitor", "amounts?", "stage_table?"],
  CONVERSION_RATE: ["values", "converted?", "base?"],
  FORECAST_CATEGORY: [
    "categories",
    "amounts",
    "close_dates",
    "rollup",
    "period?",
    "fiscal_year_start?",
    "owners?",
    "owner?",
    "stages?",
    "stage_categories?",
    "as_of?",
  ],
  FORECAST_SALES: ["history", "horizon?", "seasonality?", "confidence?", "timeline?"],
  FORECAST_SEASONALITY: ["history", "timeline?"],
  FUNNEL: ["stages", "stage_order", "stage_table?", "history?", "deal_ids?"],
  GROWTH: ["values", "lag?", "timeline?"],
  LEAD_RESPONSE_TIME: ["created", "first_contact", "statistic?", "unit?"],
  PERIOD_TOTALS: [
    "dates",
    "amounts",
    "period?",
    "from_date?",
    "to_date?",
    "stages?",
    "stage_table?",
    "fiscal_year_start?",
  ],
  PIPELINE_CHANGES: [
    "history",
    "stage_order",
    "period?",
    "fiscal_year_start?",
    "from_snapshot?",
    "to_snapshot?",
    "list?",
    "snapshots?",
    "owner?",
  ],
  PIPELINE_COVERAGE: ["open_pipeline", "quota", "closed_won?"],
  PIPELINE_VALUE: ["amounts", "stages", "close_dates?", "from_date?", "to_date?", "stage_table?"],
  PRICE_REALIZATION: ["net_prices", "list_prices", "quantities?"],
  QUOTA_ATTAINMENT: [
    "amounts",
    "stages",
    "close_dates",
    "quota",
    "from_date?",
    "to_date?",
    "stage_table?",
  ],
  SALES_CYCLE: ["created", "closed", "stages", "won_labels?", "stage_table?"],
  SALES_VELOCITY: ["open_deals", "win_rate", "avg_deal_size", "cycle_days"],
  STALE_DEALS: ["last_activity", "stages", "days?", "as_of?", "stage_table?"],
  STUCK_DEALS: ["history", "stage_order", "as_of?"],
  WEIGHTED_PIPELINE: ["amounts", "stages", "probabilities?", "stage_table?"],
  WIN_RATE: ["stages", "amounts?", "won_labels?", "lost_labels?", "stage_table?"],
};

describe("functions.json comes from the JSDoc", () => {
  let generated: Meta;
  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(FILES, false);
    expect(result.errors).toEqual([]);
    generated = JSON.parse(result.metadataJson) as Meta;
  }, 60_000);

  it("no functions.json is kept in the sources (only the Arabic translation table)", () => {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/^functions.*\.json$/.test(e.name)) found.push(path.relative(ROOT, p));
      }
    };
    walk(path.join(ROOT, "src"));
    expect(found).toEqual([]);
  });

  it("keeps every released id, parameter name and order; new parameters are optional and last", () => {
    const byId = new Map(generated.functions.map((f) => [f.id, f]));
    for (const [id, params] of Object.entries(RELEASED)) {
      const f = byId.get(id);
      expect(f).toBeDefined();
      const now = f!.parameters.map((p) => p.name + (p.optional ? "?" : ""));
      expect(now.slice(0, params.length)).toEqual(params);
      for (const extra of now.slice(params.length)) expect(extra.endsWith("?")).toBe(true);
    }
  });

  it("every function and parameter says what it is", () => {
    for (const f of generated.functions) {
      expect(`${f.id}: ${f.description ?? ""}`.length).toBeGreaterThan(f.id.length + 20);
      for (const p of f.parameters)
        expect(`${f.id}.${p.name}: ${(p.description ?? "").length > 10}`).toBe(
          `${f.id}.${p.name}: true`
        );
    }
  });

  describeBuilt("the built dist/functions.json", () => {
    it("is exactly what the JSDoc generates (no stale build, no hand edit)", () => {
      const dist = JSON.parse(
        fs.readFileSync(path.join(ROOT, "dist", "functions.json"), "utf8")
      ) as Meta;
      expect(dist).toEqual(generated);
    });
  });
});
