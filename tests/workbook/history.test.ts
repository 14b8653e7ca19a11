/**
 * The snapshot writer on the Excel stand-in: three weekly Salesforce exports imported into a
 * workbook set up with HubSpot's stages; History holds the first snapshot whole and then only the
 * changes; PIPELINE_CHANGES on the sheet shows exactly the known changes; importing the same
 * file again changes nothing.
 */
import { createStandIn } from "../../preview/excel";
import { toSerial } from "../../src/engine/dates";
import { setUpWorkbook } from "../../src/workbook/setup";
import { importRecords } from "../../src/workbook/import";
import {
  EXPECTED_CHANGES,
  ExportDeal,
  SF_OPEN_STAGES,
  WEEKS,
  salesforceCsv,
} from "../fixtures/history/weeklyPipeline";

type StandIn = ReturnType<typeof createStandIn>;
const DATES = [toSerial(2026, 11, 20), toSerial(2026, 11, 27), toSerial(2026, 12, 4)];
const SHEET = "Pipeline History";

function tableValues(standIn: StandIn, name: string): unknown[][] {
  const t = standIn
    .snapshot()
    .sheets.flatMap((s) => s.tables.map((x) => ({ ...x, sheet: s.name })))
    .find((x) => x.name === name)!;
  return standIn.getValues(t.sheet, t.address.split("!").pop()!.replace(/\$/g, "")) as unknown[][];
}

async function importWeek(w: number, date = DATES[w]) {
  return importRecords({ target: "Deals", text: salesforceCsv(WEEKS[w]), snapshotDate: date });
}

