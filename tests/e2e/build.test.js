/**
 * What `npm run build` leaves in dist/ and how the release build refuses to run without a
 * public address: no source maps ship, the local build's manifest points at localhost (not at a
 * placeholder host), a favicon exists, and `npm run build:prod` without ADDIN_PUBLIC_URL stops in
 * one line before compiling anything.
 */
const { test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { ROOT } = require("./harness");

const DIST = path.join(ROOT, "dist");

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full) : [full];
  });
}

test("dist/ ships no source maps, a favicon, and a localhost manifest", () => {
  const all = files(DIST).map((f) => path.relative(DIST, f));
  assert.deepEqual(
    all.filter((f) => f.endsWith(".map")),
    [],
    "source maps in dist/"
  );
  for (const js of all.filter((f) => f.endsWith(".js"))) {
    const text = fs.readFileSync(path.join(DIST, js), "utf8");
    assert.doesNotMatch(text.slice(-300), /sourceMappingURL/, `${js} links a source map`);
  }
  assert.ok(all.includes(path.join("assets", "icon-32.png")));
  assert.match(fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8"), /rel="?icon"?[\s>]/);
  const manifest = fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8");
  if (!process.env.ADDIN_PUBLIC_URL) assert.match(manifest, /https:\/\/localhost:3000\//);
  assert.doesNotMatch(manifest, /example\.com/);
});

test("build:prod without ADDIN_PUBLIC_URL fails with a one-line explanation", () => {
  const env = { ...process.env };
  delete env.ADDIN_PUBLIC_URL;
  const cli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  const r = spawnSync(process.execPath, [cli, "--mode", "production", "--env", "release"], {
    cwd: ROOT,
    env,
    encoding: "utf8",
  });
  assert.equal(r.status, 1);
  const err = r.stderr.trim();
  assert.equal(err.split("\n").length, 1, err);
  assert.match(err, /ADDIN_PUBLIC_URL/);
  assert.match(err, /docs\/deploy\.md/);
});
