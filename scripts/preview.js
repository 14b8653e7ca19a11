/**
 * `npm run preview`: builds the add-in (dist/) and the preview page (dist-preview/), then serves
 * https://localhost:3000/preview.html: the real task pane beside an in-memory stand-in for Excel.
 * Port: package.json config `preview_port`, overridden by PREVIEW_PORT. `--no-build` serves what
 * is already built.
 */
const { spawnSync } = require("child_process");
const path = require("path");
const { startPreviewServer } = require("../preview/server");

const ROOT = path.join(__dirname, "..");
const webpackCli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");

function build(args, what) {
  console.log(`Building ${what}…`);
  const r = spawnSync(process.execPath, [webpackCli, ...args], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`Building ${what} failed.`);
    process.exit(r.status === null ? 1 : r.status);
  }
}

async function main() {
  if (!process.argv.includes("--no-build")) {
    build(["--mode", "production"], "the add-in (dist/)");
    build(
      ["--config", "webpack.preview.config.js", "--mode", "production"],
      "the preview (dist-preview/)"
    );
  }
  const port = Number(
    process.env.PREVIEW_PORT ||
      process.env.npm_package_config_preview_port ||
      require("../package.json").config.preview_port ||
      3000
  );
  const server = await startPreviewServer({ port });
  console.log(`\nPreview: ${server.url}preview.html`);
  console.log(
    "The real task pane beside an in-memory stand-in for Excel (not Excel). Ctrl+C stops it."
  );
  if (server.secure) {
    console.log(
      "The localhost certificate is office-addin-dev-certs'; if your browser does not trust it yet, run"
    );
    console.log("`npx office-addin-dev-certs install` once, or accept the warning.");
  }
  const stop = () => server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
