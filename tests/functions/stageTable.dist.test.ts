/**
 * Issue 12 through the built dist/functions.js: the SALES functions given the workbook's Stages
 * table as their last argument (`stage_table`). The Stages table is a Pipedrive workbook's (the
 * user renamed "Won" to "Deal signed" and added "Churned"; a HubSpot import added HubSpot's stages
 * by label), while the deals come from HubSpot (internal ids such as `closedwon`, and labels),
 * Pipedrive ("Won"/"Lost" from its status) and the user's own stages. Every expected number is
 * computed here from the rows, by the rule written out below, not by the product's code.
 */
import { builtCaller, describeBuilt } from "../setup/builtFunctions";

const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
const date = (y: number, m: number, d: number): number =>
  Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

const HEAD = ["Stage", "Probability", "Forecast Category", "Is Won", "Is Lost"];
/** The Settings sheet's Stages table body: [stage, probability, category, is won, is lost]. */
const BODY: unknown[][] = [
  ["Lead In", 0.1, "Pipeline", false, false],
  ["Demo Scheduled", 0.4, "Pipeline", false, false],
  ["Proposal Made", 0.6, "Best Case", false, false],
  ["Deal signed", 1, "Closed", true, false],
  ["Churned", 0, "Omitted", false, true],
  ["Lost", 0, "Omitted", false, true],
  ["Appointment Scheduled", 0.2, "Pipeline", false, false],
  ["Qualified To Buy", 0.4, "Pipeline", false, false],
  ["Contract Sent", 0.9, "Commit", false, false],
  ["Closed Won", 1, "Closed", true, false],
  ["Closed Lost", 0, "Omitted", false, true],
  ["On Hold", "", "Pipeline", false, false],
];
const ALL = [HEAD, ...BODY];

/** The deals: [stage, amount, created, closed, last activity, competitor]. */
const DEALS: [string, number, number, number | "", number, string][] = [
  ["closedwon", 12000, date(2026, 1, 5), date(2026, 2, 10), date(2026, 2, 10), "Acme"],
  ["Closed Won", 8000, date(2026, 1, 20), date(2026, 3, 2), date(2026, 3, 2), ""],
  ["closedlost", 5000, date(2026, 1, 8), date(2026, 2, 20), date(2026, 2, 20), "Acme"],
  ["contractsent", 9000, date(2026, 2, 1), "", date(2026, 11, 25), ""],
  ["qualifiedtobuy", 4000, date(2026, 2, 3), "", date(2026, 10, 1), "Globex"],
  ["appointmentscheduled", 3000, date(2026, 3, 1), "", date(2026, 11, 30), ""],
  ["Won", 7000, date(2026, 1, 2), date(2026, 1, 30), date(2026, 1, 30), "Globex"],
  ["Lost", 2000, date(2026, 1, 12), date(2026, 3, 15), date(2026, 3, 15), "Acme"],
  ["Demo Scheduled", 6000, date(2026, 2, 14), "", date(2026, 9, 1), ""],
  ["Proposal Made", 11000, date(2026, 2, 20), "", date(2026, 11, 28), "Acme"],
  ["Deal signed", 15000, date(2026, 1, 25), date(2026, 3, 20), date(2026, 3, 20), "Acme"],
  ["Churned", 4500, date(2026, 1, 15), date(2026, 2, 25), date(2026, 2, 25), "Globex"],
  ["On Hold", 2500, date(2026, 2, 2), "", date(2026, 6, 1), ""],
  ["Contract Sent", 1000, date(2026, 3, 3), "", date(2026, 11, 20), ""],
];
const stages = col(...DEALS.map((d) => d[0]));
const amounts = col(...DEALS.map((d) => d[1]));
const created = col(...DEALS.map((d) => d[2]));
const closed = col(...DEALS.map((d) => d[3]));
const activity = col(...DEALS.map((d) => d[4]));
const competitors = col(...DEALS.map((d) => d[5]));

