import {
  blankRows,
  jsonBytes,
  planWrites,
  MAX_REQUEST_BYTES,
} from "../../../src/engine/csv/writePlan";
import { Records } from "../../../src/engine/csv/records";
import { planUpsert } from "../../../src/engine/csv/upsert";
import { DEALS } from "../../../src/model/schema";

const headers = ["Deal ID", "Deal Name", "My notes", "Probability", "Amount"];
const PROBABILITY = DEALS.columns.find((c) => c.name === "Probability")!.formula!;

function records(
  rows: (string | number | null | undefined)[][],
  columns = ["Deal ID", "Deal Name", "Probability", "Amount"]
): Records {
  return {
    columns,
    values: rows,
    ids: rows.map((r) => (r[0] as string) ?? null),
    idMapped: true,
    problems: [],
    rejected: new Uint8Array(rows.length),
    dates: [],
    needsDateOrder: false,
    decimalComma: [],
    percentPoints: [],
    numbers: [],
    needsNumberChoice: false,
    tooLong: [],
    truncated: [],
  };
}

describe("planWrites", () => {
  const recs = records([
    ["D2", "Beta", null, 200],
    ["D9", "New", 0.5, null],
    ["D5", null, null, 500],
  ]);
  const plan = planUpsert(["D1", "D2", "x", "y", "", "D5"], recs.ids);
  const { blocks, missingColumns } = planWrites(DEALS, headers, 6, recs, plan);

  it("writes updates over table rows with null for every cell that must not change", () => {
    expect(blocks[0]).toMatchObject({ kind: "update", startRow: 1, fileRows: [0, 2] });
    expect(blocks[0].values).toEqual([
      ["D2", "Beta", null, null, 200], // user column and blank formula column untouched
      [null, null, null, null, null], // rows between updates untouched
      [null, null, null, null, null],
      [null, null, null, null, null],
      ["D5", "", null, null, 500], // a blank mapped text cell is cleared
    ]);
    expect(missingColumns).toEqual([]);
  });

  it("appends with blanks for unmapped columns and the formula where the file has no value", () => {
    expect(blocks[1]).toMatchObject({ kind: "append", startRow: 6, fileRows: [1] });
    expect(blocks[1].values).toEqual([["D9", "New", "", 0.5, ""]]);
    const blankProbability = planWrites(
      DEALS,
      headers,
      0,
      records([["D7", "x", null, 1]]),
      planUpsert([], ["D7"])
    );
    expect(blankProbability.blocks[0].values).toEqual([["D7", "x", "", PROBABILITY, 1]]);
  });

  it("splits far-apart updates into separate blocks", () => {
    const ids = Array.from({ length: 500 }, (_, i) => `T${i}`);
    const r = records([
      ["T0", "a", null, 1],
      ["T499", "b", null, 2],
    ]);
    const b = planWrites(DEALS, headers, 500, r, planUpsert(ids, r.ids)).blocks;
    expect(b.map((x) => [x.kind, x.startRow, x.values.length])).toEqual([
      ["update", 0, 1],
      ["update", 499, 1],
    ]);
  });

  it("keeps every block within the byte budget, and the estimate equals the JSON size", () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [
      `N${i}`,
      'شركة النور "x"\n'.repeat(3),
      null,
      i * 1.5,
    ]);
    const r = records(rows);
    const b = planWrites(DEALS, headers, 0, r, planUpsert([], r.ids), { budget: 50_000 }).blocks;
    expect(b.length).toBeGreaterThan(5);
    for (const block of b) {
      const exact =
        Buffer.byteLength(JSON.stringify(block.values), "utf8") +
        (block.formats ? Buffer.byteLength(JSON.stringify(block.formats), "utf8") : 0) +
        Buffer.byteLength(JSON.stringify(blankRows(block.values.length, headers.length)), "utf8");
      expect(block.bytes).toBe(exact);
      expect(exact).toBeLessThanOrEqual(50_000);
    }
    expect(b.flatMap((x) => x.fileRows)).toEqual(rows.map((_, i) => i));
    expect(b[1].startRow).toBe(b[0].values.length);
  });

  it('marks each text cell Excel would read as something else "@", in updates and appends', () => {
    const evil = '=HYPERLINK("http://evil.example","x")';
    const r = records([
      ["D1", evil, null, 1],
      ["D2", "+1 555", null, 2],
      ["00123", "Acme", null, 3],
    ]);
    const plan = planUpsert(["D1"], r.ids);
    const b = planWrites(DEALS, headers, 1, r, plan).blocks;
    // Values go as they are: no apostrophe anywhere.
    expect(b[0].values[0][1]).toBe(evil);
    expect(b[0].formats).toEqual([[null, "@", null, null, null]]);
    expect(b[1].values).toEqual([
      ["D2", "+1 555", "", PROBABILITY, 2], // our own formula stays a formula
      ["00123", "Acme", "", PROBABILITY, 3],
    ]);
    expect(b[1].formats).toEqual([
      [null, "@", null, null, null],
      ["@", null, null, null, null],
    ]);
    // Nothing to protect: no formats at all.
    const plain = records([["D7", "Acme", null, 1]]);
    expect(planWrites(DEALS, headers, 0, plain, planUpsert([], plain.ids)).blocks[0].formats).toBe(
      null
    );
  });

  it("refuses a row larger than one request instead of failing midway", () => {
    const r = records([
      ["D1", "small", null, 1],
      ["D2", "x".repeat(30_000), null, 2],
    ]);
    const p = planWrites(DEALS, headers, 0, r, planUpsert([], r.ids), { budget: 20_000 });
    expect(p.blocks).toEqual([]);
    expect(p.oversized.map((o) => o.fileRow)).toEqual([1]);
  });

  it("fills a new table's empty row first, then appends", () => {
    const r = records([
      ["D1", "a", null, 1],
      ["D2", "b", null, 2],
    ]);
    const b = planWrites(DEALS, headers, 1, r, planUpsert([""], r.ids), {
      placeholder: true,
    }).blocks;
    expect(b.map((x) => [x.kind, x.startRow, x.fileRows])).toEqual([
      ["fill", 0, [0]],
      ["append", 1, [1]],
    ]);
  });

  it("keeps update blocks exactly as large as their JSON", () => {
    for (const block of blocks.filter((x) => x.kind === "update")) {
      expect(block.bytes).toBe(
        Buffer.byteLength(JSON.stringify(block.values), "utf8") +
          (block.formats ? Buffer.byteLength(JSON.stringify(block.formats), "utf8") : 0)
      );
    }
  });

  it("names mapped columns the table no longer has", () => {
    const r = records([["D1", "x", null, 1]]);
    expect(
      planWrites(DEALS, ["Deal ID", "Deal Name"], 0, r, planUpsert([], r.ids)).missingColumns
    ).toEqual(["Probability", "Amount"]);
  });

  it("plans nothing when nothing is to be written", () => {
    expect(planWrites(DEALS, headers, 3, records([]), planUpsert(["a"], [])).blocks).toEqual([]);
  });

  it("stays under the 4 MB request limit by default", () => {
    expect(MAX_REQUEST_BYTES).toBe(4194304);
  });
});

describe("jsonBytes", () => {
  it.each([
    ["abc", 5],
    ["é", 4],
    ["ن", 4],
    ["😀", 6],
    ['a"b', 6],
    ["a\nb", 6],
    [12.5, 4],
    [true, 4],
    [false, 5],
    [null, 4],
  ])("sizes %j like JSON in UTF-8", (v, n) => {
    expect(jsonBytes(v)).toBe(n);
    expect(Buffer.byteLength(JSON.stringify(v), "utf8")).toBe(n);
  });
});
