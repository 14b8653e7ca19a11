import { normalQuantile } from "../../../src/engine/forecast/normal";

describe("normalQuantile", () => {
  it.each([
    [0.5, 0],
    [0.975, 1.959963985],
    [0.95, 1.644853627],
    [0.995, 2.575829304],
    [0.01, -2.326347874],
    [1e-6, -4.753424309],
  ])("Φ⁻¹(%f) = %f", (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 6);
  });

  it("is infinite at the ends", () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });
});
