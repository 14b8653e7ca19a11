/**
 * `npm start`: on Windows and macOS, build, serve and sideload into Excel with
 * office-addin-debugging. On Linux there is no desktop Excel to sideload into, so it does not
 * pretend: it says how to use Excel on the web and starts the local preview (the real task pane
 * beside an in-memory stand-in of Excel), reusing a build and a certificate that are still valid
 * and opening the default browser. A second `npm start` finds the running preview and opens it.
 */
const { spawn } = require("child_process");
const path = require("path");

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(command, args) {
  const child = spawn(command, args, { stdio: "inherit", cwd: path.join(__dirname, "..") });
  child.on("exit", (code) => process.exit(code === null ? 1 : code));
}

if (process.platform === "win32" || process.platform === "darwin") {
  run(npm, ["exec", "--", "office-addin-debugging", "start", "manifest.xml"]);
} else {
  console.log(
    [
      "No desktop Excel on Linux: starting the local preview (the real task pane beside an",
      "in-memory stand-in of Excel). For Excel on the web, see README › Run it.",
    ].join("\n")
  );
  run(process.execPath, [path.join(__dirname, "preview.js"), ...process.argv.slice(2)]);
}
