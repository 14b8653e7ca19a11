import { indexLabels, readFlags, readOrderedLabels } from "../../src/engine/cells";
import { EngineError, isError } from "../../src/engine/errors";

describe("readFlags", () => {
  it("reads booleans, 1/0 and yes/no text in any case", () => {
    expect(
      readFlags(
        [
          [true],
          [false],
          [1],
          [0],
          ["Yes"],
          ["NO"],
          ["y"],
          ["n"],
          ["TRUE"],
          ["false"],
          ["1"],
          [" 0 "],
        ],
        "Converted"
      )
    ).toEqual([true, false, true, false, true, false, true, false, true, false, true, false]);
  });
  it("reads null and empty text as blank but 0 as no", () =>
    expect(readFlags([[null], [""], [0]], "Converted")).toEqual([null, null, false]));
  it("names the first cell that is not a flag", () => {
    expect(readFlags([[true], ["maybe"]], "Converted")).toEqual(
      new EngineError("value", 'Converted #2 is not a yes/no value: "maybe"')
    );
    expect(isError(readFlags([[2]], "Converted"))).toBe(true);
  });
});

describe("indexLabels", () => {
  it("maps cells to distinct normalized labels, blanks to -1", () => {
    const r = indexLabels([["Won"], ["Demo"], ["won "], [0], [""], [null], ["Closed_Won"]]);
    expect(r.labels).toEqual(["won", "demo", "closed won"]);
    expect(r.raw).toEqual(["Won", "Demo", "Closed_Won"]);
    expect([...r.index]).toEqual([0, 1, 0, -1, -1, -1, 2]);
  });
});

describe("readOrderedLabels", () => {
  it("keeps order and spelling, one label per cell of a range, and skips blanks", () => {
    expect(readOrderedLabels([["Demo, Proposal"], [0], ["Closed_Won"]])).toEqual([
      { text: "Demo, Proposal", label: "demo, proposal" },
      { text: "Closed_Won", label: "closed won" },
    ]);
  });
  it("splits a single text at commas unless the data has that whole label", () => {
    expect(readOrderedLabels("Demo, Proposal")).toEqual([
      { text: "Demo", label: "demo" },
      { text: "Proposal", label: "proposal" },
    ]);
    expect(readOrderedLabels([["Demo, Proposal"]], (l) => l === "demo, proposal")).toEqual([
      { text: "Demo, Proposal", label: "demo, proposal" },
    ]);
  });
  it("is empty when omitted", () => expect(readOrderedLabels(null)).toEqual([]));
});