// The rule, written out: the table's row with the same letters and digits decides; a stage the
// table does not list is judged by the built-in labels.
type Outcome = "won" | "lost" | "open";
const key = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
function builtIn(stage: string): Outcome {
  const l = stage.toLowerCase().replace(/[-_]/g, " ").replace(/\s+/g, " ").trim();
  if (["closed won", "won", "closedwon"].includes(l)) return "won";
  if (["closed lost", "lost", "closedlost"].includes(l) || l.startsWith("closed lost "))
    return "lost";
  return "open";
}
function byTable(stage: string): Outcome {
  const row = BODY.find((r) => key(String(r[0])) === key(stage));
  if (!row) return builtIn(stage);
  return row[3] === true ? "won" : row[4] === true ? "lost" : "open";
}
const probabilityOf = (stage: string): number => {
  const p = BODY.find((r) => key(String(r[0])) === key(stage))![1];
  return typeof p === "number" ? p : 0;
};

/** Every figure, computed from the rows with one rule. */
function expected(rule: (stage: string) => Outcome) {
  const rows = DEALS.map(([stage, amount, c, d, a, comp]) => ({
    outcome: rule(stage),
    stage,
    amount,
    created: c,
    closed: d,
    activity: a,
    competitor: comp,
  }));
  const won = rows.filter((r) => r.outcome === "won");
  const lost = rows.filter((r) => r.outcome === "lost");
  const open = rows.filter((r) => r.outcome === "open");
  const wonIn = (from: number, to: number) =>
    won.filter((r) => r.closed !== "" && r.closed >= from && r.closed <= to);
  return { rows, won, lost, open, wonIn };
}
const T = expected(byTable);
const B = expected(builtIn);

