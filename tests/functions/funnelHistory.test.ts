/**
 * FUNNEL with the History table: a deal reached every stage up to the furthest open stage any
 * weekly snapshot showed it in, as HubSpot's and Salesforce's funnel reports count "deals that
 * entered the stage" from stage history. Five weekly HubSpot deal exports (HubSpot's default
 * pipeline, Record IDs as numbers) are recorded into the History table exactly as the import
 * records them (changed rows only; a second import on one day amends that day). Expected counts
 * come from the weekly exports below (the deals' timelines), never from the History rows or the
 * function: a deal reached stage k when it is won or any export showed it won (every stage up to
 * the won slot: it went through them all to the close, also when reopened or lost since), or any
 * export showed it at an open stage at index ≥ k, and a deal always reached the first stage.
 */
import { toSerial } from "../../src/engine/dates";
import { DealState, HISTORY_COLUMNS } from "../../src/engine/history/snapshot";
import { funnelFunction } from "../../src/functions/sales/funnel";
import { CustomFunctionsError } from "../setup/customFunctionsStub";
import { cell, col } from "../setup/excelCalls";
import {
  HUBSPOT_STAGES,
  HUBSPOT_STAGE_TABLE,
  recordedHistory,
} from "../fixtures/history/hubspotPipeline";

const d = (m: number, day: number): number => toSerial(2026, m, day);
/** Monday imports: W0 … W4. */
const W = [d(5, 4), d(5, 11), d(5, 18), d(5, 25), d(6, 1)];

const STAGES = HUBSPOT_STAGES;
const [AS, QTB, PS, DMBI, CS, WON, LOST] = STAGES.map((s) => s[0]);
/** The funnel a HubSpot manager reads: the pipeline's stages in order, won last. */
const ORDER = [AS, QTB, PS, DMBI, CS, WON];
const ORDER_TEXT = ORDER.join(", ");

type Week = string | null;
interface Timeline {
  id: number;
  owner: string;
  /** The stage label each weekly export shows (null: not in that export). */
  weeks: Week[];
  /** Its History rows carry HubSpot's internal ids (an API export imported before). */
  ids?: boolean;
}
// One line per deal: the stage each weekly export shows.
const DEALS: Timeline[] = [
  { id: 9001, owner: "Ana", weeks: [AS, QTB, PS, DMBI, CS] }, // one stage a week
  { id: 9002, owner: "Ben", weeks: [QTB, PS, PS, LOST, LOST] }, // lost after Presentation
  { id: 9003, owner: "Cara", weeks: [AS, QTB, PS, DMBI, LOST] }, // lost after Decision maker
  { id: 9004, owner: "Ana", weeks: [null, PS, PS, PS, LOST] }, // created at W1, lost at W4
  { id: 9005, owner: "Ben", weeks: [QTB, PS, DMBI, PS, PS] }, // moved back DMBI → PS
  { id: 9006, owner: "Cara", weeks: [AS, QTB, CS, WON, WON] }, // won
  { id: 9007, owner: "Ana", weeks: [QTB, PS, CS, LOST, LOST], ids: true }, // ids in History
  { id: 9008, owner: "Ben", weeks: [AS, AS, AS, AS, AS] }, // never moves (see AMENDED)
  { id: 9009, owner: "Cara", weeks: [null, null, AS, QTB, QTB] }, // created at W2
  { id: 9010, owner: "Ana", weeks: [DMBI, DMBI, QTB, QTB, LOST] }, // moved back two, then lost
  { id: 9012, owner: "Ben", weeks: [CS, CS, CS, null, null] }, // deleted in the CRM after W2
];
/** W3's first import, corrected the same day by the export above: never in Contract Sent. */
const AMENDED: Record<number, Week> = { 9008: CS };

