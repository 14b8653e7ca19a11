/**
 * `npm run bench:forecast`: runs bench/forecast/run.ts (TypeScript through ts-node,
 * transpile-only), which prints the accuracy table (OWA, sMAPE, MASE) of SALES.FORECAST_SALES's
 * engine beside R's forecast package and the M4 baselines, and its speed.
 */
const { spawnSync } = require("child_process");
const path = require("path");

const r = spawnSync(
  process.execPath,
  [
    "-r",
    "ts-node/register/transpile-only",
    // `-- --arima`: our auto-ARIMA against R's orders (bench/forecast/arimaOrders.ts);
    // `-- --short`: short monthly histories (bench/forecast/shortHistories.ts);
    // `-- --yearly`: every record without a season, each set and pooled (yearlyPool.ts).
    path.join(
      __dirname,
      "..",
      "bench",
      "forecast",
      process.argv.includes("--arima")
        ? "arimaOrders.ts"
        : process.argv.includes("--short")
          ? "shortHistories.ts"
          : process.argv.includes("--yearly")
            ? "yearlyPool.ts"
            : "run.ts"
    ),
    ...process.argv.slice(2),
  ],
  {
    stdio: "inherit",
    env: { ...process.env, TS_NODE_COMPILER_OPTIONS: JSON.stringify({ module: "commonjs" }) },
  }
);
process.exit(r.status ?? 1);
