/**
 * Runs the browser tests (tests/e2e/*.test.js) with node's test runner, one file at a time
 * (two cores: Chromium instances in parallel only slow each other down).
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { findChromium } = require("./harness");

if (!fs.existsSync(path.join(__dirname, "..", "..", "dist", "taskpane.html"))) {
  console.error("dist/ is missing: run `npm run build` first (npm test does)");
  process.exit(1);
}
if (!findChromium()) {
  const msg = "NO CHROMIUM FOUND: e2e tests need Debian's chromium (apt-get install -y chromium)";
  if (process.env.CI === "true") {
    console.error(msg);
    process.exit(1);
  }
  console.warn(`\n!!! ${msg} — SKIPPING e2e tests !!!\n`);
}
const files = fs
  .readdirSync(__dirname)
  .filter((f) => f.endsWith(".test.js"))
  .sort()
  .map((f) => path.join(__dirname, f));
const only = process.argv.slice(2);
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
const r = spawnSync(process.execPath, ["--test", "--test-concurrency=1", ...selected], {
  stdio: "inherit",
});
process.exit(r.status === null ? 1 : r.status);