type Naming = "label" | "id";
function state(t: Timeline, stage: string, naming: Naming): DealState {
  const row = STAGES.find((s) => s[0] === stage)!;
  return {
    id: String(t.id),
    stage: naming === "id" || t.ids ? row[1] : row[0],
    outcome: stage === WON ? "won" : stage === LOST ? "lost" : "open",
    amount: 1000 * (t.id - 9000),
    closeDate: d(6, 30),
    owner: t.owner,
    category: null,
  };
}

function exportOf(
  week: number,
  naming: Naming,
  amend: Record<number, Week> = {},
  deals: readonly Timeline[] = DEALS
): DealState[] {
  return deals.flatMap((t) => {
    const w = t.id in amend ? amend[t.id] : t.weeks[week];
    return w ? [state(t, w, naming)] : [];
  });
}

/** History[#All] after the five imports (and W3's repeated import), as the import writes it. */
function history(
  naming: Naming,
  deals: readonly Timeline[] = DEALS,
  amended: Record<number, Week> = AMENDED
): unknown[][] {
  return recordedHistory(
    W.flatMap((date, k) => [
      ...(k === 3 ? [[date, exportOf(3, naming, amended, deals)] as const] : []),
      [date, exportOf(k, naming, {}, deals)] as const,
    ])
  );
}

/** One row of the Deals table today: Deal ID (a number, as HubSpot's Record ID), Stage, Owner. */
type DealRow = [id: number | string | null, stage: string, owner: string];
/**
 * Deals today (W4's export, labels), plus a deal typed in by hand that History never saw (lost)
 * and a row without an ID (in Presentation Scheduled). 9012 was deleted: History only.
 */
const TODAY: DealRow[] = [
  ...DEALS.filter((t) => t.weeks[4] !== null).map((t): DealRow => [t.id, t.weeks[4]!, t.owner]),
  [9011, LOST, "Ana"],
  [null, PS, "Cara"],
];
const stagesOf = (rows: readonly DealRow[]) => col(...rows.map((r) => r[1]));
const idsOf = (rows: readonly DealRow[]) => col(...rows.map((r) => r[0]));

/**
 * The stage index a deal reached (see the module comment); `withHistory` false: today's rule;
 * `wonInHistory` false: round 8's rule, where only open stages of the History counted.
 */
function reachedIndex(
  row: DealRow,
  withHistory: boolean,
  deals: readonly Timeline[] = DEALS,
  wonInHistory = true
): number {
  const t = deals.find((x) => x.id === row[0]);
  const weeks = withHistory && t ? t.weeks : [];
  if (row[1] === WON || (wonInHistory && weeks.includes(WON))) return ORDER.indexOf(WON);
  const now = ORDER.indexOf(row[1]);
  const seen = weeks.filter((w) => w !== null && w !== WON && w !== LOST);
  return Math.max(0, row[1] === LOST ? 0 : now, ...seen.map((w) => ORDER.indexOf(w!)));
}

/**
 * The funnel the rule gives: counts per stage and the conversion from the row above (#DIV/0!
 * below an empty row).
 */
function expectedFunnel(
  rows: readonly DealRow[],
  withHistory: boolean,
  deals: readonly Timeline[] = DEALS
): unknown[][] {
  const reached = rows.map((r) => reachedIndex(r, withHistory, deals));
  const counts = ORDER.map((_, k) => reached.filter((x) => x >= k).length);
  return ORDER.map((stage, k) => [
    stage,
    counts[k],
    k === 0
      ? 1
      : counts[k - 1] === 0
        ? expect.objectContaining({ code: "#DIV/0!" })
        : counts[k] / counts[k - 1],
  ]);
}

const countsOf = (r: unknown): unknown[] => (r as unknown[][]).map((row) => row[1]);

const STAGE_TABLE = HUBSPOT_STAGE_TABLE as unknown[][];

