/**
 * PIPELINE_CHANGES and STUCK_DEALS against what a CRM computes, on five weekly HubSpot deal
 * exports (Record ID, Deal Stage, Amount, Close Date, Deal owner) recorded into the History table
 * as the import records them (changed rows only; a second import on one day amends that day).
 * Expected figures come from the full weekly exports below, by hand (derivations in comments),
 * never from the History rows or the functions: Salesforce's Pipeline Inspection for the
 * waterfall (open pipeline closing in the period, deals behind each bar), the domain reference
 * ("time in stage > 1.5 × the average") for stuck deals.
 */
import { toSerial } from "../../src/engine/dates";
import { DealState, HISTORY_COLUMNS } from "../../src/engine/history/snapshot";
import { dealStates, planSnapshot, stageInfo } from "../../src/engine/history/snapshotPlan";
import { readHistory } from "../../src/engine/history/historyTable";
import { pipelineChangesFunction } from "../../src/functions/sales/pipelineChanges";
import { stuckDealsFunction } from "../../src/functions/sales/stuckDeals";
import { cell, col } from "../setup/excelCalls";
import {
  HUBSPOT_STAGES,
  HUBSPOT_STAGE_TABLE,
  recordedHistory,
} from "../fixtures/history/hubspotPipeline";

const d = (m: number, day: number): number => toSerial(2026, m, day);
/** Monday imports: W0 … W4. */
const W = [d(3, 2), d(3, 9), d(3, 16), d(3, 23), d(3, 30)];

const STAGES = HUBSPOT_STAGES;
const [AS, QTB, PS, DMBI, CS, WON, LOST] = STAGES.map((s) => s[0]);

type Week = [stage: string, amount: number | "", close: number | ""] | null;
interface Timeline {
  id: string;
  owner: string;
  weeks: Week[];
}
const same = (w: Week, n: number): Week[] => Array.from({ length: n }, () => w);
// One line per deal, the state each weekly export shows (null: not in the export).
const DEALS: Timeline[] = [
  // Moves one stage a week, then waits two weeks in Presentation.
  {
    id: "D1",
    owner: "Ana",
    weeks: [
      [AS, 10000, d(3, 31)],
      [QTB, 10000, d(3, 31)],
      ...same([PS, 10000, d(3, 31)], 2),
      [CS, 10000, d(3, 31)],
    ],
  },
  // Moved twice in one week (Qualified → Presentation → Decision maker between W1 and W2), then won
  // a day before its expected close.
  {
    id: "D2",
    owner: "Ben",
    weeks: [
      ...same([QTB, 20000, d(3, 20)], 2),
      [DMBI, 20000, d(3, 20)],
      ...same([WON, 20000, d(3, 19)], 2),
    ],
  },
  // Sits in Presentation all month; amount raised at W3.
  {
    id: "D3",
    owner: "Cara",
    weeks: [...same([PS, 15000, d(3, 25)], 3), ...same([PS, 18000, d(3, 25)], 2)],
  },
  { id: "D4", owner: "Ana", weeks: [[CS, 8000, d(3, 12)], ...same([LOST, 8000, d(3, 10)], 4)] },
  // Created after W1.
  {
    id: "D5",
    owner: "Ben",
    weeks: [null, null, [AS, 5000, d(3, 27)], ...same([QTB, 5000, d(3, 27)], 2)],
  },
  // Pushed into April at W3, then Contract Sent.
  {
    id: "D6",
    owner: "Cara",
    weeks: [...same([DMBI, 30000, d(3, 28)], 3), [DMBI, 30000, d(4, 15)], [CS, 30000, d(4, 15)]],
  },
  // Expected in April, pulled into March at W3 while moving to Presentation.
  {
    id: "D7",
    owner: "Ana",
    weeks: [...same([QTB, 12000, d(4, 10)], 3), ...same([PS, 12000, d(3, 30)], 2)],
  },
  // Deleted in the CRM after W2: gone from the W3 export.
  { id: "D8", owner: "Ben", weeks: [...same([AS, 4000, d(3, 31)], 3), null, null] },
  // Back to Qualified at W1, forward again at W3.
  {
    id: "D9",
    owner: "Cara",
    weeks: [
      [PS, 9000, d(3, 26)],
      ...same([QTB, 9000, d(3, 26)], 2),
      ...same([PS, 9000, d(3, 26)], 2),
    ],
  },
  // No amount until W3; won at W4.
  {
    id: "D10",
    owner: "Ana",
    weeks: [
      ...same([AS, "", d(3, 31)], 2),
      [QTB, "", d(3, 31)],
      [QTB, 6000, d(3, 31)],
      [WON, 6000, d(3, 27)],
    ],
  },
  // No close date until W3.
  {
    id: "D11",
    owner: "Ben",
    weeks: [...same([QTB, 7000, ""], 3), ...same([QTB, 7000, d(3, 29)], 2)],
  },
  // Lost in February, reopened at W3.
  {
    id: "D12",
    owner: "Cara",
    weeks: [...same([LOST, 5000, d(3, 1)], 3), ...same([QTB, 5000, d(3, 31)], 2)],
  },
  // In Decision maker all month (W3's first import said Contract Sent by mistake; see AMENDED).
  { id: "D13", owner: "Ben", weeks: same([DMBI, 11000, d(3, 30)], 5) },
  // A deal worth 0, won at W2.
  {
    id: "D14",
    owner: "Ana",
    weeks: [...same([CS, 0, d(3, 13)], 2), ...same([WON, 0, d(3, 13)], 3)],
  },
  // Never moves.
  { id: "D15", owner: "Cara", weeks: same([AS, 2500, d(3, 31)], 5) },
];
/** W3's first import, corrected the same day by the export above. */
const AMENDED: Record<string, Week> = { D13: [CS, 11000, d(3, 30)] };

