import {
  combineMean,
  combineMedian,
  combineWeighted,
  validationWeights,
} from "../../../src/engine/forecast/combine";

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

  it("weights voices by their hold-out errors: inverse, pick, shrunk", () => {
    const close = (a: number[] | null, b: number[]): void =>
      b.forEach((v, i) => expect((a as number[])[i]).toBeCloseTo(v, 12));
    close(validationWeights([1, 3], "inverse"), [0.75, 0.25]);
    close(validationWeights([1, 3], "pick"), [1, 0]);
    close(validationWeights([1, 3], "shrunk"), [0.625, 0.375]);
    close(validationWeights([2, 2, 2], "inverse"), [1 / 3, 1 / 3, 1 / 3]);
    close(validationWeights([5], "pick"), [1]);
    close(validationWeights([4, 1, 1], "pick"), [0, 1, 0]); // the first of equal bests
  });

  it("gives null (equal weights) when a voice has no error, shares weight among zero errors", () => {
    expect(validationWeights([1, null], "inverse")).toBeNull();
    expect(validationWeights([1, undefined], "pick")).toBeNull();
    expect(validationWeights([1, NaN], "shrunk")).toBeNull();
    expect(validationWeights([], "inverse")).toBeNull();
    expect(validationWeights([0, 2, 0], "inverse")).toEqual([0.5, 0, 0.5]);
    expect(validationWeights([0, 0], "inverse")).toEqual([0.5, 0.5]);
  });

  it("tiny and huge errors do not overflow", () => {
    const tiny = validationWeights([1e-300, 3e-300], "inverse") as number[];
    expect(tiny[0]).toBeCloseTo(0.75, 12);
    const huge = validationWeights([1e300, 3e300], "inverse") as number[];
    expect(huge[0]).toBeCloseTo(0.75, 12);
  });

  it("combines paths with weights step by step", () => {
    expect(
      combineWeighted(
        [
          [1, 2],
          [3, 4],
        ],
        [0.75, 0.25]
      )
    ).toEqual([1.5, 2.5]);
    // A voice with no weight cannot spoil the mean, even when its path is not finite.
    expect(combineWeighted([[1], [Infinity]], [1, 0])).toEqual([1]);
  });
});
