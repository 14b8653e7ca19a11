import { ownerSnapshots } from "../../../src/engine/history/ownerFilter";
import { DealState } from "../../../src/engine/history/snapshot";

const deal = (id: string, owner: string, amount = 100): DealState => ({
  id,
  stage: "Demo",
  outcome: "open",
  amount,
  closeDate: 46000,
  owner,
  category: null,
});
const snap = (...ds: DealState[]) => new Map(ds.map((d) => [d.id, d]));

describe("ownerSnapshots", () => {
  const before = snap(deal("a", "Ann"), deal("b", "Ann"), deal("c", "Bo"), deal("gone", "Ann"));
  const after = snap(deal("a", "Ann", 120), deal("b", "Bo"), deal("c", "Bo"), deal("new", "bo "));

  it("gives a deal to its later owner, or its earlier one when it has been removed", () => {
    const [b, a] = ownerSnapshots(before, after, "Ann");
    expect([...b.keys()]).toEqual(["a", "gone"]);
    expect([...a.keys()]).toEqual(["a"]);
    const [b2, a2] = ownerSnapshots(before, after, "BO");
    // "b" was handed from Ann to Bo: Bo's in both snapshots; owners compare as labels.
    expect([...b2.keys()]).toEqual(["b", "c"]);
    expect([...a2.keys()]).toEqual(["b", "c", "new"]);
  });

  it("keeps every deal for a blank owner, and none for an unknown one", () => {
    expect(ownerSnapshots(before, after, "")).toEqual([before, after]);
    const [b, a] = ownerSnapshots(before, after, "Nobody");
    expect([b.size, a.size]).toEqual([0, 0]);
  });
});