type StageName = "label" | "id";
function state(id: string, owner: string, w: NonNullable<Week>, name: StageName): DealState {
  const row = STAGES.find((s) => s[0] === w[0])!;
  const outcome = w[0] === WON ? "won" : w[0] === LOST ? "lost" : "open";
  return {
    id,
    stage: name === "label" ? row[0] : row[1],
    outcome,
    amount: w[1] === "" ? 0 : w[1],
    closeDate: w[2] === "" ? null : w[2],
    owner,
    category: null,
  };
}

function exportOf(week: number, name: StageName, amend: Record<string, Week> = {}): DealState[] {
  return DEALS.flatMap((t) => {
    const w = t.id in amend ? amend[t.id] : t.weeks[week];
    return w ? [state(t.id, t.owner, w, name)] : [];
  });
}

/** History[#All] after the five imports (and W3's repeated import), as the import writes it. */
function history(name: StageName): unknown[][] {
  return recordedHistory(
    W.flatMap((date, k) => [
      ...(k === 3 ? [[date, exportOf(3, name, AMENDED)] as const] : []),
      [date, exportOf(k, name)] as const,
    ])
  );
}

const STAGE_TABLE = HUBSPOT_STAGE_TABLE as unknown[][];
const OPEN_LABELS = col(AS, QTB, PS, DMBI, CS);

const amountOf = (w: Week): number => (w && w[1] !== "" ? w[1] : 0);
const isOpen = (w: Week): boolean => w !== null && w[0] !== WON && w[0] !== LOST;
/** Open and closing in calendar Q1 2026 (the quarter of W3). */
const inQ1 = (w: Week): boolean =>
  isOpen(w) && w![2] !== "" && w![2] >= d(1, 1) && w![2] <= d(3, 31);