describeBuilt("issue 12: SALES functions given the Stages table (stage_table)", () => {
  const call = builtCaller();

  it("the deals' CRMs really disagree with the built-in labels here (else the test proves nothing)", () => {
    expect(T.won.length).not.toBe(B.won.length);
    expect(T.lost.length).not.toBe(B.lost.length);
    expect(T.won.map((r) => r.stage)).toEqual(
      expect.arrayContaining(["closedwon", "Closed Won", "Won", "Deal signed"])
    );
  });

  it("WIN_RATE by count and by value follows the table; without it, today's built-in labels", () => {
    const byCount = T.won.length / (T.won.length + T.lost.length);
    const wonValue = sum(T.won.map((r) => r.amount));
    const byValue = wonValue / (wonValue + sum(T.lost.map((r) => r.amount)));
    expect(call("WIN_RATE", stages, null, null, null, ALL)).toBeCloseTo(byCount, 12);
    expect(call("WIN_RATE", stages, amounts, null, null, ALL)).toBeCloseTo(byValue, 12);
    expect(call("WIN_RATE", stages, null, null, null, null)).toBeCloseTo(
      B.won.length / (B.won.length + B.lost.length),
      12
    );
    expect(call("WIN_RATE", stages, null, null, null)).toBeCloseTo(
      B.won.length / (B.won.length + B.lost.length),
      12
    );
  });

  it.each([
    ["Stages[#All] (headers)", ALL],
    ["Stages[#Data] (no headers, schema order)", BODY],
    ["Stages[[Stage]:[Is Lost]] with empty rows below, blanks as 0", [...BODY, [0, 0, 0, 0, 0]]],
    [
      "columns in another order under Arabic captions",
      [["خسارة", "المرحلة", "فوز", "الاحتمال"], ...BODY.map((r) => [r[4], r[0], r[3], r[1]])],
    ],
    [
      "flags and probabilities typed as text",
      [
        HEAD,
        ...BODY.map((r) => [
          r[0],
          `${Number(r[1]) * 100}%`,
          r[2],
          String(r[3]),
          r[4] ? "yes" : "no",
        ]),
      ],
    ],
  ])("accepts the table as %s", (_name, table) => {
    expect(call("WIN_RATE", stages, null, null, null, table)).toBeCloseTo(
      T.won.length / (T.won.length + T.lost.length),
      12
    );
    expect(call("WEIGHTED_PIPELINE", amounts, stages, null, table)).toBeCloseTo(
      sum(T.open.map((r) => r.amount * probabilityOf(r.stage))),
      9
    );
  });

  it("AVG_DEAL_SIZE, SALES_CYCLE and QUOTA_ATTAINMENT count the table's won stages", () => {
    expect(call("AVG_DEAL_SIZE", amounts, stages, null, ALL)).toBeCloseTo(
      sum(T.won.map((r) => r.amount)) / T.won.length,
      9
    );
    const days = T.won.map((r) => Number(r.closed) - r.created);
    expect(call("SALES_CYCLE", created, closed, stages, null, ALL)).toBeCloseTo(
      sum(days) / days.length,
      9
    );
    const from = date(2026, 2, 1);
    const to = date(2026, 3, 31);
    expect(call("QUOTA_ATTAINMENT", amounts, stages, closed, 50000, from, to, ALL)).toBeCloseTo(
      sum(T.wonIn(from, to).map((r) => r.amount)) / 50000,
      12
    );
  });

  it("PIPELINE_VALUE, WEIGHTED_PIPELINE and STALE_DEALS count the table's open stages", () => {
    expect(call("PIPELINE_VALUE", amounts, stages, null, null, null, ALL)).toBe(
      sum(T.open.map((r) => r.amount))
    );
    expect(call("WEIGHTED_PIPELINE", amounts, stages, null, ALL)).toBeCloseTo(
      sum(T.open.map((r) => r.amount * probabilityOf(r.stage))),
      9
    );
    // Per-deal probabilities beside the amounts; the table still decides which deals are open.
    const perDeal = DEALS.map((_, i) => ((i * 7) % 10) / 10);
    expect(call("WEIGHTED_PIPELINE", amounts, stages, col(...perDeal), ALL)).toBeCloseTo(
      sum(T.rows.map((r, i) => (r.outcome === "open" ? r.amount * perDeal[i] : 0))),
      9
    );
    const asOf = date(2026, 12, 4);
    expect(call("STALE_DEALS", activity, stages, 30, asOf, ALL)).toBe(
      T.open.filter((r) => asOf - r.activity > 30).length
    );
  });

  it("COMPETITOR_WIN_RATE, PERIOD_TOTALS and FUNNEL follow the table", () => {
    const acme = T.rows.filter((r) => r.competitor === "Acme" && r.outcome !== "open");
    expect(call("COMPETITOR_WIN_RATE", competitors, stages, "Acme", null, ALL)).toBeCloseTo(
      acme.filter((r) => r.outcome === "won").length / acme.length,
      12
    );
    const months = [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)];
    const totals = months.map((m, k) => {
      const end = k + 1 < months.length ? months[k + 1] : date(2026, 4, 1);
      return [
        m,
        sum(
          T.won
            .filter((r) => r.closed !== "" && r.closed >= m && r.closed < end)
            .map((r) => r.amount)
        ),
      ];
    });
    expect(
      call("PERIOD_TOTALS", closed, amounts, "month", months[0], date(2026, 3, 31), stages, ALL)
    ).toEqual(totals);
    const order = ["Appointment Scheduled", "Qualified To Buy", "Contract Sent", "Closed Won"];
    // A won deal whose stage is not in the order passed every stage (round 4).
    const landing = T.rows.map((r) => {
      if (r.outcome === "lost") return 0;
      const at = order.findIndex((o) => key(o) === key(r.stage));
      return at >= 0 ? at : r.outcome === "won" ? order.length - 1 : 0;
    });
    const reached = order.map((_, k) => landing.filter((l) => l >= k).length);
    expect(call("FUNNEL", stages, col(...order), ALL)).toEqual(
      order.map((o, k) => [o, reached[k], k === 0 ? 1 : reached[k] / reached[k - 1]])
    );
  });

  it("a table without stages judges every deal by the built-in labels, as the dashboard does", () => {
    expect(call("WIN_RATE", stages, null, null, null, [HEAD])).toBeCloseTo(
      B.won.length / (B.won.length + B.lost.length),
      12
    );
  });
});

