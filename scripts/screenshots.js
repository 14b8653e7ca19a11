/**
 * `npm run screenshots`: runs the browser tests that take the README's pictures with
 * UPDATE_DOCS_IMAGES=1, so they copy them into docs/images. A plain `npm test` writes its
 * screenshots only to tests/e2e/screenshots (ignored by git) and leaves docs/images alone.
 */
const { spawnSync } = require("child_process");
const path = require("path");

const r = spawnSync(
  process.execPath,
  [
    path.join(__dirname, "..", "tests", "e2e", "run.js"),
    "tabs",
    "setup",
    "dashboard",
    "multiCrm",
    "history",
    "preview",
    "i18n",
  ],
  { stdio: "inherit", env: { ...process.env, UPDATE_DOCS_IMAGES: "1" } }
);
if (r.status === 0) console.log("docs/images updated: review them (git diff --stat docs/images).");
process.exit(r.status === null ? 1 : r.status);
