/**
 * Issue 15 through the built dist/functions.js, the way Excel loads it: the same answer on every
 * Excel (empty cells passed as 0 by desktop, null by the web, "" by some hosts), a message on
 * every argument problem, Excel's own date serials, time-zone offsets, shapes, credit notes,
 * whole labels and bounded spills. Every expected number is computed here from the rows.
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
import { builtCaller, describeBuilt } from "../setup/builtFunctions";

const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
/** A column with `n` empty cells below the data, as the platform passes them. */
const past = (blank: unknown, n: number, ...values: unknown[]): unknown[][] =>
  col(...values, ...Array.from({ length: n }, () => blank));
const BLANKS: [string, unknown][] = [
  ["0 (desktop)", 0],
  ["null (web)", null],
  ['"" (text)', ""],
];

/** Serial of a date as Excel's DATE gives it (from 1900-03-01 on). */
const date = (y: number, m: number, d: number): number =>
  Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
/** 36 monthly totals with a trend and a yearly pattern. */
const MONTHLY = Array.from(
  { length: 36 },
  (_, t) =>
    15000 + 60 * t + [900, 500, 200, -150, -400, -800, -900, -500, -100, 200, 600, 1100][t % 12]
);
/** The example: a 2×2 range of amounts against a 1×4 range of stages. */
const MISMATCH: [string, ...unknown[]] = [
  "AVG_DEAL_SIZE",
  [
    [100, 200],
    [300, 400],
  ],
  [["Won", "Lost", "Won", "Lost"]],
  null,
];
const MONTH_STARTS = MONTHLY.map((_, t) => date(2023, 1 + t, 1));

