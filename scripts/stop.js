/**
 * `npm stop`: stops the local preview started by `npm start` / `npm run preview` (any platform;
 * found through its record in the temp folder), and on Windows and macOS also unloads the
 * sideloaded add-in with office-addin-debugging.
 */
const { spawnSync } = require("child_process");
const path = require("path");
const { previewPort, runningPreview } = require("./previewState");

const port = previewPort();
const running = runningPreview(port);
if (running) {
  process.kill(running.pid, "SIGTERM");
  console.log(`Stopped the preview on port ${port} (pid ${running.pid}).`);
} else {
  console.log(`No preview is running on port ${port}.`);
}

if (process.platform === "win32" || process.platform === "darwin") {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = spawnSync(npm, ["exec", "--", "office-addin-debugging", "stop", "manifest.xml"], {
    cwd: path.join(__dirname, ".."),
    stdio: "inherit",
  });
  process.exit(r.status === null ? 1 : r.status);
}