describe("PIPELINE_CHANGES against Salesforce's Pipeline Inspection, W2 → W3, Q1 2026", () => {
  // Starting pipeline (W2, open, closing in Q1): D1 10,000, D2 20,000, D3 15,000, D5 5,000,
  // D6 30,000, D8 4,000, D9 9,000, D10 0 (no amount yet), D13 11,000, D15 2,500 = 106,500.
  // D7 closes in April, D11 has no close date, D4/D12 are lost, D14 won: outside.
  // Bars: new D12 (reopened) +5,000; pulled in D7 +12,000 and D11 (close date set) +7,000;
  // amount up D3 +3,000 and D10 +6,000; won D2 −20,000; pushed D6 −30,000; removed D8 −4,000.
  // Ending pipeline: 106,500 + 5,000 + 19,000 + 9,000 − 20,000 − 30,000 − 4,000 = 85,500 (10 deals).
  // Moved forward (in the period at both): D5 AS → QTB (5,000), D9 QTB → PS (9,000); D13 did not
  // move (its Contract Sent was corrected the same day); nothing moved backward.
  const EXPECTED = [
    ["Starting pipeline", 10, 106500],
    ["New", 1, 5000],
    ["Pulled in", 2, 19000],
    ["Amount increased", 2, 9000],
    ["Won", 1, -20000],
    ["Lost", 0, 0],
    ["Pushed out", 1, -30000],
    ["Amount decreased", 0, 0],
    ["Removed", 1, -4000],
    ["Ending pipeline", 10, 85500],
    ["Moved forward", 2, 14000],
    ["Moved backward", 0, 0],
  ];

  it("the hand figures agree with the exports themselves", () => {
    const start = DEALS.map((t) => t.weeks[2]).filter(inQ1);
    const end = DEALS.map((t) => t.weeks[3]).filter(inQ1);
    expect([start.length, start.reduce((s, w) => s + amountOf(w), 0)]).toEqual([10, 106500]);
    expect([end.length, end.reduce((s, w) => s + amountOf(w), 0)]).toEqual([10, 85500]);
  });

  it("on a History of stage labels with the Stages table", () => {
    expect(
      cell(
        pipelineChangesFunction,
        history("label"),
        STAGE_TABLE,
        "This fiscal quarter",
        1,
        W[2],
        W[3]
      )
    ).toEqual(EXPECTED);
  });

  it("on a History of HubSpot's internal ids with the Stages table of labels (was: no moves)", () => {
    // An API export writes dealstage ids; the workbook's Stages table names the labels.
    for (const order of [STAGE_TABLE, OPEN_LABELS])
      expect(
        cell(pipelineChangesFunction, history("id"), order, "This fiscal quarter", 1, W[2], W[3])
      ).toEqual(EXPECTED);
  });

  it("by owner: Ana's pipeline, and the three owners add up to the team", () => {
    // Ana's deals: D1, D4, D7, D10, D14. W2: D1 10,000 and D10 0 in Q1's open pipeline. W3: D7 pulled
    // in (+12,000), D10's amount set (+6,000): 3 deals, 28,000.
    const of = (owner: string) =>
      cell(
        pipelineChangesFunction,
        history("id"),
        STAGE_TABLE,
        "",
        1,
        W[2],
        W[3],
        "",
        null,
        owner
      ) as unknown[][];
    const ana = of("ana");
    expect(ana[0]).toEqual(["Starting pipeline", 2, 10000]);
    expect(ana.find((r) => r[0] === "Pulled in")).toEqual(["Pulled in", 1, 12000]);
    expect(ana.find((r) => r[0] === "Amount increased")).toEqual(["Amount increased", 1, 6000]);
    expect(ana.find((r) => r[0] === "Ending pipeline")).toEqual(["Ending pipeline", 3, 28000]);
    const owners = ["Ana", "Ben", "Cara"].map(of);
    expect(
      EXPECTED.map((r, i) => [
        r[0],
        ...[1, 2].map((k) => owners.reduce((s, o) => s + (o[i][k] as number), 0)),
      ])
    ).toEqual(EXPECTED);
  });

  it("lists the deals behind a bar: pulled in, largest first", () => {
    expect(
      cell(pipelineChangesFunction, history("id"), STAGE_TABLE, "", 1, W[2], W[3], "Pulled in")
    ).toEqual([
      ["D7", "Ana", 12000, "qualifiedtobuy", "presentationscheduled", d(4, 10), d(3, 30)],
      ["D11", "Ben", 7000, "qualifiedtobuy", "qualifiedtobuy", "", d(3, 29)],
    ]);
  });

  it("W0 → W1 over every close date: D1 forward, D9 backward, D4 lost", () => {
    const out = cell(
      pipelineChangesFunction,
      history("id"),
      STAGE_TABLE,
      "All",
      0,
      W[0],
      W[1]
    ) as unknown[][];
    const row = (label: string) => out.find((r) => r[0] === label);
    // D1 AS → QTB and D4 CS → lost; D9 PS → QTB (9,000 at W1).
    expect(row("Moved forward")).toEqual(["Moved forward", 1, 10000]);
    expect(row("Moved backward")).toEqual(["Moved backward", 1, 9000]);
    expect(row("Lost")).toEqual(["Lost", 1, -8000]);
  });
});