describeBuilt("issue 15: blanks give the same answer on every Excel", () => {
  const call = builtCaller();
  const stages = ["Won", "Lost", "Won", "Demo", "Proposal", "Won"];
  const amounts = [100, 50, 30, 20, 40, 70];
  const created = [46023, 46030, 46040, 46050, 46060, 46070];
  const closed = [46053, 46040, 46050, 46120, 46200, 46100];
  const won = stages.map((s) => s === "Won");
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const wonAmounts = amounts.filter((_, i) => won[i]);
  const lostAmounts = amounts.filter((_, i) => stages[i] === "Lost");

  describe.each(BLANKS)("with 4 empty rows passed as %s", (_name, b) => {
    const S = past(b, 4, ...stages);
    const A = past(b, 4, ...amounts);
    const C = past(b, 4, ...created);
    const D = past(b, 4, ...closed);

    it("WIN_RATE by count and by value", () => {
      expect(call("WIN_RATE", S, null, null, null)).toBeCloseTo(3 / 4, 12);
      expect(call("WIN_RATE", S, A, null, null)).toBeCloseTo(
        sum(wonAmounts) / (sum(wonAmounts) + sum(lostAmounts)),
        12
      );
    });

    it("AVG_DEAL_SIZE", () => {
      expect(call("AVG_DEAL_SIZE", A, S, null)).toBeCloseTo(sum(wonAmounts) / wonAmounts.length, 9);
    });

    it("SALES_CYCLE", () => {
      const days = created.map((c, i) => closed[i] - c).filter((_, i) => won[i]);
      expect(call("SALES_CYCLE", C, D, S, null)).toBeCloseTo(sum(days) / days.length, 9);
    });

    it("PIPELINE_VALUE and WEIGHTED_PIPELINE", () => {
      expect(call("PIPELINE_VALUE", A, S, null, null, null)).toBe(20 + 40);
      expect(call("PIPELINE_VALUE", A, S, D, 46100, 46150)).toBe(20);
      const table = [
        ["Demo", 20],
        ["Proposal", 60],
      ];
      expect(call("WEIGHTED_PIPELINE", A, S, table)).toBeCloseTo(20 * 0.2 + 40 * 0.6, 9);
    });

    it("QUOTA_ATTAINMENT", () => {
      expect(call("QUOTA_ATTAINMENT", A, S, D, 400, null, null)).toBeCloseTo(
        sum(wonAmounts) / 400,
        12
      );
      expect(call("QUOTA_ATTAINMENT", A, S, D, 400, 46050, 46099)).toBeCloseTo(
        (100 + 30) / 400,
        12
      );
    });

    it("STALE_DEALS", () => {
      const activity = past(b, 4, 46053, 46040, 46050, 46080, 46095, 46100);
      expect(call("STALE_DEALS", activity, S, 14, 46100)).toBe(1);
    });

    it("LEAD_RESPONSE_TIME", () => {
      const c = past(b, 4, 46023, 46023.5, 46024);
      const f = past(b, 4, 46023.25, 46024, 46024.5);
      expect(call("LEAD_RESPONSE_TIME", c, f, null, null)).toBeCloseTo(12, 9);
    });

    it("PERIOD_TOTALS", () => {
      expect(
        call(
          "PERIOD_TOTALS",
          past(b, 4, 46023, 46054, 46085),
          past(b, 4, 1, 2, 3),
          null,
          null,
          null,
          null
        )
      ).toEqual([
        [46023, 1],
        [46054, 2],
        [46082, 3],
      ]);
    });

    it("COMPETITOR_WIN_RATE", () => {
      const competitors = past(b, 4, "Acme", "Acme; Globex", "Globex", "Acme", "", "");
      expect(call("COMPETITOR_WIN_RATE", competitors, S, "Acme", null)).toBe(0.5);
    });

    it("PRICE_REALIZATION", () => {
      const r = call(
        "PRICE_REALIZATION",
        past(b, 4, 90, 40),
        past(b, 4, 100, 50),
        past(b, 4, 1, 2)
      );
      expect(r).toBeCloseTo((90 + 40 * 2) / (100 + 50 * 2), 12);
    });

    it("CONVERSION_RATE by labels and by TRUE/FALSE or yes/no flags", () => {
      const statuses = past(b, 4, "Converted", "Open", "Converted", "Lost");
      expect(call("CONVERSION_RATE", statuses, "Converted", null)).toBe(0.5);
      expect(call("CONVERSION_RATE", past(b, 4, true, false, true, false), null, null)).toBe(0.5);
      expect(call("CONVERSION_RATE", past(b, 4, "yes", "no", "no", "no"), null, null)).toBe(0.25);
    });

    it("FUNNEL", () => {
      expect(call("FUNNEL", S, "Demo, Proposal, Won")).toEqual([
        ["Demo", 6, 1],
        ["Proposal", 4, 4 / 6],
        ["Won", 3, 3 / 4],
      ]);
    });

    it("GROWTH year on year over a column running 12 months past the data", () => {
      const expected = MONTHLY[35] / MONTHLY[23] - 1;
      expect(call("GROWTH", past(b, 12, ...MONTHLY), 12, null)).toBeCloseTo(expected, 12);
    });

    it("FORECAST_SALES and FORECAST_SEASONALITY ignore the empty months below the data", () => {
      const exact = call("FORECAST_SALES", col(...MONTHLY), 3, null, null, null) as number[][];
      const r = call("FORECAST_SALES", past(b, 12, ...MONTHLY), 3, null, null, null) as number[][];
      expect(r).toEqual(exact);
      // Not 0, 0, 0: the forecast continues the series (within its range of values).
      for (const [v] of r) expect(v).toBeGreaterThan(Math.min(...MONTHLY) * 0.8);
      expect(call("FORECAST_SEASONALITY", past(b, 12, ...MONTHLY), null)).toBe(
        call("FORECAST_SEASONALITY", col(...MONTHLY), null)
      );
    });
  });
});

