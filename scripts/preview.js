/**
 * `npm run preview` (and `npm start` on Linux): serves https://localhost:3000/preview.html, the
 * real task pane beside an in-memory stand-in for Excel.
 * - Reuses dist/ and dist-preview/ when they are newer than their sources; builds what is
 *   stale (`--build` rebuilds both, `--no-build` never builds).
 * - Reuses the localhost certificate while it is valid; never installs it (no sudo).
 * - A preview already running on the port: says so, opens it, exits 0 (a second start is
 *   instant). Another program on the port: one line with the PREVIEW_PORT hint, exit 1.
 * - Opens the default browser where one exists (`--no-open` or NO_OPEN=1 to skip).
 * Port: PREVIEW_PORT, else package.json config `preview_port`. `npm stop` stops it.
 */
const { spawnSync } = require("child_process");
const path = require("path");
const { startPreviewServer } = require("../preview/server");
const {
  ROOT,
  buildsUpToDate,
  openBrowser,
  previewPort,
  recordPreview,
  runningPreview,
} = require("./previewState");

const webpackCli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");

function build(args, what) {
  console.log(`Building ${what}…`);
  const r = spawnSync(process.execPath, [webpackCli, ...args, "--stats", "errors-warnings"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (r.status !== 0) {
    console.error(`Building ${what} failed.`);
    process.exit(r.status === null ? 1 : r.status);
  }
}

function announce(url, opened) {
  console.log(`\nPreview: ${url}`);
  console.log(
    opened
      ? "Opened in your browser. `npm stop` (or Ctrl+C here) stops it."
      : "Open that address in a browser. `npm stop` (or Ctrl+C here) stops it."
  );
}

async function main() {
  const port = previewPort();
  const running = runningPreview(port);
  if (running) {
    console.log(`The preview is already running (pid ${running.pid}).`);
    announce(running.url, openBrowser(running.url));
    return;
  }
  if (!process.argv.includes("--no-build")) {
    const force = process.argv.includes("--build");
    const fresh = buildsUpToDate();
    if (force || !fresh.dist) build(["--mode", "development"], "the add-in (dist/)");
    if (force || !fresh.preview) {
      build(
        ["--config", "webpack.preview.config.js", "--mode", "development"],
        "the preview (dist-preview/)"
      );
    }
    if (!force && fresh.dist && fresh.preview)
      console.log("Reusing the build (sources unchanged).");
  }
  let server;
  try {
    server = await startPreviewServer({ port });
  } catch (e) {
    if (e && e.code === "EADDRINUSE") {
      console.error(
        `Port ${port} is in use by another program: stop it, or start on another port with PREVIEW_PORT=${port + 1} npm start.`
      );
      process.exit(1);
    }
    throw e;
  }
  recordPreview(server.port, `${server.url}preview.html`);
  console.log("The real task pane beside an in-memory stand-in for Excel (not Excel).");
  if (server.trustHint) console.log(server.trustHint);
  announce(`${server.url}preview.html`, openBrowser(`${server.url}preview.html`));
  const stop = () => server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e) => {
  console.error(`The preview did not start: ${e && e.message ? e.message : e}`);
  process.exit(1);
});