describe("FUNNEL with the History: lost and moved-back deals at the furthest stage they reached", () => {
  it("the hand figures agree with the exports (and differ from today's)", () => {
    // With History: 9001 CS, 9002 PS, 9003 DMBI, 9004 PS, 9005 DMBI, 9006 won, 9007 CS, 9008 AS,
    // 9009 QTB, 9010 DMBI, 9011 AS (no History), no-ID row PS → 12, 10, 9, 6, 3, 1.
    expect(countsOf(expectedFunnel(TODAY, true))).toEqual([12, 10, 9, 6, 3, 1]);
    // Without (each deal's current stage; lost ones at the first): 12, 5, 4, 2, 2, 1.
    expect(countsOf(expectedFunnel(TODAY, false))).toEqual([12, 5, 4, 2, 2, 1]);
  });

  it("counts each deal at the furthest open stage its History shows (was: lost deals at the first stage, moved-back deals at their current one)", () => {
    const got = cell(
      funnelFunction,
      stagesOf(TODAY),
      ORDER_TEXT,
      null,
      history("label"),
      idsOf(TODAY)
    );
    expect(got).toEqual(expectedFunnel(TODAY, true));
    const without = cell(funnelFunction, stagesOf(TODAY), ORDER_TEXT);
    expect(without).toEqual(expectedFunnel(TODAY, false));
    expect(countsOf(got)).not.toEqual(countsOf(without));
  });

  it("the same on a History of HubSpot's internal ids, with the order as a range and with the Stages table", () => {
    const want = expectedFunnel(TODAY, true);
    for (const naming of ["label", "id"] as const) {
      const h = history(naming);
      expect(cell(funnelFunction, stagesOf(TODAY), col(...ORDER), null, h, idsOf(TODAY))).toEqual(
        want
      );
      expect(
        cell(funnelFunction, stagesOf(TODAY), ORDER_TEXT, STAGE_TABLE, h, idsOf(TODAY))
      ).toEqual(want);
    }
  });

  it("reads IDs the way the History stores them: a number in Deals matches its text in History", () => {
    const h = history("label");
    expect(typeof h[1][1]).toBe("string");
    const asText = TODAY.map((r): DealRow => [r[0] === null ? null : ` ${r[0]} `, r[1], r[2]]);
    expect(cell(funnelFunction, stagesOf(asText), ORDER_TEXT, null, h, idsOf(asText))).toEqual(
      expectedFunnel(TODAY, true)
    );
  });

  it("a filtered pair (one owner's deals, as FILTER gives them) ignores other deals' History", () => {
    for (const owner of ["Ana", "Ben", "Cara"]) {
      const mine = TODAY.filter((r) => r[2] === owner);
      const got = cell(
        funnelFunction,
        stagesOf(mine),
        ORDER_TEXT,
        null,
        history("id"),
        idsOf(mine)
      );
      expect([owner, got]).toEqual([owner, expectedFunnel(mine, true)]);
    }
    // Ana has no won deal: Closed Won is 0 although the History holds Cara's won deal.
    const ana = TODAY.filter((r) => r[2] === "Ana");
    const got = cell(funnelFunction, stagesOf(ana), ORDER_TEXT, null, history("id"), idsOf(ana));
    expect(countsOf(got)).toEqual([5, 4, 4, 3, 2, 0]);
    // 9012 (Ben's, deleted) sat in Contract Sent; Ben's funnel today has no deal there.
    const ben = TODAY.filter((r) => r[2] === "Ben");
    const benGot = cell(funnelFunction, stagesOf(ben), ORDER_TEXT, null, history("id"), idsOf(ben));
    expect(countsOf(benGot)[4]).toBe(0);
  });

  it("a stage corrected by a second import the same day was never reached", () => {
    // 9008 alone: the mistaken Contract Sent row is in the History, amended the same day.
    const h = history("label");
    expect(h.some((r) => r[1] === "9008" && r[2] === CS)).toBe(true);
    const only = TODAY.filter((r) => r[0] === 9008);
    expect(
      countsOf(cell(funnelFunction, stagesOf(only), ORDER_TEXT, null, h, idsOf(only)))
    ).toEqual([1, 0, 0, 0, 0, 0]);
  });
});

