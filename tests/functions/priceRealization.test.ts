import { priceRealizationFunction } from "../../src/functions/sales/priceRealization";
import { cell, col } from "../setup/excelCalls";

describe("PRICE_REALIZATION", () => {
  it("divides net revenue by list revenue with a quantity of 1 each", () => {
    expect(cell(priceRealizationFunction, col(90, "40", 0), col(100, "$50", 20))).toBeCloseTo(
      130 / 170
    );
  });

  it("weights by quantities, a blank quantity counting as 0", () => {
    expect(
      cell(priceRealizationFunction, col(90, 40, 10), col(100, 50, 20), col(1, "2", ""))
    ).toBeCloseTo(0.85);
  });

  it("counts blank prices as 0", () => {
    expect(cell(priceRealizationFunction, col(90, null), col(100, ""))).toBeCloseTo(0.9);
  });

  it("is #DIV/0! when there is no list value", () => {
    expect(cell(priceRealizationFunction, col(5, 5), col(0, ""))).toEqual({
      error: "#DIV/0!",
      message: "",
    });
    expect(cell(priceRealizationFunction, col(5), col(10), col(0))).toEqual({
      error: "#DIV/0!",
      message: "",
    });
  });

  it("names bad cells by position", () => {
    expect(cell(priceRealizationFunction, col(1, 2), col(1, "list"))).toEqual({
      error: "#VALUE!",
      message: 'List price #2 is not a number: "list"',
    });
    expect(cell(priceRealizationFunction, col(1), col(1), col("many"))).toEqual({
      error: "#VALUE!",
      message: 'Quantity #1 is not a number: "many"',
    });
  });

  it("rejects unequal ranges", () => {
    expect(cell(priceRealizationFunction, col(1, 2), col(1))).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(
        /is \d+×\d+ but \w+ is \d+×\d+: the ranges must have the same shape/
      ),
    });
    expect(cell(priceRealizationFunction, col(1), col(1), col(1, 2))).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(
        /is \d+×\d+ but \w+ is \d+×\d+: the ranges must have the same shape/
      ),
    });
  });
});