describe("recordSnapshot after a deals import", () => {
  let standIn: StandIn;
  beforeAll(async () => {
    standIn = createStandIn({ excelApi: "1.17" });
    standIn.install(globalThis);
    await setUpWorkbook({ stagePreset: "hubspot", language: "en", sampleData: false } as never);
  });

  it("keeps every deal of the first import, then only the changes", async () => {
    const first = await importWeek(0);
    expect(first.history).toMatchObject({ status: "recorded", added: 20, deals: 20, withoutId: 0 });
    const second = await importWeek(1);
    expect(second.history).toMatchObject({ status: "recorded", added: 2, deals: 20 });
    standIn.resetCounters();
    const third = await importWeek(2);
    // 3 new, 2 won, 1 lost, 4 pushed, 2 amount changes, 3 stage moves: 15 deals changed.
    expect(third.history).toMatchObject({ status: "recorded", added: 15, deals: 23 });
    // The snapshot: find the tables, read them, one History read, one write.
    expect(third.history?.syncs).toBe(4);
    expect(third.syncs).toBe(standIn.syncCount());
    const history = tableValues(standIn, "History");
    expect(history.length - 1).toBe(37);
    expect(history[0]).toEqual([
      "Snapshot",
      "Deal ID",
      "Stage",
      "Outcome",
      "Amount",
      "Close Date",
      "Owner",
      "Forecast Category",
    ]);
    const won = history.find((r) => r[1] === EXPECTED_CHANGES.won[0] && r[0] === DATES[2]);
    expect(won).toEqual([
      DATES[2],
      EXPECTED_CHANGES.won[0],
      "Closed Won",
      "Won",
      expect.any(Number),
      expect.any(Number),
      expect.any(String),
      "Closed",
    ]);
    // The loss reason column of the export lands in Deals[Loss Reason].
    const deals = tableValues(standIn, "Deals");
    const reason = deals[0].indexOf("Loss Reason");
    const lost = deals.find((r) => r[0] === EXPECTED_CHANGES.lost[0])!;
    expect(lost[reason]).toBe("Price");
    const index = tableValues(standIn, "Snapshots");
    expect(index.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual([
      [DATES[0], 20, 20],
      [DATES[1], 20, 2],
      [DATES[2], 23, 15],
    ]);
    const open = WEEKS[2]
      .filter((d) => !d.stage.startsWith("Closed"))
      .reduce((s, d) => s + d.amount, 0);
    expect(index[3][2]).toBe(open);
  });

  it("adds nothing when the third file is imported again, twice, the same day", async () => {
    const before = JSON.stringify(standIn.snapshot());
    for (let i = 0; i < 2; i++) {
      const again = await importWeek(2);
      expect(again.history).toMatchObject({ status: "unchanged", added: 0 });
    }
    expect(JSON.stringify(standIn.snapshot())).toBe(before);
  });

  it("computes PIPELINE_CHANGES on the sheet with exactly the known changes", async () => {
    standIn.setFormula(
      SHEET,
      "Q2",
      '=SALES.PIPELINE_CHANGES(History[#All], Stages[Stage], "This fiscal quarter", 4, , , , Snapshots[Snapshot])'
    );
    const out = standIn.getValues(SHEET, "Q2:S13") as unknown[][];
    const row = (label: string) => out.find((r) => r[0] === label)!;
    expect(row("New")[1]).toBe(3);
    expect(row("Won")[1]).toBe(2);
    expect(row("Lost")[1]).toBe(1);
    expect(row("Pushed out")[1]).toBe(4);
    expect(row("Amount increased").slice(1)).toEqual([1, 500]);
    expect(row("Amount decreased").slice(1)).toEqual([1, -300]);
    // HubSpot's stages in the Stages table: Salesforce's stage names are not in the order, so the
    // stage moves are counted against the export's own order given as text.
    standIn.setFormula(
      SHEET,
      "U2",
      `=SALES.PIPELINE_CHANGES(History[#All], "Prospecting, Qualification, Needs Analysis, Value Proposition, Id. Decision Makers, Perception Analysis, Proposal/Price Quote, Negotiation/Review", "This fiscal quarter", 4)`
    );
    const moves = standIn.getValues(SHEET, "U12:W13") as unknown[][];
    expect(moves.map((r) => [r[0], r[1]])).toEqual([
      ["Moved forward", 2],
      ["Moved backward", 1],
    ]);
  });

  it("computes FUNNEL with the History on the sheet: the lost and moved-back deals where they were", () => {
    // Salesforce's stages, won last; a deal reached every stage up to the furthest open stage any
    // week's export showed it in (won: every stage), computed here from the three exports.
    const order = [...SF_OPEN_STAGES, "Closed Won"];
    const reached = (deals: readonly ExportDeal[], withHistory: boolean) =>
      deals.map((d) => {
        if (d.stage === "Closed Won") return order.length - 1;
        const seen = withHistory
          ? WEEKS.flatMap((w) => w.filter((x) => x.id === d.id).map((x) => x.stage))
          : [d.stage];
        return Math.max(0, ...seen.map((stage) => SF_OPEN_STAGES.indexOf(stage)));
      });
    const counts = (at: number[]) => order.map((_, k) => at.filter((x) => x >= k).length);
    const text = order.join(", ");
    const rows = 1 + order.length;
    const cases: [string, string, string, readonly ExportDeal[]][] = [
      [
        "Y2",
        `Y2:AA${rows}`,
        `=SALES.FUNNEL(Deals[Stage], "${text}", , History[#All], Deals[Deal ID])`,
        WEEKS[2],
      ],
      [
        "AC2",
        `AC2:AE${rows}`,
        `=SALES.FUNNEL(FILTER(Deals[Stage], Deals[Owner]="Alice Chen"), "${text}", , History[#All], FILTER(Deals[Deal ID], Deals[Owner]="Alice Chen"))`,
        WEEKS[2].filter((d) => d.owner === "Alice Chen"),
      ],
    ];
    for (const [at, range, formula, deals] of cases) {
      standIn.setFormula(SHEET, at, formula);
      const out = standIn.getValues(SHEET, range) as unknown[][];
      const want = counts(reached(deals, true));
      expect([at, out.map((r) => r[1])]).toEqual([at, want]);
      out.forEach((r, k) => expect(r[2]).toBeCloseTo(k === 0 ? 1 : want[k] / want[k - 1], 12));
      // The lost deal (was at Value Proposition) and the one moved back from Id. Decision Makers.
      expect(want).not.toEqual(counts(reached(deals, false)));
    }
  });

  it("records a quiet week as a snapshot without History rows", async () => {
    const quiet = await importWeek(2, DATES[2] + 7);
    expect(quiet.history).toMatchObject({ status: "recorded", added: 0 });
    expect(tableValues(standIn, "Snapshots")).toHaveLength(5);
    expect(tableValues(standIn, "History")).toHaveLength(38);
  });
});