describeBuilt("issue 12: a bad stage_table is #VALUE! naming the argument and the fix", () => {
  const en = builtCaller();
  const ar = builtCaller("ar-SA");
  const bad = (table: unknown, fn = "WIN_RATE") =>
    fn === "WIN_RATE"
      ? [
          en("WIN_RATE", stages, null, null, null, table),
          ar("WIN_RATE", stages, null, null, null, table),
        ]
      : [en(fn, amounts, stages, null, table), ar(fn, amounts, stages, null, table)];
  const withRow = (row: number, cells: unknown[]) => [
    HEAD,
    ...BODY.map((r, i) => (i === row - 1 ? cells : r)),
  ];

  it.each([
    [
      "one column (Stages[Stage])",
      col(...BODY.map((r) => r[0])),
      /Stage column and its Is Won\/Is Lost or Probability/,
    ],
    ["a typed name", [["Stages"]], /must be the Stages table/],
    [
      "a header row without Stage",
      [
        ["Name", "Is Won"],
        ["Signed", true],
      ],
      /must be the Stages table/,
    ],
    [
      "seven columns without headers",
      BODY.map((r) => [...r, "x", "y"]),
      /7 columns and no header row/,
    ],
    [
      "a flag that is not TRUE/FALSE",
      withRow(4, ["Deal signed", 1, "Closed", "maybe", false]),
      /row 4, Is Won: "maybe" is not TRUE or FALSE; correct it in the Stages table on Settings/,
    ],
    [
      "a probability of 150",
      withRow(2, ["Demo Scheduled", 150, "Pipeline", false, false]),
      /row 2, Probability: 150 is not a probability from 0% to 100%/,
    ],
    [
      "a probability that is text",
      withRow(2, ["Demo Scheduled", "high", "Pipeline", false, false]),
      /row 2, Probability: "high"/,
    ],
    [
      "a stage both won and lost",
      withRow(5, ["Churned", 0, "Omitted", true, true]),
      /row 5: stage "Churned" is marked both won and lost; clear Is Won or Is Lost/,
    ],
    [
      "an id and its label with different outcomes",
      [...ALL, ["closedwon", 1, "Closed", false, true]],
      /rows 10 and 13 \("Closed Won", "closedwon"\) are one stage/,
    ],
  ])("%s", (_name, table, message) => {
    const [e, a] = bad(table);
    expect(e).toEqual({ error: "#VALUE!", message: expect.stringMatching(message) });
    expect((e as { message: string }).message).toContain("stage_table");
    expect(a).toEqual({ error: "#VALUE!", message: expect.stringContaining("stage_table") });
    expect((a as { message: string }).message).toMatch(/[\u0600-\u06ff]/);
  });

  it("won_labels or lost_labels together with stage_table", () => {
    expect(en("WIN_RATE", stages, null, "Deal signed", null, ALL)).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(/^give won_labels or stage_table, not both/),
    });
    expect(en("WIN_RATE", stages, null, null, [["Churned"]], ALL)).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(/^give lost_labels or stage_table, not both/),
    });
    expect(en("AVG_DEAL_SIZE", amounts, stages, "Deal signed", ALL)).toMatchObject({
      error: "#VALUE!",
    });
    // An empty label argument is no label argument.
    expect(en("SALES_CYCLE", created, closed, stages, "", ALL)).toEqual(expect.any(Number));
  });

  it("WEIGHTED_PIPELINE: an open stage the table lacks is #N/A naming it; no probabilities at all is #VALUE!", () => {
    const more = [...stages, ["Mystery stage"]];
    expect(en("WEIGHTED_PIPELINE", [...amounts, [10]], more, null, ALL)).toEqual({
      error: "#N/A",
      message: expect.stringMatching(/stage "Mystery stage" is not in stage_table: add it/),
    });
    expect(en("WEIGHTED_PIPELINE", amounts, stages, null, null)).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(/^probabilities is empty/),
    });
    expect(
      bad(
        [HEAD.filter((h) => h !== "Probability"), ...BODY.map((r) => [r[0], r[2], r[3], r[4]])],
        "WEIGHTED_PIPELINE"
      )[0]
    ).toEqual({
      error: "#VALUE!",
      message: expect.stringContaining('"Probability" column'),
    });
  });

  it("PERIOD_TOTALS: stage_table without stages", () => {
    expect(en("PERIOD_TOTALS", closed, amounts, "month", null, null, null, ALL)).toEqual({
      error: "#VALUE!",
      message: "stage_table needs stages",
    });
  });
});
