import { idKey, planUpsert } from "../../../src/engine/csv/upsert";

describe("planUpsert", () => {
  it("updates rows whose ID is in the table and adds the others", () => {
    expect(planUpsert(["D1", "", "D2"], ["D2", "D3", "D1"])).toEqual({
      updates: [
        { tableRow: 0, fileRow: 2 },
        { tableRow: 2, fileRow: 0 },
      ],
      appends: [1],
      duplicates: [],
      tableDuplicates: [],
      notInFile: [],
    });
  });

  it("lists the table's IDs the file lacks, a skipped row's ID counting as in the file", () => {
    const plan = planUpsert(
      ["D1", "", "D2", "D3", "D3", "D4"],
      ["D2", "D4", null],
      Uint8Array.from([0, 1, 0])
    );
    expect(plan.notInFile).toEqual([
      { tableRow: 0, id: "D1" },
      { tableRow: 3, id: "D3" },
      { tableRow: 4, id: "D3" },
    ]);
    expect(plan.updates).toEqual([{ tableRow: 2, fileRow: 0 }]);
  });

  it("never matches a table row without an ID (added by hand)", () => {
    const plan = planUpsert(["", null, "  "], ["", null]);
    expect(plan.updates).toEqual([]);
  });

  it("adds file rows without an ID", () => {
    expect(planUpsert(["D1"], [null, null]).appends).toEqual([0, 1]);
  });

  it("lets the last row with an ID win and reports the earlier ones", () => {
    const plan = planUpsert(["D1"], ["D1", "D9", "D1", "D9"]);
    expect(plan.updates).toEqual([{ tableRow: 0, fileRow: 2 }]);
    expect(plan.appends).toEqual([3]);
    expect(plan.duplicates).toEqual([
      { fileRow: 0, keptRow: 2, id: "D1" },
      { fileRow: 1, keptRow: 3, id: "D9" },
    ]);
  });

  it("leaves out rows to skip, so a valid earlier duplicate wins over a rejected later one", () => {
    const plan = planUpsert([], ["D1", "D1"], Uint8Array.from([0, 1]));
    expect(plan.appends).toEqual([0]);
    expect(plan.duplicates).toEqual([]);
  });

  it("matches IDs typed as numbers and IDs written with a quote prefix", () => {
    const plan = planUpsert([12345, "'00123", " D-7 "], ["12345", "00123", "D-7"]);
    expect(plan.updates.map((u) => u.tableRow)).toEqual([0, 1, 2]);
  });

  it("updates the first of the table's own duplicates and reports them", () => {
    const plan = planUpsert(["D1", "D1", "D2"], ["D1"]);
    expect(plan.updates).toEqual([{ tableRow: 0, fileRow: 0 }]);
    expect(plan.tableDuplicates).toEqual([{ id: "D1", tableRows: [0, 1] }]);
  });

  it("plans nothing for an empty file", () => {
    expect(planUpsert(["D1"], [])).toEqual({
      updates: [],
      appends: [],
      duplicates: [],
      tableDuplicates: [],
      notInFile: [{ tableRow: 0, id: "D1" }],
    });
  });
});

describe("idKey", () => {
  it.each([
    [" 'D-17 ", "D-17"],
    [12345, "12345"],
    ["", null],
    [null, null],
    [true, null],
    ["'", null],
  ])("keys %j as %j", (v, k) => expect(idKey(v)).toBe(k));
});