describe("STUCK_DEALS: open deals in their stage for more than 1.5 × the stage's average", () => {
  // Completed stints whose start was seen (a move in, or a deal new since an earlier snapshot, as
  // HubSpot's "date entered stage" counts a new deal's first stage); W = 7 days:
  //   Appointment Scheduled: D5 new at W2, moved on at W3: 7 → 7; stuck above 10.5.
  //   Qualified To Buy: D1 W1→W2 7, D9 W1→W3 14, D10 W2→W4 14 (won) → 35/3 days; stuck above 17.5.
  //   Presentation Scheduled: D1 W2→W4 14 → 14; stuck above 21.
  //   Decision Maker Bought-In: D2 W2→W3 7 (won) → 7; stuck above 10.5.
  //   Contract Sent: none seen from start to end → no deal judged.
  //   (Stays already under way at W0, the first snapshot, started at an unknown date: not averaged.)
  // Open at W4 and days in the current stage (from W0 for the stays under way then):
  //   D3 PS 28 > 21 stuck; D11 QTB 28 > 17.5 stuck; D13 DMBI 28 > 10.5 stuck (its same-day
  //   Contract Sent was corrected: it never left the stage); D15 AS 28 > 10.5 stuck; D5 QTB 7,
  //   D7 PS 7, D9 PS 7, D12 QTB 7 not; D1, D6 (Contract Sent) not judged. Won deals (D2, D10,
  //   D14), the lost D4 and the deleted D8 never count.
  const EXPECTED = [
    ["D11", QTB, "Ben", 7000, 28, 35 / 3],
    ["D13", DMBI, "Ben", 11000, 28, 7],
    ["D15", AS, "Cara", 2500, 28, 7],
    ["D3", PS, "Cara", 18000, 28, 14],
  ];
  const asLabels = (rows: unknown[][]) => rows.map((r) => [r[0], r[1], r[2], r[3], r[4], r[5]]);
  const labelOf = (id: unknown) => STAGES.find((s) => s[1] === id)?.[0] ?? id;

  it("on a History of labels (was: D13 left out, its corrected same-day stage counted as a 0-day stint; D15 left out, a new deal's first stage never timed)", () => {
    const out = cell(stuckDealsFunction, history("label"), STAGE_TABLE) as unknown[][];
    expect(out.map((r) => r.slice(0, 5))).toEqual(EXPECTED.map((r) => r.slice(0, 5)));
    out.forEach((r, i) => expect(r[5]).toBeCloseTo(EXPECTED[i][5] as number, 12));
  });

  it("on a History of internal ids with the Stages table of labels (was: #N/A, no deal judged)", () => {
    for (const order of [STAGE_TABLE, OPEN_LABELS]) {
      const out = cell(stuckDealsFunction, history("id"), order, 0) as unknown[][];
      expect(asLabels(out).map((r) => [r[0], labelOf(r[1]), ...r.slice(2, 5)])).toEqual(
        EXPECTED.map((r) => r.slice(0, 5))
      );
    }
  });

  it("as of W3: measured to that date from the rows up to it", () => {
    // Completed by W3: Appointment D5 7 (above 10.5); Qualified D1 7, D9 14 → 10.5 (above
    // 15.75); Decision maker D2 7 (above 10.5); Presentation none yet (D1 leaves it at W4), so D3
    // is not judged. At W3: D11 Qualified 21, D13 and D6 Decision maker 21 (D13's same-day
    // correction is no move), D15 Appointment 21; D8 was deleted at W3.
    const out = cell(stuckDealsFunction, history("label"), STAGE_TABLE, W[3]) as unknown[][];
    expect(out.map((r) => [r[0], r[4], r[5]])).toEqual([
      ["D11", 21, 10.5],
      ["D13", 21, 7],
      ["D15", 21, 7],
      ["D6", 21, 7],
    ]);
  });

  it("as of W2: judged by the History as it stood then (was: later moves set the averages)", () => {
    // Up to W2 the only completed stint with a known start is D1's Qualified To Buy, W1 → W2: 7
    // days, so stuck above 10.5. Open at W2 in Qualified To Buy: D7 and D11 since W0 (14 days,
    // stuck), D9 since W1 (7), D10 since W2 (0). No other stage has an average yet. (With W3–W4's
    // moves counted, Qualified's average was 35/3 and Decision maker's 7: D13 and D6 instead.)
    const out = cell(stuckDealsFunction, history("label"), STAGE_TABLE, W[2]) as unknown[][];
    expect(out).toEqual([
      ["D11", QTB, "Ben", 7000, 14, 7],
      ["D7", QTB, "Ana", 12000, 14, 7],
    ]);
  });

  it("as of a day before the second snapshot: #N/A naming the snapshots up to it (was: no deal is stuck)", () => {
    // Up to W0 + 3 days only W0 exists: nothing has moved, so no stage has an average to be
    // stuck against; before W0 there is no snapshot at all.
    for (const [asOf, got] of [
      [W[0] + 3, 1],
      [W[0] - 1, 0],
    ])
      expect(cell(stuckDealsFunction, history("label"), STAGE_TABLE, asOf)).toEqual({
        error: "#N/A",
        message: `needs at least 2 snapshots up to as_of, the history has ${got} by then: choose a later as_of`,
      });
    // From the second snapshot on it judges (W1: no completed stint with a known start yet).
    expect(cell(stuckDealsFunction, history("label"), STAGE_TABLE, W[1])).toEqual({
      error: "#N/A",
      message: "no deal is stuck in its stage",
    });
  });
});

