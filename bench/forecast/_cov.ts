import * as fs from "fs";
import { fit, memberPaths, ForecastModel, MemberPath } from "../../src/engine/forecast";
const data = JSON.parse(fs.readFileSync("bench/forecast/data/series.json", "utf8"));
const rows = data.series.map((s: any) => {
  const model = fit(s.train, { members: ["ets", "arima", "ces"] }) as ForecastModel;
  return { s, model, paths: model.line ? null : memberPaths(model, s.h) };
});
const z = 1.959964;
type V = (ps: MemberPath[], i: number) => { mean: number; sd: number };
const rms: V = (ps, i) => ({ mean: ps.reduce((a, p) => a + p.mean[i], 0) / ps.length, sd: Math.sqrt(ps.reduce((a, p) => a + p.sd[i] ** 2, 0) / ps.length) });
const mix: V = (ps, i) => { const r = rms(ps, i); const v = ps.reduce((a, p) => a + (p.mean[i] - r.mean) ** 2, 0) / ps.length; return { mean: r.mean, sd: Math.sqrt(r.sd ** 2 + v) }; };
const one = (k: string): V => (ps, i) => ({ mean: 0, sd: 0 });
for (const [name, f] of [["rms", rms], ["mix", mix]] as const)
  for (const w of [1, 1.1, 1.2, 1.3, 1.4, 1.5]) {
    const out: string[] = [];
    for (const freq of [0, 12, 4, 1]) {
      let inside = 0, total = 0;
      for (const r of rows) {
        if (!r.paths || (freq && r.s.frequency !== freq)) continue;
        const ps = ["ets", "arima", "ces"].map((k) => r.paths[k]).filter(Boolean);
        let width = 0;
        r.s.test.forEach((y: number, i: number) => {
          const { mean, sd } = f(ps, i);
          width = Math.max(width, z * w * sd);
          total++;
          if (Math.abs(y / r.model.scale - mean) <= width) inside++;
        });
      }
      out.push(((100 * inside) / total).toFixed(1));
    }
    console.log(name, w, "all/monthly/quarterly/yearly", out.join(" "));
  }
// member coverage quarterly by member
for (const k of ["ets", "arima", "ces"]) {
  const out: string[] = [];
  for (const freq of [12, 4, 1]) {
    let inside = 0, total = 0;
    for (const r of rows) { if (!r.paths || r.s.frequency !== freq) continue; const p = r.paths[k]; if (!p) continue;
      r.s.test.forEach((y: number, i: number) => { total++; if (Math.abs(y / r.model.scale - p.mean[i]) <= z * p.sd[i]) inside++; }); }
    out.push(((100 * inside) / total).toFixed(1));
  }
  console.log(k, out.join(" "));
}
for (const r of rows) if (r.s.frequency === 4) console.log(r.s.name, r.s.origin, r.model.seasonality, r.model.ces?.season, r.model.ets ? "" : "", r.model.arima ? "" : "");
for (const r of rows) {
  if (r.s.frequency !== 4 || !r.paths) continue;
  const ps = ["ets", "arima", "ces"].map((k) => r.paths[k]).filter(Boolean);
  const cols = r.s.test.map((y: number, i: number) => { const { mean, sd } = rms(ps, i); return ((y / r.model.scale - mean) / (1.5 * sd)).toFixed(1); });
  console.log(r.s.name.padEnd(22), r.s.origin, r.s.train.length, ["ets","arima","ces"].map(k => (r.paths[k].sd[0]*1000).toFixed(2)).join("/"), cols.join(" "), r.model.ets?.spec ? JSON.stringify(r.model.ets.spec) : "");
}
