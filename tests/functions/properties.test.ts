/**
 * Property tests over every SALES custom function, discovered from src/functions/sales so a new
 * function is covered without touching this file: whatever Excel can pass (numbers, text,
 * blanks, booleans, huge and tiny values, mismatched shapes), a function either returns finite
 * numbers / text / error cells, or throws a CustomFunctions.Error. Never NaN, Infinity,
 * undefined, null or a JS exception. Every run is repeated with blanks as Excel desktop passes
 * them (0 instead of null or ""), and a thrown error must explain itself: #VALUE! and #N/A carry
 * a message, #NUM! appears only when some input is huge or tiny enough to overflow (issue 15),
 * #DIV/0! only for an empty denominator.
 */
import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { CustomFunctionsError } from "../setup/customFunctionsStub";

const dir = path.join(__dirname, "..", "..", "src", "functions", "sales");

type Fn = (...args: unknown[]) => unknown;

/** A parameter as declared: its name and whether it is a range (`any[][]`). */
interface Param {
  name: string;
  range: boolean;
}

/** Every custom function: id from its JSDoc tag, implementation from the module's exports. */
function discover(): { id: string; fn: Fn; params: Param[] }[] {
  const found: { id: string; fn: Fn; params: Param[] }[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort()) {
    const source = fs.readFileSync(path.join(dir, file), "utf8");

    const mod = require(path.join(dir, file)) as Record<string, unknown>;
    const tagged = [
      ...source.matchAll(
        /@customfunction\s+([A-Z0-9_.]+)[\s\S]*?export function (\w+)\s*\(([^)]*)\)/g
      ),
    ];
    if (tagged.length === 0) throw new Error(`${file} declares no custom function`);
    for (const [, id, name, signature] of tagged) {
      const fn = mod[name];
      if (typeof fn !== "function") throw new Error(`${file}: ${name} is not exported`);
      const params = signature
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => ({ name: p.split(/[?:]/)[0].trim(), range: /\[\]\s*\[\]/.test(p) }));
      found.push({ id, fn: fn as Fn, params });
    }
  }
  return found;
}

const functions = discover();

const meaningful = fc.constantFrom(
  "Won",
  "Lost",
  "Closed Won",
  "closed_lost",
  "Closed Lost to Competition",
  "Demo",
  "Proposal",
  "yes",
  "no",
  "TRUE",
  "month",
  "week",
  "day",
  "quarter",
  "year",
  "mean",
  "p90",
  "minutes",
  "days",
  "2026-03-01",
  "2026-03-01 14:30",
  "2026-02-30",
  "1,200.50",
  "$1,200",
  " 1200 ",
  "12%",
  "(300)",
  "Acme; Globex",
  "abc",
  "  "
);
const special = fc.constantFrom(
  0,
  1,
  -1,
  0.5,
  12,
  46023,
  46023.75,
  2958465,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  1e-300
);
const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.integer({ min: -1000, max: 50000 }),
  special,
  fc.boolean(),
  fc.constant(null),
  fc.constant(""),
  fc.string({ maxLength: 8 }),
  meaningful
);
const column = (cells: unknown[]) => cells.map((c) => [c]);

const numberCell = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 100 }) },
  { weight: 1, arbitrary: special },
  { weight: 1, arbitrary: fc.constantFrom(null, "", "1,200.50", "$1,200", "12%", "(300)") }
);
const dateCell = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: 45000, max: 47000, noNaN: true }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(null, "", 0, "2026-03-01", "2026-03-01 14:30", 1, 2958465),
  }
);
// Close and contact dates fall after creation dates, so pairs of date columns are usually valid.
const laterDateCell = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: 47000, max: 48000, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(null, "", 0, "2030-03-01 14:30") }
);
const optionCell = fc.constantFrom(
  null,
  "month",
  "week",
  "day",
  "quarter",
  "year",
  "mean",
  "median",
  "p90",
  "hours",
  "minutes",
  "days",
  "x"
);
const labelCell = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "Won",
      "Lost",
      "Closed Won",
      "Closed Lost to Competition",
      "Demo",
      "Proposal",
      "Acme; Globex",
      "Acme"
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(null, "", 0, true, false, 1, "yes", "no") }
);

/** The kind of cell a parameter expects, guessed from its name (unknown names get anything). */
function cellsFor(name: string): fc.Arbitrary<unknown> {
  let typed: fc.Arbitrary<unknown> = anyCell;
  if (/closed|contact/.test(name)) typed = laterDateCell;
  else if (/date|created|activity|as_of/.test(name)) typed = dateCell;
  else if (/statistic|unit|period|method/.test(name)) typed = optionCell;
  else if (/stage|competitor|label|converted|base|order/.test(name)) typed = labelCell;
  else if (
    /amount|price|quantit|quota|probab|rate|days|lag|revenue|margin|deals|size|pipeline|won|values|horizon|season/.test(
      name
    )
  )
    typed = numberCell;
  return fc.oneof({ weight: 30, arbitrary: typed }, { weight: 1, arbitrary: anyCell });
}