describe("recording the History from the Deals table (the import's snapshot)", () => {
  // A pipeline with custom won stages: "Contract Signed" (Is Won TRUE) and "Paid" (Is Won typed
  // "yes", as the functions' stage_table accepts it). Week 1's file is an API export (internal ids).
  const stages = [
    ["Negotiation", "", "", ""],
    ["Contract Signed", true, "", "Closed"],
    ["Paid", "yes", "", "Closed"],
    ["Lost", "", true, "Omitted"],
  ];
  const table = [
    ["Stage", "Probability", "Forecast Category", "Is Won", "Is Lost"],
    ...stages.map(([s, won, lost, cat]) => [s, won === "" ? 0.5 : 1, cat, won, lost]),
  ];
  const info = stageInfo(
    stages.map((r) => r[0]),
    stages.map((r) => r[1]),
    stages.map((r) => r[2]),
    stages.map((r) => r[3])
  );
  const week = (stageOf: [string, string]) =>
    dealStates(
      {
        id: ["A-1", "A-2"],
        stage: stageOf,
        amount: [5000, 3000],
        expectedClose: [d(3, 31), d(3, 31)],
        closedDate: ["", ""],
        owner: ["Ana", "Ben"],
        category: ["", ""],
      },
      info
    ).states;

  it("a won stage exported as its id, or flagged 'yes', is won (was: open, no Won bar)", () => {
    const w1 = week(["contractsigned", "Paid"]);
    expect(w1.map((s) => [s.outcome, s.category])).toEqual([
      ["won", "closed"],
      ["won", "closed"],
    ]);
    let rows: unknown[][] = [];
    for (const [date, states] of [
      [W[0], week(["negotiation", "Negotiation"])],
      [W[1], w1],
    ] as const) {
      const read = readHistory([[...HISTORY_COLUMNS], ...rows]);
      if (!Array.isArray(read)) throw new Error("History unreadable");
      rows = [...rows, ...planSnapshot(read, [], states, date).rows];
    }
    // Both deals were in the open pipeline at W0 (8,000) and won by W1.
    const out = cell(
      pipelineChangesFunction,
      [[...HISTORY_COLUMNS], ...rows],
      table,
      "All"
    ) as unknown[][];
    expect(out.find((r) => r[0] === "Won")).toEqual(["Won", 2, -8000]);
    expect(out.find((r) => r[0] === "Ending pipeline")).toEqual(["Ending pipeline", 0, 0]);
  });
});

describe("the history functions on degenerate History tables", () => {
  const header = [...HISTORY_COLUMNS];
  const blankRow = (blank: unknown) => header.map(() => blank);
  for (const [name, blank] of [
    ["0 (desktop)", 0],
    ["null (web)", null],
    ['"" (text)', ""],
  ] as const) {
    it(`header only, or header and blank rows sent as ${name}: "needs 2 snapshots"`, () => {
      for (const grid of [[header], [header, blankRow(blank), blankRow(blank)]]) {
        for (const fn of [pipelineChangesFunction, stuckDealsFunction])
          expect(cell(fn, grid, STAGE_TABLE)).toMatchObject({ error: "#N/A" });
      }
    });
  }

  it("one snapshot: #N/A; two snapshots without any move: PIPELINE_CHANGES all zero changes, STUCK_DEALS none", () => {
    const one = [header, [W[0], "D1", AS, "Open", "", "", "Ana", ""]];
    expect(cell(stuckDealsFunction, one, STAGE_TABLE)).toMatchObject({ error: "#N/A" });
    expect(cell(pipelineChangesFunction, one, STAGE_TABLE)).toMatchObject({ error: "#N/A" });
    // A blank amount is 0 and a deal without a close date is in the "All" pipeline.
    const two = [...one, [W[1], "D2", QTB, "Open", 0, null, "Ben", ""]];
    expect(cell(pipelineChangesFunction, two, STAGE_TABLE, "All")).toEqual([
      ["Starting pipeline", 1, 0],
      ["New", 1, 0],
      ...[
        "Pulled in",
        "Amount increased",
        "Won",
        "Lost",
        "Pushed out",
        "Amount decreased",
        "Removed",
      ].map((l) => [l, 0, 0]),
      ["Ending pipeline", 2, 0],
      ["Moved forward", 0, 0],
      ["Moved backward", 0, 0],
    ]);
    expect(cell(stuckDealsFunction, two, STAGE_TABLE)).toEqual({
      error: "#N/A",
      message: "no deal is stuck in its stage",
    });
  });
});
