/**
 * `npm start`: on Windows and macOS, build, serve and sideload into Excel with
 * office-addin-debugging. On Linux there is no Excel to sideload into, so it does not pretend:
 * it says how to use Excel on the web and opens the local preview (the real task pane beside an
 * in-memory stand-in of Excel).
 */
const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(args) {
  const child = spawn(npm, args, { stdio: "inherit", cwd: path.join(__dirname, "..") });
  child.on("exit", (code) => process.exit(code === null ? 1 : code));
}

if (process.platform === "win32" || process.platform === "darwin") {
  run(["exec", "--", "office-addin-debugging", "start", "manifest.xml"]);
} else {
  console.log(
    [
      "",
      "Linux has no desktop Excel to sideload into (office-addin-debugging: 'Platform not supported').",
      "To use the add-in in Excel on the web: run `npm run dev-server`, open a workbook at",
      "https://excel.cloud.microsoft, Home > Add-ins > More Add-ins > Upload My Add-in, and pick manifest.xml.",
      "",
      "Starting the local preview instead: the real task pane and SALES functions beside an",
      "in-memory stand-in of Excel (not Excel itself).",
      "",
    ].join("\n")
  );
  const hasPreview = fs.existsSync(path.join(__dirname, "preview.js"));
  run(hasPreview ? ["run", "preview"] : ["run", "dev-server"]);
}
