/**
 * CSV import benchmark (`npm run bench -- import`): a synthetic 100,000-row HubSpot deals export
 * (tests/fixtures/hubspotExport.ts, ~17 MB with BOM, CRLF, quoted fields, two date formats, "$1,234.50"
 * amounts, Arabic names, injected formulas) is parsed, detected, mapped, converted and validated
 * by `prepareImport`, the work the import does before its first write.
 *
 * Target (issue 7): ≤ 3 s in Node on this machine. Printed: wall and CPU time (median of 3 runs
 * after a warm-up; CPU time also counts the garbage collector's threads and is the steadier figure
 * on a shared machine), rows/s, and the write requests the import would send into a table laid
 * out by Setup: all rows new (appends), and the same file again (all updates).
 * `BENCH_ROWS=20000 npm run bench -- import` runs another size.
 *
 * Then the same rows as an XLSX export (issue 13; target ≤ 6 s): numbers as numbers, dates as
 * serials under a date format, text as shared strings, written by tests/support/xlsxWriter.ts;
 * timed: unzip + read the sheet (`readXlsx`) + detect, map, convert and validate (`prepareCsv`).
 */
import { hubspotDealsExport } from "../tests/fixtures/hubspotExport";
import { prepareImport } from "../src/engine/csv/prepare";
import { planUpsert } from "../src/engine/csv/upsert";
import { planWrites, MAX_REQUEST_BYTES } from "../src/engine/csv/writePlan";
import { DEALS } from "../src/model/schema";
import { prepareCsv } from "../src/engine/csv/prepare";
import { readXlsx } from "../src/engine/xlsx/read";
import { writeXlsx, XlsxCell } from "../tests/support/xlsxWriter";

const XLSX_TARGET_MS = 6000;

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const TARGET_MS = 3000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function main(): void {
  const text = hubspotDealsExport(ROWS);
  const bytes = Buffer.byteLength(text, "utf8");
  prepareImport(text, { target: "Deals" }); // warm-up
  const walls: number[] = [];
  const cpus: number[] = [];
  let prepared: ReturnType<typeof prepareImport> | null = null;
  for (let i = 0; i < 3; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    prepared = prepareImport(text, { target: "Deals" });
    walls.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  if (!prepared || !prepared.ok) throw new Error("the generated export did not prepare");
  const p = prepared.value;
  const wall = median(walls);
  const cpu = median(cpus);

  // A table as Setup lays it out: the Deals columns, text columns formatted "@".
  const headers = DEALS.columns.map((c) => c.name);
  const t0 = process.hrtime.bigint();
  // A new table has one empty body row (Excel's, and the stand-in's); the import fills it first.
  const fresh = planWrites(DEALS, headers, 1, p.records, planUpsert([""], p.records.ids, p.skip), {
    placeholder: true,
  });
  const planMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const ids = p.records.ids.map((id) => id ?? "");
  const again = planWrites(
    DEALS,
    headers,
    ids.length,
    p.records,
    planUpsert(ids, p.records.ids, p.skip)
  );
  const largest = (blocks: typeof fresh.blocks): number => Math.max(...blocks.map((b) => b.bytes));

  console.log(
    `rows ${ROWS.toLocaleString("en-US")}, file ${(bytes / 1e6).toFixed(1)} MB, source ${p.preset?.id}`
  );
  console.log(
    `rows ready ${p.ready}, problems ${p.problems.length}, date order needed: ${p.records.needsDateOrder}`
  );
  console.log("step                          | wall ms | cpu ms | rows/s");
  console.log(
    `parse+detect+map+validate     | ${wall.toFixed(0).padStart(7)} | ${cpu.toFixed(0).padStart(6)} | ${Math.round((ROWS / wall) * 1000).toLocaleString("en-US")}`
  );
  console.log(`plan upsert + write blocks    | ${planMs.toFixed(0).padStart(7)} |        |`);
  console.log(
    `write requests, all new rows: ${fresh.blocks.length} (+2 reads = ${fresh.blocks.length + 2} syncs), largest ${(largest(fresh.blocks) / 1e6).toFixed(2)} MB`
  );
  console.log(
    `write requests, all updates:  ${again.blocks.length} (+2 reads = ${again.blocks.length + 2} syncs), largest ${(largest(again.blocks) / 1e6).toFixed(2)} MB`
  );
  const ok = wall <= TARGET_MS;
  console.log(
    `target ≤ ${TARGET_MS} ms: ${ok ? "met" : "NOT met"} (wall ${wall.toFixed(0)} ms, cpu ${cpu.toFixed(0)} ms)`
  );
  // On a shared machine wall time counts the wait for a core; CPU time is what the work costs.
  console.log(`target by cpu time: ${cpu <= TARGET_MS ? "met" : "NOT met"}`);
  if (largest(fresh.blocks) > MAX_REQUEST_BYTES || largest(again.blocks) > MAX_REQUEST_BYTES) {
    throw new Error("a write request would exceed 4 MB");
  }
  xlsx(p);
}

/** The prepared rows again as an XLSX export, then read + prepared like the pane does. */
function xlsx(p: Extract<ReturnType<typeof prepareImport>, { ok: true }>["value"]): void {
  const dateColumns = new Set(
    DEALS.columns.filter((c) => c.type === "date" || c.type === "datetime").map((c) => c.name)
  );
  const header = p.csv.headers.filter((_, i) => p.mapping[i] !== null);
  const names = p.records.columns;
  // Headers of the file for the mapped columns, in the records' column order.
  const headerOf = (c: string): string => p.csv.headers[p.mapping.indexOf(c)] ?? c;
  const rows: XlsxCell[][] = [names.map(headerOf)];
  for (const r of p.records.values) {
    rows.push(
      r.map((v, k) =>
        v === null || v === undefined
          ? null
          : typeof v === "number" && dateColumns.has(names[k])
            ? { date: v }
            : v
      )
    );
  }
  const bytes = writeXlsx([{ name: "deals", rows }]);
  const run = (): number => {
    const read = readXlsx(bytes);
    if (!read.ok) throw new Error("the XLSX did not read");
    const prep = prepareCsv(read.book.grid, { target: "Deals" });
    if (!prep.ok) throw new Error("the XLSX did not prepare");
    return prep.value.ready;
  };
  run(); // warm-up
  const walls: number[] = [];
  const cpus: number[] = [];
  let ready = 0;
  for (let i = 0; i < 3; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    ready = run();
    walls.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  const wall = median(walls);
  const cpu = median(cpus);
  console.log(
    `xlsx ${(bytes.length / 1e6).toFixed(1)} MB (${header.length} columns), rows ready ${ready}`
  );
  console.log(
    `read xlsx+detect+map+validate | ${wall.toFixed(0).padStart(7)} | ${cpu.toFixed(0).padStart(6)} | ${Math.round((ROWS / wall) * 1000).toLocaleString("en-US")}`
  );
  console.log(
    `xlsx target ≤ ${XLSX_TARGET_MS} ms: ${wall <= XLSX_TARGET_MS ? "met" : "NOT met"} (wall ${wall.toFixed(0)} ms, cpu ${cpu.toFixed(0)} ms)`
  );
  console.log(`xlsx target by cpu time: ${cpu <= XLSX_TARGET_MS ? "met" : "NOT met"}`);
}

main();