describe("FUNNEL with the History: degenerate cases", () => {
  const header = [...HISTORY_COLUMNS];
  const stages = stagesOf(TODAY);
  const ids = idsOf(TODAY);
  const today = expectedFunnel(TODAY, false);

  it("a History with no rows (header only, or an empty table's blank row as each platform sends it) is today's funnel", () => {
    for (const blank of [0, null, ""]) {
      const empty = [header, header.map(() => blank)];
      expect(cell(funnelFunction, stages, ORDER_TEXT, null, empty, ids)).toEqual(today);
    }
    expect(cell(funnelFunction, stages, ORDER_TEXT, null, [header], ids)).toEqual(today);
  });

  it("history without deal_ids, deal_ids without history: #VALUE! naming the fix", () => {
    expect(cell(funnelFunction, stages, ORDER_TEXT, null, history("label"))).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(/^history needs deal_ids: .*Deals\[Deal ID\]/),
    });
    expect(cell(funnelFunction, stages, ORDER_TEXT, null, null, ids)).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(/^deal_ids needs history: .*History\[#All\]/),
    });
  });

  it("in an Arabic Excel the three messages are Arabic, naming the arguments and the fix", () => {
    const g = globalThis as { Office?: unknown };
    g.Office = { context: { displayLanguage: "ar-SA" } };
    try {
      const calls: unknown[][] = [
        [null, history("label")],
        [null, null, ids],
        [null, history("label"), ids.slice(1)],
      ];
      const messages = calls.map(
        (args) => (cell(funnelFunction, stages, ORDER_TEXT, ...args) as { message: string }).message
      );
      expect(messages[0]).toMatch(/^الوسيطة history تحتاج إلى deal_ids: .*Deals\[Deal ID\]/);
      expect(messages[1]).toMatch(/^الوسيطة deal_ids تحتاج إلى history: .*History\[#All\]/);
      expect(messages[2]).toContain(`في deal_ids \u200f${ids.length - 1} خلية لكن في stages`);
    } finally {
      delete g.Office;
    }
  });

  it("deal_ids of another length than stages: #VALUE! naming both counts", () => {
    expect(cell(funnelFunction, stages, ORDER_TEXT, null, history("label"), ids.slice(1))).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(
        new RegExp(`^deal_ids has ${ids.length - 1} cells but stages has ${ids.length}: `)
      ),
    });
  });

  it('blank IDs (0, "", null as each platform sends them) count as today', () => {
    for (const blank of [0, "", null]) {
      // Ana's IDs blanked: her deals count by their current stage, the others by their History.
      const rows = TODAY.map((r): DealRow => (r[2] === "Ana" ? [blank, r[1], r[2]] : r));
      const got = cell(
        funnelFunction,
        stagesOf(rows),
        ORDER_TEXT,
        null,
        history("label"),
        idsOf(rows)
      );
      const expected = ORDER.map(
        (_, k) => TODAY.filter((r) => reachedIndex(r, r[2] !== "Ana") >= k).length
      );
      expect([blank, countsOf(got)]).toEqual([blank, expected]);
      expect(expected).not.toEqual(countsOf(expectedFunnel(TODAY, true)));
    }
  });

  it("a History stage that is not in stage_order is ignored; the deal counts by its other rows", () => {
    // A Salesforce stage written into the History by hand; 9002 was only ever there and lost.
    const h = [
      header,
      [W[0], "9002", "Negotiation/Review", "Open", 1, "", "Ben", ""],
      [W[1], "9002", LOST, "Lost", 1, "", "Ben", ""],
    ];
    const rows: DealRow[] = [
      [9002, LOST, "Ben"],
      [9005, PS, "Ben"],
    ];
    expect(
      countsOf(cell(funnelFunction, stagesOf(rows), ORDER_TEXT, null, h, idsOf(rows)))
    ).toEqual([2, 1, 1, 0, 0, 0]);
  });

  it("a won deal counts up to the won slot whatever its History shows, never at a listed lost stage", () => {
    const rows: DealRow[] = [[9006, WON, "Cara"]];
    const order = [...ORDER, LOST].join(", ");
    expect(
      countsOf(cell(funnelFunction, stagesOf(rows), order, null, history("label"), idsOf(rows)))
    ).toEqual([1, 1, 1, 1, 1, 1, 0]);
    // Won not listed: the last open stage is the won slot, as without History.
    const open = [AS, QTB, PS].join(", ");
    expect(
      countsOf(cell(funnelFunction, stagesOf(rows), open, null, history("label"), idsOf(rows)))
    ).toEqual([1, 1, 1]);
  });

  it("a lost deal whose History shows only lost stages counts at the first stage, also when the order lists them", () => {
    // closedlost is Closed Lost by identity, but a lost stage is never "reached" as a step.
    // (Round 8's version of this test also had a closedwon row at W1 and counted X1 at the first
    // stage only: a deal once won now reached every stage up to the won slot, see below.)
    const h = [
      header,
      [W[0], "X1", "closedlost", "Lost", 1, "", "Ana", ""],
      [W[2], "X1", "Closed Lost", "Lost", 1, "", "Ana", ""],
    ];
    const rows: DealRow[] = [["X1", LOST, "Ana"]];
    for (const table of [null, STAGE_TABLE])
      expect(
        countsOf(
          cell(funnelFunction, stagesOf(rows), [...ORDER, LOST].join(", "), table, h, idsOf(rows))
        )
      ).toEqual([1, 0, 0, 0, 0, 0, 0]);
  });

  it("a malformed History: readHistory's message (missing column, bad cell)", () => {
    const noStage = [
      ["Snapshot", "Deal ID", "Amount", "Close Date"],
      [W[0], "9001", 1, ""],
    ];
    expect(cell(funnelFunction, stages, ORDER_TEXT, null, noStage, ids)).toEqual({
      error: "#VALUE!",
      message: 'History needs its header row with a "Stage" column',
    });
    const badDate = [header, ["soon", "9001", AS, "Open", 1, "", "Ana", ""]];
    expect(cell(funnelFunction, stages, ORDER_TEXT, null, badDate, ids)).toEqual({
      error: "#VALUE!",
      message: 'History row 1, Snapshot: "soon" is not a date',
    });
  });

  it("an error value in deal_ids or History is the result, as in SUM", () => {
    const na = new CustomFunctionsError("#N/A");
    const withError = ids.map((r, i) => (i === 2 ? [na] : r));
    expect(
      cell(funnelFunction, stages, ORDER_TEXT, null, history("label"), withError)
    ).toMatchObject({
      error: "#N/A",
      message: expect.stringMatching(/^deal_ids #3 holds #N\/A/),
    });
  });
});

