/**
 * `npm run bench`: runs every benchmark in bench/*.bench.ts (TypeScript through ts-node,
 * transpile-only) one after another and prints their tables. Benchmarks print ratios against a
 * baseline measured in the same run, since absolute times on a shared machine are noise.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const dir = path.join(__dirname, "..", "bench");
const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const r = spawnSync(
    process.execPath,
    ["--max-old-space-size=8192", "-r", "ts-node/register/transpile-only", path.join(dir, f)],
    {
      stdio: "inherit",
      env: { ...process.env, TS_NODE_COMPILER_OPTIONS: JSON.stringify({ module: "commonjs" }) },
    }
  );
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
