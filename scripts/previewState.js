/**
 * What `npm start`, `npm stop` and `npm run preview` share: whether the built add-in and preview
 * are still up to date with their sources (so a start reuses them), the running preview's
 * record (pid, port, url) so a second start finds it and `npm stop` can stop it, and opening the
 * default browser.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawn, spawnSync } = require("child_process");

const ROOT = path.join(__dirname, "..");

/** Sources whose change makes dist/ or dist-preview/ stale. */
const SOURCES = [
  "src",
  "preview/excel",
  "preview/web",
  "assets",
  "manifest.xml",
  "webpack.config.js",
  "webpack.preview.config.js",
  "package-lock.json",
  "scripts/localizeFunctionsPlugin.js",
];

/** Newest modification time under a path (0 when missing). */
function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const e of fs.readdirSync(p)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

/**
 * Whether dist/ and dist-preview/ exist and are newer than every source.
 *
 * @returns {{ dist: boolean, preview: boolean }} true where the build can be reused
 */
function buildsUpToDate() {
  const sources = Math.max(...SOURCES.map((s) => newest(path.join(ROOT, s))));
  const built = (file) => {
    const p = path.join(ROOT, file);
    return fs.existsSync(p) && fs.statSync(p).mtimeMs >= sources;
  };
  return { dist: built("dist/taskpane.html"), preview: built("dist-preview/preview.html") };
}

/** The file that records the running preview of a port. */
function recordFile(port) {
  return path.join(os.tmpdir(), `sales-kpis-preview-${port}.json`);
}

/**
 * The running preview on a port, when its process is alive.
 *
 * @param {number} port
 * @returns {{ pid: number, port: number, url: string } | null}
 */
function runningPreview(port) {
  try {
    const rec = JSON.parse(fs.readFileSync(recordFile(port), "utf8"));
    process.kill(rec.pid, 0); // throws when the process is gone
    return rec;
  } catch {
    return null;
  }
}

/** Records this process as the preview on a port; removed again on exit. */
function recordPreview(port, url) {
  const file = recordFile(port);
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, port, url }));
  process.on("exit", () => {
    try {
      const rec = JSON.parse(fs.readFileSync(file, "utf8"));
      if (rec.pid === process.pid) fs.unlinkSync(file);
    } catch {
      // already gone
    }
  });
}

/** The preview port: PREVIEW_PORT, else package.json config.preview_port, else 3000. */
function previewPort() {
  return Number(
    process.env.PREVIEW_PORT ||
      process.env.npm_package_config_preview_port ||
      require("../package.json").config.preview_port ||
      3000
  );
}

/** Whether a command exists on PATH. */
function hasCommand(cmd) {
  const r = spawnSync(process.platform === "win32" ? "where" : "which", [cmd], { stdio: "ignore" });
  return r.status === 0;
}

/**
 * Opens a URL in the default browser where there is one (xdg-open on Linux, open on macOS,
 * start on Windows); says where to go otherwise. Never waits for the browser.
 *
 * @param {string} url
 * @returns {boolean} whether a browser was asked to open it
 */
function openBrowser(url) {
  if (process.env.NO_OPEN === "1" || process.argv.includes("--no-open")) return false;
  let cmd;
  let args;
  if (process.platform === "darwin") [cmd, args] = ["open", [url]];
  else if (process.platform === "win32") [cmd, args] = ["cmd", ["/c", "start", "", url]];
  else if (
    (process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.env.BROWSER) &&
    hasCommand("xdg-open")
  ) {
    [cmd, args] = ["xdg-open", [url]];
  }
  if (!cmd) return false;
  try {
    spawn(cmd, args, { detached: true, stdio: "ignore" }).unref();
    return true;
  } catch {
    return false;
  }
}

module.exports = {
  ROOT,
  buildsUpToDate,
  runningPreview,
  recordPreview,
  previewPort,
  openBrowser,
};