describe("FUNNEL with the History: a deal won, then reopened or lost", () => {
  // Deals won at some snapshot and open or lost at a later one (a reopened contract, a cancelled
  // order), with two controls. 9204's W3 import first said Closed Won, corrected the same day.
  const REOPENED: Timeline[] = [
    { id: 9201, owner: "Ana", weeks: [PS, CS, WON, DMBI, DMBI] }, // won, reopened at DMBI
    { id: 9202, owner: "Ben", weeks: [QTB, WON, WON, LOST, LOST] }, // won, then lost
    { id: 9203, owner: "Cara", weeks: [AS, WON, QTB, QTB, QTB] }, // won, reopened early
    { id: 9204, owner: "Ana", weeks: [AS, QTB, QTB, QTB, PS], ids: true }, // never won
    { id: 9205, owner: "Ben", weeks: [QTB, PS, PS, PS, WON] }, // won today
  ];
  const CORRECTED: Record<number, Week> = { 9204: WON };
  const now: DealRow[] = REOPENED.map((t): DealRow => [t.id, t.weeks[4]!, t.owner]);
  const reopenedHistory = (naming: Naming) => history(naming, REOPENED, CORRECTED);
  const countsBy = (wonInHistory: boolean) =>
    ORDER.map(
      (_, k) => now.filter((r) => reachedIndex(r, true, REOPENED, wonInHistory) >= k).length
    );

  it("the hand figures agree with the exports, and differ from counting the History's open stages only", () => {
    // 9201, 9202, 9203 and 9205 reached Closed Won, 9204 Presentation Scheduled.
    expect(countsBy(true)).toEqual([5, 5, 5, 4, 4, 4]);
    // Round 8: 9201 at Contract Sent, 9202 and 9203 at Qualified To Buy.
    expect(countsBy(false)).toEqual([5, 5, 3, 2, 2, 1]);
  });

  it("counts a deal any snapshot showed won at every stage up to the won slot (was: its open stages only)", () => {
    for (const naming of ["label", "id"] as const)
      for (const table of [null, STAGE_TABLE]) {
        const got = cell(
          funnelFunction,
          stagesOf(now),
          ORDER_TEXT,
          table,
          reopenedHistory(naming),
          idsOf(now)
        );
        expect([naming, table !== null, got]).toEqual([
          naming,
          table !== null,
          expectedFunnel(now, true, REOPENED),
        ]);
        expect(countsOf(got)).not.toEqual(countsBy(false));
      }
  });

  it("a Closed Won row corrected by a second import the same day was never a win", () => {
    const h = reopenedHistory("label");
    expect(h.some((r) => r[1] === "9204" && r[2] === "closedwon")).toBe(true);
    const only = now.filter((r) => r[0] === 9204);
    expect(
      countsOf(cell(funnelFunction, stagesOf(only), ORDER_TEXT, null, h, idsOf(only)))
    ).toEqual([1, 1, 1, 0, 0, 0]);
  });

  it("never at a listed lost stage; the won slot is the last open stage when the order has no won stage", () => {
    const h = reopenedHistory("label");
    const lostToo = cell(
      funnelFunction,
      stagesOf(now),
      [...ORDER, LOST].join(", "),
      null,
      h,
      idsOf(now)
    );
    expect(countsOf(lostToo)).toEqual([...countsBy(true), 0]);
    // Without Closed Won in the order, a deal once won reached Contract Sent, the last stage.
    const openOnly = cell(
      funnelFunction,
      stagesOf(now),
      ORDER.slice(0, 5).join(", "),
      null,
      h,
      idsOf(now)
    );
    expect(countsOf(openOnly)).toEqual(countsBy(true).slice(0, 5));
  });

  it("the Outcome column decides as well as the stage: a stage only the workbook's Stages table called won", () => {
    // "Signed" was the won stage when these rows were imported (Outcome Won); the built-in labels
    // do not know it, and the order does not list it.
    const h = [
      [...HISTORY_COLUMNS],
      [W[0], "S1", PS, "Open", 1, "", "Ana", ""],
      [W[1], "S1", "Signed", "Won", 1, "", "Ana", ""],
      [W[2], "S1", QTB, "Open", 1, "", "Ana", ""],
      // A blank Outcome is judged from the stage by the built-in labels: Closed Won is a win.
      [W[0], "S2", "closedwon", "", 1, "", "Ben", ""],
      [W[1], "S2", AS, "", 1, "", "Ben", ""],
    ];
    const rows: DealRow[] = [
      ["S1", QTB, "Ana"],
      ["S2", AS, "Ben"],
    ];
    const got = cell(funnelFunction, stagesOf(rows), ORDER_TEXT, null, h, idsOf(rows));
    expect(countsOf(got)).toEqual([2, 2, 2, 2, 2, 2]);
  });
});
