import { idIndex } from "../../src/engine/idIndex";
import { fnv1a } from "../../src/engine/textHash";

describe("fnv1a", () => {
  it("gives FNV-1a's published 32-bit values", () => {
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("foobar")).toBe(0xbf9cf968);
  });
});

describe("idIndex", () => {
  it("finds each ID's first cell, -1 for an ID not in the column or blank; repeated IDs are not distinct", () => {
    const index = idIndex(["D1", "", "D2", "D1", "d2"]);
    expect([index.find("D1"), index.find("D2"), index.find("d2")]).toEqual([0, 2, 4]);
    expect([index.find("D9"), index.find(""), index.find("D1 ")]).toEqual([-1, -1, -1]);
    expect(index.distinct).toBe(false);
  });

  it("a column without repeated IDs is distinct (blanks aside); an empty one finds nothing", () => {
    const index = idIndex(["A", "", "B", ""]);
    expect(index.distinct).toBe(true);
    expect([index.find("A"), index.find("B"), index.find("")]).toEqual([0, 2, -1]);
    expect(idIndex([]).find("A")).toBe(-1);
    expect(idIndex(["", ""]).distinct).toBe(true);
  });

  it("agrees with a Map on 50,000 IDs of real shapes, repeated, as text that collides in the table", () => {
    let seed = 11;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const shapes = [
      (n: number) => `D${n}`,
      (n: number) => `006Q0000${String(n).padStart(7, "0")}QAA`,
      (n: number) => String(18561234567 + 37 * n),
      (n: number) => `صفقة-${n}`,
    ];
    const ids = Array.from({ length: 50_000 }, () => {
      const n = Math.floor(next() * 30_000);
      return next() < 0.02 ? "" : shapes[n % 4](n);
    });
    const firstOf = new Map<string, number>();
    ids.forEach((id, i) => id !== "" && !firstOf.has(id) && firstOf.set(id, i));
    const index = idIndex(ids);
    expect(ids.map((id) => index.find(id))).toEqual(ids.map((id) => firstOf.get(id) ?? -1));
    const asked = Array.from({ length: 40_000 }, (_, n) => shapes[n % 4](n));
    expect(asked.map((id) => index.find(id))).toEqual(asked.map((id) => firstOf.get(id) ?? -1));
    expect(index.distinct).toBe(false);
  });
});