/** One argument: usually the declared shape with plausible cells, sometimes anything at all. */
const argument = (param: Param, rows: number): fc.Arbitrary<unknown> => {
  const cells = cellsFor(param.name);
  const plausible = param.range
    ? fc.oneof(
        { weight: 8, arbitrary: fc.array(cells, { minLength: rows, maxLength: rows }).map(column) },
        {
          weight: 1,
          arbitrary: fc
            .array(fc.tuple(labelCell, numberCell), { maxLength: 6 })
            .map((r) => r.map((x) => [...x])),
        },
        { weight: 1, arbitrary: fc.array(cells, { maxLength: 8 }).map(column) }
      )
    : fc.oneof({ weight: 4, arbitrary: cells }, { weight: 1, arbitrary: cells.map((c) => [[c]]) });
  const wild = fc.oneof(
    fc.array(anyCell, { minLength: rows, maxLength: rows }).map(column),
    fc.array(fc.tuple(anyCell, anyCell), { maxLength: 6 }).map((r) => r.map((x) => [...x])),
    anyCell
  );
  return fc.oneof(
    { weight: 6, arbitrary: plausible },
    { weight: 1, arbitrary: wild },
    { weight: 1, arbitrary: fc.constant(null) }
  );
};

/** Why a value may not reach a cell, or null when it may. */
function badCell(v: unknown): string | null {
  if (v instanceof CustomFunctionsError) return null;
  if (typeof v === "number") return Number.isFinite(v) ? null : `non-finite ${v}`;
  if (typeof v === "string" || typeof v === "boolean") return null;
  return `unexpected ${v === null ? "null" : typeof v}`;
}

/** Every number anywhere in the arguments. */
function numbersIn(x: unknown, out: number[] = []): number[] {
  if (typeof x === "number") out.push(x);
  else if (Array.isArray(x)) for (const y of x) numbersIn(y, out);
  return out;
}

/** Whether a number can make a result overflow (or a division by it overflow). */
const extreme = (x: number): boolean => Math.abs(x) > 1e100 || (x !== 0 && Math.abs(x) < 1e-100);

/** Why a thrown error does not explain itself, or null when it does. */
function badError(e: CustomFunctionsError, args: unknown[]): string | null {
  if ((e.code === "#VALUE!" || e.code === "#N/A") && e.message.trim() === "")
    return `${e.code} without a message`;
  if (e.code === "#NUM!" && !numbersIn(args).some(extreme))
    return "#NUM! for an argument problem (only overflow may be #NUM!)";
  return null;
}

/** The arguments as Excel desktop passes them: every blank cell inside a range is 0. */
function desktop(args: unknown[]): unknown[] {
  const blank = (c: unknown) => (c === null || c === "" ? 0 : c);
  return args.map((a) =>
    Array.isArray(a) ? a.map((row) => (Array.isArray(row) ? row.map(blank) : blank(row))) : a
  );
}

function badResult(r: unknown): string | null {
  if (!Array.isArray(r)) return badCell(r);
  if (r.length === 0) return "empty array";
  for (const row of r) {
    if (!Array.isArray(row) || row.length === 0) return "spilled row is not a non-empty array";
    for (const v of row) {
      const why = badCell(v);
      if (why) return why;
    }
  }
  return null;
}

describe("every SALES function", () => {
  it("is discovered from src/functions/sales", () => {
    const ids = functions.map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining(["WIN_RATE", "PERIOD_TOTALS", "FUNNEL", "CLV", "STALE_DEALS"])
    );
    expect(ids.length).toBeGreaterThanOrEqual(17);
    for (const f of functions) expect(f.params.length).toBe(f.fn.length);
  });

  it.each(functions.map((f) => [f.id, f.fn, f.params] as const))(
    "%s returns finite values or throws CustomFunctions.Error on any input",
    (_id, fn, params) => {
      fc.assert(
        fc.property(
          fc
            .integer({ min: 0, max: 12 })
            .chain((rows) => fc.tuple(...params.map((p) => argument(p, rows)))),
          (generated) => {
            for (const args of [generated, desktop(generated)]) {
              let result: unknown;
              try {
                result = fn(...args);
              } catch (e) {
                if (!(e instanceof CustomFunctionsError)) throw e;
                const why = badError(e, args);
                if (why) throw new Error(`${why} from ${JSON.stringify(args)}: ${e.message}`);
                continue;
              }
              const why = badResult(result);
              if (why) throw new Error(`${why} from ${JSON.stringify(args)}`);
            }
            return true;
          }
        ),
        { numRuns: 600 }
      );
    }
  );

  it("survives huge and tiny values in every argument position", () => {
    const extremes = [1e308, -1e308, Number.MIN_VALUE, 1e-300, 0];
    for (const { fn } of functions) {
      for (const x of extremes) {
        const args = Array.from({ length: fn.length }, (_, i) =>
          i % 2 === 0 ? column([x, x, "Demo"]) : column(["Won", "Demo", x])
        );
        let result: unknown;
        try {
          result = fn(...args);
        } catch (e) {
          expect(e).toBeInstanceOf(CustomFunctionsError);
          continue;
        }
        expect(badResult(result)).toBeNull();
      }
    }
  });
});