describeBuilt("issue 15: argument problems are #VALUE! with a message", () => {
  const call = builtCaller();
  const m = col(...MONTHLY);
  const cases: [string, unknown[], string][] = [
    [
      "FORECAST_SALES",
      [m, 241, null, null, null],
      "horizon must be a whole number from 1 to 240; got 241",
    ],
    [
      "CLV",
      [1000, 80, 0.05],
      "gross_margin must be a fraction between 0 and 1 (type 80% or 0.8); got 80",
    ],
    [
      "SALES_VELOCITY",
      [40, 25, 12000, 60],
      "win_rate must be a fraction between 0 and 1 (type 25% or 0.25); got 25",
    ],
    ["GROWTH", [m, -1, null], "lag must be a whole number of 1 or more; got -1"],
    ["STALE_DEALS", [col(46000), col("Demo"), -1, 46100], "days must be 0 or more; got -1"],
    [
      "WEIGHTED_PIPELINE",
      [col(100, 200), col("Demo", "Proposal"), col(0.5, 150)],
      "probabilities must be fractions 0–1 or percentages 0–100; got 150",
    ],
  ];
  it.each(cases)("%s names the argument, the rule and the value", (id, args, message) => {
    expect(call(id, ...args)).toEqual({ error: "#VALUE!", message });
  });

  it("reads confidence 95 as 95%, and names a confidence of 100", () => {
    expect(call("FORECAST_SALES", m, 3, null, 95, null)).toEqual(
      call("FORECAST_SALES", m, 3, null, 0.95, null)
    );
    expect(call("FORECAST_SALES", m, 3, null, 100, null)).toEqual({
      error: "#VALUE!",
      message:
        "confidence must be between 0 and 1 (e.g. 0.95), or a percentage below 100 (e.g. 95); got 100",
    });
  });

  it("keeps #DIV/0! for a real division by zero", () => {
    expect(call("PIPELINE_COVERAGE", 1000, 0, null)).toEqual({ error: "#DIV/0!", message: "" });
    expect(call("CLV", 1000, 0.8, 0)).toEqual({ error: "#DIV/0!", message: "" });
  });

  it("shows the message in Arabic when Excel runs in Arabic", () => {
    const ar = builtCaller("ar-SA");
    expect(ar("CLV", 1000, 80, 0.05)).toEqual({
      error: "#VALUE!",
      message: "يجب أن تكون gross_margin كسرًا بين 0 و1 (اكتب 80% أو 0.8)؛ القيمة المُدخلة 80",
    });
    expect(ar(...MISMATCH)).toEqual({
      error: "#VALUE!",
      message: "النطاق stages بحجم 1×4 لكن amounts بحجم 2×2: يجب أن يكون للنطاقين الشكل نفسه",
    });
  });
});

describeBuilt("issue 15: requirement set", () => {
  it("declares CustomFunctionsRuntime 1.3 (CustomFunctions.Error is 1.2, ErrorCode 1.3)", () => {
    const xml = fs.readFileSync(path.join(__dirname, "..", "..", "manifest.xml"), "utf8");
    const manifest = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const sets = [manifest.OfficeApp.Requirements.Sets.Set].flat() as Record<string, string>[];
    const cf = sets.find((s) => s["@_Name"] === "CustomFunctionsRuntime");
    expect(Number(cf?.["@_MinVersion"])).toBeGreaterThanOrEqual(1.3);
    // The bundle itself uses both.
    const bundle = fs.readFileSync(
      path.join(__dirname, "..", "..", "dist", "functions.js"),
      "utf8"
    );
    expect(bundle).toMatch(/CustomFunctions\.Error/);
    expect(bundle).toMatch(/CustomFunctions\.ErrorCode/);
    expect(builtCaller()("WIN_RATE", [["Demo"]], null, null, null)).toEqual({
      error: "#DIV/0!",
      message: "",
    });
  });
});

describeBuilt("issue 15: time-zone offsets", () => {
  const zones = ["UTC", "Asia/Riyadh", "America/New_York", "Asia/Kolkata"];
  const original = process.env.TZ;
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each(zones)("honours Z, ±hh:mm and ±hhmm on a machine in %s", (zone) => {
    process.env.TZ = zone;
    const call = builtCaller();
    const hours = (a: string, b: string) =>
      call("LEAD_RESPONSE_TIME", [[a]], [[b]], "mean", "hours");
    expect(hours("2026-03-01T10:00:00Z", "2026-03-01T13:30:00+02:00")).toBeCloseTo(1.5, 9);
    expect(hours("2026-03-01T10:00:00+0530", "2026-03-01T10:00:00Z")).toBeCloseTo(5.5, 9);
    expect(hours("2026-03-01T23:00:00-05:00", "2026-03-02T06:00:00+01:00")).toBeCloseTo(1, 9);
    // Without an offset the text is local wall time, as typed.
    expect(hours("2026-03-01 10:00", "2026-03-01T13:30:00")).toBeCloseTo(3.5, 9);
  });
});

describeBuilt("issue 15: shapes", () => {
  const call = builtCaller();
  it("rejects differently shaped ranges, naming both shapes", () => {
    expect(call(...MISMATCH)).toEqual({
      error: "#VALUE!",
      message: "stages is 1×4 but amounts is 2×2: the ranges must have the same shape",
    });
    expect(call("WIN_RATE", col("Won", "Lost"), col(1, 2, 3), null, null)).toEqual({
      error: "#VALUE!",
      message: "amounts is 3×1 but stages is 2×1: the ranges must have the same shape",
    });
  });

  it("accepts a row against a column of the same length", () => {
    expect(call("AVG_DEAL_SIZE", [[100, 200, 300]], col("Won", "Lost", "Won"), null)).toBe(200);
    expect(call("WIN_RATE", [["Won", "Lost"]], col(100, 300), null, null)).toBe(0.25);
  });
});

