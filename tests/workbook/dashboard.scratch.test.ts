import { createStandIn } from "../../preview/excel";
import { setUpWorkbook } from "../../src/workbook/setup";
import { buildDashboard } from "../../src/workbook/dashboard/build";
import { toSerial, todaySerial } from "../../src/engine/dates";

jest.setTimeout(120000);
it("scratch", async () => {
  const s = createStandIn();
  s.install(globalThis);
  await setUpWorkbook({ stagePreset: "salesforce", language: "en", sampleData: true, asOf: todaySerial() });
  s.resetCounters();
  const t0 = Date.now();
  let err: unknown;
  try { const r = await buildDashboard({ language: "en" }); console.log(JSON.stringify(r)); } catch (e) { err = e; console.log("ERR", e); }
  console.log("ms", Date.now() - t0, s.syncCount(), s.requests().map((r) => r.bytes));
  const snap = s.snapshot();
  const d = snap.sheets.find((x) => x.name === "Dashboard");
  if (d) {
    const out: string[] = [];
    for (const [a, c] of Object.entries(d.cells)) if (/^[A-K]([1-9]|1[0-9])$/.test(a) || /^[B-F](2[0-9]|4[0-9]|5[0-9])$/.test(a)) out.push(`${a}: ${JSON.stringify(c.value)} ${c.error ?? ""} ${s.getError("Dashboard", a) ?? ""}`);
    console.log(out.join("\n"));
    console.log(JSON.stringify(d.charts, null, 1).slice(0, 3000));
  }
  expect(err).toBeUndefined();
});
