import { prepareImport } from "../../../src/engine/csv/prepare";
import { describeProblem } from "../../../src/engine/csv/types";
import { fixture } from "./fixtures";

describe("prepareImport", () => {
  it("detects, maps and converts a fixture in one call", () => {
    const p = prepareImport(fixture("pipedrive-deals.csv"));
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.value.preset?.id).toBe("pipedriveDeals");
    expect(p.value.target).toBe("Deals");
    expect(p.value.unmapped.map((u) => u.header)).toEqual([
      "Deal - Contact person",
      "Deal - Pipeline",
      "Deal - Last stage change",
      "Deal - Next activity date",
    ]);
    // "25,000" alone cannot tell 25 from 25000 (issue 13): the user is asked, nothing guessed.
    expect(p.value.records.needsNumberChoice).toBe(true);
    expect(p.value.ready).toBe(3);
    const answered = prepareImport(fixture("pipedrive-deals.csv"), {
      numberMarks: { Amount: "." },
    });
    expect(answered.ok && answered.value.ready).toBe(4);
    if (!answered.ok) return;
    const amount = answered.value.records.columns.indexOf("Amount");
    expect(answered.value.records.values.map((r) => r[amount])).toEqual([1500, 25000, 4800, 12000]);
  });

  it("reports a malformed file with its lines", () => {
    const p = prepareImport(fixture("malformed.csv"));
    expect(p).toEqual({
      ok: false,
      failure: {
        code: "malformed",
        issues: [
          { code: "fieldCount", line: 3, expected: 4, got: 3 },
          { code: "unterminatedQuote", line: 4 },
        ],
        more: 0,
      },
    });
  });

  it("skips the earlier of two rows with the same ID", () => {
    const p = prepareImport("Deal ID,Amount\nD1,1\nD2,2\nD1,3\n");
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.value.problems.map(describeProblem)).toEqual([
      'line 2: ID "D1" appears again on line 4, which wins',
    ]);
    expect([...p.value.skip]).toEqual([1, 0, 0]);
    expect(p.value.ready).toBe(2);
  });

  it("uses the target, preset and mapping it is given", () => {
    const p = prepareImport(fixture("hubspot-deals.csv"), {
      target: "Deals",
      preset: null,
      mapping: Array(12)
        .fill(null)
        .map((_, i) => (i === 0 ? "Deal ID" : null)),
    });
    expect(p.ok && p.value.records.columns).toEqual(["Deal ID"]);
  });

  it("refuses a mapping that does not fit the file or maps nothing", () => {
    expect(prepareImport("a,b\n1,2\n", { target: "Deals", mapping: ["Amount"] })).toMatchObject({
      ok: false,
      failure: { code: "badMapping" },
    });
    expect(prepareImport("a,b\n1,2\n", { target: "Deals", mapping: [null, null] })).toEqual({
      ok: false,
      failure: { code: "nothingMapped" },
    });
  });
});