describeBuilt("issue 15: negative amounts (credit notes)", () => {
  const call = builtCaller();
  it("keeps win rates within 0–1 by counting only positive amounts", () => {
    expect(call("WIN_RATE", col("Won", "Lost"), col(100, -50), null, null)).toBe(1);
    expect(call("WIN_RATE", col("Won", "Lost", "Won"), col(100, 100, -50), null, null)).toBe(0.5);
    expect(
      call(
        "COMPETITOR_WIN_RATE",
        col("Acme", "Acme", "Acme"),
        col("Won", "Lost", "Lost"),
        "Acme",
        col(100, -50, 100)
      )
    ).toBe(0.5);
  });

  it("rejects a negative price, naming the line, and takes returns as negative quantities", () => {
    expect(call("PRICE_REALIZATION", [[100]], [[-50]], null)).toEqual({
      error: "#VALUE!",
      message:
        "List price #1 is negative (-50); prices are 0 or more; enter a return as a negative quantity",
    });
    expect(call("PRICE_REALIZATION", col(90, 90), col(100, 100), col(2, -1))).toBeCloseTo(
      (90 * 2 - 90) / (100 * 2 - 100),
      12
    );
    expect(call("PRICE_REALIZATION", col(90), col(100), col(-1))).toMatchObject({
      error: "#VALUE!",
    });
  });

  it("lets credit notes reduce sums, as SUMIFS does", () => {
    expect(call("PIPELINE_VALUE", col(100, -30), col("Demo", "Demo"), null, null, null)).toBe(70);
    expect(call("AVG_DEAL_SIZE", col(100, -30), col("Won", "Won"), null)).toBe(35);
  });
});

describeBuilt("issue 15: labels", () => {
  const call = builtCaller();
  it("matches a single text whole, even with a separator in it", () => {
    expect(
      call(
        "COMPETITOR_WIN_RATE",
        col("Acme/Globex", "Acme/Globex", "Initech"),
        col("Won", "Lost", "Won"),
        "Acme/Globex",
        null
      )
    ).toBe(0.5);
    expect(
      call("CONVERSION_RATE", col("Closed, converted", "Open"), "Closed, converted", null)
    ).toBe(0.5);
    expect(call("WIN_RATE", col("Won, paid", "Lost"), null, "Won, paid", null)).toBe(0.5);
  });

  it("still splits a comma-separated text when no value has that whole name, and a range by cell", () => {
    expect(call("WIN_RATE", col("Signed", "Won", "Lost"), null, "Signed, Won", null)).toBeCloseTo(
      2 / 3,
      12
    );
    expect(
      call("WIN_RATE", col("Signed", "Won", "Lost"), null, [["Signed", "Won"]], null)
    ).toBeCloseTo(2 / 3, 12);
    expect(call("CONVERSION_RATE", col("a, b", "a", "c"), col("a, b"), null)).toBeCloseTo(
      1 / 3,
      12
    );
  });
});

describeBuilt("issue 15: 1900 dates are Excel's serials", () => {
  const call = builtCaller();
  it("reads 1900-01-01 as 1, 1900-02-29 as 60 and 1900-03-01 as 61", () => {
    const days = call(
      "PERIOD_TOTALS",
      col("1900-01-01", "1900-02-28", "1900-02-29", "1900-03-01"),
      col(1, 2, 4, 8),
      "day",
      null,
      null,
      null
    ) as number[][];
    expect(days[0]).toEqual([1, 1]);
    expect(days.slice(-3)).toEqual([
      [59, 2],
      [60, 4],
      [61, 8],
    ]);
    expect(days).toHaveLength(61);
  });

  it("puts serials 1–60 in the right months and never starts a period before serial 1", () => {
    expect(
      call(
        "PERIOD_TOTALS",
        col(1, 31, 32, 59, 60, 61),
        col(1, 2, 4, 8, 16, 32),
        "month",
        null,
        null,
        null
      )
    ).toEqual([
      [1, 3],
      [32, 28],
      [61, 32],
    ]);
    expect(call("PERIOD_TOTALS", col(1, 8), col(1, 1), "week", null, null, null)).toEqual([
      [1, 1],
      [2, 1],
    ]);
    // Excel counts the fictitious 1900-02-29: DATE(1900,3,1) - DATE(1900,2,28) = 2.
    expect(call("SALES_CYCLE", col("1900-02-28"), col("1900-03-01"), col("Won"), null)).toBe(2);
  });
});

