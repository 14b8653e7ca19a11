import { fitTheta, thetaForecast } from "../../../src/engine/forecast/theta";
import { synthetic } from "./helpers";

describe("Theta method", () => {
  it("extrapolates half the trend slope from the smoothed level", () => {
    const y = synthetic(30, { level: 50, trend: 1, noise: 0.2 });
    const model = fitTheta(y, 1);
    expect(model.drift).toBeCloseTo(0.5, 1);
    const f = thetaForecast(model, 4);
    expect(f[3] - f[2]).toBeCloseTo(0.5, 1);
  });

  it("re-seasons with multiplicative indices when the series is seasonal", () => {
    const y = synthetic(48, { level: 100, pattern: [20, -10, 5, -15], noise: 1 });
    const model = fitTheta(y, 4);
    expect(model.season?.type).toBe("multiplicative");
    const f = thetaForecast(model, 4);
    expect(f[0]).toBeGreaterThan(f[1]);
    expect(f[2]).toBeGreaterThan(f[3]);
  });

  it("works on the shortest histories with a fixed α", () => {
    const model = fitTheta([3, 4, 6], 1);
    expect(model.alpha).toBe(0.5);
    expect(thetaForecast(model, 2).every(Number.isFinite)).toBe(true);
  });
});
