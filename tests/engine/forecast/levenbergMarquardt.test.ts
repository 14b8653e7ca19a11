import { levenbergMarquardt } from "../../../src/engine/forecast/levenbergMarquardt";

describe("Levenberg–Marquardt", () => {
  it("solves a linear least-squares fit to rounding (the normal equations' answer)", () => {
    // y = 2 + 3x plus residuals that sum to zero and are orthogonal to x: the fit is (2, 3).
    const xs = [0, 1, 2, 3, 4];
    const noise = [0.1, -0.2, 0, 0.2, -0.1];
    const ys = xs.map((x, i) => 2 + 3 * x + noise[i]);
    const res = levenbergMarquardt(([a, b]) => xs.map((x, i) => a + b * x - ys[i]), [0, 0]);
    expect(res.x[0]).toBeCloseTo(2, 6);
    expect(res.x[1]).toBeCloseTo(3, 6);
    expect(res.value).toBeCloseTo(0.1, 8);
  });

  it("finds the minimum of the Rosenbrock valley from (−1.2, 1)", () => {
    const res = levenbergMarquardt(([a, b]) => [1 - a, 10 * (b - a * a)], [-1.2, 1], {
      maxIterations: 100,
    });
    expect(res.x[0]).toBeCloseTo(1, 5);
    expect(res.x[1]).toBeCloseTo(1, 5);
  });

  it("never leaves the admissible region: the constrained optimum is approached from inside", () => {
    // Minimize (a − 2)² subject to a < 1: every step beyond 1 is rejected.
    const res = levenbergMarquardt(([a]) => (a < 1 ? [a - 2] : null), [0]);
    expect(res.x[0]).toBeLessThan(1);
    expect(res.x[0]).toBeGreaterThan(0);
    expect(res.value).toBeLessThan(4);
  });

  it("an inadmissible start returns it with an infinite value; no parameters, the start's value", () => {
    expect(levenbergMarquardt(() => null, [1]).value).toBe(Infinity);
    expect(levenbergMarquardt(() => [3, 4], []).value).toBe(25);
  });
});