describeBuilt("issue 15: bounded spills", () => {
  it("caps PERIOD_TOTALS at 10,000 periods with a message", () => {
    const call = builtCaller();
    expect(call("PERIOD_TOTALS", col(1, 2958465), col(1, 1), "day", null, null, null)).toEqual({
      error: "#VALUE!",
      message:
        "the dates span 2958465 periods of one day; at most 10000 can be listed: choose a longer period or set from_date/to_date",
    });
    expect(
      call("PERIOD_TOTALS", col(1, 2958465), col(1, 1), "year", null, null, null)
    ).toHaveLength(8100); // years 1900–9999 fit;
  });
});

describeBuilt("issue 15: timeline, as Excel's FORECAST.ETS", () => {
  const call = builtCaller();
  const values = col(...MONTHLY);
  const dates = col(...MONTH_STARTS);
  const plain = call("FORECAST_SALES", values, 3, null, null, null);

  it("gives the same forecast as the values alone when every period is there", () => {
    expect(call("FORECAST_SALES", values, 3, null, null, dates)).toEqual(plain);
    const ends = col(...MONTH_STARTS.map((d, i) => (MONTH_STARTS[i + 1] ?? date(2026, 1, 1)) - 1));
    expect(call("FORECAST_SALES", values, 3, null, null, ends)).toEqual(plain);
  });

  it.each(BLANKS)("ignores rows whose date is blank (%s), in any order", (_n, b) => {
    const order = MONTHLY.map((_, i) => i).reverse();
    const v = col(...order.map((i) => MONTHLY[i]), 999, 555);
    const d = col(...order.map((i) => MONTH_STARTS[i]), b, b);
    expect(call("FORECAST_SALES", v, 3, null, null, d)).toEqual(plain);
    expect(call("FORECAST_SEASONALITY", v, d)).toBe(call("FORECAST_SEASONALITY", values, null));
  });

  it("fills in a missing period by linear interpolation", () => {
    const k = 17;
    const filled = MONTHLY.slice();
    filled[k] = (MONTHLY[k - 1] + MONTHLY[k + 1]) / 2;
    const v = col(...MONTHLY.filter((_, i) => i !== k));
    const d = col(...MONTH_STARTS.filter((_, i) => i !== k));
    expect(call("FORECAST_SALES", v, 3, null, null, d)).toEqual(
      call("FORECAST_SALES", col(...filled), 3, null, null, null)
    );
    expect(call("GROWTH", v, 12, d)).toBeCloseTo(filled[35] / filled[23] - 1, 12);
  });

  it("ignores dated periods after the data whose values are still empty", () => {
    const d = col(...MONTH_STARTS, ...[1, 2, 3].map((i) => date(2026, i, 1)));
    expect(call("FORECAST_SALES", col(...MONTHLY, 0, null, ""), 3, null, null, d)).toEqual(plain);
    expect(call("GROWTH", col(...MONTHLY, 0, null, ""), 12, d)).toBeCloseTo(
      MONTHLY[35] / MONTHLY[23] - 1,
      12
    );
  });

  it("rejects a date listed twice, uneven dates and a timeline of another shape", () => {
    const twice = col(...MONTH_STARTS.slice(0, 35), MONTH_STARTS[34]);
    expect(call("FORECAST_SALES", values, 1, null, null, twice)).toEqual({
      error: "#VALUE!",
      message: `timeline lists the date ${MONTH_STARTS[34]} twice; each period may appear once`,
    });
    expect(call("GROWTH", col(1, 2, 3), 1, col(46023, 46024, 46030.5))).toEqual({
      error: "#VALUE!",
      message:
        "timeline dates are not evenly spaced (same number of days, or same day of every month/quarter/year)",
    });
    expect(call("FORECAST_SEASONALITY", values, col(...MONTH_STARTS.slice(1)))).toEqual({
      error: "#VALUE!",
      message: "timeline is 35×1 but history is 36×1: the ranges must have the same shape",
    });
  });
});
