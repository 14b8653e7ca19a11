import { isError } from "../../../src/engine/errors";
import { completeHistory } from "../../../src/engine/forecast/interpolate";

describe("completeHistory", () => {
  it("trims blanks at both ends and interpolates inside", () => {
    expect(completeHistory([null, 1, null, 3, 4, null, null])).toEqual([1, 2, 3, 4]);
    expect(completeHistory([10, null, 30, 40, null, 60, 70])).toEqual([10, 20, 30, 40, 50, 60, 70]);
  });

  it("accepts up to 30% missing", () => {
    expect(completeHistory([1, null, 3, null, 5, 6, 7, null, 9, 10])).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
  });

  it("says how many values are missing when more than 30% are", () => {
    const r = completeHistory([1, null, null, 4, 5]);
    expect(isError(r) && r.kind).toBe("value");
    expect(isError(r) && r.message).toBe(
      "the history is missing 2 of 5 values; at most 30% can be filled in"
    );
  });

  it("needs at least 3 numbers", () => {
    const r = completeHistory([null, 1, 2, null]);
    expect(isError(r) && r.message).toBe("the history needs at least 3 numbers, it has 2");
    expect(isError(completeHistory([]))).toBe(true);
  });
});
