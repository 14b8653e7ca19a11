/**
 * tableStageNames: a file's stage id is written as the Stages table's name of that stage when
 * exactly one table stage has its identity; otherwise as the file gives it.
 */
import { prepareImport } from "../../../src/engine/csv/prepare";
import { tableStageNames } from "../../../src/engine/csv/tableStageNames";
import type { Records } from "../../../src/engine/csv/records";

/** A generic deals CSV (no preset: the file's stage values pass unchanged). */
function records(stages: readonly string[]): { records: Records; skip: Uint8Array } {
  const text = ["Deal ID,Deal Name,Deal Stage", ...stages.map((s, i) => `D${i},Deal ${i},${s}`)];
  const p = prepareImport(text.join("\n"), { target: "Deals", preset: null });
  if (!p.ok) throw new Error("not prepared");
  return { records: p.value.records, skip: p.value.skip };
}

const stageColumn = (r: Records): unknown[] => r.values.map((v) => v[r.columns.indexOf("Stage")]);

describe("tableStageNames", () => {
  it("writes an id as the table's label, counts rows per spelling, leaves labels and unknowns", () => {
    const { records: r, skip } = records([
      "contractsent",
      "Contract Sent",
      "closedwon",
      "contract sent",
      "CONTRACTSENT",
      "verbalcommit",
      "contractsent",
    ]);
    const out = tableStageNames(r, ["Contract Sent", "Closed Won", "Closed Lost"], skip);
    expect(stageColumn(out.records)).toEqual([
      "Contract Sent",
      "Contract Sent",
      "Closed Won",
      // The same label after normalization (case): written as the file gives it, as before.
      "contract sent",
      "Contract Sent",
      "verbalcommit",
      "Contract Sent",
    ]);
    expect(out.renamed).toEqual([
      { from: "contractsent", to: "Contract Sent", deals: 2 },
      { from: "closedwon", to: "Closed Won", deals: 1 },
      { from: "CONTRACTSENT", to: "Contract Sent", deals: 1 },
    ]);
    // The input is not changed.
    expect(stageColumn(r)[0]).toBe("contractsent");
  });

  it("leaves an identity two table stages share (Demo and DEMO, Closed-Won and Closed Won)", () => {
    const { records: r, skip } = records(["d.e.m.o", "demo", "closedwon", "qualifiedtobuy"]);
    const out = tableStageNames(
      r,
      ["Demo", "DEMO", "Closed-Won", "Closed Won", "Qualified To Buy"],
      skip
    );
    expect(stageColumn(out.records)).toEqual(["d.e.m.o", "demo", "closedwon", "Qualified To Buy"]);
    expect(out.renamed).toEqual([{ from: "qualifiedtobuy", to: "Qualified To Buy", deals: 1 }]);
  });

  it("a stage listed twice with one spelling is one stage", () => {
    const { records: r, skip } = records(["closedwon"]);
    expect(tableStageNames(r, ["Closed Won", "Closed Won"], skip).renamed).toEqual([
      { from: "closedwon", to: "Closed Won", deals: 1 },
    ]);
  });

  it("skipped rows, a file without Stage and an empty table change nothing", () => {
    const { records: r } = records(["closedwon", "closedwon"]);
    const out = tableStageNames(r, ["Closed Won"], Uint8Array.from([1, 0]));
    expect(stageColumn(out.records)).toEqual(["closedwon", "Closed Won"]);
    expect(out.renamed).toEqual([{ from: "closedwon", to: "Closed Won", deals: 1 }]);
    expect(tableStageNames(r, [], new Uint8Array(2))).toEqual({ records: r, renamed: [] });
    const noStage = { ...r, columns: r.columns.map((c) => (c === "Stage" ? "Other" : c)) };
    expect(tableStageNames(noStage, ["Closed Won"]).records).toBe(noStage);
  });
});
