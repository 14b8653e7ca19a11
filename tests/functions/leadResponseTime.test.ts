import { toSerial } from "../../src/engine/dates";
import { leadResponseTimeFunction } from "../../src/functions/sales/leadResponseTime";
import { cell, col } from "../setup/excelCalls";

const JAN_1 = toSerial(2026, 1, 1);

describe("LEAD_RESPONSE_TIME", () => {
  // waits: 6 h, 12 h, 1.5 h; the last two leads miss a time and are skipped
  const created = col(JAN_1, JAN_1 + 0.5, "2026-01-02 09:00", JAN_1 + 2, "");
  const contact = col(JAN_1 + 0.25, JAN_1 + 1, "2026-01-02 10:30", 0, JAN_1 + 3);

  it("gives the median in hours by default", () => {
    expect(cell(leadResponseTimeFunction, created, contact)).toBeCloseTo(6);
  });

  it("gives the mean or the nearest-rank 90th percentile on request", () => {
    expect(cell(leadResponseTimeFunction, created, contact, "mean")).toBeCloseTo(6.5);
    expect(cell(leadResponseTimeFunction, created, contact, "P90")).toBeCloseTo(12);
  });

  it("converts to minutes or days", () => {
    expect(cell(leadResponseTimeFunction, created, contact, null, "minutes")).toBeCloseTo(360);
    expect(cell(leadResponseTimeFunction, created, contact, "median", "Days")).toBeCloseTo(0.25);
  });

  it("picks an observed value for p90 (rank ⌈0.9 n⌉)", () => {
    const starts = col(...Array.from({ length: 10 }, () => JAN_1));
    const ends = col(...Array.from({ length: 10 }, (_, i) => JAN_1 + (i + 1) / 24));
    expect(cell(leadResponseTimeFunction, starts, ends, "p90")).toBeCloseTo(9);
  });

  it("names a contact before creation", () => {
    expect(cell(leadResponseTimeFunction, col(JAN_1, JAN_1), col(JAN_1 + 1, JAN_1 - 0.1))).toEqual({
      error: "#VALUE!",
      message: "Lead #2: first contact is before created",
    });
  });

  it("leaves out a first contact dated without a time on the creation day (its wait is unknown)", () => {
    // Created 15:00 on 2 Jan, contacted "2026-01-02" (midnight): not a negative wait, not an
    // error for the whole range; the other leads' waits (6 h, 1.5 h) make the figure.
    const made = col(JAN_1, JAN_1 + 1 + 15 / 24, JAN_1 + 2 + 9 / 24);
    const reached = col(JAN_1 + 0.25, "2026-01-02", JAN_1 + 2 + 10.5 / 24);
    expect(cell(leadResponseTimeFunction, made, reached, "mean")).toBeCloseTo((6 + 1.5) / 2, 9);
    // A contact on an earlier day is still bad data, named.
    expect(
      cell(leadResponseTimeFunction, made, col(JAN_1 + 0.25, "2026-01-01", JAN_1 + 3))
    ).toEqual({
      error: "#VALUE!",
      message: "Lead #2: first contact is before created",
    });
  });

  it("names a bad date and an unknown option", () => {
    expect(cell(leadResponseTimeFunction, col("yesterday"), col(JAN_1))).toEqual({
      error: "#VALUE!",
      message: 'Created #1 is not a date: "yesterday"',
    });
    expect(cell(leadResponseTimeFunction, created, contact, "avg")).toEqual({
      error: "#VALUE!",
      message: 'statistic "avg" is not one of: median, mean, p90',
    });
    expect(cell(leadResponseTimeFunction, created, contact, null, "weeks")).toEqual({
      error: "#VALUE!",
      message: 'unit "weeks" is not one of: hours, minutes, days',
    });
  });

  it("rejects unequal ranges", () => {
    expect(cell(leadResponseTimeFunction, col(JAN_1, JAN_1), col(JAN_1))).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(
        /is \d+×\d+ but \w+ is \d+×\d+: the ranges must have the same shape/
      ),
    });
  });

  it("is #DIV/0! when no lead has both times", () => {
    expect(cell(leadResponseTimeFunction, col(JAN_1, null), col(0, JAN_1))).toEqual({
      error: "#DIV/0!",
      message: "",
    });
  });
});
