import { nelderMead } from "../../../src/engine/forecast/nelderMead";

describe("nelderMead", () => {
  it("finds the minimum of a quadratic bowl", () => {
    const r = nelderMead(([x, y]) => (x - 1) ** 2 + 3 * (y + 2) ** 2, [0, 0], {
      maxEvaluations: 500,
    });
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(-2, 3);
    expect(r.value).toBeLessThan(1e-6);
  });

  it("gets close to the minimum of Rosenbrock's valley", () => {
    const r = nelderMead(([x, y]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2, [-1.2, 1], {
      maxEvaluations: 2000,
      tolerance: 1e-12,
    });
    expect(r.x[0]).toBeCloseTo(1, 2);
    expect(r.x[1]).toBeCloseTo(1, 2);
  });

  it("never exceeds its evaluation budget", () => {
    let calls = 0;
    const r = nelderMead(
      ([x]) => {
        calls++;
        return Math.sin(x * 1000);
      },
      [0.3],
      { maxEvaluations: 37 }
    );
    expect(calls).toBeLessThanOrEqual(38);
    expect(r.evaluations).toBe(calls);
  });

  it("treats non-finite objective values as walls", () => {
    const r = nelderMead(([x]) => (x < 0 ? NaN : Math.exp(x) - 3 * x), [0.2], {
      maxEvaluations: 300,
      tolerance: 1e-12,
    });
    expect(r.x[0]).toBeCloseTo(Math.log(3), 3);
    expect(Number.isFinite(r.value)).toBe(true);
  });
});
