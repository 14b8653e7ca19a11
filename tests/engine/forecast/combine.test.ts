import { combineMean, combineMedian } from "../../../src/engine/forecast/combine";

describe("combination", () => {
  it("averages paths step by step", () => {
    expect(
      combineMean([
        [1, 2],
        [3, 4],
      ])
    ).toEqual([2, 3]);
  });

  it("takes the median step by step, odd or even", () => {
    expect(
      combineMedian([
        [1, 2],
        [3, 4],
        [10, 0],
      ])
    ).toEqual([3, 2]);
    expect(combineMedian([[1], [3]])).toEqual([2]);
  });
});
